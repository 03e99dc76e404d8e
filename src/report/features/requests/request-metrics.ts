/**
 * The key metrics of the requests: overall (latency percentiles, throughput, errors, the work
 * and database load per request, the cache hit ratio, from the comparison's row) and, with
 * several entry endpoints, each endpoint's p50, p99, throughput and errors.
 */
import type { RequestGroupSummary, RunSummary } from '../../../metrics/summary.ts';
import {
  type ItemMetricDef,
  type KeyMetricSource,
  keyMetricSource,
  type MetricUnit,
  metricDef,
  runMetricSource,
} from '../../key-metrics.ts';
import { type CompareRow, compareRow } from '../comparison/compare.ts';

/** A metric of a request group (or of the overall figures with the comparison's row). */
const def = <T>(
  metric: string,
  label: string,
  unit: MetricUnit,
  lowerIsBetter: boolean | null,
  value: (x: T) => number | null,
): ItemMetricDef<T> => ({ ...metricDef(metric, label, unit, lowerIsBetter), value });

type G = RequestGroupSummary;
type Latency = 'p50Ms' | 'p90Ms' | 'p99Ms' | 'p999Ms' | 'meanMs';
/**
 * A latency percentile: measured only when some request was answered (the summary writes 0 for
 * an empty histogram, which would read as the best latency of all: a variant whose every request
 * timed out would be "−100 % vs baseline — better").
 */
const latency = (metric: Latency, label: string) =>
  def(metric, label, 'ms', true, (g: G) => (g.latency.count > 0 ? g.latency[metric] : null));
const throughput = def(
  'throughputPerSec',
  'throughput',
  'per-sec',
  null,
  (g: G) => g.throughputPerSec,
);
const errorRate = def('errorRate', 'error rate', 'ratio', true, (g: G) => g.errorRate);
/** The share of finished requests that succeeded (1 − error rate; a highlight's usual word). */
const availability = def('availability', 'availability', 'ratio', false, (g: G) =>
  g.finished > 0 ? 1 - g.errorRate : null,
);

/** A run's overall figures with its row of the comparison. */
interface Overall {
  g: RequestGroupSummary;
  c: CompareRow;
}
const ofOverall = (d: ItemMetricDef<RequestGroupSummary>): ItemMetricDef<Overall> => ({
  ...d,
  value: (x, s) => d.value(x.g, s),
});
const ofRow = (
  metric: keyof CompareRow & string,
  label: string,
  unit: MetricUnit,
  lowerIsBetter: boolean,
) => def(metric, label, unit, lowerIsBetter, (x: Overall) => x.c[metric] as number | null);

/** The overall key metrics (scope `overall`, id ''), in order. */
const OVERALL = runMetricSource<Overall>(
  'overall',
  (s: RunSummary) => ({ g: s.overall, c: compareRow(s) }),
  [
    ...[
      latency('p50Ms', 'p50'),
      latency('p90Ms', 'p90'),
      latency('p99Ms', 'p99'),
      latency('p999Ms', 'p99.9'),
      latency('meanMs', 'mean latency'),
      throughput,
      errorRate,
      availability,
    ].map(ofOverall),
    ofRow('callsPerRequest', 'calls per request', 'count', true),
    ofRow('dbRowsPerRequest', 'DB rows per request', 'count', true),
    ofRow('dbQueriesPerSec', 'DB queries/s', 'per-sec', true),
    ofRow('cacheHitRatio', 'cache hit ratio', 'ratio', false),
    ofRow('syncMessagesPerSec', 'cache sync messages/s', 'per-sec', true),
    ofRow('cacheMemoryPerInstanceBytes', 'cache memory per instance', 'bytes', true),
  ],
  // the headline figures of the console's replication table
  ['p50Ms', 'p99Ms', 'p999Ms', 'throughputPerSec', 'errorRate', 'dbQueriesPerSec', 'cacheHitRatio'],
);

/** Each entry endpoint's key metrics (scope `endpoint`), with several entry endpoints only. */
const ENDPOINTS = keyMetricSource<RequestGroupSummary>(
  'endpoint',
  (s) => (s.endpoints.length > 1 ? s.endpoints.map((e) => [e.endpoint, e]) : []),
  [latency('p50Ms', 'p50'), latency('p99Ms', 'p99'), throughput, errorRate, availability],
);

/** The key metrics of the requests, overall then per endpoint. */
export const REQUEST_METRICS: readonly KeyMetricSource[] = [OVERALL, ENDPOINTS];
