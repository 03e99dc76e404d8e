/**
 * The use-count buckets behind the cache store's LFU order (Shah, Mitra & Matani, "An O(1)
 * algorithm for implementing the LFU cache eviction scheme", 2010): a circular list of buckets in
 * ascending use count, each holding the first and last entry of the list of entries with that
 * count. Only the bucket side lives here; entry links live in the store's records. Under LRU the
 * store keeps a single permanent bucket.
 */

const NIL = -1;

/** The sentinel bucket: `next[SENTINEL]` has the lowest count, `prev[SENTINEL]` the highest. */
export const SENTINEL = 0;

/** Buckets of equal use counts held in typed arrays; a dropped bucket's index is reused. */
export class UseBuckets {
  /** Use count of each bucket. */
  count: Float64Array;
  /** Previous bucket in ascending count, circular through SENTINEL. */
  prev: Int32Array;
  /** Next bucket in ascending count, circular through SENTINEL; also chains free buckets. */
  next: Int32Array;
  /** First entry (store slot) of each bucket, -1 when empty. */
  head: Int32Array;
  /** Last entry (store slot) of each bucket, -1 when empty. */
  tail: Int32Array;
  #top = 1;
  #free = NIL;

  /** Creates the sentinel alone; `initialBuckets` presizes the arrays (they double as needed). */
  constructor(initialBuckets = 2) {
    const n = Math.max(2, initialBuckets);
    this.count = new Float64Array(n);
    this.prev = new Int32Array(n);
    this.next = new Int32Array(n);
    this.head = new Int32Array(n);
    this.tail = new Int32Array(n);
    this.clear();
  }

  /** Inserts an empty bucket for use count `count` right after bucket `after`; returns it. */
  add(after: number, count: number): number {
    let b = this.#free;
    if (b !== NIL) {
      this.#free = this.next[b];
    } else {
      if (this.#top === this.count.length) this.#grow();
      b = this.#top++;
    }
    const n = this.next[after];
    this.count[b] = count;
    this.head[b] = NIL;
    this.tail[b] = NIL;
    this.prev[b] = after;
    this.next[b] = n;
    this.next[after] = b;
    this.prev[n] = b;
    return b;
  }

  /** Unlinks bucket `b`, which must be empty, and frees its index. */
  drop(b: number): void {
    const p = this.prev[b];
    const n = this.next[b];
    this.next[p] = n;
    this.prev[n] = p;
    this.next[b] = this.#free;
    this.#free = b;
  }

  /** Removes every bucket but the sentinel. */
  clear(): void {
    this.next[SENTINEL] = SENTINEL;
    this.prev[SENTINEL] = SENTINEL;
    this.head[SENTINEL] = NIL;
    this.tail[SENTINEL] = NIL;
    this.#top = 1;
    this.#free = NIL;
  }

  #grow(): void {
    const n = this.count.length * 2;
    const count = new Float64Array(n);
    count.set(this.count);
    this.count = count;
    for (const name of ['prev', 'next', 'head', 'tail'] as const) {
      const a = new Int32Array(n);
      a.set(this[name]);
      this[name] = a;
    }
  }
}
