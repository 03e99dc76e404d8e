/**
 * The key metrics of a run, estimated over replications and compared between variants.
 * Each replication of a variant gives one value per key metric; the estimate is their mean
 * with a Student-t confidence interval (stats/confidence.ts). Variants run with common random
 * numbers (replication r of every variant uses the same seed, so the same streams for the
 * same components), so a variant is compared with the baseline (the first variant) by paired
 * differences, replication by replication.
 */
import type { RunSummary } from '../metrics/summary.ts';
import { estimate, pairedDifference } from '../stats/index.ts';
import { differenceSentence } from './difference-words.ts';
import { KEY_METRIC_SOURCES } from './features/registry.ts';
import type {
  KeyMetric,
  KeyMetricSource,
  MetricDifference,
  MetricEstimate,
  VariantComparison,
} from './key-metrics.ts';

export type {
  KeyMetric,
  MetricDef,
  MetricDifference,
  MetricEstimate,
  MetricScope,
  MetricUnit,
  VariantComparison,
} from './key-metrics.ts';

/**
 * Every key metric of a summary with its value, in a stable order: the features' key metrics
 * in registry order, item by item; values that are null or not finite are left out.
 */
export function keyMetricValues(
  s: RunSummary,
  sources: readonly KeyMetricSource[] = KEY_METRIC_SOURCES,
): { metric: KeyMetric; value: number }[] {
  const out: { metric: KeyMetric; value: number }[] = [];
  for (const source of sources)
    for (const { id, values } of source.values(s))
      source.metrics.forEach((d, i) => {
        const value = values[i];
        if (value === null || !Number.isFinite(value)) return;
        const key = `${source.scope}|${id}|${d.metric}`;
        out.push({ metric: { key, scope: source.scope, id, ...d }, value });
      });
  return out;
}

/**
 * The key metrics of a variant over its replications (summaries in replication order). A
 * metric missing from some replication (a cache with no lookups …) is left out.
 */
export function estimateMetrics(
  replications: readonly RunSummary[],
  sources: readonly KeyMetricSource[] = KEY_METRIC_SOURCES,
): MetricEstimate[] {
  const byKey = new Map<string, { metric: KeyMetric; values: number[] }>();
  replications.forEach((s, r) => {
    for (const { metric, value } of keyMetricValues(s, sources)) {
      let entry = byKey.get(metric.key);
      if (entry === undefined) {
        if (r > 0) continue; // absent from an earlier replication
        entry = { metric, values: [] };
        byKey.set(metric.key, entry);
      }
      if (entry.values.length === r) entry.values.push(value);
    }
  });
  const n = replications.length;
  return [...byKey.values()]
    .filter((e) => e.values.length === n)
    .map((e) => ({ ...e.metric, values: e.values, estimate: estimate(e.values) }));
}

/** Formats a signed relative change as "+12.3 %" / "−4.0 %" (a real minus sign). */
export function signedPercent(x: number): string {
  const v = Math.round(x * 1000) / 10;
  const text = Math.abs(v).toFixed(1);
  if (v === 0) return `${text} %`;
  return `${v > 0 ? '+' : '−'}${text} %`;
}

/**
 * Every variant after the first compared with the first (the baseline) on the key metrics both
 * have. `replications[v]` holds variant v's summaries in replication order; replication r of
 * every variant ran with the same seed (common random numbers).
 */
export function compareVariants(
  names: readonly string[],
  replications: readonly (readonly RunSummary[])[],
): VariantComparison[] {
  return compareEstimates(
    names,
    replications.map((r) => estimateMetrics(r)),
  );
}

/**
 * Every variant after the first compared with the first (the baseline) on the key metrics both
 * have, from each variant's estimates (`estimates[v]`, as `estimateMetrics` gives them).
 */
export function compareEstimates(
  names: readonly string[],
  estimates: readonly (readonly MetricEstimate[])[],
): VariantComparison[] {
  if (names.length < 2) return [];
  const base = new Map(estimates[0].map((e) => [e.key, e]));
  const out: VariantComparison[] = [];
  for (let v = 1; v < names.length; v++) {
    const metrics: MetricDifference[] = [];
    for (const e of estimates[v]) {
      const b = base.get(e.key);
      if (b === undefined) continue;
      const difference = pairedDifference(b.values, e.values);
      const { values: _values, estimate: value, ...metric } = e;
      const better =
        metric.lowerIsBetter === null || difference.diff.mean === 0
          ? null
          : metric.lowerIsBetter === difference.diff.mean < 0;
      metrics.push({
        ...metric,
        baseline: b.estimate,
        value,
        difference,
        better,
        sentence: differenceSentence(names[v], names[0], metric, difference, b.estimate.mean),
      });
    }
    out.push({ variant: names[v], baseline: names[0], metrics });
  }
  return out;
}
