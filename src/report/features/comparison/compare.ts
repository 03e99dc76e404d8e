/**
 * The side-by-side comparison of a scenario's variants: one row per variant with the figures
 * that tell designs apart (latency, throughput, work per request, database load, cache hit
 * ratio, sync messages, cache memory), as rows, compare.csv and compare.json. Pure; all
 * variants cover all entry endpoints. Per-second figures use each run's statistics window.
 */
import type { CacheSummary, RunSummary } from '../../../metrics/summary.ts';
import { asIs, type Column, csv, rounded, roundedFields } from '../../csv.ts';
import { OUTPUT_FORMAT_VERSION, type ScenarioResults } from '../../results.ts';
import { roundDeep } from '../../round.ts';
import { answeredMs } from '../requests/endpoints.ts';

/** One variant of a scenario, compared. Rates are per second of the statistics window. */
export interface CompareRow {
  /** The variant's name ('' for a scenario without variants). */
  variant: string;
  /** The variant's description (the scenario's when the variant has none). */
  description: string;
  /** Latency percentiles of successful requests, all entry endpoints, ms (NaN, written null, without one). */
  p50Ms: number;
  p99Ms: number;
  p999Ms: number;
  /** Successful requests per second. */
  throughputPerSec: number;
  /** Failed share of finished requests. */
  errorRate: number;
  /** Mean service-to-service calls per request. */
  callsPerRequest: number;
  /** Mean database rows read per request. */
  dbRowsPerRequest: number;
  /** Mean bytes of key-space rows returned per request. */
  bytesPerRequest: number;
  /** Queries per second over all databases. */
  dbQueriesPerSec: number;
  /** Rows read per second over all databases. */
  dbRowsPerSec: number;
  /** The database with the highest utilisation (the first of equals); null without databases. */
  busiestDatabase: { id: string; utilisation: number } | null;
  /** (hits + stale hits) / lookups over every cache; null without caches or lookups. */
  cacheHitRatio: number | null;
  /** Cache synchronisation messages per second; null until a cache reports them. */
  syncMessagesPerSec: number | null;
  /** Sum over caches of the mean bytes held per store (per instance); null without caches. */
  cacheMemoryPerInstanceBytes: number | null;
}

const perSec = (count: number, windowMs: number) => (windowMs > 0 ? (count * 1000) / windowMs : 0);

function busiestDatabase(s: RunSummary): CompareRow['busiestDatabase'] {
  let busiest: CompareRow['busiestDatabase'] = null;
  for (const c of s.components) {
    if (c.kind !== 'database') continue;
    if (busiest === null || c.utilisation > busiest.utilisation)
      busiest = { id: c.id, utilisation: c.utilisation };
  }
  return busiest;
}

function cacheHitRatio(caches: CacheSummary[]): number | null {
  const lookups = caches.reduce((a, c) => a + c.lookups, 0);
  const hits = caches.reduce((a, c) => a + c.hits + c.staleHits, 0);
  return lookups > 0 ? hits / lookups : null;
}

/** Sync messages per second of the replicated caches (null when there is none). */
function syncMessagesPerSec(s: RunSummary): number | null {
  const replicated = s.caches.filter((c) => c.type === 'replicated');
  return replicated.length === 0 ? null : replicated.reduce((a, c) => a + c.syncMessagesPerSec, 0);
}

/**
 * Cache memory held by each service instance: local and replicated stores live in the
 * instances; a distributed cache's store lives on its own servers and does not count.
 */
function cacheMemoryPerInstance(s: RunSummary): number | null {
  if (s.caches.length === 0) return null;
  return s.caches
    .filter((c) => c.type !== 'distributed')
    .reduce((a, c) => a + c.bytesPerStore.mean, 0);
}

/** One row of the comparison from one run's summary. */
export function compareRow(s: RunSummary): CompareRow {
  const o = s.overall;
  const databases = s.components.filter((c) => c.kind === 'database');
  return {
    variant: s.scenario.variant ?? '',
    description: s.scenario.description,
    p50Ms: answeredMs(o, 'p50Ms'),
    p99Ms: answeredMs(o, 'p99Ms'),
    p999Ms: answeredMs(o, 'p999Ms'),
    throughputPerSec: o.throughputPerSec,
    errorRate: o.errorRate,
    callsPerRequest: o.perRequest.callsMean,
    dbRowsPerRequest: o.perRequest.rowsMean,
    bytesPerRequest: o.perRequest.bytesMean,
    dbQueriesPerSec: databases.reduce((a, c) => a + c.arrivalsPerSec, 0),
    dbRowsPerSec: perSec(
      databases.reduce((a, c) => a + c.rowsRead, 0),
      s.windowMs,
    ),
    busiestDatabase: busiestDatabase(s),
    cacheHitRatio: cacheHitRatio(s.caches),
    syncMessagesPerSec: syncMessagesPerSec(s),
    cacheMemoryPerInstanceBytes: cacheMemoryPerInstance(s),
  };
}

/** The comparison: one row per variant, in the scenario's order. */
export function compareRows(results: ScenarioResults): CompareRow[] {
  return results.runs.map((r) => compareRow(r.summary));
}

const COMPARE_COLUMNS: Column<CompareRow>[] = [
  ...asIs<CompareRow>('variant', 'description'),
  ...roundedFields<CompareRow>(
    'p50Ms',
    'p99Ms',
    'p999Ms',
    'throughputPerSec',
    'errorRate',
    'callsPerRequest',
    'dbRowsPerRequest',
    'bytesPerRequest',
    'dbQueriesPerSec',
    'dbRowsPerSec',
  ),
  ['busiestDatabase', (r) => r.busiestDatabase?.id ?? null],
  ['busiestDatabaseUtilisation', (r) => rounded(r.busiestDatabase?.utilisation ?? null)],
  ['cacheHitRatio', (r) => rounded(r.cacheHitRatio)],
  ['syncMessagesPerSec', (r) => rounded(r.syncMessagesPerSec)],
  ['cacheMemoryPerInstanceBytes', (r) => rounded(r.cacheMemoryPerInstanceBytes)],
];

/** compare.csv: a header and one row per variant; a missing figure is an empty cell. */
export function compareCsv(results: ScenarioResults): string {
  const rows: unknown[][] = [COMPARE_COLUMNS.map((c) => c[0])];
  for (const row of compareRows(results)) rows.push(COMPARE_COLUMNS.map((c) => c[1](row)));
  return csv(rows);
}

/** compare.json: the output format, the scenario (name, description, file) and the rows. */
export function compareJson(results: ScenarioResults): string {
  const doc = {
    format: OUTPUT_FORMAT_VERSION,
    scenario: { name: results.name, description: results.description, file: results.file },
    rows: roundDeep(compareRows(results)),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}
