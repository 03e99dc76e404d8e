/**
 * The caches of a run in every output: caches.csv (one row per variant × cache: lookups by
 * result, hit ratio, fills, unchanged writes, evictions, sync traffic, what the stores hold),
 * the console's cache table, the Caches table of the page's Summary section, and each cache's
 * hit ratio as a key metric.
 */

import type { CacheSummary, RunSummary } from '../../../metrics/summary.ts';
import type { Analysis } from '../../analysis.ts';
import { asIs, type Column, csvOf, roundedFields, runItems } from '../../csv.ts';
import { formatNumber, formatPercent, formatRate } from '../../html/format.ts';
import { itemSummaryTable, type SummaryColumn } from '../../html/summary-table.ts';
import type { Html } from '../../html/template.ts';
import type { Lang } from '../../i18n/lang.ts';
import { keyMetricSource, lowerIsBetter, metricDef } from '../../key-metrics.ts';
import type { ReportData } from '../../report-data-types.ts';
import { round } from '../../round.ts';
import { countColumns, inWords, num, pct, type TextColumn, tableOf } from '../../text-table.ts';

type C = CacheSummary;

/**
 * A cache's hit ratio, or null when no request looked in it (a `kv` store, a variant that does
 * not use it): not measured, shown as "–" and an empty CSV cell, never "0.0 %" beside the caches
 * that are used. summary.json keeps the summary's 0 with its `lookups: 0`.
 */
export const measuredHitRatio = (c: C): number | null => (c.lookups > 0 ? c.hitRatio : null);

const CACHE_COLUMNS: Column<C>[] = [
  ['cache', (c) => c.id],
  ...asIs<C>('type', 'lookups', 'hits', 'staleHits', 'misses'),
  [
    'hitRatio',
    (c) => {
      const r = measuredHitRatio(c);
      return r === null ? null : round(r);
    },
  ],
  ...asIs<C>('fills', 'unchangedWrites', 'evictions', 'expired', 'syncMessages'),
  ...roundedFields<C>('syncMessagesPerSec'),
  ...asIs<C>('syncBytes'),
  ...roundedFields<C>('syncCpuMsPerSec'),
  ...asIs<C>('failedOps', 'stores'),
  ['entriesPerStoreMean', (c) => round(c.entriesPerStore.mean)],
  ['bytesPerStoreMean', (c) => round(c.bytesPerStore.mean)],
  ['bytesPerStoreMax', (c) => c.bytesPerStore.max],
];

/** caches.csv: one row per variant × cache component. */
export function cachesCsv({ results }: Analysis): string {
  return csvOf(
    CACHE_COLUMNS,
    runItems(results.runs, (s) => s.caches),
  );
}

/** The columns of the console's cache table. */
const CACHE_TABLE: TextColumn<C>[] = [
  ['cache', (c) => c.id],
  ['type', (c) => c.type],
  ...countColumns<C>('lookups'),
  [
    'hit ratio',
    (c) => {
      const r = measuredHitRatio(c);
      return r === null ? '–' : pct(r);
    },
  ],
  ['stale hits', (c) => String(c.staleHits)],
  ...countColumns<C>('fills'),
  ['unchanged writes', (c) => String(c.unchangedWrites)],
  ...countColumns<C>('evictions'),
  ['sync msg/s', (c) => num(c.syncMessagesPerSec)],
  ...countColumns<C>('stores'),
  ['MB/store', (c) => num(c.bytesPerStore.mean / 1024 / 1024, 2)],
];

/** The console table of a run's caches ('' without caches), after a blank line. */
export function cacheTable(s: RunSummary, lang: Lang = 'en'): string {
  // the type is msasim's word (local, replicated, distributed): in the table's language
  const columns = inWords(CACHE_TABLE, 'type', lang);
  return s.caches.length === 0 ? '' : `\n\n${tableOf(columns, s.caches, lang)}`;
}

/** The page's Caches table: type, lookups, hit ratio, stale hits, evictions, sync messages. */
const CACHE_SUMMARY: SummaryColumn<C>[] = [
  ['type', (c) => c.type],
  ['lookups', (c) => formatNumber(c.lookups)],
  ['hit ratio', (c) => formatPercent(measuredHitRatio(c))],
  ['stale hits', (c) => formatNumber(c.staleHits)],
  ['evictions', (c) => formatNumber(c.evictions)],
  ['sync messages', (c) => formatRate(c.syncMessagesPerSec)],
];

/** The page's Caches table (see CACHE_SUMMARY). */
export const cachesSummaryTable = (data: ReportData, lang: Lang = 'en'): Html =>
  itemSummaryTable(data, 'Caches', 'cache', (v) => v.summary.caches, CACHE_SUMMARY, lang);

/**
 * Each cache's hit ratio (higher is better; not measured where no request looked in it), sync
 * messages per second and memory per instance (lower is better: costs), scope `cache`, id = the
 * cache.
 */
export const CACHE_METRICS = keyMetricSource<CacheSummary>(
  'cache',
  (s) => s.caches.map((c) => [c.id, c]),
  [
    // a cache no request looked in has no hit ratio (a variant that does not use it: not 0 %)
    {
      ...metricDef('hitRatio', 'hit ratio', 'ratio', false),
      value: measuredHitRatio,
    },
    lowerIsBetter('syncMessagesPerSec', 'sync messages/s', 'per-sec', (c) => c.syncMessagesPerSec),
    lowerIsBetter('memoryBytesPerInstance', 'memory per instance', 'bytes', (c) =>
      // a distributed cache holds nothing in the instances of the services that use it
      c.type === 'distributed' ? 0 : c.bytesPerStore.mean,
    ),
  ],
);
