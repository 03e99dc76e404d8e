/**
 * Replicated data (`replicated:`; the source's "data decentralisation": data duplicated and
 * denormalised across services, and CRDTs to merge it). Each service of `copies` holds its own
 * copy of `keys` entities (a stock count per product). An `updateCopy` step changes its
 * service's copy at once (no time, no waiting for anyone: combine it with cpu steps) and sends
 * the copy's new state to every other copy; each receives it after its own draw of `sync` (the
 * data's random stream `replicated/<name>/sync`) and merges it:
 *
 * - `lww` (state-based last-write-wins, what a denormalised copy carried in an event does): a
 *   copy holds (value, timestamp, origin). A local update adds its delta to the value and sets
 *   the timestamp to now and the origin to itself. A receiver keeps the newer of its state and
 *   the one received, in (timestamp, origin) order, and drops the older. Ties of timestamps:
 *   the origin whose service name sorts later (code-point order) wins; two updates of one copy
 *   in the same millisecond are ordered by that copy's count of its own updates.
 * - `crdt` (a PN-counter): a copy holds, per origin, the sum of its increments (P) and of its
 *   decrements (N); a local update adds to its own origin's entry; a receiver takes the
 *   element-wise maximum; the value is ΣP − ΣN. Nothing is ever lost.
 *
 * Accounting, the same for both and never used by the merge: every state also carries how many
 * updates of each origin it includes (a version vector). The lost updates of a key are the
 * updates made to it minus those its final state includes: for lww the state of its latest
 * update in (timestamp, origin) order (the one every copy converges to once the messages in
 * flight are delivered); for crdt the element-wise maximum of every state (so none). A read's
 * truth is the sum of every delta applied anywhere so far to its key; a read is divergent when
 * its copy's value differs from it. Warm-up: counters start at its end; updates made before it
 * count neither as made nor as lost (the baseline of every key's vector is taken then; exact
 * but for the few made about a sync delay before the window, whose fate is settled after it
 * and which the per-origin counts cannot tell from the window's own), reads
 * before it are not counted; the truth includes every update since the start.
 *
 * Simplifications (also in the README and the lesson): sync messages see no network faults, no
 * partitions and no links' latency (only `sync`), and carry no bytes; a copy's change takes no
 * time and holds no lock; keys are drawn by each step's `access` (uniform by default); every key of every copy is kept in memory
 * (lww: 3 numbers per key per copy, crdt: 2 per origin; plus the vector, one number per origin:
 * keys × copies × (copies + 3) numbers of 8 bytes for lww, keys × copies × 3·copies for crdt).
 */
import type { Distribution, Simulation } from '../engine/index.ts';
import type { ReplicatedStats } from '../metrics/replicated-stats.ts';
import type { ReplicatedDef } from '../scenario/types.ts';
import { type BuildContext, sharedByName } from './build-context.ts';

/** A copy's state of one key, sent to another copy. */
interface CopyState {
  data: ReplicatedData;
  to: number;
  key: number;
  /** lww: value, timestamp, origin (copy index). */
  value: number;
  ts: number;
  origin: number;
  /** crdt: increments and decrements per origin. */
  p: Float64Array | null;
  n: Float64Array | null;
  /** Updates per origin included (accounting only). */
  vv: Float64Array;
}

