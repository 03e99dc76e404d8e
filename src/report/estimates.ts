/**
 * The key metrics of a run, estimated over replications and compared between variants.
 * Each replication of a variant gives one value per key metric; the estimate is their mean
 * with a Student-t confidence interval (stats/confidence.ts). Variants run with common random
 * numbers (replication r of every variant uses the same seed, so the same streams for the
 * same components), so a variant is compared with the baseline (the first variant) by paired
 * differences, replication by replication.
 */
import type { ConsumerGroupSummary } from '../metrics/consumer-stats.ts';
import type { ReaderSummary } from '../metrics/reader-stats.ts';
import type { SagaSummary } from '../metrics/saga-stats.ts';
import type { SessionSummary } from '../metrics/session-stats.ts';
import type { RunSummary } from '../metrics/summary.ts';
import type { TransactionSummary } from '../metrics/transaction-stats.ts';
import {
  CONFIDENCE_LEVEL,
  type Estimate,
  estimate,
  type PairedDifference,
  pairedDifference,
} from '../stats/index.ts';
import { compareRow } from './compare.ts';
import { idpCallsPerSec, sessionMemoryPerInstanceBytes } from './session-figures.ts';
import {
  readersOf,
  sagasConsistent,
  sagasEnded,
  sagasOf,
  transactionsOf,
} from './transaction-figures.ts';

export type MetricScope =
  | 'overall'
  | 'endpoint'
  | 'component'
  | 'cache'
  | 'sessions'
  | 'consumers'
  | 'sagas'
  | 'transactions'
  | 'readers';

/**
 * The scopes whose id names one item of several of a kind (a consumer group, a saga, a
 * transaction step, a reader): tables and sentences name the item before the metric's label.
 */
export const ITEM_SCOPES: readonly MetricScope[] = [
  'consumers',
  'sagas',
  'transactions',
  'readers',
];
export type MetricUnit = 'ms' | 'per-sec' | 'ratio' | 'count' | 'bytes';

/**
 * A key metric of one scope/id (the overall figures, an endpoint, a component, a cache, the
 * sessions, a consumer group, a saga, a transaction step, a third-party reader).
 */
export interface KeyMetric {
  /** `scope|id|metric`, unique within a run. */
  key: string;
  scope: MetricScope;
  /**
   * The endpoint, component, cache, consumer group, saga, transaction step or reader ('' for
   * overall and sessions).
   */
  id: string;
  metric: string;
  /** Short words for tables and sentences: "p99", "throughput", "utilisation". */
  label: string;
  unit: MetricUnit;
  /** Whether smaller is better (latency, errors, load); null when neither is (throughput of a fixed load). */
  lowerIsBetter: boolean | null;
}

interface MetricDef {
  metric: string;
  label: string;
  unit: MetricUnit;
  lowerIsBetter: boolean | null;
}

const m = (
  metric: string,
  label: string,
  unit: MetricUnit,
  lowerIsBetter: boolean | null,
): MetricDef => ({ metric, label, unit, lowerIsBetter });

const LATENCY: MetricDef[] = [
  m('p50Ms', 'p50', 'ms', true),
  m('p90Ms', 'p90', 'ms', true),
  m('p99Ms', 'p99', 'ms', true),
  m('p999Ms', 'p99.9', 'ms', true),
  m('meanMs', 'mean latency', 'ms', true),
];

/** A key metric of the users' sessions and how to read it from a run's figures. */
interface SessionMetricDef extends MetricDef {
  value: (s: SessionSummary, windowMs: number) => number;
}

const sm = (
  metric: string,
  label: string,
  unit: MetricUnit,
  value: SessionMetricDef['value'],
): SessionMetricDef => ({ ...m(metric, label, unit, true), value });

/**
 * The key metrics of runs with logged-in users (scope `sessions`, id ''), in order. Lower is
 * better for all: each is a harm to users (late revocation, lost sessions, 401s), a load on a
 * shared component, or a cost per request or instance.
 */
