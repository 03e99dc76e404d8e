/**
 * Key metrics: the figures of a run that are estimated over replications (mean, 95 %
 * confidence interval) and compared between variants (paired differences). Each report feature
 * declares its own as a `KeyMetricSource` (a scope, the items of a run, the metrics of each);
 * estimates.ts reads them in the registry's order. Types and the source builder only.
 */
import type { RunSummary } from '../metrics/summary.ts';
import type { Estimate, PairedDifference } from '../stats/index.ts';

/**
 * What a key metric is about: 'overall', 'endpoint', 'component', 'cache', 'sessions',
 * 'consumers', 'sagas', 'transactions', 'readers' (a feature's source names its own).
 */
export type MetricScope = string;

export type MetricUnit = 'ms' | 'per-sec' | 'ratio' | 'count' | 'bytes';

/** How to show and judge a metric. */
export interface MetricDef {
  metric: string;
  /** Short words for tables and sentences: "p99", "throughput", "utilisation". */
  label: string;
  unit: MetricUnit;
  /** Whether smaller is better (latency, errors, load); null when neither is (throughput of a fixed load). */
  lowerIsBetter: boolean | null;
}

/** A MetricDef. */
export const metricDef = (
  metric: string,
  label: string,
  unit: MetricUnit,
  lowerIsBetter: boolean | null,
): MetricDef => ({ metric, label, unit, lowerIsBetter });

/**
 * A key metric of one scope/id (the overall figures, an endpoint, a component, a cache, the
 * sessions, a consumer group, a saga, a transaction step, a third-party reader).
 */
export interface KeyMetric extends MetricDef {
  /** `scope|id|metric`, unique within a run. */
  key: string;
  scope: MetricScope;
  /** The item measured: an endpoint, component, consumer group … ('' for overall and sessions). */
  id: string;
}

/** A metric of an item of type T and how to read it from the item (null: not measured). */
export interface ItemMetricDef<T> extends MetricDef {
  value: (x: T, s: RunSummary) => number | null;
}

/** A key metric of an item, lower being better. */
export const lowerIsBetter = <T>(
  metric: string,
  label: string,
  unit: MetricUnit,
  value: ItemMetricDef<T>['value'],
): ItemMetricDef<T> => ({ ...metricDef(metric, label, unit, true), value });

/**
 * The key metrics a report feature declares: its scope, and for a run the value of each metric
 * of each item (in `metrics` order; null where not measured, then left out).
 */
export interface KeyMetricSource {
  scope: MetricScope;
  metrics: readonly MetricDef[];
  /** The items of a run (id '' for the run as a whole) with their values. */
  values(s: RunSummary): { id: string; values: (number | null)[] }[];
  /** The metrics the console's replication table shows (none when absent). */
  console?: readonly string[];
}

/**
 * A KeyMetricSource over the items `items` gives of a run (id '' when the scope is the run as
 * a whole: runMetricSource); `console: true` shows every metric in the console's replication
 * table.
 */
export function keyMetricSource<T>(
  scope: MetricScope,
  items: (s: RunSummary) => [id: string, item: T][],
  metrics: readonly ItemMetricDef<T>[],
  console: readonly string[] | boolean = false,
): KeyMetricSource {
  return {
    scope,
    metrics: metrics.map(({ value: _, ...d }) => d),
    values: (s) => items(s).map(([id, x]) => ({ id, values: metrics.map((d) => d.value(x, s)) })),
    console: console === true ? metrics.map((d) => d.metric) : console || undefined,
  };
}

/**
 * A KeyMetricSource of the run as a whole (id ''), over the figure `of` gives of a run (none
 * when a run has no such figure: no sizes declared, no costs, no logged-in users).
 */
export const runMetricSource = <T>(
  scope: MetricScope,
  of: (s: RunSummary) => T | null | undefined,
  metrics: readonly ItemMetricDef<T>[],
  console: readonly string[] | boolean = false,
): KeyMetricSource =>
  keyMetricSource<T>(
    scope,
    (s) => {
      const x = of(s);
      return x === null || x === undefined ? [] : [['', x]];
    },
    metrics,
    console,
  );

/** A key metric estimated over the replications of one variant. */
export interface MetricEstimate extends KeyMetric {
  /** One value per replication, in replication order. */
  values: number[];
  estimate: Estimate;
}

/** A variant against the baseline on one key metric. */
export interface MetricDifference extends KeyMetric {
  baseline: Estimate;
  value: Estimate;
  difference: PairedDifference;
  /** Whether the variant is better (null when the metric has no better direction or no change). */
  better: boolean | null;
  /** The difference in words: "p99 −63.1 % vs join (95 % CI [−66.0 %, −60.2 %])". */
  sentence: string;
}

/**
 * What a difference says: `better` or `worse` when it is significant and the metric has a better
 * direction, `neutral` when significant without one, `ns` when not significant (or without an
 * interval). The console, the highlights and the key-metrics badges all word it from here.
 */
export type Verdict = 'better' | 'worse' | 'neutral' | 'ns';

export function verdictOf(d: MetricDifference): Verdict {
  if (d.difference.significant !== true) return 'ns';
  return d.better === true ? 'better' : d.better === false ? 'worse' : 'neutral';
}

/** A variant compared with the baseline variant. */
export interface VariantComparison {
  variant: string;
  baseline: string;
  metrics: MetricDifference[];
}
