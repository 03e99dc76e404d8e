/**
 * The store behind msasim's caches (a per-instance local cache, each copy of a replicated cache,
 * the distributed cache's store): integer keys mapped to the cached row's version and size, bounded
 * by entries and/or bytes, evicting LRU or LFU (or refusing new keys), with one fixed TTL counted
 * from each key's last put. Leaves out: per-key TTLs, per-entry overhead beyond `sizeBytes`,
 * admission filters (TinyLFU), frequency aging, and all timing: lookup costs belong to the caller.
 */
import { counters } from '../../metrics/counters.ts';
import { KeyIndex } from './key-index.ts';
import { SENTINEL, UseBuckets } from './use-buckets.ts';

/** The eviction policies, in scenario order. */
export const EVICTIONS = ['lru', 'lfu', 'none'] as const;

/**
 * What a full cache does with a new key: `lru` evicts the least recently used entry, `lfu` the
 * least frequently used (ties: least recently used), `none` does not store the key (TTL only).
 */
export type Eviction = (typeof EVICTIONS)[number];

/** Limits and policy of one store. An absent limit is unlimited on that axis. */
export interface CacheOptions {
  /** Most entries held at once; a count ≥ 0. Default: unlimited. */
  maxEntries?: number;
  /** Most bytes held at once (sum of `sizeBytes`); ≥ 0. Default: unlimited. */
  maxBytes?: number;
  /** What to do when a new key does not fit. */
  eviction: Eviction;
  /** Lifetime of an entry after its last put, ms; ≥ 0. Default: no expiry. */
  ttlMs?: number;
}

/** What a store counts (its counters, see metrics/counters.ts; zeroed by `reset()`). */
export const CACHE_STORE_COUNTERS = {
  hits: 'gets that found a live entry',
  misses: 'gets that found none (including keys that had just expired)',
  expired: 'entries removed because their TTL passed',
  evictions: 'entries removed to make room for a put',
  writes: 'puts that stored data: new keys and new versions of held keys',
  unchangedWrites: 'puts of the version already held: data untouched, TTL and use refreshed',
  rejectedWrites:
    'puts that stored nothing: larger than `maxBytes`, or not fitting under `none` (a rejected new version of a held key also removes the old one, which would be stale)',
  invalidations: '`invalidate` calls that removed an entry',
} as const;

const NIL = -1;
// One record per slot in a shared buffer, read through a Float64Array and an Int32Array view: an
// operation then touches one or two cache lines per entry instead of one per field. Offsets are
// in 4-byte words; a store without TTL stops its records before W_PREV (32 bytes), one without
// eviction order before PREV (24 bytes); with TTL a record is 48 bytes.
const VERSION = 0; // float64, words 0-1
const SIZE = 1; // float64, words 2-3
const KEY = 4;
const NEXT = 5; // use order; also chains free slots
const PREV = 6;
const BUCKET = 7;
const W_PREV = 8; // write order, for expiry
const W_NEXT = 9;
const EXPIRES = 5; // float64, words 10-11
/** Under LRU (and `none`, unused) the one permanent use bucket. */
const LRU_BUCKET = 1;
const DEFAULT_SLOTS = 16;

/**
 * A bounded key → (version, sizeBytes) store in simulated time. Every operation is O(1) expected
 * (amortized over expiries and array growth). Entries are fixed-size records in one ArrayBuffer,
 * found through an open-addressing key index (key-index.ts); freed records are reused and the
 * buffer doubles when full, so no operation allocates objects.
 *
 * Use order: a get hit and every put of a stored key count as one use (LRU recency, LFU frequency).
 * LFU keeps frequency buckets in a list ordered by count, each holding its entries in the order
 * they reached that count, so the victim is the head of the lowest bucket: Shah, Mitra & Matani,
 * "An O(1) algorithm for implementing the LFU cache eviction scheme" (2010). Counts never decay
 * and are forgotten on eviction (the paper's scheme; no aging, no ghost entries).
 *
 * Expiry is eager: every `get` and `put` first removes the entries whose TTL has passed (counted
 * in `expired`), so `entries` and `bytes` hold live data only. With one TTL for all keys the
 * expiry order is the order of last puts, kept as a second list (as Caffeine does for
 * expire-after-write), so finding them costs O(1) each. Time must not go backwards.
 *
 * The counters (`CACHE_STORE_COUNTERS`) are plain fields; `reset()` zeroes them at the end of the
 * warm-up and keeps the contents.
 */
