/**
 * The console tables of items several variants have (consumer groups, sagas, transaction steps,
 * readers; each variant's sessions): one row per variant × item, first replication, the variant
 * first and, when the items have several ids, the item in the second column (with one id, the
 * section's title names it instead).
 */

import type { RunResult } from '../metrics/summary.ts';
import type { Lang } from './i18n/lang.ts';
import { cellWord, term } from './i18n/t.ts';
import { type ScenarioResults, variantNames } from './results.ts';
import { joinWrapped, shownColumns, type TextColumn, tableOf } from './text-table.ts';

/** An item of a section with the name of its variant. */
export interface NamedItem<T> {
  name: string;
  x: T;
}

/** The rows of a section, and the ids of their items. */
export interface NamedItems<T> {
  rows: NamedItem<T>[];
  /** Whether the items have several ids (then each row names its item in a column). */
  several: boolean;
  /** The ids, in order of first appearance. */
  ids: string[];
}

/** Each of `items` (with its run) with its variant's name; `idOf` names an item. */
export function namedItems<T>(
  results: ScenarioResults,
  items: [RunResult, T][],
  idOf: (x: T) => string,
): NamedItems<T> {
  const names = variantNames(results);
  const rows = items.map(([r, x]) => ({ name: names[results.runs.indexOf(r)], x }));
  const ids = [...new Set(rows.map(({ x }) => idOf(x)))];
  return { rows, several: ids.length > 1, ids };
}

/** A section's title: `■ <what>`, with the item's id when every row has the same. */
export const titleOf = (what: string, { several, ids }: NamedItems<unknown>): string =>
  `■ ${what}${several ? '' : `: ${ids[0]}`}`;

/**
 * The table of `items`: the variant, the item (headed `kind`, named by `idOf`) when there are
 * several, then `columns` of the item.
 */
export function itemTable<T>(
  items: NamedItems<T>,
  kind: string,
  idOf: (x: T) => string,
  columns: readonly TextColumn<T>[],
  lang: Lang = 'en',
): string {
  const head: TextColumn<NamedItem<T>>[] = [['variant', (r) => r.name]];
  if (items.several) head.push([kind, (r) => idOf(r.x)]);
  const cells = columns.map(
    ([h, cell, shown]): TextColumn<NamedItem<T>> => [h, (r) => cellWord(lang, cell(r.x)), shown],
  );
  return tableOf([...head, ...cells], items.rows, lang);
}

/**
 * A console section of items: its title (`■ <what>`, with the item's id when every row has the
 * same), one table per column list of `tables`, and the `legend` wrapped below.
 */
export function itemSection<T>(
  items: NamedItems<T>,
  what: string,
  kind: string,
  idOf: (x: T) => string,
  tables: readonly (readonly TextColumn<T>[])[],
  legend: readonly string[],
  lang: Lang = 'en',
): string {
  const text = tables.map((columns) => itemTable(items, kind, idOf, columns, lang)).join('\n\n');
  // a legend line explaining a column left out (`header: …`, a 'nonzero' column of zeros) is
  // left out with it; the title, headers and legend lines that are terms of the glossary, in `lang`
  const hidden = new Set(
    tables.flatMap((columns) => {
      const cells = items.rows.map((r) => columns.map((c) => c[1](r.x)));
      const shown = shownColumns(columns, cells);
      return columns.filter((_, i) => !shown[i]).map((c) => c[0]);
    }),
  );
  const shown = legend
    .filter((line) => !hidden.has(line.slice(0, Math.max(0, line.indexOf(':')))))
    .map((line) => term(lang, line));
  return `${titleOf(term(lang, what), items)}\n${text}\n${joinWrapped(shown)}`;
}

/** What the legend of a table whose counts are taken after the warm-up says first. */
const WARM_UP = 'counts after the warm-up';

/**
 * The legend of a table whose counts are taken after the warm-up: that line first, then `lines`.
 */
export const warmUpLegend = (...lines: string[]): string[] => [WARM_UP, ...lines];

/** Like warmUpLegend, the first of `lines` added to the warm-up's line (`…; <first>`). */
export const warmUpLegendJoined = (first: string, ...lines: string[]): string[] => [
  `${WARM_UP}; ${first}`,
  ...lines,
];

/**
 * The console section of `items` (each with its run) of `results` (see itemSection), or '' when
 * there are none.
 */
export function formatItems<T>(
  results: ScenarioResults,
  items: [RunResult, T][],
  section: { what: string; kind: string; idOf: (x: T) => string },
  tables: readonly (readonly TextColumn<T>[])[],
  legend: readonly string[],
  lang: Lang = 'en',
): string {
  const named = namedItems(results, items, section.idOf);
  if (named.rows.length === 0) return '';
  return itemSection(named, section.what, section.kind, section.idOf, tables, legend, lang);
}
