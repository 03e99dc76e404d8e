/**
 * msasim as a library: the entry point of the `msasim` package (`import { … } from 'msasim'`,
 * declarations in dist/index.d.ts). The pipeline's phases, each a function of its input alone
 * (only loadScenario reads a file; nothing here prints or reads the clock):
 *
 *   parse     text → every variant of the scenario, or a ScenarioError with located issues
 *   validate  text → the located problems and warnings, without throwing
 *   run       one variant + a seed → RunResult (summary, per-second series, distributions)
 *   analyse   the summaries of every variant's replications → key metrics with confidence
 *             intervals, paired comparisons with the first variant, SLO verdicts, propagation
 *   write     results → the output files (summary.json, CSVs, results.json), the console text
 *
 * README.md, "Use as a library", has a runnable example (src/package.e2e.test.ts runs it
 * against the packed package).
 */
// biome-ignore-all assist/source/organizeImports: the exports are grouped by pipeline phase
import { ScenarioError, type ScenarioIssue } from './scenario/issues.ts';
import { type LoadedScenario, type ParseOptions, parseScenario } from './scenario/load.ts';

// ── parse ──
export {
  type LoadedScenario,
  loadScenario,
  type ParseOptions,
  parseScenario,
  type ScenarioOverride,
} from './scenario/load.ts';
export { scenarioJsonSchema } from './scenario/schema.ts';
export type { Scenario } from './scenario/types.ts';

// ── validate ──
export { formatIssue, formatIssues } from './scenario/format.ts';
export {
  ISSUE_CODES,
  type IssueCode,
  isIssueCode,
  ScenarioError,
  type ScenarioIssue,
} from './scenario/issues.ts';

/** What validateScenario found: the scenario and its warnings, or every problem. */
export type Validation =
  | { valid: true; scenario: LoadedScenario; issues: []; warnings: ScenarioIssue[] }
  | { valid: false; issues: ScenarioIssue[]; warnings: [] };

/**
 * Checks a scenario text as `msasim validate` does and returns every problem (each with its
 * file:line:col and document path, in file order) instead of throwing; a valid scenario comes
 * with its warnings. `file` names the text in the issues. Throws only on a bug in msasim.
 */
export function validateScenario(text: string, file: string, options?: ParseOptions): Validation {
  try {
    const scenario = parseScenario(text, file, options);
    return { valid: true, scenario, issues: [], warnings: scenario.warnings };
  } catch (e) {
    if (e instanceof ScenarioError) return { valid: false, issues: e.issues, warnings: [] };
    throw e;
  }
}

// ── run ──
export type { RunResult, RunSummary } from './metrics/summary.ts';
export type { ModelOptions } from './model/model.ts';
export { replicationSeed, runScenario } from './model/run.ts';

// ── analyse ──
// Issue 13 (the report side) adds `analyse(results)`, the one analysis phase computing all of
// these at once; the lead exports it here at merge. Until then, the phase's parts:
export {
  compareVariants,
  estimateMetrics,
  type KeyMetric,
  type MetricDifference,
  type MetricEstimate,
  type VariantComparison,
} from './report/estimates.ts';
export { type Propagation, propagationOf } from './report/propagation.ts';
export { replicationsOf, sloResultsOf, variantNames } from './report/results.ts';
export type { SloResult } from './report/slo.ts';

// ── write ──
export { buildOutputs, type OutputFiles, type ScenarioResults } from './report/outputs.ts';
export { formatSummary } from './report/table.ts';
