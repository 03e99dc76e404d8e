/**
 * Service-level objectives (steady-state hypotheses) evaluated per variant: each bound's value
 * in every replication, their mean with its 95 % confidence interval, and whether the mean
 * meets the bound (and, with several replications, whether the whole interval does).
 */

import type { RequestGroupSummary, RunSummary } from '../../../metrics/summary.ts';
import type { SloDef } from '../../../scenario/types.ts';
import { type Estimate, estimate } from '../../../stats/index.ts';
import type { Lang } from '../../i18n/lang.ts';
import { t } from '../../i18n/t.ts';

/** One SLO bound, evaluated. */
export interface SloResult extends SloDef {
  /** The value in each replication (null where nothing was measured: no finished request). */
  values: (number | null)[];
  /** Over the replications that measured it (n = 0 when none did). */
  estimate: Estimate;
  /** Whether the mean meets the bound; false when nothing was measured. */
  pass: boolean;
  /**
   * Whether the whole confidence interval meets the bound (true), misses it (false), or
   * straddles it (null); null too with fewer than two replications.
   */
  passWithConfidence: boolean | null;
}

function group(s: RunSummary, slo: SloDef): RequestGroupSummary | undefined {
  return slo.scope === 'overall' ? s.overall : s.endpoints.find((e) => e.endpoint === slo.id);
}

/** The SLO's metric in one run (null when the run has nothing to measure it by). */
function measure(s: RunSummary, slo: SloDef): number | null {
  if (slo.scope === 'component') {
    return s.components.find((c) => c.id === slo.id)?.utilisation ?? null;
  }
  const g = group(s, slo);
  if (g === undefined || g.finished === 0) return null;
  switch (slo.metric) {
    case 'availability':
      return g.outcomes.ok / g.finished;
    case 'errorRate':
      return g.errorRate;
    case 'throughputPerSec':
      return g.throughputPerSec;
    case 'utilisation':
      return null;
    default:
      return g.outcomes.ok === 0 ? null : g.latency[slo.metric];
  }
}

const meets = (x: number, slo: SloDef) =>
  slo.bound === 'max' ? x <= slo.threshold : x >= slo.threshold;

/** Every SLO bound of a variant evaluated over its replications (summaries in order). */
export function evaluateSlos(
  slos: readonly SloDef[],
  replications: readonly RunSummary[],
): SloResult[] {
  return slos.map((slo) => {
    const values = replications.map((s) => measure(s, slo));
    const measured = values.filter((v): v is number => v !== null);
    const e = estimate(measured);
    const pass = measured.length > 0 && meets(e.mean, slo);
    let passWithConfidence: boolean | null = null;
    if (e.lo !== null && e.hi !== null) {
      const lo = meets(e.lo, slo);
      const hi = meets(e.hi, slo);
      passWithConfidence = lo && hi ? true : !lo && !hi ? false : null;
    }
    return { ...slo, values, estimate: e, pass, passWithConfidence };
  });
}

/** A value of an SLO's metric with its unit: "212.40 ms", "99.95 %", "950.0/s". */
export function formatSloValue(x: number, slo: SloDef): string {
  if (slo.metric === 'availability' || slo.metric === 'errorRate' || slo.metric === 'utilisation')
    return `${(x * 100).toFixed(2)} %`;
  if (slo.metric === 'throughputPerSec') return `${x.toFixed(1)}/s`;
  return `${x.toFixed(2)} ms`;
}

/** "✓ fast-checkout (gateway/checkout): p99 ≤ 300ms — 212.40 ms, 95 % CI [200.10, 224.70] ms". */
export function sloLine(r: SloResult, lang: Lang = 'en'): string {
  const target = r.scope === 'overall' ? t(lang, 'slo.allEndpoints') : r.id;
  const head = `${r.pass ? '✓' : '✗'} ${r.name} (${target}): ${r.text}`;
  if (r.estimate.n === 0) return `${head} — ${t(lang, 'slo.notMeasured')}`;
  const value = formatSloValue(r.estimate.mean, r);
  const ci =
    r.estimate.lo === null || r.estimate.hi === null
      ? ''
      : `${t(lang, 'slo.ci', { lo: formatSloValue(r.estimate.lo, r), hi: formatSloValue(r.estimate.hi, r) })}${r.passWithConfidence === null ? t(lang, 'slo.straddles') : ''}`;
  return `${head} — ${value}${ci}`;
}
