/**
 * Resilience policies of a call step, as in Resilience4j / Polly / Finagle:
 *
 * - **bulkhead**: at most N calls of this step in flight per caller instance; one more fails
 *   at once (no queue).
 * - **circuit breaker** (count-based): closed, it records the last `window` outcomes; once it
 *   holds `minCalls` of them and the failure share (or the slow share, calls slower than
 *   `slowCall`) reaches its threshold, it opens. Open, every call fails at once; after
 *   `openFor` it lets `halfOpenCalls` trial calls through (half-open): if they fail as often as
 *   the threshold it opens again, else it closes with an empty window.
 * - **retry**: a failed attempt (of the kinds listed in `on`) is retried after a backoff of
 *   backoff × multiplier^(n−1), capped at maxBackoff, with jitter (full: uniform in [0, b];
 *   equal: b/2 + uniform in [0, b/2]), up to `attempts` attempts in all. A budget bounds the
 *   retries to a share of the calls (a token bucket: every first attempt adds `budget` tokens,
 *   capped at 10 + budget, and a retry takes one). Short-circuited and bulkhead-rejected
 *   attempts are not retried.
 * - **fallback**: when the call finally fails, the frame goes on as if it had succeeded (after
 *   the fallback's time) and the request is marked degraded.
 *
 * The caller's thread is held during the attempts and backoffs (the caller blocks). Every
 * attempt is a real call: the callee's load counts the retries (retry amplification).
 * Simplification: the breaker and the retry budget are shared by the caller's instances (one
 * per call step), the bulkhead is per instance.
 */
import type {
  Distribution,
  DistributionSpec,
  RandomStream,
  Simulation,
  TimeoutQueue,
} from '../engine/index.ts';
import type { CallPolicyStats } from '../metrics/call-policy-stats.ts';
import { Outcome } from '../metrics/outcome.ts';
import type { SpanEvent } from '../metrics/traces.ts';
import { CallData, type Frame, Invocation, type ReplyWaiter } from './frame.ts';
import { activeTracer } from './journey.ts';
import { type Hop, travel } from './network.ts';
import type { EndpointRuntime, Instance } from './service.ts';

/** Retries, circuit breaker, bulkhead and fallback of a call step (each null when absent). */
export interface CallPolicyDef {
  retry: {
    attempts: number;
    backoffMs: number;
    multiplier: number;
    maxBackoffMs: number;
    jitter: 'none' | 'full' | 'equal';
    /** Retries per first attempt allowed (token bucket); null for no budget. */
    budget: number | null;
    on: ('timedOut' | 'failed' | 'rejected')[];
  } | null;
  breaker: {
    failureRate: number;
    /** A call slower than this counts as slow; null: slowness is not judged. */
    slowCallMs: number | null;
    slowRate: number;
    window: number;
    minCalls: number;
    openForMs: number;
    halfOpenCalls: number;
  } | null;
  bulkhead: number | null;
  fallback: { kind: 'default' | 'cached' | 'degraded'; time: DistributionSpec | null } | null;
}

const CLOSED = 0;
const OPEN = 1;
const HALF_OPEN = 2;

/** A count-based circuit breaker. */
export class CircuitBreaker {
  state = CLOSED;
  #outcomes: Uint8Array; // ring of the last `window` outcomes: bit 0 failure, bit 1 slow
  #count = 0;
  #next = 0;
  #failures = 0;
  #slow = 0;
  #openedAt = 0;
  /** Half-open: trial calls let through, and their outcomes so far. */
  #trials = 0;
  #trialOutcomes = 0;
  #trialFailures = 0;
  #trialSlow = 0;
  constructor(
    private readonly def: NonNullable<CallPolicyDef['breaker']>,
    private readonly stats: CallPolicyStats,
  ) {
    this.#outcomes = new Uint8Array(def.window);
  }

