/**
 * Per-second time series of one entry endpoint (or of everything): arrivals, outcomes and
 * latency percentiles of the requests that finished in each second of simulated time. One
 * log-linear histogram (log-histogram.ts) is reused per open second, so memory grows with the run's length in seconds, not
 * with the number of requests.
 */
import { LogHistogram } from './log-histogram.ts';
import type { Outcome } from './outcome.ts';

const PERCENTILES = [50, 90, 99] as const;

/** One closed second of an endpoint series. */
export interface SeriesPoint {
  second: number;
  arrivals: number;
  ok: number;
  rejected: number;
  timedOut: number;
  failed: number;
  meanMs: number;
  p50Ms: number;
  p90Ms: number;
  p99Ms: number;
  maxMs: number;
  inFlight: number;
}

/** Counters and a histogram for the open second, plus the closed points. */
export class RequestSeries {
  arrivals = 0;
  readonly outcomes = new Float64Array(4);
  readonly hist = new LogHistogram();
  readonly points: SeriesPoint[] = [];
  /** Requests currently in flight (for the in-flight column). */
  inFlight = 0;
  /** p50, p90, p99 of the second being closed (reused: close() runs every simulated second). */
  readonly #quantiles = new Float64Array(PERCENTILES.length);

  /** Counts one finished request in the open second. */
  finish(outcome: Outcome, latencyMs: number): void {
    this.outcomes[outcome]++;
    this.hist.record(latencyMs);
  }

  /** Adds the open second of `part` into this one (the overall series is the sum of its parts). */
  absorb(part: RequestSeries): void {
    this.arrivals += part.arrivals;
    for (let i = 0; i < 4; i++) this.outcomes[i] += part.outcomes[i];
    this.hist.add(part.hist);
    this.inFlight += part.inFlight;
  }

  /**
   * Closes the open second as a copy of the point `only` just closed: the sum of one series is
   * that series (the overall series of a run with one entry endpoint), without merging its
   * histogram and extracting its percentiles a second time. This series' open second stays empty.
   */
  repeatLast(only: RequestSeries): void {
    this.points.push({ ...only.points[only.points.length - 1] });
  }

  /** Closes the open second `second` and starts the next one. */
  close(second: number): void {
    const h = this.hist;
    const q = this.#quantiles;
    h.percentilesInto(PERCENTILES, q);
    const o = this.outcomes;
    this.points.push({
      second,
      arrivals: this.arrivals,
      ok: o[0],
      rejected: o[1],
      timedOut: o[2],
      failed: o[3],
      meanMs: h.count > 0 ? h.sum / h.count : 0,
      p50Ms: q[0],
      p90Ms: q[1],
      p99Ms: q[2],
      maxMs: h.max,
      inFlight: this.inFlight,
    });
    this.arrivals = 0;
    o.fill(0);
    this.hist.reset();
  }
}
