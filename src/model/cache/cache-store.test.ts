/** Tests of cache-store.ts: hand-computed sequences for each policy, TTL, counters and limits. */
import { describe, expect, it } from 'vitest';
import { type CacheOptions, CacheStore } from './cache-store.ts';

/** Cached version of each key (-1 = absent) at `nowMs`, without touching the store. */
const contents = (c: CacheStore, keys: number[], nowMs = 0) => keys.map((k) => c.peek(k, nowMs));

const counters = (c: CacheStore) => ({
  hits: c.hits,
  misses: c.misses,
  expired: c.expired,
  evictions: c.evictions,
  writes: c.writes,
  unchangedWrites: c.unchangedWrites,
  rejectedWrites: c.rejectedWrites,
  invalidations: c.invalidations,
});

const make = (options: CacheOptions) => new CacheStore(options, 1);

describe('CacheStore, LRU', () => {
  it('evicts the least recently used key; a get counts as a use', () => {
    const c = make({ eviction: 'lru', maxEntries: 2 });
    c.put(1, 10, 1, 0);
    c.put(2, 20, 1, 1);
    expect(c.get(1, 2)).toBe(10); // 2 is now least recent
    c.put(3, 30, 1, 3);
    expect(contents(c, [1, 2, 3])).toEqual([10, -1, 30]);
    expect(c.get(2, 4)).toBe(-1);
    expect(counters(c)).toMatchObject({ hits: 1, misses: 1, evictions: 1, writes: 3 });
  });

  it('counts an unchanged put as a use', () => {
    const c = make({ eviction: 'lru', maxEntries: 2 });
    c.put(1, 10, 1, 0);
    c.put(2, 20, 1, 0);
    c.put(1, 10, 1, 0); // same version: refreshes 1
    c.put(3, 30, 1, 0);
    expect(contents(c, [1, 2, 3])).toEqual([10, -1, 30]);
    expect(counters(c)).toMatchObject({ writes: 3, unchangedWrites: 1, evictions: 1 });
  });

  it('evicts as many keys as a large entry needs under a byte limit', () => {
    const c = make({ eviction: 'lru', maxBytes: 10 });
    c.put(1, 1, 4, 0);
    c.put(2, 1, 4, 0);
    c.put(3, 1, 2, 0);
    c.put(4, 1, 9, 0); // needs 9: evicts 1, 2 and 3 (oldest first) until 9 bytes are free
    expect(contents(c, [1, 2, 3, 4])).toEqual([-1, -1, -1, 1]);
    expect(c.bytes).toBe(9);
    expect(c.evictions).toBe(3);
  });

  it('does not let peek change the use order or the counters', () => {
    const c = make({ eviction: 'lru', maxEntries: 2 });
    c.put(1, 10, 1, 0);
    c.put(2, 20, 1, 0);
    expect(c.peek(1, 0)).toBe(10);
    expect(c.peek(9, 0)).toBe(-1);
    c.put(3, 30, 1, 0); // 1 is still least recent
    expect(contents(c, [1, 2, 3])).toEqual([-1, 20, 30]);
    expect(counters(c)).toMatchObject({ hits: 0, misses: 0 });
  });
});

describe('CacheStore, LFU', () => {
  it('evicts the least frequently used key', () => {
    const c = make({ eviction: 'lfu', maxEntries: 2 });
    c.put(1, 10, 1, 0); // 1 use
    c.get(1, 0); // 2 uses
    c.get(1, 0); // 3 uses
    c.put(2, 20, 1, 0); // 1 use
    c.get(2, 0); // 2 uses, and more recent than 1
    c.put(3, 30, 1, 0); // evicts 2 (2 uses < 3)
    expect(contents(c, [1, 2, 3])).toEqual([10, -1, 30]);
  });

  it('breaks ties by least recent use', () => {
    const c = make({ eviction: 'lfu', maxEntries: 3 });
    c.put(1, 10, 1, 0);
    c.put(2, 20, 1, 0);
    c.put(3, 30, 1, 0);
    c.get(2, 0);
    c.get(1, 0); // 1 and 2 have 2 uses, 2 used longer ago; 3 has 1
    c.put(4, 40, 1, 0); // evicts 3 (fewest uses)
    c.get(4, 0); // 4 has 2 uses, most recent
    c.put(5, 50, 1, 0); // evicts 2: least recent of the 2-use keys
    expect(contents(c, [1, 2, 3, 4, 5])).toEqual([10, -1, -1, 40, 50]);
  });

  it('evicts a new key first: counts never age', () => {
    const c = make({ eviction: 'lfu', maxEntries: 2 });
    c.put(1, 10, 1, 0);
    for (let i = 0; i < 5; i++) c.get(1, 0);
    c.put(2, 20, 1, 0);
    c.put(3, 30, 1, 0); // 2 had 1 use
    c.put(4, 40, 1, 0); // 3 had 1 use
    expect(contents(c, [1, 2, 3, 4])).toEqual([10, -1, -1, 40]);
  });

  it('never evicts the key being written to make room for its own new version', () => {
    const c = make({ eviction: 'lfu', maxBytes: 10 });
    c.put(1, 1, 3, 0);
    c.get(1, 0);
    c.get(1, 0); // 3 uses
    c.put(2, 1, 3, 0); // 1 use
    c.put(2, 2, 8, 0); // 2 uses, 3 + 8 bytes > 10: evicts 1 although 2 is used less
    expect(contents(c, [1, 2])).toEqual([-1, 2]);
    expect(c.bytes).toBe(8);
  });
});

