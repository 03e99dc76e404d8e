/**
 * Test factory of a cache's summary: every figure 0 (one store, local, id `c`) but `fields`.
 */
import type { CacheSummary } from '../metrics/summary.ts';

export function fakeCache(fields: Partial<CacheSummary> = {}): CacheSummary {
  return {
    id: 'c',
    type: 'local',
    syncMessages: 0,
    syncMessagesPerSec: 0,
    syncBytes: 0,
    syncCpuMsPerSec: 0,
    failedOps: 0,
    lookups: 0,
    hits: 0,
    staleHits: 0,
    misses: 0,
    hitRatio: 0,
    fills: 0,
    unchangedWrites: 0,
    evictions: 0,
    expired: 0,
    stores: 1,
    entriesPerStore: { mean: 0, max: 0 },
    bytesPerStore: { mean: 0, max: 0 },
    ...fields,
  } as CacheSummary;
}
