/**
 * Counters of one call step's timeout: the calls (attempts, with retries) it started a timeout
 * for and how many of them timed out, over the statistics window. They exist to catch a timeout
 * that can never be met — every call of the step times out, often a unitless `timeout: 0.2`
 * (0.2 ms) on an inner call — which the run then names in a warning.
 */
import { counters } from './counters.ts';

const CALL_TIMEOUT_COUNTERS = {
  calls: 'calls (attempts) the step started a timeout for',
  timedOut: 'of those, the ones whose timeout fired before the answer',
} as const;

/** Counters of one call step's timeout over the statistics window. */
export class CallTimeoutStats extends counters(CALL_TIMEOUT_COUNTERS) {
  constructor(
    /** The call step: service/endpoint/step path. */
    readonly id: string,
    readonly from: string,
    readonly to: string,
  ) {
    super();
  }
}

/** A call step every call of which timed out in the window. */
export interface CallAllTimedOut {
  /** The call step: service/endpoint/step path. */
  step: string;
  from: string;
  to: string;
  /** Calls (attempts) made, every one timed out. */
  calls: number;
}

/**
 * The call steps whose every call in the window timed out (a call started before the window
 * may time out inside it, so "every" is timedOut ≥ calls).
 */
export function callsAllTimedOut(stats: readonly CallTimeoutStats[]): CallAllTimedOut[] {
  return stats
    .filter((c) => c.calls > 0 && c.timedOut >= c.calls)
    .map((c) => ({ step: c.id, from: c.from, to: c.to, calls: c.calls }));
}
