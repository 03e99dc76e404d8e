/**
 * The report features, in order: the order of the key metrics (estimates.csv, summary.json,
 * the comparisons) and of parts that take the same place in an output. A new capability of the
 * report is one folder here with its `feature.ts` and one line in this list (see feature.ts for
 * the interface and the places taken in each output).
 */
import type { RunSummary } from '../../metrics/summary.ts';
import type { PartFor, PartTarget, ReportFeature } from '../feature.ts';

export type { PartFor } from '../feature.ts';

import type { KeyMetricSource } from '../key-metrics.ts';
import { brokersFeature } from './brokers/feature.ts';
import { cachesFeature } from './caches/feature.ts';
import { comparisonFeature } from './comparison/feature.ts';
import { componentsFeature } from './components/feature.ts';
import { faultsFeature } from './faults/feature.ts';
import { lessonFeature } from './lesson/feature.ts';
import { messagingFeature } from './messaging/feature.ts';
import { policiesFeature } from './policies/feature.ts';
import { refreshesFeature } from './refreshes/feature.ts';
import { requestsFeature } from './requests/feature.ts';
import { sessionsFeature } from './sessions/feature.ts';
import { slosFeature } from './slos/feature.ts';
import { topologyFeature } from './topology/feature.ts';
import { transactionsFeature } from './transactions/feature.ts';

export const REPORT_FEATURES: readonly ReportFeature[] = [
  requestsFeature,
  componentsFeature,
  cachesFeature,
  faultsFeature,
  slosFeature,
  brokersFeature,
  policiesFeature,
  refreshesFeature,
  sessionsFeature,
  messagingFeature,
  transactionsFeature,
  comparisonFeature,
  lessonFeature,
  topologyFeature,
];

/** Every feature's key metrics, in registry order. */
export const KEY_METRIC_SOURCES: readonly KeyMetricSource[] = REPORT_FEATURES.flatMap(
  (f) => f.keyMetrics ?? [],
);

/**
 * The parts for output `to` of the features present in `runs` (each run's summary), with
 * `extra` parts of the writer itself, in their order (ties in registry order, extras last).
 */
export function partsFor<T extends PartTarget>(
  to: T,
  runs: readonly RunSummary[],
  extra: readonly PartFor<T>[] = [],
): PartFor<T>[] {
  const mine = REPORT_FEATURES.filter((f) => f.present?.(runs) ?? true).flatMap((f) =>
    f.parts.filter((p): p is PartFor<T> => p.to === to),
  );
  return [...mine, ...extra].sort((a, b) => a.order - b.order);
}

/** Every feature's rows of timeseries.csv for one run, in registry order. */
export function seriesRows(run: Parameters<NonNullable<ReportFeature['series']>>[0]): unknown[][] {
  return REPORT_FEATURES.flatMap((f) => f.series?.(run) ?? []);
}
