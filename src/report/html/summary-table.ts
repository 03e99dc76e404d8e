/**
 * The tables of the page's Summary section (endpoints, components, caches): one group of rows
 * per item, one row per variant that has it (the item's name spanning them, the variant's chip
 * beside), under a header whose word columns are left-aligned.
 */
import type { Lang } from '../i18n/lang.ts';
import { term } from '../i18n/t.ts';
import type { ReportData, VariantReport } from '../report-data-types.ts';
import { variantLabel } from './charts.ts';
import { variantChip } from './key-metrics-table.ts';
import { type Html, html, joinHtml } from './template.ts';

/** The ids `of` every variant's summary, once each, in order of first appearance. */
export function itemKeys(data: ReportData, of: (v: VariantReport) => readonly string[]): string[] {
  const keys: string[] = [];
  for (const v of data.variants) for (const k of of(v)) if (!keys.includes(k)) keys.push(k);
  return keys;
}

/** Rows of a summary table grouped by an item (endpoint, component), one row per variant. */
function groupedRows(
  data: ReportData,
  keys: string[],
  cellsOf: (v: VariantReport, key: string) => Html[] | null,
): Html {
  const rows: Html[] = [];
  const variants = data.variants.length > 1;
  for (const key of keys) {
    const group = data.variants
      .map((v, i) => ({ i, cells: cellsOf(v, key) }))
      .filter((g): g is { i: number; cells: Html[] } => g.cells !== null);
    group.forEach((g, k) => {
      const name =
        k === 0
          ? html`<td class="name"${group.length > 1 ? html` rowspan="${group.length}"` : ''}>${key}</td>`
          : '';
      const variant = variants
        ? html`<td class="label">${variantChip(variantLabel(data, data.variants[g.i]), g.i)}</td>`
        : '';
      rows.push(
        html`<tr${k === 0 ? html` class="group-start"` : ''}>${name}${variant}${g.cells}</tr>`,
      );
    });
  }
  return joinHtml(rows, '\n');
}

/**
 * Columns of words rather than numbers: msasim's words for what an item is (service, database
 * …; local, replicated, distributed), shown in the page's language and left-aligned.
 */
const TEXT_COLUMNS = new Set(['kind', 'type']);

/**
 * A summary table: `first` names the items (one group of rows per key of `keys`), `headers` the
 * cells `cellsOf` gives for a variant's item (null: the variant has no such item).
 */
export function summaryTable(
  data: ReportData,
  first: string,
  headers: string[],
  keys: string[],
  cellsOf: (v: VariantReport, key: string) => Html[] | null,
  lang: Lang = 'en',
): Html {
  const body = groupedRows(data, keys, cellsOf);
  const variant =
    data.variants.length > 1 ? html`<th class="label">${term(lang, 'variant')}</th>` : '';
  const th = headers.map((h) =>
    TEXT_COLUMNS.has(h)
      ? html`<th class="label">${term(lang, h)}</th>`
      : html`<th>${term(lang, h)}</th>`,
  );
  return html`<div class="table-wrap"><table class="data"><thead><tr><th>${term(lang, first)}</th>${variant}${th}</tr></thead><tbody>\n${body}\n</tbody></table></div>`;
}

/**
 * A column of an item summary table: its header (a glossary term) and its cell of an item,
 * text or a whole `<td>` of markup. The text of a column of words (`kind`, `type`) is msasim's
 * word, translated.
 */
export type SummaryColumn<T> = [header: string, cell: (x: T) => string | Html];

/**
 * The summary table headed `title` of the items `itemsOf` a variant's summary (each named by
 * its id in the first column, `first`), then the `columns`.
 */
export function itemSummaryTable<T extends { id: string }>(
  data: ReportData,
  title: string,
  first: string,
  itemsOf: (v: VariantReport) => readonly T[],
  columns: readonly SummaryColumn<T>[],
  lang: Lang = 'en',
): Html {
  const keys = itemKeys(data, (v) => itemsOf(v).map((x) => x.id));
  const cell = ([header, of]: SummaryColumn<T>, x: T): Html => {
    const text = of(x);
    if (typeof text !== 'string') return text;
    return TEXT_COLUMNS.has(header)
      ? html`<td class="label">${term(lang, text)}</td>`
      : html`<td>${text}</td>`;
  };
  const table = summaryTable(
    data,
    first,
    columns.map(([header]) => header),
    keys,
    (v, key) => {
      const x = itemsOf(v).find((i) => i.id === key);
      return x === undefined ? null : columns.map((c) => cell(c, x));
    },
    lang,
  );
  return html`<h3>${term(lang, title)}</h3>${table}`;
}
