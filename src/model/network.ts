/**
 * Network hops between components: a latency distribution per ordered pair (from → to), the
 * scenario's default unless a link overrides it. A hop whose latency is the constant 0 is
 * delivered at once, without an event (so single-station models pay nothing for the network).
 * Simplification: no loss or reordering, no bandwidth unless asked (below); each direction of a
 * call is one hop.
 *
 * Bytes moved (issue 18): what travels may declare a size (a call's request and reply, a client
 * request and its answer, a published event, a saga's messages: `payload:`). A sized message
 * travels on a sized hop (`Network.sized`): a sibling of the link's hop with the same latency
 * distribution (the same object, so the same draws), faults and refusal, whose own message
 * count times its fixed size is the bytes it carried — nothing is added to `travel`, so a
 * model without sizes runs exactly as before. Rows read from key spaces vary per query: the
 * journey adds them to the query hop's `bytes` (endQuery). Simplification: a size is a
 * constant per step (no distribution); a message lost or refused on a struck link counts as
 * sent, as in `messages`.
 *
 * Optional and off by default, `network.bandwidth`: a sized message also takes its size ÷ the
 * bandwidth to send, added to the hop's latency (its sized hop's latency is the link's plus that
 * constant). Simplification: every link has the same bandwidth, each message has it to itself
 * (no congestion, no queueing behind other messages, no TCP slow start or windows), and rows
 * read from key spaces (which vary per query) take no transmission time.
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
import type { NetworkDef, PayloadDef } from '../scenario/types.ts';

/**
 * The faults striking a link, as a hop sees them (a LinkFaultState, model/faults.ts): while
 * `active`, every message over the hop goes through `travel`, which may lose, refuse or delay it.
 */
export interface HopFault {
  readonly active: boolean;
  travel(sim: Simulation, hop: Hop, handler: Handler, arg: unknown): void;
  /** The partition in force ('drop' fails messages at once, 'blackhole' loses them), or null. */
  readonly partition: 'drop' | 'blackhole' | null;
  /** Whether a message fails now (an error-rate fault's draw). */
  fails(): boolean;
  /** A message's time on the link, `ms` of its own, slowed by the latency faults in force. */
  stretch(ms: number): number;
  /** Calls `fn` once, when the partition in force ends (at once if none is). */
  whenHealed(fn: () => void): void;
}

/** A directed link of the topology (requests go out on `out`, replies come back on `back`). */
export interface Link {
  from: string;
  to: string;
  kind: LinkKind;
  out: Hop;
  back: Hop;
  /** The link's sized hops each way (Network.sized). */
  sizedOut: Hop[];
  sizedBack: Hop[];
}

/** One direction of travel between two components. */
export class Hop {
  readonly zero: boolean;
  /** Messages sent over this hop since the statistics window opened. */
  messages = 0;
  /** Messages sent over this hop before the statistics window opened (the warm-up). */
  warmupMessages = 0;
  /** Faults striking this link (null when none ever does: the common, fast case). */
  fault: HopFault | null = null;
  /** Answers the sender of a request the link refused (set by the model per link kind). */
  refuse: ((arg: unknown, cause: string) => void) | null = null;
  /** Bytes of rows read from key spaces (a query link's hop back; the journey's endQuery). */
  bytes = 0;
  constructor(
    readonly latency: Distribution,
    /** The size of every message sent over this hop, bytes (0: none declared). */
    readonly size = 0,
  ) {
    this.zero = latency instanceof Constant && latency.mean === 0;
  }
}

/**
 * A hop's latency plus a constant: a sized message's transmission time (its size ÷ the
 * network's bandwidth). It draws from the hop's own distribution, so the draws stay the same.
 */
class Plus implements Distribution {
  readonly mean: number;
  constructor(
    readonly base: Distribution,
    readonly add: number,
  ) {
    this.mean = base.mean + add;
  }
  sample(): number {
    return this.base.sample() + this.add;
  }
}

/** The bytes a link's sized hops carried: each one's messages × its size. */
const bytesOf = (hops: readonly Hop[]): number => hops.reduce((a, h) => a + h.messages * h.size, 0);

/** The messages a set of hops carried. */
const messagesOf = (hops: readonly Hop[]): number => hops.reduce((a, h) => a + h.messages, 0);

/** Latency of every hop, resolved once when the model is built. */
export class Network {
  #hops = new Map<string, Hop>();
  /** Each hop's sized siblings (Network.sized), by the hop. */
  #sized = new Map<Hop, Hop[]>();
  #links = new Map<string, Link>();
  /** The hops out of the links made by ownLink. */
  readonly #own: Hop[] = [];
  /**
   * True once something the scenario wrote declared a size (`network.payload`, a call's, a
   * workload's or a publish's `payload:`): the links then report the bytes they carried. A
   * saga's sizes (which have defaults) are counted on the links either way, reported with them.
   */
  bytesDeclared = false;
  constructor(
    private readonly def: NetworkDef,
    private readonly rng: RandomSource,
  ) {
    this.bytesDeclared = def.payload !== undefined;
  }

