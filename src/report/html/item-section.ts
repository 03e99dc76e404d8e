/**
 * The page section of an item feature (report/item-feature.ts): its intro, then either one
 * table (frozen instances, runtime effects, bytes moved: a row per variant × item: the item's
 * id, the variant, then the feature's columns of the item; no section when no variant has an
 * item) or the feature's charts (two-phase commits, pending states, event stores; no section
 * without charts).
 */

import type { RunSummary } from '../../metrics/summary.ts';
import type { Lang } from '../i18n/lang.ts';
import { cellWord, type MessageKey } from '../i18n/t.ts';
import type { ReportData } from '../report-data-types.ts';
import { variantLabel } from './charts.ts';
import { type DataColumn, dataTable, labelTd } from './data-table.ts';
import type { PageChart, PageSection } from './layout.ts';
import { html } from './template.ts';
import { tHtml } from './words.ts';

/**
 * What a section says of itself: its anchor, title, nav label and intro (a catalogue sentence,
 * i18n/en.ts).
 */
export interface ItemSectionHead {
  id: string;
  title: string;
  nav: string;
  intro: MessageKey;
}

/** What a section of one table adds: the id column's header and the columns after the variant. */
export interface ItemSectionSpec<T> extends ItemSectionHead {
  kind: string;
  columns: readonly DataColumn<T>[];
}

/** The section of `charts` under its intro (nothing without charts). */
export function itemChartsSection(
  { id, title, nav, intro }: ItemSectionHead,
  charts: PageChart[],
  lang: Lang = 'en',
): PageSection[] {
  if (charts.length === 0) return [];
  return [{ id, title, nav, html: html`<p>${tHtml(lang, intro, {})}</p>`, charts }];
}

/** The section of one table under its intro: a row per variant × item (nothing without items). */
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
            ([header, cell, shown]): DataColumn<Row> => [
              header,
              (r) => {
                const v = cell(r.x);
                return typeof v === 'string' ? cellWord(lang, v) : v;
              },
              shown,
            ],
          ),
        ],
        rows,
        lang,
      )}`,
    },
  ];
}
