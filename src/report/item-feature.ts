/**
 * A report feature over items of one kind that a summary lists (frozen instances, runtime
 * effects, two-phase commit steps, pending states, event stores, links that moved bytes),
 * declared once: present when some variant has one; a CSV file `<id>.csv` with one row per
 * variant × item (every figure of its summary, first replication); the console section of
 * item-table.ts; its key metrics (if any), each item named by its id and shown in the console's
 * replication table; a page section (html/item-section.ts) of one table or of the feature's
 * charts, titled like the console section. The items' `kind` heads the id column everywhere.
 * A feature with more outputs adds its own parts.
 * Each fact is said once: the feature's name is its id, which in camelCase names the page's
 * intro (`items.eventStores.intro` of the catalogue, i18n/en.ts) and, unless `of` says
 * otherwise, the summary field that lists the items (`eventStores`); that field also names the
 * key metrics' scope, as every item feature's does.
 */
import type { RunResult, RunSummary } from '../metrics/summary.ts';
import { runItems, summariesCsv } from './csv.ts';
import { file, part, type ReportFeature, type ReportPart, someRunHas } from './feature.ts';
import type { DataColumn } from './html/data-table.ts';
import { itemChartsSection, itemTableSection } from './html/item-section.ts';
import type { PageChart } from './html/layout.ts';
import type { Lang } from './i18n/lang.ts';
import { CATALOGUES, type MessageKey } from './i18n/t.ts';
import { formatItems } from './item-table.ts';
import { type ItemMetricDef, keyMetricSource } from './key-metrics.ts';
import type { ReportData } from './report-data-types.ts';
import type { ScenarioResults } from './results.ts';
import type { TextColumn } from './text-table.ts';

/**
 * The page's section of an item feature: its place and nav label, then either one table
 * (`columns` after the item and the variant, and the feature's `charts` below it, if any) or
 * `charts` alone (none: no section).
 */
export type ItemPage<T> = { order: number; nav: string } & (
  | { columns: readonly DataColumn<T>[]; charts?: (data: ReportData, lang: Lang) => PageChart[] }
  | { charts: (data: ReportData, lang: Lang) => PageChart[] }
);

/** The fields of a summary that list items of type T. */
type ItemsField<T> = {
  [K in keyof RunSummary]-?: NonNullable<RunSummary[K]> extends T[] ? K : never;
}[keyof RunSummary];

/** A camelCase name as an id: `eventStores` → `event-stores` (camelCase below undoes it). */
type Kebab<S extends string> = S extends `${infer H}${infer R}`
  ? `${H extends Lowercase<H> ? H : `-${Lowercase<H>}`}${Kebab<R>}`
  : S;

/** An id as a camelCase name: `event-stores` → `eventStores`. */
const camelCase = (id: string): string => id.replace(/-(.)/g, (_, c: string) => c.toUpperCase());

/**
 * The feature's id (its folder, its CSV file's name `<id>.csv`, its page anchor and intro) and
 * where the items are: the summary field the id names, or the field `of` (either also the
 * scope of the key metrics `metrics`, none without), or a function `of` of the summary (then no
 * key metrics here). The items are absent in a run without any, or in older results.
 */
type ItemSource<T> =
  | { id: Kebab<ItemsField<T>>; of?: undefined; metrics?: readonly ItemMetricDef<T>[] }
  | { id: string; of: ItemsField<T>; metrics?: readonly ItemMetricDef<T>[] }
  | { id: string; of: (s: RunSummary) => T[] | undefined; metrics?: never };

/** What an item feature is made of. */
export type ItemFeatureSpec<T extends { id: string }> = ItemSource<T> & {
  /** What one item is (`instance`): the header of the id column in the CSV and the tables. */
  kind: string;
  /** What the items are (`frozen instances`): the title `■ <what>`, capitalised on the page. */
  what: string;
  /** The places of the CSV file among the files and of the console section. */
  order: { csv: number; console: number };
  /** The console section's tables (column lists) and the legend below them. */
  tables: readonly (readonly TextColumn<T>[])[];
  legend: readonly string[];
  /** The page's section, if any. */
  page?: ItemPage<T>;
  /** More parts (another file); they get the items with their runs. */
  more?: (items: (results: ScenarioResults) => [RunResult, T][]) => ReportPart[];
  /** Its rows of timeseries.csv for one run, if any (ReportFeature.series). */
  series?: (run: RunResult) => unknown[][];
};

/**
 * The catalogue's intro of the feature `id`: `items.<id in camelCase>.intro` (`two-phase` →
 * `items.twoPhase.intro`); a feature whose sentence is missing fails as it is declared.
 */
function introOf(id: string): MessageKey {
  const key = `items.${camelCase(id)}.intro`;
  if (!(key in CATALOGUES.en)) throw new Error(`item feature ${id}: no sentence ${key}`);
  return key as MessageKey;
}

/** The part that draws the page's section of `page`, over the items `of` gives of a summary. */
function pagePart<T extends { id: string }>(
  spec: ItemFeatureSpec<T>,
  page: ItemPage<T>,
  of: (s: RunSummary) => T[] | undefined,
): ReportPart {
  const { id, kind, what } = spec;
  const head = {
    id,
    title: what[0].toUpperCase() + what.slice(1),
    nav: page.nav,
    intro: introOf(id),
  };
  return part('page', page.order, (data, lang) => {
    if (!('columns' in page)) return itemChartsSection(head, page.charts(data, lang), lang);
    const sections = itemTableSection(data, of, { ...head, kind, columns: page.columns }, lang);
    const charts = page.charts?.(data, lang) ?? [];
    return sections.map((s, i) => (i === 0 && charts.length > 0 ? { ...s, charts } : s));
  });
}

/** The ReportFeature of `spec`. */
export function itemFeature<T extends { id: string }>(spec: ItemFeatureSpec<T>): ReportFeature {
  const { id, kind, what, order, tables, legend, metrics } = spec;
  const field =
    typeof spec.of === 'function' ? undefined : (spec.of ?? (camelCase(id) as ItemsField<T>));
  const of =
    field === undefined
      ? (spec.of as (s: RunSummary) => T[] | undefined)
      : (s: RunSummary) => s[field] as T[] | undefined;
  const items = (results: ScenarioResults) => runItems(results.runs, of);
  return {
    id,
    present: someRunHas(of),
    ...(spec.series === undefined ? {} : { series: spec.series }),
    keyMetrics:
      field === undefined || metrics === undefined
        ? []
        : [keyMetricSource<T>(field, (s) => (of(s) ?? []).map((x) => [x.id, x]), metrics, true)],
    parts: [
      file(order.csv, `${id}.csv`, (a) =>
        summariesCsv(items(a.results), { id: kind } as Partial<Record<keyof T & string, string>>),
      ),
      ...(spec.page === undefined ? [] : [pagePart(spec, spec.page, of)]),
      ...(spec.more?.(items) ?? []),
      part('console', order.console, (a, lang) =>
        formatItems(
          a.results,
          items(a.results),
          { what, kind, idOf: (x) => x.id },
          tables,
          legend,
          lang,
        ),
      ),
    ],
  };
}
