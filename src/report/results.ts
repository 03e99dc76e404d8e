/**
 * What the report builders take: the results of every variant of one scenario, and the
 * version of the output formats. Kept apart from outputs.ts so that every builder (files,
 * comparison, console) can import it without import cycles.
 */
import type { RunResult, RunSummary } from '../metrics/summary.ts';
import type { PartDescription } from './features/descriptions/part-description.ts';

/** Results of every variant of one scenario. */
export interface ScenarioResults {
  name: string;
  description: string;
  file: string;
  /** The first replication of every variant (run with the scenario's seed), in scenario order. */
  runs: RunResult[];
  /**
   * The summaries of every replication of every variant: `replications[v][r]`. Replication r
   * of every variant ran with the same seed (common random numbers). Absent = one replication
   * (the `runs`).
   */
  replications?: RunSummary[][];
  /** The lesson text (the scenario's sibling .md), shown in the HTML report. */
  lesson?: string | null;
  /** The scenario's `lang:` (the page's `<html lang>`), when it has one. */
  lang?: string;
  /** The descriptions of the scenario's parts (features/descriptions/), shown on the page. */
  descriptions?: PartDescription[];
}

/** The summaries of every replication of each variant (one each when not replicated). */
export function replicationsOf(results: ScenarioResults): RunSummary[][] {
  return results.replications ?? results.runs.map((r) => [r.summary]);
}

/** The variants' names as comparisons use them (the scenario's name when it has none). */
export function variantNames(results: ScenarioResults): string[] {
  return results.runs.map((r) => r.summary.scenario.variant ?? results.name);
}

/** Version of the output formats; bump when a column or key changes meaning. */
export const OUTPUT_FORMAT_VERSION = 1;
