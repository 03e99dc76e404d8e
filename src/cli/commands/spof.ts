/**
 * `msasim spof <scenario>`: fails each shared component in turn — every database and cache,
 * and every service with two or more callers (`--all`: every component) — by giving the scenario
 * (one variant of it, its own faults left out) one crash fault, runs it with the same seed as
 * a baseline run without any fault, and prints the impact matrix (component × entry endpoint → availability
 * and worst p99 during the fault) with the components whose failure takes down the most.
 * Writes spof.json, spof.csv and spof.html atomically to reports/<name>-spof/ (or --out, checked
 * before the first run: see out-rules.ts).
 */
import { join, relative } from 'node:path';
import type { RunResult } from '../../metrics/summary.ts';
import { loadScenario } from '../../model/language.ts';
import { runScenario } from '../../model/run.ts';
import { OUTPUT_FORMAT_VERSION } from '../../report/results.ts';
import {
  formatSpof,
  type SpofCandidate,
  spofCandidates,
  spofCsv,
  spofData,
} from '../../report/spof.ts';
import { spofPage } from '../../report/spof-page.ts';
import { formatTable } from '../../report/table.ts';
import { formatIssues } from '../../scenario/format.ts';
import type { FaultDef, Scenario } from '../../scenario/types.ts';
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
import { parseSeed } from '../run-variants.ts';
import { loadVegaAssets } from '../vega-assets.ts';

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

/** The crash fault that fails `id` over [startMs, endMs). */
function crashOf(id: string, mode: 'refuse' | 'hang', startMs: number, endMs: number): FaultDef {
  return {
    id: `spof-${id}`,
    description: `msasim spof: ${id} down`,
    kind: 'crash',
    component: id,
    instances: null,
    link: null,
    windows: [{ startMs, endMs }],
    mode,
    add: null,
    factor: 1,
    rate: 0,
    remaining: 1,
    pause: null,
    interval: null,
  };
}

export async function spofCommand(
  file: string,
  opts: SpofCommandOptions,
  io: CliIo,
): Promise<number> {
  const budget = new CommandBudget(opts.maxWall);
  const loaded = await loadScenario(file);
  if (loaded.warnings.length > 0) io.err(`${formatIssues(loaded.warnings)}\n`);
  let scenario: Scenario = loaded.variants[0];
  if (opts.variant !== undefined) {
    const found = loaded.variants.find((v) => v.variant === opts.variant);
    if (found === undefined) {
      const names = loaded.variants.map((v) => v.variant).filter((v) => v !== undefined);
      throw new UsageError(
        names.length === 0
          ? `--variant ${opts.variant}: ${loaded.name} has no variants.`
          : `--variant ${opts.variant}: no such variant; ${loaded.name} has ${names.join(', ')}.`,
      );
    }
    scenario = found;
  }
  if (opts.duration !== undefined) scenario = { ...scenario, durationMs: opts.duration };
  // the scenario's own faults are left out: each run has exactly one failure, the one under study
  const ownFaults = scenario.faults.length;
  scenario = { ...scenario, faults: [] };
  const measured = scenario.durationMs - scenario.warmupMs;
  if (measured <= 0)
    throw new UsageError(
      `--duration ${opts.duration} ms is not longer than the warm-up (${scenario.warmupMs} ms).`,
    );
  const whole = (ms: number) => Math.max(1000, Math.round(ms / 1000) * 1000);
  const startMs = opts.at ?? whole(scenario.warmupMs + measured / 3);
  const endMs = Math.min(scenario.durationMs, startMs + (opts.for ?? whole(measured / 3)));
  if (startMs < scenario.warmupMs || startMs >= scenario.durationMs)
    throw new UsageError(
      `--at ${startMs} ms must fall after the warm-up (${scenario.warmupMs} ms) and before the end (${scenario.durationMs} ms).`,
    );
  const seed = parseSeed(opts.seed) ?? scenario.seed;
  const target = await checkOut(opts.out ?? join('reports', `${loaded.name}-spof`), 'spof', {
    keep: [{ path: file, what: 'the scenario file' }],
  });
  const run = async (s: Scenario): Promise<RunResult> => {
    const what =
      s.faults.length === 0 ? 'the baseline run' : `the run failing ${s.faults[0].component}`;
    budget.checkBefore(what);
    const guard = new RunGuard(opts, budget);
    const r = await runScenario(s, {
      seed,
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
  const baseline = await run(scenario);
  const candidates: SpofCandidate[] = spofCandidates(baseline.summary, opts.all);
  if (candidates.length === 0) {
    io.out(
      `spof ${loaded.name}: no shared component to fail (no database, cache, or service with two callers); try --all\n`,
    );
    return 0;
  }
  const runs: { candidate: SpofCandidate; series: RunResult['series']['requests'] }[] = [];
  for (const c of candidates) {
    const r = await run({
      ...scenario,
      faults: [crashOf(c.id, opts.mode, startMs, endMs)],
    });
    runs.push({ candidate: c, series: r.series.requests });
  }
  const data = spofData({
    format: OUTPUT_FORMAT_VERSION,
    scenario: {
      name: loaded.name,
      description: loaded.description,
      file: relative(process.cwd(), file),
    },
    variant: scenario.variant ?? null,
    seed,
    mode: opts.mode,
    window: { startMs, endMs },
    baseline: { series: baseline.series.requests },
    runs,
  });
  const note =
    ownFaults === 0
      ? ''
      : `(the scenario's own ${ownFaults === 1 ? 'fault is' : `${ownFaults} faults are`} left out: each run has one failure, the one in its row)\n`;
  const text = formatSpof(data, formatTable) + note;
  const files = new Map<string, string>([
    ['spof.json', `${JSON.stringify(data, null, 2)}\n`],
    ['spof.csv', spofCsv(data)],
    ['spof.txt', text],
    ['spof.html', spofPage(data, text, await loadVegaAssets())],
  ]);
  const warnings = await writeDirectoryAtomically(target, files);
  for (const w of warnings) io.err(`note: ${w}\n`);
  io.out(text);
  io.err(
    `ran ${runs.length + 1} runs (baseline + ${runs.length} failures) in ${((performance.now() - started) / 1000).toFixed(2)} s wall; wrote ${[...files.keys()].join(', ')} to ${target.given}\n`,
  );
  return 0;
}
