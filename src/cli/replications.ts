/**
 * The replications of every variant of `msasim run`/`compare`, under the runaway guards. The
 * first replication of each variant runs in the main thread: its whole RunResult (series,
 * distributions, traces) makes the report's details. With `--jobs` above 1 the others (2..N,
 * and each round `--precision` adds) run meanwhile on worker threads (cli/replication-pool.ts
 * with cli/replication-worker.ts, the sweep's pool and task), which send back their summaries
 * as plain data (with the loop's cost, and the traces of a traced replication); with `--jobs 1`
 * (or nothing to share) every replication runs here, one after the other. Without --jobs the
 * threads start only when the work is worth their start (~0.35 s of CPU each: a thread loads
 * the simulator unbundled and parses the scenario again): before each variant's first
 * replication, the mean loop CPU time of the first replications made × the replications the
 * threads would make is the estimate (`worthThreads`); a run that never pays for them makes its replications 2..N
 * here after the first ones (same results: a replication depends only on its seed).
 *
 * Results are gathered in replication order, never in finishing order, and a replication
 * depends only on its scenario and seed, so the outputs are byte-identical whatever --jobs.
 * When guards stop several replications, the one reported is the first in the order --jobs 1
 * runs them (variant, then replication), so the message is the one --jobs 1 gives; the worker
 * replications after it are cancelled at their next checkpoint (a shared counter).
 */
import type { LoopClock, LoopTiming, RunResult, RunSummary } from '../metrics/summary.ts';
import { replicationSeed, runScenario } from '../model/run.ts';
import type { Lang } from '../report/i18n/lang.ts';
import { ScenarioError } from '../scenario/issues.ts';
import { wallBudgetSpent } from '../scenario/messages.ts';
import type { Scenario } from '../scenario/types.ts';
import { threadCpuMs } from './cpu-time.ts';
import { createRunProgress } from './progress.ts';
import { openReplicationPool, type ReplicationPool } from './replication-pool.ts';
import type { ReplicationResult, ReplicationTask } from './replication-worker.ts';
import {
  CHECK_EVERY,
  type CommandBudget,
  type GuardLimits,
  guardError,
  guardLimits,
  NOTHING_WRITTEN,
  RunGuard,
  runOf,
  stoppedBy,
  theRunOf,
} from './run-guard.ts';
import { keepTraces, type TraceChoice, tracingOf } from './traced-replications.ts';
import type { ScenarioData } from './workload-files.ts';

/** The options a replication is run with. */
export interface ReplicationOptions extends GuardLimits, TraceChoice {
  /** Seconds per point of the time series (default: chosen from the duration). */
  seriesResolution?: number;
  /** No progress bars. */
  quiet?: boolean;
  /** The language of the progress bars' words (default English). */
  lang?: Lang;
}

/** What every replication of a command shares. */
export interface ReplicationContext {
  opts: ReplicationOptions;
  budget: CommandBudget;
  /** The data files the workloads replay, read by this thread. */
  data: ScenarioData;
  seedOverride: number | string | undefined;
  /** The scenario file and the text this thread parsed (a worker thread parses it again). */
  source: { file: string; text: string };
  /** Worker threads (0: every replication runs in this thread). */
  threads: number;
  /**
   * Whether the threads were chosen by default (no --jobs): they then start only when the run
   * is worth them (see the header), else `threads` becomes 0.
   */
  auto?: boolean;
  /** The simulation loops' cost, summed over every run of the command (and every thread). */
  loop: LoopTiming;
}

/** The replications of every variant: the first's whole result, every one's summary. */
export interface Replicated {
  /** Replication 1 of each variant (with the traces of the other traced replications). */
  firsts: RunResult[];
  /** Per variant, the summaries of its replications in order. */
  summaries: RunSummary[][];
}

/** The clocks this thread's runs' loops are timed with: wall time, the thread's CPU time. */
const LOOP_CLOCK: LoopClock = { wallMs: () => performance.now(), cpuMs: threadCpuMs };

/**
 * Most replications handed to a worker thread at once: enough to keep it busy while the main
 * thread runs a first replication (it hands out tasks only between its own runs), few enough
 * that the others are handed out to whichever thread is free first.
 */
const MAX_QUEUE = 4;

