/**
 * Timeouts of one fixed length (a call step's timeout, a client's patience) as a FIFO of
 * deadlines instead of one heap event each. Deadlines of a fixed-length timeout arrive in
 * order, so only the earliest needs an event; entries whose wait already ended (the reply came
 * first) are dropped without ever reaching the event list. This keeps the event heap small and
 * makes a timeout that does not fire nearly free.
 */
import { Fifo } from './fifo.ts';
import { Priority, type Simulation } from './simulation.ts';

/** Fires `onTimeout(item)` `delayMs` after `add(item)` unless `isPending(item)` is then false. */
export class TimeoutQueue<T> {
  #items = new Fifo<T>();
  #deadlines = new Fifo<number>();
  #armed = false;
  readonly #fire = () => this.#expire();

  constructor(
    private readonly sim: Simulation,
    readonly delayMs: number,
    private readonly isPending: (item: T) => boolean,
    private readonly onTimeout: (item: T) => void,
  ) {
    if (!(delayMs >= 0)) throw new RangeError(`timeout must be ≥ 0, got ${delayMs}`);
  }

  /** Number of entries waiting (some may no longer be pending). */
  get size(): number {
    return this.#items.length;
  }

  /** Starts the timeout of `item` now. */
  add(item: T): void {
    this.#items.push(item);
    this.#deadlines.push(this.sim.now + this.delayMs);
    if (!this.#armed) this.#arm();
  }

  #arm(): void {
    // drop entries that finished in the meantime; arm an event for the first live one
    while (this.#items.length > 0 && !this.isPending(this.#items.peek() as T)) {
      this.#items.shift();
      this.#deadlines.shift();
    }
    if (this.#items.length === 0) {
      this.#armed = false;
      return;
    }
    this.#armed = true;
    this.sim.scheduleAt(this.#deadlines.peek() as number, this.#fire, undefined, Priority.normal);
  }

  #expire(): void {
    const now = this.sim.now;
    while (this.#items.length > 0 && (this.#deadlines.peek() as number) <= now) {
      const item = this.#items.shift() as T;
      this.#deadlines.shift();
      if (this.isPending(item)) this.onTimeout(item);
    }
    this.#arm();
  }
}
