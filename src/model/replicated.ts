/**
 * Replicated data (`replicated:`; the source's "data decentralisation": data duplicated and
 * denormalised across services, and CRDTs to merge it). Each service of `copies` holds its own
 * copy of `keys` entities (a stock count per product). An `updateCopy` step changes its
 * service's copy at once (no time, no waiting for anyone: combine it with cpu steps) and sends
 * the copy's new state to every other copy; each receives it after its own draw of `sync` (the
 * data's random stream `replicated/<name>/sync`) and merges it:
 *
 * - `lww` (state-based last-write-wins, what a denormalised copy carried in an event does): a
 *   copy holds (value, timestamp, sequence, origin). A local update adds its delta to the value
 *   and sets the timestamp to now, the sequence to the one it held + 1 (a Lamport counter: an
 *   update is always later than the state it was made on, even in the same millisecond) and the
 *   origin to itself. A receiver keeps the later of its state and the one received in
 *   (timestamp, sequence, origin) order, and drops the other; origins tie by service name (the
 *   later in code-point order wins).
 * - `crdt` (a PN-counter): a copy holds, per origin, the sum of its increments (P) and of its
 *   decrements (N); a local update adds to its own origin's entry; a receiver takes the
 *   element-wise maximum; the value is ΣP − ΣN. Nothing is ever lost.
 *
 * Accounting, never used by the merge. lww: a state also carries how many of the window's
 * updates it includes (+1 for a local update in the window, taken with the state it replaces),
 * and the lost updates are the window's updates minus those the final state of their key
 * includes: the state of its latest update in (timestamp, sequence, origin) order, to which
 * every copy converges once the messages in flight are delivered. Exact, the warm-up cut
 * included (an update made before it counts neither as made nor as lost). crdt: the
 * element-wise maximum includes every update, so none is lost. A read's truth is the sum of
 * every delta applied anywhere so far to its key; a read is divergent when its copy's value
 * differs from it (reads before the window are not counted; the truth includes every update
 * since the start).
 *
 * Sync messages travel on the `sync` links between the copies' services (counted in the links
 * table) and meet the faults striking them (`transmit`): a partition, `drop` or `blackhole` alike
 * (their difference is what a request gets), holds them until it heals
 * (the replication pipeline is durable, as the source's Kafka is: nothing is lost, it arrives
 * late), an error-rate fault makes them retry (at least RETRY_MIN_MS later; a 100 % error rate
 * that lasts makes each state it catches retry every sync delay until it ends: events in
 * proportion to those states × its length ÷ sync, bounded by the run's event guard), a latency
 * fault slows them.
 *
 * Simplifications (also in the README and the lesson): a sync message takes its draw of `sync`
 * (the whole pipeline's lag), not the link's latency; one already on its way when a partition
 * begins arrives; a held message is sent again when its partition ends (not when another
 * fault's partition of the link starts at that very instant), with a new draw (no backoff, no
 * order kept across messages); a crash of a copy's service stops neither its
 * copy's updates nor its merges (the replication consumer is not its instances); sync messages
 * carry no bytes and cost nothing to merge; a copy's change takes no time and holds no lock; keys are drawn by each step's `access`
 * (uniform by default); every key of every copy is kept in memory (lww: 5 numbers per key per
 * copy; crdt: 2 per origin, so 2·copies), and each update's state waits in flight, shared by
 * its copies − 1 messages, for a draw of `sync`.
 */
import { type Distribution, Priority, type Simulation } from '../engine/index.ts';
import type { ReplicatedStats } from '../metrics/replicated-stats.ts';
import type { ReplicatedDef } from '../scenario/types.ts';
import { type BuildContext, sharedByName } from './build-context.ts';
import type { Hop, HopFault } from './network.ts';

/** A copy's state of one key as sent: one per update, shared by the messages to every other copy. */
interface SentState {
  data: ReplicatedData;
  key: number;
  /** lww: value, timestamp, sequence, origin (copy index), window updates included. */
  value: number;
  ts: number;
  seq: number;
  origin: number;
  win: number;
  /** crdt: increments and decrements per origin. */
  p: Float64Array | null;
  n: Float64Array | null;
}

/**
 * The least a retry waits (ms): its draw of `sync`, but never the same instant. With a sync of
 * 0 and an error-rate fault of 100 %, retries at one instant stopped the clock, and the run
 * ended on the guard's "simulated time stopped moving".
 */
