/**
 * A distributed cache (Redis-like) as a component of its own: servers with threads and a FIFO
 * queue, one store shared by every caller, a network hop each way. A list step asks it for the
 * keys of one reference in one round trip (MGET), fetches the misses from their owner, then
 * writes them back without waiting (a fire-and-forget MSET). The cache takes the whole load of
 * every caller: it is a shared dependency (a SPoF). When it rejects an operation (queue full)
 * the caller treats every key as a miss and goes to the owner (cache-aside fallback).
 * Simplifications: the servers share one store (no sharding, no replication lag); an operation
 * costs opTime per key.
 */
import { type Distribution, Grant, type Simulation, TimeoutQueue } from '../../engine/index.ts';
import { Outcome } from '../../metrics/outcome.ts';
import type { StationStats } from '../../metrics/station-stats.ts';
import { type FaultState, type StruckUnit, strike } from '../faults.ts';
import type { Frame } from '../frame.ts';
import type { KeySpaceRuntime } from '../key-space.ts';
import { type Hop, travel } from '../network.ts';
import { Server } from '../server.ts';
import type { CacheRuntime } from './cache-runtime.ts';
import type { CacheStore } from './cache-store.ts';
import { KvConnection } from './kv-connection.ts';

/** What waits for a lookup's answer (a list step's job): it gets the operation back. */
export interface CacheWaiter {
  cacheAnswered(op: CacheOp): void;
}

/** One operation on the distributed cache: a lookup of some keys, or a write-back. */
export class CacheOp {
  sinceMs = -0;
  server: CacheServer | null = null;
  /** Lookups: how many keys missed (moved to the front of `keys`). */
  misses = 0;
  /** A key-value step's operation (GET/SET of opaque values): its client, else null. */
  kv: KvClient | null = null;
  /** Key-value operations: still waited for (false after a timeout), and whether it failed. */
  waiting = true;
  failed = false;
  /** Refused by a crashed server or a refusing link, or reset: the connection is gone. */
  lost = false;
  /** Waiting for its client to reconnect (kv-connection.ts). */
  parked = false;
  constructor(
    /** The frame of the list step that asked (null for a write-back). */
    readonly frame: Frame | null,
    readonly job: CacheWaiter | null,
    readonly refIndex: number,
    readonly ks: KeySpaceRuntime | null,
    readonly keys: Int32Array,
    readonly hopBack: Hop | null,
  ) {}
}

/** One server of the distributed cache. */
export type CacheServer = Server<CacheOp>;

/** The servers and shared store of a distributed cache. */
export class DistributedCache {
  readonly store: CacheStore;
  readonly servers: CacheServer[] = [];
  /** The clients' connections by calling service (only with the cache's `client:`). */
  readonly connections = new Map<string, KvConnection<CacheOp>>();
  #next = 0;

