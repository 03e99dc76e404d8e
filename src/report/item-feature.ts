/**
 * A report feature over items of one kind that a summary lists (two-phase commit steps, pending
 * states, event stores), declared once: present when some variant has one; a CSV file with one
 * row per variant × item (every figure of its summary, first replication); the console section
 * of item-table.ts; its key metrics (if any), each item named by its id and shown in the
 * console's replication table; a page section of one table (html/item-section.ts) if it has
 * no charts. A feature with more outputs adds its own parts.
 */
import type { RunResult, RunSummary } from '../metrics/summary.ts';
import { runItems, summariesCsv } from './csv.ts';
import { file, part, type ReportFeature, type ReportPart, someRunHas } from './feature.ts';
import { type ItemSectionSpec, itemTableSection } from './html/item-section.ts';
import { formatItems } from './item-table.ts';
import { type ItemMetricDef, keyMetricSource } from './key-metrics.ts';
import type { ScenarioResults } from './results.ts';
import type { TextColumn } from './text-table.ts';

/** What an item feature is made of. */
export interface ItemFeatureSpec<T extends { id: string }> {
  /** The feature's id (its folder). */
  id: string;
  /** The items of a summary (absent in a run without any, or in older results). */
  of: (s: RunSummary) => T[] | undefined;
  /** The CSV file: its place among the files, its name and the header of the id column. */
  csv: { order: number; name: string; id: string };
  /** The console section: its place, title (`■ what`), the id column's header, tables, legend. */
  console: {
    order: number;
    what: string;
    kind: string;
    tables: readonly (readonly TextColumn<T>[])[];
    legend: readonly string[];
  };
  /**
   * The page's section (html/item-section.ts), if any: its place, title, nav label, intro and
   * columns; its anchor is the feature's id, its id column the console's `kind`.
   */
  page?: { order: number } & Omit<ItemSectionSpec<T>, 'id' | 'kind'>;
  /** The key metrics' scope and definitions (none without). */
  metrics?: { scope: string; defs: readonly ItemMetricDef<T>[] };
  /** More parts (another file); they get the items with their runs. */
  more?: (items: (results: ScenarioResults) => [RunResult, T][]) => ReportPart[];
}

/** The part that draws the page's section of `page`. */
function pagePart<T extends { id: string }>(
  spec: ItemFeatureSpec<T>,
  { order, ...page }: NonNullable<ItemFeatureSpec<T>['page']>,
): ReportPart {
  const section = { ...page, id: spec.id, kind: spec.console.kind };
  return part('page', order, (data, lang) => itemTableSection(data, spec.of, section, lang));
}

/** The ReportFeature of `spec`. */
export function itemFeature<T extends { id: string }>(spec: ItemFeatureSpec<T>): ReportFeature {
  const items = (results: ScenarioResults) => runItems(results.runs, spec.of);
  const { order, what, kind, tables, legend } = spec.console;
  return {
    id: spec.id,
    present: someRunHas(spec.of),
    keyMetrics:
      spec.metrics === undefined
        ? []
        : [
            keyMetricSource<T>(
              spec.metrics.scope,
              (s) => (spec.of(s) ?? []).map((x) => [x.id, x]),
              spec.metrics.defs,
              true,
            ),
          ],
    parts: [
      file(spec.csv.order, spec.csv.name, (a) =>
        summariesCsv(items(a.results), { id: spec.csv.id } as Partial<
          Record<keyof T & string, string>
        >),
      ),
      ...(spec.page === undefined ? [] : [pagePart(spec, spec.page)]),
      ...(spec.more?.(items) ?? []),
      part('console', order, (a, lang) =>
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
