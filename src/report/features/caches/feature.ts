/**
 * Caches (present when some variant has one): caches.csv, each variant's cache table in the
 * console, the Caches summary table of the page, and each cache's hit ratio as a key metric.
 * The comparison's cache columns are in features/comparison/compare.ts.
 */
import { file, part, type ReportFeature, someRunHas } from '../../feature.ts';
import { CACHE_METRICS, cachesCsv, cachesSummaryTable, cacheTable } from './caches.ts';

export const cachesFeature: ReportFeature = {
  id: 'caches',
  present: someRunHas((s) => s.caches),
  keyMetrics: [CACHE_METRICS],
  parts: [
    file(60, 'caches.csv', cachesCsv),
    part('run-table', 50, cacheTable),
    part('summary-table', 30, cachesSummaryTable),
  ],
};
