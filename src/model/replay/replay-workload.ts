/**
 * The model's side of a replayed workload (arrivals.ts says what it is given): it pulls the
 * arrivals of an `ArrivalSource` one at a time and sends each at its time.
 */
import type { Simulation } from '../../engine/index.ts';
import { Request } from '../frame.ts';
import { activeTracer } from '../journey.ts';
import type { EntryRuntime } from '../workload.ts';
import type { ArrivalSource } from './arrivals.ts';

/**
 * A replayed workload: each arrival of the source is sent at its time to its target (or one
 * chosen by the mix). The next arrival is read only when the previous one fires.
 */
export class ReplayWorkload {
  readonly #fire = () => this.#arrive();

  constructor(
    private readonly sim: Simulation,
    private readonly source: ArrivalSource,
    private readonly entries: readonly EntryRuntime[],
    private readonly choose: () => EntryRuntime,
  ) {}

  /** Schedules the first arrival. */
  start(): void {
    this.#scheduleNext();
  }

  #arrive(): void {
    const s = this.source;
    const entry = s.target >= 0 ? this.entries[s.target] : this.choose();
    const req = new Request(entry, this.sim.now);
    if (s.key !== null && activeTracer !== null) activeTracer.keyOf(req, s.key);
    entry.sendRequest(req);
    this.#scheduleNext();
  }

  #scheduleNext(): void {
    const s = this.source;
    if (!s.next()) return;
    // a source keeps its times in order; a time before now would be a bug in it
    if (!(s.timeMs >= this.sim.now))
      throw new Error(`replayed arrival at ${s.timeMs} ms is before now (${this.sim.now} ms)`);
    this.sim.scheduleAt(s.timeMs, this.#fire);
  }
}
