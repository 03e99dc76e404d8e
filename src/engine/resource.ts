/**
 * A resource with `capacity` identical slots and a FIFO queue, as SimPy's Resource: a thread
 * pool, a connection pool. A holder takes one slot; when every slot is held, newcomers wait in
 * arrival order; when the queue is bounded and full, they are rejected at once.
 * Grants are synchronous callbacks (no event per hand-off); re-entrant releases are trampolined
 * so a chain of zero-time holders cannot grow the stack.
 */
import { Fifo } from './fifo.ts';

/** Result of {@link Resource.request}. */
export const Grant = { granted: 0, queued: 1, rejected: 2 } as const;
export type Grant = (typeof Grant)[keyof typeof Grant];

/** Slots plus a FIFO wait queue with an optional bound. */
export class Resource<T> {
  /** Number of slots. */
  capacity: number;
  /** Maximum number of waiting holders (Infinity = unbounded). */
  readonly queueCapacity: number;
  /** Slots currently held; above capacity only while holders over a lowered capacity finish. */
  inUse = 0;
  #queue = new Fifo<T>();
  #onGrant: (item: T) => void;
  #dispatching = false;

  /**
   * @param capacity number of slots (≥ 1)
   * @param queueCapacity maximum waiting holders; 0 means reject whenever all slots are held
   * @param onGrant called with a queued item when it is given a slot
   */
  constructor(capacity: number, queueCapacity: number, onGrant: (item: T) => void) {
    if (!(capacity >= 1)) throw new RangeError(`resource capacity must be ≥ 1, got ${capacity}`);
    if (!(queueCapacity >= 0))
      throw new RangeError(`queue capacity must be ≥ 0, got ${queueCapacity}`);
    this.capacity = capacity;
    this.queueCapacity = queueCapacity;
    this.#onGrant = onGrant;
  }

  /** Number of waiting holders. */
  get queueLength(): number {
    return this.#queue.length;
  }

  /**
   * Asks for a slot for `item`. Returns `Grant.granted` when a slot was free (the caller holds
   * it now), `Grant.queued` when `item` waits (onGrant(item) fires later), `Grant.rejected`
   * when the queue is full.
   */
  request(item: T): Grant {
    if (this.inUse < this.capacity && this.#queue.length === 0) {
      this.inUse++;
      return Grant.granted;
    }
    if (this.#queue.length >= this.queueCapacity) return Grant.rejected;
    this.#queue.push(item);
    return Grant.queued;
  }

  /** Frees one slot; hands it to the longest-waiting item, if any. */
  release(): void {
    if (this.inUse <= 0) throw new Error('release() without a held slot');
    // the slot is free at once (so the guard above and request() see it); only the hand-over
    // waits: a release made inside onGrant returns here, and the #fill loop already running
    // lower on the stack re-checks for a free slot after each grant, so chains do not recurse
    this.inUse--;
    if (this.#queue.length > 0 && !this.#dispatching) this.#dispatch();
  }

  /** Changes the number of slots; extra holders above a lowered capacity finish normally. */
  setCapacity(capacity: number): void {
    if (!(capacity >= 0)) throw new RangeError(`resource capacity must be ≥ 0, got ${capacity}`);
    this.capacity = capacity;
    if (!this.#dispatching) this.#dispatch();
  }

  #dispatch(): void {
    this.#dispatching = true;
    try {
      this.#fill();
    } finally {
      this.#dispatching = false;
    }
  }

  #fill(): void {
    while (this.inUse < this.capacity && this.#queue.length > 0) {
      this.inUse++;
      this.#onGrant(this.#queue.shift() as T);
    }
  }
}
