/**
 * A frozen process (`crash: freeze`: SIGSTOP, a long stop-the-world GC, a paused VM) on one
 * service instance. Unlike a crash, the kernel keeps the listening socket: arrivals are accepted
 * into its accept queue (`backlog` connections) and wait there; once it is full, arrivals get no
 * answer at all (their callers wait for their timeouts). Work in progress stops: a CPU or sleep
 * step that would run into a freeze ends that much later (its remaining work resumes after), no
 * queued visit gets a thread, and a visit whose steps end during the freeze answers only at the
 * resume. At the resume the accept queue is let in, in arrival order, whether or not the callers
 * still wait: the work done for callers that gave up is counted as wasted.
 *
 * Simplifications: the freeze windows are known from the timeline, so a step's end is computed
 * when it starts (exact for CPU and sleep steps); a visit that was waiting downstream when the
 * freeze struck takes its answer during the freeze and may send its next call or query then
 * (only its own CPU and sleep steps and its answer wait); its call timeouts fire on time. The
 * accept queue counts connections as requests (one request per connection; a caller's
 * keep-alive connections are not modelled). Wasted work is counted when the queue is let in:
 * a caller that gives up while its visit is being served is not counted.
 */
import type { FreezeStats } from '../metrics/freeze-stats.ts';
import type { FaultWindow } from '../scenario/types.ts';

/** The freeze of one unit: its windows, its accept queue and what waits for the resume. */
export class Freeze<T> {
  /** The freeze windows merged, flat: [start0, end0, start1, end1, …] in time order (ms). */
  #windows: number[] = [];
  /** The first window that may still matter (the clock only moves forward). */
  #cursor = 0;
  /** Connections the accept queue holds (the largest of the freezes striking the unit). */
  #backlogSize = 0;
  /** Arrivals accepted while frozen, in order, and how each gets in at the resume. */
  readonly #backlog: T[] = [];
  #enter: ((item: T) => void) | null = null;
  /** What waits for the resume: function and argument pairs. */
  readonly #held: [(arg: never) => void, unknown][] = [];

  constructor(
    readonly stats: FreezeStats,
    /** Whether a queued arrival's caller has already given up (its work will be wasted). */
    private readonly abandoned: (item: T) => boolean,
  ) {}

  /** Adds the windows of one freeze fault, with its accept queue's size. */
  addWindows(windows: readonly FaultWindow[], backlog: number): void {
    const all: [number, number][] = [];
    for (let i = 0; i < this.#windows.length; i += 2)
      all.push([this.#windows[i], this.#windows[i + 1]]);
    for (const w of windows) if (w.endMs > w.startMs) all.push([w.startMs, w.endMs]);
    all.sort((a, b) => a[0] - b[0]);
    const merged: number[] = [];
    for (const [s, e] of all) {
      const n = merged.length;
      if (n > 0 && s <= merged[n - 1]) merged[n - 1] = Math.max(merged[n - 1], e);
      else merged.push(s, e);
    }
    this.#windows = merged;
    this.#backlogSize = Math.max(this.#backlogSize, backlog);
  }

  /**
   * How long `ms` of the unit's own work started at `nowMs` takes with the freezes: the time it
   * runs into a freeze waits for the resume. `ms` itself (the same number) when no freeze is in
   * the way.
   */
  stretch(ms: number, nowMs: number): number {
    const w = this.#windows;
    let i = this.#cursor;
    while (i < w.length && w[i + 1] <= nowMs) i += 2;
    this.#cursor = i;
    let t = nowMs;
    let left = ms;
    let moved = false;
    for (; i < w.length; i += 2) {
      const start = w[i];
      if (t < start) {
        if (t + left <= start) break;
        left -= start - t;
      }
      t = w[i + 1];
      moved = true;
    }
    return moved ? t + left - nowMs : ms;
  }

  /** An arrival while frozen: kept in the accept queue, or (full) never answered. */
  arrive(item: T, enter: (item: T) => void, drop: (item: T) => void): void {
    const s = this.stats;
    if (this.#backlog.length >= this.#backlogSize) {
      s.dropped++;
      drop(item);
      return;
    }
    this.#enter = enter;
    this.#backlog.push(item);
    s.accepted++;
    if (this.#backlog.length > s.maxBacklog) s.maxBacklog = this.#backlog.length;
  }

  /** Something of the unit that must wait for the resume (a visit's end, its answer). */
  hold<A>(fn: (arg: A) => void, arg: A): void {
    this.stats.held++;
    this.#held.push([fn as (arg: never) => void, arg]);
  }

  /** The unit froze. */
  began(): void {
    this.stats.freezes++;
  }

  /**
   * The unit is back: what waited for it runs (visits end and answer), then the accept queue is
   * let in, in arrival order, callers waiting or not.
   */
  resumed(): void {
    const held = this.#held.splice(0);
    for (const [fn, arg] of held) fn(arg as never);
    const queued = this.#backlog.splice(0);
    const enter = this.#enter;
    if (enter === null) return;
    const s = this.stats;
    for (const item of queued) {
      s.served++;
      if (this.abandoned(item)) s.wasted++;
      enter(item);
    }
  }
}
