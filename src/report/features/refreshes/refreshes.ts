/**
 * The periodically refreshed reference tables in the report: refreshes.csv (one row per
 * variant × table: refreshes, 304s, what was fetched, reads and stale reads, memory held) and
 * the console's table of them.
 */
import type { RefreshSummary, RunResult, RunSummary } from '../../../metrics/summary.ts';
import type { Analysis } from '../../analysis.ts';
import { summariesCsv } from '../../csv.ts';
import { formatTable, num } from '../../text-table.ts';

/** refreshes.csv: one row per variant × refreshed table: every figure of its summary (`id` as `reference`). */
export function refreshesCsv({ variants }: Analysis): string {
  return summariesCsv(
    variants.flatMap(({ run: r }) =>
      r.summary.refreshes.map((x): [RunResult, RefreshSummary] => [r, x]),
    ),
    { id: 'reference' },
  );
}

/** The console table of a run's refreshed tables ('' without any), after a blank line. */
export function refreshTable(s: RunSummary): string {
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
