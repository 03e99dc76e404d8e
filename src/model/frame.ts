/**
 * A frame runs one list of steps for one invocation: the endpoint's own steps (the root frame),
 * a branch of a `parallel`, or the chosen option of a `branch`. It remembers where it is (pc),
 * the first error seen, and the fields of the one thing it waits for. An Invocation is its own
 * root frame (one object per visit instead of two).
 */
import type { Outcome } from '../metrics/outcome.ts';
import type { ListJob } from './list.ts';
import type { Invocation } from './request.ts';
import type { StepRuntime } from './service.ts';

/** A position in a list of steps. */
export class Frame {
  pc = 0;
  /** 0 (ok) or the Outcome of the first failure seen; later steps are skipped. */
  error: Outcome = 0;
  cause = '';
  /** Branches of a parallel step still running (on the parent frame). */
  pending = 0;
  /** The step being waited on (query or cpu). */
  current: StepRuntime | null = null;
  /** Query in progress: rows it reads. */
  rows = 0;
  /** The list step in progress (its state between waits), or null. */
  job: ListJob | null = null;
  // The two times below are set before they are read and have no initial value on purpose: a
  // field born undefined holds its numbers tagged, so the many frames that never wait for a
  // database or a core allocate nothing for them (a double field boxes its number in a heap
  // object at construction; two of them cost M/M/1 ~7 % of its speed, measured).
  /** When the query in progress reached the database. */
  sinceMs!: number;
  /** The cpu time of the cpu step waiting for a core. */
  workMs!: number;

  /** The visit this frame belongs to (the root frame is the visit itself). */
  readonly inv: Invocation;

  constructor(
    inv: Invocation | null,
    readonly steps: StepRuntime[],
    /** The frame to resume when this one ends (null for the root frame). */
    readonly parent: Frame | null,
    /** True when this frame is one branch of a parallel step. */
    readonly inParallel: boolean,
  ) {
    this.inv = inv ?? (this as unknown as Invocation);
  }
}
