/**
 * Runtime of a cache component. `local`: one CacheStore per service instance that uses it —
 * instances of a service miss separately and repeat each other's work. `replicated`: every
 * instance holds a copy; a fill on one instance sends one sync message to each other instance
 * (counted, with its bytes and the CPU time to apply it), so copies converge and sync traffic
 * grows with the instance count. `distributed`: one shared store behind a network hop and its
 * own servers (distributed-cache.ts). Simplifications: in-process lookups take no time; sync
 * messages are applied after one network hop and their CPU time is accounted, not queued for.
 */
import type { Simulation } from '../../engine/index.ts';
import type { CacheStats } from '../../metrics/cache-stats.ts';
import type { CacheDef } from '../../scenario/types.ts';
import type { KeySpaceRuntime } from '../key-space.ts';
import { type Hop, travel } from '../network.ts';
import type { Instance } from '../service.ts';
import { CacheStore } from './cache-store.ts';
import type { DistributedCache } from './distributed-cache.ts';

/** A cache component and its stores. */
export class CacheRuntime {
  /** Every store, in creation order (one per instance for local and replicated caches). */
  readonly stores: CacheStore[] = [];
  readonly #byOwner = new Map<object, CacheStore>();
  /** The servers of a distributed cache (null for local and replicated ones). */
  remote: DistributedCache | null = null;

  constructor(
    readonly def: CacheDef,
    readonly stats: CacheStats,
    private readonly sim: Simulation,
    /** Hop between two instances of a service (replicated sync messages). */
    private readonly syncHop: (serviceId: string) => Hop,
  ) {}

  /** A new empty store with this cache's limits. */
  newStore(): CacheStore {
    const store = new CacheStore({
      maxEntries: this.def.maxEntries,
      maxBytes: this.def.maxBytes,
      eviction: this.def.eviction,
      ttlMs: this.def.ttlMs,
    });
    this.stores.push(store);
    this.stats.stores.push(store);
    return store;
  }

  /** Bytes `owner` (a service instance) holds in this cache (0 for a distributed cache). */
  bytesOf(owner: object): number {
    return this.#byOwner.get(owner)?.bytes ?? 0;
  }

  /** The store of `owner` (a service instance), created empty on first use. */
  storeFor(owner: object): CacheStore {
    let store = this.#byOwner.get(owner);
    if (store === undefined) {
      store = this.newStore();
      this.#byOwner.set(owner, store);
    }
    return store;
  }

  /**
   * Looks up keys[0..n) of `ks` in `store` at `nowMs`, counting hits, stale hits (an older
   * version than the current one) and misses; moves the missed keys to the front of `keys` and
   * returns how many there are.
   */
  lookup(
    store: CacheStore,
    ks: KeySpaceRuntime,
    keys: Int32Array,
    n: number,
    nowMs: number,
  ): number {
    const stats = this.stats;
    let missCount = 0;
    for (let j = 0; j < n; j++) {
      const key = keys[j];
      const cached = store.get(ks.cacheKeyBase + key, nowMs);
      if (cached < 0) {
        stats.misses++;
        keys[missCount++] = key;
      } else if (cached < ks.version(key)) {
        stats.staleHits++;
      } else {
        stats.hits++;
      }
    }
    return missCount;
  }

  /** Stores freshly fetched rows of `ks` in `store` (their current versions). */
  put(store: CacheStore, ks: KeySpaceRuntime, keys: Int32Array, nowMs: number): void {
    for (let j = 0; j < keys.length; j++)
      store.put(ks.cacheKeyBase + keys[j], ks.version(keys[j]), ks.rowBytes, nowMs);
  }

  /**
   * Instance `inst` fetched rows of `ks`: fill its store; for a replicated cache also send one
   * sync message with those rows to every other instance of the service.
   */
  fill(inst: Instance, ks: KeySpaceRuntime, keys: Int32Array): void {
    const now = this.sim.now;
    this.put(this.storeFor(inst), ks, keys, now);
    this.stats.fills += keys.length;
    if (this.def.type !== 'replicated') return;
    const peers = inst.service.instances;
    const hop = this.syncHop(inst.service.id);
    for (const peer of peers) {
      if (peer === inst) continue;
      const stats = this.stats;
      stats.syncMessages++;
      stats.syncEntries += keys.length;
      stats.syncBytes += keys.length * ks.rowBytes;
      stats.syncCpuMs += keys.length * this.def.syncCpuMs;
      const apply = () => this.put(this.storeFor(peer), ks, keys, this.sim.now);
      travel(this.sim, hop, apply, undefined); // counted on the sync link; lost on a partition
    }
  }

  /** Starts the statistics window: counters to zero, contents kept (the cache stays warm). */
  resetCounters(): void {
    this.stats.reset();
    for (const s of this.stores) s.reset();
  }
}
