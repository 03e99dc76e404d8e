/**
 * Local transactions with locking (issue 7, experiment 9): a transaction step works on one row
 * of a key space (drawn with the step's key distribution: hot keys collide) around steps that
 * may call other services.
 *
 * - pessimistic: the row is locked before the steps run and until the transaction ends, so a
 *   second transaction on the same row waits (FIFO), holding its thread, for at most
 *   `lockWait`, then fails ("fail fast" with 0). The lock is held across the remote calls: the
 *   longer they take, the longer everyone else on that row waits.
 * - optimistic: nothing is locked; the row's version is read at the start and checked at
 *   commit. If another transaction committed the row meanwhile, the conflict is found only at
 *   commit, after all the work: the `compensate` steps run (undoing what the steps did in other
 *   services) and the transaction starts again, up to `retries` times, then fails.
 *
 * A transaction's steps run in a frame of their own (TxFrame) between a begin and an end step;
 * a failure inside releases the lock. Simplifications: the row is the only thing locked (no
 * deadlocks, no lock escalation); a commit takes no time; versions change only by the
 * transactions of the model.
 */
import type { Simulation } from '../engine/index.ts';
import type { KeySampler } from '../engine/key-distributions.ts';
import { Outcome } from '../metrics/outcome.ts';
import type { TransactionStats } from '../metrics/transaction-stats.ts';
import { Frame, type Invocation, type StepHandler, type StepRuntime } from './frame.ts';

/** The frame of one transaction: its row, the version it read, its attempts, its lock. */
export class TxFrame extends Frame {
  key = 0;
  version = 0;
  attempt = 1;
  startMs = 0;
  waitSinceMs = 0;
  /** It holds the row's lock (pessimistic). */
  holding = false;
  /** It is queued for the lock (pessimistic). */
  queued = false;
  constructor(
    inv: Invocation,
    steps: StepRuntime[],
    parent: Frame,
    readonly tx: TransactionRuntime,
  ) {
    super(inv, steps, parent, false);
  }

  /** It failed: the transaction fails, and lets go of its row. */
  override aborted(): void {
    this.tx.aborted(this);
  }
}

/** The begin step of a transaction's frame (see TransactionRuntime.begin). */
export const TX_BEGIN: StepHandler<TransactionRuntime> = {
  run: (f, step) => (step.payload as TransactionRuntime).begin(f as TxFrame),
};

/** The end step of a transaction's frame (see TransactionRuntime.end). */
export const TX_END: StepHandler<TransactionRuntime> = {
  run: (f, step) => (step.payload as TransactionRuntime).end(f as TxFrame),
};

/** The rows of one key space: versions, lock holders and their queues. */
export class RowTable {
  readonly versions = new Map<number, number>();
  readonly holders = new Map<number, TxFrame>();
  readonly waiting = new Map<number, TxFrame[]>();

  version(key: number): number {
    return this.versions.get(key) ?? 0;
  }
}

export class TransactionRuntime {
  /** [begin, the transaction's steps, end]. */
  steps: StepRuntime[] = [];
  /** Run on an optimistic conflict, before starting again (or failing). */
  compensate: StepRuntime[] = [];
  readonly #busyCause: string;
  readonly #waitCause: string;
  readonly #conflictCause: string;

  constructor(
    readonly name: string,
    readonly optimistic: boolean,
    readonly lockWaitMs: number,
    readonly retries: number,
    readonly sim: Simulation,
    readonly stats: TransactionStats,
    readonly rows: RowTable,
    private readonly keys: KeySampler,
    /** Runs a frame's steps (advance). */
    private readonly resume: (f: Frame) => void,
  ) {
    this.#busyCause = `lock busy: ${name} (failed fast)`;
    this.#waitCause = `lock wait timeout: ${name}`;
    this.#conflictCause = `version conflict: ${name} (after ${retries} retries)`;
  }

  /** The transaction step of frame `f` starts its own frame. */
  start(f: Frame): void {
    this.stats.started++;
    const t = new TxFrame(f.inv, this.steps, f, this);
    t.key = this.keys.next();
    t.startMs = this.sim.now;
    this.resume(t);
  }

  /** The begin step: lock the row (pessimistic) or read its version. True: go on at once. */
  begin(t: TxFrame): boolean {
    const rows = this.rows;
    if (this.optimistic) {
      t.version = rows.version(t.key);
      return true;
    }
    if (!rows.holders.has(t.key)) {
      rows.holders.set(t.key, t);
      t.holding = true;
      this.stats.lockWait.record(0);
      return true;
    }
    if (this.lockWaitMs <= 0) {
      this.stats.lockTimeouts++;
      t.error = Outcome.failed;
      t.cause = this.#busyCause;
      return true; // the frame ends at once with its error
    }
    this.stats.lockWaits++;
    let q = rows.waiting.get(t.key);
    if (q === undefined) {
      q = [];
      rows.waiting.set(t.key, q);
    }
    q.push(t);
    t.queued = true;
    t.waitSinceMs = this.sim.now;
    this.sim.schedule(this.lockWaitMs, this.#gaveUp, t);
    return false;
  }

  /** A waiter's lockWait is over before it got the lock: it fails. */
  readonly #gaveUp = (t: TxFrame): void => {
    if (!t.queued) return; // it got the lock in time
    const q = this.rows.waiting.get(t.key) as TxFrame[];
    q.splice(q.indexOf(t), 1);
    t.queued = false;
    this.stats.lockTimeouts++;
    t.error = Outcome.failed;
    t.cause = this.#waitCause;
    this.resume(t);
  };

  /** The end step: commit (release the lock), or find a conflict. True: go on at once. */
  end(t: TxFrame): boolean {
    const rows = this.rows;
    if (this.optimistic && rows.version(t.key) !== t.version) {
      this.stats.conflicts++;
      if (t.attempt <= this.retries) {
        this.stats.retries++;
        t.attempt++;
        t.pc = 0; // start again from the begin step
      } else {
        t.error = Outcome.failed;
        t.cause = this.#conflictCause;
      }
      if (this.compensate.length === 0) return true;
      this.stats.compensations++;
      // the compensations run first; then the frame starts again (or ends with its error)
      this.resume(new Frame(t.inv, this.compensate, t, false));
      return false;
    }
    rows.versions.set(t.key, rows.version(t.key) + 1);
    this.stats.committed++;
    this.stats.duration.record(this.sim.now - t.startMs);
    this.#release(t);
    return true;
  }

  /** The transaction's frame ended with an error: it failed, and lets go of its row. */
  aborted(t: TxFrame): void {
    this.stats.failed++;
    this.#release(t);
  }

  /** Hands the row's lock to the next waiter, if any (it goes on with its steps). */
  #release(t: TxFrame): void {
    if (!t.holding) return;
    t.holding = false;
    const rows = this.rows;
    const next = rows.waiting.get(t.key)?.shift();
    if (next === undefined) {
      rows.holders.delete(t.key);
      return;
    }
    next.queued = false;
    next.holding = true;
    rows.holders.set(t.key, next);
    this.stats.lockWait.record(this.sim.now - next.waitSinceMs);
    this.resume(next);
  }
}
