/**
 * Runtime of a cache component. A local cache is one CacheStore per service instance that uses
 * it: instances of the same service miss separately and repeat each other's work (the source's
 * point about local caches). Lookups are free of time (in-process memory); the cost of a cache
 * shows in memory held per instance and in what it saves downstream.
 */
import type { CacheStats } from '../../metrics/cache-stats.ts';
import type { CacheDef } from '../../scenario/types.ts';
import { CacheStore } from './cache-store.ts';

/** A cache component and its stores. */
export class CacheRuntime {
  /** Every store, in creation order (one per instance that used the cache). */
  readonly stores: CacheStore[] = [];
  readonly #byOwner = new Map<object, CacheStore>();

  constructor(
    readonly def: CacheDef,
    readonly stats: CacheStats,
  ) {}

  /** The store of `owner` (a service instance), created empty on first use. */
  storeFor(owner: object): CacheStore {
    let store = this.#byOwner.get(owner);
    if (store === undefined) {
      store = new CacheStore({
        maxEntries: this.def.maxEntries,
        maxBytes: this.def.maxBytes,
        eviction: this.def.eviction,
        ttlMs: this.def.ttlMs,
      });
      this.#byOwner.set(owner, store);
      this.stores.push(store);
      this.stats.stores.push(store);
    }
    return store;
  }

  /** Starts the statistics window: counters to zero, contents kept (the cache stays warm). */
  resetCounters(): void {
    this.stats.reset();
    for (const s of this.stores) s.resetCounters();
  }
}