describe("CacheStore, eviction 'none'", () => {
  it('does not store a new key when full', () => {
    const c = make({ eviction: 'none', maxEntries: 2 });
    c.put(1, 10, 1, 0);
    c.put(2, 20, 1, 0);
    c.put(3, 30, 1, 0);
    expect(contents(c, [1, 2, 3])).toEqual([10, 20, -1]);
    expect(c.invalidate(1)).toBe(true);
    c.put(3, 30, 1, 0);
    expect(contents(c, [1, 2, 3])).toEqual([-1, 20, 30]);
    expect(counters(c)).toMatchObject({ writes: 3, rejectedWrites: 1, invalidations: 1 });
  });

  it('drops a held key whose new version no longer fits rather than keep it stale', () => {
    const c = make({ eviction: 'none', maxBytes: 10 });
    c.put(1, 1, 5, 0);
    c.put(2, 1, 5, 0);
    c.put(2, 2, 6, 0);
    expect(contents(c, [1, 2])).toEqual([1, -1]);
    expect(c.bytes).toBe(5);
    expect(c.rejectedWrites).toBe(1);
  });

  it('frees the room of expired keys', () => {
    const c = make({ eviction: 'none', maxEntries: 1, ttlMs: 10 });
    c.put(1, 10, 1, 0);
    c.put(2, 20, 1, 5); // full
    c.put(2, 20, 1, 10); // 1 expired at 10
    expect(contents(c, [1, 2], 10)).toEqual([-1, 20]);
    expect(counters(c)).toMatchObject({ writes: 2, rejectedWrites: 1, expired: 1 });
  });
});

describe('CacheStore, TTL and writes', () => {
  it('expires an entry ttlMs after its last put, as a miss', () => {
    const c = make({ eviction: 'lru', ttlMs: 100 });
    c.put(1, 10, 1, 0);
    expect(c.get(1, 99)).toBe(10);
    expect(c.peek(1, 100)).toBe(-1);
    expect(c.get(1, 100)).toBe(-1);
    expect(counters(c)).toMatchObject({ hits: 1, misses: 1, expired: 1 });
    expect(c.entries).toBe(0);
  });

  it('restarts the TTL on an unchanged put but not on a get', () => {
    const c = make({ eviction: 'lru', ttlMs: 100 });
    c.put(1, 10, 1, 0);
    c.put(2, 20, 1, 0);
    c.put(1, 10, 1, 50);
    c.get(2, 60);
    expect(c.get(1, 120)).toBe(10);
    expect(c.get(2, 120)).toBe(-1);
    expect(c.get(1, 150)).toBe(-1);
  });

  it('removes expired entries at the next operation, read or not', () => {
    const c = make({ eviction: 'lfu', ttlMs: 10 });
    c.put(1, 1, 5, 0);
    c.put(2, 1, 5, 3);
    c.put(3, 1, 5, 6);
    c.get(99, 12); // they expire at 10, 13 and 16: only 1 is gone
    expect([c.entries, c.bytes, c.expired]).toEqual([2, 10, 1]);
    c.expire(16);
    expect([c.entries, c.bytes, c.expired]).toEqual([0, 0, 3]);
  });

  it('never overwrites unchanged data: the same version keeps its size and counts apart', () => {
    const c = make({ eviction: 'lru' });
    c.put(1, 5, 100, 0);
    c.put(1, 5, 999, 1);
    expect(c.bytes).toBe(100);
    c.put(1, 6, 120, 2);
    expect(c.get(1, 3)).toBe(6);
    expect(c.bytes).toBe(120);
    expect(counters(c)).toMatchObject({ writes: 2, unchangedWrites: 1 });
  });

  it('accepts an older version as an update (ordering versions is the caller’s job)', () => {
    const c = make({ eviction: 'lru' });
    c.put(1, 5, 1, 0);
    c.put(1, 4, 1, 0);
    expect(c.get(1, 0)).toBe(4);
  });

  it('does not store an entry larger than maxBytes, and drops the older version', () => {
    const c = make({ eviction: 'lru', maxBytes: 10 });
    c.put(1, 1, 4, 0);
    c.put(2, 1, 11, 0);
    c.put(1, 2, 11, 0);
    expect(contents(c, [1, 2])).toEqual([-1, -1]);
    expect([c.entries, c.bytes, c.rejectedWrites, c.evictions]).toEqual([0, 0, 2, 0]);
  });

  it('stores nothing with maxEntries 0', () => {
    const c = make({ eviction: 'lru', maxEntries: 0 });
    c.put(1, 1, 0, 0);
    expect([c.entries, c.get(1, 0), c.rejectedWrites]).toEqual([0, -1, 1]);
  });
});