const RETRY_MIN_MS = 1;

/** A state on its way from copy `from` to copy `to`. */
interface Message {
  state: SentState;
  from: number;
  to: number;
}

function deliver(m: Message): void {
  m.state.data.receive(m.state, m.to);
}

/** A message an error-rate fault failed is sent again (after a draw of `sync`). */
function resend(m: Message): void {
  m.state.data.transmit(m);
}

/** One replicated data: every copy of every key, the truth, and the accounting. */
export class ReplicatedData {
  readonly crdt: boolean;
  readonly copies: number;
  readonly keys: number;
  /** lww ties: a copy's rank among the copies by service name (higher wins). */
  readonly #rank: Int32Array;
  // lww: per copy × key
  readonly #value: Float64Array;
  readonly #ts: Float64Array;
  readonly #seq: Float64Array;
  readonly #origin: Int32Array;
  readonly #win: Float64Array;
  // crdt: per (copy × key) × origin
  readonly #p: Float64Array;
  readonly #n: Float64Array;
  /** The sum of every delta applied so far, per key. */
  readonly #truth: Float64Array;
  /** lww: the latest update's (timestamp, sequence, origin) per key, and its window updates. */
  readonly #finalTs: Float64Array;
  readonly #finalSeq: Float64Array;
  readonly #finalOrigin: Int32Array;
  readonly #finalWin: Float64Array;
  /** Whether the statistics window is open (updates made now count). */
  #open: boolean;
  /** Messages a partition holds, per link (index from × copies + to), sent when it heals. */
  #held: Message[][] = [];

  constructor(
    def: Pick<ReplicatedDef, 'copies' | 'keys' | 'merge'>,
    readonly sim: Simulation,
    readonly stats: ReplicatedStats,
    readonly sync: Distribution,
    /** Whether the window is open from the start (no warm-up); startWindow opens it. */
    open = true,
    /** The sync links' hops (`connect`); null: none. */
    hops: readonly (Hop | null)[] | null = null,
  ) {
    const c = def.copies.length;
    const k = def.keys;
    this.crdt = def.merge === 'crdt';
    this.copies = c;
    this.keys = k;
    this.#open = open;
    const byName = [...def.copies].sort();
    this.#rank = Int32Array.from(def.copies, (s) => byName.indexOf(s));
    const lww = this.crdt ? 0 : c * k;
    this.#value = new Float64Array(lww);
    this.#ts = new Float64Array(lww).fill(Number.NEGATIVE_INFINITY);
    this.#seq = new Float64Array(lww);
    this.#origin = new Int32Array(lww).fill(-1);
    this.#win = new Float64Array(lww);
    this.#p = new Float64Array(this.crdt ? c * k * c : 0);
    this.#n = new Float64Array(this.crdt ? c * k * c : 0);
    this.#truth = new Float64Array(k);
    const finals = this.crdt ? 0 : k;
    this.#finalTs = new Float64Array(finals).fill(Number.NEGATIVE_INFINITY);
    this.#finalSeq = new Float64Array(finals);
    this.#finalOrigin = new Int32Array(finals).fill(-1);
    this.#finalWin = new Float64Array(finals);
    this.connect(hops);
  }

  /**
   * The hop from copy `from` to copy `to` at index from × copies + to: the `sync` link between
   * their services, which counts the messages and carries the faults striking it. Null: no
   * links (every message takes its draw of `sync`, as on a link no fault strikes).
   */
  hops: readonly (Hop | null)[] | null = null;

  /** The hops that count the messages, by the same index (`hops` itself unless told). */
  #counted: readonly (Hop | null)[] | null = null;

  /**
   * Sends the copies' states over `hops` from now on (see `hops`), counting them on `counted`
   * (null at an index: not counted; by default on `hops`).
   */
  connect(hops: readonly (Hop | null)[] | null, counted = hops): void {
    this.hops = hops;
    this.#counted = counted;
    this.#held = hops === null ? [] : hops.map(() => []);
  }

