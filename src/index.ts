/**
 * msasim as a library: load a scenario, run each of its variants, build the output files.
 *
 *   const loaded = await loadScenario('scenarios/shop.yaml');
 *   const result = await runScenario(loaded.variants[0], { seed: 7 });
 *   console.log(result.summary.overall.latency.p99Ms);
 */
export type { RunResult, RunSummary } from './metrics/summary.ts';
export { loadScenario, parseScenario, scenarioJsonSchema } from './model/language.ts';
export type { ModelOptions } from './model/model.ts';
export { runScenario } from './model/run.ts';
export { buildOutputs, type OutputFiles, type ScenarioResults } from './report/outputs.ts';
export { formatSummary } from './report/table.ts';
export { formatIssue, formatIssues } from './scenario/format.ts';
export { ScenarioError, type ScenarioIssue } from './scenario/issues.ts';
export type { LoadedScenario } from './scenario/load.ts';
export type { Scenario } from './scenario/types.ts';
