/**
 * A report feature: everything the report shows of one capability (caches, sessions, sagas …)
 * behind one interface, in one folder under report/features/, listed once in
 * features/registry.ts. Each writer collects the parts meant for it from the features present
 * and lays them out by their `order`: outputs.ts the files, table.ts the console summary,
 * html/page.ts the page; estimates.ts reads the key metrics in registry order.
 *
 * The outputs order the features differently (the console follows one run's tables, the page
 * puts verdicts first), so each part names its own place. The places taken today:
 * - files: summary.json 0, endpoints 10, components 20, timeseries 30, estimates 40,
 *   results.json 50, caches 60, propagation 70, freezes 75, runtimes 76, slos 80, brokers 90, policies 100,
 *   refreshes 110, sessions 120, consumers 130, sagas/transactions/readers 140, two-phase 145–146,
 *   pending 147, event stores 148, costs 149, sensitivity 150, comparison 200, traces 210;
 * - run tables (a variant's block): endpoints 10, components 20, brokers 30, policies 40,
 *   caches 50, refreshes 60, failure causes 70, timeouts that failed every request 75;
 * - console sections: sessions 10, messaging 20, sagas 30, transactions 40, two-phase commits 45,
 *   pending states 46, event stores 47, costs 48, readers 50, frozen instances 58, runtime effects 59,
 *   propagation 60, SLOs 70, sensitivity 75, replications 80, comparison 90;
 * - summary tables (the page's Summary section): endpoints 10, components 20, caches 30,
 *   descriptions 90;
 * - page sections: run notes (read this first) −20, highlights −10, comparison or key metrics 0,
 *   lesson 10, topology 20, summary 30, SLOs 40, sensitivity 45, propagation 50, freezes 52,
 *   runtime effects 53, policies 60, sessions 70, messaging 80, two-phase commits 85, pending
 *   states 86, event stores 87, consistency 90, latency 100, over time 110, load 120, traces 125.
 */
import type { RunResult, RunSummary } from '../metrics/summary.ts';
import type { Analysis } from './analysis.ts';
import type { PageSection } from './html/layout.ts';
import type { Html } from './html/template.ts';
import type { Lang } from './i18n/lang.ts';
import type { KeyMetricSource } from './key-metrics.ts';
import type { ReportData } from './report-data-types.ts';

/** A file of a report folder: its name and text. */
export type OutputFile = [name: string, text: string];

/** A part of a feature in one output, with its place there (lower first; ties keep registry order). */
export type ReportPart =
  /** Files of the report folder (CSV, JSON). */
  | { to: 'files'; order: number; build(a: Analysis): OutputFile[] }
  /** Text appended to a variant's block of the console summary ('' for none); it starts with its own separator. */
  | { to: 'run-table'; order: number; build(s: RunSummary, lang: Lang): string }
  /** A console section after the variants' blocks ('' for none). */
  | { to: 'console'; order: number; build(a: Analysis, lang: Lang): string }
  /** A table of the page's Summary section. */
  | { to: 'summary-table'; order: number; build(data: ReportData, lang: Lang): Html }
  /**
   * Sections of the HTML page (built from results.json, so `msasim report` rebuilds them),
   * their words in `lang` (i18n/).
   */
  | { to: 'page'; order: number; build(data: ReportData, lang: Lang): PageSection[] };

/** The outputs a part can go to. */
export type PartTarget = ReportPart['to'];

/** A part meant for output `to`. */
export type PartFor<T extends PartTarget> = Extract<ReportPart, { to: T }>;

/** The part for output `to` at place `order`, made by `build`. */
export const part = <T extends PartTarget>(
  to: T,
  order: number,
  build: PartFor<T>['build'],
): PartFor<T> => ({ to, order, build }) as PartFor<T>;

/** The part that writes file `name` (at place `order` of the files), its text made by `text`. */
export const file = (order: number, name: string, text: (a: Analysis) => string) =>
  part('files', order, (a) => [[name, text(a)]]);

/** Whether some run has items of a kind (`items` of a summary; absent in older results: none). */
export const someRunHas =
  (items: (s: RunSummary) => readonly unknown[] | undefined) =>
  (runs: readonly RunSummary[]): boolean =>
    runs.some((s) => (items(s) ?? []).length > 0);

/** One capability's report. */
export interface ReportFeature {
  /** Its name (its folder under report/features/). */
  id: string;
  /**
   * Whether the runs have it (first replication of each variant; summaries of older
   * results.json may lack its fields); its parts appear only then. Absent: always.
   */
  present?(runs: readonly RunSummary[]): boolean;
  /** Its key metrics, estimated over replications and compared between variants. */
  keyMetrics?: readonly KeyMetricSource[];
  /** Its rows of timeseries.csv for one run: [second, variant, scope, id, metric, value]. */
  series?(run: RunResult): unknown[][];
  parts: readonly ReportPart[];
}
