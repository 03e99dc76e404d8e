/**
 * Network hops between components: a latency distribution per ordered pair (from → to), the
 * scenario's default unless a link overrides it. A hop whose latency is the constant 0 is
 * delivered at once, without an event (so single-station models pay nothing for the network).
 * Simplification: no bandwidth, loss or reordering; each direction of a call is one hop.
 */

import type { DistributionSpec } from '../engine/index.ts';
import {
  Constant,
  createDistribution,
  type Distribution,
  type Handler,
  type RandomSource,
  type Simulation,
} from '../engine/index.ts';
import type { NetworkDef } from '../scenario/types.ts';

/** One direction of travel between two components. */
export class Hop {
  readonly zero: boolean;
  constructor(readonly latency: Distribution) {
    this.zero = latency instanceof Constant && latency.mean === 0;
  }
}

/** Latency of every hop, resolved once when the model is built. */
export class Network {
  #hops = new Map<string, Hop>();
  constructor(
    private readonly def: NetworkDef,
    private readonly rng: RandomSource,
  ) {}

  /** The hop from `from` to `to`; its draws come from the stream `network/<from>-><to>`. */
  hop(from: string, to: string): Hop {
    const key = `${from}->${to}`;
    let h = this.#hops.get(key);
    if (h === undefined) {
      const link =
        this.def.links.find((l) => l.from === from && l.to === to) ??
        this.def.links.find((l) => l.from === to && l.to === from);
      const spec: DistributionSpec = link?.latency ?? this.def.latency;
      h = new Hop(createDistribution(spec, this.rng.stream(`network/${key}`)));
      this.#hops.set(key, h);
    }
    return h;
  }
}

/** Delivers `handler(arg)` after the hop's latency (at once when it is zero). */
export function travel(sim: Simulation, hop: Hop, handler: Handler, arg: unknown): void {
  if (hop.zero) handler(arg);
  else sim.schedule(hop.latency.sample(), handler, arg);
}
