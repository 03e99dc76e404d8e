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
 * arrives. The pipeline also keeps the messages not delivered yet (in flight, waiting for a
 * retry, held), so that the end of the run can count them as delivered (`unsynced`).
 */
import { type Distribution, Priority, type Simulation } from '../engine/index.ts';
import type { ReplicatedStats } from '../metrics/replicated-stats.ts';
import type { Hop, HopFault } from './network.ts';

/**
 * The least a retry waits (ms): its draw of `sync`, but never the same instant. With a sync of
 * 0 and an error-rate fault of 100 %, retries at one instant stopped the clock, and the run
 * ended on the guard's "simulated time stopped moving".
 */
const RETRY_MIN_MS = 1;

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

  constructor(
    readonly sim: Simulation,
    readonly stats: ReplicatedStats,
    readonly sync: Distribution,
    readonly copies: number,
    /** Whether a partition or an error-rate fault loses a message instead of holding or retrying it. */
    readonly lossy: boolean,
    /** Called when a message arrives. */
    readonly receive: (m: SyncMessage<S>) => void,
  ) {}

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
      const held = this.#held[i];
      held.push(m);
      this.stats.held++;
      if (held.length === 1) this.#releaseWhenHealed(fault, i);
    } else if (fault.fails()) {
      if (this.lossy) this.stats.dropped++;
      else {
        this.stats.retried++;
        this.#schedule(Math.max(RETRY_MIN_MS, this.sync.sample()), this.#resend, m);
      }
    } else this.#schedule(fault.stretch(Math.max(0, this.sync.sample())), this.#deliver, m);
  }

  /** Every message not delivered yet: those in flight or waiting to retry, then those held. */
  pending(): SyncMessage<S>[] {
    return [...this.#inFlight, ...this.#held.flat()];
  }

  #schedule(ms: number, what: (m: unknown) => void, m: SyncMessage<S>): void {
    this.#inFlight.add(m);
    this.sim.schedule(ms, what, m);
  }

  readonly #deliver = (m: unknown): void => {
    this.#inFlight.delete(m as SyncMessage<S>);
    this.receive(m as SyncMessage<S>);
  };

  /** A message an error-rate fault failed is sent again (after a draw of `sync`). */
  readonly #resend = (m: unknown): void => {
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
}
