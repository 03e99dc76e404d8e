/**
 * The objects of a request in flight, at the bottom of the model (they import no other model
 * file but the service they visit): a compiled step (StepRuntime), a position in a list of steps
 * (Frame), a visit to a service endpoint (Invocation, its own root frame) and the request as the
 * client sees it (Request, its own visit to the entry service). A frame runs one list of steps:
 * the endpoint's own steps (the root frame), a branch of a `parallel`, the chosen option of a
 * `branch`, a transaction's steps. It remembers where it is (pc), the first error seen, and the
 * fields of the one thing it waits for. Requests count the work they caused (calls, queries,
 * rows).
 */
import { DOUBLE_ZERO } from '../engine/double-zero.ts';
import type { Distribution, Simulation, TimeoutQueue } from '../engine/index.ts';
import type { EntryStats } from '../metrics/entry-stats.ts';
import type { Outcome } from '../metrics/outcome.ts';
import type { Metrics } from '../metrics/recorder.ts';
import type { RequestSeries } from '../metrics/series.ts';
import type { DatabaseRuntime } from './database.ts';
import type { Hop } from './network.ts';
import type { EndpointRuntime, Instance } from './service.ts';
import { RequestWork, VisitAside } from './visit-aside.ts';

export { RequestWork, VisitAside } from './visit-aside.ts';

/**
 * Step kinds the interpreter (`advance`, model/journey.ts) runs inline, as small integers, and
 * `handler` for every other kind: those run through their step's handler (`StepHandler.run`).
 */
export const StepKind = {
  cpu: 0,
  sleep: 1,
  call: 2,
  query: 3,
  parallel: 4,
  branch: 5,
  /** Any other kind: `step.handler.run(frame, step)`. */
  handler: 6,
} as const;

/**
 * What runs a step that the interpreter does not run inline: a step kind's module
 * (model/steps/), or the model's own steps (a credential check, a consumer's bookkeeping, a
 * transaction's begin and end).
 */
export interface StepHandler<P = unknown> {
  /**
   * Runs `step` for frame `f`: true when the frame goes on with its next step at once, false
   * when the step waits (whatever it started resumes the frame later with `advance`).
   */
  run(f: Frame, step: StepRuntime<P>): boolean;
}

/**
 * One compiled step. A single class for every kind keeps the interpreter's property accesses
 * monomorphic: the inline kinds have fields of their own (null when unused), every other kind
 * keeps what it needs in `payload`, run by `handler`.
 */
export class StepRuntime<P = unknown> {
  duration: Distribution | null = null;
  /** call: the endpoint called, the hops there and back (query: to the database and back). */
  target: EndpointRuntime | null = null;
  hopOut: Hop | null = null;
  hopBack: Hop | null = null;
  /** The call's pending timeouts (null without a timeout). */
  timeouts: TimeoutQueue<Invocation> | null = null;
  /** query: the database, rows read and an optional fixed query time. */
  db: DatabaseRuntime<Frame> | null = null;
  rows: Distribution | null = null;
  queryTime: Distribution | null = null;
  /** parallel branches, or branch options (with cumulative probabilities). */
  branches: StepRuntime[][] = [];
  cumulative: Float64Array | null = null;
  pick: (() => number) | null = null;
  /** query: joins made, and bytes returned per row read (key-space rows). */
  joins = 0;
  bytesPerRow = 0;
  /** Cause text used when this call times out. */
  timeoutCause = '';
  /** call: resilience policies (null without: the plain, fast path). */
  policy: { start(f: Frame): void } | null = null;
  /** Any other kind: what its handler needs at run time (its compiled form). */
  payload: P | null = null;
  handler: StepHandler<P> | null = null;
  constructor(readonly kind: number) {}
}

/**
 * A step run by `handler` with `payload` (StepKind.handler).
 */
export function handlerStep<P>(handler: StepHandler<P>, payload: P): StepRuntime<P> {
  const step = new StepRuntime<P>(StepKind.handler);
  step.handler = handler;
  step.payload = payload;
  return step;
}

/**
 * The entry a request was sent to, as the journey sees it (an EntryRuntime of
 * model/workload.ts, or the stand-in of a request the model sends on its own behalf).
 */
export interface Entry {
  readonly sim: Simulation;
  readonly metrics: Metrics;
  readonly endpoint: EndpointRuntime;
  readonly stats: EntryStats;
  readonly series: RequestSeries;
  readonly hopBack: Hop | null;
  readonly warmupMs: number;
  /** Runs when a request of this entry has its answer (closed workloads loop on it), or null. */
  onFinish: ((req: Request, outcome: Outcome) => void) | null;
}

