/**
 * The caches of a run in every output: caches.csv (one row per variant × cache: lookups by
 * result, hit ratio, fills, unchanged writes, evictions, sync traffic, what the stores hold),
 * the console's cache table, the Caches table of the page's Summary section, and each cache's
 * hit ratio as a key metric.
 */
import type { CacheSummary, RunResult, RunSummary } from '../../../metrics/summary.ts';
import type { Analysis } from '../../analysis.ts';
import { type Column, csvOf } from '../../csv.ts';
import { td } from '../../html/data-table.ts';
import { formatNumber, formatPercent, formatRate } from '../../html/format.ts';
import { itemKeys, summaryTable } from '../../html/summary-table.ts';
import { type Html, html } from '../../html/template.ts';
import { keyMetricSource, metricDef } from '../../key-metrics.ts';
import type { ReportData } from '../../report-data-types.ts';
import { round } from '../../round.ts';
import { formatTable, num, pct } from '../../text-table.ts';

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

/** caches.csv: one row per variant × cache component. */
export function cachesCsv({ variants }: Analysis): string {
  return csvOf(
    CACHE_COLUMNS,
    variants.flatMap(({ run: r }) =>
      r.summary.caches.map((c): [RunResult, CacheSummary] => [r, c]),
    ),
  );
}

/** The console table of a run's caches ('' without caches), after a blank line. */
export function cacheTable(s: RunSummary): string {
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

/** The page's Caches table: lookups, hit ratio, stale hits, evictions, sync messages. */
export function cachesSummaryTable(data: ReportData): Html {
  const keys = itemKeys(data, (v) => v.summary.caches.map((c) => c.id));
  const table = summaryTable(
    data,
    'cache',
    ['type', 'lookups', 'hit ratio', 'stale hits', 'evictions', 'sync messages'],
    keys,
    (v, key) => {
      const c = v.summary.caches.find((x) => x.id === key);
      if (!c) return null;
      return [
        html`<td class="label">${c.type}</td>`,
        td(formatNumber(c.lookups)),
        td(formatPercent(c.hitRatio)),
        td(formatNumber(c.staleHits)),
        td(formatNumber(c.evictions)),
        td(formatRate(c.syncMessagesPerSec)),
      ];
    },
  );
  return html`<h3>Caches</h3>${table}`;
}

/** Each cache's hit ratio (scope `cache`, id = the cache); higher is better. */
export const CACHE_METRICS = keyMetricSource<CacheSummary>(
  'cache',
  (s) => s.caches.map((c) => [c.id, c]),
  [{ ...metricDef('hitRatio', 'hit ratio', 'ratio', false), value: (c) => c.hitRatio }],
);
