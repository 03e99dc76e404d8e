/**
 * Arrivals from an OTLP/JSON trace file (what Jaeger, Grafana Tempo and `msasim --trace` export):
 * each root span (no parent) is one request, arriving at its start time, counted from the
 * earliest root span's, in ns read exactly (BigInt). A root span whose name is one of the
 * workload's targets (`service/endpoint`, as msasim names its spans) goes there; any other is
 * sent by the mix. The whole file is held in memory (its size is capped by the CLI): spans are
 * not in time order in an export, so they are sorted.
 */
import * as msg from '../../scenario/messages.ts';
import type { ReplayDef } from '../../scenario/types.ts';
import type { DataIssue } from './rows.ts';

/** The arrivals of an OTLP/JSON document, sorted by time, or the problem with its structure. */
export function otlpArrivals(
  doc: unknown,
  def: ReplayDef,
  targets: readonly string[],
): { times: Float64Array; targets: Int32Array } | { issues: DataIssue[] } {
  const fail = (what: string) => ({ issues: [{ ...msg.badOtlp(what), line: 1, col: 1 }] });
  const resourceSpans = (doc as { resourceSpans?: unknown } | null)?.resourceSpans;
  if (!Array.isArray(resourceSpans)) return fail('no resourceSpans array');
  const starts: bigint[] = [];
  const names: number[] = [];
  for (const [r, rs] of resourceSpans.entries()) {
    const scopeSpans = (rs as { scopeSpans?: unknown } | null)?.scopeSpans;
    if (!Array.isArray(scopeSpans)) return fail(`resourceSpans[${r}] has no scopeSpans array`);
    for (const [s, ss] of scopeSpans.entries()) {
      const spans = (ss as { spans?: unknown } | null)?.spans;
      if (!Array.isArray(spans))
        return fail(`resourceSpans[${r}].scopeSpans[${s}] has no spans array`);
      for (const [i, span] of spans.entries()) {
        const sp = span as { parentSpanId?: unknown; startTimeUnixNano?: unknown; name?: unknown };
        if (sp === null || typeof sp !== 'object') return fail(`span ${i} is not an object`);
        if (typeof sp.parentSpanId === 'string' && sp.parentSpanId !== '') continue;
        const t = sp.startTimeUnixNano;
        const where = `resourceSpans[${r}].scopeSpans[${s}].spans[${i}].startTimeUnixNano`;
        if (typeof t !== 'string' && typeof t !== 'number') return fail(`${where} is missing`);
        if (!/^\d+$/.test(String(t))) return fail(`${where} is not a whole number of ns`);
        starts.push(BigInt(t));
        names.push(typeof sp.name === 'string' ? targets.indexOf(sp.name) : -1);
      }
    }
  }
  if (starts.length === 0) return fail('no root span (a span without parentSpanId)');
  const order = starts
    .map((_, i) => i)
    .sort((a, b) => (starts[a] < starts[b] ? -1 : starts[a] > starts[b] ? 1 : a - b));
  const origin = starts[order[0]];
  const times = new Float64Array(order.length);
  const chosen = new Int32Array(order.length);
  for (let k = 0; k < order.length; k++) {
    const ns = starts[order[k]] - origin;
    // whole ms exactly, then the rest of a ms
    const ms = Number(ns / 1_000_000n) + Number(ns % 1_000_000n) / 1e6;
    times[k] = def.speed === 1 ? ms : ms / def.speed;
    chosen[k] = names[order[k]];
  }
  return { times, targets: chosen };
}
