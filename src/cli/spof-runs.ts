/**
 * The runs of a single-point-of-failure analysis, shared by `msasim spof` (cli/commands/spof.ts)
 * and the playground (web/spof.ts), so both make the same runs and the same spof.json: a
 * baseline run, then one run per candidate component failing with the same seed, each under
 * the guards (run-guard.ts), reduced by report/spof.ts's `spofData`. What to do when a guard
 * stops a run is the caller's (the CLI throws, the playground answers "stopped"): a stopped run
 * comes back as `{ stopped }`, the guard's worded message.
 */
import type { RunResult } from '../metrics/summary.ts';
import type { ScenarioData } from '../model/replay/data-files.ts';
import { runScenario } from '../model/run.ts';
import { OUTPUT_FORMAT_VERSION } from '../report/results.ts';
import { type SpofCandidate, type SpofData, spofData } from '../report/spof.ts';
import { failing, type SpofPlan } from '../report/spof-plan.ts';
import type { Scenario } from '../scenario/types.ts';
import {
  CHECK_EVERY,
  type CommandBudget,
  type GuardLimits,
  guardMessage,
  RunGuard,
  stoppedBy,
} from './run-guard.ts';

/** A run's result, or the message of the guard that stopped it. */
export type SpofRunOutcome = RunResult | { stopped: string };

/** Runs one scenario of the analysis (the baseline or a failure) under the guards. */
export type SpofRunner = (s: Scenario) => Promise<SpofRunOutcome>;

/** The runner of `plan`'s runs: its seed, the replayed data of each variant, the guards' limits. */
export function spofRunner(
  plan: SpofPlan,
  limits: GuardLimits,
  budget: CommandBudget,
  replayed: ScenarioData,
): SpofRunner {
  return async (s) => {
    const what =
      s.faults.length === 0 ? 'the baseline run' : `the run failing ${s.faults[0].component}`;
    budget.checkBefore(what);
    const guard = new RunGuard(limits, budget);
    const r = await runScenario(s, {
      data: replayed.of(s.variant) ?? undefined,
      trace: null, // spof reports the impact matrix only
      seed: plan.seed,
      maxEvents: limits.maxEvents,
      checkEvery: CHECK_EVERY,
      onCheckpoint: guard.check,
    });
    const text = stoppedBy(r.summary, limits.maxEvents, guard);
    if (text === undefined) return r;
    return {
      stopped: guardMessage(`a spof run of "${s.name}" (${what})`, text, 'Nothing was written.'),
    };
  };
}

/** The first run's text when no component is shared; `hint` says how to ask for every one. */
export function nothingToFail(name: string, hint: string): string {
  return `spof ${name}: no shared component to fail (no database, cache, or service with two callers); ${hint}`;
}

/**
 * Fails each candidate in turn (after `baseline`, run by the caller to find them) and builds the
 * matrix; `onRun(runsDone)` after each failure run. A stopped run stops the analysis.
 */
export async function spofFailures(
  plan: SpofPlan,
  about: SpofData['scenario'],
  mode: 'refuse' | 'hang',
  baseline: RunResult,
  candidates: readonly SpofCandidate[],
  run: SpofRunner,
  onRun: (failures: number) => void = () => {},
): Promise<{ data: SpofData; failures: number } | { stopped: string }> {
  const runs: { candidate: SpofCandidate; series: RunResult['series']['requests'] }[] = [];
  for (const c of candidates) {
    const r = await run(failing(plan, c.id, mode));
    if ('stopped' in r) return r;
    runs.push({ candidate: c, series: r.series.requests });
    onRun(runs.length);
  }
  const data = spofData({
    format: OUTPUT_FORMAT_VERSION,
    scenario: about,
    variant: plan.scenario.variant ?? null,
    seed: plan.seed,
    mode,
    window: plan.window,
    baseline: { series: baseline.series.requests },
    runs,
    resolutionS: baseline.series.resolutionS,
  });
  return { data, failures: runs.length };
}
