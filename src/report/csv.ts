/**
 * What every CSV file of a run shares: RFC 4180 text with '\n' line ends, one `variant` column
 * first, and columns declared as (header, how to read it) pairs. Rounding is the caller's
 * (round.ts); null is an empty cell.
 */
import { stringify } from 'csv-stringify/sync';
import type { RunResult } from '../metrics/summary.ts';
import { round } from './round.ts';

/** CSV text of `rows` (the first is the header). */
export const csv = (rows: unknown[][]): string =>
  stringify(rows, { eof: true, record_delimiter: '\n' });

/** The variant of a run as written in CSV files ('' for a scenario without variants). */
export const variantOf = (r: RunResult): string => r.summary.scenario.variant ?? '';

/** A number rounded for output, or null (an empty CSV cell). */
export const rounded = (x: number | null): number | null => (x === null ? null : round(x));

/** A CSV column: its header and how to read it from a row item. */
export type Column<T> = [header: string, value: (item: T) => unknown];

/** CSV text of `items` (each with its run's variant) in the given columns. */
export function csvOf<T>(columns: Column<T>[], items: [RunResult, T][]): string {
  const rows: unknown[][] = [['variant', ...columns.map((c) => c[0])]];
  for (const [run, item] of items) rows.push([variantOf(run), ...columns.map((c) => c[1](item))]);
  return csv(rows);
}
