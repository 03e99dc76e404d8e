/**
 * A visit of a request to a service endpoint (an Invocation, which is also the root frame of
 * its steps), and the request as the client sees it (a Request, which is also its visit to the
 * entry service). Requests count the work they caused (calls, queries, rows).
 */
import { DOUBLE_ZERO } from '../engine/double-zero.ts';
import type { Outcome } from '../metrics/outcome.ts';
import type { Frame } from './frame.ts';
import type { ListJob } from './list.ts';
import type { Hop } from './network.ts';
import type { EndpointRuntime, Instance, StepRuntime } from './service.ts';
import type { EntryRuntime } from './workload.ts';

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

/**
 * One visit of a request to a service endpoint: holds a thread at one instance for its stay.
 * Its outcome, once it replies, is its root frame's `error` and `cause` (set directly when the
 * visit is turned away before running any step).
 *
 * An Invocation is its own root Frame, yet it does not `extends Frame` (nor Request `extends
 * Invocation`): V8 in Node 20 does not inline a derived class's `super()` call, so every level of
 * a class chain costs a call and a generic allocation (Request → Invocation → Frame: ~35 ns a
 * request; flat classes made M/M/1 ~12 % faster, measured). So Invocation declares Frame's fields
 * itself, and Request those of Invocation, in the same order; `implements` has TypeScript check
 * that none is missing. A field added to Frame must be added to both.
 */
export class Invocation implements Frame {
  // ── its root frame: the fields of Frame ──
  readonly steps: StepRuntime[];
  readonly parent: Frame | null = null;
  readonly inParallel: boolean = false;
  pc = 0;
  error: Outcome = 0;
  cause = '';
  pending = 0;
  current: StepRuntime | null = null;
  rows = 0;
  job: ListJob | null = null;
  sinceMs!: number;
  workMs!: number;
  readonly inv: Invocation = this;
  // ── the visit ──
  /** The end-to-end request this visit serves (the entry visit is the request itself). */
  readonly request: Request;
  instance: Instance | null = null;
  /** When it reached the service (after the network hop). */
  arrivalMs = DOUBLE_ZERO;
  /** Caller frame waiting for the reply, or null for the entry visit. */
  caller: Frame | null;
  /** False once the caller stopped waiting (timeout) or was answered. */
  callerWaiting = true;
  /** The hop the reply travels back on. */
  replyHop: Hop | null = null;
  /** What a call made by a list step or a refresh carries (null for an ordinary call). */
  data: CallData | null = null;

  constructor(
    request: Request,
    readonly endpoint: EndpointRuntime,
    caller: Frame,
  ) {
    this.steps = endpoint.steps;
    this.request = request;
    this.caller = caller;
  }
}

/**
 * One end-to-end request as the client sees it: sent by a workload to an entry endpoint and
 * answered (or given up on). It is also its own visit to the entry service (one object per
 * request instead of two), and counts the work it caused downstream. Flat, like Invocation:
 * it declares the fields of Frame and Invocation itself, in their order.
 */
export class Request implements Invocation {
  // ── its root frame: the fields of Frame ──
  readonly steps: StepRuntime[];
  readonly parent: Frame | null = null;
  readonly inParallel: boolean = false;
  pc = 0;
  error: Outcome = 0;
  cause = '';
  pending = 0;
  current: StepRuntime | null = null;
  rows = 0;
  job: ListJob | null = null;
  sinceMs!: number;
  workMs!: number;
  readonly inv: Invocation = this;
  // ── its visit to the entry service: the fields of Invocation ──
  readonly request: Request = this;
  instance: Instance | null = null;
  arrivalMs = DOUBLE_ZERO;
  readonly caller: Frame | null = null;
  callerWaiting = true;
  replyHop: Hop | null;
  data: CallData | null = null;
  readonly endpoint: EndpointRuntime;
  // ── the request ──
  /** Downstream calls made on its behalf (every `call` step, at any depth). */
  callCount = 0;
  /** Database queries made on its behalf. */
  queryCount = 0;
  /** Database rows read on its behalf. */
  rowCount = 0;
  /** Bytes of key-space rows returned by its queries. */
  byteCount = 0;
  /** True once the client has its answer (or gave up). */
  finished = false;
  /** True when a fallback answered for a failed call on its path (a degraded response). */
  degraded = false;

  /** True when it was sent after the warm-up and counts in the statistics. */
  get counted(): boolean {
    return this.sentMs >= this.entry.warmupMs;
  }

  constructor(
    readonly entry: EntryRuntime,
    /** When the client sent it. */
    readonly sentMs: number,
  ) {
    this.endpoint = entry.endpoint;
    this.steps = entry.endpoint.steps;
    this.replyHop = entry.hopBack;
  }
}
