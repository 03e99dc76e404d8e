/**
 * One task of `msasim sweep`: one replication of one variant at one grid point, run in a
 * piscina worker thread (compiled to dist/cli/sweep-worker.js). The task carries the scenario
 * text, so every worker runs exactly what the main thread validated and fingerprinted, and
 * returns the run's summary as plain data. A task depends only on its inputs, so the results do
 * not depend on which worker ran it or when.
 */
import type { RunSummary } from '../metrics/summary.ts';
import { parseScenario } from '../model/language.ts';
import { replicationSeed, runScenario } from '../model/run.ts';
import type { LoadedScenario, ScenarioOverride } from '../scenario/load.ts';
import type { GuardText } from '../scenario/messages.ts';
import { InternalError } from './errors.ts';
import { CHECK_EVERY, type GuardLimits, RunGuard, stoppedBy } from './run-guard.ts';
import { prepareWorkloadData, type ScenarioData } from './workload-files.ts';

/** What a worker needs to run one replication. */
export interface SweepTask {
  file: string;
  /** The scenario file's text, as read once by the main thread. */
  text: string;
  /** The grid point's parameter values, applied to the base document. */
  overrides: ScenarioOverride[];
  /** The variant to run (null for a scenario without variants). */
  variant: string | null;
  /** --seed, when given (else the scenario's seed). */
  seed: number | string | undefined;
  /** 1-based replication number: its seed is replicationSeed(seed, replication). */
  replication: number;
  /** --duration in ms, when given. */
  durationMs: number | undefined;
  /** The guards' budgets (maxWall is the whole sweep's, ending at `deadline`). */
  limits: GuardLimits;
  /** When the sweep's wall-time budget ends (wallNow() time, comparable across threads). */
  deadline: number;
}

/** A finished replication: its summary, and why a guard stopped it (if one did). */
export interface SweepTaskResult {
  summary: RunSummary;
  guard?: GuardText;
}

/** Parsed scenarios by file and overrides: a worker runs many tasks of the same grid point. */
const parsed = new Map<string, { text: string; loaded: LoadedScenario; data: ScenarioData }>();
const MAX_PARSED = 16;

/** Runs one sweep task (the piscina entry point, also called in-process). */
export async function runSweepTask(task: SweepTask): Promise<SweepTaskResult> {
  const { loaded, data } = await parse(task);
  const base = loaded.variants.find((v) => (v.variant ?? null) === task.variant);
  if (base === undefined)
    throw new InternalError(`sweep task: ${task.file} has no variant ${String(task.variant)}`);
  const scenario = task.durationMs === undefined ? base : { ...base, durationMs: task.durationMs };
  const guard = new RunGuard(task.limits, {
    deadline: task.deadline,
    maxWallMs: task.limits.maxWall,
  });
  const result = await runScenario(scenario, {
    data: data.of(base.variant) ?? undefined,
    trace: null, // a sweep reports key metrics only
    seed: replicationSeed(task.seed ?? scenario.seed, task.replication),
    maxEvents: task.limits.maxEvents,
    checkEvery: CHECK_EVERY,
    onCheckpoint: guard.check,
  }).finally(() => data.close()); // the streams this run opened
  const stopped = stoppedBy(result.summary, task.limits.maxEvents, guard);
  return stopped === undefined
    ? { summary: result.summary }
    : { summary: result.summary, guard: stopped };
}

async function parse(task: SweepTask): Promise<{ loaded: LoadedScenario; data: ScenarioData }> {
  const key = `${task.file}\n${JSON.stringify(task.overrides)}`;
  const hit = parsed.get(key);
  if (hit !== undefined && hit.text === task.text) return hit;
  const loaded = parseScenario(task.text, task.file, { overrides: task.overrides });
  if (parsed.size >= MAX_PARSED) parsed.delete(parsed.keys().next().value as string);
  // the data files its workloads replay (checked by the sweep before it started)
  const data = await prepareWorkloadData(loaded);
  const entry = { text: task.text, loaded, data };
  parsed.set(key, entry);
  return entry;
}
