/**
 * Counters of one cache component over the statistics window: lookups by result (hit, stale
 * hit, miss) and fills. Stale hits are hits that returned an older version than the current
 * one. The store-level figures (evictions, expiries, unchanged writes, entries, bytes) are kept
 * by each store and added up at the end. With the summary of a cache.
 */
import { counters, fieldsOf } from './counters.ts';

/** What a cache store tells the summary (a model CacheStore has these members). */
export interface CacheStoreView {
  readonly entries: number;
  readonly bytes: number;
  readonly evictions: number;
  readonly expired: number;
  readonly unchangedWrites: number;
}

/** What the model counts for a cache while it runs. */
const CACHE_COUNTERS = {
  hits: 'lookups that found the current version',
  staleHits: 'lookups that found an older version than the current one',
  misses: 'lookups that found nothing',
  fills: 'entries stored after a miss',
  syncMessages: 'replicated caches: sync messages sent',
  syncEntries: '… the entries they carried',
  syncBytes: '… their bytes',
  syncCpuMs: '… and the CPU ms to apply them',
  failedOps: 'distributed caches: operations that failed (rejected), served as misses',
} as const;

export class CacheStats extends counters(CACHE_COUNTERS) {
  /** The cache's stores (one per instance of a local cache). */
  readonly stores: CacheStoreView[] = [];

  constructor(
    readonly id: string,
    readonly type: string,
  ) {
    super();
  }
}

/** A cache component over the statistics window. */
export interface CacheSummary {
  id: string;
  type: string;
  lookups: number;
  hits: number;
  /** Hits that returned an older version than the current one. */
  staleHits: number;
  misses: number;
  /** (hits + stale hits) / lookups. */
  hitRatio: number;
  fills: number;
  /** Writes that stored the version already cached (the rule: never overwrite unchanged data). */
  unchangedWrites: number;
  evictions: number;
  expired: number;
  /** Replicated caches: sync messages sent (and per second), bytes they carried, CPU ms per second. */
  syncMessages: number;
  syncMessagesPerSec: number;
  syncBytes: number;
  syncCpuMsPerSec: number;
  /** Distributed caches: operations rejected (served as misses from the owner). */
  failedOps: number;
  /** Stores (instances holding a copy) and what they hold at the end of the run. */
  stores: number;
  entriesPerStore: { mean: number; max: number };
  bytesPerStore: { mean: number; max: number };
}

function meanMax(xs: number[]): { mean: number; max: number } {
  if (xs.length === 0) return { mean: 0, max: 0 };
  return { mean: xs.reduce((a, b) => a + b, 0) / xs.length, max: Math.max(...xs) };
}

/** The summary of cache `c` over a statistics window of `windowMs`. */
export function summarizeCache(c: CacheStats, windowMs: number): CacheSummary {
  const perSec = (x: number) => (windowMs > 0 ? (x * 1000) / windowMs : 0);
  const lookups = c.hits + c.staleHits + c.misses;
  const sum = (f: (s: CacheStoreView) => number) => c.stores.reduce((a, s) => a + f(s), 0);
  return {
    ...fieldsOf(c, ['id', 'type']),
    lookups,
    ...fieldsOf(c, ['hits', 'staleHits', 'misses']),
    hitRatio: lookups > 0 ? (c.hits + c.staleHits) / lookups : 0,
    fills: c.fills,
    unchangedWrites: sum((s) => s.unchangedWrites),
    evictions: sum((s) => s.evictions),
    expired: sum((s) => s.expired),
    syncMessages: c.syncMessages,
    syncMessagesPerSec: perSec(c.syncMessages),
    syncBytes: c.syncBytes,
    syncCpuMsPerSec: perSec(c.syncCpuMs),
    failedOps: c.failedOps,
    stores: c.stores.length,
    entriesPerStore: meanMax(c.stores.map((s) => s.entries)),
    bytesPerStore: meanMax(c.stores.map((s) => s.bytes)),
  };
}
