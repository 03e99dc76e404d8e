/**
 * Property tests of cache-store.ts against a reference store built from one array and linear
 * scans: for every policy, limit mix and TTL, random operation streams over a few keys and tiny
 * capacities give the same results, counters and contents after every operation.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type CacheOptions, CacheStore, EVICTIONS, type Eviction } from './cache-store.ts';

interface RefEntry {
  key: number;
  version: number;
  sizeBytes: number;
  expiresAtMs: number;
  lastUse: number;
  uses: number;
}

interface Counters {
  hits: number;
  misses: number;
  expired: number;
  evictions: number;
  writes: number;
  unchangedWrites: number;
  rejectedWrites: number;
  invalidations: number;
}

const zeroCounters = (): Counters => ({
  hits: 0,
  misses: 0,
  expired: 0,
  evictions: 0,
  writes: 0,
  unchangedWrites: 0,
  rejectedWrites: 0,
  invalidations: 0,
});

/** The specification, written for clarity: every rule is one scan over one array. */
class ReferenceStore {
  items: RefEntry[] = [];
  counters = zeroCounters();
  #tick = 0;
  readonly #maxEntries: number;
  readonly #maxBytes: number;
  readonly #ttlMs: number;

  constructor(readonly options: CacheOptions) {
    this.#maxEntries = options.maxEntries ?? Number.POSITIVE_INFINITY;
    this.#maxBytes = options.maxBytes ?? Number.POSITIVE_INFINITY;
    this.#ttlMs = options.ttlMs ?? Number.POSITIVE_INFINITY;
  }

  get bytes(): number {
    return this.items.reduce((sum, e) => sum + e.sizeBytes, 0);
  }

  sweep(nowMs: number): void {
    const live = this.items.filter((e) => e.expiresAtMs > nowMs);
    this.counters.expired += this.items.length - live.length;
    this.items = live;
  }

  get(key: number, nowMs: number): number {
    this.sweep(nowMs);
    const e = this.items.find((x) => x.key === key);
    if (!e) {
      this.counters.misses++;
      return -1;
    }
    this.counters.hits++;
    this.#use(e);
    return e.version;
  }

  peek(key: number, nowMs: number): number {
    const e = this.items.find((x) => x.key === key);
    return e && e.expiresAtMs > nowMs ? e.version : -1;
  }

