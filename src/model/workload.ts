/**
 * Workloads send requests to entry endpoints. Open workloads arrive as a Poisson process whose
 * rate follows a piecewise-linear schedule (steps, ramps, spikes): exact inversion on constant
 * pieces, Lewis–Shedler thinning on ramps, restarting at each piece boundary (memorylessness).
 * Closed workloads are N users that each send one request, wait for the answer, think, repeat;
 * each user starts with one think time so users do not all arrive at t = 0.
 */
import {
  type Distribution,
  type RandomStream,
  type Simulation,
  TimeoutQueue,
} from '../engine/index.ts';
import type { EntryStats } from '../metrics/entry-stats.ts';
import { Outcome } from '../metrics/outcome.ts';
import type { Metrics } from '../metrics/recorder.ts';
import type { RequestSeries } from '../metrics/series.ts';
import type { RatePiece } from '../scenario/types.ts';
import { type Entry, Request } from './frame.ts';
import { arriveAtService, finishRequest } from './journey.ts';
import { type Hop, travel } from './network.ts';
import type { RequestPool } from './request-pool.ts';
import type { EndpointRuntime } from './service.ts';

/** Shared request counter of a run (`next - 1` requests were sent so far). */
export class RequestIds {
  next = 1;
}

/** One entry endpoint of one workload, with its statistics and client hops. */
export class EntryRuntime implements Entry {
  readonly #timeouts: TimeoutQueue<Request> | null;
  constructor(
    readonly sim: Simulation,
    readonly metrics: Metrics,
    readonly endpoint: EndpointRuntime,
    readonly stats: EntryStats,
    readonly series: RequestSeries,
    readonly hopOut: Hop,
    readonly hopBack: Hop,
    readonly timeoutMs: number,
    readonly warmupMs: number,
    readonly ids: RequestIds,
  ) {
    this.#timeouts = Number.isFinite(timeoutMs)
      ? new TimeoutQueue(sim, timeoutMs, isWaiting, clientTimedOut, true)
      : null;
  }

  /** Runs when a request of this entry has its answer (closed workloads loop on it), or null. */
  onFinish: ((req: Request, outcome: Outcome) => void) | null = null;

  /** The free requests `send` reuses, or null: a new object per request (model/request-pool.ts). */
  pool: RequestPool | null = null;

  /** Sends one request now. */
  send(): void {
    const pool = this.pool;
    const now = this.sim.now;
    this.sendRequest(pool === null ? new Request(this, now) : pool.take(this, now));
  }

  /** Sends `req`, made now for this entry (a user's request carries its credential). */
  sendRequest(req: Request): void {
    const now = this.sim.now;
    this.ids.next++;
    this.metrics.arrived(this.stats, this.series, req.counted, now);
    if (this.#timeouts !== null) this.#timeouts.add(req);
    travel(this.sim, this.hopOut, arriveAtService, req);
  }
}

function isWaiting(req: Request): boolean {
  return !req.finished;
}

function clientTimedOut(req: Request): void {
  finishRequest(req, Outcome.timedOut, 'timeout: client gave up');
}

/** Chooses an entry by weight (a single entry needs no draw). */
export function createChooser(
  entries: EntryRuntime[],
  weights: number[],
  rng: RandomStream,
): () => EntryRuntime {
  if (entries.length === 1) return () => entries[0];
  const total = weights.reduce((a, b) => a + b, 0);
  const cumulative: number[] = [];
  let acc = 0;
  for (const w of weights) {
    acc += w / total;
    cumulative.push(acc);
  }
  return () => {
    const u = rng.next();
    for (let i = 0; i < cumulative.length - 1; i++) if (u < cumulative[i]) return entries[i];
    return entries[entries.length - 1];
  };
}

/** An open workload: Poisson arrivals at a scheduled rate. */
export class OpenWorkload {
  #piece = 0;
  #t = 0;
  readonly #choose: () => EntryRuntime;
  readonly #fire = () => this.#arrive();

  constructor(
    private readonly sim: Simulation,
    private readonly pieces: RatePiece[],
    entries: EntryRuntime[],
    weights: number[],
    private readonly arrivals: RandomStream,
    mix: RandomStream,
  ) {
    this.#choose = createChooser(entries, weights, mix);
  }

  /** Schedules the first arrival. */
  start(): void {
    this.#scheduleNext();
  }

  #arrive(): void {
    this.#choose().send();
    this.#scheduleNext();
  }

  #scheduleNext(): void {
    const rng = this.arrivals;
    // The common case first: the current piece has a constant rate and the next arrival falls
    // inside it. The same draw and arithmetic as the loop below (whose maxRate is then fromPerMs)
    // without its other checks (M/M/1 ~5 % faster, measured); otherwise the loop takes over.
    if (this.#piece < this.pieces.length) {
      const p = this.pieces[this.#piece];
      if (p.fromPerMs === p.toPerMs && p.fromPerMs > 0 && this.#t >= p.startMs) {
        const t = this.#t - Math.log(1 - rng.next()) / p.fromPerMs;
        if (t < p.endMs) {
          this.#t = t;
          this.sim.scheduleAt(t, this.#fire);
          return;
        }
        this.#t = p.endMs;
        this.#piece++;
      }
    }
    while (this.#piece < this.pieces.length) {
      const p = this.pieces[this.#piece];
      if (this.#t < p.startMs) this.#t = p.startMs;
      const maxRate = Math.max(p.fromPerMs, p.toPerMs);
      if (maxRate > 0) {
        const t = this.#t - Math.log(1 - rng.next()) / maxRate;
        if (t < p.endMs) {
          this.#t = t;
          // thinning: accept with probability rate(t) / maxRate (always on constant pieces)
          if (p.fromPerMs === p.toPerMs) {
            this.sim.scheduleAt(t, this.#fire);
            return;
          }
          const rate =
            p.fromPerMs + ((p.toPerMs - p.fromPerMs) * (t - p.startMs)) / (p.endMs - p.startMs);
          if (rng.next() * maxRate < rate) {
            this.sim.scheduleAt(t, this.#fire);
            return;
          }
          continue;
        }
      }
      this.#t = p.endMs;
      this.#piece++;
    }
  }
}

/** A closed workload: users who send a request, wait for the answer, think, and repeat. */
export class ClosedWorkload {
  readonly #choose: () => EntryRuntime;
  readonly #think = () => {
    this.sim.schedule(this.thinkTime.sample(), this.#send);
  };
  readonly #send = () => {
    this.#choose().send();
  };

  constructor(
    private readonly sim: Simulation,
    private readonly users: number,
    private readonly thinkTime: Distribution,
    entries: EntryRuntime[],
    weights: number[],
    mix: RandomStream,
  ) {
    this.#choose = createChooser(entries, weights, mix);
    // each answered request starts its user's next think time
    for (const e of entries) e.onFinish = this.#think;
  }

  /** Starts every user with one think time. */
  start(): void {
    for (let i = 0; i < this.users; i++) this.#think();
  }
}
