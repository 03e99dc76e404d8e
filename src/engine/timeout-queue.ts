/**
 * Timeouts of one fixed length (a call step's timeout, a client's patience) as a FIFO of
 * deadlines instead of one heap event each. Deadlines of a fixed-length timeout arrive in
 * order, so only the earliest needs an event; entries whose wait already ended (the reply came
 * first) are dropped without ever reaching the event list. This keeps the event list short and
 * makes a timeout that does not fire nearly free.
 *
 * Entries that settled are dropped from the head when an event is armed, and, for items whose
 * wait once ended never starts again (`settledForGood`: a call's caller stops waiting for good, a
 * client's request finishes once), also at every add. Otherwise a settled call stayed in the
 * FIFO until its deadline passed (a second or more after it ended), and with it its frame and
 * request: at 1,000 requests/s thousands of them lived through garbage collections (the shop's
 * scavenges took ~1.1 instead of ~0.7 ms, and ~5 % of the loop at 5,000 requests/s went to GC:
 * bench/README, seventh round). Dropping earlier changes nothing that happens: an entry dropped
 * is one whose item would never have timed out, the event armed is always the one for the
 * first pending entry, so every event keeps its time and its place in the order (tested:
 * timeout-queue.test.ts, and whole summaries with and without in model/timeouts-drop.test.ts).
 *
 * The entries are a ring of their own (items in an array, deadlines in a Float64Array) rather
 * than two engine/fifo.ts queues: a deadline in a Fifo of numbers was a boxed number per call,
 * and the shop's loop ran ~4 % faster with the ring (bench/README, seventh round).
 */
import { Priority, type Simulation } from './simulation.ts';

/** Fires `onTimeout(item)` `delayMs` after `add(item)` unless `isPending(item)` is then false. */
export class TimeoutQueue<T> {
  /**
   * Whether queues of items settled for good drop settled entries at every add (true; a test
   * runs whole models without, to show that the outputs are the same).
   */
  static dropSettledOnAdd = true;
  // a ring of entries: the items and their deadlines, from #head, #length of them
  #items: (T | undefined)[] = new Array(16).fill(undefined);
  #deadlines = new Float64Array(16);
  #head = 0;
  #length = 0;
  #mask = 15;
  #armed = false;
  readonly #dropOnAdd: boolean;
  readonly #fire = () => this.#expire();

  /**
   * @param settledForGood true when an item that is no longer pending never becomes pending
   *   again (its entry can then go as soon as it is seen settled)
   */
  constructor(
    private readonly sim: Simulation,
    readonly delayMs: number,
    private readonly isPending: (item: T) => boolean,
    private readonly onTimeout: (item: T) => void,
    settledForGood = false,
  ) {
    if (!(delayMs >= 0)) throw new RangeError(`timeout must be ≥ 0, got ${delayMs}`);
    this.#dropOnAdd = settledForGood && TimeoutQueue.dropSettledOnAdd;
  }

  /** Number of entries waiting (some may no longer be pending). */
  get size(): number {
    return this.#length;
  }

  /** Starts the timeout of `item` now. */
  add(item: T): void {
    if (this.#dropOnAdd) this.#dropSettled();
    if (this.#length > this.#mask) this.#grow();
    const at = (this.#head + this.#length) & this.#mask;
    this.#items[at] = item;
    this.#deadlines[at] = this.sim.now + this.delayMs;
    this.#length++;
    if (!this.#armed) this.#arm();
  }

  /** Removes the head entry and returns its item. */
  #shift(): T {
    const head = this.#head;
    const item = this.#items[head] as T;
    this.#items[head] = undefined;
    this.#head = (head + 1) & this.#mask;
    this.#length--;
    return item;
  }

  /** Drops the entries at the head whose wait already ended. */
  #dropSettled(): void {
    while (this.#length > 0 && !this.isPending(this.#items[this.#head] as T)) this.#shift();
  }

  #grow(): void {
    const cap = (this.#mask + 1) * 2;
    const items: (T | undefined)[] = new Array(cap).fill(undefined);
    const deadlines = new Float64Array(cap);
    for (let i = 0; i < this.#length; i++) {
      const j = (this.#head + i) & this.#mask;
      items[i] = this.#items[j];
      deadlines[i] = this.#deadlines[j];
    }
    this.#items = items;
    this.#deadlines = deadlines;
    this.#head = 0;
    this.#mask = cap - 1;
  }

  #arm(): void {
    // drop entries that finished in the meantime; arm an event for the first live one
    this.#dropSettled();
    if (this.#length === 0) {
      this.#armed = false;
      return;
    }
    this.#armed = true;
    this.sim.scheduleAt(this.#deadlines[this.#head], this.#fire, undefined, Priority.normal);
  }

  #expire(): void {
    const now = this.sim.now;
    while (this.#length > 0 && this.#deadlines[this.#head] <= now) {
      const item = this.#shift();
      if (this.isPending(item)) this.onTimeout(item);
    }
    this.#arm();
  }
}
