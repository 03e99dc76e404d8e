/**
 * Counters of the resilience policies of one call step (retries, circuit breaker, bulkhead,
 * fallback), incremented by the model, reset when the statistics window opens.
 */

/** Counters of a call step's policies over the statistics window. */
export class CallPolicyStats {
  calls = 0;
  attempts = 0;
  retries = 0;
  /** Retries the budget refused. */
  retriesDenied = 0;
  breakerOpened = 0;
  /** Calls failed at once by an open (or full half-open) breaker. */
  shortCircuited = 0;
  bulkheadRejected = 0;
  fallbacks = 0;
  /** Time the breaker spent open in the window, ms (closed when the window ended). */
  openMs = 0;
  openSinceMs = -1;
  constructor(
    readonly id: string,
    readonly from: string,
    readonly to: string,
  ) {}
  reset(nowMs: number): void {
    this.calls = 0;
    this.attempts = 0;
    this.retries = 0;
    this.retriesDenied = 0;
    this.breakerOpened = 0;
    this.shortCircuited = 0;
    this.bulkheadRejected = 0;
    this.fallbacks = 0;
    this.openMs = 0;
    if (this.openSinceMs >= 0) this.openSinceMs = nowMs;
  }
  /** Time open up to `nowMs`. */
  openUntil(nowMs: number): number {
    return this.openMs + (this.openSinceMs >= 0 ? nowMs - this.openSinceMs : 0);
  }
}
