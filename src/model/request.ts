/**
 * A request as the client sees it (from a workload to an entry endpoint and back), and one
 * visit of it to a service endpoint (an Invocation). Requests carry counters of the work they
 * caused (calls, queries, rows) for the per-request figures.
 */
import type { Outcome } from '../metrics/outcome.ts';
import type { Frame } from './frame.ts';
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
export class Invocation {
  instance: Instance | null = null;
  /** When it reached the service (after the network hop). */
  arrivalMs = 0;
  /** Root frame running the endpoint's steps. */
  frame: Frame | null = null;
  /** Caller frame waiting for the reply, or null for the entry invocation. */
  caller: Frame | null;
  /** False once the caller stopped waiting (timeout) or was answered. */
  callerWaiting = true;
  /** The hop the reply travels back on. */
  replyHop: Hop | null = null;
  outcome: Outcome = 0;
  cause = '';

  constructor(
    readonly request: Request,
    readonly endpoint: EndpointRuntime,
    caller: Frame | null,
  ) {
    this.caller = caller;
  }
}
