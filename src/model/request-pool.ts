/**
 * Reused request objects (issue 15, "fewer per-request objects"). An entry whose requests
 * nothing can hold after their answer keeps a pool: each answered request goes back to it (the
 * entry's onFinish, run last by the journey's finishRequest), and the entry's next request is
 * that object made new
 * (Request.reuse) instead of a fresh one. The model's outputs are the same either way: the
 * object carries no identity that any figure reads, and every field is set again.
 *
 * Why: a request is an object of ~18 fields plus two boxed doubles, one per customer of M/M/1.
 * Young, it costs its allocation and scavenges, and every store of it into the long-lived event
 * list and thread queue takes a write barrier's slow path; a reused one is old. M/M/1's loop
 * ran ~10 % faster with it (bench/README, seventh round).
 *
 * When (decided once, when the model is built: `reusesRequests`): only where it is plain that
 * nothing keeps a request past its answer, so a reused object can never be seen twice:
 * - an open or closed workload's entry (not users, whose requests carry a credential; not a
 *   replay, whose requests may carry a traced key);
 * - no client timeout (a timed-out request is answered once by the timeout and may still be
 *   answered by the service afterwards, which must find it finished);
 * - no fault in the scenario (a swallowed or delayed visit comes back later), no trace (the
 *   recorder keeps requests), one instance (no balancer state, no autoscaling);
 * - the entry endpoint's steps are all `cpu` and `sleep` steps: no call, query or other kind
 *   that could leave something holding the request (a sessions' credential check or a trace
 *   marker is another kind, so those fall back too).
 * Everything else takes a new object per request, as before.
 */
import type { Scenario } from '../scenario/types.ts';
import { type Entry, Request, StepKind, type StepRuntime } from './frame.ts';

/** Most free requests a pool keeps (the rest go to the garbage collector: bounded memory). */
export const POOL_LIMIT = 4096;

/** The free requests of one entry. */
export class RequestPool {
  // a stack: the free requests are #free[0 .. #count); the slots above keep the requests taken
  // since (indexed stores and loads: Array push and pop are calls into builtins here)
  readonly #free: Request[] = [];
  #count = 0;

  /** Free requests held now. */
  get size(): number {
    return this.#count;
  }

  /** A request of `entry` sent at `sentMs`: a reused one when the pool has one. */
  take(entry: Entry, sentMs: number): Request {
    if (this.#count === 0) return new Request(entry, sentMs);
    const req = this.#free[--this.#count];
    req.reuse(sentMs);
    return req;
  }

  /** Takes back an answered request (once, when the client has its answer). */
  readonly give = (req: Request): void => {
    if (this.#count < POOL_LIMIT) this.#free[this.#count++] = req;
  };

  /**
   * Makes `entry` send reused requests and give them back when answered: the pool runs last
   * among what `entry.onFinish` did (a closed workload's next think time), so nothing reads a
   * request after it is back. Hooked on `onFinish` rather than added to the journey's
   * finishRequest, which then stays small enough to be inlined where replies arrive.
   */
  attach(entry: Entry & { pool: RequestPool | null }): void {
    const then = entry.onFinish;
    const give = this.give;
    entry.onFinish =
      then === null
        ? give
        : (req, outcome) => {
            then(req, outcome);
            give(req);
          };
    entry.pool = this;
  }
}

/** What decides whether an entry's requests can be reused (see the file's header). */
export interface ReuseFacts {
  /** The model's build-time fast paths are allowed (ModelOptions.fastPaths). */
  readonly fastPaths: boolean;
  readonly scenario: Pick<Scenario, 'faults'>;
  /** The model records traces. */
  readonly traced: boolean;
  /** The most instances the entry's service can have. */
  readonly maxInstances: number;
  /** The entry's client timeout, ms (Infinity: none). */
  readonly timeoutMs: number;
  /** The entry endpoint's compiled steps. */
  readonly steps: readonly StepRuntime[];
}

/** Whether an open or closed workload's entry can reuse its requests (see the file's header). */
export function reusesRequests(f: ReuseFacts): boolean {
  return (
    f.fastPaths &&
    !f.traced &&
    f.scenario.faults.length === 0 &&
    f.maxInstances === 1 &&
    !Number.isFinite(f.timeoutMs) &&
    f.steps.every((s) => s.kind === StepKind.cpu || s.kind === StepKind.sleep)
  );
}
