/**
 * The simulation clock and event loop. Time is a number of simulated milliseconds.
 * Events are plain callbacks with one argument (no per-event objects); generator processes are
 * built on top in process.ts. Knows nothing about services, requests or metrics.
 */
import { DOUBLE_ZERO } from './double-zero.ts';
import { EventQueue, type Handler } from './event-queue.ts';

/** Event priorities: lower runs first among events at the same time. */
export const Priority = { urgent: 0, normal: 1, late: 2 } as const;

/** Why run() returned. */
export type StopReason = 'until' | 'empty' | 'budget' | 'stopped';

/** Options for {@link Simulation.run}. */
export interface RunOptions {
  /** Stop before any event later than this time (ms); the clock is then set to it. Default: none. */
  untilMs?: number;
  /** Stop after this many events have been processed in this call. Default: unlimited. */
  maxEvents?: number;
  /**
   * Called every `checkEvery` events, and after an event that asked for it (checkpointSoon);
   * return false to stop (used for wall-time guards and progress, which the kernel itself must
   * not read).
   */
  onCheckpoint?: (sim: Simulation) => boolean;
  /** Events between checkpoints. Default 1,000,000. */
  checkEvery?: number;
}

/** A discrete-event simulation: a clock plus a pending-event list. */
export class Simulation {
  /** Current simulated time in ms. Never decreases. */
  now = DOUBLE_ZERO;
  /** Events processed since creation. */
  eventsProcessed = 0;
  /**
   * Handlers called directly, without an event, that are nested on the call stack right now: a
   * caller that runs zero-time work at once counts here, and schedules it instead (at the same
   * time) once the count is high, so a long chain of such work cannot overflow the stack.
   */
  nested = 0;
  #queue = new EventQueue();
  #stopRequested = false;
  #checkpointRequested = false;
  /** Either of the two above: the one flag the event loop reads after each event. */
  #interrupt = false;

  /** Number of pending events. */
  get pending(): number {
    return this.#queue.size;
  }

  /**
   * Schedules `handler(arg)` after `delayMs` (≥ 0).
   * @throws RangeError on a negative or NaN delay.
   */
  schedule(
    delayMs: number,
    handler: Handler,
    arg?: unknown,
    priority: number = Priority.normal,
  ): void {
    if (!(delayMs >= 0)) badDelay(delayMs);
    this.#queue.push(this.now + delayMs, priority, handler, arg);
  }

  /**
   * Schedules `handler(arg)` at absolute time `timeMs` (≥ now).
   * @throws RangeError when `timeMs` is in the past.
   */
  scheduleAt(
    timeMs: number,
    handler: Handler,
    arg?: unknown,
    priority: number = Priority.normal,
  ): void {
    if (!(timeMs >= this.now)) badTime(timeMs, this.now);
    this.#queue.push(timeMs, priority, handler, arg);
  }

  /** Time of the next event, or Infinity. */
  peek(): number {
    return this.#queue.peekTime();
  }

  /** Processes one event; returns false when none is pending. */
  step(): boolean {
    const q = this.#queue;
    if (q.size === 0) return false;
    const arg = q.pop();
    this.now = q.poppedTime;
    this.eventsProcessed++;
    q.poppedHandler(arg);
    return true;
  }

  /** Asks a running run() to return after the current event. */
  stop(): void {
    this.#stopRequested = true;
    this.#interrupt = true;
  }

  /**
   * Asks a running run() for its checkpoint (`onCheckpoint`: the runaway guards) after the
   * current event, however few events came since the last one: for model parts that can grow
   * memory with few events (a reconciliation holding whole states, model/replicated.ts).
   */
  checkpointSoon(): void {
    this.#checkpointRequested = true;
    this.#interrupt = true;
  }

  /** Runs events in (time, priority, seq) order until a limit is reached. */
  run(options: RunOptions = {}): StopReason {
    const until = options.untilMs ?? Number.POSITIVE_INFINITY;
    // written as !(≥) so that NaN is rejected too: a NaN until would run every event, then set now to NaN
    if (!(until >= this.now))
      throw new RangeError(`until (${until} ms) is before now (${this.now} ms)`);
    const budget = options.maxEvents ?? Number.POSITIVE_INFINITY;
    const checkEvery = options.checkEvery ?? 1_000_000;
    const onCheckpoint = options.onCheckpoint;
    this.#stopRequested = false;
    this.#interrupt = this.#checkpointRequested;
    const limit = this.eventsProcessed + budget;
    let nextCheck = this.eventsProcessed + checkEvery;
    const q = this.#queue;
    for (;;) {
      const reason = this.#runEvents(q, until, limit, nextCheck);
      if (reason !== null) {
        // the clock moves to `until` here rather than in #runEvents: a store there, reached once
        // at the very end, had no type feedback and deoptimized the optimized loop (~1 ms)
        if (reason === 'until' || (reason === 'empty' && until !== Number.POSITIVE_INFINITY))
          this.now = until;
        return reason;
      }
      if (this.#checkpointRequested) {
        this.#checkpointRequested = false;
        this.#interrupt = false;
      }
      if (this.eventsProcessed >= nextCheck) nextCheck += checkEvery;
      if (onCheckpoint !== undefined && !onCheckpoint(this)) return 'stopped';
    }
  }

  /**
   * The event loop of run(), up to the next checkpoint: returns why the run stops, or null when
   * `nextCheck` events have been processed or a checkpoint was asked for (checkpointSoon). Kept
   * apart from the checkpoint so that the first checkpoint, a million events in, does not meet
   * code V8 optimized before it ever ran there (a deoptimization of the hot loop, then a stretch
   * in the interpreter; ~2-3 % of a 1M-request M/M/1 run, measured). The queue comes as an
   * argument for the same reason: a field read at the top, run once before V8 kept feedback for
   * it, deoptimized the second call. One flag (`#interrupt`) is read after each event for both
   * stop() and checkpointSoon(), as one was for stop() alone.
   */
  #runEvents(q: EventQueue, until: number, limit: number, nextCheck: number): StopReason | null {
    for (;;) {
      if (q.size === 0) return 'empty';
      if (q.peekTime() > until) return 'until';
      if (this.eventsProcessed >= limit) return 'budget';
      const arg = q.pop();
      this.now = q.poppedTime;
      this.eventsProcessed++;
      q.poppedHandler(arg);
      if (this.#interrupt) return this.#stopRequested ? 'stopped' : null;
      if (this.eventsProcessed >= nextCheck) return null;
    }
  }
}

// The errors of schedule() and scheduleAt(), out of line: a template string in a method makes
// its bytecode larger, and V8 inlines small methods (into the model's handlers) more readily.
function badDelay(delayMs: number): never {
  throw new RangeError(`negative or invalid delay ${delayMs} ms`);
}

function badTime(timeMs: number, nowMs: number): never {
  throw new RangeError(`time ${timeMs} ms is before now (${nowMs} ms)`);
}
