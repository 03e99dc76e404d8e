/**
 * Client-side statistics of one (workload, entry endpoint) pair: latency of successful requests,
 * outcomes with their causes, and the work each request caused (calls, queries, rows).
 * Only requests that arrived after the warm-up are counted here.
 */
import { DOUBLE_ZERO } from '../engine/double-zero.ts';
import { LatencyHistogram } from './histogram.ts';
import { LogHistogram } from './log-histogram.ts';
import { Outcome } from './outcome.ts';

/** The work a request caused downstream (the model's RequestWork). */
export interface RequestWorkCounts {
  readonly callCount: number;
  readonly queryCount: number;
  readonly rowCount: number;
  readonly byteCount: number;
  /** A fallback answered for a failed call on its path. */
  readonly degraded: boolean;
}

/** What the statistics need of a finished request (the model's Request has these fields). */
export interface FinishedRequest {
  /** Sent after the warm-up: counts in the statistics. */
  readonly counted: boolean;
  /** When the client sent it, ms. */
  readonly sentMs: number;
  /** Its work, or null when it made no call and no query (every count 0, not degraded). */
  readonly work: RequestWorkCounts | null;
}

/** Statistics of the requests one workload sent to one entry endpoint. */
export class EntryStats {
  arrivals = 0;
  /** Latency of requests that ended ok. */
  readonly okLatency = new LatencyHistogram();
  /** Finished requests by outcome (index = Outcome). */
  readonly outcomes = new Float64Array(4);
  /** Failure causes ("rejected: orders queue full") → count. */
  readonly causes = new Map<string, number>();
  /** Successful requests that finished inside the statistics window, whenever they arrived. */
  okInWindow = 0;
  /** Sum of the latencies of every finished request, whatever its outcome (ms). */
  latencySumMs = DOUBLE_ZERO;
  callsSum = 0;
  queriesSum = 0;
  rowsSum = 0;
  bytesSum = 0;
  callsMax = 0;
  queriesMax = 0;
  rowsMax = 0;
  /** Successful requests answered in part by a fallback. */
  degraded = 0;

  constructor(
    readonly workload: string,
    readonly service: string,
    readonly endpoint: string,
  ) {}

  /** Counts one finished request (sent after the warm-up) with its latency and work. */
  finish(req: FinishedRequest, outcome: Outcome, cause: string, latencyMs: number): void {
    this.outcomes[outcome]++;
    this.latencySumMs += latencyMs;
    if (outcome === Outcome.ok) this.okLatency.record(latencyMs);
    else this.#countCause(cause);
    // a request without work adds zeros: the sums and maxima stay as they are
    const work = req.work;
    if (work !== null) this.#countWork(work, outcome);
  }

  #countWork(work: RequestWorkCounts, outcome: Outcome): void {
    if (outcome === Outcome.ok && work.degraded) this.degraded++;
    const { callCount, queryCount, rowCount } = work;
    this.callsSum += callCount;
    this.queriesSum += queryCount;
    this.rowsSum += rowCount;
    this.bytesSum += work.byteCount;
    if (callCount > this.callsMax) this.callsMax = callCount;
    if (queryCount > this.queriesMax) this.queriesMax = queryCount;
    if (rowCount > this.rowsMax) this.rowsMax = rowCount;
  }

  // out of line: keeps finish() small enough to be inlined into the model's handlers
  #countCause(cause: string): void {
    this.causes.set(cause, (this.causes.get(cause) ?? 0) + 1);
  }

  /** Number of finished requests. */
  get finished(): number {
    const o = this.outcomes;
    return o[0] + o[1] + o[2] + o[3];
  }

  dispose(): void {
    this.okLatency.dispose();
  }
}

/**
 * Server-side statistics of one service endpoint: visits by outcome and the response time of
 * successful visits, from arrival at the service (queueing included) to the reply leaving it.
 * Recorded in the log-linear histogram (≤ 0.4 % error, a few ns per visit) because every visit
 * of every request lands here; the client-side figures use HdrHistogram.
 */
export class VisitStats {
  readonly okLatency = new LogHistogram();
  readonly outcomes = new Float64Array(4);

  constructor(
    readonly component: string,
    readonly name: string,
  ) {}

  /** Starts the statistics window: forget what was recorded during the warm-up. */
  reset(): void {
    this.okLatency.reset();
    this.outcomes.fill(0);
  }
}