export const SESSION_METRICS: readonly SessionMetricDef[] = [
  sm('revocationDelayMaxMs', 'revocation delay max', 'ms', (s) => s.revocation.delayMaxMs),
  sm(
    'acceptedAfterRevocation',
    'accepted after revocation',
    'count',
    (s) => s.revocation.acceptedAfter,
  ),
  sm('sessionsLost', 'sessions lost', 'count', (s) => s.sessionsLost.total),
  sm('unauthorized', '401s', 'count', (s) => s.unauthorized.total),
  sm('storeOpsPerSec', 'session store ops/s', 'per-sec', (s) => s.storeOpsPerSec),
  sm('idpCallsPerSec', 'IdP calls/s', 'per-sec', idpCallsPerSec),
  sm(
    'replicationMessagesPerSec',
    'replication msgs/s',
    'per-sec',
    (s) => s.replication.messagesPerSec,
  ),
  sm('authTimeMeanMs', 'mean auth time', 'ms', (s) => s.authTime.meanMs),
  sm(
    'memoryBytesPerInstance',
    'session memory per instance',
    'bytes',
    sessionMemoryPerInstanceBytes,
  ),
];

/** A key metric of a consumer group and how to read it from the group's figures (null: none). */
interface ConsumerMetricDef extends MetricDef {
  value: (c: ConsumerGroupSummary) => number | null;
}

const cm = (
  metric: string,
  label: string,
  unit: MetricUnit,
  value: ConsumerMetricDef['value'],
): ConsumerMetricDef => ({ ...m(metric, label, unit, true), value });

/**
 * The key metrics of each consumer group (scope `consumers`, id = the group), in order. Lower is
 * better for all: messages lost, delivered again, applied twice or given up on are harms, and so
 * are a long backlog and a late effect. The end-to-end time is missing (left out of the
 * estimates) in a run where the group applied nothing.
 */
export const CONSUMER_METRICS: readonly ConsumerMetricDef[] = [
  cm('lost', 'messages lost', 'count', (c) => c.lost),
  cm('duplicateDeliveries', 'duplicate deliveries', 'count', (c) => c.duplicateDeliveries),
  cm('appliedTwice', 'applied twice', 'count', (c) => c.appliedTwice),
  cm('deadLettered', 'dead-lettered', 'count', (c) => c.deadLettered),
  cm('lagMax', 'max consumer lag', 'count', (c) => c.lagMax),
  cm('endToEndMeanMs', 'mean end-to-end time', 'ms', (c) =>
    c.applied > 0 ? c.endToEndMeanMs : null,
  ),
];

/** A key metric of one item (a saga, a transaction step, a reader) and how to read it (null: none). */
interface ItemMetricDef<T> extends MetricDef {
  value: (x: T) => number | null;
}

/** A key metric of an item, lower being better. */
const im = <T>(
  metric: string,
  label: string,
  unit: MetricUnit,
  value: (x: T) => number | null,
): ItemMetricDef<T> => ({ ...m(metric, label, unit, true), value });

/**
 * The key metrics of each saga (scope `sagas`, id = the saga), in order. Lower is better for
 * all: inconsistent outcomes and operator alerts are harms, a long inconsistency window is
 * exposure to dirty reads, and time and messages are costs. The times are missing (left out of
 * the estimates) in a run where no saga ended consistent, the messages where none ended.
 */
export const SAGA_METRICS: readonly ItemMetricDef<SagaSummary>[] = [
  im('inconsistent', 'inconsistent sagas', 'count', (s) => s.inconsistent),
  im('alerts', 'operator alerts', 'count', (s) => s.alerts),
  im('windowMeanMs', 'mean inconsistency window', 'ms', (s) =>
    sagasConsistent(s) > 0 ? s.windowMeanMs : null,
  ),
  im('completionMeanMs', 'mean saga completion time', 'ms', (s) =>
    sagasConsistent(s) > 0 ? s.completionMeanMs : null,
  ),
  im('messagesPerSaga', 'messages per saga', 'count', (s) =>
    sagasEnded(s) > 0 ? s.messagesPerSaga : null,
  ),
];

