/**
 * Pending-event list on (time, priority, sequence): equal times run by priority, then in the
 * order they were scheduled (the sequence only grows), so a run never depends on how or where an
 * event is kept. Cancelling is left to callers (lazy: check a token).
 *
 * Two parts: a short list of the earliest events, sorted latest first (up to FRONT_MAX), in
 * front of a binary min-heap of all the later ones; every event in the list runs before every
 * event in the heap. pop() takes the list's last entry (the earliest event) while the list has
 * one, else the heap's top. push() puts an event that runs before the heap's top into the list
 * (scanning from its end, moving each entry that runs before the new one up by one; a full list
 * first moves its latest entry into the heap), any other into the heap.
 * Most models keep few events pending (M/M/1 ~3, the shop ~13, at most 28): they never reach the
 * heap, and a short predictable scan costs less than a heap's sift-down, whose comparisons go
 * either way at random (a mispredicted branch each): on the shop's recorded pattern of pushes and
 * pops ~27 % less per event (bench/README, seventh round). With many events pending, a new event
 * rarely runs before all but a few of them: the list stays short and the heap does the work, as
 * before (the list is then what a single front slot was: an event that arrives and is popped
 * while it is the earliest costs no heap operation).
 *
 * Both parts move numbers only: each event's handler and argument sit in a slot of their own
 * (`#handler`/`#arg`, by slot number) from push to pop, and the entries carry the slot number.
 * The argument is usually a young object (a request, a frame) and the slot arrays are
 * long-lived, so every store of one into them costs a write barrier's slow path; moving them
 * along the heap's path at each push and pop paid it ~log2(pending) times per event, the slot
 * once (the shop at ~200 pending events: ~5 % of its loop, measured).
 */
import { DOUBLE_ZERO } from './double-zero.ts';

/** A callback run when its event fires; `arg` is the object it was scheduled with. */
// biome-ignore lint/suspicious/noExplicitAny: handlers take the argument type they were scheduled with
export type Handler = (arg: any) => void;

// priority and sequence share one float64 key: priority * 2^45 + seq stays below 2^53 for
// priorities < 256 and up to 3.5e13 events.
const SEQ_SPAN = 2 ** 45;

/** Most events the list in front of the heap holds. */
export const FRONT_MAX = 32;

function noHandler(): void {}

/** Events keyed by (timeMs, priority, seq): a sorted list of the earliest in front of a heap. */
export class EventQueue {
  // the list, by position (latest first): time, key (priority and sequence), slot
  readonly #listTime = new Float64Array(FRONT_MAX);
  readonly #listKey = new Float64Array(FRONT_MAX);
  readonly #listSlot = new Int32Array(FRONT_MAX);
  #listSize = 0;
  // the heap, by position: time, key, slot
  #time: Float64Array;
  #key: Float64Array;
  #slot: Int32Array;
  #size = 0;
  // by slot: the handler and argument of a pending event; the free slots, as a stack
  #handler: Handler[];
  #arg: unknown[];
  #free: Int32Array;
  #freeCount = 0;
  #seq = 0;

  constructor(initialCapacity = 1024) {
    const slots = initialCapacity + FRONT_MAX;
    this.#time = new Float64Array(initialCapacity);
    this.#key = new Float64Array(initialCapacity);
    this.#slot = new Int32Array(initialCapacity);
    this.#handler = new Array(slots);
    this.#arg = new Array(slots);
    this.#free = new Int32Array(slots);
    this.#addFreeSlots(0, slots);
  }

  /** Number of pending events. */
  get size(): number {
    return this.#listSize + this.#size;
  }

  /** Events in the list in front of the heap (tests read it). */
  get listSize(): number {
    return this.#listSize;
  }

  /** Time of the earliest pending event, or Infinity when empty. */
  peekTime(): number {
    const n = this.#listSize;
    if (n > 0) return this.#listTime[n - 1];
    return this.#size === 0 ? Number.POSITIVE_INFINITY : this.#time[0];
  }

