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
 * table) and meet the faults striking them (model/replicated-sync.ts): with `delivery: durable`
 * (the source's Kafka: nothing is lost, it arrives late) a partition holds them until it heals
 * and an error-rate fault makes them retry; with `lossy` (an HTTP push, a fire-and-forget
 * event) both lose them (`dropped`), and the copy that missed a state stays wrong until its key
 * changes again or a reconciliation repairs it; a latency fault slows them either way.
 *
 * A copy lives with its service (model/replicated-build.ts): its data is durable (a crash
 * loses none of it), but its sync messages are received by the service's process. While every
 * instance of that service is crashed, a state arriving there meets the crash as one on a cut
 * link meets the partition (durable: held, sent again with a new draw once an instance is up;
 * lossy: `dropped`), and while the instances not crashed are frozen it is held either way (the
 * accept queue keeps the connection; replicated-sync.ts). Such a copy's changes stop with its
 * requests, which fail (crashed) or wait in the accept queue until the resume (frozen).
 *
 * Reconciliation (`reconcile`, anti-entropy): every period, from one period after the start,
 * each copy whose service has an instance up sends its whole state to every other copy, one
 * message per pair with its own draw of `sync`, through the same pipeline (held or lost as the
 * delivery says); the receiver merges every key as it merges a state, and `repaired` counts
 * the keys that changed. The state sent is a copy of the sender's arrays at the send (lww: 4
 * Float64 and 1 Int32 per key, 36 bytes; crdt: 2 Float64 per key and origin), shared by its
 * copies − 1 messages, and sent again as it is while the copy does not change: a partition
 * that holds reconciliations holds one of those per copy and period in which that copy changed
 * (one for a copy cut off and idle). Those pile up with few events, so while a fault holds any
 * message each period asks for the run's checkpoint (sim.checkpointSoon): the memory guard
 * (--max-memory) looks then, not only every 65,536 events.
 *
 * `unsynced` (lossy or reconciling data only): at the end of the run, the keys on which some
 * copy's state differs from the one every copy converges to (lww: the latest write of the key,
 * by (timestamp, sequence, origin); crdt: every origin's own count), the messages still in
 * flight, waiting to retry or held counted as delivered. Always 0 with durable delivery; with a
 * lossy pipeline and no reconciliation, the divergence that never heals.
 *
 * Simplifications (also in the README and the lesson): a sync message takes its draw of `sync`
 * (the whole pipeline's lag), not the link's latency; one already on its way when a partition
 * begins arrives (lossy delivery too); a reconciliation is one message per pair whatever the
 * number of keys, and its merge costs nothing; a held message is sent again when its partition
 * ends (not when another fault's partition of the link starts at that very instant), with a new
 * draw (no backoff, no order kept across messages), and so is one a copy held when an instance
 * of its service is up again (a frozen copy's accept queue holds any number); a visit still
 * running in a crashed instance (faults.ts: a crash aborts none) may change its copy, whose
 * state is sent as usual; an instance autoscaling adds is never struck, and what a copy holds
 * waits for one of its struck instances to be up; sync messages
 * carry no bytes and cost nothing to merge; a copy's change takes no time and holds no lock; keys
 * are drawn by each step's `access` (uniform by default); every key of every copy is kept in
 * memory (lww: 5 numbers per key per copy; crdt: 2 per origin, so 2·copies), and each update's
 * state waits in flight, shared by its copies − 1 messages, for a draw of `sync`.
 */
import type { Distribution, Simulation } from '../engine/index.ts';
import type { ReplicatedStats } from '../metrics/replicated-stats.ts';
import type { ReplicatedDef } from '../scenario/types.ts';
import type { Hop } from './network.ts';
import { type SyncMessage, SyncPipeline } from './replicated-sync.ts';

/** A copy's state of one key as sent: one per update, shared by the messages to every other copy. */
interface SentState {
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
 * A copy's whole state as a reconciliation sends it (the sender's arrays of every key at the
 * send, copied: later changes do not leak in), shared by its messages to every other copy.
 */
interface WholeState {
  whole: true;
  /** lww, per key. */
  value: Float64Array;
  ts: Float64Array;
  seq: Float64Array;
  origin: Int32Array;
  win: Float64Array;
  /** crdt, per key × origin. */
  p: Float64Array;
  n: Float64Array;
}

type Payload = SentState | WholeState;

/** crdt: copy × key `at` of `p`, `n` (`c` origins) takes the element-wise maximum with `fromP`,
 * `fromN` at `from`; whether any grew (a merge; unsynced's, on scratch copies). */
function maxInto(
  p: Float64Array,
  n: Float64Array,
  at: number,
  c: number,
  fromP: Float64Array,
  fromN: Float64Array,
  from: number,
): boolean {
  let changed = false;
  for (let o = 0; o < c; o++) {
    const i = at * c + o;
    if (fromP[from + o] > p[i] || fromN[from + o] > n[i]) changed = true;
    p[i] = Math.max(p[i], fromP[from + o]);
    n[i] = Math.max(n[i], fromN[from + o]);
  }
  return changed;
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
  /** The sync links and the states on them (replicated-sync.ts). */
  readonly pipeline: SyncPipeline<Payload>;
  /** The reconciliation's period, ms (null: none). */
  readonly #reconcileMs: number | null;
  /**
   * Per copy: how many times its state has changed, and its whole state as last sent with the
   * count it was made at. A copy that has not changed since sends the same one again: a
   * partition that holds reconciliations then holds one per copy that does not change (those
   * cut off and idle), not one per period.
   */
  readonly #changes: Float64Array;
  readonly #sent: { whole: WholeState; changes: number }[] = [];

  constructor(
    def: Pick<ReplicatedDef, 'copies' | 'keys' | 'merge'> &
      Partial<Pick<ReplicatedDef, 'delivery' | 'reconcileMs'>>,
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
    const lossy = def.delivery === 'lossy';
    this.pipeline = new SyncPipeline(sim, stats, sync, c, lossy, this.#arrive);
    this.pipeline.connect(hops);
    this.#reconcileMs = def.reconcileMs ?? null;
    this.#changes = new Float64Array(c);
    // the figures only a lossy or reconciling pipeline has (the summary shows them then)
    if (lossy || this.#reconcileMs !== null) stats.unsynced = () => this.unsynced();
    if (this.#reconcileMs !== null && c > 1) sim.schedule(this.#reconcileMs, this.#reconcile);
  }

  /**
   * Sends the copies' states over `hops` from now on (SyncPipeline's `hops`), counting them on
   * `counted` (null at an index: not counted; by default on `hops`).
   */
  connect(hops: readonly (Hop | null)[] | null, counted = hops): void {
    this.pipeline.connect(hops, counted);
  }

  /** Copy `copy` adds `delta` to key `key` now, and sends its state to every other copy. */
  update(copy: number, key: number, delta: number): void {
    const c = this.copies;
    const at = copy * this.keys + key;
    this.#truth[key] += delta;
    this.stats.updates++;
    this.#changes[copy]++;
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

  /** A message arrives: a key's state (an update's) or a copy's whole state (a reconciliation's). */
  readonly #arrive = (m: SyncMessage<Payload>): void => {
    if ('whole' in m.state) this.#receiveWhole(m.state, m.to);
    else this.receive(m.state, m.to);
  };

  /** A state sent by another copy arrives at copy `to`: merged by lww or the PN-counter. */
  receive(s: SentState, to: number): void {
    const at = to * this.keys + s.key;
    const changed = this.crdt
      ? maxInto(this.#p, this.#n, at, this.copies, s.p as Float64Array, s.n as Float64Array, 0)
      : this.#keepLater(at, s.value, s.ts, s.seq, s.origin, s.win);
    if (changed) {
      this.stats.merges++;
      this.#changes[to]++;
    } else this.stats.discarded++;
  }

  /** A reconciliation's whole state arrives at copy `to`: every key merged; `repaired` counts the keys it changed. */
  #receiveWhole(w: WholeState, to: number): void {
    const c = this.copies;
    for (let key = 0; key < this.keys; key++) {
      const at = to * this.keys + key;
      const changed = this.crdt
        ? maxInto(this.#p, this.#n, at, c, w.p, w.n, key * c)
        : this.#keepLater(at, w.value[key], w.ts[key], w.seq[key], w.origin[key], w.win[key]);
      if (changed) {
        this.stats.repaired++;
        this.#changes[to]++;
      }
    }
  }

  /** lww: copy × key `at` takes the state given if it is later; whether it did. */
  #keepLater(at: number, value: number, ts: number, seq: number, origin: number, win: number) {
    if (!this.#later(ts, seq, origin, this.#ts[at], this.#seq[at], this.#origin[at])) return false;
    this.#value[at] = value;
    this.#ts[at] = ts;
    this.#seq[at] = seq;
    this.#origin[at] = origin;
    this.#win[at] = win;
    return true;
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
    if (bOrigin < 0) return origin >= 0; // a key never written: any write is later (none is not)
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
      this.pipeline.transmit({ state, from, to });
    }
  }

  /**
   * A reconciliation (every `reconcile`): each copy in turn sends its whole state to every
   * other copy, one message per pair, each with its own draw of `sync`.
   */
  readonly #reconcile = (): void => {
    const c = this.copies;
    for (let from = 0; from < c; from++) {
      if (this.pipeline.stateOf(from) !== 'up') continue; // its process is down: it sends none
      const state = this.#wholeState(from);
      for (let to = 0; to < c; to++) if (to !== from) this.pipeline.transmit({ state, from, to });
    }
    // whole states a fault holds pile up with few events (a new one per period for each copy
    // that changed): the run's guards look at the memory now, not a million events later
    if (this.pipeline.holding) this.sim.checkpointSoon();
    this.sim.schedule(this.#reconcileMs as number, this.#reconcile);
  };

  /**
   * Copy `from`'s whole state, copied (lww: 5 numbers per key; crdt: 2·copies per key; the
   * other merge's arrays are empty); the one it last sent if it has not changed since.
   */
  #wholeState(from: number): WholeState {
    const last = this.#sent[from];
    if (last !== undefined && last.changes === this.#changes[from]) return last.whole;
    const whole = this.#copyOfWhole(from);
    this.#sent[from] = { whole, changes: this.#changes[from] };
    return whole;
  }

  #copyOfWhole(from: number): WholeState {
    const k = this.keys;
    const lww = <A extends Float64Array | Int32Array>(a: A) => a.slice(from * k, from * k + k) as A;
    const crdt = (a: Float64Array) => a.slice(from * k * this.copies, (from + 1) * k * this.copies);
    return {
      whole: true,
      value: lww(this.#value),
      ts: lww(this.#ts),
      seq: lww(this.#seq),
      origin: lww(this.#origin),
      win: lww(this.#win),
      p: crdt(this.#p),
      n: crdt(this.#n),
    };
  }

  /**
   * The keys on which some copy's state differs from the one every copy converges to, once the
   * messages not delivered yet (in flight, waiting to retry, held) are: lww, the latest write
   * of the key; crdt, each origin's own count.
   */
  unsynced(): number {
    const k = this.keys;
    const c = this.copies;
    const ts = this.#ts.slice();
    const seq = this.#seq.slice();
    const origin = this.#origin.slice();
    const p = this.#p.slice();
    const n = this.#n.slice();
    // a state arriving at `at` (copy × key), from p, n at `from`
    const arrive = (at: number, s: SentState | WholeState, i: number, from: number): void => {
      if (this.crdt) {
        maxInto(p, n, at, c, s.p as Float64Array, s.n as Float64Array, from);
      } else {
        const [t, q, g] = 'whole' in s ? [s.ts[i], s.seq[i], s.origin[i]] : [s.ts, s.seq, s.origin];
        if (this.#later(t, q, g, ts[at], seq[at], origin[at]))
          [ts[at], seq[at], origin[at]] = [t, q, g];
      }
    };
    for (const m of this.pipeline.pending()) {
      if (!('whole' in m.state)) arrive(m.to * k + m.state.key, m.state, 0, 0);
      else for (let key = 0; key < k; key++) arrive(m.to * k + key, m.state, key, key * c);
    }
    let unsynced = 0;
    for (let key = 0; key < k; key++) {
      let differs = false;
      for (let copy = 0; copy < c && !differs; copy++) {
        const at = copy * k + key;
        if (!this.crdt)
          differs =
            ts[at] !== this.#finalTs[key] ||
            seq[at] !== this.#finalSeq[key] ||
            origin[at] !== this.#finalOrigin[key];
        else
          for (let o = 0; o < c; o++) {
            const own = (o * k + key) * c + o;
            if (p[at * c + o] !== this.#p[own] || n[at * c + o] !== this.#n[own]) differs = true;
          }
      }
      if (differs) unsynced++;
    }
    return unsynced;
  }
}
