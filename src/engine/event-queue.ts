/**
 * Pending-event list on (time, priority, sequence): equal times run by priority, then in the
 * order they were scheduled (the sequence only grows), so a run never depends on how or where an
 * event is kept. Cancelling is left to callers (lazy: check a token).
 *
 * Two layouts of the same typed arrays, chosen by the number of pending events:
 * - up to SORTED_MAX events, a list sorted latest first: pop() takes the last entry (the
 *   earliest), push() scans from the end, moving each entry that runs before the new one up by
 *   one, and writes the new one in the gap. Most models keep few events pending (M/M/1 ~3, the
 *   shop ~13, at most 28), and there a binary heap's sift-down, whose comparisons go either way
 *   at random (a mispredicted branch each), costs more than a short, predictable scan: on the
 *   shop's recorded pattern of pushes and pops the list costs ~27 % less per event than the heap
 *   did (bench/README, seventh round);
 * - above it, a binary min-heap (O(log n) per event, for models with thousands pending), plus
 *   one event kept in front of it: a push goes there when it is free, or when the new event comes
 *   before the one there (which then moves into the heap); pop() takes the earlier of the front
 *   event and the heap's top. An event that arrives and is popped while it is the front costs
 *   no heap operation.
 * The list becomes a heap when a push finds it full (reversed, a sorted list is a heap), the heap
 * a list again when a push finds fewer than SORTED_MIN events in it (drained in order); the gap
 * between the two bounds keeps a model that hovers around one of them from converting back and
 * forth. Either way the events come out in the same order: (time, priority, sequence) is a total
 * order, and both layouts pop its least element.
 *
 * Both layouts move numbers only: each event's handler and argument sit in a slot of their own
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

/** Most events the sorted list holds; one more makes it a heap. */
export const SORTED_MAX = 32;
/** A push that finds fewer events than this in the heap makes it a sorted list again. */
export const SORTED_MIN = 16;

function noHandler(): void {}

/** Events keyed by (timeMs, priority, seq): a sorted list while few, a binary heap beyond. */
export class EventQueue {
  // by position (list or heap): time, key (priority and sequence), slot of the handler and argument
  #time: Float64Array;
  #key: Float64Array;
  #slot: Int32Array;
  // by slot: the handler and argument of a pending event; the free slots, as a stack
  #handler: Handler[];
  #arg: unknown[];
  #free: Int32Array;
  #freeCount = 0;
  /** Entries in the list or the heap (the front event not included). */
  #size = 0;
  #seq = 0;
  /** True while the entries are a list sorted latest first; false: a heap (with the front). */
  #sorted = true;
  /** The front event (when #hasFront, heap layout only), not in the heap. */
  #hasFront = false;
  #frontTime = DOUBLE_ZERO;
  #frontKey = DOUBLE_ZERO;
  #frontHandler: Handler = noHandler;
  #frontArg: unknown = undefined;

  constructor(initialCapacity = 1024) {
    this.#time = new Float64Array(initialCapacity);
    this.#key = new Float64Array(initialCapacity);
    this.#slot = new Int32Array(initialCapacity);
    this.#handler = new Array(initialCapacity);
    this.#arg = new Array(initialCapacity);
    this.#free = new Int32Array(initialCapacity);
    this.#addFreeSlots(0, initialCapacity);
  }

  /** Number of pending events. */
  get size(): number {
    return this.#hasFront ? this.#size + 1 : this.#size;
  }

  /** The layout in use: a sorted list (few events pending) or a heap (tests read it). */
  get layout(): 'list' | 'heap' {
    return this.#sorted ? 'list' : 'heap';
  }

