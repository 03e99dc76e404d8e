/**
 * The sync pipeline of replicated data (model/replicated.ts): how a copy's state travels to
 * another copy over the `sync` link between their services, and what the faults striking that
 * link do to it. The data's `delivery` decides what a fault costs:
 *
 * - `durable` (a broker's topic, the source's "strong queue" such as Kafka): a partition,
 *   `drop` or `blackhole` alike (their difference is what a request gets), holds the states it
 *   catches until it heals, then sends them again; an error-rate fault makes a state retry (at
 *   least RETRY_MIN_MS later). Nothing is lost; it arrives late.
 * - `lossy` (an HTTP push, a fire-and-forget event): a partition or an error-rate fault loses
 *   the state it catches (`dropped`); nothing is held or retried, and the copy that missed it
 *   stays wrong until the key changes again or a reconciliation repairs it.
 *
 * Either way a latency fault slows a state, and one already on its way when a partition begins
 * arrives.
 *
 * The copy at the other end receives through its service's process (`liveIn`: the instances
 * of its service, as model/replicated-build.ts wires them). A state that arrives while every
 * instance of that service is crashed meets the crash as a partition's state meets the
 * partition (durable: held, counted in `held`, and sent again with a new draw when the copy is
 * up; lossy: lost, `dropped`; either way also in `copyDown`, which tells the copies' side from
 * the links'); one that arrives while the instances not crashed are frozen is held with either
 * delivery (a frozen process keeps its listening socket: the connection waits in its accept
 * queue until it resumes). The pipeline also keeps the messages not delivered yet (in flight,
 * waiting for a retry, held by a link or a copy), so that the end of the run can count them as
 * delivered (`unsynced`).
 */
import { type Distribution, Priority, type Simulation } from '../engine/index.ts';
import type { ReplicatedStats } from '../metrics/replicated-stats.ts';
import type { FaultState } from './faults.ts';
import type { Hop, HopFault } from './network.ts';

/**
 * The least a retry waits (ms): its draw of `sync`, but never the same instant. With a sync of
 * 0 and an error-rate fault of 100 %, retries at one instant stopped the clock, and the run
 * ended on the guard's "simulated time stopped moving".
 */
const RETRY_MIN_MS = 1;

/**
 * Whether a copy's process takes a message now: `up` (some instance of its service is up),
 * `down` (every one crashed: durable holds, lossy loses) or `frozen` (none up, some only frozen:
 * held either way).
 */
export type CopyState = 'up' | 'down' | 'frozen';

/** A service instance a copy lives in, as the pipeline sees it (model/service.ts Instance). */
export interface Home {
  readonly fault: FaultState | null;
}

/** A state (one key's, or a copy's whole state) on its way from copy `from` to copy `to`. */
export interface SyncMessage<S> {
  state: S;
  from: number;
  to: number;
}

/** The `sync` links between the copies of one replicated data, and the messages on them. */
export class SyncPipeline<S> {
  /**
   * The hop from copy `from` to copy `to` at index from × copies + to: the `sync` link between
   * their services, which counts the messages and carries the faults striking it. Null: no
   * links (every message takes its draw of `sync`, as on a link no fault strikes).
   */
  hops: readonly (Hop | null)[] | null = null;
  /** The hops that count the messages, by the same index (`hops` itself unless told). */
  #counted: readonly (Hop | null)[] | null = null;
  /** Messages a partition holds, per link (same index), sent when it heals. */
  #held: SyncMessage<S>[][] = [];
  /** Messages scheduled to arrive or to be sent again. */
  readonly #inFlight = new Set<SyncMessage<S>>();
  /** Of those, the ones waiting to be sent again after an error-rate fault (durable). */
  #retrying = 0;
  /**
   * The instances each copy lives in (its service's; the array itself, read when asked, so that
   * scaling shows), or null: a copy that is always up.
   */
  readonly #homes: (readonly Home[] | null)[];
  /** Messages a down or frozen copy holds, per copy, sent again when it is up. */
  readonly #heldAt: SyncMessage<S>[][];
  /**
   * Per copy, whether a look at it (#releaseCopy) is due at this instant already: the instances
   * of a service change together (a fault striking them all), and one look is enough.
   */
  readonly #looking: boolean[];

  constructor(
    readonly sim: Simulation,
    readonly stats: ReplicatedStats,
    readonly sync: Distribution,
    readonly copies: number,
    /** Whether a partition or an error-rate fault loses a message instead of holding or retrying it. */
    readonly lossy: boolean,
    /** Called when a message arrives. */
    readonly receive: (m: SyncMessage<S>) => void,
  ) {
    this.#homes = Array.from({ length: copies }, () => null);
    this.#heldAt = Array.from({ length: copies }, () => []);
    this.#looking = Array.from({ length: copies }, () => false);
  }

