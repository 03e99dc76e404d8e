/**
 * The readable summary printed by `msasim run`: per variant, entry endpoints × latency
 * percentiles and outcomes, then components × load, utilisation and queues; the users'
 * sessions (one row per variant) when there are logged-in users; the consumer groups, sagas,
 * transaction steps and third-party readers (one row per variant × item) when there are some;
 * for several variants, a final side-by-side comparison (also printed alone by `msasim
 * compare`). Plain text, deterministic.
 */
import type { RequestGroupSummary, RunSummary } from '../metrics/summary.ts';
import { CONFIDENCE_LEVEL } from '../stats/index.ts';
import { type Analysis, analysisOf } from './analyse.ts';
import { compareRows } from './compare.ts';
import { formatConsumers } from './consumer-table.ts';
import {
  CONSUMER_METRICS,
  ITEM_SCOPES,
  type KeyMetric,
  type MetricDifference,
  type MetricEstimate,
  type MetricScope,
  READER_METRICS,
  SAGA_METRICS,
  SESSION_METRICS,
  TRANSACTION_METRICS,
} from './estimates.ts';
import type { ScenarioResults } from './results.ts';
import { formatSessions } from './session-table.ts';
import { sloLine } from './slo.ts';
import { formatTable, num, pct } from './text-table.ts';
import { readersOf, sagasOf, transactionsOf } from './transaction-figures.ts';
import { formatReaders, formatSagas, formatTransactions } from './transaction-table.ts';

export { formatTable, num } from './text-table.ts';

function endpointTable(s: RunSummary): string {
  const groups: [string, RequestGroupSummary][] = s.endpoints.map((e) => [e.endpoint, e]);
  if (s.endpoints.length > 1) groups.push(['overall', s.overall]);
  const rows = groups.map(([name, g]) => [
    name,
    String(g.arrivals),
    num(g.throughputPerSec),
    pct(g.errorRate),
    num(g.latency.p50Ms, 2),
    num(g.latency.p90Ms, 2),
    num(g.latency.p99Ms, 2),
    num(g.latency.p999Ms, 2),
    num(g.latency.maxMs, 2),
    num(g.perRequest.callsMean, 1),
    num(g.perRequest.queriesMean, 1),
    num(g.perRequest.rowsMean, 1),
  ]);
  return formatTable(
    [
      'endpoint',
      'requests',
      'ok/s',
      'errors',
      'p50 ms',
      'p90 ms',
      'p99 ms',
      'p99.9 ms',
      'max ms',
      'calls/req',
      'queries/req',
      'rows/req',
    ],
    rows,
  );
}

function cacheTable(s: RunSummary): string {
  if (s.caches.length === 0) return '';
  const rows = s.caches.map((c) => [
    c.id,
    c.type,
    String(c.lookups),
    pct(c.hitRatio),
    String(c.staleHits),
    String(c.fills),
    String(c.unchangedWrites),
    String(c.evictions),
    num(c.syncMessagesPerSec),
    String(c.stores),
    num(c.bytesPerStore.mean / 1024 / 1024, 2),
  ]);
  const header = [
    'cache',
    'type',
    'lookups',
    'hit ratio',
    'stale hits',
    'fills',
    'unchanged writes',
    'evictions',
    'sync msg/s',
    'stores',
    'MB/store',
  ];
  return `\n\n${formatTable(header, rows)}`;
}

function refreshTable(s: RunSummary): string {
  if (s.refreshes.length === 0) return '';
  const rows = s.refreshes.map((r) => [
    r.keys,
    `${num(r.periodMs / 1000, 1)} s`,
    r.conditional ? 'yes' : 'no',
    String(r.refreshes),
    String(r.notModified),
    String(r.rowsFetched),
    num(r.bytesFetched / 1024, 1),
    String(r.reads),
    String(r.staleReads),
    num((r.bytesPerInstance * r.instances) / 1024, 1),
  ]);
  const header = [
    'refreshed table',
    'period',
    '304',
    'refreshes',
    'not modified',
    'rows fetched',
    'KB fetched',
    'reads',
    'stale reads',
    'KB held',
  ];
  return `\n\n${formatTable(header, rows)}`;
}

