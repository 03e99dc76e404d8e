/**
 * The report features, in order: the order of the key metrics (estimates.csv, summary.json,
 * the comparisons) and of parts that take the same place in an output. A new capability of the
 * report is one folder here with its `feature.ts` and one line in this list (see feature.ts for
 * the interface and the places taken in each output).
 */
import type { RunResult, RunSummary } from '../../metrics/summary.ts';
import type { PartFor, PartTarget, ReportFeature } from '../feature.ts';

export type { PartFor } from '../feature.ts';

import type { KeyMetricSource } from '../key-metrics.ts';
import { brokersFeature } from './brokers/feature.ts';
import { bytesFeature } from './bytes/feature.ts';
import { cachesFeature } from './caches/feature.ts';
import { comparisonFeature } from './comparison/feature.ts';
import { componentsFeature } from './components/feature.ts';
import { costsFeature } from './costs/feature.ts';
import { descriptionsFeature } from './descriptions/feature.ts';
import { eventStoresFeature } from './event-stores/feature.ts';
import { faultsFeature } from './faults/feature.ts';
import { freezesFeature } from './freezes/feature.ts';
import { highlightsFeature } from './highlights/feature.ts';
import { lessonFeature } from './lesson/feature.ts';
import { messagingFeature } from './messaging/feature.ts';
import { pendingFeature } from './pending/feature.ts';
import { policiesFeature } from './policies/feature.ts';
import { refreshesFeature } from './refreshes/feature.ts';
import { replicatedFeature } from './replicated/feature.ts';
import { requestsFeature } from './requests/feature.ts';
import { runNotesFeature } from './run-notes/feature.ts';
import { runtimesFeature } from './runtimes/feature.ts';
import { sensitivityFeature } from './sensitivity/feature.ts';
import { sessionsFeature } from './sessions/feature.ts';
import { slosFeature } from './slos/feature.ts';
import { topologyFeature } from './topology/feature.ts';
import { tracesFeature } from './traces/feature.ts';
import { transactionsFeature } from './transactions/feature.ts';
import { twoPhaseFeature } from './two-phase/feature.ts';

export const REPORT_FEATURES: readonly ReportFeature[] = [
  requestsFeature,
  componentsFeature,
  cachesFeature,
  faultsFeature,
  freezesFeature,
  runtimesFeature,
  slosFeature,
  brokersFeature,
  policiesFeature,
  refreshesFeature,
  sessionsFeature,
  messagingFeature,
  transactionsFeature,
  twoPhaseFeature,
  pendingFeature,
  replicatedFeature,
  eventStoresFeature,
  costsFeature,
  bytesFeature,
  comparisonFeature,
  runNotesFeature,
  highlightsFeature,
  lessonFeature,
  topologyFeature,
  sensitivityFeature,
  tracesFeature,
  descriptionsFeature,
];

/** The key metrics of `features` (by default every feature's), in their order. */
export function keyMetricSources(
  features: readonly ReportFeature[] = REPORT_FEATURES,
): KeyMetricSource[] {
  return features.flatMap((f) => f.keyMetrics ?? []);
}

/** Every feature's key metrics, in registry order. */
export const KEY_METRIC_SOURCES: readonly KeyMetricSource[] = keyMetricSources();

/**
 * The parts for output `to` of the features (by default every feature) present in `runs` (each
 * run's summary), with `extra` parts of the writer itself, in their order (ties in registry
 * order, extras last).
 */
export function partsFor<T extends PartTarget>(
  to: T,
  runs: readonly RunSummary[],
  extra: readonly PartFor<T>[] = [],
  features: readonly ReportFeature[] = REPORT_FEATURES,
): PartFor<T>[] {
  const mine = features
    .filter((f) => f.present?.(runs) ?? true)
    .flatMap((f) => f.parts.filter((p): p is PartFor<T> => p.to === to));
  return [...mine, ...extra].sort((a, b) => a.order - b.order);
}

/** The rows of timeseries.csv of `features` (by default every feature) for one run, in order. */
export function seriesRows(
  run: RunResult,
  features: readonly ReportFeature[] = REPORT_FEATURES,
): unknown[][] {
  return features.flatMap((f) => f.series?.(run) ?? []);
}
