/**
 * The periodically refreshed reference tables in the report: refreshes.csv (one row per
 * variant × table: refreshes, 304s, what was fetched, reads and stale reads, memory held) and
 * the console's table of them.
 */

import type { RefreshSummary, RunSummary } from '../../../metrics/summary.ts';
import type { Analysis } from '../../analysis.ts';
import { runItems, summariesCsv } from '../../csv.ts';
import type { Lang } from '../../i18n/lang.ts';
import { countColumns, num, type TextColumn, tableOf } from '../../text-table.ts';

/** refreshes.csv: one row per variant × refreshed table: every figure of its summary (`id` as `reference`). */
export function refreshesCsv({ results }: Analysis): string {
  return summariesCsv(
    runItems(results.runs, (s) => s.refreshes),
    { id: 'reference' },
  );
}

/** The columns of the console's table of refreshed tables. */
const REFRESH_TABLE: TextColumn<RefreshSummary>[] = [
  ['refreshed table', (r) => r.keys],
  ['period', (r) => `${num(r.periodMs / 1000, 1)} s`],
  ['304', (r) => (r.conditional ? 'yes' : 'no')],
  ...countColumns<RefreshSummary>('refreshes'),
  ['not modified', (r) => String(r.notModified)],
  ['rows fetched', (r) => String(r.rowsFetched)],
  ['KB fetched', (r) => num(r.bytesFetched / 1024, 1)],
  ...countColumns<RefreshSummary>('reads'),
  ['stale reads', (r) => String(r.staleReads)],
  ['KB held', (r) => num((r.bytesPerInstance * r.instances) / 1024, 1)],
];

/** The console table of a run's refreshed tables ('' without any), after a blank line. */
export function refreshTable(s: RunSummary, lang: Lang = 'en'): string {
  return s.refreshes.length === 0 ? '' : `\n\n${tableOf(REFRESH_TABLE, s.refreshes, lang)}`;
}