  /**
   * Copy `copy` lives in `instances` (its service's): it takes messages while one of them is
   * up, and hears of their crashes and freezes (those with a FaultState now: the others are
   * never struck).
   */
  liveIn(copy: number, instances: readonly Home[]): void {
    this.#homes[copy] = instances;
    for (const inst of instances) inst.fault?.onCrashOrFreeze.push(() => this.#changed(copy));
  }

  /** Whether copy `copy`'s process takes (and sends) messages now (see CopyState). */
  stateOf(copy: number): CopyState {
    const homes = this.#homes[copy];
    if (homes === null || homes.length === 0) return 'up';
    let frozen = false;
    for (const { fault } of homes) {
      if (fault === null || fault.down === 0) return 'up';
      // frozen only, no crash (a crash's refusal or hang wins over a freeze: faults.ts strike)
      if (fault.down === fault.frozen) frozen = true;
    }
    return frozen ? 'frozen' : 'down';
  }

  /**
   * Sends the messages over `hops` from now on (see `hops`), counting them on `counted` (null
   * at an index: not counted; by default on `hops`).
   */
  connect(hops: readonly (Hop | null)[] | null, counted = hops): void {
    this.hops = hops;
    this.#counted = counted;
    this.#held = hops === null ? [] : hops.map(() => []);
  }

  /**
   * Sends message `m` over its link. No fault striking the link: delivered after a draw of
   * `sync` (cut at 0: a normal can draw below it). A partition: durable, held and sent again,
   * in the order held, when the link heals; lossy, lost. An error-rate draw: durable, sent
   * again after a draw of `sync`, at least RETRY_MIN_MS (a retry); lossy, lost. Latency
   * faults: the draw of `sync` × their factor + their added delays.
   */
  transmit(m: SyncMessage<S>): void {
    const i = m.from * this.copies + m.to;
    const hop = this.hops === null ? null : this.hops[i];
    const counted = this.#counted === null ? null : this.#counted[i];
    if (counted !== null) counted.messages++;
    const fault = hop?.fault ?? null;
    if (fault === null || !fault.active) {
      this.#schedule(Math.max(0, this.sync.sample()), this.#deliver, m);
      return;
    }
    if (fault.partition !== null) {
      if (this.lossy) {
        this.stats.dropped++;
        return;
      }
      if (this.#hold(this.#held[i], m)) this.#releaseWhenHealed(fault, i);
    } else if (fault.fails()) {
      if (this.lossy) this.stats.dropped++;
      else {
        this.stats.retried++;
        this.#retrying++;
        this.#schedule(Math.max(RETRY_MIN_MS, this.sync.sample()), this.#resend, m);
      }
    } else this.#schedule(fault.stretch(Math.max(0, this.sync.sample())), this.#deliver, m);
  }

  /**
   * Whether a fault keeps messages back now: held by a link or a copy, or waiting to retry.
   * Those are what can pile up while few events happen (model/replicated.ts asks the run's
   * guards to look at its memory then).
   */
  get holding(): boolean {
    if (this.#retrying > 0) return true;
    for (const h of this.#held) if (h.length > 0) return true;
    for (const h of this.#heldAt) if (h.length > 0) return true;
    return false;
  }

  /**
   * Every message not delivered yet: those in flight or waiting to retry, then those a link
   * holds, then those a copy holds.
   */
  pending(): SyncMessage<S>[] {
    return [...this.#inFlight, ...this.#held.flat(), ...this.#heldAt.flat()];
  }

  /**
   * A crash or a freeze of copy `copy`'s instances began or ended: if the copy holds messages,
   * they are sent again once it is up, after every other event of this instant (as a healed
   * partition's: a crash that begins at the very instant another ends keeps them held). Once
   * per instant however many of its instances changed (each look reads them all: n² for n).
   */
  #changed(copy: number): void {
    if (this.#heldAt[copy].length === 0 || this.#looking[copy]) return;
    this.#looking[copy] = true;
    this.sim.schedule(0, this.#releaseCopy, copy, Priority.late);
  }

  /** Holds `m` in `held`, counted; whether it is the first there (its release to arrange). */
  #hold(held: SyncMessage<S>[], m: SyncMessage<S>): boolean {
    held.push(m);
    this.stats.held++;
    return held.length === 1;
  }

  #schedule(ms: number, what: (m: unknown) => void, m: SyncMessage<S>): void {
    this.#inFlight.add(m);
    this.sim.schedule(ms, what, m);
  }

  /** A message reaches its copy: received, or held or lost when the copy's process is not up. */
  readonly #deliver = (arrived: unknown): void => {
    const m = arrived as SyncMessage<S>;
    this.#inFlight.delete(m);
    const state = this.stateOf(m.to);
    if (state === 'up') {
      this.receive(m);
      return;
    }
    this.stats.copyDown++;
    if (state === 'down' && this.lossy) this.stats.dropped++;
    else this.#hold(this.#heldAt[m.to], m);
  };

  /** A message an error-rate fault failed is sent again (after a draw of `sync`). */
  readonly #resend = (m: unknown): void => {
    this.#retrying--;
    this.#inFlight.delete(m as SyncMessage<S>);
    this.transmit(m as SyncMessage<S>);
  };

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

  /** Copy `copy` may be up again: if it is, the messages it held are sent again, in order. */
  readonly #releaseCopy = (copy: unknown): void => {
    const c = copy as number;
    this.#looking[c] = false;
    if (this.stateOf(c) !== 'up') return; // still down: its next change releases them
    for (const m of this.#heldAt[c].splice(0)) this.transmit(m);
  };
}
