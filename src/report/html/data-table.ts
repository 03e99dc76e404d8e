/**
 * The data tables of the report's sections (SLOs, propagation, policies, sessions, messaging,
 * transactions): a header row whose cells may carry a second line saying what the cells hold,
 * and escaped text cells. Markup out, made with the `html` template (every text escaped).
 */
import type { Lang } from '../i18n/lang.ts';
import { term } from '../i18n/t.ts';
import { shownColumns } from '../text-table.ts';
import { formatNumber } from './format.ts';
import { type Html, html, joinHtml } from './template.ts';

/** A text cell. */
export const td = (text: string): Html => html`<td>${text}</td>`;

/** A text cell of words (left-aligned, class `label`). */
export const labelTd = (text: string): Html => html`<td class="label">${text}</td>`;

/** A header: its words, or its words and a line below saying what the cells hold. */
export type Header = string | [head: string, sub: string];

/**
 * A scrollable table of `rows` (each a `<tr>` already built) under `headers`, those that are
 * terms of the glossary in `lang` (i18n/).
 */
export function tableHtml(headers: Header[], rows: Html[], lang: Lang = 'en'): Html {
  const th = headers.map((h, i) => {
    const text =
      typeof h === 'string'
        ? term(lang, h)
        : html`${term(lang, h[0])}<span class="sub">${term(lang, h[1])}</span>`;
    return html`<th${i === 0 ? html` class="label"` : ''}>${text}</th>`;
  });
  return html`<div class="table-wrap"><table class="data"><thead><tr>${th}</tr></thead><tbody>\n${joinHtml(rows, '\n')}\n</tbody></table></div>`;
}

/** A column of a data table: its header and its cell of a row (text, or a whole `<td>` of markup). */
export type DataColumn<T> = [header: Header, cell: (row: T) => string | Html, shown?: 'nonzero'];

/** The fields of T that hold numbers. */
type NumberKey<T> = { [K in keyof T]-?: T[K] extends number ? K : never }[keyof T] & string;

/**
 * Columns of figures: the fields `keys` of a row, each headed by its name and formatted (the
 * page's countColumns, text-table.ts).
 */
export const figureColumns = <T>(...keys: NumberKey<T>[]): DataColumn<T>[] =>
  keys.map((k): DataColumn<T> => [k, (r) => formatNumber(r[k] as number)]);

/** Like figureColumns, each shown only when some row's figure is not 0. */
export const figureColumnsIfAny = <T>(...keys: NumberKey<T>[]): DataColumn<T>[] =>
  keys.map((k): DataColumn<T> => [k, (r) => formatNumber(r[k] as number), 'nonzero']);

/**
 * A scrollable table of `rows`: the label column `first` (its header, and its `<td>` of
 * markup), then a cell per column of `columns` (a text cell, or the column's own markup).
 */
export function dataTable<T>(
  first: [header: Header, cell: (row: T) => Html],
  columns: readonly DataColumn<T>[],
  rows: readonly T[],
  lang: Lang = 'en',
): Html {
  const cell = (x: string | Html) => (typeof x === 'string' ? td(x) : x);
  // a 'nonzero' column whose every cell is "0" is left out (text-table.ts shownColumns)
  const values = rows.map((r) => columns.map((c) => c[1](r)));
  const shown = shownColumns(columns, values);
  const kept = columns.filter((_, i) => shown[i]);
  const body = rows.map(
    (r, j) => html`<tr>${first[1](r)}${values[j].filter((_, i) => shown[i]).map(cell)}</tr>`,
  );
  return tableHtml([first[0], ...kept.map((c) => c[0])], body, lang);
}
