/**
 * consumers.csv (written when some variant has consumer groups): the consumer groups of the
 * first replication of each variant, one row per variant × group with every scalar figure of its
 * ConsumerGroupSummary in its own column; and the groups' lag second by second as rows of
 * timeseries.csv (scope `consumer`, id = the group, metric `lag`). Every number is rounded to 4
 * decimals.
 */
import type { ConsumerGroupSummary } from '../../../metrics/consumer-stats.ts';
import type { RunResult } from '../../../metrics/summary.ts';
import { type Column, csvOf, variantOf } from '../../csv.ts';
import type { ScenarioResults } from '../../results.ts';
import { round } from '../../round.ts';
import { consumerGroupRuns } from './consumer-figures.ts';

/** The columns of consumers.csv after `variant`, in order (the fields of the summary). */
export const CONSUMER_COLUMNS: Column<ConsumerGroupSummary>[] = [
  ['group', (c) => c.group],
  ['broker', (c) => c.broker],
  ['topic', (c) => c.topic],
  ['service', (c) => c.service],
  ['endpoint', (c) => c.endpoint],
  ['ack', (c) => c.ack],
  ['idempotency', (c) => c.idempotency],
  ['partitions', (c) => c.partitions],
  ['produced', (c) => c.produced],
  ['delivered', (c) => c.delivered],
  ['duplicateDeliveries', (c) => c.duplicateDeliveries],
  ['processed', (c) => c.processed],
  ['applied', (c) => c.applied],
  ['appliedTwice', (c) => c.appliedTwice],
  ['skippedDuplicates', (c) => c.skippedDuplicates],
  ['lost', (c) => c.lost],
  ['deadLettered', (c) => c.deadLettered],
  ['failedDeliveries', (c) => c.failedDeliveries],
  ['abandoned', (c) => c.abandoned],
  ['rebalances', (c) => c.rebalances],
  ['producedPerSec', (c) => round(c.producedPerSec)],
  ['appliedPerSec', (c) => round(c.appliedPerSec)],
  ['lagMean', (c) => round(c.lagMean)],
  ['lagMax', (c) => round(c.lagMax)],
  ['lagAtEnd', (c) => round(c.lagAtEnd)],
  ['endToEndMeanMs', (c) => round(c.endToEndMeanMs)],
  ['endToEndMaxMs', (c) => round(c.endToEndMaxMs)],
];

/**
 * consumers.csv: one row per variant × consumer group (first replication), groups in the
 * order of the run's summary. The lag series is in timeseries.csv.
 */
export function consumersCsv(results: ScenarioResults): string {
  return csvOf(CONSUMER_COLUMNS, consumerGroupRuns(results.runs));
}

/**
 * The timeseries.csv rows of a run's consumer groups: one per group × second of the run
 * (warm-up included, as the other series), `[second, variant, 'consumer', group, 'lag', lag]`.
 */
export function consumerSeriesRows(r: RunResult): unknown[][] {
  const v = variantOf(r);
  return r.summary.consumers.flatMap((c) =>
    c.lagBySecond.map((lag, second) => [second, v, 'consumer', c.group, 'lag', round(lag)]),
  );
}