  /** Copy `copy` adds `delta` to key `key` now, and sends its state to every other copy. */
  update(copy: number, key: number, delta: number): void {
    const c = this.copies;
    const at = copy * this.keys + key;
    this.#truth[key] += delta;
    this.stats.updates++;
    if (this.crdt) {
      if (delta >= 0) this.#p[at * c + copy] += delta;
      else this.#n[at * c + copy] -= delta;
      // the element-wise maximum keeps every origin's own count: nothing is lost
      if (this.#open) this.stats.included++;
    } else {
      this.#value[at] += delta;
      this.#ts[at] = this.sim.now;
      this.#seq[at] += 1;
      this.#origin[at] = copy;
      if (this.#open) this.#win[at] += 1;
      // the latest update so far: the state every copy converges to
      if (this.#after(this.sim.now, this.#seq[at], copy, key)) {
        this.#finalTs[key] = this.sim.now;
        this.#finalSeq[key] = this.#seq[at];
        this.#finalOrigin[key] = copy;
        this.stats.included += this.#win[at] - this.#finalWin[key];
        this.#finalWin[key] = this.#win[at];
      }
    }
    this.#send(copy, key);
  }

  /** The value copy `copy` holds for `key`. */
  value(copy: number, key: number): number {
    const at = copy * this.keys + key;
    if (!this.crdt) return this.#value[at];
    const c = this.copies;
    let v = 0;
    for (let o = 0; o < c; o++) v += this.#p[at * c + o] - this.#n[at * c + o];
    return v;
  }

  /** The truth of `key`: the sum of every delta applied anywhere so far. */
  truth(key: number): number {
    return this.#truth[key];
  }

  /** Copy `copy` reads `key`: counted, and compared with the truth. */
  read(copy: number, key: number): void {
    const truth = this.#truth[key];
    const diff = Math.abs(this.value(copy, key) - truth);
    this.stats.reads++;
    this.stats.secondReads++;
    // deltas need not be integers: a difference within rounding is no divergence
    if (diff > 1e-9 * Math.max(1, Math.abs(truth))) {
      this.stats.divergentReads++;
      this.stats.divergence += diff;
      this.stats.secondDiverged++;
    }
  }

  /**
   * The statistics window opens: updates made from now on count. Every state made before it
   * includes no window update (its count is 0), so nothing needs resetting but the counters.
   */
  startWindow(): void {
    this.#open = true;
    this.stats.included = 0;
  }

  /** A state sent by another copy arrives at copy `to`: merged by lww or the PN-counter. */
  receive(s: SentState, to: number): void {
    const c = this.copies;
    const at = to * this.keys + s.key;
    if (this.crdt) {
      let changed = false;
      const p = s.p as Float64Array;
      const n = s.n as Float64Array;
      for (let o = 0; o < c; o++) {
        const i = at * c + o;
        if (p[o] > this.#p[i] || n[o] > this.#n[i]) changed = true;
        this.#p[i] = Math.max(this.#p[i], p[o]);
        this.#n[i] = Math.max(this.#n[i], n[o]);
      }
      if (changed) this.stats.merges++;
      else this.stats.discarded++;
      return;
    }
    if (this.#later(s.ts, s.seq, s.origin, this.#ts[at], this.#seq[at], this.#origin[at])) {
      this.#value[at] = s.value;
      this.#ts[at] = s.ts;
      this.#seq[at] = s.seq;
      this.#origin[at] = s.origin;
      this.#win[at] = s.win;
      this.stats.merges++;
    } else this.stats.discarded++;
  }

  /** Whether state (ts, seq, origin) comes after (bTs, bSeq, bOrigin) in lww order. */
  #later(
    ts: number,
    seq: number,
    origin: number,
    bTs: number,
    bSeq: number,
    bOrigin: number,
  ): boolean {
    if (ts !== bTs) return ts > bTs;
    if (seq !== bSeq) return seq > bSeq;
    if (bOrigin < 0) return true;
    return this.#rank[origin] > this.#rank[bOrigin];
  }

  /** Whether a state (ts, seq, origin) of `key` comes after the latest so far. */
  #after(ts: number, seq: number, origin: number, key: number): boolean {
    return this.#later(
      ts,
      seq,
      origin,
      this.#finalTs[key],
      this.#finalSeq[key],
      this.#finalOrigin[key],
    );
  }