  /**
   * The link from `from` to `to` (created once; its kind is the first one given): the hop out
   * and the hop back. Links are the topology: the messages on their `out` hops are its load.
   */
  link(from: string, to: string, kind: LinkKind): Link {
    return this.#link(from, to, kind, this.hop(from, to));
  }

  /**
   * The link from `from` to `to` for messages that take no draw of the network's latency (a
   * replicated data's sync messages: their own delay). Made here, its hop out is its own: not
   * the hop back of the reverse link, whose replies would count as its messages. Made before,
   * it is that link (its kind, its hop, its faults).
   */
  ownLink(from: string, to: string, kind: LinkKind): Link {
    if (this.#links.has(`${from}->${to}`)) return this.link(from, to, kind);
    const own = new Hop(new Constant(0));
    this.#own.push(own);
    return this.#link(from, to, kind, own);
  }

  #link(from: string, to: string, kind: LinkKind, out: Hop): Link {
    const key = `${from}->${to}`;
    let l = this.#links.get(key);
    if (l === undefined) {
      l = {
        from,
        to,
        kind,
        out,
        back: this.hop(to, from),
        sizedOut: [],
        sizedBack: [],
      };
      this.#links.set(key, l);
    }
    return l;
  }

  /** The link from `from` to `to`, if the model created it. */
  find(from: string, to: string): Link | undefined {
    return this.#links.get(`${from}->${to}`);
  }

  /**
   * The hop to send messages of `size` bytes over instead of the link's hop `direction` (that
   * hop itself for size 0): one per link, direction and size, with the hop's latency (the same
   * distribution object: the same draws). Kept per link, as a link's hop back is also the hop
   * out of the reverse link, if any (their messages share the hop, not their bytes).
   */
  sized(link: Link, direction: 'out' | 'back', size: number): Hop {
    const hop = link[direction];
    if (size === 0) return hop;
    const list = direction === 'out' ? link.sizedOut : link.sizedBack;
    let h = list.find((x) => x.size === size);
    if (h === undefined) {
      const bw = this.def.bandwidthBytesPerMs;
      h = new Hop(bw === undefined ? hop.latency : new Plus(hop.latency, size / bw), size);
      list.push(h);
      let siblings = this.#sized.get(hop);
      if (siblings === undefined) {
        siblings = [];
        this.#sized.set(hop, siblings);
      }
      siblings.push(h);
    }
    return h;
  }

  /**
   * The hops out and back of `link` for messages of the sizes of `payload` (a declared size:
   * the links report bytes from now on); the link's own hops without one.
   */
  carrying(link: Link, payload: PayloadDef | undefined): { out: Hop; back: Hop } {
    if (payload === undefined) return link;
    this.bytesDeclared = true;
    return {
      out: this.sized(link, 'out', payload.callBytes),
      back: this.sized(link, 'back', payload.replyBytes),
    };
  }

  /**
   * Gives a struck hop's faults and refusal to its sized siblings (the fault wiring sets them on
   * the link's hop, after the steps that made the siblings were compiled).
   */
  shareFault(hop: Hop): void {
    for (const h of this.#sized.get(hop) ?? []) {
      h.fault = hop.fault;
      h.refuse = hop.refuse;
    }
  }

  /** Starts counting messages afresh (the statistics window opens). */
  resetCounts(): void {
    for (const h of [...this.#hops.values(), ...this.#own]) {
      h.warmupMessages += h.messages;
      h.messages = 0;
      h.bytes = 0;
    }
    for (const siblings of this.#sized.values())
      for (const h of siblings) {
        h.warmupMessages += h.messages;
        h.messages = 0;
      }
  }

  /**
   * Every link with the messages sent over it in a window of `windowMs`, in creation order; with
   * the bytes each way when sizes were declared (`bytesDeclared`).
   */
  linkSummaries(windowMs: number): LinkSummary[] {
    return [...this.#links.values()].map((l) => {
      // every message over the hop, sized or not (as before sizes: a reverse link's replies too)
      const messages = l.out.messages + messagesOf(this.#sized.get(l.out) ?? []);
      const summary: LinkSummary = {
        from: l.from,
        to: l.to,
        kind: l.kind,
        messages,
        perSec: windowMs > 0 ? (messages * 1000) / windowMs : 0,
      };
      // a link used in the warm-up only (a fault from the start that loses its messages, a
      // workload that stops): not one nothing uses (report/features/faults/propagation.ts)
      const warmup =
        l.out.warmupMessages +
        (this.#sized.get(l.out) ?? []).reduce((a, h) => a + h.warmupMessages, 0);
      if (messages === 0 && warmup > 0) summary.warmupMessages = warmup;
      if (this.bytesDeclared) {
        summary.bytesOut = bytesOf(l.sizedOut);
        summary.bytesBack = bytesOf(l.sizedBack) + (l.kind === 'query' ? l.back.bytes : 0);
      }
      return summary;
    });
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
