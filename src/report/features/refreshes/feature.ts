/**
 * Refreshed reference tables (present when some variant has one): refreshes.csv and the
 * console table.
 */
import { file, part, type ReportFeature, someRunHas } from '../../feature.ts';
import { refreshesCsv, refreshTable } from './refreshes.ts';

export const refreshesFeature: ReportFeature = {
  id: 'refreshes',
  present: someRunHas((s) => s.refreshes),
  parts: [file(110, 'refreshes.csv', refreshesCsv), part('run-table', 60, refreshTable)],
};
