/**
 * Refreshed reference tables (present when some variant has one): refreshes.csv and the
 * console table.
 */
import type { ReportFeature } from '../../feature.ts';
import { refreshesCsv, refreshTable } from './refreshes.ts';

export const refreshesFeature: ReportFeature = {
  id: 'refreshes',
  present: (runs) => runs.some((s) => s.refreshes.length > 0),
  parts: [
    { to: 'files', order: 110, build: (a) => [['refreshes.csv', refreshesCsv(a)]] },
    { to: 'run-table', order: 60, build: refreshTable },
  ],
};