function componentTable(s: RunSummary): string {
  const rows = s.components.map((c) => [
    c.id,
    c.kind,
    c.scaling === null
      ? `${c.instances}×${c.capacityPerInstance}`
      : `${num(c.scaling.meanInstances, 1)}↑${c.scaling.maxInstances}×${c.capacityPerInstance}`,
    num(c.arrivalsPerSec),
    pct(c.utilisation),
    num(c.queueMean, 2),
    String(c.queueMax),
    num(c.waitMeanMs, 2),
    String(c.rejected),
  ]);
  return formatTable(
    ['component', 'kind', 'slots', 'load/s', 'util', 'queue', 'queue max', 'wait ms', 'rejected'],
    rows,
  );
}

function policyTable(s: RunSummary): string {
  if (s.callPolicies.length === 0) return '';
  const rows = s.callPolicies.map((p) => [
    `${p.from} → ${p.to}`,
    String(p.calls),
    `${num(p.amplification, 2)}×`,
    String(p.retries),
    String(p.retriesDenied),
    String(p.breakerOpened),
    pct(p.openFraction),
    String(p.shortCircuited),
    String(p.bulkheadRejected),
    String(p.fallbacks),
  ]);
  const header = [
    'call (policies)',
    'calls',
    'load ×',
    'retries',
    'over budget',
    'opened',
    'open',
    'short-circuited',
    'bulkhead full',
    'fallbacks',
  ];
  return `\n\n${formatTable(header, rows)}`;
}

function brokerTable(s: RunSummary): string {
  if (s.brokers.length === 0) return '';
  const rows = s.brokers.map((b) => [
    b.id,
    b.onUnavailable,
    num(b.publishedPerSec),
    String(b.failed),
    String(b.retries),
    num(b.blockedMsTotal / 1000, 1),
    String(b.maxBuffered),
    String(b.bufferedAtEnd),
  ]);
  const header = [
    'broker',
    'when down',
    'published/s',
    'failed',
    'retries',
    'blocked s',
    'max buffered',
    'buffered at end',
  ];
  return `\n\n${formatTable(header, rows)}`;
}

function causesText(s: RunSummary): string {
  if (s.overall.causes.length === 0) return '';
  const lines = s.overall.causes.slice(0, 5).map((c) => `  ${c.count}× ${c.cause}`);
  return `\nfailures:\n${lines.join('\n')}`;
}

/** The console summary of a scenario run. */
export function formatSummary(input: ScenarioResults | Analysis): string {
  const analysis = analysisOf(input);
  const results = analysis.results;
  const parts: string[] = [];
  for (const r of results.runs) {
    const s = r.summary;
    const title =
      s.scenario.variant === null
        ? s.scenario.name
        : `${s.scenario.name} · variant ${s.scenario.variant}`;
    const window = `${num(s.windowMs / 1000, 1)} s measured after ${num(s.scenario.warmupMs / 1000, 1)} s warm-up, seed ${s.scenario.seed}`;
    const stop =
      s.run.stopReason === 'until' || s.run.stopReason === 'empty'
        ? ''
        : `  (stopped early: ${s.run.stopReason})`;
    parts.push(
      `■ ${title}  (${window})${stop}\n${endpointTable(s)}\n\n${componentTable(s)}${brokerTable(s)}${policyTable(s)}${cacheTable(s)}${refreshTable(s)}${causesText(s)}`,
    );
  }
  const sessions = formatSessions(results);
  if (sessions !== '') parts.push(sessions);
  const consumers = formatConsumers(results);
  if (consumers !== '') parts.push(consumers);
  for (const section of [formatSagas, formatTransactions, formatReaders]) {
    const text = section(results);
    if (text !== '') parts.push(text);
  }
  const propagation = formatPropagation(analysis);
  if (propagation !== '') parts.push(propagation);
  const slos = formatSlos(analysis);
  if (slos !== '') parts.push(slos);
  const replicated = formatReplications(analysis);
  if (replicated !== '') parts.push(replicated);
  if (results.runs.length > 1) parts.push(formatComparison(results));
  return `${parts.join('\n\n')}\n`;
}

const seconds = (ms: number) => `${num(ms / 1000, 1)} s`;

/**
 * The blast radius of every fault window, per variant: what degraded (worse than its own
 * pre-fault baseline), in order, how long after the fault started, when it recovered, its
 * worst figures; then what stayed healthy. Empty without faults.
 */