/**
 * CPU time of the simulation left, per worker thread, below which the threads are not started
 * by default: about three threads' start-up (each ~0.35 s of CPU, measured on the headline and
 * small shipped scenarios), so that the threads at least pay for themselves.
 */
const WORTH_PER_THREAD_MS = 1000;

/**
 * Whether the replications left are worth `threads` worker threads, by the mean CPU time of
 * the replications made (`meanCpuMs`) × the number left.
 */
export function worthThreads(meanCpuMs: number, left: number, threads: number): boolean {
  return meanCpuMs * left >= WORTH_PER_THREAD_MS * threads;
}

/** A replication made on a worker thread, or why there is none. */
type Remote = { ok: Extract<ReplicationResult, { summary: RunSummary }> } | { failed: true };

/** Runs the replications of `msasim run`/`compare` (see the header). */
export class Replicator {
  #pool: Promise<ReplicationPool> | undefined;

  constructor(readonly ctx: ReplicationContext) {}

  /** Replications 1..count of every variant of `scenarios`, with progress bars. */
  async all(scenarios: readonly Scenario[], count: number): Promise<Replicated> {
    const { ctx } = this;
    if (ctx.threads === 0 || count === 1) return this.#allHere(scenarios, count);
    const progress = createRunProgress(ctx.opts.quiet, true, ctx.opts.lang);
    const bars = scenarios.map((s) =>
      progress?.variant(s.variant ?? s.name, s.durationMs * count, count),
    );
    const done = scenarios.map(() => 0); // replications finished, per variant
    const first = scenarios.map(() => 0); // the first replication's simulated ms so far
    const draw = (v: number, eps: number) =>
      bars[v]?.update(
        done[v] * scenarios[v].durationMs + first[v],
        eps,
        Math.min(count, done[v] + 1),
      );
    const failures = new Failures();
    const key = (v: number, r: number) => v * count + r - 1;
    // replications 2..count of every variant on the threads, once they are started
    let remote: Promise<Remote>[][] | undefined;
    const startThreads = async () => {
      const tasks = scenarios.length * (count - 1);
      const pool = await this.#openPool(Math.min(MAX_QUEUE, Math.ceil(tasks / ctx.threads)));
      remote = scenarios.map((s, v) =>
        Array.from({ length: count - 1 }, (_, i) =>
          this.#remote(pool, s, i + 2, key(v, i + 2), failures).then((x) => {
            if ('ok' in x) {
              done[v]++;
              const wallS = (x.ok.loop?.wallMs ?? 0) / 1000;
              draw(v, wallS > 0 ? x.ok.summary.run.events / wallS : 0);
            }
            return x;
          }),
        ),
      );
    };
    if (!ctx.auto) await startThreads();
    const firsts: RunResult[] = [];
    let firstsCpuMs = 0;
    try {
      for (const [v, scenario] of scenarios.entries()) {
        // without --jobs: the threads start once the first replications made say they pay
        if (
          remote === undefined &&
          v > 0 &&
          worthThreads(firstsCpuMs / v, scenarios.length * (count - 1), ctx.threads)
        )
          await startThreads();
        // a turn of the event loop: the threads' finished replications come in and the next
        // ones go out (a simulation here holds the loop until it ends)
        await new Promise((resolve) => setImmediate(resolve));
        if (failures.first < key(v, 1)) break;
        try {
          const result = await this.#here(scenario, 1, (simMs, eps) => {
            first[v] = simMs;
            draw(v, eps);
          });
          firsts.push(result);
          firstsCpuMs += result.loop?.cpuMs ?? 0;
          done[v]++;
          first[v] = 0;
        } catch (e) {
          failures.add(key(v, 1), e);
          break;
        }
      }
      // one variant (or the last one's first was long): the rest may still pay for threads
      if (
        remote === undefined &&
        firsts.length === scenarios.length &&
        worthThreads(firstsCpuMs / firsts.length, scenarios.length * (count - 1), ctx.threads)
      )
        await startThreads();
      if (remote === undefined)
        return await this.#restHere(scenarios, count, firsts, failures, draw, done);
      const made = await Promise.all(remote.map((list) => Promise.all(list)));
      failures.throwFirst();
      const summaries = firsts.map((result, v) => [
        result.summary,
        ...made[v].map((x) => this.#kept(result, x)),
      ]);
      return { firsts, summaries };
    } finally {
      progress?.stop();
    }
  }

  /**
   * Replications 2..count of every variant in this thread, in the order --jobs 1 makes them (a
   * run without --jobs not worth threads): the first failure in that order is the one thrown.
   */
  async #restHere(
    scenarios: readonly Scenario[],
    count: number,
    firsts: RunResult[],
    failures: Failures,
    draw: (v: number, eps: number) => void,
    done: number[],
  ): Promise<Replicated> {
    this.ctx.threads = 0; // the closing line: one thread; --precision's rounds: here
    const summaries = firsts.map((result) => [result.summary]);
    const key = (v: number, r: number) => v * count + r - 1;
    rest: for (const [v, scenario] of scenarios.entries()) {
      for (let r = 2; r <= count; r++) {
        if (failures.first < key(v, r)) break rest;
        try {
          const result = await this.#here(scenario, r, (_, eps) => draw(v, eps));
          keepTraces(firsts[v], result);
          summaries[v].push(result.summary);
          done[v]++;
        } catch (e) {
          failures.add(key(v, r), e);
          break rest;
        }
      }
    }
    failures.throwFirst();
    return { firsts, summaries };
  }

  /**
   * Replication `r` of every variant (a round of --precision), on the worker threads at once,
   * its summaries added to `into` and its traces kept with the first replications'.
   */
  async round(scenarios: readonly Scenario[], r: number, into: Replicated): Promise<void> {
    if (this.ctx.threads === 0) {
      for (const [v, scenario] of scenarios.entries()) {
        const result = await this.#here(scenario, r);
        keepTraces(into.firsts[v], result);
        into.summaries[v].push(result.summary);
      }
      return;
    }
    const pool = await this.#openPool(1);
    const failures = new Failures();
    const made = await Promise.all(scenarios.map((s, v) => this.#remote(pool, s, r, v, failures)));
    failures.throwFirst();
    made.forEach((x, v) => {
      into.summaries[v].push(this.#kept(into.firsts[v], x));
    });
  }

  /** Ends the worker threads, if any were started. */
  async close(): Promise<void> {
    const pool = this.#pool;
    this.#pool = undefined;
    if (pool !== undefined) await (await pool).destroy();
  }

  /** Every replication in this thread, one after the other (--jobs 1, or one replication). */
  async #allHere(scenarios: readonly Scenario[], count: number): Promise<Replicated> {
    const progress = createRunProgress(this.ctx.opts.quiet, false, this.ctx.opts.lang);
    const firsts: RunResult[] = [];
    const summaries: RunSummary[][] = scenarios.map(() => []);
    for (const [v, scenario] of scenarios.entries()) {
      const bar = progress?.variant(
        scenario.variant ?? scenario.name,
        scenario.durationMs * count,
        count,
      );
      try {
        for (let r = 1; r <= count; r++) {
          const doneMs = (r - 1) * scenario.durationMs;
          const result = await this.#here(scenario, r, (simMs, eps) =>
            bar?.update(doneMs + simMs, eps, r),
          );
          if (r === 1) firsts.push(result);
          else keepTraces(firsts[v], result);
          summaries[v].push(result.summary);
        }
      } finally {
        bar?.stop();
      }
    }
    return { firsts, summaries };
  }

  /** The pool, opened on first use; `queue`: tasks posted to each thread at once. */
  #openPool(queue: number): Promise<ReplicationPool> {
    this.#pool ??= openReplicationPool(this.ctx.threads, queue);
    return this.#pool;
  }

  /** A worker's replication's summary, its traces kept and its loop's cost counted. */
  #kept(first: RunResult, x: Remote): RunSummary {
    if (!('ok' in x)) throw new Error('a failed replication was not reported');
    keepTraces(first, x.ok);
    const loop = x.ok.loop;
    if (loop !== undefined) addLoop(this.ctx.loop, loop);
    return x.ok.summary;
  }

  /**
   * Replication r of `scenario` on a worker thread; a guard that stopped it (or a budget spent
   * before it started, or an error) is recorded in `failures` under `key`.
   */
  async #remote(
    pool: ReplicationPool,
    scenario: Scenario,
    r: number,
    key: number,
    failures: Failures,
  ): Promise<Remote> {
    const { ctx } = this;
    const task: ReplicationTask = {
      file: ctx.source.file,
      text: ctx.source.text,
      overrides: [],
      variant: scenario.variant ?? null,
      seed: ctx.seedOverride,
      replication: r,
      durationMs: scenario.durationMs,
      warmupMs: scenario.warmupMs,
      seriesResolutionS: ctx.opts.seriesResolution,
      trace: tracingOf(scenario, ctx.opts, r),
      timed: true,
      limits: guardLimits(ctx.opts),
      deadline: ctx.budget.deadline,
      cancel: { stop: failures.stop, key },
    };
    try {
      const result = await pool.run(task);
      if ('problem' in result) throw new ScenarioError(result.problem);
      if ('cancelled' in result) return { failed: true };
      if ('late' in result) {
        const text = wallBudgetSpent(ctx.opts.maxWall, theRunOf(scenario, r));
        throw guardError('msasim', text, NOTHING_WRITTEN);
      }
      if (result.guard !== undefined)
        throw guardError(runOf(scenario), result.guard, NOTHING_WRITTEN);
      return { ok: result };
    } catch (e) {
      failures.add(key, e);
      return { failed: true };
    }
  }

  /**
   * Replication r of `scenario` in this thread (seed `replicationSeed(seed, r)`), under the
   * guards; traced when it is a replication traced. `progress` hears the simulated ms and the
   * events/s at every checkpoint and at the end. @throws RunGuardError when a guard stopped it.
   */
  async #here(
    scenario: Scenario,
    r: number,
    progress?: (simulatedMs: number, eventsPerSec: number) => void,
  ): Promise<RunResult> {
    const { opts, budget } = this.ctx;
    budget.checkBefore(theRunOf(scenario, r));
    const seed = this.ctx.seedOverride ?? scenario.seed;
    const t0 = performance.now();
    const guard = new RunGuard(opts, budget);
    const result = await runScenario(scenario, {
      data: this.ctx.data.of(scenario.variant) ?? undefined,
      trace: tracingOf(scenario, opts, r),
      seed: replicationSeed(seed, r),
      maxEvents: opts.maxEvents,
      checkEvery: CHECK_EVERY,
      clock: LOOP_CLOCK,
      seriesResolutionS: opts.seriesResolution,
      onCheckpoint: (sim, probe) => {
        const wallMs = performance.now() - t0;
        progress?.(sim.now, sim.eventsProcessed / (wallMs / 1000));
        return guard.check(sim, probe);
      },
    });
    checkGuards(scenario, result, opts, guard);
    if (result.loop !== undefined) addLoop(this.ctx.loop, result.loop);
    const wallS = (performance.now() - t0) / 1000;
    progress?.(scenario.durationMs, result.summary.run.events / wallS);
    return result;
  }
}

