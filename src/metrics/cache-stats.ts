/**
 * Counters of one cache component over the statistics window: lookups by result (hit, stale
 * hit, miss) and fills. Stale hits are hits that returned an older version than the current
 * one. The store-level figures (evictions, expiries, unchanged writes, entries, bytes) are kept
 * by each store and added up at the end.
 */

/** What a cache store tells the summary (a model CacheStore has these members). */
export interface CacheStoreView {
  readonly entries: number;
  readonly bytes: number;
  readonly evictions: number;
  readonly expired: number;
  readonly unchangedWrites: number;
}

/** What the model counts for a cache while it runs. */
export class CacheStats {
  hits = 0;
  staleHits = 0;
  misses = 0;
  fills = 0;
  /** Replicated caches: sync messages sent, entries and bytes they carried, CPU ms to apply them. */
  syncMessages = 0;
  syncEntries = 0;
  syncBytes = 0;
  syncCpuMs = 0;
  /** Distributed caches: operations that failed (rejected), served as misses. */
  failedOps = 0;
  /** The cache's stores (one per instance of a local cache). */
  readonly stores: CacheStoreView[] = [];

  constructor(
    readonly id: string,
    readonly type: string,
  ) {}

  /** Starts the statistics window. */
  reset(): void {
    this.hits = 0;
    this.staleHits = 0;
    this.misses = 0;
    this.fills = 0;
    this.syncMessages = 0;
    this.syncEntries = 0;
    this.syncBytes = 0;
    this.syncCpuMs = 0;
    this.failedOps = 0;
  }
}