/**
 * A position in a list of steps.
 *
 * Its fields, like those of Invocation and Request, are `declare`d and all assigned in the
 * constructor, in the order listed: TypeScript then emits no class fields, which V8 would run as
 * a separate initializer function per object, not inlined where requests and calls are created
 * (~5 % of an M/M/1 run, measured). The three fields a root frame (a visit) does not need to
 * store, its `parent` (null), `inParallel` (false) and `inv` (itself), come last; a visit leaves
 * them out and keeps the wait fields (pending … workMs) aside (VisitAside).
 */
export class Frame {
  declare readonly steps: StepRuntime[];
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
  /** The state of a step that waits several times (a list step) between its waits, or null. */
  declare job: object | null;
  // The two times below start undefined on purpose: a field born undefined holds its numbers
  // tagged, so the many frames that never wait for a database or a core allocate nothing for
  // them (a double field boxes its number in a heap object at construction; two of them cost
  // M/M/1 ~7 % of its speed, measured).
  /** When the query in progress reached the database. */
  declare sinceMs: number;
  /** The cpu time of the cpu step waiting for a core. */
  declare workMs: number;
  /** The frame to resume when this one ends (null for the root frame). */
  declare readonly parent: Frame | null;
  /** True when this frame is one branch of a parallel step. */
  declare readonly inParallel: boolean;
  /** The visit this frame belongs to (the root frame is the visit itself). */
  declare readonly inv: Invocation;

  constructor(
    inv: Invocation | null,
    steps: StepRuntime[],
    parent: Frame | null,
    inParallel: boolean,
  ) {
    this.steps = steps;
    this.pc = 0;
    this.error = 0;
    this.cause = '';
    this.pending = 0;
    this.current = null;
    this.rows = 0;
    this.job = null;
    this.sinceMs = undefined as unknown as number;
    this.workMs = undefined as unknown as number;
    this.parent = parent;
    this.inParallel = inParallel;
    this.inv = inv ?? (this as unknown as Invocation);
  }

  /** A frame that failed lets go of what it holds: a transaction its row lock (a plain one: nothing). */
  aborted(): void {}
}

/** Receives the reply of a call made outside the ordinary step sequence. */
export interface ReplyWaiter {
  onReply(inv: Invocation): void;
  /** The call's timeout fired (only calls with a timeout). */
  onTimeout?(inv: Invocation): void;
}

/**
 * What a call made outside the ordinary step sequence carries: the keys to look up (their
 * count, and the keys themselves when a sharded database routes them) and who gets the reply.
 * Kept apart from Invocation so ordinary calls stay small.
 */
export class CallData {
  constructor(
    readonly waiter: ReplyWaiter,
    /** Keys carried: a lookup reads this many rows. */
    readonly keyCount: number,
    readonly keys: Int32Array | null,
    /** Which reference of the list step the call serves. */
    readonly refIndex: number,
  ) {}
}

/** What a visit keeps aside (VisitAside), created on the first write. */
function asideOf(v: { aside: VisitAside | null }): VisitAside {
  let a = v.aside;
  if (a === null) {
    a = new VisitAside();
    v.aside = a;
  }
  return a;
}

/** A request's work counts (RequestWork), created on the first write. */
function workOf(r: { work: RequestWork | null }): RequestWork {
  let w = r.work;
  if (w === null) {
    w = new RequestWork();
    r.work = w;
  }
  return w;
}

/**
 * One visit of a request to a service endpoint: holds a thread at one instance for its stay.
 * Its outcome, once it replies, is its root frame's `error` and `cause` (set directly when the
 * visit is turned away before running any step).
 *
 * An Invocation is its own root Frame, yet it does not `extends Frame` (nor Request `extends
 * Invocation`): V8 in Node 20 does not inline a derived class's `super()` call, so every level of
 * a class chain costs a call and a generic allocation (Request → Invocation → Frame: ~35 ns a
 * request; flat classes made M/M/1 ~12 % faster, measured). So Invocation has every member of
 * Frame itself, and Request every member of Invocation; `implements` has TypeScript check that
 * none is missing. As in Frame, the stored fields are `declare`d and the constructor assigns
 * every one of them, in the order listed (no class-field initializer function). A field added to
 * Frame must be added to both classes (stored, or an accessor of `aside`) and to the constructors.
 * They repeat their assignments rather than call a shared helper: V8 gives an object in-object
 * room for the `this.x =` it counts in the constructor's own body, plus 8; what a helper assigns
 * beyond that goes to a separate property array (Node 20, seen with %DebugPrint).
 *
 * What a visit rarely needs is not stored in it: a root frame's `parent`, `inParallel` and `inv`
 * (and a Request's `request` and `caller`) are getters, Frame's rarer wait fields (job, workMs) and
 * `data` accessors of `aside` (VisitAside, created on the first write). Each stored field costs a request ~2.5 ns
 * to create and collect (16 more fields: M/M/1 ~15 % slower, measured); the fields a visit does
 * store sit at the same places in Frame, Invocation and Request as far as they share them.
 */
