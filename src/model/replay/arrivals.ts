/**
 * Workloads from real data, as the model sees them: the model is given the data (ModelOptions
 * `data`, a `WorkloadData`) and never reads a file (the CLI streams them, cli/workload-files.ts;
 * a browser would give arrays). A replayed workload pulls its arrivals one at a time from an
 * `ArrivalSource` and schedules each at its time, so a log of any length takes constant memory
 * in the model. A rate profile is a rate curve (RatePiece[]) for the ordinary open workload.
 */
import type { Simulation } from '../../engine/index.ts';
import type { RatePiece } from '../../scenario/types.ts';
import { Request } from '../frame.ts';
import { activeTracer } from '../journey.ts';
import type { EntryRuntime } from '../workload.ts';

/** Arrivals in time order, pulled one at a time (no allocation per arrival). */
export interface ArrivalSource {
  /** Moves to the next arrival; false when there is none. */
  next(): boolean;
  /** The current arrival's time, simulated ms (never less than the previous one's). */
  readonly timeMs: number;
  /** Its target: an index into the workload's targets, or −1 to choose by the mix. */
  readonly target: number;
  /** Its key (from the file's key column), or null. */
  readonly key: string | null;
}

/** The data of the workloads that replay files, by workload id (each call starts afresh). */
export interface WorkloadData {
  /** The arrivals of replayed workload `id`, from the first. */
  arrivals(id: string): ArrivalSource;
  /** The rate curve of open workload `id` with a rate profile. */
  rates(id: string): RatePiece[];
}

/** Arrivals held in arrays (an OTLP file, a test, a browser). */
export class ArraySource implements ArrivalSource {
  #i = -1;
  timeMs = 0;
  target = -1;
  key: string | null = null;
  constructor(
    readonly times: ArrayLike<number>,
    readonly targets: ArrayLike<number> | null = null,
    readonly keys: readonly (string | null)[] | null = null,
  ) {}
  next(): boolean {
    const i = ++this.#i;
    if (i >= this.times.length) return false;
    this.timeMs = this.times[i];
    this.target = this.targets === null ? -1 : this.targets[i];
    this.key = this.keys === null ? null : this.keys[i];
    return true;
  }
}

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