  constructor(
    readonly cache: CacheRuntime,
    private readonly sim: Simulation,
    readonly stats: StationStats,
    private readonly opTime: Distribution,
  ) {
    this.store = cache.newStore();
    const def = cache.def;
    for (let i = 0; i < def.instances; i++) {
      this.servers.push(
        new Server(def.threads, def.queueCapacity, this.#run, stats.busy[i], stats.queue[i]),
      );
    }
  }

  /** Sends a lookup of keys (a copy the op keeps) for the list step of frame `f`. */
  lookup(
    f: Frame,
    job: CacheWaiter,
    refIndex: number,
    ks: KeySpaceRuntime,
    keys: Int32Array,
    hopOut: Hop,
    hopBack: Hop,
  ): void {
    travel(this.sim, hopOut, this.#arrive, new CacheOp(f, job, refIndex, ks, keys, hopBack));
  }

  /** A key-value operation of `keys` keys for frame `f` (a GET or SET of opaque values). */
  kvOp(client: KvClient, f: Frame, keys: number, hopOut: Hop, hopBack: Hop): CacheOp {
    const op = new CacheOp(f, null, 0, null, new Int32Array(keys), hopBack);
    op.kv = client;
    travel(this.sim, hopOut, this.#arrive, op);
    return op;
  }

  /** The connection of `caller`'s clients (null: no `client:`, every operation is sent). */
  connection(caller: string): KvConnection<CacheOp> | null {
    const def = this.cache.def.client;
    if (def === null) return null;
    let c = this.connections.get(caller);
    if (c === undefined) {
      c = new KvConnection(def, this, this.sim, failLost);
      this.connections.set(caller, c);
    }
    return c;
  }

  /** Sends a key-value operation made earlier (its client's connection let it go). */
  send(op: CacheOp): void {
    op.lost = false;
    op.failed = false;
    travel(this.sim, (op.kv as KvClient).hopOut, this.#arrive, op);
  }

  /** Whether some server is up (a reconnect attempt succeeds). */
  reachable(): boolean {
    for (const s of this.servers) if (s.fault === null || s.fault.down === 0) return true;
    return false;
  }

  /** Writes fetched rows back, without anyone waiting for it. */
  writeBack(ks: KeySpaceRuntime, keys: Int32Array, hopOut: Hop): void {
    travel(this.sim, hopOut, this.#arrive, new CacheOp(null, null, 0, ks, keys, null));
  }

  readonly #arrive = (op: CacheOp) => {
    this.stats.arrivals++;
    const server = this.servers[this.#next];
    this.#next = (this.#next + 1) % this.servers.length;
    op.server = server;
    const fs = server.fault;
    if (fs?.active && strike(fs, this.sim, op, this.#unit)) return;
    this.#enter(op);
  };

  /** How faults turn operations away at a server (see strike). */
  readonly #unit: StruckUnit<CacheOp> = {
    refuse: (op) => {
      // a crashed server refuses the connection; an injected error is only an error reply
      op.lost = ((op.server as CacheServer).fault as FaultState).down > 0;
      this.refuse(op);
    },
    // no answer until the server comes back: counted as turned away now
    swallow: () => {
      this.stats.rejected++;
    },
    enter: (op) => this.#enter(op),
  };

  /** The operation at its server asks for a thread: granted, queued, or rejected. */
  readonly #enter = (op: CacheOp) => {
    const g = (op.server as CacheServer).admit(op, this.sim.now);
    if (g === Grant.rejected) this.refuse(op);
    else if (g === Grant.granted) this.#run(op);
  };

  /**
   * The cache turns an operation away (queue full, a crash, an injected error, a refusing
   * link): the caller treats every key as a miss and goes to the owner (cache-aside).
   */
  refuse(op: CacheOp): void {
    this.stats.rejected++;
    this.reset(op);
  }

  /** A refusing link turns an operation away: as a refusal, with the connection gone. */
  lose(op: CacheOp): void {
    op.lost = true;
    this.refuse(op);
  }

  /** An operation a hanging server swallowed is answered as failed (already counted). */
  reset(op: CacheOp): void {
    op.lost = true;
    this.cache.stats.failedOps++;
    if (op.kv !== null) {
      op.failed = true;
      travel(this.sim, op.hopBack as Hop, op.kv.answered, op);
      return;
    }
    op.misses = op.keys.length;
    this.cache.stats.misses += op.frame === null ? 0 : op.keys.length;
    this.#reply(op);
  }

  readonly #run = (op: CacheOp) => {
    const now = this.sim.now;
    const server = op.server as CacheServer;
    server.observe(now);
    this.stats.recordWait(now - op.sinceMs);
    const fs = server.fault;
    const factor = fs === null ? 1 : fs.slow;
    this.sim.schedule(this.opTime.sample() * op.keys.length * factor, this.#end, op);
  };

  readonly #end = (op: CacheOp) => {
    const now = this.sim.now;
    const server = op.server as CacheServer;
    server.threads.release();
    server.observe(now);
    this.stats.completed++;
    if (op.kv !== null) {
      travel(this.sim, op.hopBack as Hop, op.kv.answered, op);
      return;
    }
    const ks = op.ks as KeySpaceRuntime;
    if (op.frame === null) {
      this.cache.put(this.store, ks, op.keys, now);
      this.cache.stats.fills += op.keys.length;
      return;
    }
    op.misses = this.cache.lookup(this.store, ks, op.keys, op.keys.length, now);
    this.#reply(op);
  };

  #reply(op: CacheOp): void {
    if (op.frame === null) return;
    travel(this.sim, op.hopBack as Hop, answerLookup, op);
  }
}

/** A lookup's answer reaches its caller. */
function answerLookup(op: CacheOp): void {
  (op.job as CacheWaiter).cacheAnswered(op);
}

/** A lost operation whose client does not wait fails now (the connection's `fail`). */
function failLost(op: CacheOp): void {
  op.failed = true;
  (op.kv as KvClient).finish(op);
}

/**
 * A key-value step on a distributed cache used as a store (Redis GET/SET of sessions, tokens,
 * counters): one round trip, opTime per key on a server thread, answered ok or failed. A
 * refused or unanswered operation (after `timeoutMs`) fails the step. The values are opaque:
 * the store's cache statistics are not touched. With the cache's `client:`, the calling
 * service's connection (kv-connection.ts) decides what happens while the store is gone.
 */
export class KvClient {
  readonly #timeouts: TimeoutQueue<CacheOp>;
  readonly failCause: string;
  /** The calling service's connection (null: every operation is sent, as before `client:`). */
  readonly connection: KvConnection<CacheOp> | null;
  constructor(
    readonly remote: DistributedCache,
    readonly sim: Simulation,
    readonly keys: number,
    readonly hopOut: Hop,
    readonly hopBack: Hop,
    timeoutMs: number,
    /** Resumes the frame (advance). */
    private readonly resume: (f: Frame) => void,
    /** The calling service (its clients share one connection). */
    caller: string,
  ) {
    this.#timeouts = new TimeoutQueue(sim, timeoutMs, (op) => op.waiting, this.#timedOut);
    this.failCause = `kv failed: ${remote.cache.def.id} unavailable`;
    this.connection = remote.connection(caller);
  }

  op(f: Frame): void {
    const conn = this.connection;
    if (conn === null) {
      this.#timeouts.add(this.remote.kvOp(this, f, this.keys, this.hopOut, this.hopBack));
      return;
    }
    const op = new CacheOp(f, null, 0, null, new Int32Array(this.keys), this.hopBack);
    op.kv = this;
    this.#timeouts.add(op);
    conn.submit(op);
  }

  readonly answered = (op: CacheOp): void => {
    if (!op.waiting) return;
    if (op.failed && op.lost && this.connection?.lostOp(op)) return;
    this.finish(op);
  };

  /** The operation is answered (failed or not): its frame goes on. */
  finish(op: CacheOp): void {
    if (!op.waiting) return;
    op.waiting = false;
    const f = op.frame as Frame;
    if (op.failed) {
      f.error = Outcome.failed;
      f.cause = this.failCause;
    }
    this.resume(f);
  }

  readonly #timedOut = (op: CacheOp): void => {
    op.waiting = false;
    this.connection?.abandoned(op);
    const f = op.frame as Frame;
    f.error = Outcome.failed;
    f.cause = this.failCause;
    this.resume(f);
  };
}
