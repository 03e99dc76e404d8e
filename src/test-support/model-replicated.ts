/**
 * Test factory for replicated data (model/replicated.ts) driven directly on a Simulation, with
 * no scenario: the scripted cases and theory checks of model/replicated*.test.ts build the data
 * and its statistics here, and script it with the three moves every case makes: run something
 * at an instant (`at`), look at copies 0 and 1 of a key at an instant (`look`, into `seen`), and
 * run to the end for the summary (`run`).
 */
import { Constant, type Distribution, Simulation } from '../engine/index.ts';
import {
  ReplicatedStats,
  type ReplicatedSummary,
  summarizeReplicated,
} from '../metrics/replicated-stats.ts';
import type { Hop } from '../model/network.ts';
import { ReplicatedData } from '../model/replicated.ts';

export type Merge = 'lww' | 'crdt';

/** Sync delays drawn in a scripted order (1 ms once the script runs out). */
export class Scripted implements Distribution {
  /** Replicated data never reads it. */
  readonly mean = 1;
  constructor(private readonly delays: number[]) {}
  sample(): number {
    return this.delays.shift() ?? 1;
  }
}

export interface ReplicatedRigOptions {
  merge: Merge;
  copies: string[];
  /** Keys of the data (1 when left out). */
  keys?: number;
  /** The sync delay: a constant (ms), or the delays drawn in order (Scripted). */
  sync: number | number[];
  /** Whether the statistics window is open from the start (no warm-up); true when left out. */
  open?: boolean;
  /** The sync links' hops (ReplicatedData's `hops`); none when left out. */
  hops?: readonly (Hop | null)[];
  /** The simulation, when the hops need it first (their faults' timeline); a new one when left out. */
  sim?: Simulation;
}

export interface ReplicatedRig {
  sim: Simulation;
  data: ReplicatedData;
  stats: ReplicatedStats;
  /** Runs `what` at `atMs`. */
  at(atMs: number, what: () => void): void;
  /** Copies 0 and 1's values of `key` at `atMs`, pushed to `seen` as [atMs, copy 0, copy 1]. */
  look(atMs: number, key?: number): void;
  seen: [number, number, number][];
  /** Every copy's value of `key` (0 when left out), in the order of the copies. */
  values(key?: number): number[];
  /** Runs the simulation to its end and summarizes the statistics. */
  run(): ReplicatedSummary;
}

/** Replicated data `stock` as `o` says, on its own simulation (or `o.sim`). */
export function replicatedRig(o: ReplicatedRigOptions): ReplicatedRig {
  const sim = o.sim ?? new Simulation();
  const keys = o.keys ?? 1;
  const stats = new ReplicatedStats('stock', o.merge, o.copies.length, keys);
  const sync: Distribution =
    typeof o.sync === 'number' ? new Constant(o.sync) : new Scripted(o.sync);
  const data = new ReplicatedData(
    { copies: o.copies, keys, merge: o.merge },
    sim,
    stats,
    sync,
    o.open ?? true,
    o.hops ?? null,
  );
  const at = (atMs: number, what: () => void): void => {
    sim.scheduleAt(atMs, what);
  };
  const seen: [number, number, number][] = [];
  const look = (atMs: number, key = 0): void =>
    at(atMs, () => seen.push([atMs, data.value(0, key), data.value(1, key)]));
  const values = (key = 0): number[] => o.copies.map((_, c) => data.value(c, key));
  const run = (): ReplicatedSummary => {
    sim.run();
    return summarizeReplicated(stats);
  };
  return { sim, data, stats, at, look, seen, values, run };
}
