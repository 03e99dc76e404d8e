/**
 * Key metric estimates made up for tests of the highlights and the tables that show them: one
 * estimate of `values` (one per replication) under its key `scope|id|metric`, labelled by its
 * metric, lower is better.
 */
import type { MetricEstimate, MetricUnit } from '../report/key-metrics.ts';
import { estimate } from '../stats/index.ts';

/** The estimate of `values` for key `scope|id|metric` in `unit`. */
export function keyEstimate(
  key: string,
  values: number[],
  unit: MetricUnit = 'ms',
): MetricEstimate {
  const [scope, id, metric] = key.split('|');
  return {
    key,
    scope,
    id,
    metric,
    label: metric,
    unit,
    lowerIsBetter: true,
    values,
    estimate: estimate(values),
  };
}