  /** Whether a call may go out at `nowMs` (an open breaker turns half-open after openFor). */
  allow(nowMs: number): boolean {
    if (this.state === OPEN) {
      if (nowMs - this.#openedAt < this.def.openForMs) return false;
      this.state = HALF_OPEN;
      this.#trials = 0;
      this.#trialOutcomes = 0;
      this.#trialFailures = 0;
      this.#trialSlow = 0;
      this.stats.openMs += nowMs - this.stats.openSinceMs;
      this.stats.openSinceMs = -1;
    }
    if (this.state === HALF_OPEN) {
      if (this.#trials >= this.def.halfOpenCalls) return false;
      this.#trials++;
    }
    return true;
  }

  /** Records the outcome of a call that went out. */
  record(failed: boolean, durationMs: number, nowMs: number): void {
    const slow = this.def.slowCallMs !== null && durationMs > this.def.slowCallMs;
    if (this.state === HALF_OPEN) {
      this.#trialOutcomes++;
      if (failed) this.#trialFailures++;
      if (slow) this.#trialSlow++;
      if (this.#trialOutcomes < this.def.halfOpenCalls) return;
      if (this.#tripped(this.#trialFailures, this.#trialSlow, this.#trialOutcomes))
        this.#open(nowMs);
      else this.#close();
      return;
    }
    if (this.state === OPEN) return; // a call sent before the breaker opened
    const bits = (failed ? 1 : 0) | (slow ? 2 : 0);
    if (this.#count === this.def.window) {
      const old = this.#outcomes[this.#next];
      if (old & 1) this.#failures--;
      if (old & 2) this.#slow--;
    } else this.#count++;
    this.#outcomes[this.#next] = bits;
    this.#next = (this.#next + 1) % this.def.window;
    if (failed) this.#failures++;
    if (slow) this.#slow++;
    if (this.#count >= this.def.minCalls && this.#tripped(this.#failures, this.#slow, this.#count))
      this.#open(nowMs);
  }

  #tripped(failures: number, slow: number, n: number): boolean {
    return (
      failures / n >= this.def.failureRate ||
      (this.def.slowCallMs !== null && slow / n >= this.def.slowRate)
    );
  }

  #open(nowMs: number): void {
    this.state = OPEN;
    this.#openedAt = nowMs;
    this.stats.breakerOpened++;
    this.stats.openSinceMs = nowMs;
  }

  #close(): void {
    this.state = CLOSED;
    this.#count = 0;
    this.#next = 0;
    this.#failures = 0;
    this.#slow = 0;
  }
}

/** The policies of one call step and their state. */
export class CallPolicy {
  readonly breaker: CircuitBreaker | null;
  /** In-flight calls per caller instance (bulkhead). */
  readonly inFlight: Int32Array;
  #tokens: number;
  readonly openCause: string;
  readonly bulkheadCause: string;
  readonly retryOn: boolean[];

  constructor(
    readonly def: CallPolicyDef,
    readonly sim: Simulation,
    readonly stats: CallPolicyStats,
    readonly target: EndpointRuntime,
    readonly hopOut: Hop,
    readonly hopBack: Hop,
    readonly timeouts: TimeoutQueue<Invocation> | null,
    readonly timeoutCause: string,
    instances: number,
    /** Jitter draws. */
    readonly rng: RandomStream,
    /** The fallback's time (null: none). */
    readonly fallbackTime: Distribution | null,
    /** Sends a call (arriveAtService, passed in to avoid an import cycle). */
    readonly send: (inv: Invocation) => void,
    /** Resumes the calling frame (advance). */
    readonly resume: (f: Frame) => void,
  ) {
    this.breaker = def.breaker === null ? null : new CircuitBreaker(def.breaker, stats);
    this.inFlight = new Int32Array(instances);
    this.#tokens = def.retry?.budget === null || def.retry === null ? 0 : 10;
    this.openCause = `circuit open: ${stats.from} → ${stats.to}`;
    this.bulkheadCause = `bulkhead full: ${stats.from} → ${stats.to}`;
    this.retryOn = [false, false, false, false];
    for (const o of def.retry?.on ?? []) {
      this.retryOn[
        o === 'rejected' ? Outcome.rejected : o === 'timedOut' ? Outcome.timedOut : Outcome.failed
      ] = true;
    }
  }

  /** A first attempt deposits budget tokens (capped). */
  deposit(): void {
    const budget = this.def.retry?.budget;
    if (budget === null || budget === undefined) return;
    this.#tokens = Math.min(10 + budget, this.#tokens + budget);
  }

  /** Whether the budget allows one more retry (and takes a token if so). */
  withdraw(): boolean {
    const budget = this.def.retry?.budget;
    if (budget === null || budget === undefined) return true;
    if (this.#tokens < 1) return false;
    this.#tokens -= 1;
    return true;
  }

  /** The wait before retry number `n` (1-based), with jitter. */
  backoff(n: number): number {
    const r = this.def.retry as NonNullable<CallPolicyDef['retry']>;
    // finite, so that a jitter draw of 0 never makes it NaN (Infinity × 0)
    const b = Math.min(r.maxBackoffMs, r.backoffMs * r.multiplier ** (n - 1), Number.MAX_VALUE);
    if (r.jitter === 'full') return b * this.rng.next();
    if (r.jitter === 'equal') return b / 2 + (b / 2) * this.rng.next();
    return b;
  }

  /** Starts the call of frame `f` under the policies. */
  start(f: Frame): void {
    this.stats.calls++;
    this.deposit();
    new PolicyCall(f, this).attempt();
  }
}

/** One call of a step with policies: its attempts, until success, a final failure or a fallback. */
class PolicyCall implements ReplyWaiter {
  #attempt = 0;
  #sentMs = 0;
  #instance: number;
  readonly #data: CallData;
  constructor(
    readonly f: Frame,
    readonly p: CallPolicy,
  ) {
    this.#instance = (f.inv.instance as Instance).index;
    this.#data = new CallData(this, 1, null, 0);
  }

  readonly attempt = (): void => {
    const p = this.p;
    const now = p.sim.now;
    this.#attempt++;
    // refused before anything is sent: the frame resumes later in this instant, not inside
    // the stack of the step that started the call
    if (p.breaker !== null && !p.breaker.allow(now)) {
      p.stats.shortCircuited++;
      this.#trace('short-circuit', now);
      this.#finish(Outcome.failed, p.openCause, true);
      return;
    }
    if (p.def.bulkhead !== null) {
      if (p.inFlight[this.#instance] >= p.def.bulkhead) {
        p.stats.bulkheadRejected++;
        this.#trace('bulkhead-full', now);
        this.#finish(Outcome.rejected, p.bulkheadCause, true);
        return;
      }
      p.inFlight[this.#instance]++;
    }
    p.stats.attempts++;
    const req = this.f.inv.request;
    req.callCount++;
    const child = new Invocation(req, p.target, this.f);
    child.replyHop = p.hopBack;
    child.data = this.#data;
    this.#sentMs = now;
    if (activeTracer !== null) activeTracer.callSent(this.f, now);
    if (p.timeouts !== null) p.timeouts.add(child);
    travel(p.sim, p.hopOut, p.send, child);
  };

  onReply(inv: Invocation): void {
    this.#settle(inv.error, inv.cause);
  }

  onTimeout(child: Invocation): void {
    this.#trace('timeout', this.p.sim.now);
    if (activeTracer !== null) activeTracer.attemptAbandoned(child, this.p.sim.now);
    this.#settle(Outcome.timedOut, this.p.timeoutCause);
  }

  /** Notes `what` on the caller's visit span when the run is traced. */
  #trace(what: SpanEvent['name'], nowMs: number): void {
    if (activeTracer === null) return;
    const t = this.p.target;
    activeTracer.event(this.f.inv, what, nowMs, `${t.service.id}/${t.name}`);
  }

  /** An attempt is over: record it, then succeed, retry or give up. */
  #settle(outcome: Outcome, cause: string): void {
    const p = this.p;
    const now = p.sim.now;
    if (p.def.bulkhead !== null) p.inFlight[this.#instance]--;
    if (p.breaker !== null) p.breaker.record(outcome !== Outcome.ok, now - this.#sentMs, now);
    if (outcome === Outcome.ok) {
      p.resume(this.f);
      return;
    }
    const r = p.def.retry;
    if (r !== null && p.retryOn[outcome] && this.#attempt < r.attempts) {
      if (p.withdraw()) {
        p.stats.retries++;
        this.#trace('retry', now);
        p.sim.schedule(p.backoff(this.#attempt), this.attempt);
        return;
      }
      p.stats.retriesDenied++;
    }
    this.#finish(outcome, cause, false);
  }

  /** The call failed for good: fall back, or fail the frame. */
  #finish(outcome: Outcome, cause: string, sync: boolean): void {
    const p = this.p;
    const f = this.f;
    let delay = 0;
    if (p.def.fallback !== null) {
      p.stats.fallbacks++;
      this.#trace('fallback', p.sim.now);
      f.inv.request.degraded = true;
      if (p.fallbackTime !== null) delay = p.fallbackTime.sample();
    } else {
      f.error = outcome;
      f.cause = cause;
    }
    if (delay > 0 || sync) p.sim.schedule(delay, p.resume, f);
    else p.resume(f);
  }
}
