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
import { type LanguageOptions, parseScenario } from './model/language.ts';
import type { LoadedScenario } from './scenario/load.ts';

// ── parse ── (with the built-in step kinds unless `steps` names others)
export {
  type LanguageOptions,
  loadScenario,
  parseScenario,
  scenarioJsonSchema,
} from './model/language.ts';
export type { LoadedScenario, ScenarioOverride } from './scenario/load.ts';
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
export function validateScenario(
  text: string,
  file: string,
  options?: LanguageOptions,
): Validation {
  try {
    const scenario = parseScenario(text, file, options);
    return { valid: true, scenario, issues: [], warnings: scenario.warnings };
  } catch (e) {
    if (e instanceof ScenarioError) return { valid: false, issues: e.issues, warnings: [] };
    throw e;
  }
}

// ── run ──
export type { LoopClock, LoopTiming, RunResult, RunSummary } from './metrics/summary.ts';
export type { ModelOptions } from './model/model.ts';
export { replicationSeed, runScenario } from './model/run.ts';
// workloads from real data: the model is given their rows (ModelOptions.data), read by the caller
export {
  type ArrivalSource,
  ArraySource,
  type WorkloadData,
} from './model/replay/arrivals.ts';
export { OtlpArrivalReader, otlpArrivals } from './model/replay/otlp-arrivals.ts';
export {
  ArrivalRows,
  type DataIssue,
  parseRateProfile,
  rateAt,
  ratePiecesOf,
} from './model/replay/rows.ts';
// request traces (ModelOptions.trace, RunResult.traces) and their OTLP/JSON export
export type { RequestTrace, TraceOptions, TraceSpan } from './metrics/traces.ts';
export { otlpExport, otlpJson } from './report/features/traces/otlp.ts';

// ── analyse ──
export {
  type Analysis,
  analyse,
  analysisOf,
  type VariantAnalysis,
} from './report/analyse.ts';
export {
  compareVariants,
  estimateMetrics,
  type KeyMetric,
  type MetricDifference,
  type MetricEstimate,
  type VariantComparison,
} from './report/estimates.ts';
export { type Propagation, propagationOf } from './report/features/faults/propagation.ts';
export type { SloResult } from './report/features/slos/slo.ts';
export { replicationsOf, variantNames } from './report/results.ts';

// ── extend ── (a step kind: its language part and its runtime; src/README, "Where things go")
export { BUILTIN_STEP_KINDS } from './model/steps/registry.ts';
export type {
  HandledStepKind,
  InlineStepKind,
  StepKindModule,
} from './model/steps/step-kind.ts';
export { BUILTIN_STEP_SYNTAXES } from './model/steps/syntax-registry.ts';
export type { StepSyntax } from './scenario/step-syntax.ts';
export type { ReportFeature } from './report/feature.ts';
export { REPORT_FEATURES } from './report/features/registry.ts';

// ── write ──
export { buildOutputs, type OutputFiles, type ScenarioResults } from './report/outputs.ts';
export { formatSummary } from './report/table.ts';

// ── challenges ── (workshop exercises: parse, run, judge; pure, as `msasim challenge` uses them)
export {
  type ChallengeVerdict,
  judgeAttempt,
} from './challenge/check.ts';
export { formatBrief, formatVerdict } from './challenge/format.ts';
export {
  type Attempt,
  bindChallenge,
  type Challenge,
  parseAttempt,
  parseChallenge,
} from './challenge/load.ts';
export { runAttempt } from './challenge/run.ts';
export { challengeJsonSchema } from './challenge/schema.ts';