  put(key: number, version: number, sizeBytes: number, nowMs: number): void {
    this.sweep(nowMs);
    const e = this.items.find((x) => x.key === key);
    if (e && e.version === version) {
      this.counters.unchangedWrites++;
      this.#use(e);
      e.expiresAtMs = nowMs + this.#ttlMs;
      return;
    }
    if (e) {
      const othersBytes = this.bytes - e.sizeBytes;
      const none = this.options.eviction === 'none';
      if (sizeBytes > this.#maxBytes || (none && othersBytes + sizeBytes > this.#maxBytes)) {
        this.#remove(e);
        this.counters.rejectedWrites++;
        return;
      }
      this.counters.writes++;
      this.#use(e);
      Object.assign(e, { version, sizeBytes, expiresAtMs: nowMs + this.#ttlMs });
      while (this.bytes > this.#maxBytes) this.#evict(e);
      return;
    }
    const full = () =>
      this.items.length >= this.#maxEntries || this.bytes + sizeBytes > this.#maxBytes;
    if (sizeBytes > this.#maxBytes || this.#maxEntries < 1) {
      this.counters.rejectedWrites++;
      return;
    }
    if (this.options.eviction === 'none' && full()) {
      this.counters.rejectedWrites++;
      return;
    }
    while (full()) this.#evict(undefined);
    const expiresAtMs = nowMs + this.#ttlMs;
    this.items.push({ key, version, sizeBytes, expiresAtMs, lastUse: ++this.#tick, uses: 1 });
    this.counters.writes++;
  }

  invalidate(key: number): boolean {
    const e = this.items.find((x) => x.key === key);
    if (!e) return false;
    this.#remove(e);
    this.counters.invalidations++;
    return true;
  }

  clear(): void {
    this.items = [];
  }

  #use(e: RefEntry): void {
    e.lastUse = ++this.#tick;
    e.uses++;
  }

  #remove(e: RefEntry): void {
    this.items = this.items.filter((x) => x !== e);
  }

  /** Removes the policy's victim among the entries other than `keep`. */
  #evict(keep: RefEntry | undefined): void {
    const lfu = this.options.eviction === 'lfu';
    let victim: RefEntry | undefined;
    for (const e of this.items) {
      if (e === keep) continue;
      if (
        !victim ||
        (lfu && e.uses < victim.uses) ||
        ((!lfu || e.uses === victim.uses) && e.lastUse < victim.lastUse)
      ) {
        victim = e;
      }
    }
    if (!victim) throw new Error('reference: nothing to evict');
    this.#remove(victim);
    this.counters.evictions++;
  }
}

type Op =
  | { kind: 'get' | 'peek' | 'invalidate'; key: number; dtMs: number }
  | { kind: 'put'; key: number; version: number; sizeBytes: number; dtMs: number }
  | { kind: 'expire' | 'clear' | 'reset'; dtMs: number };

const KEYS = 8;
// skewed like real access (key 1 is 8 times as popular as key 4), so LFU counts drift apart
const keyArb = fc.oneof(
  { arbitrary: fc.constant(1), weight: 8 },
  { arbitrary: fc.constant(2), weight: 4 },
  { arbitrary: fc.constant(3), weight: 2 },
  { arbitrary: fc.integer({ min: 4, max: KEYS }), weight: KEYS - 3 },
);
const dtArb = fc.integer({ min: 0, max: 3 });
const keyed = (kind: 'get' | 'peek' | 'invalidate') =>
  fc.record({ kind: fc.constant(kind), key: keyArb, dtMs: dtArb });
const bare = (kind: 'expire' | 'clear' | 'reset') =>
  fc.record({ kind: fc.constant(kind), dtMs: dtArb });

// few keys, few versions (so unchanged writes are common) and tiny sizes
const opArb: fc.Arbitrary<Op> = fc.oneof(
  { arbitrary: keyed('get'), weight: 20 },
  {
    arbitrary: fc.record({
      kind: fc.constant('put' as const),
      key: keyArb,
      version: fc.integer({ min: 0, max: 2 }),
      sizeBytes: fc.integer({ min: 0, max: 6 }),
      dtMs: dtArb,
    }),
    weight: 20,
  },
  { arbitrary: keyed('peek'), weight: 3 },
  { arbitrary: keyed('invalidate'), weight: 3 },
  { arbitrary: bare('expire'), weight: 2 },
  { arbitrary: bare('clear'), weight: 1 },
  { arbitrary: bare('reset'), weight: 1 },
);

type Limits = 'entries' | 'bytes' | 'both' | 'unlimited';

function optionsArb(eviction: Eviction, limits: Limits, ttl: boolean): fc.Arbitrary<CacheOptions> {
  const entries = limits === 'entries' || limits === 'both';
  const bytes = limits === 'bytes' || limits === 'both';
  return fc.record({
    eviction: fc.constant(eviction),
    maxEntries: entries ? fc.integer({ min: 0, max: 5 }) : fc.constant(undefined),
    maxBytes: bytes ? fc.integer({ min: 0, max: 15 }) : fc.constant(undefined),
    ttlMs: ttl ? fc.integer({ min: 1, max: 40 }) : fc.constant(undefined),
  });
}

/** Applies `op` to both stores at `nowMs`; returns both results. */
function apply(store: CacheStore, ref: ReferenceStore, op: Op, nowMs: number): [unknown, unknown] {
  switch (op.kind) {
    case 'get':
      return [store.get(op.key, nowMs), ref.get(op.key, nowMs)];
    case 'peek':
      return [store.peek(op.key, nowMs), ref.peek(op.key, nowMs)];
    case 'invalidate':
      return [store.invalidate(op.key), ref.invalidate(op.key)];
    case 'put':
      store.put(op.key, op.version, op.sizeBytes, nowMs);
      ref.put(op.key, op.version, op.sizeBytes, nowMs);
      return [undefined, undefined];
    case 'expire':
      store.expire(nowMs);
      ref.sweep(nowMs);
      return [undefined, undefined];
    case 'clear':
      store.clear();
      ref.clear();
      return [undefined, undefined];
    case 'reset':
      store.reset();
      ref.counters = zeroCounters();
      return [undefined, undefined];
  }
}

const COUNTERS = Object.keys(zeroCounters()) as (keyof Counters)[];
const LABELS = [...COUNTERS, 'entries', 'bytes', ...Array.from({ length: KEYS }, (_, i) => i + 1)];

/** Everything observable: counters, totals, then each key's cached version (-1 when absent). */
function observe(store: CacheStore, nowMs: number): number[] {
  const seen = COUNTERS.map((c) => store[c]);
  seen.push(store.entries, store.bytes);
  for (let k = 1; k <= KEYS; k++) seen.push(store.peek(k, nowMs));
  return seen;
}

function observeRef(ref: ReferenceStore, nowMs: number): number[] {
  const seen = COUNTERS.map((c) => ref.counters[c]);
  seen.push(ref.items.length, ref.bytes);
  for (let k = 1; k <= KEYS; k++) seen.push(ref.peek(k, nowMs));
  return seen;
}

/** Names each observed value, for a readable diff. */
const labelled = (values: number[]) => Object.fromEntries(values.map((v, i) => [LABELS[i], v]));

const isSame = (a: number[], b: number[]): boolean => a.every((v, i) => v === b[i]);

const LIMITS: Limits[] = ['entries', 'bytes', 'both', 'unlimited'];

describe('CacheStore matches the reference store', () => {
  let seed = 100;
  for (const eviction of EVICTIONS) {
    for (const limits of LIMITS) {
      for (const ttl of [false, true]) {
        const name = `${eviction}, ${limits} limit${limits === 'unlimited' ? 's' : ''}, ${ttl ? 'with' : 'no'} TTL`;
        const runSeed = seed++;
        it(`${name}: same results, counters and contents after every operation`, () => {
          const totals = zeroCounters();
          fc.assert(
            fc.property(
              optionsArb(eviction, limits, ttl),
              // size 'max': fast-check would otherwise generate ~10 operations per stream
              fc.array(opArb, { minLength: 1, maxLength: 300, size: 'max' }),
              (options, ops) => {
                const store = new CacheStore(options, 1);
                const ref = new ReferenceStore(options);
                let nowMs = 0;
                for (const [i, op] of ops.entries()) {
                  nowMs += op.dtMs;
                  const [got, want] = apply(store, ref, op, nowMs);
                  const seen = observe(store, nowMs);
                  const expected = observeRef(ref, nowMs);
                  // vitest's deep equality is slow; call it only to report a difference
                  if (got !== want || !isSame(seen, expected)) {
                    const step = `op ${i}: ${JSON.stringify(op)} at ${nowMs} ms`;
                    expect(got, step).toBe(want);
                    expect(labelled(seen), step).toEqual(labelled(expected));
                  }
                }
                for (const k of Object.keys(totals) as (keyof Counters)[]) {
                  totals[k] += ref.counters[k];
                }
              },
            ),
            { seed: runSeed, numRuns: 200 },
          );
          // the streams must exercise what the policy is about
          expect(totals.hits).toBeGreaterThan(0);
          expect(totals.unchangedWrites).toBeGreaterThan(0);
          if (ttl) expect(totals.expired).toBeGreaterThan(0);
          if (limits !== 'unlimited') {
            const full = eviction === 'none' ? totals.rejectedWrites : totals.evictions;
            expect(full).toBeGreaterThan(0);
          }
        });
      }
    }
  }
});
