/**
 * The files a run writes, as text (pure: the CLI writes them): summary.json, endpoints.csv,
 * components.csv, timeseries.csv (tidy/long format: second, variant, scope, id, metric,
 * value), caches.csv when the scenario has caches, sessions.csv and session-memory.csv when it
 * has logged-in users, consumers.csv when it has consumer groups, sagas.csv, transactions.csv
 * and readers.csv when it has sagas, transaction steps or third-party readers, and compare.csv /
 * compare.json when it has several variants. Every number is rounded to 4 decimals; the same
 * results give the same bytes.
 */
import type {
  BrokerSummary,
  CacheSummary,
  CallPolicySummary,
  ComponentSummary,
  RefreshSummary,
  RequestGroupSummary,
  RunResult,
} from '../metrics/summary.ts';
import { type Analysis, analysisOf } from './analyse.ts';
import { compareCsv, compareJson } from './compare.ts';
import { hasConsumerGroups } from './consumer-figures.ts';
import { consumerSeriesRows, consumersCsv } from './consumers-csv.ts';
import { type Column, csv, csvOf, rounded, variantOf } from './csv.ts';
import { reportDataJson } from './report-data.ts';
import { OUTPUT_FORMAT_VERSION, type ScenarioResults } from './results.ts';
import { round, roundDeep } from './round.ts';
import { sessionMemoryCsv, sessionsCsv } from './sessions-csv.ts';
import { hasReaders, hasSagas, hasTransactions } from './transaction-figures.ts';
import { readersCsv, sagasCsv, transactionsCsv } from './transactions-csv.ts';

export { OUTPUT_FORMAT_VERSION, type ScenarioResults } from './results.ts';

/** File name → contents. */
export type OutputFiles = Map<string, string>;

/** All output files of a scenario run. */
export function buildOutputs(input: ScenarioResults | Analysis): OutputFiles {
  const analysis = analysisOf(input);
  const results = analysis.results;
  const files: OutputFiles = new Map([
    ['summary.json', summaryJson(analysis)],
    ['endpoints.csv', endpointsCsv(results)],
    ['components.csv', componentsCsv(results)],
    ['timeseries.csv', timeseriesCsv(results)],
    ['estimates.csv', estimatesCsv(analysis)],
    ['results.json', reportDataJson(analysis)],
  ]);
  if (results.runs.some((r) => r.summary.caches.length > 0))
    files.set('caches.csv', cachesCsv(results));
  if (results.runs.some((r) => r.summary.scenario.faults.length > 0))
    files.set('propagation.csv', propagationCsv(analysis));
  if (results.runs.some((r) => r.summary.scenario.slos.length > 0))
    files.set('slos.csv', slosCsv(analysis));
  if (results.runs.some((r) => r.summary.brokers.length > 0))
    files.set('brokers.csv', brokersCsv(results));
  if (results.runs.some((r) => r.summary.callPolicies.length > 0))
    files.set('policies.csv', policiesCsv(results));
  if (results.runs.some((r) => r.summary.refreshes.length > 0))
    files.set('refreshes.csv', refreshesCsv(results));
  if (results.runs.some((r) => r.summary.sessions !== null)) {
    files.set('sessions.csv', sessionsCsv(results));
    files.set('session-memory.csv', sessionMemoryCsv(results));
  }
  if (hasConsumerGroups(results.runs)) files.set('consumers.csv', consumersCsv(results));
  if (hasSagas(results.runs)) files.set('sagas.csv', sagasCsv(results));
  if (hasTransactions(results.runs)) files.set('transactions.csv', transactionsCsv(results));
  if (hasReaders(results.runs)) files.set('readers.csv', readersCsv(results));
  if (results.runs.length > 1) {
    files.set('compare.csv', compareCsv(results));
    files.set('compare.json', compareJson(results));
    files.set('differences.csv', differencesCsv(analysis));
  }
  return files;
}

/**
 * summary.json: the scenario, the replications and their seeds, one RunSummary per variant
 * (its first replication) with the key metrics estimated over every replication (mean, sd and
 * 95 % confidence bounds, null with one replication), and each variant compared with the
 * first (paired differences; empty without variants).
 */
