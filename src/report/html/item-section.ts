/**
 * The page section of an item feature that draws no chart (frozen instances, runtime effects):
 * its intro, then one table row per variant × item: the item's id, the variant, then the
 * feature's columns of the item. No section when no variant has an item.
 */

import type { RunSummary } from '../../metrics/summary.ts';
import type { Lang } from '../i18n/lang.ts';
import { cellWord, type MessageKey } from '../i18n/t.ts';
import type { ReportData } from '../report-data-types.ts';
import { variantLabel } from './charts.ts';
import { type DataColumn, dataTable, labelTd } from './data-table.ts';
import type { PageSection } from './layout.ts';
import { html } from './template.ts';
import { tHtml } from './words.ts';

/**
 * What the section says of itself: its anchor, title, nav label, intro (a catalogue sentence,
 * i18n/en.ts) and the id column's header.
 */
export interface ItemSectionSpec<T> {
  id: string;
  title: string;
  nav: string;
  intro: MessageKey;
  kind: string;
  /** The columns after the id and the variant. */
  columns: readonly DataColumn<T>[];
}

export function itemTableSection<T extends { id: string }>(
  data: ReportData,
  of: (s: RunSummary) => readonly T[] | undefined,
  section: ItemSectionSpec<T>,
  lang: Lang = 'en',
): PageSection[] {
  const rows = data.variants.flatMap((v) =>
    (of(v.summary) ?? []).map((x) => ({ label: variantLabel(data, v), x })),
  );
  if (rows.length === 0) return [];
  type Row = (typeof rows)[number];
  const { id, title, nav, intro, kind, columns } = section;
  return [
    {
      id,
      title,
      nav,
      html: html`<p class="intro">${tHtml(lang, intro, {})}</p>${dataTable<Row>(
        [kind, (r) => labelTd(r.x.id)],
        [
          ['variant', (r) => r.label],
          ...columns.map(
            ([header, cell]): DataColumn<Row> => [
              header,
              (r) => {
                const v = cell(r.x);
                return typeof v === 'string' ? cellWord(lang, v) : v;
              },
            ],
          ),
        ],
        rows,
        lang,
      )}`,
    },
  ];
}
