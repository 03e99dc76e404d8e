/**
 * Pending-event list: a binary min-heap on (time, priority, sequence) held in typed arrays, plus
 * one event kept in front of it. Equal times run by priority, then in the order they were
 * scheduled (the sequence only grows), so a run never depends on where an event is kept.
 * Cancelling is left to callers (lazy: check a token).
 *
 * The front slot holds an event outside the heap: a push goes there when it is free, or when the
 * new event comes before the one there (which then moves into the heap); pop() takes the earlier
 * of the front event and the heap's top. An event that arrives and is popped while it is the front
 * costs no heap operation. Few events are pending in small models, and the next event is then
 * often the one just scheduled: an M/M/1 pattern (3 pending events) runs ~15 % faster per event
 * on the event list alone, a list of 60 or 1,000 self-rescheduling timers within ±3 % (measured).
 *
 * The heap moves numbers only: each event's handler and argument sit in a slot of their own
 * (`#handler`/`#arg`, by slot number) from push to pop, and the heap's entries carry the slot
 * number. The argument is usually a young object (a request, a frame) and the slot arrays are
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

function noHandler(): void {}

/** Binary heap of events keyed by (timeMs, priority, seq). */
export class EventQueue {
  // the heap, by position: time, key (priority and sequence), slot of the handler and argument
  #time: Float64Array;
  #key: Float64Array;
  #slot: Int32Array;
  // by slot: the handler and argument of a pending event; the free slots, as a stack
  #handler: Handler[];
  #arg: unknown[];
  #free: Int32Array;
  #freeCount = 0;
  #size = 0;
  #seq = 0;
  /** The front event (when #hasFront), not in the heap. */
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

  /** Time of the earliest pending event, or Infinity when empty. */
  peekTime(): number {
    const top = this.#size === 0 ? Number.POSITIVE_INFINITY : this.#time[0];
    return this.#hasFront && this.#frontTime < top ? this.#frontTime : top;
  }

  /** Adds an event; priority is an integer in [0, 255], lower runs first at equal times. */
  push(timeMs: number, priority: number, handler: Handler, arg: unknown): void {
    const key = priority * SEQ_SPAN + this.#seq++;
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
    const time = this.#time;
    const keys = this.#key;
    const slots = this.#slot;
    const top = slots[0];
    const arg = this.#arg[top];
    this.poppedHandler = this.#handler[top];
    this.poppedTime = time[0];
    // the slot is free again; clear it so the argument can be collected
    this.#arg[top] = undefined;
    this.#handler[top] = noHandler;
    this.#free[this.#freeCount++] = top;
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
    return arg;
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
    // the heap is full, so no slot is free: the new ones are old … cap - 1
    this.#free = new Int32Array(cap);
    this.#addFreeSlots(old, cap);
  }

  /** Adds slots from … to - 1 to the free stack, the lowest on top. */
  #addFreeSlots(from: number, to: number): void {
    for (let s = to - 1; s >= from; s--) this.#free[this.#freeCount++] = s;
  }
}