export function summaryJson(input: ScenarioResults | Analysis): string {
  const { results, variants, comparisons } = analysisOf(input);
  const first = variants[0].replications;
  const doc = {
    format: OUTPUT_FORMAT_VERSION,
    scenario: { name: results.name, description: results.description, file: results.file },
    replications: first.length,
    seeds: first.map((s) => s.scenario.seed),
    runs: variants.map((v) =>
      roundDeep({
        ...v.run.summary,
        estimates: v.estimates.map(({ values: _, ...e }) => e),
        slos: v.slos,
        propagation: v.propagation,
      }),
    ),
    comparisons: roundDeep(comparisons),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

const ESTIMATE_COLUMNS = ['n', 'mean', 'sd', 'lo', 'hi'] as const;

/**
 * estimates.csv: one row per variant × key metric: the mean over replications, the sample
 * standard deviation and the 95 % confidence bounds (empty with one replication).
 */
export function estimatesCsv(analysis: Analysis): string {
  const rows: unknown[][] = [['variant', 'scope', 'id', 'metric', ...ESTIMATE_COLUMNS]];
  for (const v of analysis.variants) {
    for (const e of v.estimates) {
      const x = e.estimate;
      rows.push([
        variantOf(v.run),
        e.scope,
        e.id,
        e.metric,
        x.n,
        round(x.mean),
        round(x.sd),
        rounded(x.lo),
        rounded(x.hi),
      ]);
    }
  }
  return csv(rows);
}

/**
 * differences.csv: one row per variant (after the first) × key metric: the paired difference
 * with the baseline (the first variant) over replications, absolute and relative, its 95 %
 * confidence bounds and whether it is significant (the interval excludes 0).
 */
export function differencesCsv(analysis: Analysis): string {
  const rows: unknown[][] = [
    [
      'variant',
      'baseline',
      'scope',
      'id',
      'metric',
      'n',
      'baselineMean',
      'variantMean',
      'diffMean',
      'diffLo',
      'diffHi',
      'relativeMean',
      'relativeLo',
      'relativeHi',
      'significant',
    ],
  ];
  for (const c of analysis.comparisons) {
    for (const m of c.metrics) {
      const d = m.difference;
      rows.push([
        c.variant,
        c.baseline,
        m.scope,
        m.id,
        m.metric,
        d.diff.n,
        round(m.baseline.mean),
        round(m.value.mean),
        round(d.diff.mean),
        rounded(d.diff.lo),
        rounded(d.diff.hi),
        rounded(d.relative?.mean ?? null),
        rounded(d.relative?.lo ?? null),
        rounded(d.relative?.hi ?? null),
        d.significant === null ? null : String(d.significant),
      ]);
    }
  }
  return csv(rows);
}

/**
 * slos.csv: one row per variant × SLO bound: the target, the bound, the mean over replications
 * with its 95 % bounds, and whether it passed (on the mean; `passWithConfidence` when the whole
 * interval is on one side).
 */
export function slosCsv(analysis: Analysis): string {
  const rows: unknown[][] = [
    [
      'variant',
      'slo',
      'scope',
      'id',
      'metric',
      'bound',
      'threshold',
      'n',
      'mean',
      'lo',
      'hi',
      'pass',
      'passWithConfidence',
    ],
  ];
  for (const v of analysis.variants) {
    for (const s of v.slos) {
      const e = s.estimate;
      rows.push([
        variantOf(v.run),
        s.name,
        s.scope,
        s.id,
        s.metric,
        s.bound,
        round(s.threshold),
        e.n,
        e.n === 0 ? null : round(e.mean),
        rounded(e.lo),
        rounded(e.hi),
        String(s.pass),
        s.passWithConfidence === null ? null : String(s.passWithConfidence),
      ]);
    }
  }
  return csv(rows);
}

/**
 * propagation.csv: one row per variant × fault window × entity it degraded (the blast radius,
 * in order of onset): when, how long after the fault started, when it recovered (empty: not
 * by the end of the run) and its worst figures.
 */
export function propagationCsv(analysis: Analysis): string {
  const rows: unknown[][] = [
    [
      'variant',
      'fault',
      'kind',
      'target',
      'faultStartMs',
      'faultEndMs',
      'order',
      'scope',
      'id',
      'degradedAtMs',
      'delayMs',
      'recoveredAtMs',
      'worstP99Ms',
      'worstErrorRate',
      'worstUtilisation',
    ],
  ];
  for (const { run: r, propagation: p } of analysis.variants) {
    if (p === null) continue;
    for (const b of p.blastRadius)
      b.hits.forEach((h, i) => {
        rows.push([
          variantOf(r),
          b.fault,
          b.kind,
          b.target,
          b.window.startMs,
          b.window.endMs,
          i + 1,
          h.scope,
          h.id,
          h.degradedAtMs,
          h.delayMs,
          h.recoveredAtMs,
          rounded(h.worst.p99Ms),
          rounded(h.worst.errorRate),
          rounded(h.worst.utilisation),
        ]);
      });
  }
  return csv(rows);
}

type NamedGroup = [name: string, group: RequestGroupSummary];

const ENDPOINT_COLUMNS: Column<NamedGroup>[] = [
  ['endpoint', ([n]) => n],
  ['arrivals', ([, g]) => g.arrivals],
  ['ok', ([, g]) => g.outcomes.ok],
  ['rejected', ([, g]) => g.outcomes.rejected],
  ['timedOut', ([, g]) => g.outcomes.timedOut],
  ['failed', ([, g]) => g.outcomes.failed],
  ['inFlight', ([, g]) => g.inFlight],
  ['throughputPerSec', ([, g]) => round(g.throughputPerSec)],
  ['errorRate', ([, g]) => round(g.errorRate)],
  ['meanMs', ([, g]) => round(g.latency.meanMs)],
  ['p50Ms', ([, g]) => round(g.latency.p50Ms)],
  ['p90Ms', ([, g]) => round(g.latency.p90Ms)],
  ['p99Ms', ([, g]) => round(g.latency.p99Ms)],
  ['p999Ms', ([, g]) => round(g.latency.p999Ms)],
  ['maxMs', ([, g]) => round(g.latency.maxMs)],
  ['callsPerRequest', ([, g]) => round(g.perRequest.callsMean)],
  ['queriesPerRequest', ([, g]) => round(g.perRequest.queriesMean)],
  ['rowsPerRequest', ([, g]) => round(g.perRequest.rowsMean)],
  ['bytesPerRequest', ([, g]) => round(g.perRequest.bytesMean)],
];

/** endpoints.csv: one row per variant × entry endpoint (and an `overall` row). */
export function endpointsCsv(results: ScenarioResults): string {
  const items = results.runs.flatMap((r) => [
    ...r.summary.endpoints.map((e): [RunResult, NamedGroup] => [r, [e.endpoint, e]]),
    [r, ['overall', r.summary.overall]] as [RunResult, NamedGroup],
  ]);
  return csvOf(ENDPOINT_COLUMNS, items);
}

const COMPONENT_COLUMNS: Column<ComponentSummary>[] = [
  ['component', (c) => c.id],
  ['kind', (c) => c.kind],
  ['instances', (c) => c.instances],
  ['capacityPerInstance', (c) => c.capacityPerInstance],
  ['arrivals', (c) => c.arrivals],
  ['arrivalsPerSec', (c) => round(c.arrivalsPerSec)],
  ['completed', (c) => c.completed],
  ['rejected', (c) => c.rejected],
  ['failed', (c) => c.failed],
  ['utilisation', (c) => round(c.utilisation)],
  ['queueMean', (c) => round(c.queueMean)],
  ['queueMax', (c) => c.queueMax],
  ['waitMeanMs', (c) => round(c.waitMeanMs)],
  ['waitMaxMs', (c) => round(c.waitMaxMs)],
  ['rowsRead', (c) => c.rowsRead],
  ['bytesRead', (c) => c.bytesRead],
  ['memoryBytesPerInstance', (c) => round(c.memoryBytesPerInstance)],
  ['gcPauses', (c) => c.gcPauses],
  ['gcPausedFraction', (c) => round(c.gcPausedFraction)],
  ['instancesMean', (c) => (c.scaling === null ? null : round(c.scaling.meanInstances))],
  ['instancesMax', (c) => c.scaling?.maxInstances ?? null],
  ['scaleUps', (c) => c.scaling?.scaleUps ?? null],
  ['scaleDowns', (c) => c.scaling?.scaleDowns ?? null],
];

/** components.csv: one row per variant × component (service or database). */
export function componentsCsv(results: ScenarioResults): string {
  return csvOf(
    COMPONENT_COLUMNS,
    results.runs.flatMap((r) =>
      r.summary.components.map((c): [RunResult, ComponentSummary] => [r, c]),
    ),
  );
}

const CACHE_COLUMNS: Column<CacheSummary>[] = [
  ['cache', (c) => c.id],
  ['type', (c) => c.type],
  ['lookups', (c) => c.lookups],
  ['hits', (c) => c.hits],
  ['staleHits', (c) => c.staleHits],
  ['misses', (c) => c.misses],
  ['hitRatio', (c) => round(c.hitRatio)],
  ['fills', (c) => c.fills],
  ['unchangedWrites', (c) => c.unchangedWrites],
  ['evictions', (c) => c.evictions],
  ['expired', (c) => c.expired],
  ['syncMessages', (c) => c.syncMessages],
  ['syncMessagesPerSec', (c) => round(c.syncMessagesPerSec)],
  ['syncBytes', (c) => c.syncBytes],
  ['syncCpuMsPerSec', (c) => round(c.syncCpuMsPerSec)],
  ['failedOps', (c) => c.failedOps],
  ['stores', (c) => c.stores],
  ['entriesPerStoreMean', (c) => round(c.entriesPerStore.mean)],
  ['bytesPerStoreMean', (c) => round(c.bytesPerStore.mean)],
  ['bytesPerStoreMax', (c) => c.bytesPerStore.max],
];

const REFRESH_COLUMNS: Column<RefreshSummary>[] = [
  ['reference', (r) => r.id],
  ['keys', (r) => r.keys],
  ['periodMs', (r) => r.periodMs],
  ['conditional', (r) => r.conditional],
  ['refreshes', (r) => r.refreshes],
  ['notModified', (r) => r.notModified],
  ['rowsFetched', (r) => r.rowsFetched],
  ['bytesFetched', (r) => r.bytesFetched],
  ['reads', (r) => r.reads],
  ['staleReads', (r) => r.staleReads],
  ['bytesPerInstance', (r) => r.bytesPerInstance],
  ['instances', (r) => r.instances],
];

const POLICY_COLUMNS: Column<CallPolicySummary>[] = [
  ['call', (p) => p.id],
  ['from', (p) => p.from],
  ['to', (p) => p.to],
  ['calls', (p) => p.calls],
  ['attempts', (p) => p.attempts],
  ['amplification', (p) => round(p.amplification)],
  ['retries', (p) => p.retries],
  ['retriesDenied', (p) => p.retriesDenied],
  ['breakerOpened', (p) => p.breakerOpened],
  ['openFraction', (p) => round(p.openFraction)],
  ['shortCircuited', (p) => p.shortCircuited],
  ['bulkheadRejected', (p) => p.bulkheadRejected],
  ['fallbacks', (p) => p.fallbacks],
];

const BROKER_COLUMNS: Column<BrokerSummary>[] = [
  ['broker', (b) => b.id],
  ['onUnavailable', (b) => b.onUnavailable],
  ['published', (b) => b.published],
  ['publishedPerSec', (b) => round(b.publishedPerSec)],
  ['failed', (b) => b.failed],
  ['retries', (b) => b.retries],
  ['bufferFull', (b) => b.bufferFull],
  ['blockedMsTotal', (b) => round(b.blockedMsTotal)],
  ['maxBuffered', (b) => b.maxBuffered],
  ['bufferedAtEnd', (b) => b.bufferedAtEnd],
];

/** brokers.csv: one row per variant × broker: what its producers published, failed, buffered. */
export function brokersCsv(results: ScenarioResults): string {
  return csvOf(
    BROKER_COLUMNS,
    results.runs.flatMap((r) => r.summary.brokers.map((b): [RunResult, BrokerSummary] => [r, b])),
  );
}

/** policies.csv: one row per variant × call step with resilience policies. */
export function policiesCsv(results: ScenarioResults): string {
  return csvOf(
    POLICY_COLUMNS,
    results.runs.flatMap((r) =>
      r.summary.callPolicies.map((p): [RunResult, CallPolicySummary] => [r, p]),
    ),
  );
}

/** refreshes.csv: one row per variant × refreshed reference table. */
export function refreshesCsv(results: ScenarioResults): string {
  return csvOf(
    REFRESH_COLUMNS,
    results.runs.flatMap((r) =>
      r.summary.refreshes.map((x): [RunResult, RefreshSummary] => [r, x]),
    ),
  );
}

/** caches.csv: one row per variant × cache component. */
export function cachesCsv(results: ScenarioResults): string {
  return csvOf(
    CACHE_COLUMNS,
    results.runs.flatMap((r) => r.summary.caches.map((c): [RunResult, CacheSummary] => [r, c])),
  );
}

const REQUEST_METRICS = [
  'arrivals',
  'ok',
  'rejected',
  'timedOut',
  'failed',
  'meanMs',
  'p50Ms',
  'p90Ms',
  'p99Ms',
  'maxMs',
  'inFlight',
] as const;
const COMPONENT_METRICS = [
  'arrivals',
  'completed',
  'rejected',
  'utilisation',
  'queueMean',
  'instances',
] as const;

/**
 * timeseries.csv: tidy rows (second, variant, scope, id, metric, value) for every series: entry
 * endpoints and overall, components, and the lag of each consumer group (scope `consumer`).
 */
export function timeseriesCsv(results: ScenarioResults): string {
  const rows: unknown[][] = [['second', 'variant', 'scope', 'id', 'metric', 'value']];
  for (const r of results.runs) {
    const v = variantOf(r);
    for (const [id, points] of r.series.requests) {
      const scope = id === 'overall' ? 'overall' : 'endpoint';
      for (const p of points)
        for (const m of REQUEST_METRICS) rows.push([p.second, v, scope, id, m, round(p[m])]);
    }
    for (const [id, points] of r.series.components) {
      for (const p of points)
        for (const m of COMPONENT_METRICS)
          rows.push([p.second, v, 'component', id, m, round(p[m])]);
    }
    for (const row of consumerSeriesRows(r)) rows.push(row);
  }
  return csv(rows);
}
