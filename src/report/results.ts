/**
 * What the report builders take: the results of every variant of one scenario, and the
 * version of the output formats. Kept apart from outputs.ts so that every builder (files,
 * comparison, console) can import it without import cycles.
 */

import type { RunResult, RunSummary } from '../metrics/summary.ts';
import type { LessonLang, LessonRefs } from '../scenario/lesson-types.ts';
import type { HighlightDef } from '../scenario/types.ts';
import type { PartDescription } from './features/descriptions/part-description.ts';
import type { VariantSensitivity } from './features/sensitivity/what-if.ts';

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
  /** The lesson's figures and claims, resolved (scenario/lesson.ts); absent without any. */
  lessonRefs?: LessonRefs;
  /** The language of `lesson` (scenario/lesson-translation.ts); absent without a lesson. */
  lessonLang?: LessonLang;
  /**
   * The lesson's translations (`x.ko.md` beside `x.md`), each with its figures resolved (its
   * claims are the original's); absent without any. The page shows the one of its language.
   */
  lessonTranslations?: LessonTranslations;
  /** The what-if near saturation (`run --sensitivity`), per variant with a hot component. */
  sensitivity?: VariantSensitivity[];
  /** The scenario's `highlights:` (absent or empty: the report picks them, highlights.ts). */
  highlights?: HighlightDef[];
  /** How the number of replications and the warm-up were chosen (absent: as given). */
  notes?: RunNotes;
  /** The scenario's `lang:` (the page's `<html lang>`), when it has one. */
  lang?: string;
  /** The descriptions of the scenario's parts (features/descriptions/), shown on the page. */
  descriptions?: PartDescription[];
}

/** The translations of a lesson by language, each with its own figures (no claims: they are shared). */
export type LessonTranslations = Partial<
  Record<LessonLang, { lesson: string; lessonRefs: LessonRefs }>
>;

/** What the run command decided on its own, said in the console and the report. */
export interface RunNotes {
  /** --precision: the target relative half-width, whether every highlight reached it, the cap. */
  precision?: { target: number; reached: boolean; cap: number; worst: string | null };
  /** --warmup auto: the warm-up chosen by MSER-5 from a pilot run, ms. */
  warmupAutoMs?: number;
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
