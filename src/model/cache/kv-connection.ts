/**
 * A client library's connection to a key-value store (a distributed cache's `client:`), shared
 * by every kv client of one calling service: what operations do while the store is unreachable,
 * and when the client reconnects. Client libraries decide what an outage looks like: ioredis by
 * default queues commands offline until it reconnects (no errors, long waits), a fail-fast
 * client errors at once, a pooled blocking client waits up to a limit; all of them reconnect
 * only on their own schedule, so recovery comes after the store is back by up to one backoff.
 *
 * States: connected → an operation comes back lost (refused by a crashed server or a refusing
 * link, or reset when a hanging server returns) → disconnected; the client then tries to
 * reconnect after `backoffMs`, then after delays that grow (constant: the same; linear:
 * k × backoff; exponential: backoff × 2^(k−1)) up to `maxMs`. An attempt succeeds when some
 * server of the store is up; the operations waiting for it are then sent in arrival order.
 * While disconnected an operation fails at once (`fail`), waits up to `blockLimitMs` (`block`)
 * or waits in a queue of at most `queueLimit` (`queue`; a full queue fails it at once). The
 * step's own timeout still counts from the moment the operation was asked for.
 *
 * Simplifications (stated in the docs): one connection state per calling service, shared by
 * its instances (they lose the store together, and reconnect together); a reconnect attempt
 * takes no time and sees only the servers' crashes (not link faults); an error reply or a full
 * server queue is not a lost connection; the operation that finds the store gone waits (or
 * fails) like the ones after it (as ioredis resends unanswered commands after reconnecting).
 */
import { Fifo, type Simulation, TimeoutQueue } from '../../engine/index.ts';
import type { KvClientDef } from '../../scenario/types.ts';

/** An operation as the connection sees it (a CacheOp of distributed-cache.ts). */
export interface ParkableOp {
  /** Waiting for the reconnect. */
  parked: boolean;
  /** When it started waiting (ms). */
  sinceMs: number;
}

/** The store as the connection sees it (a DistributedCache). */
export interface ConnectionStore<Op> {
  /** Sends an operation to the store. */
  send(op: Op): void;
  /** Whether a reconnect attempt now succeeds. */
  reachable(): boolean;
}

/** One up-and-down of a connection, for tests and timelines. */
export interface ConnectionOutage {
  /** When the client saw the store gone (ms). */
  lostAtMs: number;
  /** When it reconnected (ms; NaN while still disconnected). */
  backAtMs: number;
  /** Reconnect attempts it made. */
  attempts: number;
}

/** The outages a connection keeps (the earliest ones; a long run with many flaps keeps a count). */
const KEPT_OUTAGES = 1000;

export class KvConnection<CacheOp extends ParkableOp = ParkableOp> {
  connected = true;
  /** Outages seen (the first KEPT_OUTAGES), and their number. */
  readonly outages: ConnectionOutage[] = [];
  lost = 0;
  /** Operations failed at once while disconnected (fail mode, or a full queue). */
  failedFast = 0;
  /** Operations that waited for a reconnect (block or queue), and those whose block limit ran out. */
  waited = 0;
  blockExpired = 0;
  #attempt = 0;
  #outage: ConnectionOutage | null = null;
  readonly #waiting = new Fifo<CacheOp>();
  /** Operations in #waiting still waiting (the others timed out and are skipped). */
  #live = 0;
  readonly #blockTimeouts: TimeoutQueue<CacheOp> | null;

  constructor(
    readonly def: KvClientDef,
    private readonly remote: ConnectionStore<CacheOp>,
    private readonly sim: Simulation,
    /** Fails an operation now (its client answers its frame). */
    private readonly fail: (op: CacheOp) => void,
  ) {
    this.#blockTimeouts =
      def.onUnavailable === 'block'
        ? new TimeoutQueue(sim, def.blockLimitMs, (op) => op.parked, this.#blockExpired)
        : null;
  }

  /** An operation is asked for: sent if connected, else handled by `onUnavailable`. */
  submit(op: CacheOp): void {
    if (this.connected) this.remote.send(op);
    else this.#unavailable(op);
  }

  /**
   * An operation came back lost (the store refused or reset it): the client disconnects if it
   * was connected. True when the operation waits for the reconnect (the caller stops there).
   */
  lostOp(op: CacheOp): boolean {
    if (this.connected) this.#disconnect();
    if (this.def.onUnavailable === 'fail') return false;
    this.#park(op);
    return op.parked;
  }

  /** The step's timeout ended the wait of `op`: it no longer counts in the queue. */
  abandoned(op: CacheOp): void {
    if (!op.parked) return;
    op.parked = false;
    this.#live--;
  }

  #unavailable(op: CacheOp): void {
    if (this.def.onUnavailable === 'fail') {
      this.failedFast++;
      this.sim.schedule(0, this.fail, op);
      return;
    }
    this.#park(op);
    if (!op.parked) this.sim.schedule(0, this.fail, op);
  }

  /** Puts `op` in the wait for the reconnect (not when the queue is full). */
  #park(op: CacheOp): void {
    if (this.def.onUnavailable === 'queue' && this.#live >= this.def.queueLimit) {
      this.failedFast++;
      return;
    }
    op.parked = true;
    op.sinceMs = this.sim.now;
    this.#live++;
    this.waited++;
    this.#waiting.push(op);
    this.#blockTimeouts?.add(op);
  }

  readonly #blockExpired = (op: CacheOp): void => {
    // an entry left from an earlier wait of the same operation (sent, lost again) is not due
    if (this.sim.now - op.sinceMs < this.def.blockLimitMs - 1e-9) return;
    op.parked = false;
    this.#live--;
    this.blockExpired++;
    this.fail(op);
  };

  #disconnect(): void {
    this.connected = false;
    this.lost++;
    this.#attempt = 0;
    this.#outage = { lostAtMs: this.sim.now, backAtMs: Number.NaN, attempts: 0 };
    if (this.outages.length < KEPT_OUTAGES) this.outages.push(this.#outage);
    this.sim.schedule(this.delayMs(1), this.#try, undefined);
  }

  /** The delay before reconnect attempt `k` (1, 2, …). */
  delayMs(k: number): number {
    const { backoffMs, maxMs, growth } = this.def;
    const d =
      growth === 'constant'
        ? backoffMs
        : growth === 'linear'
          ? k * backoffMs
          : backoffMs * 2 ** Math.min(k - 1, 60);
    return Math.min(d, maxMs);
  }

  readonly #try = (): void => {
    this.#attempt++;
    const outage = this.#outage as ConnectionOutage;
    outage.attempts = this.#attempt;
    if (!this.remote.reachable()) {
      this.sim.schedule(this.delayMs(this.#attempt + 1), this.#try, undefined);
      return;
    }
    this.connected = true;
    outage.backAtMs = this.sim.now;
    this.#outage = null;
    // send what waited, in arrival order (timed-out ones are skipped)
    while (this.#waiting.length > 0) {
      const op = this.#waiting.shift() as CacheOp;
      if (!op.parked) continue;
      op.parked = false;
      this.remote.send(op);
    }
    this.#live = 0;
  };
}
