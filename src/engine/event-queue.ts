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
  #time: Float64Array;
  #key: Float64Array;
  #handler: Handler[];
  #arg: unknown[];
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
    this.#handler = new Array(initialCapacity);
    this.#arg = new Array(initialCapacity);
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
      // the new event comes first: it takes the front, the former front goes into the heap
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
    const time = this.#time;
    const keys = this.#key;
    const handlers = this.#handler;
    const args = this.#arg;
    // sift up with a hole instead of swaps
    let i = this.#size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const pt = time[parent];
      if (pt < timeMs || (pt === timeMs && keys[parent] < key)) break;
      time[i] = pt;
      keys[i] = keys[parent];
      handlers[i] = handlers[parent];
      args[i] = args[parent];
      i = parent;
    }
    time[i] = timeMs;
    keys[i] = key;
    handlers[i] = handler;
    args[i] = arg;
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
        // drop the references so finished requests can be collected
        this.#frontArg = undefined;
        this.#frontHandler = noHandler;
        return arg;
      }
    }
    return this.#heapPop();
  }

  #heapPop(): unknown {
    // without this guard the size would go negative and the next push would be lost
    if (this.#size === 0) throw new RangeError('pop() on an empty event queue');
    const time = this.#time;
    const keys = this.#key;
    const handlers = this.#handler;
    const args = this.#arg;
    const arg = args[0];
    this.poppedHandler = handlers[0];
    this.poppedTime = time[0];
    const n = --this.#size;
    if (n > 0) {
      const lt = time[n];
      const lk = keys[n];
      const lh = handlers[n];
      const la = args[n];
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
        handlers[i] = handlers[child];
        args[i] = args[child];
        i = child;
      }
      time[i] = lt;
      keys[i] = lk;
      handlers[i] = lh;
      args[i] = la;
    }
    // drop references so finished requests can be collected
    handlers[n] = undefined as unknown as Handler;
    args[n] = undefined;
    return arg;
  }

  /** Time of the event last removed by pop(). */
  poppedTime = DOUBLE_ZERO;
  /** Handler of the event last removed by pop(). */
  poppedHandler: Handler = noHandler;

  #grow(): void {
    // at least 16, or a queue created with capacity 0 would never grow and drop every event
    const cap = Math.max(16, this.#time.length * 2);
    const time = new Float64Array(cap);
    time.set(this.#time);
    const keys = new Float64Array(cap);
    keys.set(this.#key);
    this.#time = time;
    this.#key = keys;
    this.#handler.length = cap;
    this.#arg.length = cap;
  }
}
