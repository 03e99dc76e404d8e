/**
 * One replication run in a piscina worker thread (compiled to dist/cli/replication-worker.js;
 * the pool is cli/replication-pool.ts): one replication of one variant, of a sweep's grid point
 * (`msasim sweep`) or of a scenario (`msasim run`/`compare`, replications 2 and later). The
 * task carries the scenario text, so every worker runs exactly what the main thread validated
 * (and fingerprinted), and returns the run's summary as plain data (with the loop's cost and
 * the traces when asked). A task depends only on its inputs, so the results do not depend on
 * which worker ran it or when.
 */
import type { LoopTiming, RunSummary } from '../metrics/summary.ts';
import type { RequestTrace, TraceOptions } from '../metrics/traces.ts';
import { parseScenario } from '../model/language.ts';
import { replicationSeed, runScenario } from '../model/run.ts';
import { withDuration } from '../scenario/fault-windows.ts';
import { ScenarioError, type ScenarioIssue } from '../scenario/issues.ts';
import type { LoadedScenario, ScenarioOverride } from '../scenario/load.ts';
import type { GuardText } from '../scenario/messages.ts';
import { threadCpuMs } from './cpu-time.ts';
import { InternalError } from './errors.ts';
import { CHECK_EVERY, type GuardLimits, RunGuard, stoppedBy, wallNow } from './run-guard.ts';
import { prepareWorkloadData, type ScenarioData } from './workload-files.ts';

/** What a worker needs to run one replication. */
export interface ReplicationTask {
  file: string;
  /** The scenario file's text, as read once by the main thread. */
  text: string;
  /** Values applied to the base document (a sweep's grid point; none for `run`). */
  overrides: ScenarioOverride[];
  /** The variant to run (null for a scenario without variants). */
  variant: string | null;
  /** --seed, when given (else the scenario's seed). */
  seed: number | string | undefined;
  /** 1-based replication number: its seed is replicationSeed(seed, replication). */
  replication: number;
  /** --duration in ms, when given. */
  durationMs: number | undefined;
  /** The warm-up in ms, when the command chose it (`--warmup auto`). */
  warmupMs?: number;
  /** --series-resolution, seconds per point of the time series. */
  seriesResolutionS?: number;
  /** The trace options of this replication (undefined or null: not traced). */
  trace?: TraceOptions | null;
  /** Time the loop (wall and this thread's CPU time) and return it. */
  timed?: boolean;
  /** The guards' budgets (maxWall is the whole command's, ending at `deadline`). */
  limits: GuardLimits;
  /** When the command's wall-time budget ends (wallNow() time, comparable across threads). */
  deadline: number;
  /**
   * Stop (or do not start) when `stop[0]`, shared with the main thread, falls below `key`: a
   * replication before this one in the command's order failed, so this one is not needed.
   */
  cancel?: { stop: Int32Array; key: number };
}

/**
 * A finished replication: its summary, why a guard stopped it (if one did), the loop's cost
 * (when asked) and its traces (when traced). `late`: the command's wall-time budget was spent
 * before it started, so nothing ran (the main thread words it as a run it would not start);
 * `cancelled`: see ReplicationTask.cancel; `problem`: the scenario's problems found meanwhile (a
 * replayed data file gone bad since the main thread checked it), as plain data: piscina clones
 * an error without its class, so the main thread raises the ScenarioError again,
 * located as with --jobs 1.
 */
export type ReplicationResult =
  | {
      summary: RunSummary;
      guard?: GuardText;
      loop?: LoopTiming;
      traces?: RequestTrace[];
    }
  | { late: true }
  | { cancelled: true }
  | { problem: ScenarioIssue[] };

/** Parsed scenarios by file and overrides: a worker runs many tasks of the same scenario. */
const parsed = new Map<string, { text: string; loaded: LoadedScenario; data: ScenarioData }>();
const MAX_PARSED = 16;

/**
 * The loop's clocks in a worker: wall time and this thread's CPU time (on Linux; elsewhere
 * cpu-time.ts falls back to the whole process's, which a sum over threads overstates).
 */
const CLOCK = { wallMs: () => performance.now(), cpuMs: threadCpuMs };