function deliver(s: CopyState): void {
  s.data.receive(s);
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
  readonly #origin: Int32Array;
  // crdt: per (copy × key) × origin
  readonly #p: Float64Array;
  readonly #n: Float64Array;
  /** Updates included per (copy × key) × origin. */
  readonly #vv: Float64Array;
  /** The sum of every delta applied so far, per key. */
  readonly #truth: Float64Array;
  /** The final state's vector per key × origin (lww: that of the latest update; crdt: the maximum). */
  readonly #finalVv: Float64Array;
  /** lww: the latest update's (timestamp, origin) per key. */
  readonly #finalTs: Float64Array;
  readonly #finalOrigin: Int32Array;
  /** Updates per key × origin made before the statistics window. */
  readonly #base: Float64Array;
  /** Updates made in the window that the final state of each key includes. */
  readonly #included: Float64Array;

  constructor(
    def: Pick<ReplicatedDef, 'copies' | 'keys' | 'merge'>,
    readonly sim: Simulation,
    readonly stats: ReplicatedStats,
    readonly sync: Distribution,
  ) {
    const c = def.copies.length;
    const k = def.keys;
    this.crdt = def.merge === 'crdt';
    this.copies = c;
    this.keys = k;
    const byName = [...def.copies].sort();
    this.#rank = Int32Array.from(def.copies, (s) => byName.indexOf(s));
    this.#value = new Float64Array(this.crdt ? 0 : c * k);
    this.#ts = new Float64Array(this.crdt ? 0 : c * k).fill(Number.NEGATIVE_INFINITY);
    this.#origin = new Int32Array(this.crdt ? 0 : c * k).fill(-1);
    this.#p = new Float64Array(this.crdt ? c * k * c : 0);
    this.#n = new Float64Array(this.crdt ? c * k * c : 0);
    this.#vv = new Float64Array(c * k * c);
    this.#truth = new Float64Array(k);
    this.#finalVv = new Float64Array(k * c);
    this.#finalTs = new Float64Array(this.crdt ? 0 : k).fill(Number.NEGATIVE_INFINITY);
    this.#finalOrigin = new Int32Array(this.crdt ? 0 : k).fill(-1);
    this.#base = new Float64Array(k * c);
    this.#included = new Float64Array(k);
  }

  /** Copy `copy` adds `delta` to key `key` now, and sends its state to every other copy. */
  update(copy: number, key: number, delta: number): void {
    const c = this.copies;
    const at = copy * this.keys + key;
    this.#truth[key] += delta;
    this.stats.updates++;
    this.#vv[at * c + copy]++;
    if (this.crdt) {
      if (delta >= 0) this.#p[at * c + copy] += delta;
      else this.#n[at * c + copy] -= delta;
      const f = key * c + copy;
      this.#finalVv[f] = Math.max(this.#finalVv[f], this.#vv[at * c + copy]);
    } else {
      this.#value[at] += delta;
      this.#ts[at] = this.sim.now;
      this.#origin[at] = copy;
      // the latest update so far (its own count orders a copy's updates in one millisecond)
      if (this.#later(copy, this.#finalTs[key], this.#finalOrigin[key])) {
        this.#finalTs[key] = this.sim.now;
        this.#finalOrigin[key] = copy;
        this.#finalVv.set(this.#vv.subarray(at * c, at * c + c), key * c);
      }
    }
    this.#account(key);
    for (let to = 0; to < c; to++) if (to !== copy) this.#send(copy, to, key);
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
    // deltas need not be integers: a difference within rounding is no divergence
    if (diff > 1e-9 * Math.max(1, Math.abs(truth))) {
      this.stats.divergentReads++;
      this.stats.divergence += diff;
    }
  }

  /** The statistics window starts: updates made so far count neither as made nor as lost. */
  startWindow(): void {
    const c = this.copies;
    for (let key = 0; key < this.keys; key++) {
      // a copy's own entry of its vector is every update it made
      for (let o = 0; o < c; o++) this.#base[key * c + o] = this.#vv[(o * this.keys + key) * c + o];
      this.#included[key] = 0;
    }
    this.stats.included = 0;
  }

  /** A state sent by another copy arrives: merged by lww or the PN-counter. */
  receive(s: CopyState): void {
    const c = this.copies;
    const at = s.to * this.keys + s.key;
    const vv = this.#vv;
    if (this.crdt) {
      let changed = false;
      const p = s.p as Float64Array;
      const n = s.n as Float64Array;
      for (let o = 0; o < c; o++) {
        const i = at * c + o;
        if (p[o] > this.#p[i] || n[o] > this.#n[i] || s.vv[o] > vv[i]) changed = true;
        this.#p[i] = Math.max(this.#p[i], p[o]);
        this.#n[i] = Math.max(this.#n[i], n[o]);
        vv[i] = Math.max(vv[i], s.vv[o]);
      }
      if (changed) this.stats.merges++;
      else this.stats.discarded++;
      return;
    }
    if (this.#newerState(s, at)) {
      this.#value[at] = s.value;
      this.#ts[at] = s.ts;
      this.#origin[at] = s.origin;
      vv.set(s.vv, at * c);
      this.stats.merges++;
    } else this.stats.discarded++;
  }

  /** Whether an update of `origin` now comes after (ts, bOrigin) in lww order. */
  #later(origin: number, ts: number, bOrigin: number): boolean {
    if (this.sim.now !== ts) return this.sim.now > ts;
    if (bOrigin < 0) return true;
    // the same origin in the same millisecond: a later update of that copy (its count is higher)
    return origin === bOrigin || this.#rank[origin] > this.#rank[bOrigin];
  }

  /** Whether the state received is newer than copy `s.to`'s (lww), counts breaking exact ties. */
  #newerState(s: CopyState, at: number): boolean {
    const ts = this.#ts[at];
    const origin = this.#origin[at];
    if (s.ts !== ts) return s.ts > ts;
    if (origin < 0) return true;
    if (s.origin !== origin) return this.#rank[s.origin] > this.#rank[origin];
    const c = this.copies;
    return s.vv[origin] > this.#vv[at * c + origin];
  }

  /** Recomputes the window's updates the final state of `key` includes. */
  #account(key: number): void {
    const c = this.copies;
    let included = 0;
    for (let o = 0; o < c; o++)
      included += Math.max(0, this.#finalVv[key * c + o] - this.#base[key * c + o]);
    this.stats.included += included - this.#included[key];
    this.#included[key] = included;
  }

  /** Sends copy `from`'s state of `key` to copy `to`, after a draw of `sync`. */
  #send(from: number, to: number, key: number): void {
    const c = this.copies;
    const at = from * this.keys + key;
    const s: CopyState = {
      data: this,
      to,
      key,
      value: this.crdt ? 0 : this.#value[at],
      ts: this.crdt ? 0 : this.#ts[at],
      origin: this.crdt ? from : this.#origin[at],
      p: this.crdt ? this.#p.slice(at * c, at * c + c) : null,
      n: this.crdt ? this.#n.slice(at * c, at * c + c) : null,
      vv: this.#vv.slice(at * c, at * c + c),
    };
    this.stats.syncs++;
    // a distribution that can draw below 0 (normal) is cut at 0
    this.sim.schedule(Math.max(0, this.sync.sample()), deliver, s);
  }
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
    );
    ctx.metrics.onStartWindow(() => data.startWindow());
    return data;
  });
}