/**
 * The failures of a batch of replications by their place in the order --jobs 1 runs them;
 * `stop` (shared with the worker threads) holds the first, so those after it stop.
 */
class Failures {
  readonly stop = new Int32Array(new SharedArrayBuffer(4)).fill(0x7fffffff);
  readonly #errors = new Map<number, unknown>();

  /** The place of the first failure (2^31 − 1: none). */
  get first(): number {
    return Atomics.load(this.stop, 0);
  }

  add(key: number, error: unknown): void {
    this.#errors.set(key, error);
    if (key < this.first) Atomics.store(this.stop, 0, key);
  }

  /** Throws the first failure, if any. */
  throwFirst(): void {
    if (this.#errors.size > 0) throw this.#errors.get(this.first);
  }
}

/** Adds `loop` to the command's `total`. */
function addLoop(total: LoopTiming, loop: LoopTiming): void {
  total.wallMs += loop.wallMs;
  total.cpuMs += loop.cpuMs;
  total.events += loop.events;
}

/** Throws a RunGuardError when `result` was stopped by a guard (events, wall, backlog, memory). */
export function checkGuards(
  scenario: Scenario,
  result: RunResult,
  opts: GuardLimits,
  guard: RunGuard,
): void {
  const text = stoppedBy(result.summary, opts.maxEvents, guard);
  if (text === undefined) return;
  throw guardError(runOf(scenario), text, NOTHING_WRITTEN);
}