  /** Time of the earliest pending event, or Infinity when empty. */
  peekTime(): number {
    const n = this.#size;
    if (this.#sorted) return n === 0 ? Number.POSITIVE_INFINITY : this.#time[n - 1];
    const top = n === 0 ? Number.POSITIVE_INFINITY : this.#time[0];
    return this.#hasFront && this.#frontTime < top ? this.#frontTime : top;
  }

  /** Adds an event; priority is an integer in [0, 255], lower runs first at equal times. */
  push(timeMs: number, priority: number, handler: Handler, arg: unknown): void {
    const key = priority * SEQ_SPAN + this.#seq++;
    if (this.#sorted) {
      if (this.#size < SORTED_MAX) {
        this.#insert(timeMs, key, handler, arg);
        return;
      }
      this.#toHeap();
    } else if (this.#size < SORTED_MIN) {
      // pops brought the heap down: back to the list (the front event included)
      this.#toSorted();
      this.#insert(timeMs, key, handler, arg);
      return;
    }
    if (!this.#hasFront) {
      this.#hasFront = true;
      this.#setFront(timeMs, key, handler, arg);
      return;
    }
    const ft = this.#frontTime;
    if (timeMs < ft || (timeMs === ft && key < this.#frontKey)) {
      // the new event is earlier: it takes the front, the old front goes into the heap
      this.#heapPush(ft, this.#frontKey, this.#frontHandler, this.#frontArg);
      this.#setFront(timeMs, key, handler, arg);
    } else this.#heapPush(timeMs, key, handler, arg);
  }

  /** Puts an event into its place in the sorted list (latest first, so the earliest is last). */
  #insert(timeMs: number, key: number, handler: Handler, arg: unknown): void {
    if (this.#size === this.#time.length) this.#grow();
    const slot = this.#free[--this.#freeCount];
    this.#handler[slot] = handler;
    this.#arg[slot] = arg;
    const time = this.#time;
    const keys = this.#key;
    const slots = this.#slot;
    let i = this.#size++;
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

  #setFront(timeMs: number, key: number, handler: Handler, arg: unknown): void {
    this.#frontTime = timeMs;
    this.#frontKey = key;
    this.#frontHandler = handler;
    this.#frontArg = arg;
  }

  #heapPush(timeMs: number, key: number, handler: Handler, arg: unknown): void {
    if (this.#size === this.#time.length) this.#grow();
    const slot = this.#free[--this.#freeCount];
    this.#handler[slot] = handler;
    this.#arg[slot] = arg;
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
    if (this.#sorted) {
      if (this.#size === 0) throw new RangeError('pop() on an empty event queue');
      const n = --this.#size;
      this.poppedTime = this.#time[n];
      return this.#release(this.#slot[n]);
    }
    if (this.#hasFront) {
      const ft = this.#frontTime;
      if (
        this.#size === 0 ||
        ft < this.#time[0] ||
        (ft === this.#time[0] && this.#frontKey < this.#key[0])
      ) {
        const arg = this.#frontArg;
        this.poppedHandler = this.#frontHandler;
        this.poppedTime = ft;
        this.#hasFront = false;
        this.#frontArg = undefined;
        this.#frontHandler = noHandler;
        return arg;
      }
    }
    return this.#heapPop();
  }

  #heapPop(): unknown {
    if (this.#size === 0) throw new RangeError('pop() on an empty event queue');
    const top = this.#slot[0];
    this.poppedTime = this.#time[0];
    this.#removeTop();
    return this.#release(top);
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

  /** Removes the heap's top entry (its slot stays taken) and restores the heap below it. */
  #removeTop(): void {
    if (this.#size === 0) throw new RangeError('pop() on an empty event queue');
    const time = this.#time;
    const keys = this.#key;
    const slots = this.#slot;
    const n = --this.#size;
    if (n === 0) return;
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

  /** The full sorted list becomes a heap: reversed, earliest first, it already is one. */
  #toHeap(): void {
    const time = this.#time;
    const keys = this.#key;
    const slots = this.#slot;
    time.subarray(0, this.#size).reverse();
    keys.subarray(0, this.#size).reverse();
    slots.subarray(0, this.#size).reverse();
    this.#sorted = false;
  }

  /** The heap (and the front event) drained in order into the sorted list, latest first. */
  #toSorted(): void {
    if (this.#hasFront) {
      this.#heapPush(this.#frontTime, this.#frontKey, this.#frontHandler, this.#frontArg);
      this.#hasFront = false;
      this.#frontArg = undefined;
      this.#frontHandler = noHandler;
    }
    const n = this.#size;
    const time = new Float64Array(n);
    const keys = new Float64Array(n);
    const slots = new Int32Array(n);
    // the heap's entries in pop order, earliest first
    for (let i = 0; i < n; i++) {
      time[i] = this.#time[0];
      keys[i] = this.#key[0];
      slots[i] = this.#slot[0];
      this.#removeTop();
    }
    for (let i = 0; i < n; i++) {
      this.#time[n - 1 - i] = time[i];
      this.#key[n - 1 - i] = keys[i];
      this.#slot[n - 1 - i] = slots[i];
    }
    this.#size = n;
    this.#sorted = true;
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
    this.#handler.length = cap;
    this.#arg.length = cap;
    // every slot is taken, so none is free: the new ones are old … cap - 1
    this.#free = new Int32Array(cap);
    this.#addFreeSlots(old, cap);
  }

  /** Adds slots from … to - 1 to the free stack, the lowest on top. */
  #addFreeSlots(from: number, to: number): void {
    for (let s = to - 1; s >= from; s--) this.#free[this.#freeCount++] = s;
  }
}
