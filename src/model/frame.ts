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

/**
 * A position in a list of steps.
 *
 * Its fields, like those of Invocation and Request, are `declare`d and all assigned in the
 * constructor, in the order listed: TypeScript then emits no class fields, which V8 would run as
 * a separate initializer function per object, not inlined where requests and calls are created
 * (~5 % of an M/M/1 run, measured).
 */
export class Frame {
  declare readonly steps: StepRuntime[];
  /** The frame to resume when this one ends (null for the root frame). */
  declare readonly parent: Frame | null;
  /** True when this frame is one branch of a parallel step. */
  declare readonly inParallel: boolean;
  declare pc: number;
  /** 0 (ok) or the Outcome of the first failure seen; later steps are skipped. */
  declare error: Outcome;
  declare cause: string;
  /** Branches of a parallel step still running (on the parent frame). */
  declare pending: number;
  /** The step being waited on (query or cpu). */
  declare current: StepRuntime | null;
  /** Query in progress: rows it reads. */
  declare rows: number;
  /** The list step in progress (its state between waits), or null. */
  declare job: ListJob | null;
  // The two times below start undefined on purpose: a field born undefined holds its numbers
  // tagged, so the many frames that never wait for a database or a core allocate nothing for
  // them (a double field boxes its number in a heap object at construction; two of them cost
  // M/M/1 ~7 % of its speed, measured).
  /** When the query in progress reached the database. */
  declare sinceMs: number;
  /** The cpu time of the cpu step waiting for a core. */
  declare workMs: number;
  /** The visit this frame belongs to (the root frame is the visit itself). */
  declare readonly inv: Invocation;

  constructor(
    inv: Invocation | null,
    steps: StepRuntime[],
    parent: Frame | null,
    inParallel: boolean,
  ) {
    this.steps = steps;
    this.parent = parent;
    this.inParallel = inParallel;
    this.pc = 0;
    this.error = 0;
    this.cause = '';
    this.pending = 0;
    this.current = null;
    this.rows = 0;
    this.job = null;
    this.sinceMs = undefined as unknown as number;
    this.workMs = undefined as unknown as number;
    this.inv = inv ?? (this as unknown as Invocation);
  }
}
