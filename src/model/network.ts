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
import type { LinkKind, LinkSummary } from '../metrics/summary.ts';
import type { NetworkDef } from '../scenario/types.ts';

/**
 * The faults striking a link, as a hop sees them (a LinkFaultState, model/faults.ts): while
 * `active`, every message over the hop goes through `travel`, which may lose, refuse or delay it.
 */
export interface HopFault {
  readonly active: boolean;
  travel(sim: Simulation, hop: Hop, handler: Handler, arg: unknown): void;
}

/** A directed link of the topology (requests go out on `out`, replies come back on `back`). */
export interface Link {
  from: string;
  to: string;
  kind: LinkKind;
  out: Hop;
  back: Hop;
}

/** One direction of travel between two components. */
export class Hop {
  readonly zero: boolean;
  /** Messages sent over this hop since the statistics window opened. */
  messages = 0;
  /** Faults striking this link (null when none ever does: the common, fast case). */
  fault: HopFault | null = null;
  /** Answers the sender of a request the link refused (set by the model per link kind). */
  refuse: ((arg: unknown, cause: string) => void) | null = null;
  constructor(readonly latency: Distribution) {
    this.zero = latency instanceof Constant && latency.mean === 0;
  }
}

/** Latency of every hop, resolved once when the model is built. */
export class Network {
  #hops = new Map<string, Hop>();
  #links = new Map<string, Link>();
  constructor(
    private readonly def: NetworkDef,
    private readonly rng: RandomSource,
  ) {}

  /**
   * The link from `from` to `to` (created once; its kind is the first one given): the hop out
   * and the hop back. Links are the topology: the messages on their `out` hops are its load.
   */
  link(from: string, to: string, kind: LinkKind): Link {
    const key = `${from}->${to}`;
    let l = this.#links.get(key);
    if (l === undefined) {
      l = { from, to, kind, out: this.hop(from, to), back: this.hop(to, from) };
      this.#links.set(key, l);
    }
    return l;
  }

  /** The link from `from` to `to`, if the model created it. */
  find(from: string, to: string): Link | undefined {
    return this.#links.get(`${from}->${to}`);
  }

  /** Starts counting messages afresh (the statistics window opens). */
  resetCounts(): void {
    for (const h of this.#hops.values()) h.messages = 0;
  }

  /** Every link with the messages sent over it in a window of `windowMs`, in creation order. */
  linkSummaries(windowMs: number): LinkSummary[] {
    return [...this.#links.values()].map((l) => ({
      from: l.from,
      to: l.to,
      kind: l.kind,
      messages: l.out.messages,
      perSec: windowMs > 0 ? (l.out.messages * 1000) / windowMs : 0,
    }));
  }

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

/**
 * Zero-latency hops delivered at once that may be nested on the call stack (a call chain, each
 * reply resuming its caller): deeper, the hop is delivered by an event at the same instant, so a
 * chain of thousands of services cannot overflow the stack. Real chains stay far below it.
 */
const MAX_NESTED_HOPS = 200;

/** Delivers `handler(arg)` after the hop's latency (at once when it is zero). */
export function travel(sim: Simulation, hop: Hop, handler: Handler, arg: unknown): void {
  hop.messages++;
  const lf = hop.fault;
  if (lf?.active) lf.travel(sim, hop, handler, arg);
  else if (hop.zero) {
    // no try/finally: a handler that throws ends the run, and its Simulation with it
    if (sim.nested < MAX_NESTED_HOPS) {
      sim.nested++;
      handler(arg);
      sim.nested--;
    } else sim.schedule(0, handler, arg);
  } else sim.schedule(hop.latency.sample(), handler, arg);
}
