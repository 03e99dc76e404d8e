/**
 * Running an attempt: every variant with the challenge's replications (seeds `<seed>/<r>`, as
 * `msasim run` makes them), then the analysis that judges the goal and answers the questions.
 * No disk and no clock: the caller lends each run its options (the CLI its runaway guards,
 * cli/commands/challenge.ts) and may check each result (a guard that stopped it).
 */
import type { RunResult, RunSummary } from '../metrics/summary.ts';
import type { ModelOptions } from '../model/model.ts';
import { replicationSeed, runScenario } from '../model/run.ts';
import { type Analysis, analyse } from '../report/analyse.ts';
import { scenarioResults } from '../report/scenario-results.ts';
import type { Scenario } from '../scenario/types.ts';
import type { Attempt, Challenge } from './load.ts';

/** What the caller lends each run. */
export interface AttemptRunHooks {
  /** Options of the run of `scenario` (the seed is set here). */
  options?: (scenario: Scenario) => ModelOptions;
  /** Called with each result (throw to stop). */
  after?: (scenario: Scenario, result: RunResult) => void;
}

/** Runs every variant of `attempt` with `c`'s replications; the analysis of the runs. */
export async function runAttempt(
  c: Challenge,
  attempt: Attempt,
  file: string,
  hooks: AttemptRunHooks = {},
): Promise<Analysis> {
  const runs: RunResult[] = [];
  const reps: RunSummary[][] = [];
  for (const scenario of attempt.loaded.variants) {
    const summaries: RunSummary[] = [];
    for (let r = 1; r <= c.def.replications; r++) {
      const result = await runScenario(scenario, {
        ...hooks.options?.(scenario),
        seed: replicationSeed(scenario.seed, r),
      });
      hooks.after?.(scenario, result);
      if (r === 1) runs.push(result);
      summaries.push(result.summary);
    }
    reps.push(summaries);
  }
  return analyse(scenarioResults(attempt.loaded, file, null, runs, reps));
}
