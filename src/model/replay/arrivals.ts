/**
 * Workloads from real data, as the model sees them: the model is given the data (ModelOptions
 * `data`, a `WorkloadData`) and never reads a file (the CLI streams them, cli/workload-files.ts;
 * a browser would give arrays). A replayed workload pulls its arrivals one at a time from an
 * `ArrivalSource` and schedules each at its time, so a log of any length takes constant memory
 * in the model (replay-workload.ts). A rate profile is a rate curve (RatePiece[]) for the
 * ordinary open workload. This file holds the data's types only, so that checking the files
 * (data-files.ts, `msasim validate`) does not load the simulator.
 */
import type { RatePiece, Scenario } from '../../scenario/types.ts';

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
 * The data file a workload reads, and in which role: a replayed log of arrivals, or the rate
 * profile of an open workload; null for a workload that reads none.
 */
export function dataFileOf(w: Scenario['workloads'][number]) {
  if (w.kind === 'replay') return { role: 'replay' as const, def: w.replay };
  if (w.kind === 'open' && w.profile !== null)
    return { role: 'rateProfile' as const, def: w.profile };
  return null;
}

/** True when some workload of `scenarios` reads a data file (what `validate` checks row by row). */
export function readsDataFiles(scenarios: readonly Scenario[]): boolean {
  return scenarios.some((s) => s.workloads.some((w) => dataFileOf(w) !== null));
}
