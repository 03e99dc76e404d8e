/**
 * The caches' key metrics: a cache no request looked in (a variant that does not use it) has no
 * hit ratio — "not measured", never "0.0 %" compared with the caches that are used.
 */
import { describe, expect, it } from 'vitest';
import type { RunSummary } from '../../../metrics/summary.ts';
import { CACHE_METRICS } from './caches.ts';

const summary = (lookups: number, hitRatio: number) =>
  ({
    caches: [
      {
        id: 'customer-cache',
        type: 'local',
        lookups,
        hitRatio,
        syncMessagesPerSec: 0,
        bytesPerStore: { mean: 0 },
      },
    ],
  }) as unknown as RunSummary;

describe('CACHE_METRICS', () => {
  it('measures the hit ratio of a cache that was looked in, and none of one that was not', () => {
    expect(CACHE_METRICS.values(summary(1000, 0.863))).toEqual([
      { id: 'customer-cache', values: [0.863, 0, 0] },
    ]);
    expect(CACHE_METRICS.values(summary(0, 0))).toEqual([
      { id: 'customer-cache', values: [null, 0, 0] },
    ]);
  });
});
