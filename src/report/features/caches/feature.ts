/**
 * Caches (present when some variant has one): caches.csv, each variant's cache table in the
 * console, the Caches summary table of the page, and each cache's hit ratio as a key metric.
 * The comparison's cache columns are in features/comparison/compare.ts.
 */
import type { ReportFeature } from '../../feature.ts';
import { CACHE_METRICS, cachesCsv, cachesSummaryTable, cacheTable } from './caches.ts';

export const cachesFeature: ReportFeature = {
  id: 'caches',
  present: (runs) => runs.some((s) => s.caches.length > 0),
  keyMetrics: [CACHE_METRICS],
  parts: [
    { to: 'files', order: 60, build: (a) => [['caches.csv', cachesCsv(a)]] },
    { to: 'run-table', order: 50, build: cacheTable },
    { to: 'summary-table', order: 30, build: cachesSummaryTable },
  ],
};
