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
 * that none is declared missing. As in Frame, the fields are `declare`d and the constructor
 * assigns every one of them, in the order listed (no class-field initializer function). A field
 * added to Frame must be added to both classes and to the three constructors.
 */
export class Invocation implements Frame {
  // ── its root frame: the fields of Frame ──
  declare readonly steps: StepRuntime[];
  declare readonly parent: Frame | null;
  declare readonly inParallel: boolean;
  declare pc: number;
  declare error: Outcome;
  declare cause: string;
  declare pending: number;
  declare current: StepRuntime | null;
  declare rows: number;
  declare job: ListJob | null;
  declare sinceMs: number;
  declare workMs: number;
  declare readonly inv: Invocation;
  // ── the visit ──
  /** The end-to-end request this visit serves (the entry visit is the request itself). */
  declare readonly request: Request;
  declare readonly endpoint: EndpointRuntime;
  declare instance: Instance | null;
  /** When it reached the service (after the network hop). */
  declare arrivalMs: number;
  /** Caller frame waiting for the reply, or null for the entry visit. */
  declare caller: Frame | null;
  /** False once the caller stopped waiting (timeout) or was answered. */
  declare callerWaiting: boolean;
  /** The hop the reply travels back on. */
  declare replyHop: Hop | null;
  /** What a call made by a list step or a refresh carries (null for an ordinary call). */
  declare data: CallData | null;

  constructor(request: Request, endpoint: EndpointRuntime, caller: Frame) {
    this.steps = endpoint.steps;
    this.parent = null;
    this.inParallel = false;
    this.pc = 0;
    this.error = 0;
    this.cause = '';
    this.pending = 0;
    this.current = null;
    this.rows = 0;
    this.job = null;
    this.sinceMs = undefined as unknown as number;
    this.workMs = undefined as unknown as number;
    this.inv = this;
    this.request = request;
    this.endpoint = endpoint;
    this.instance = null;
    this.arrivalMs = DOUBLE_ZERO;
    this.caller = caller;
    this.callerWaiting = true;
    this.replyHop = null;
    this.data = null;
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
  declare readonly steps: StepRuntime[];
  declare readonly parent: Frame | null;
  declare readonly inParallel: boolean;
  declare pc: number;
  declare error: Outcome;
  declare cause: string;
  declare pending: number;
  declare current: StepRuntime | null;
  declare rows: number;
  declare job: ListJob | null;
  declare sinceMs: number;
  declare workMs: number;
  declare readonly inv: Invocation;
  // ── its visit to the entry service: the fields of Invocation ──
  declare readonly request: Request;
  declare readonly endpoint: EndpointRuntime;
  declare instance: Instance | null;
  declare arrivalMs: number;
  declare caller: Frame | null;
  declare callerWaiting: boolean;
  declare replyHop: Hop | null;
  declare data: CallData | null;
  // ── the request ──
  declare readonly entry: EntryRuntime;
  /** When the client sent it. */
  declare readonly sentMs: number;
  /** Downstream calls made on its behalf (every `call` step, at any depth). */
  declare callCount: number;
  /** Database queries made on its behalf. */
  declare queryCount: number;
  /** Database rows read on its behalf. */
  declare rowCount: number;
  /** Bytes of key-space rows returned by its queries. */
  declare byteCount: number;
  /** True once the client has its answer (or gave up). */
  declare finished: boolean;
  /** True when a fallback answered for a failed call on its path (a degraded response). */
  declare degraded: boolean;

  /** True when it was sent after the warm-up and counts in the statistics. */
  get counted(): boolean {
    return this.sentMs >= this.entry.warmupMs;
  }

  constructor(entry: EntryRuntime, sentMs: number) {
    this.steps = entry.endpoint.steps;
    this.parent = null;
    this.inParallel = false;
    this.pc = 0;
    this.error = 0;
    this.cause = '';
    this.pending = 0;
    this.current = null;
    this.rows = 0;
    this.job = null;
    this.sinceMs = undefined as unknown as number;
    this.workMs = undefined as unknown as number;
    this.inv = this;
    this.request = this;
    this.endpoint = entry.endpoint;
    this.instance = null;
    this.arrivalMs = DOUBLE_ZERO;
    this.caller = null;
    this.callerWaiting = true;
    this.replyHop = entry.hopBack;
    this.data = null;
    this.entry = entry;
    this.sentMs = sentMs;
    this.callCount = 0;
    this.queryCount = 0;
    this.rowCount = 0;
    this.byteCount = 0;
    this.finished = false;
    this.degraded = false;
  }
}