/**
 * The key metrics of each transaction step (scope `transactions`, id = the step), in order.
 * Lower is better for all: failed transactions are errors, conflicts are work done again, and
 * lock waits and long transactions hold threads. The rate and the wait are missing in a run
 * where none started, the p99 where none committed.
 */
export const TRANSACTION_METRICS: readonly ItemMetricDef<TransactionSummary>[] = [
  im('failed', 'failed transactions', 'count', (t) => t.failed),
  im('conflictRate', 'conflict rate', 'ratio', (t) => (t.started > 0 ? t.conflictRate : null)),
  im('lockWaitMeanMs', 'mean lock wait', 'ms', (t) => (t.started > 0 ? t.lockWaitMeanMs : null)),
  im('durationP99Ms', 'p99 transaction time', 'ms', (t) =>
    t.committed > 0 ? t.durationP99Ms : null,
  ),
];

/**
 * The key metrics of each third-party reader (scope `readers`, id = the reader), in order.
 * Lower is better for both: the share of reads that saw an anomaly (a dirty or a stale read),
 * and how stale the data read was. Both are missing in a run where the reader read nothing.
 */
export const READER_METRICS: readonly ItemMetricDef<ReaderSummary>[] = [
  im('anomalyRate', 'anomaly rate', 'ratio', (r) => (r.reads > 0 ? r.anomalyRate : null)),
  im('stalenessP99Ms', 'p99 staleness', 'ms', (r) => (r.reads > 0 ? r.stalenessP99Ms : null)),
];

/** Every key metric of a summary with its value, in a stable order. */
export function keyMetricValues(s: RunSummary): { metric: KeyMetric; value: number }[] {
  const out: { metric: KeyMetric; value: number }[] = [];
  const add = (scope: MetricScope, id: string, d: MetricDef, value: number | null) => {
    if (value === null || !Number.isFinite(value)) return;
    out.push({ metric: { key: `${scope}|${id}|${d.metric}`, scope, id, ...d }, value });
  };
  const o = s.overall;
  for (const d of LATENCY) add('overall', '', d, o.latency[d.metric as 'p50Ms']);
  add('overall', '', m('throughputPerSec', 'throughput', 'per-sec', null), o.throughputPerSec);
  add('overall', '', m('errorRate', 'error rate', 'ratio', true), o.errorRate);
  const c = compareRow(s);
  add('overall', '', m('callsPerRequest', 'calls per request', 'count', true), c.callsPerRequest);
  add(
    'overall',
    '',
    m('dbRowsPerRequest', 'DB rows per request', 'count', true),
    c.dbRowsPerRequest,
  );
  add('overall', '', m('dbQueriesPerSec', 'DB queries/s', 'per-sec', true), c.dbQueriesPerSec);
  add('overall', '', m('cacheHitRatio', 'cache hit ratio', 'ratio', false), c.cacheHitRatio);
  if (s.endpoints.length > 1) {
    for (const e of s.endpoints) {
      for (const d of [LATENCY[0], LATENCY[2]])
        add('endpoint', e.endpoint, d, e.latency[d.metric as 'p50Ms']);
      add(
        'endpoint',
        e.endpoint,
        m('throughputPerSec', 'throughput', 'per-sec', null),
        e.throughputPerSec,
      );
      add('endpoint', e.endpoint, m('errorRate', 'error rate', 'ratio', true), e.errorRate);
    }
  }
  for (const k of s.components) {
    add('component', k.id, m('utilisation', 'utilisation', 'ratio', true), k.utilisation);
    add('component', k.id, m('arrivalsPerSec', 'load', 'per-sec', true), k.arrivalsPerSec);
    add('component', k.id, m('waitMeanMs', 'mean wait', 'ms', true), k.waitMeanMs);
  }
  for (const k of s.caches)
    add('cache', k.id, m('hitRatio', 'hit ratio', 'ratio', false), k.hitRatio);
  const sessions = s.sessions;
  if (sessions)
    for (const { value, ...d } of SESSION_METRICS)
      add('sessions', '', d, value(sessions, s.windowMs));
  for (const c of s.consumers ?? [])
    for (const { value, ...d } of CONSUMER_METRICS) add('consumers', c.group, d, value(c));
  for (const x of sagasOf(s))
    for (const { value, ...d } of SAGA_METRICS) add('sagas', x.id, d, value(x));
  for (const x of transactionsOf(s))
    for (const { value, ...d } of TRANSACTION_METRICS) add('transactions', x.id, d, value(x));
  for (const x of readersOf(s))
    for (const { value, ...d } of READER_METRICS) add('readers', x.id, d, value(x));
  return out;
}

