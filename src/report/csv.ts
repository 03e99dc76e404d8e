/**
 * What every CSV file msasim writes shares (all of them go through `csv` here): RFC 4180 text
 * with '\n' line ends, one `variant` column first in a run's files, and columns declared as
 * (header, how to read it) pairs. Rounding is the caller's (round.ts); null is an empty cell.
 *
 * Cells made of scenario text cannot run as a spreadsheet formula: csv-stringify's
 * `escape_formulas` puts a `'` before a text cell starting with = + - @, a tab or a CR (or
 * their full-width forms), as OWASP advises; numbers are left alone, so a negative number stays
 * a number — pass numbers as numbers, never as text. A cell holding a CR or LF anywhere is
 * quoted (`quote_record_delimiter`), so a bare CR cannot split a row for a reader that ends
 * rows on CR.
 */
import { stringify } from 'csv-stringify/sync';
import type { RunResult, RunSummary } from '../metrics/summary.ts';
import { round } from './round.ts';

/**
 * The UTF-8 byte-order mark. Excel opens a CSV without one in the system's legacy code page
 * (CP949 on Korean Windows), which garbles Hangul; with it, Excel reads UTF-8. Most other tools
 * ignore it, some show it as a stray character in the first header, so it is an option
 * (`--csv-bom`), not the default.
 */
export const CSV_BOM = '\uFEFF';

/** `files` with every `.csv` text starting with the byte-order mark (once). */
export function withCsvBom<M extends Map<string, string>>(files: M): M {
  for (const [name, text] of files)
    if (name.endsWith('.csv') && !text.startsWith(CSV_BOM)) files.set(name, CSV_BOM + text);
  return files;
}

/** Options of `csv`: how a boolean cell is written (csv-stringify's default is '1' / ''). */
export interface CsvOptions {
  boolean?: (value: boolean) => string;
}

/** CSV text of `rows` (the first is the header); text cells cannot start a formula. */
export function csv(rows: unknown[][], options: CsvOptions = {}): string {
  return stringify(rows, {
    eof: true,
    record_delimiter: '\n',
    quote_record_delimiter: true,
    escape_formulas: true,
    ...(options.boolean ? { cast: { boolean: options.boolean } } : {}),
  });
}

/** The items `of` each run's summary (an older summary's missing list: none), each with its run. */
export function runItems<T>(
  runs: readonly RunResult[],
  of: (s: RunSummary) => readonly T[] | undefined,
): [RunResult, T][] {
  return runs.flatMap((r) => (of(r.summary) ?? []).map((x): [RunResult, T] => [r, x]));
}

/**
 * The tidy timeseries.csv rows of `series` (id → per-second points) of run `r`: one row
 * `[second, variant, scope, id, metric, value]` per point × metric of `metrics`, rounded.
 */
export function tidyRows<P extends { second: number }>(
  r: RunResult,
  series: ReadonlyMap<string, readonly P[]>,
  scopeOf: (id: string) => string,
  metrics: readonly (keyof P & string)[],
): unknown[][] {
  const rows: unknown[][] = [];
  const v = variantOf(r);
  for (const [id, points] of series)
    for (const p of points)
      for (const m of metrics) rows.push([p.second, v, scopeOf(id), id, m, round(p[m] as number)]);
  return rows;
}

/** The variant of a run as written in CSV files ('' for a scenario without variants). */
export const variantOf = (r: RunResult): string => r.summary.scenario.variant ?? '';

export { rounded } from './round.ts';

/** A CSV column: its header and how to read it from a row item. */
export type Column<T> = [header: string, value: (item: T) => unknown];

/** Columns headed by the field names `keys` of T, each cell the field as it is. */
export const asIs = <T>(...keys: (keyof T & string)[]): Column<T>[] =>
  keys.map((k): Column<T> => [k, (x) => x[k]]);

/** Columns headed by the field names `keys` of T, each cell the number rounded. */
export const roundedFields = <T>(...keys: (keyof T & string)[]): Column<T>[] =>
  keys.map((k): Column<T> => [k, (x) => round(x[k] as number)]);

/**
 * The columns of a summary's scalar fields, in the summary's order: its counts (as the metrics/
 * declaration of its counters lists them) and the figures derived from them. Every number is
 * rounded; nested values (lists, objects) are left out. `rename` gives a field another header
 * (`id` → `saga`); `last` moves fields (long texts) to the end. `sample` is one item of the kind.
 */
export function fieldColumns<T extends object>(
  sample: T,
  rename: Partial<Record<keyof T & string, string>> = {},
  last: readonly (keyof T & string)[] = [],
): Column<T>[] {
  const scalar = (Object.keys(sample) as (keyof T & string)[]).filter((k) => {
    const v = sample[k];
    return v === null || typeof v !== 'object';
  });
  const order = [...scalar.filter((k) => !last.includes(k)), ...last];
  return order.map(
    (k): Column<T> => [
      rename[k] ?? k,
      (x) => {
        const v = x[k];
        return typeof v === 'number' ? round(v) : v;
      },
    ],
  );
}

/**
 * CSV text of `items` (each with its run's variant): every scalar field of the items' summaries
 * in its own column (see fieldColumns), an optional field (a lossy pipeline's `dropped`: empty
 * where absent) where the summaries that have it put it, so the columns come in the same order
 * whichever variant comes first; nothing without items.
 */
export function summariesCsv<T extends object>(
  items: [RunResult, T][],
  rename: Partial<Record<keyof T & string, string>> = {},
  last: readonly (keyof T & string)[] = [],
): string {
  if (items.length === 0) return '';
  // every item's fields, each one new to the list right after the field before it in its item
  const sample: [string, unknown][] = [];
  for (const [, x] of items) {
    let at = -1;
    for (const [k, v] of Object.entries(x)) {
      const i = sample.findIndex(([known]) => known === k);
      if (i >= 0) at = i;
      else sample.splice(++at, 0, [k, v]);
    }
  }
  return csvOf(fieldColumns(Object.fromEntries(sample) as T, rename, last), items);
}

/** CSV text of `items` in the given columns (a header row, then a row per item). */
export function tableCsv<T>(columns: readonly Column<T>[], items: readonly T[]): string {
  return csv([columns.map((c) => c[0]), ...items.map((x) => columns.map((c) => c[1](x)))]);
}

/** CSV text of `items` (each with its run's variant) in the given columns. */
export function csvOf<T>(columns: Column<T>[], items: [RunResult, T][]): string {
  const rows: unknown[][] = [['variant', ...columns.map((c) => c[0])]];
  for (const [run, item] of items) rows.push([variantOf(run), ...columns.map((c) => c[1](item))]);
  return csv(rows);
}
