/**
 * The caches' key metrics and tables: a cache no request looked in (a `kv` store, a variant that
 * does not use it) has no hit ratio — "not measured", never "0.0 %" compared with the caches
 * that are used: "–" in the console and on the page, an empty cell in caches.csv.
 */
import { describe, expect, it } from 'vitest';
import type { CacheSummary, RunSummary } from '../../../metrics/summary.ts';
import type { Analysis } from '../../analysis.ts';
import { CACHE_METRICS, cachesCsv, cacheTable } from './caches.ts';

const cache = (lookups: number, hitRatio: number): CacheSummary => ({
  id: 'customer-cache',
  type: 'local',
  lookups,
  hits: Math.round(lookups * hitRatio),
  staleHits: 0,
  misses: lookups - Math.round(lookups * hitRatio),
  hitRatio,
  fills: 0,
  unchangedWrites: 0,
  evictions: 0,
  expired: 0,
  syncMessages: 0,
  syncMessagesPerSec: 0,
  syncBytes: 0,
  syncCpuMsPerSec: 0,
  failedOps: 0,
  stores: 1,
  entriesPerStore: { mean: 0, max: 0 },
  bytesPerStore: { mean: 0, max: 0 },
});

const summary = (lookups: number, hitRatio: number) =>
  ({ scenario: { variant: null }, caches: [cache(lookups, hitRatio)] }) as unknown as RunSummary;

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

describe('the cache tables', () => {
  const hitRatioCell = (table: string) => {
    const [header, , row] = table.trim().split('\n');
    const at = header.indexOf('hit ratio');
    return row.slice(at, at + 'hit ratio'.length).trim();
  };

  it('print "–" for the hit ratio of a cache no request looked in, the ratio otherwise', () => {
    expect(hitRatioCell(cacheTable(summary(0, 0)))).toBe('–');
    expect(hitRatioCell(cacheTable(summary(1000, 0.863)))).toBe('86.3%');
  });

  it('leave the hitRatio cell of caches.csv empty when no request looked in the cache', () => {
    const csvOf = (s: RunSummary) =>
      cachesCsv({ results: { runs: [{ summary: s }] } } as unknown as Analysis);
    const cell = (text: string) => {
      const [header, row] = text
        .trim()
        .split('\n')
        .map((l) => l.split(','));
      return row[header.indexOf('hitRatio')];
    };
    expect(cell(csvOf(summary(0, 0)))).toBe('');
    expect(cell(csvOf(summary(1000, 0.863)))).toBe('0.863');
  });
});