/** The tasks this thread was given, run one after the other (see runReplicationTask). */
let queue: Promise<unknown> = Promise.resolve();

/**
 * Runs one replication task (the piscina entry point, also called in-process). A thread may be
 * given several tasks at once (`msasim run` posts them ahead, so that the threads need not wait
 * for a main thread busy with a simulation of its own); they run one after the other, each with
 * its own guards from when it starts.
 */
export function runReplicationTask(task: ReplicationTask): Promise<ReplicationResult> {
  const result = queue.then(() => runTask(task));
  queue = result.catch(() => undefined);
  return result;
}

/** Why `task` is not to start (cancelled, or the budget spent), or undefined: it is to run. */
export function unstarted(task: ReplicationTask): ReplicationResult | undefined {
  if (isCancelled(task)) return { cancelled: true };
  if (wallNow() >= task.deadline) return { late: true };
  return undefined;
}

/** Whether a replication before `task` failed (ReplicationTask.cancel). */
function isCancelled(task: ReplicationTask): boolean {
  return task.cancel !== undefined && Atomics.load(task.cancel.stop, 0) < task.cancel.key;
}

/** Runs `task` (see runReplicationTask); a ScenarioError becomes a `problem` answer. */
async function runTask(task: ReplicationTask): Promise<ReplicationResult> {
  try {
    return await runTaskOrThrow(task);
  } catch (e) {
    if (e instanceof ScenarioError) return { problem: e.issues };
    throw e;
  }
}

/** Runs `task`, stopping at a checkpoint once it is cancelled. */
async function runTaskOrThrow(task: ReplicationTask): Promise<ReplicationResult> {
  const skipped = unstarted(task);
  if (skipped !== undefined) return skipped;
  const cancelled = () => isCancelled(task);
  const { loaded, data } = await parse(task);
  const base = loaded.variants.find((v) => (v.variant ?? null) === task.variant);
  if (base === undefined)
    throw new InternalError(
      `replication task: ${task.file} has no variant ${String(task.variant)}`,
    );
  // --duration: the faults' windows made for it (not the file duration's, cut or kept)
  const scenario = {
    ...(task.durationMs === undefined ? base : withDuration(base, task.durationMs)),
    ...(task.warmupMs === undefined ? {} : { warmupMs: task.warmupMs }),
  };
  const guard = new RunGuard(task.limits, {
    deadline: task.deadline,
    maxWallMs: task.limits.maxWall,
  });
  const result = await runScenario(scenario, {
    data: data.of(base.variant) ?? undefined,
    trace: task.trace ?? null,
    seed: replicationSeed(task.seed ?? scenario.seed, task.replication),
    maxEvents: task.limits.maxEvents,
    checkEvery: CHECK_EVERY,
    ...(task.timed ? { clock: CLOCK } : {}),
    seriesResolutionS: task.seriesResolutionS,
    onCheckpoint: (sim, probe) => !cancelled() && guard.check(sim, probe),
  }).finally(() => data.close()); // the streams this run opened
  if (cancelled()) return { cancelled: true };
  const stopped = stoppedBy(result.summary, task.limits.maxEvents, guard);
  return {
    summary: result.summary,
    ...(stopped === undefined ? {} : { guard: stopped }),
    ...(result.loop === undefined ? {} : { loop: result.loop }),
    ...(result.traces === undefined ? {} : { traces: result.traces }),
  };
}

async function parse(
  task: ReplicationTask,
): Promise<{ loaded: LoadedScenario; data: ScenarioData }> {
  const key = `${task.file}\n${JSON.stringify(task.overrides)}`;
  const hit = parsed.get(key);
  if (hit !== undefined && hit.text === task.text) return hit;
  const loaded = parseScenario(task.text, task.file, { overrides: task.overrides });
  if (parsed.size >= MAX_PARSED) parsed.delete(parsed.keys().next().value as string);
  // the data files its workloads replay (checked by the main thread before it started)
  const data = await prepareWorkloadData(loaded);
  const entry = { text: task.text, loaded, data };
  parsed.set(key, entry);
  return entry;
}