export class Invocation implements Frame {
  // ── its root frame: the fields of Frame it stores ──
  declare readonly steps: StepRuntime[];
  declare pc: number;
  declare error: Outcome;
  declare cause: string;
  /** Frame's rarer wait fields and `data`, once a write needed them (null until then). */
  declare aside: VisitAside | null;
  // Frame's commoner wait fields, stored: a parallel step's count, the query's fields
  declare pending: number;
  declare current: StepRuntime | null;
  declare rows: number;
  declare sinceMs: number;
  // ── the visit ──
  declare readonly endpoint: EndpointRuntime;
  declare instance: Instance | null;
  /** When it reached the service (after the network hop). */
  declare arrivalMs: number;
  /** False once the caller stopped waiting (timeout) or was answered. */
  declare callerWaiting: boolean;
  /** The hop the reply travels back on. */
  declare replyHop: Hop | null;
  /** The end-to-end request this visit serves (the entry visit is the request itself). */
  declare readonly request: Request;
  /** Caller frame waiting for the reply, or null for the entry visit. */
  declare readonly caller: Frame | null;

  constructor(request: Request, endpoint: EndpointRuntime, caller: Frame) {
    this.steps = endpoint.steps;
    this.pc = 0;
    this.error = 0;
    this.cause = '';
    this.aside = null;
    this.pending = 0;
    this.current = null;
    this.rows = 0;
    this.sinceMs = undefined as unknown as number;
    this.endpoint = endpoint;
    this.instance = null;
    this.arrivalMs = DOUBLE_ZERO;
    this.callerWaiting = true;
    this.replyHop = null;
    this.request = request;
    this.caller = caller;
  }

  /** A visit is a root frame: no parent. */
  get parent(): Frame | null {
    return null;
  }
  /** A visit is a root frame: not a branch of a parallel step. */
  get inParallel(): boolean {
    return false;
  }
  /** A visit is its own root frame. */
  get inv(): Invocation {
    return this;
  }

  // ── Frame's wait fields and the call's data, kept aside (VisitAside) ──
  get job(): object | null {
    return this.aside === null ? null : this.aside.job;
  }
  set job(v: object | null) {
    asideOf(this).job = v;
  }
  get workMs(): number {
    return this.aside === null ? (undefined as unknown as number) : this.aside.workMs;
  }
  set workMs(v: number) {
    asideOf(this).workMs = v;
  }
  /** What a call made by a list step or a refresh carries (null for an ordinary call). */
  get data(): CallData | null {
    return this.aside === null ? null : (this.aside.data as CallData | null);
  }
  set data(v: CallData | null) {
    asideOf(this).data = v;
  }

  /** See Frame.aborted (a visit is a root frame: it holds nothing to let go). */
  aborted(): void {}
}

/**
 * One end-to-end request as the client sees it: sent by a workload to an entry endpoint and
 * answered (or given up on). It is also its own visit to the entry service (one object per
 * request instead of two), and counts the work it caused downstream (in `work`, created at its
 * first call or query: a request that makes none stores five fields fewer). Flat, like
 * Invocation: it has every member of Frame and Invocation itself, the stored fields in their order.
 */
export class Request implements Invocation {
  // ── its root frame: the fields of Frame it stores ──
  declare readonly steps: StepRuntime[];
  declare pc: number;
  declare error: Outcome;
  declare cause: string;
  declare aside: VisitAside | null;
  declare pending: number;
  declare current: StepRuntime | null;
  declare rows: number;
  declare sinceMs: number;
  // ── its visit to the entry service: the fields of Invocation it stores ──
  declare readonly endpoint: EndpointRuntime;
  declare instance: Instance | null;
  declare arrivalMs: number;
  declare callerWaiting: boolean;
  declare replyHop: Hop | null;
  // ── the request ──
  declare readonly entry: Entry;
  /** When the client sent it (set again only when a pooled request is reused). */
  declare sentMs: number;
  /** True once the client has its answer (or gave up). */
  declare finished: boolean;
  /** The work it caused downstream, once it made a call or a query (null until then). */
  declare work: RequestWork | null;

