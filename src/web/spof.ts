/**
 * A single-point-of-failure analysis in the playground, as `msasim spof` makes it
 * (cli/commands/spof.ts) without a disk: the plan of report/spof-plan.ts (the first variant, its
 * own faults left out, the failure a third into the measured time for a third of it), a
 * baseline run, then one run per shared component (every component with "all") failing with
 * the same seed, under the CLI's guards → report/spof.ts's analysis → spof.json, spof.csv,
 * spof.txt and spof.html, the CLI's bytes for the same scenario, mode and choice of components
 * (`--variant`, `--at`, `--for`, `--seed` and `--duration` are not offered). Runs in a worker.
 */
import { CommandBudget, guardedRun } from '../cli/run-guard.ts';
import type { VegaAssets } from '../report/html/layout.ts';
import { spofCandidates } from '../report/spof.ts';
import {
  nothingToFail,
  planSpof,
  spofFailures,
  spofFiles,
  spofRunWords,
  spofText,
} from '../report/spof-plan.ts';
import type { Scenario } from '../scenario/types.ts';
import type { SpofOutcome, SpofRequest } from './protocol.ts';
import { guardLimitsOf, loadRequest } from './run-scenario.ts';

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
    const limits = guardLimitsOf();
    const budget = new CommandBudget(limits.maxWall);
    // spof reports the impact matrix only: no traces
    const run = (sc: Scenario) =>
      guardedRun(
        sc,
        { data: replayed.of(sc.variant) ?? undefined, trace: null, seed: plan.seed },
        limits,
        budget,
        spofRunWords(sc),
      );
    const baseline = await run(plan.scenario);
    if ('stopped' in baseline) return { kind: 'stopped', message: baseline.stopped };
    const candidates = spofCandidates(baseline.summary, s.all);
    if (candidates.length === 0)
      return { kind: 'nothing', text: nothingToFail(loaded.loaded.name, 'try "all components"') };
    const of = candidates.length + 1;
    onRun(1, of);
    const about = {
      name: loaded.loaded.name,
      description: loaded.loaded.description,
      file: s.request.file,
    };
    const made = await spofFailures(plan, about, s.mode, baseline, candidates, run, (n) =>
      onRun(n + 1, of),
    );
    if ('stopped' in made) return { kind: 'stopped', message: made.stopped };
    const { data, failures } = made;
    const text = spofText(data, plan.ownFaults);
    return { kind: 'done', files: [...spofFiles(data, text, assets)], text, runs: failures + 1 };
  } finally {
    replayed.close();
  }
}
