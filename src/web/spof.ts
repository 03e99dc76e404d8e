/**
 * A single-point-of-failure analysis in the playground, as `msasim spof` makes it
 * (cli/commands/spof.ts) without a disk: the plan of report/spof-plan.ts (the first variant, its
 * own faults left out, the failure a third into the measured time for a third of it), a
 * baseline run, then one run per shared component (every component with "all") failing with
 * the same seed, under the CLI's guards → report/spof.ts's analysis → spof.json, spof.csv,
 * spof.txt and spof.html, the CLI's bytes for the same scenario, mode and choice of components
 * (`--variant`, `--at`, `--for`, `--seed` and `--duration` are not offered). Runs in a worker.
 */
import {
  CHECK_EVERY,
  CommandBudget,
  DEFAULT_MAX_RUN_WALL_MS,
  DEFAULT_MAX_WALL_MS,
  guardMessage,
  RunGuard,
  stoppedBy,
} from '../cli/run-guard.ts';
import type { RunResult } from '../metrics/summary.ts';
import { runScenario } from '../model/run.ts';
import type { VegaAssets } from '../report/html/layout.ts';
import { OUTPUT_FORMAT_VERSION } from '../report/results.ts';
import { spofCandidates, spofData } from '../report/spof.ts';
import { failing, planSpof, spofFiles, spofText } from '../report/spof-plan.ts';
import type { Scenario } from '../scenario/types.ts';
import type { SpofOutcome, SpofRequest } from './protocol.ts';
import { loadRequest, MAX_EVENTS } from './run-scenario.ts';

/** Runs the analysis; `onRun(done, of)` after every run. */
export async function runSpof(
  s: SpofRequest,
  assets: VegaAssets,
  onRun: (done: number, of: number) => void,
): Promise<SpofOutcome> {
  const loaded = await loadRequest(s.request);
  if ('issues' in loaded) return { kind: 'invalid', issues: loaded.issues };
  const { data: replayed } = loaded;
  try {
    const plan = planSpof({
      name: loaded.loaded.name,
      variants: loaded.loaded.variants,
      variant: undefined,
      durationMs: undefined,
      atMs: undefined,
      forMs: undefined,
      seed: undefined,
    });
    if ('usage' in plan) return { kind: 'problem', message: plan.usage };
    const limits = {
      maxEvents: MAX_EVENTS,
      maxWall: DEFAULT_MAX_WALL_MS,
      maxRunWall: DEFAULT_MAX_RUN_WALL_MS,
    };
    const budget = new CommandBudget(limits.maxWall);
    let stopped: string | undefined;
    const run = async (sc: Scenario): Promise<RunResult | undefined> => {
      const what =
        sc.faults.length === 0 ? 'the baseline run' : `the run failing ${sc.faults[0].component}`;
      budget.checkBefore(what);
      const guard = new RunGuard(limits, budget);
      const r = await runScenario(sc, {
        data: replayed.of(sc.variant) ?? undefined,
        trace: null, // spof reports the impact matrix only
        seed: plan.seed,
        maxEvents: limits.maxEvents,
        checkEvery: CHECK_EVERY,
        onCheckpoint: guard.check,
      });
      const text = stoppedBy(r.summary, limits.maxEvents, guard);
      if (text === undefined) return r;
      stopped = guardMessage(`a spof run of "${sc.name}" (${what})`, text, 'Nothing was written.');
      return undefined;
    };
    const baseline = await run(plan.scenario);
    if (baseline === undefined) return { kind: 'stopped', message: stopped ?? '' };
    const candidates = spofCandidates(baseline.summary, s.all);
    if (candidates.length === 0)
      return {
        kind: 'nothing',
        text: `spof ${loaded.loaded.name}: no shared component to fail (no database, cache, or service with two callers); try "all components"`,
      };
    onRun(1, candidates.length + 1);
    const runs: {
      candidate: (typeof candidates)[number];
      series: RunResult['series']['requests'];
    }[] = [];
    for (const c of candidates) {
      const r = await run(failing(plan, c.id, s.mode));
      if (r === undefined) return { kind: 'stopped', message: stopped ?? '' };
      runs.push({ candidate: c, series: r.series.requests });
      onRun(runs.length + 1, candidates.length + 1);
    }
    const data = spofData({
      format: OUTPUT_FORMAT_VERSION,
      scenario: {
        name: loaded.loaded.name,
        description: loaded.loaded.description,
        file: s.request.file,
      },
      variant: plan.scenario.variant ?? null,
      seed: plan.seed,
      mode: s.mode,
      window: plan.window,
      baseline: { series: baseline.series.requests },
      runs,
      resolutionS: baseline.series.resolutionS,
    });
    const text = spofText(data, plan.ownFaults);
    return { kind: 'done', files: [...spofFiles(data, text, assets)], text, runs: runs.length + 1 };
  } finally {
    replayed.close();
  }
}