  /** True when it was sent after the warm-up and counts in the statistics. */
  get counted(): boolean {
    return this.sentMs >= this.entry.warmupMs;
  }

  constructor(entry: Entry, sentMs: number) {
    this.steps = entry.endpoint.steps;
    this.pc = 0;
    this.error = 0;
    this.cause = '';
    this.aside = null;
    this.pending = 0;
    this.current = null;
    this.rows = 0;
    this.sinceMs = undefined as unknown as number;
    this.endpoint = entry.endpoint;
    this.instance = null;
    this.arrivalMs = DOUBLE_ZERO;
    this.callerWaiting = true;
    this.replyHop = entry.hopBack;
    this.entry = entry;
    this.sentMs = sentMs;
    this.finished = false;
    this.work = null;
  }

  /**
   * Makes this answered request a new one of the same entry, sent at `sentMs`
   * (model/request-pool.ts): every field the constructor sets is set again to the same value
   * (the entry's `steps`, `endpoint`, `entry` do not change), in the same order.
   */
  reuse(sentMs: number): void {
    this.pc = 0;
    this.error = 0;
    this.cause = '';
    this.aside = null;
    this.pending = 0;
    this.current = null;
    this.rows = 0;
    this.sinceMs = undefined as unknown as number;
    this.instance = null;
    this.arrivalMs = DOUBLE_ZERO;
    this.callerWaiting = true;
    this.replyHop = this.entry.hopBack;
    this.sentMs = sentMs;
    this.finished = false;
    this.work = null;
  }

  /** A request is a root frame: no parent, not a branch of a parallel step, its own root frame. */
  get parent(): Frame | null {
    return null;
  }
  get inParallel(): boolean {
    return false;
  }
  get inv(): Invocation {
    return this;
  }
  /** A request is its own entry visit. */
  get request(): Request {
    return this;
  }
  /** The entry visit has no caller: its reply goes to the client. */
  get caller(): Frame | null {
    return null;
  }

  // ── Frame's wait fields and the call's data, kept aside, as in Invocation ──
  get job(): object | null {
    return this.aside === null ? null : this.aside.job;
  }
  set job(v: object | null) {
    asideOf(this).job = v;
  }
  get workMs(): number {
    return this.aside === null ? (undefined as unknown as number) : this.aside.workMs;
  }
  set workMs(v: number) {
    asideOf(this).workMs = v;
  }
  get data(): CallData | null {
    return this.aside === null ? null : (this.aside.data as CallData | null);
  }
  set data(v: CallData | null) {
    asideOf(this).data = v;
  }

  // ── the work it caused, kept in `work` ──
  /** Downstream calls made on its behalf (every `call` step, at any depth). */
  get callCount(): number {
    return this.work === null ? 0 : this.work.callCount;
  }
  set callCount(v: number) {
    workOf(this).callCount = v;
  }
  /** Database queries made on its behalf. */
  get queryCount(): number {
    return this.work === null ? 0 : this.work.queryCount;
  }
  set queryCount(v: number) {
    workOf(this).queryCount = v;
  }
  /** Database rows read on its behalf. */
  get rowCount(): number {
    return this.work === null ? 0 : this.work.rowCount;
  }
  set rowCount(v: number) {
    workOf(this).rowCount = v;
  }
  /** Bytes of key-space rows returned by its queries. */
  get byteCount(): number {
    return this.work === null ? 0 : this.work.byteCount;
  }
  set byteCount(v: number) {
    workOf(this).byteCount = v;
  }
  /** True when a fallback answered for a failed call on its path (a degraded response). */
  get degraded(): boolean {
    return this.work === null ? false : this.work.degraded;
  }
  set degraded(v: boolean) {
    workOf(this).degraded = v;
  }

  /** See Frame.aborted. */
  aborted(): void {}
}

/**
 * A request the model sends on its own behalf (a refresh, a token sync, a consumer's delivery,
 * a choreographed saga's events): their work is counted on it, and it is never reported.
 */
export function backgroundRequest(endpoint: EndpointRuntime, hopBack: Hop | null): Request {
  return new Request({ endpoint, hopBack } as unknown as Entry, 0);
}
