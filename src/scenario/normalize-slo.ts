/**
 * The SLOs of a scenario, normalized: each bound an SLO sets (p99, availability …) becomes one
 * SloDef with its metric, whether it is a maximum or a minimum, its threshold in the metric's unit
 * and the text it was written as (normalize.ts calls it for every `slos:` entry).
 */
import type * as S from './schema.ts';
import { SLO_BOUNDS } from './schema.ts';
import type { SloDef, SloMetric } from './types.ts';
import { parseDurationMs, parsePercent, parseRatePerSec } from './units.ts';

type Z<T> = import('zod').output<T>;

const SLO_METRICS: Record<
  (typeof SLO_BOUNDS)[number],
  { metric: SloMetric; bound: 'max' | 'min'; parse: (v: number | string) => number }
> = {
  p50: { metric: 'p50Ms', bound: 'max', parse: parseDurationMs },
  p90: { metric: 'p90Ms', bound: 'max', parse: parseDurationMs },
  p99: { metric: 'p99Ms', bound: 'max', parse: parseDurationMs },
  p999: { metric: 'p999Ms', bound: 'max', parse: parseDurationMs },
  mean: { metric: 'meanMs', bound: 'max', parse: parseDurationMs },
  availability: { metric: 'availability', bound: 'min', parse: parsePercent },
  errorRate: { metric: 'errorRate', bound: 'max', parse: parsePercent },
  throughput: { metric: 'throughputPerSec', bound: 'min', parse: parseRatePerSec },
  utilisation: { metric: 'utilisation', bound: 'max', parse: parsePercent },
};

/**
 * A bound written as a bare number, with the unit it is read in, so the verdict's line compares
 * like with like ("utilisation ≤ 70%" beside the measured "9.58 %", not "≤ 0.7"): a share as a
 * percentage, a duration in ms, a throughput per second.
 */
function withUnit(key: (typeof SLO_BOUNDS)[number], n: number): string {
  const { parse } = SLO_METRICS[key];
  if (parse === parsePercent) return `${Number((n * 100).toPrecision(12))}%`;
  if (parse === parseDurationMs) return `${n}ms`;
  return `${n}/s`;
}

/** One SloDef per bound an SLO sets, in SLO_BOUNDS order. */
export function normalizeSlo(name: string, s: Z<typeof S.Slo>): SloDef[] {
  const scope =
    s.component !== undefined ? 'component' : s.endpoint !== undefined ? 'endpoint' : 'overall';
  const id = s.component ?? s.endpoint ?? '';
  const out: SloDef[] = [];
  for (const key of SLO_BOUNDS) {
    const written = s[key];
    if (written === undefined) continue;
    const { metric, bound, parse } = SLO_METRICS[key];
    out.push({
      name,
      description: s.description ?? '',
      scope,
      id,
      metric,
      bound,
      threshold: parse(written),
      text: `${key} ${bound === 'max' ? '≤' : '≥'} ${typeof written === 'number' ? withUnit(key, written) : written.trim()}`,
    });
  }
  return out;
}