  /** Adds an event; priority is an integer in [0, 255], lower runs first at equal times. */
  push(timeMs: number, priority: number, handler: Handler, arg: unknown): void {
    const key = priority * SEQ_SPAN + this.#seq++;
    if (this.#size === this.#time.length) this.#grow();
    const slot = this.#free[--this.#freeCount];
    this.#handler[slot] = handler;
    this.#arg[slot] = arg;
    if (this.#size > 0) {
      const ht = this.#time[0];
      if (ht < timeMs || (ht === timeMs && this.#key[0] < key)) {
        this.#heapPush(timeMs, key, slot);
        return;
      }
    }
    const n = this.#listSize;
    if (n === FRONT_MAX) {
      const lt = this.#listTime[0];
      if (lt < timeMs || (lt === timeMs && this.#listKey[0] < key)) {
        // after every event in the list: the heap's new top
        this.#heapPush(timeMs, key, slot);
        return;
      }
      this.#evictLatest();
    }
    this.#insert(timeMs, key, slot);
  }

  /** Puts an event into its place in the list (latest first, so the earliest is last). */
  #insert(timeMs: number, key: number, slot: number): void {
    const time = this.#listTime;
    const keys = this.#listKey;
    const slots = this.#listSlot;
    let i = this.#listSize++;
    while (i > 0) {
      const t = time[i - 1];
      if (t > timeMs || (t === timeMs && keys[i - 1] > key)) break;
      time[i] = t;
      keys[i] = keys[i - 1];
      slots[i] = slots[i - 1];
      i--;
    }
    time[i] = timeMs;
    keys[i] = key;
    slots[i] = slot;
  }

  /** Moves the list's latest entry (its first) into the heap, where it runs first. */
  #evictLatest(): void {
    const n = this.#listSize;
    this.#heapPush(this.#listTime[0], this.#listKey[0], this.#listSlot[0]);
    this.#listTime.copyWithin(0, 1, n);
    this.#listKey.copyWithin(0, 1, n);
    this.#listSlot.copyWithin(0, 1, n);
    this.#listSize = n - 1;
  }

  #heapPush(timeMs: number, key: number, slot: number): void {
    const time = this.#time;
    const keys = this.#key;
    const slots = this.#slot;
    let i = this.#size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const pt = time[parent];
      if (pt < timeMs || (pt === timeMs && keys[parent] < key)) break;
      time[i] = pt;
      keys[i] = keys[parent];
      slots[i] = slots[parent];
      i = parent;
    }
    time[i] = timeMs;
    keys[i] = key;
    slots[i] = slot;
  }

  /**
   * Removes the earliest event and returns its argument; its handler and time are left in
   * `poppedHandler` and `poppedTime` (avoids allocating a record per event). The argument is
   * returned rather than left in a field: it is usually a young object (a request), and one more
   * store of it into this long-lived queue would cost one more write barrier per event; handlers
   * are long-lived functions, which the barrier's fast check lets through.
   * @throws RangeError when the queue is empty.
   */
  pop(): unknown {
    const n = this.#listSize;
    if (n > 0) {
      this.#listSize = n - 1;
      this.poppedTime = this.#listTime[n - 1];
      return this.#release(this.#listSlot[n - 1]);
    }
    return this.#heapPop();
  }

  /** Empties slot `slot`: its handler goes to `poppedHandler`, its argument is returned. */
  #release(slot: number): unknown {
    const arg = this.#arg[slot];
    this.poppedHandler = this.#handler[slot];
    // the slot is free again; clear it so the argument can be collected
    this.#arg[slot] = undefined;
    this.#handler[slot] = noHandler;
    this.#free[this.#freeCount++] = slot;
    return arg;
  }

  #heapPop(): unknown {
    if (this.#size === 0) throw new RangeError('pop() on an empty event queue');
    const time = this.#time;
    const keys = this.#key;
    const slots = this.#slot;
    const top = slots[0];
    this.poppedTime = time[0];
    const n = --this.#size;
    if (n > 0) {
      // sift the last entry down from the root
      const lt = time[n];
      const lk = keys[n];
      const ls = slots[n];
      let i = 0;
      for (;;) {
        let child = 2 * i + 1;
        if (child >= n) break;
        const right = child + 1;
        if (
          right < n &&
          (time[right] < time[child] || (time[right] === time[child] && keys[right] < keys[child]))
        ) {
          child = right;
        }
        const ct = time[child];
        if (lt < ct || (lt === ct && lk < keys[child])) break;
        time[i] = ct;
        keys[i] = keys[child];
        slots[i] = slots[child];
        i = child;
      }
      time[i] = lt;
      keys[i] = lk;
      slots[i] = ls;
    }
    return this.#release(top);
  }

  /** Time of the event last removed by pop(). */
  poppedTime = DOUBLE_ZERO;
  /** Handler of the event last removed by pop(). */
  poppedHandler: Handler = noHandler;

  #grow(): void {
    // at least 16, or a queue created with capacity 0 would never grow and drop every event
    const old = this.#time.length;
    const cap = Math.max(16, old * 2);
    const time = new Float64Array(cap);
    time.set(this.#time);
    const keys = new Float64Array(cap);
    keys.set(this.#key);
    const slots = new Int32Array(cap);
    slots.set(this.#slot);
    this.#time = time;
    this.#key = keys;
    this.#slot = slots;
    // the heap is full: the free slots are those the list does not use, and the new ones
    // old + FRONT_MAX … cap + FRONT_MAX - 1
    this.#handler.length = cap + FRONT_MAX;
    this.#arg.length = cap + FRONT_MAX;
    const free = new Int32Array(cap + FRONT_MAX);
    free.set(this.#free.subarray(0, this.#freeCount));
    this.#free = free;
    this.#addFreeSlots(old + FRONT_MAX, cap + FRONT_MAX);
  }

  /** Adds slots from … to - 1 to the free stack, the lowest on top. */
  #addFreeSlots(from: number, to: number): void {
    for (let s = to - 1; s >= from; s--) this.#free[this.#freeCount++] = s;
  }
}
