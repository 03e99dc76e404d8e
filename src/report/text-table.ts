/**
 * Plain-text tables of the console summaries: aligned columns and fixed number formats, so the
 * same results print the same bytes. No colours, no terminal width detection; legends and
 * examples wrap at CONSOLE_WIDTH (console-width.ts fits the tables). Widths are display
 * widths (`string-width`): a Hangul or CJK character takes two columns of a terminal, so 주문
 * pads like a four-letter name; East Asian "ambiguous" characters (─, ·, –) count as one, as in
 * a Western terminal.
 */

import stringWidth from 'string-width';
import type { Lang } from './i18n/lang.ts';
import { term } from './i18n/t.ts';

/** The columns the console output fits by default (console-width.ts fits the tables to it). */
export const CONSOLE_WIDTH = 100;

/** How many terminal columns `text` takes (two per Hangul syllable or CJK ideograph). */
export function displayWidth(text: string): number {
  // ASCII is one column a character: skip the library's work for the usual case
  return /^[\x20-\x7e]*$/.test(text) ? text.length : stringWidth(text);
}

/** `text` followed by spaces up to `width` display columns. */
export function padEndTo(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}

/** `text` preceded by spaces up to `width` display columns. */
export function padStartTo(text: string, width: number): string {
  return ' '.repeat(Math.max(0, width - displayWidth(text))) + text;
}

/** Formats rows as aligned columns (first column left-aligned, the others right-aligned). */
export function formatTable(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) =>
    Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[i]))),
  );
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === 0 ? padEndTo(c, widths[i]) : padStartTo(c, widths[i])))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '─'.repeat(w))), ...rows.map(line)].join('\n');
}

/**
 * A column of a console table: its header, its cell of a row and, `'nonzero'`, whether it is
 * shown only when some row's cell is not "0" (a count of what happens only under faults).
 */
export type TextColumn<T> = [header: string, cell: (row: T) => string, shown?: 'nonzero'];

/**
 * Whether each column of `columns` is shown for these cells (`cells[row][column]`): all but the
 * `'nonzero'` ones whose every cell is "0".
 */
export function shownColumns(
  columns: readonly (readonly [unknown, unknown, 'nonzero'?])[],
  cells: readonly (readonly unknown[])[],
): boolean[] {
  return columns.map((c, i) => c[2] !== 'nonzero' || cells.some((row) => row[i] !== '0'));
}

/** `rows` as a table of `columns` (see formatTable), the headers that are terms in `lang`. */
export function tableOf<T>(
  columns: readonly TextColumn<T>[],
  rows: readonly T[],
  lang: Lang = 'en',
): string {
  const cells = rows.map((r) => columns.map((c) => c[1](r)));
  const shown = shownColumns(columns, cells);
  return formatTable(
    columns.map((c) => term(lang, c[0])).filter((_, i) => shown[i]),
    cells.map((row) => row.filter((_, i) => shown[i])),
  );
}

/**
 * `columns` with the cells of the column headed `header` in `lang`: a column of msasim's words
 * for what an item is (service, database …; local, replicated, distributed).
 */
export const inWords = <T>(
  columns: readonly TextColumn<T>[],
  header: string,
  lang: Lang,
): TextColumn<T>[] =>
  columns.map(
    ([h, cell]): TextColumn<T> => (h === header ? [h, (r) => term(lang, cell(r))] : [h, cell]),
  );

/** Columns of whole numbers: the fields `keys` of a row, each headed by its name. */
export const countColumns = <T>(...keys: (keyof T & string)[]): TextColumn<T>[] =>
  keys.map((k): TextColumn<T> => [k, (r) => String(r[k])]);

/** Like countColumns, each shown only when some row's count is not 0. */
export const countColumnsIfAny = <T>(...keys: (keyof T & string)[]): TextColumn<T>[] =>
  keys.map((k): TextColumn<T> => [k, (r) => String(r[k]), 'nonzero']);

/** A number with a fixed number of decimals ("–" for non-finite). */
export function num(x: number, decimals = 1): string {
  return Number.isFinite(x) ? x.toFixed(decimals) : '–';
}

/** A ratio as a percentage with one decimal: 0.363 → "36.3%". */
/** Figures in ms with one decimal, joined by '/' (a 'mean/p99/max' cell). */
export const msFigures = (...xs: number[]): string => xs.map((x) => num(x, 1)).join('/');

export function pct(x: number): string {
  return `${(x * 100).toFixed(1)}%`;
}

/** `items` joined by " · " into lines of at most `width` columns (an item is never split). */
export function joinWrapped(items: readonly string[], width = CONSOLE_WIDTH): string {
  const lines: string[] = [];
  let line = '';
  for (const item of items) {
    const next = line === '' ? item : `${line} · ${item}`;
    if (displayWidth(next) > width && line !== '') {
      lines.push(line);
      line = item;
    } else line = next;
  }
  if (line !== '') lines.push(line);
  return lines.join('\n');
}

/**
 * A word that is only a unit, perhaps with a Korean particle, closing a bracket or a clause:
 * "%", "%]", "pp,", "ms", "B,", "s에", "%." (the units html/format.ts `unbrokenFigures` keeps).
 */
const UNIT_WORD = /^(?:%|pp|ms|µs|s|\/s|[KMGT]?B)[\uAC00-\uD7A3]*[\],);:.]*$/;

/**
 * `words` with each unit joined to the figure before it (a line never ends with "−52.0" and
 * starts the next with "%]"); empty words (of double spaces) stay as they are.
 */
export function keepUnits(words: readonly string[]): string[] {
  const out: string[] = [];
  for (const word of words) {
    const last = out.length - 1;
    if (last >= 0 && out[last] !== '' && UNIT_WORD.test(word)) out[last] += ` ${word}`;
    else out.push(word);
  }
  return out;
}

/**
 * `text` wrapped at spaces into lines of at most `width` characters, the first starting with
 * `first` and the others with `rest` (a hanging indent); a figure keeps its unit (keepUnits). A
 * word longer than a line is kept whole.
 */
export function wrapWords(
  text: string,
  first: string,
  rest: string,
  width = CONSOLE_WIDTH,
): string {
  const lines: string[] = [];
  let line = first;
  let empty = true; // no word on the line yet
  for (const word of keepUnits(text.split(/\s+/).filter((w) => w !== ''))) {
    if (!empty && displayWidth(line) + 1 + displayWidth(word) > width) {
      lines.push(line);
      line = rest + word;
    } else line = empty ? line + word : `${line} ${word}`;
    empty = false;
  }
  lines.push(line);
  return lines.map((l) => l.trimEnd()).join('\n');
}
