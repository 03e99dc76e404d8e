/**
 * A distributed cache (Redis-like) as a component of its own: servers with threads and a FIFO
 * queue, one store shared by every caller, a network hop each way. A list step asks it for the
 * keys of one reference in one round trip (MGET), fetches the misses from their owner, then
 * writes them back without waiting (a fire-and-forget MSET). The cache takes the whole load of
 * every caller: it is a shared dependency (a SPoF). When it rejects an operation (queue full)
 * the caller treats every key as a miss and goes to the owner (cache-aside fallback).
 * With the cache's `client:`, the lookups and write-backs of list steps go through the calling
 * service's connection (kv-connection.ts) as key-value operations do: while it is disconnected
 * a lookup falls back to the owner at once (`fail`), waits up to the block limit (`block`) or
 * waits in the offline queue (`queue`) before it falls back or is sent; a lookup that comes
 * back lost (refused by a crashed server or a refusing link, reset by a hanging one)
 * disconnects it. Without `client:` a failed lookup falls back to the owner at once.
 * Simplifications: the servers share one store (no sharding, no replication lag); an operation
 * costs opTime per key; a list step has no timeout of its own on its lookups (an offline queue
 * can hold it until the reconnect); a lost write-back is seen by its client at once (no hop).
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
  /** A list step's lookup or write-back through a client's connection: the way there, and it. */
  hopOut: Hop | null = null;
  conn: KvConnection<CacheOp> | null = null;
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
    const op = new CacheOp(f, job, refIndex, ks, keys, hopBack);
    const conn = this.cache.def.client === null ? null : this.connection(serviceOf(f));
    if (conn === null) travel(this.sim, hopOut, this.#arrive, op);
    else this.#submit(op, conn, hopOut);
  }

  /** Sends a list step's operation through its service's connection (`client:`). */
  #submit(op: CacheOp, conn: KvConnection<CacheOp>, hopOut: Hop): void {
    op.hopOut = hopOut;
    op.conn = conn;
    conn.submit(op);
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
      c = new KvConnection(def, this, this.sim, this.#failLost);
      this.connections.set(caller, c);
    }
    return c;
  }

  /** Sends a key-value operation made earlier (its client's connection let it go). */
  send(op: CacheOp): void {
    op.lost = false;
    op.failed = false;
    travel(this.sim, op.kv === null ? (op.hopOut as Hop) : op.kv.hopOut, this.#arrive, op);
  }

  /** Whether some server is up (a reconnect attempt succeeds). */
  reachable(): boolean {
    for (const s of this.servers) if (s.fault === null || s.fault.down === 0) return true;
    return false;
  }

  /** Writes fetched rows back for `caller`'s list step, without anyone waiting for it. */
  writeBack(ks: KeySpaceRuntime, keys: Int32Array, hopOut: Hop, caller: string): void {
    const op = new CacheOp(null, null, 0, ks, keys, null);
    const conn = this.cache.def.client === null ? null : this.connection(caller);
    if (conn === null) travel(this.sim, hopOut, this.#arrive, op);
    else this.#submit(op, conn, hopOut);
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
    this.#answerFailed(op);
  }

  /** A refusing link turns an operation away: as a refusal, with the connection gone. */
  lose(op: CacheOp): void {
    op.lost = true;
    this.refuse(op);
  }

  /** An operation a hanging server swallowed is answered as failed (already counted). */
  reset(op: CacheOp): void {
    op.lost = true;
    this.#answerFailed(op);
  }

  /**
   * Answers a refused or reset operation as failed (`lost` says whether the connection went
   * with it: a crashed server, a refusing link, a reset; not a full queue or an error reply).
   */
  #answerFailed(op: CacheOp): void {
    this.cache.stats.failedOps++;
    if (op.kv !== null) {
      op.failed = true;
      travel(this.sim, op.hopBack as Hop, op.kv.answered, op);
      return;
    }
    if (op.conn !== null) {
      // through a client: it decides when the answer is back (a write-back: at once)
      if (op.frame === null) {
        if (op.lost) op.conn.lostOp(op);
      } else travel(this.sim, op.hopBack as Hop, this.#lookupFailed, op);
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

  /** A list step's failed lookup is back at its client: wait for the reconnect, or fall back. */
  readonly #lookupFailed = (op: CacheOp): void => {
    if (op.lost && (op.conn as KvConnection<CacheOp>).lostOp(op)) return;
    this.#fallBack(op);
  };

  /** A lookup that failed: every key is a miss, and the list step goes to the owner. */
  #fallBack(op: CacheOp): void {
    op.misses = op.keys.length;
    this.cache.stats.misses += op.keys.length;
    answerLookup(op);
  }

  /**
   * An operation whose client does not wait for the reconnect fails now (the connection's
   * `fail`): a key-value step fails; a lookup falls back to the owner; a write-back is dropped.
   */
  readonly #failLost = (op: CacheOp): void => {
    if (op.kv !== null) {
      op.failed = true;
      op.kv.finish(op);
    } else if (op.frame !== null) this.#fallBack(op);
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

/** The service of a list step's frame (its clients share one connection). */
const serviceOf = (f: Frame): string => f.inv.endpoint.service.id;

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