  /** Sends copy `from`'s state of `key` to every other copy, each after its own draw of `sync`. */
  #send(from: number, key: number): void {
    const c = this.copies;
    if (c === 1) return;
    const at = from * this.keys + key;
    const state: SentState = {
      data: this,
      key,
      value: this.crdt ? 0 : this.#value[at],
      ts: this.crdt ? 0 : this.#ts[at],
      seq: this.crdt ? 0 : this.#seq[at],
      origin: from,
      win: this.crdt ? 0 : this.#win[at],
      p: this.crdt ? this.#p.slice(at * c, at * c + c) : null,
      n: this.crdt ? this.#n.slice(at * c, at * c + c) : null,
    };
    for (let to = 0; to < c; to++) {
      if (to === from) continue;
      this.stats.syncs++;
      this.transmit({ state, from, to });
    }
  }

  /**
   * Sends message `m` over its link. No fault striking the link: delivered after a draw of
   * `sync` (cut at 0: a normal can draw below it). A partition: held (the replication pipeline
   * keeps it, as a broker's topic does) and sent again, in the order held, when the link heals.
   * An error-rate draw: sent again after a draw of `sync`, at least RETRY_MIN_MS (a retry). Latency faults: the draw of
   * `sync` × their factor + their added delays.
   */
  transmit(m: Message): void {
    const i = m.from * this.copies + m.to;
    const hop = this.hops === null ? null : this.hops[i];
    const counted = this.#counted === null ? null : this.#counted[i];
    if (counted !== null) counted.messages++;
    const fault = hop?.fault ?? null;
    if (fault === null || !fault.active) {
      this.sim.schedule(Math.max(0, this.sync.sample()), deliver, m);
      return;
    }
    if (fault.partition !== null) {
      const link = m.from * this.copies + m.to;
      const held = this.#held[link];
      held.push(m);
      this.stats.held++;
      if (held.length === 1) this.#releaseWhenHealed(fault, link);
    } else if (fault.fails()) {
      this.stats.retried++;
      this.sim.schedule(Math.max(RETRY_MIN_MS, this.sync.sample()), resend, m);
    } else this.sim.schedule(fault.stretch(Math.max(0, this.sync.sample())), deliver, m);
  }

  /**
   * Sends link `link`'s held messages again once its partition heals: after every other event
   * of that instant (Priority.late), so that a partition another fault starts at the very
   * instant the first ends (back to back, in whichever order the scenario lists them) keeps
   * holding them, uncounted again, instead of letting them through a link still cut.
   */
  #releaseWhenHealed(fault: HopFault, link: number): void {
    fault.whenHealed(() => this.sim.schedule(0, this.#release, link, Priority.late));
  }

  /** A partition healed: the messages it held are sent again, in the order they were held. */
  readonly #release = (link: unknown): void => {
    const i = link as number;
    const fault = (this.hops as readonly (Hop | null)[])[i]?.fault ?? null;
    if (fault !== null && fault.partition !== null) {
      this.#releaseWhenHealed(fault, i); // cut again at the same instant: still held
      return;
    }
    for (const m of this.#held[i].splice(0)) this.transmit(m);
  };
}

const DATA = sharedByName<ReplicatedData>();

/** The replicated data `name` of the model being built (made, with its counters, once). */
export function replicatedData(ctx: BuildContext, name: string): ReplicatedData {
  return DATA(ctx, name, () => {
    const def = ctx.scenario.replicated.find((r) => r.id === name);
    if (def === undefined) throw new Error(`unknown replicated data ${name}`);
    const stats = ctx.metrics.addReplicated(name, def.merge, def.copies.length, def.keys);
    const data = new ReplicatedData(
      def,
      ctx.sim,
      stats,
      ctx.dist(def.sync, `replicated/${name}/sync`),
      ctx.scenario.warmupMs === 0,
    );
    // the sync links between the copies' services, each way, made when the run starts (after
    // the links the steps and workloads made, which the links table lists first; before the
    // faults, which find them); a copy never sends to itself. A link of its own (ownLink: the
    // replies of a call the other way are not its messages); where the steps made a link the
    // same way (a call), the sync messages cross it and meet its faults, but are not counted
    // among its messages (its load stays the calls')
    ctx.starters.push(() => {
      const links = def.copies.flatMap((from) =>
        def.copies.map((to) => (to === from ? null : ctx.network.ownLink(from, to, 'sync'))),
      );
      data.connect(
        links.map((l) => l?.out ?? null),
        links.map((l) => (l !== null && l.kind === 'sync' ? l.out : null)),
      );
    });
    ctx.metrics.onStartWindow(() => data.startWindow());
    return data;
  });
}