export class CacheStore extends counters(CACHE_STORE_COUNTERS) {
  /** The eviction policy. */
  readonly eviction: Eviction;
  /** Entry limit (Infinity when unlimited). */
  readonly maxEntries: number;
  /** Byte limit (Infinity when unlimited). */
  readonly maxBytes: number;
  /** Entry lifetime after its last put, ms (Infinity when entries never expire). */
  readonly ttlMs: number;

  readonly #slotOf: KeyIndex;
  readonly #lfu: boolean;
  readonly #ordered: boolean;
  readonly #expires: boolean;
  #top = 0;
  #freeSlot = NIL;
  #nowMs = Number.NEGATIVE_INFINITY;
  #entries = 0;
  #bytes = 0;

  #slots: number;
  /** Record size in float64 and in int32 words. */
  readonly #fw: number;
  readonly #iw: number;
  #f: Float64Array;
  #i: Int32Array;
  #wHead = NIL;
  #wTail = NIL;

  readonly #buckets: UseBuckets;

  /**
   * Creates an empty store. `initialSlots` only presizes the arrays (they double as needed).
   * @throws RangeError on a negative or non-numeric limit or TTL, or an unknown eviction policy.
   */
  constructor(options: CacheOptions, initialSlots = DEFAULT_SLOTS) {
    super();
    const { maxEntries, maxBytes, ttlMs, eviction } = options;
    if (!EVICTIONS.includes(eviction)) {
      throw new RangeError(`eviction must be one of ${EVICTIONS.join(', ')}, got ${eviction}`);
    }
    for (const [name, v] of [
      ['maxEntries', maxEntries],
      ['maxBytes', maxBytes],
      ['ttlMs', ttlMs],
    ] as const) {
      if (v !== undefined && !(v >= 0)) throw new RangeError(`${name} must be ≥ 0, got ${v}`);
    }
    this.eviction = eviction;
    this.maxEntries = maxEntries ?? Number.POSITIVE_INFINITY;
    this.maxBytes = maxBytes ?? Number.POSITIVE_INFINITY;
    this.ttlMs = ttlMs ?? Number.POSITIVE_INFINITY;
    this.#lfu = eviction === 'lfu';
    this.#ordered = eviction !== 'none';
    this.#expires = ttlMs !== undefined;

    const n = Math.max(1, Math.floor(initialSlots) || 1);
    this.#slotOf = new KeyIndex(n);
    this.#slots = n;
    this.#fw = this.#expires ? 6 : this.#ordered ? 4 : 3;
    this.#iw = this.#fw * 2;
    const buffer = new ArrayBuffer(n * this.#fw * 8);
    this.#f = new Float64Array(buffer);
    this.#i = new Int32Array(buffer);
    this.#buckets = new UseBuckets(this.#lfu ? n : 2);
    this.#resetBuckets();
  }

  /** @internal Records allocated (grows by doubling; freed records are reused first). */
  get slotCapacity(): number {
    return this.#slots;
  }
  /** Number of entries held. */
  get entries(): number {
    return this.#entries;
  }
  /** Sum of the held entries' `sizeBytes`. */
  get bytes(): number {
    return this.#bytes;
  }

  /**
   * The version cached for `key` at `nowMs`, or -1 on a miss; a hit counts as a use.
   * @throws RangeError if `nowMs` is earlier than the time of a previous get, put or expire.
   */
  get(key: number, nowMs: number): number {
    this.#advance(nowMs);
    const s = this.#slotOf.get(key);
    if (s === NIL) {
      this.misses++;
      return NIL;
    }
    this.hits++;
    this.#use(s);
    return this.#f[s * this.#fw + VERSION];
  }

  /** Like `get` but changes nothing: no use, no counters, no expiry sweep. */
  peek(key: number, nowMs: number): number {
    const s = this.#slotOf.get(key);
    if (s === NIL || (this.#expires && this.#f[s * this.#fw + EXPIRES] <= nowMs)) return NIL;
    return this.#f[s * this.#fw + VERSION];
  }

  /**
   * Stores `version` (an integer ≥ 0) of `key` (an integer in [0, 2^31)), `sizeBytes` large, at
   * `nowMs`, evicting others as needed. Putting the version already held only refreshes the
   * entry's TTL and use (and ignores `sizeBytes`): unchanged data is never overwritten.
   * @throws RangeError on a bad key, version, size, or a time earlier than a previous call.
   */
  put(key: number, version: number, sizeBytes: number, nowMs: number): void {
    if ((key | 0) !== key || key < 0) throw new RangeError(`key must be an int32 ≥ 0, got ${key}`);
    if (!(version >= 0)) throw new RangeError(`version must be ≥ 0, got ${version}`);
    if (!(sizeBytes >= 0)) throw new RangeError(`sizeBytes must be ≥ 0, got ${sizeBytes}`);
    this.#advance(nowMs);
    const s = this.#slotOf.get(key);
    if (s === NIL) {
      this.#insert(key, version, sizeBytes, nowMs);
      return;
    }
    if (this.#f[s * this.#fw + VERSION] === version) {
      this.unchangedWrites++;
      this.#use(s);
      this.#rewrite(s, nowMs);
      return;
    }
    const bytes = this.#bytes - this.#f[s * this.#fw + SIZE] + sizeBytes;
    if (sizeBytes > this.maxBytes || (!this.#ordered && bytes > this.maxBytes)) {
      this.#remove(s);
      this.rejectedWrites++;
      return;
    }
    this.writes++;
    this.#use(s);
    this.#rewrite(s, nowMs);
    this.#f[s * this.#fw + VERSION] = version;
    this.#f[s * this.#fw + SIZE] = sizeBytes;
    this.#bytes = bytes;
    while (this.#bytes > this.maxBytes) this.#evict(this.#victim(s));
  }

  /**
   * Removes `key`; true if it was held. An entry whose TTL passed after the last get or put is
   * still held here (this call has no time to check against).
   */
  invalidate(key: number): boolean {
    const s = this.#slotOf.get(key);
    if (s === NIL) return false;
    this.#remove(s);
    this.invalidations++;
    return true;
  }

  /** Removes every entry (a restart); counters and array capacity are kept. */
  clear(): void {
    this.#slotOf.clear();
    this.#top = 0;
    this.#freeSlot = NIL;
    this.#entries = 0;
    this.#bytes = 0;
    this.#wHead = NIL;
    this.#wTail = NIL;
    this.#resetBuckets();
  }

  /**
   * Removes the entries expired by `nowMs` now rather than at the next get or put (e.g. before
   * reading `entries` and `bytes` at the end of the warm-up).
   * @throws RangeError if `nowMs` is earlier than the time of a previous call.
   */
  expire(nowMs: number): void {
    this.#advance(nowMs);
  }

  #advance(nowMs: number): void {
    if (!(nowMs >= this.#nowMs)) {
      throw new RangeError(`time went backwards: ${nowMs} ms after ${this.#nowMs} ms`);
    }
    this.#nowMs = nowMs;
    if (!this.#expires) return;
    // the write list is in expiry order because time never goes backwards and the TTL is fixed
    while (this.#wHead !== NIL && this.#f[this.#wHead * this.#fw + EXPIRES] <= nowMs) {
      this.#remove(this.#wHead);
      this.expired++;
    }
  }

  #insert(key: number, version: number, sizeBytes: number, nowMs: number): void {
    if (sizeBytes > this.maxBytes || this.maxEntries < 1) {
      this.rejectedWrites++;
      return;
    }
    if (this.#ordered) {
      while (this.#entries >= this.maxEntries || this.#bytes + sizeBytes > this.maxBytes) {
        this.#evict(this.#victim(NIL));
      }
    } else if (this.#entries >= this.maxEntries || this.#bytes + sizeBytes > this.maxBytes) {
      this.rejectedWrites++;
      return;
    }
    const s = this.#allocSlot();
    this.#i[s * this.#iw + KEY] = key;
    this.#f[s * this.#fw + VERSION] = version;
    this.#f[s * this.#fw + SIZE] = sizeBytes;
    this.#slotOf.add(key, s);
    this.#entries++;
    this.#bytes += sizeBytes;
    this.writes++;
    if (this.#lfu) {
      const buckets = this.#buckets;
      let b = buckets.next[SENTINEL];
      if (b === SENTINEL || buckets.count[b] !== 1) b = buckets.add(SENTINEL, 1);
      this.#linkTail(s, b);
      this.#i[s * this.#iw + BUCKET] = b;
    } else if (this.#ordered) {
      this.#linkTail(s, LRU_BUCKET);
    }
    if (this.#expires) {
      this.#f[s * this.#fw + EXPIRES] = nowMs + this.ttlMs;
      this.#wLinkTail(s);
    }
  }

  /** Counts one use of slot `s`: most recent under LRU, one more under LFU. */
  #use(s: number): void {
    if (this.#lfu) {
      const buckets = this.#buckets;
      const b = this.#i[s * this.#iw + BUCKET];
      const count = buckets.count[b] + 1;
      let nb = buckets.next[b];
      if (nb === SENTINEL || buckets.count[nb] !== count) nb = buckets.add(b, count);
      this.#unlink(s, b);
      this.#linkTail(s, nb);
      this.#i[s * this.#iw + BUCKET] = nb;
      if (buckets.head[b] === NIL) buckets.drop(b);
    } else if (this.#ordered && this.#i[s * this.#iw + NEXT] !== NIL) {
      this.#unlink(s, LRU_BUCKET);
      this.#linkTail(s, LRU_BUCKET);
    }
  }

  /** Restarts the TTL of slot `s` at `nowMs`. */
  #rewrite(s: number, nowMs: number): void {
    if (!this.#expires) return;
    this.#f[s * this.#fw + EXPIRES] = nowMs + this.ttlMs;
    if (this.#i[s * this.#iw + W_NEXT] === NIL) return;
    this.#wUnlink(s);
    this.#wLinkTail(s);
  }

  /** The eviction victim: the head of the lowest bucket, skipping slot `keep` (being written). */
  #victim(keep: number): number {
    const buckets = this.#buckets;
    const b = buckets.next[SENTINEL];
    const v = buckets.head[b];
    if (v !== keep || v === NIL) return v;
    // `keep` was just used, so it is the tail of its bucket: the next candidate heads the next one
    const nb = buckets.next[b];
    return nb === SENTINEL ? NIL : buckets.head[nb];
  }

  #evict(s: number): void {
    if (s === NIL) throw new Error('CacheStore: nothing left to evict (internal invariant broken)');
    this.#remove(s);
    this.evictions++;
  }

  #remove(s: number): void {
    this.#slotOf.delete(this.#i[s * this.#iw + KEY]);
    this.#entries--;
    this.#bytes = this.#entries === 0 ? 0 : this.#bytes - this.#f[s * this.#fw + SIZE];
    if (this.#lfu) {
      const b = this.#i[s * this.#iw + BUCKET];
      this.#unlink(s, b);
      if (this.#buckets.head[b] === NIL) this.#buckets.drop(b);
    } else if (this.#ordered) {
      this.#unlink(s, LRU_BUCKET);
    }
    if (this.#expires) this.#wUnlink(s);
    this.#i[s * this.#iw + NEXT] = this.#freeSlot;
    this.#freeSlot = s;
  }

  #allocSlot(): number {
    const s = this.#freeSlot;
    if (s !== NIL) {
      this.#freeSlot = this.#i[s * this.#iw + NEXT];
      return s;
    }
    if (this.#top === this.#slots) this.#growSlots();
    return this.#top++;
  }

  #growSlots(): void {
    this.#slots *= 2;
    const f = new Float64Array(this.#slots * this.#fw);
    f.set(this.#f);
    this.#f = f;
    this.#i = new Int32Array(f.buffer);
  }

  /** Appends slot `s` to the entries of bucket `b` (most recent last). */
  #linkTail(s: number, b: number): void {
    const buckets = this.#buckets;
    const t = buckets.tail[b];
    this.#i[s * this.#iw + PREV] = t;
    this.#i[s * this.#iw + NEXT] = NIL;
    if (t === NIL) buckets.head[b] = s;
    else this.#i[t * this.#iw + NEXT] = s;
    buckets.tail[b] = s;
  }

  #unlink(s: number, b: number): void {
    const buckets = this.#buckets;
    const p = this.#i[s * this.#iw + PREV];
    const n = this.#i[s * this.#iw + NEXT];
    if (p === NIL) buckets.head[b] = n;
    else this.#i[p * this.#iw + NEXT] = n;
    if (n === NIL) buckets.tail[b] = p;
    else this.#i[n * this.#iw + PREV] = p;
  }

  #wLinkTail(s: number): void {
    const t = this.#wTail;
    this.#i[s * this.#iw + W_PREV] = t;
    this.#i[s * this.#iw + W_NEXT] = NIL;
    if (t === NIL) this.#wHead = s;
    else this.#i[t * this.#iw + W_NEXT] = s;
    this.#wTail = s;
  }

  #wUnlink(s: number): void {
    const p = this.#i[s * this.#iw + W_PREV];
    const n = this.#i[s * this.#iw + W_NEXT];
    if (p === NIL) this.#wHead = n;
    else this.#i[p * this.#iw + W_NEXT] = n;
    if (n === NIL) this.#wTail = p;
    else this.#i[n * this.#iw + W_PREV] = p;
  }

  /** Empties the use order; under LRU (and `none`, unused) it is one permanent bucket. */
  #resetBuckets(): void {
    this.#buckets.clear();
    if (!this.#lfu) this.#buckets.add(SENTINEL, 0); // = LRU_BUCKET
  }
}
