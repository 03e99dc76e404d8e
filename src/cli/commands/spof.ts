/**
 * `msasim spof <scenario>`: fails each shared component in turn — every database and cache,
 * and every service with two or more callers (`--all`: every component) — by giving the scenario
 * (one variant of it, its own faults left out) one crash fault, runs it with the same seed as
 * a baseline run without any fault, and prints the impact matrix (component × entry endpoint →
 * availability and worst p99 during the fault) with the components whose failure takes down the
 * most. Writes spof.json, spof.csv, spof.txt and spof.html atomically to reports/<name>-spof/ (or
 * --out, checked before the first run: see out-rules.ts). The plan (variant, window, faults,
 * files) is report/spof-plan.ts's and the analysis report/spof.ts's; this file loads, runs
 * under the guards, writes and prints.
 */
import { join, relative } from 'node:path';
import type { RunResult } from '../../metrics/summary.ts';
import { runScenario } from '../../model/run.ts';
import { OUTPUT_FORMAT_VERSION } from '../../report/results.ts';
import { spofCandidates, spofData } from '../../report/spof.ts';
import { failing, planSpof, spofFiles, spofText } from '../../report/spof-plan.ts';
import type { LoadedScenario } from '../../scenario/load.ts';
import type { Scenario } from '../../scenario/types.ts';
import { RunGuardError, UsageError } from '../errors.ts';
import { type CliIo, writeDirectoryAtomically } from '../io.ts';
import { checkOut } from '../out-target.ts';
import {
  CHECK_EVERY,
  CommandBudget,
  type GuardLimits,
  guardMessage,
  RunGuard,
  stoppedBy,
} from '../run-guard.ts';
import { loadWithWarnings, parseSeed } from '../run-variants.ts';
import { loadVegaAssets } from '../vega-assets.ts';
import { prepareWorkloadData, type ScenarioData } from '../workload-files.ts';

/** Options of `msasim spof`, with the guards' budgets. */
export interface SpofCommandOptions extends GuardLimits {
  variant?: string;
  mode: 'refuse' | 'hang';
  at?: number;
  for?: number;
  all?: boolean;
  seed?: string;
  duration?: number;
  out?: string;
  /** Accepted as by run, compare and sweep; spof draws no progress bars. */
  quiet?: boolean;
}

export async function spofCommand(
  file: string,
  opts: SpofCommandOptions,
  io: CliIo,
): Promise<number> {
  const budget = new CommandBudget(opts.maxWall);
  const loaded = await loadWithWarnings(file, io);
  const files = await prepareWorkloadData(loaded);
  try {
    return await spofRuns(file, opts, io, budget, loaded, files);
  } finally {
    files.close();
  }
}

async function spofRuns(
  file: string,
  opts: SpofCommandOptions,
  io: CliIo,
  budget: CommandBudget,
  loaded: LoadedScenario,
  replayed: ScenarioData,
): Promise<number> {
  const plan = planSpof({
    name: loaded.name,
    variants: loaded.variants,
    variant: opts.variant,
    durationMs: opts.duration,
    atMs: opts.at,
    forMs: opts.for,
    seed: parseSeed(opts.seed),
  });
  if ('usage' in plan) throw new UsageError(plan.usage);
  const target = await checkOut(opts.out ?? join('reports', `${loaded.name}-spof`), 'spof', {
    keep: [{ path: file, what: 'the scenario file' }],
  });
  const run = async (s: Scenario): Promise<RunResult> => {
    const what =
      s.faults.length === 0 ? 'the baseline run' : `the run failing ${s.faults[0].component}`;
    budget.checkBefore(what);
    const guard = new RunGuard(opts, budget);
    const r = await runScenario(s, {
      data: replayed.of(s.variant) ?? undefined,
      trace: null, // spof reports the impact matrix only
      seed: plan.seed,
      maxEvents: opts.maxEvents,
      checkEvery: CHECK_EVERY,
      onCheckpoint: guard.check,
    });
    const text = stoppedBy(r.summary, opts.maxEvents, guard);
    if (text !== undefined)
      throw new RunGuardError(
        guardMessage(`a spof run of "${s.name}" (${what})`, text, 'Nothing was written.'),
      );
    return r;
  };
  const started = performance.now();
  const baseline = await run(plan.scenario);
  const candidates = spofCandidates(baseline.summary, opts.all);
  if (candidates.length === 0) {
    io.out(
      `spof ${loaded.name}: no shared component to fail (no database, cache, or service with two callers); try --all\n`,
    );
    return 0;
  }
  const runs: {
    candidate: (typeof candidates)[number];
    series: RunResult['series']['requests'];
  }[] = [];
  for (const c of candidates) {
    const r = await run(failing(plan, c.id, opts.mode));
    runs.push({ candidate: c, series: r.series.requests });
  }
  const data = spofData({
    format: OUTPUT_FORMAT_VERSION,
    scenario: {
      name: loaded.name,
      description: loaded.description,
      file: relative(process.cwd(), file),
    },
    variant: plan.scenario.variant ?? null,
    seed: plan.seed,
    mode: opts.mode,
    window: plan.window,
    baseline: { series: baseline.series.requests },
    runs,
    resolutionS: baseline.series.resolutionS,
  });
  const text = spofText(data, plan.ownFaults);
  const files = spofFiles(data, text, await loadVegaAssets());
  const warnings = await writeDirectoryAtomically(target, files);
  for (const w of warnings) io.err(`note: ${w}\n`);
  io.out(text);
  io.err(
    `ran ${runs.length + 1} runs (baseline + ${runs.length} failures) in ${((performance.now() - started) / 1000).toFixed(2)} s wall; wrote ${[...files.keys()].join(', ')} to ${target.given}\n`,
  );
  return 0;
}