export function formatPropagation(analysis: Analysis): string {
  const sections: string[] = [];
  for (const { name, propagation: p } of analysis.variants) {
    if (p === null) continue;
    const title = analysis.variants.length > 1 ? ` · ${name}` : '';
    const lines: string[] = [];
    for (const b of p.blastRadius) {
      lines.push(
        `fault ${b.fault} (${b.kind} ${b.target}, ${seconds(b.window.startMs)}–${seconds(b.window.endMs)}): ${b.hits.length === 0 ? 'nothing degraded' : `${b.hits.length} degraded`}`,
      );
      const rows = b.hits.map((h) => [
        `${h.id}${h.scope === 'component' ? ' (component)' : ''}`,
        `+${seconds(h.delayMs)}`,
        h.recoveredAtMs === null ? 'not by the end' : seconds(h.recoveredAtMs),
        h.worst.p99Ms === null ? '–' : num(h.worst.p99Ms, 1),
        h.worst.errorRate === null ? '–' : pct(h.worst.errorRate),
        h.worst.utilisation === null ? '–' : pct(h.worst.utilisation),
      ]);
      if (rows.length > 0)
        lines.push(
          formatTable(
            ['degraded', 'after', 'recovered at', 'worst p99 ms', 'worst errors', 'worst util'],
            rows,
          )
            .split('\n')
            .map((l) => `  ${l}`)
            .join('\n'),
        );
    }
    const hit = new Set(p.entities.filter((e) => e.episodes.length > 0).map((e) => e.id));
    const healthy = p.entities.filter((e) => e.scope === 'endpoint' && !hit.has(e.id));
    if (healthy.length > 0)
      lines.push(`unaffected endpoints: ${healthy.map((e) => e.id).join(', ')}`);
    sections.push(
      `■ fault propagation${title} (degraded = worse than its own pre-fault baseline)\n${lines.join('\n')}`,
    );
  }
  return sections.join('\n\n');
}

/** The SLO verdicts of every variant ("" without SLOs): ✓/✗ per bound with the value. */
export function formatSlos(analysis: Analysis): string {
  const all = analysis.variants;
  if (all.every((v) => v.slos.length === 0)) return '';
  const sections = all.map(({ name, slos }) => {
    const met = slos.filter((s) => s.pass).length;
    const title = all.length > 1 ? ` · ${name}` : '';
    return `■ SLOs${title}: ${met} of ${slos.length} met\n${slos.map((s) => `  ${sloLine(s)}`).join('\n')}`;
  });
  return sections.join('\n\n');
}

/** The overall metrics shown with their confidence intervals, and in the difference sentences. */
const HEADLINE_METRICS = [
  'p50Ms',
  'p99Ms',
  'p999Ms',
  'throughputPerSec',
  'errorRate',
  'dbQueriesPerSec',
  'cacheHitRatio',
];

/** The keys of the key metrics in the console: the headline ones, then those of sessions. */
const HEADLINE_KEYS = [
  ...HEADLINE_METRICS.map((m) => `overall||${m}`),
  ...SESSION_METRICS.map((d) => `sessions||${d.metric}`),
];

/** The key metrics of each kind of item, and how to find the items' ids in a summary. */
const ITEM_METRICS: [MetricScope, (s: RunSummary) => string[], readonly { metric: string }[]][] = [
  ['consumers', (s) => (s.consumers ?? []).map((c) => c.group), CONSUMER_METRICS],
  ['sagas', (s) => sagasOf(s).map((x) => x.id), SAGA_METRICS],
  ['transactions', (s) => transactionsOf(s).map((x) => x.id), TRANSACTION_METRICS],
  ['readers', (s) => readersOf(s).map((x) => x.id), READER_METRICS],
];

/**
 * The keys of the key metrics of every consumer group, saga, transaction step and reader of
 * any variant (kind by kind, item by item in order of first appearance), after the headline ones.
 */
function itemKeys(results: ScenarioResults): string[] {
  return ITEM_METRICS.flatMap(([scope, idsOf, metrics]) => {
    const ids = new Set(results.runs.flatMap((r) => idsOf(r.summary)));
    return [...ids].flatMap((id) => metrics.map((d) => `${scope}|${id}|${d.metric}`));
  });
}

/** Whether a key metric belongs to one item of several (a group, a saga, a step, a reader). */
const isItem = (e: KeyMetric) => ITEM_SCOPES.includes(e.scope);

/** How a key metric is named in the console: its label, after its item if it has one. */
const consoleLabel = (e: KeyMetric) => (isItem(e) ? `${e.id} ${e.label}` : e.label);

