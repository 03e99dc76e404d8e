/**
 * traces.otlp.json: the traced requests of every variant as an OpenTelemetry OTLP/JSON export
 * (ExportTraceServiceRequest), which Jaeger ("Upload JSON") and Grafana Tempo import. Its
 * layout is the one the official OpenTelemetry JS serializer (@opentelemetry/otlp-transformer,
 * JsonTraceSerializer) writes, field for field (otlp.test.ts round-trips it through that
 * serializer): one resource per component (service.name = the service, the database, or
 * `client` for the requests' own spans), one scope `msasim`, spans with hex ids, times as
 * decimal strings of ns, kind SERVER (visits), CLIENT (requests, queries) or INTERNAL (waits),
 * status ERROR with the cause for failures.
 *
 * Simulated time is mapped to a fixed epoch: t = 0 of the run is 2000-01-01T00:00:00Z
 * (946,684,800,000 ms since 1970), so traces sort and show alike in every run. Ids are
 * deterministic: the trace id is a 64-bit FNV-1a hash of the scenario and variant names (and
 * of the replication, after the first) followed by the request's number (order answered), the span id the request's number
 * followed by the span's number in its trace.
 */
import type { RequestTrace, SpanEvent, TraceSpan } from '../../../metrics/traces.ts';

/** t = 0 of a run, ns since 1970: 2000-01-01T00:00:00Z. */
export const EPOCH_NS = 946_684_800_000n * 1_000_000n;

/** OTLP span kinds (the protobuf enum: API kind + 1). */
const KIND = { internal: 1, server: 2, client: 3 } as const;
/** The sampled trace flag with "has is-remote" (what the SDK writes for a local parent). */
const FLAGS = 0x101;

/** An OTLP/JSON attribute. */
type KeyValue = { key: string; value: { stringValue: string } | { intValue: number } };

/** The traces of one variant, with what names them. */
export interface VariantTraces {
  scenario: string;
  variant: string | null;
  traces: readonly RequestTrace[];
}

/** ns since 1970 of simulated `ms`, as OTLP/JSON writes it (a decimal string). */
export function toUnixNano(ms: number): string {
  return (EPOCH_NS + BigInt(Math.round(ms * 1e6))).toString();
}

/** 64-bit FNV-1a of `text` (UTF-16 code units), as 16 hex digits. */
export function fnv1a64(text: string): string {
  let h = 0xcbf29ce484222325n;
  for (let i = 0; i < text.length; i++) {
    h ^= BigInt(text.charCodeAt(i));
    h = (h * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return h.toString(16).padStart(16, '0');
}

/**
 * The trace id of request `seq` of a variant (32 hex digits, never all zero); of a replication
 * after the first, the replication's number is hashed too (the first's ids are those of a run
 * that traced only it).
 */
export function traceIdOf(
  scenario: string,
  variant: string | null,
  seq: number,
  replication = 1,
): string {
  const named = `${scenario}\u0000${variant ?? ''}${replication > 1 ? `\u0000${replication}` : ''}`;
  return fnv1a64(named) + BigInt(seq).toString(16).padStart(16, '0');
}

/** The span id of span `id` of request `seq` (16 hex digits, never zero). */
export function spanIdOf(seq: number, id: number): string {
  return ((BigInt(seq) << 24n) | BigInt(id)).toString(16).padStart(16, '0');
}

const str = (key: string, value: string): KeyValue => ({ key, value: { stringValue: value } });
const int = (key: string, value: number): KeyValue => ({ key, value: { intValue: value } });

/**
 * The component a span belongs to (its resource's service.name): the client for the request,
 * the service of a visit, the database of a query, the sender of a hop, else its parent's.
 */
function componentOf(span: TraceSpan, byId: ReadonlyMap<number, TraceSpan>): string {
  if (span.kind === 'request') return 'client';
  if (span.kind === 'query' || span.kind === 'connection-wait') return span.name.split(':')[0];
  if (span.kind === 'visit') return span.name.split('/')[0];
  if (span.kind === 'hop') return span.name.split(' → ')[0];
  const parent = byId.get(span.parent);
  return parent === undefined || parent === span ? 'client' : componentOf(parent, byId);
}

function kindOf(span: TraceSpan): number {
  if (span.kind === 'visit') return KIND.server;
  if (span.kind === 'request' || span.kind === 'query') return KIND.client;
  return KIND.internal;
}

function attributesOf(span: TraceSpan, trace: RequestTrace, v: VariantTraces): KeyValue[] {
  const out: KeyValue[] = [str('msasim.span', span.kind)];
  if (span.kind === 'request') {
    out.push(str('msasim.scenario', v.scenario));
    if (v.variant !== null) out.push(str('msasim.variant', v.variant));
    if (trace.replication !== undefined) out.push(int('msasim.replication', trace.replication));
    out.push(int('msasim.request', trace.seq), str('msasim.kept', trace.reasons.join(',')));
    if (trace.key !== null) out.push(str('msasim.key', trace.key));
    if (trace.droppedSpans > 0) out.push(int('msasim.dropped_spans', trace.droppedSpans));
  }
  if (span.instance >= 0) out.push(int('msasim.instance', span.instance));
  out.push(str('msasim.outcome', span.outcome));
  if (span.cause !== '') out.push(str('msasim.cause', span.cause));
  return out;
}

function eventOf(e: SpanEvent) {
  return {
    attributes: [str('msasim.detail', e.detail)],
    name: e.name,
    timeUnixNano: toUnixNano(e.atMs),
    droppedAttributesCount: 0,
  };
}

/** One span in the field order of the official serializer. */
function spanOf(span: TraceSpan, trace: RequestTrace, v: VariantTraces) {
  const traceId = traceIdOf(v.scenario, v.variant, trace.seq, trace.replication);
  return {
    traceId,
    spanId: spanIdOf(trace.seq, span.id),
    ...(span.parent === 0 ? {} : { parentSpanId: spanIdOf(trace.seq, span.parent) }),
    name: span.name,
    kind: kindOf(span),
    startTimeUnixNano: toUnixNano(span.startMs),
    endTimeUnixNano: toUnixNano(span.endMs),
    attributes: attributesOf(span, trace, v),
    droppedAttributesCount: 0,
    events: span.events.map(eventOf),
    droppedEventsCount: 0,
    status: span.outcome === 'ok' ? { code: 0 } : { code: 2, message: span.cause || span.outcome },
    links: [],
    droppedLinksCount: 0,
    flags: FLAGS,
  };
}

/** The OTLP/JSON export (ExportTraceServiceRequest) of the traces of every variant. */
export function otlpExport(variants: readonly VariantTraces[]): object {
  const byComponent = new Map<string, ReturnType<typeof spanOf>[]>();
  for (const v of variants)
    for (const trace of v.traces) {
      const byId = new Map(trace.spans.map((s) => [s.id, s]));
      for (const span of trace.spans) {
        const component = componentOf(span, byId);
        let list = byComponent.get(component);
        if (list === undefined) {
          list = [];
          byComponent.set(component, list);
        }
        list.push(spanOf(span, trace, v));
      }
    }
  return {
    resourceSpans: [...byComponent].map(([component, spans]) => ({
      resource: { attributes: [str('service.name', component)], droppedAttributesCount: 0 },
      scopeSpans: [{ scope: { name: 'msasim' }, spans }],
    })),
  };
}

/** traces.otlp.json's text. */
export function otlpJson(variants: readonly VariantTraces[]): string {
  return `${JSON.stringify(otlpExport(variants))}\n`;
}
