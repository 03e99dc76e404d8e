/**
 * Test factory of a cache's summary: the summary the metrics give for a local cache `c` with
 * one empty store and nothing counted (every figure 0), but `fields`.
 */
import { CacheStats, type CacheSummary, summarizeCache } from '../metrics/cache-stats.ts';

export function fakeCache(fields: Partial<CacheSummary> = {}): CacheSummary {
  const stats = new CacheStats('c', 'local');
  stats.stores.push({ entries: 0, bytes: 0, evictions: 0, expired: 0, unchangedWrites: 0 });
  return { ...summarizeCache(stats, 1000), ...fields };
}