/** A difference sentence with the item named after the variant ("store: billing lost …"). */
function consoleSentence(variant: string, m: MetricDifference): string {
  const prefix = `${variant}: `;
  if (!isItem(m) || !m.sentence.startsWith(prefix)) return m.sentence;
  return `${prefix}${m.id} ${m.sentence.slice(prefix.length)}`;
}

/**
 * With several replications: the overall key metrics of each variant (and those of sessions,
 * with logged-in users, and of each consumer group, saga, transaction step and reader) as mean ± half-width of the 95 % confidence interval, and (with variants) each difference from the first variant in
 * words, significant or not. Empty with one replication.
 */
export function formatReplications(input: ScenarioResults | Analysis): string {
  const analysis = analysisOf(input);
  const n = analysis.variants[0].replications.length;
  if (n < 2) return '';
  const names = analysis.variants.map((v) => v.name);
  const byVariant = analysis.variants.map(
    (v) => new Map(v.estimates.map((e) => [e.key, e] as [string, MetricEstimate])),
  );
  const keys = [...HEADLINE_KEYS, ...itemKeys(analysis.results)];
  const rows: string[][] = [];
  for (const key of keys) {
    const first = byVariant.find((m) => m.has(key))?.get(key);
    if (first === undefined) continue;
    rows.push([
      consoleLabel(first),
      ...byVariant.map((m) => {
        const e = m.get(key)?.estimate;
        if (e === undefined) return '–';
        const scale = first.unit === 'ratio' ? 100 : first.unit === 'bytes' ? 1 / 1024 : 1;
        const d = first.unit === 'ms' ? 2 : 1;
        const unit = first.unit === 'ratio' ? ' %' : first.unit === 'bytes' ? ' KB' : '';
        return `${num(e.mean * scale, d)} ± ${num((e.halfWidth ?? 0) * scale, d)}${unit}`;
      }),
    ]);
  }
  const level = `${Math.round(CONFIDENCE_LEVEL * 100)} %`;
  const table = formatTable(['metric', ...names], rows);
  let text = `■ ${n} replications: mean ± half-width of the ${level} confidence interval (all entry endpoints)\n${table}`;
  const sentences = analysis.comparisons.flatMap((c) =>
    c.metrics
      .filter((m) => keys.includes(m.key))
      .map((m) => `  ${m.difference.significant ? '•' : '○'} ${consoleSentence(c.variant, m)}`),
  );
  if (sentences.length > 0)
    text += `\n\n■ differences (paired over replications with common random numbers; ○ = not significant)\n${sentences.join('\n')}`;
  return text;
}

/**
 * The comparison printed by `run` (after the variants) and `compare`: one row per variant.
 * Cache columns appear when the scenario has caches. To stay within 120 columns it leaves out
 * p99.9, bytes per request and DB rows/s (compare.csv and compare.json have them) and uses
 * short headers, explained in a line below the table.
 */
export function formatComparison(results: ScenarioResults): string {
  const hasCaches = results.runs.some((r) => r.summary.caches.length > 0);
  const orDash = (x: number | null, f: (x: number) => string) => (x === null ? '–' : f(x));
  const rows = compareRows(results).map((c) => {
    const row = [
      c.variant || results.name,
      num(c.throughputPerSec),
      pct(c.errorRate),
      num(c.p50Ms, 2),
      num(c.p99Ms, 2),
      num(c.callsPerRequest, 1),
      num(c.dbRowsPerRequest, 1),
      num(c.dbQueriesPerSec),
    ];
    if (hasCaches) {
      row.push(
        orDash(c.cacheHitRatio, pct),
        orDash(c.syncMessagesPerSec, (x) => num(x)),
        orDash(c.cacheMemoryPerInstanceBytes, (x) => num(x / 1024 / 1024, 2)),
      );
    }
    const db = c.busiestDatabase;
    row.push(db === null ? '–' : `${db.id} ${pct(db.utilisation)}`);
    return row;
  });
  const header = ['variant', 'ok/s', 'errors', 'p50 ms', 'p99 ms', 'calls', 'rows', 'DB q/s'];
  if (hasCaches) header.push('hit %', 'sync/s', 'MB/inst');
  header.push('busiest DB');
  const legend = [
    'calls, rows: per request',
    'DB q/s: queries over all databases',
    ...(hasCaches ? ['MB/inst: cache memory per instance'] : []),
  ];
  return `■ comparison (all entry endpoints)\n${formatTable(header, rows)}\n${legend.join(' · ')}`;
}