describe('CacheStore, counters and lifecycle', () => {
  it('reset zeroes the counters and keeps the contents', () => {
    const c = make({ eviction: 'lru', maxEntries: 1 });
    c.put(1, 10, 3, 0);
    c.put(2, 20, 3, 0);
    c.get(1, 0);
    c.reset();
    expect(Object.values(counters(c)).every((v) => v === 0)).toBe(true);
    expect([c.entries, c.bytes, c.get(2, 0)]).toEqual([1, 3, 20]);
  });

  it('clear empties the store and keeps the counters', () => {
    const c = make({ eviction: 'lfu', maxEntries: 4, ttlMs: 5 });
    for (let k = 1; k <= 4; k++) c.put(k, k, 1, 0);
    c.clear();
    expect([c.entries, c.bytes, c.writes]).toEqual([0, 0, 4]);
    expect(contents(c, [1, 2, 3, 4])).toEqual([-1, -1, -1, -1]);
    c.put(5, 5, 1, 1);
    expect(c.get(5, 1)).toBe(5);
  });

  it('invalidate reports whether the key was held', () => {
    const c = make({ eviction: 'lru' });
    c.put(7, 1, 2, 0);
    expect(c.invalidate(7)).toBe(true);
    expect(c.invalidate(7)).toBe(false);
    expect([c.invalidations, c.entries, c.bytes]).toEqual([1, 0, 0]);
  });

  it('holds keys up to 1e9 and reuses freed records over many turnovers', () => {
    for (const eviction of ['lru', 'lfu', 'none'] as const) {
      const c = make({ eviction, maxEntries: 1000, ttlMs: eviction === 'none' ? 5 : undefined });
      for (let i = 0; i < 20_000; i++) c.put(1e9 - i, i, 1, i);
      expect(c.entries).toBe(eviction === 'none' ? 5 : 1000);
      expect(c.get(1e9 - 19_999, 20_000)).toBe(19_999);
      expect(c.get(1e9 - 18_999, 20_000)).toBe(-1);
      expect(c.slotCapacity).toBeLessThanOrEqual(1024);
      c.clear();
      for (let i = 0; i < 1000; i++) c.put(i + 1, i, 1, 20_000);
      expect(c.slotCapacity).toBeLessThanOrEqual(1024);
    }
  });
});

describe('CacheStore, input checks', () => {
  it('rejects time going backwards', () => {
    const c = make({ eviction: 'lru', ttlMs: 10 });
    c.get(1, 5);
    expect(() => c.put(1, 1, 1, 4)).toThrow(/time went backwards: 4 ms after 5 ms/);
    expect(() => c.get(1, Number.NaN)).toThrow(RangeError);
  });

  it('rejects bad options and arguments', () => {
    expect(() => make({ eviction: 'fifo' as 'lru' })).toThrow(/eviction must be one of/);
    expect(() => make({ eviction: 'lru', maxBytes: -1 })).toThrow(/maxBytes must be ≥ 0/);
    expect(() => make({ eviction: 'lru', ttlMs: Number.NaN })).toThrow(/ttlMs/);
    const c = make({ eviction: 'lru' });
    expect(() => c.put(2 ** 31, 1, 1, 0)).toThrow(/key must be/);
    expect(() => c.put(1.5, 1, 1, 0)).toThrow(/key must be/);
    expect(() => c.put(1, -1, 1, 0)).toThrow(/version must be/);
    expect(() => c.put(1, 1, Number.NaN, 0)).toThrow(/sizeBytes must be/);
  });
});
