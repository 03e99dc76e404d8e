/**
 * Generator processes on top of the callback kernel, for background activities that read best
 * top to bottom (periodic refreshers, fault timelines, users looping through think time):
 * `yield 5` waits 5 ms, `yield signal` waits until the signal is triggered and returns its value.
 * The hot request path uses callbacks directly (measured faster, see src/README.md).
 */
import { Priority, type Simulation } from './simulation.ts';

/**
 * Something a process can wait on: a delay in ms, or a signal of any value type (Signal is
 * invariant in its value type, so Signal<unknown> would reject a Signal<string>).
 */
// biome-ignore lint/suspicious/noExplicitAny: a signal of any value type may be yielded
export type Yieldable = number | Signal<any>;

/** A one-shot or repeatable notification that processes can wait for. */
export class Signal<T> {
  #waiters: ((value: T) => void)[] = [];
  constructor(private readonly sim: Simulation) {}

  /** Registers a callback run (as an urgent event at the trigger time) on the next trigger. */
  wait(callback: (value: T) => void): void {
    this.#waiters.push(callback);
  }

  /** Wakes every current waiter with `value`; later waiters wait for the next trigger. */
  trigger(value: T): void {
    const waiters = this.#waiters;
    this.#waiters = [];
    for (const w of waiters) this.sim.schedule(0, w, value, Priority.urgent);
  }

  /** Number of callbacks waiting. */
  get waiting(): number {
    return this.#waiters.length;
  }
}

/** A running generator process. */
export class Process {
  #done = false;
  #cancelled = false;
  readonly #resume = (value: unknown) => this.#step(value);

  constructor(
    private readonly sim: Simulation,
    private readonly generator: Generator<Yieldable, void, unknown>,
  ) {
    sim.schedule(0, this.#resume, undefined, Priority.urgent);
  }

  /** True once the generator has returned or the process was cancelled. */
  get done(): boolean {
    return this.#done || this.#cancelled;
  }

  /** Stops the process: it is never resumed again (its pending wake-up is ignored). */
  cancel(): void {
    this.#cancelled = true;
  }

  #step(value: unknown): void {
    if (this.#cancelled || this.#done) return;
    const r = this.generator.next(value);
    if (r.done) {
      this.#done = true;
      return;
    }
    const y = r.value;
    if (typeof y === 'number') this.sim.schedule(y, this.#resume, undefined);
    else if (y instanceof Signal) y.wait(this.#resume);
    else throw new TypeError(`a process may yield a delay in ms or a Signal, got ${String(y)}`);
  }
}

/** Starts `generator` as a process at the current time. */
export function startProcess(
  sim: Simulation,
  generator: Generator<Yieldable, void, unknown>,
): Process {
  return new Process(sim, generator);
}
