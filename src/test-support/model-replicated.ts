/**
 * Test factory for replicated data (model/replicated.ts) driven directly on a Simulation, with
 * no scenario: the scripted cases and theory checks of model/replicated*.test.ts build the data
 * and its statistics here, and script it with the three moves every case makes: run something
 * at an instant (`at`), look at copies 0 and 1 of a key at an instant (`look`, into `seen`), and
 * run to the end for the summary (`run`). `pair` builds two copies whose sync links carry
 * faults driven by the model's own fault timeline (the struck-link cases of
 * replicated-faults.test.ts and replicated-lossy.test.ts); `liveIn` puts a copy in service
 * instances struck by `crash` faults (replicated-crash.test.ts and the references).
 */
import { expect } from 'vitest';
import { Constant, type Distribution, RandomSource, Simulation } from '../engine/index.ts';
import {
  ReplicatedStats,
  type ReplicatedSummary,
  summarizeReplicated,
} from '../metrics/replicated-stats.ts';
import { FaultState, LinkFaultState, scheduleFault } from '../model/faults.ts';
import { Hop } from '../model/network.ts';
import { ReplicatedData } from '../model/replicated.ts';
import type { FaultDef, ReplicatedDef } from '../scenario/types.ts';

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
  /** Durable when left out. */
  delivery?: ReplicatedDef['delivery'];
  /** The reconciliation's period (ms); none when left out. */
  reconcileMs?: number;
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
  /** Runs the simulation to its end (or to `untilMs`: a reconciliation never ends) and summarizes the statistics. */
  run(untilMs?: number): ReplicatedSummary;
}

/** Replicated data `stock` as `o` says, on its own simulation (or `o.sim`). */
export function replicatedRig(o: ReplicatedRigOptions): ReplicatedRig {
  const sim = o.sim ?? new Simulation();
  const keys = o.keys ?? 1;
  const stats = new ReplicatedStats('stock', o.merge, o.copies.length, keys);
  const sync: Distribution =
    typeof o.sync === 'number' ? new Constant(o.sync) : new Scripted(o.sync);
  const data = new ReplicatedData(
    { copies: o.copies, keys, merge: o.merge, delivery: o.delivery, reconcileMs: o.reconcileMs },
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
  const run = (untilMs?: number): ReplicatedSummary => {
    sim.run({ untilMs });
    return summarizeReplicated(stats);
  };
  return { sim, data, stats, at, look, seen, values, run };
}

/** A fault on the link a → b (or b → a) over the windows given (ms). */
export function fault(
  kind: FaultDef['kind'],
  windows: [number, number][],
  extra: Partial<FaultDef> = {},
): FaultDef {
  return {
    id: `${kind}-fault`,
    description: '',
    kind,
    component: null,
    instances: null,
    link: { from: 'a', to: 'b' },
    windows: windows.map(([startMs, endMs]) => ({ startMs, endMs })),
    mode: kind === 'partition' ? 'drop' : null,
    add: null,
    factor: 1,
    rate: 0,
    remaining: 1,
    ...extra,
  } as FaultDef;
}

/**
 * Two copies (a = 0, b = 1) of one key synced after a constant 10 ms, the faults `ab` striking
 * a → b and `o.ba` striking b → a; `o` also sets the keys, the sync (ReplicatedRig) and the
 * seed of the faults' random source (returned as `rng`, for a test's own draws).
 */
export function pair(
  merge: Merge,
  ab: FaultDef[],
  o: {
    ba?: FaultDef[];
    keys?: number;
    sync?: number | number[];
    seed?: number;
    delivery?: ReplicatedDef['delivery'];
    reconcileMs?: number;
  } = {},
) {
  const sim = new Simulation();
  const rng = new RandomSource(o.seed ?? 7);
  const hop = (from: string, to: string, faults: FaultDef[]) => {
    const h = new Hop(new Constant(0));
    if (faults.length > 0) {
      const state = new LinkFaultState(from, to, rng.stream(`fault/${from}->${to}/errors`));
      h.fault = state;
      for (const f of faults) scheduleFault(sim, rng, f, [], state);
    }
    return h;
  };
  const hops = { ab: hop('a', 'b', ab), ba: hop('b', 'a', o.ba ?? []) };
  const rig = replicatedRig({
    merge,
    copies: ['a', 'b'],
    keys: o.keys,
    sync: o.sync ?? 10,
    hops: [null, hops.ab, hops.ba, null],
    sim,
    delivery: o.delivery,
    reconcileMs: o.reconcileMs,
  });
  return { ...rig, ...hops, rng };
}

/** A crash (`refuse` unless `mode` says `hang` or `freeze`) over the windows given (ms). */
export const crash = (windows: [number, number][], mode: FaultDef['mode'] = 'refuse') =>
  fault('crash', windows, { link: null, component: 'copy', mode });

/**
 * Copy `copy` of `data` lives in one service instance per list of `instances`, each struck by
 * its list's faults on the model's own fault timeline (faults.ts `scheduleFault`, on `sim`, with
 * `rng`); the instances' fault states, in order.
 */
export function liveIn(
  data: ReplicatedData,
  copy: number,
  instances: FaultDef[][],
  rng = new RandomSource(7),
): FaultState[] {
  const states = instances.map((faults, i) => {
    const name = `copy${copy}[${i}]`;
    const state = new FaultState(name, rng.stream(`fault/${name}/errors`), null, () => {});
    for (const f of faults) scheduleFault(data.sim, rng, f, [{ name, state }], null);
    return state;
  });
  data.pipeline.liveIn(
    copy,
    states.map((fault) => ({ fault })),
  );
  return states;
}

/** a adds 1 to key 0 at 10 (a state sent to b), and both copies are looked at at `looks` (ms). */
export function sendOne(p: ReturnType<typeof pair>, looks: number[]): void {
  p.at(10, () => p.data.update(0, 0, 1));
  for (const t of looks) p.look(t);
}

/** The looks `seen` when a's one update reaches b at `arrivesMs`: a has it at each, b from then. */
export const reachedAt = (arrivesMs: number, looks: number[]) =>
  looks.map((t) => [t, 1, t >= arrivesMs ? 1 : 0]);

/** sendOne, run, and expect the update to reach b at `arrivesMs`; the run's summary. */
export function arrivesAt(p: ReturnType<typeof pair>, arrivesMs: number, looks: number[]) {
  sendOne(p, looks);
  const s = p.run();
  expect(p.seen).toEqual(reachedAt(arrivesMs, looks));
  return s;
}

/**
 * Two services selling from their own copies of `stock` (200 keys, sync 50 ms), 20 s, under the
 * `faults:` given (YAML lines); `stock` are more keys of the data (`delivery: lossy, …`).
 */
export const cutScenario = (merge: Merge, faults: string, stock = '') => `version: 1
name: cut
seed: 5
duration: 20s
workloads:
  shop: { rate: 200/s, target: shop/sell }
  store: { rate: 100/s, target: store/sell }
services:
  shop:
    endpoints:
      sell: { steps: [{ cpu: 1ms }, { readCopy: { data: stock } }, { updateCopy: { data: stock, delta: -1 } }] }
  store:
    endpoints:
      sell: { steps: [{ cpu: 1ms }, { readCopy: { data: stock } }, { updateCopy: { data: stock, delta: -1 } }] }
replicated:
  stock: { copies: [shop, store], keys: 200, merge: ${merge}, sync: 50ms${stock === '' ? '' : `, ${stock}`} }
faults:
${faults}
`;