/** A key metric estimated over the replications of one variant. */
export interface MetricEstimate extends KeyMetric {
  /** One value per replication, in replication order. */
  values: number[];
  estimate: Estimate;
}

/**
 * The key metrics of a variant over its replications (summaries in replication order). A
 * metric missing from some replication (a cache with no lookups …) is left out.
 */
export function estimateMetrics(replications: readonly RunSummary[]): MetricEstimate[] {
  const byKey = new Map<string, { metric: KeyMetric; values: number[] }>();
  replications.forEach((s, r) => {
    for (const { metric, value } of keyMetricValues(s)) {
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

/** A variant compared with the baseline variant. */
export interface VariantComparison {
  variant: string;
  baseline: string;
  metrics: MetricDifference[];
}

/** Formats a signed relative change as "+12.3 %" / "−4.0 %" (a real minus sign). */
export function signedPercent(x: number): string {
  const v = Math.round(x * 1000) / 10;
  const text = Math.abs(v).toFixed(1);
  if (v === 0) return `${text} %`;
  return `${v > 0 ? '+' : '−'}${text} %`;
}

/** An absolute value (or difference) in its unit; ratios in percentage points. */
function formatValue(x: number, unit: MetricUnit): string {
  if (unit === 'ratio') return `${(x * 100).toFixed(1)} pp`;
  if (unit === 'ms') return `${x.toFixed(2)} ms`;
  if (unit === 'per-sec') return `${x.toFixed(1)}/s`;
  if (unit === 'bytes') return `${(x / 1024).toFixed(1)} KB`;
  return x.toFixed(2);
}

/** A signed absolute difference in its unit: "+1.20 ms", "−0.4 pp". */
function signedValue(x: number, unit: MetricUnit): string {
  return `${x >= 0 ? '+' : '−'}${formatValue(Math.abs(x), unit)}`;
}

function differenceSentence(
  variant: string,
  baseline: string,
  k: KeyMetric,
  d: PairedDifference,
): string {
  const level = `${Math.round(CONFIDENCE_LEVEL * 100)} % CI`;
  const head = `${variant}: ${k.label}`;
  const { diff, relative } = d;
  if (diff.mean === 0 && diff.sd === 0)
    return `${head} identical to ${baseline} in every replication`;
  const change = relative !== null ? signedPercent(relative.mean) : signedValue(diff.mean, k.unit);
  if (d.significant === null)
    return `${head} ${change} vs ${baseline} (one replication: no confidence interval)`;
  const bounds =
    relative !== null && relative.lo !== null && relative.hi !== null
      ? `[${signedPercent(relative.lo)}, ${signedPercent(relative.hi)}]`
      : `[${signedValue(diff.lo as number, k.unit)}, ${signedValue(diff.hi as number, k.unit)}]`;
  const verdict = d.significant ? '' : ' — not significant';
  return `${head} ${change} vs ${baseline}, ${level} ${bounds}${verdict}`;
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
        sentence: differenceSentence(names[v], names[0], metric, difference),
      });
    }
    out.push({ variant: names[v], baseline: names[0], metrics });
  }
  return out;
}
