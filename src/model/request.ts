/**
 * A request as the client sees it (from a workload to an entry endpoint and back), and one
 * visit of it to a service endpoint (an Invocation). Requests carry counters of the work they
 * caused (calls, queries, rows) for the per-request figures.
 */
import { DOUBLE_ZERO } from '../engine/double-zero.ts';
import type { Outcome } from '../metrics/outcome.ts';
import { Frame } from './frame.ts';
import type { Hop } from './network.ts';
import type { EndpointRuntime, Instance } from './service.ts';
import type { EntryRuntime } from './workload.ts';

/** One end-to-end request. */
export class Request {
  /** Downstream calls made on its behalf (every `call` step, at any depth). */
  calls = 0;
  /** Database queries made on its behalf. */
  queries = 0;
  /** Database rows read on its behalf. */
  rows = 0;
  /** True once the client has its answer (or gave up). */
  finished = false;
  /** Invoked when the client has its answer (closed workloads loop on it). */
  onFinish: ((req: Request) => void) | null = null;

  constructor(
    readonly id: number,
    readonly entry: EntryRuntime,
    readonly arrivalMs: number,
    /** True when it arrived after the warm-up and counts in the statistics. */
    readonly counted: boolean,
  ) {}
}

/** One visit of a request to a service endpoint: holds a thread at one instance for its stay. */
export class Invocation extends Frame {
  instance: Instance | null = null;
  /** When it reached the service (after the network hop). */
  arrivalMs = DOUBLE_ZERO;
  /** Caller frame waiting for the reply, or null for the entry invocation. */
  caller: Frame | null;
  /** False once the caller stopped waiting (timeout) or was answered. */
  callerWaiting = true;
  /** The hop the reply travels back on. */
  replyHop: Hop | null = null;
  outcome: Outcome = 0;

  constructor(
    readonly request: Request,
    readonly endpoint: EndpointRuntime,
    caller: Frame | null,
  ) {
    super(null, endpoint.steps, null, false);
    this.caller = caller;
  }
}
