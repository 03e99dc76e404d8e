/**
 * Counters of the resilience policies of one call step (retries, circuit breaker, bulkhead,
 * fallback), incremented by the model, reset when the statistics window opens; with the
 * summary of a call step's policies.
 */
import { counters, fieldsOf } from './counters.ts';

/** What the model counts for a call step's policies while it runs. */
const CALL_POLICY_COUNTERS = {
  calls: 'calls made by the step',
  attempts: 'attempts (first tries and retries)',
  retries: 'retries',
  retriesDenied: 'retries the budget refused',
  breakerOpened: 'times the breaker opened',
  shortCircuited: 'calls failed at once by an open (or full half-open) breaker',
  bulkheadRejected: 'calls refused by a full bulkhead',
  fallbacks: 'failed calls answered by the fallback',
  openMs: 'time the breaker spent open in the window, ms (closed when the window ended)',
} as const;

/** Counters of a call step's policies over the statistics window. */
export class CallPolicyStats extends counters(CALL_POLICY_COUNTERS) {
  /** When the breaker opened (-1: closed). */
  openSinceMs = -1;
  constructor(
    readonly id: string,
    readonly from: string,
    readonly to: string,
  ) {
    super();
  }
  override reset(nowMs: number): void {
    super.reset();
    if (this.openSinceMs >= 0) this.openSinceMs = nowMs;
  }
  /** Time open up to `nowMs`. */
  openUntil(nowMs: number): number {
    return this.openMs + (this.openSinceMs >= 0 ? nowMs - this.openSinceMs : 0);
  }
}

/** The resilience policies of one call step over the statistics window. */
export interface CallPolicySummary {
  /** The call step: service/endpoint/step path. */
  id: string;
  from: string;
  to: string;
  calls: number;
  attempts: number;
  retries: number;
  retriesDenied: number;
  /** attempts / calls: how much the retries multiply the load (1 without retries). */
  amplification: number;
  breakerOpened: number;
  shortCircuited: number;
  bulkheadRejected: number;
  fallbacks: number;
  /** Share of the window the breaker was open. */
  openFraction: number;
}

/** The summary of call step `c`'s policies over a window of `windowMs` ending at `endMs`. */
export function summarizeCallPolicy(
  c: CallPolicyStats,
  windowMs: number,
  endMs: number,
): CallPolicySummary {
  return {
    ...fieldsOf(c, ['id', 'from', 'to', 'calls', 'attempts', 'retries', 'retriesDenied']),
    amplification: c.calls > 0 ? c.attempts / c.calls : 1,
    ...fieldsOf(c, ['breakerOpened', 'shortCircuited', 'bulkheadRejected', 'fallbacks']),
    openFraction: windowMs > 0 ? Math.min(1, c.openUntil(endMs) / windowMs) : 0,
  };
}
