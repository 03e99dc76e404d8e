/**
 * consumers.csv (written when some variant has consumer groups): the consumer groups of the
 * first replication of each variant, one row per variant × group with every scalar figure of its
 * ConsumerGroupSummary in its own column; and the groups' lag second by second as rows of
 * timeseries.csv (scope `consumer`, id = the group, metric `lag`). Every number is rounded to 4
 * decimals.
 */
import type { RunResult } from '../../../metrics/summary.ts';
import { summariesCsv, variantOf } from '../../csv.ts';
import type { ScenarioResults } from '../../results.ts';
import { round } from '../../round.ts';
import { consumerGroupRuns } from './consumer-figures.ts';

/**
 * consumers.csv: one row per variant × consumer group (first replication), groups in the
 * order of the run's summary, every scalar figure of its summary in its own column. The lag
 * series is in timeseries.csv.
 */
export function consumersCsv(results: ScenarioResults): string {
  return summariesCsv(consumerGroupRuns(results.runs));
}

/**
 * The timeseries.csv rows of a run's consumer groups: one per group × second of the run
 * (warm-up included, as the other series; × point of a long run's coarser series, named by its
 * first second), `[second, variant, 'consumer', group, 'lag', lag]`.
 */
export function consumerSeriesRows(r: RunResult): unknown[][] {
  const v = variantOf(r);
  const width = r.series.resolutionS ?? 1;
  return r.summary.consumers.flatMap((c) =>
    c.lagBySecond.map((lag, i) => [i * width, v, 'consumer', c.group, 'lag', round(lag)]),
  );
}
