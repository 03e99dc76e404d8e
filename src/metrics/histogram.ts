/**
 * Latency histograms on HdrHistogram (hdr-histogram-js, WebAssembly build: ~20 ns per record),
 * 3 significant digits (relative error ≤ 0.1 %), values in microseconds internally, ms outside.
 * Memory is bounded whatever the number of requests. Call prepareHistograms() once before use
 * and dispose() when done (the WebAssembly memory is not garbage-collected).
 */
import { build, type Histogram, initWebAssembly } from 'hdr-histogram-js';

let ready = false;

/** Loads the WebAssembly histogram code; idempotent. */
export async function prepareHistograms(): Promise<void> {
  if (ready) return;
  await initWebAssembly();
  ready = true;
}

/** Percentile summary of a latency distribution, in ms. */
export interface LatencyStats {
  count: number;
  meanMs: number;
  p50Ms: number;
  p90Ms: number;
  p99Ms: number;
  p999Ms: number;
  maxMs: number;
}

/** A streaming latency histogram (ms in, ms out). */
export class LatencyHistogram {
  #h: Histogram;
  constructor() {
    if (!ready) throw new Error('prepareHistograms() must be awaited before creating histograms');
    this.#h = build({
      bitBucketSize: 64,
      useWebAssembly: true,
      numberOfSignificantValueDigits: 3,
      lowestDiscernibleValue: 1,
      highestTrackableValue: 2,
      autoResize: true,
    });
  }

  /** Records one latency in ms (rounded to the microsecond). */
  record(ms: number): void {
    this.#h.recordValue(Math.round(ms * 1000));
  }

  /** Number of recorded values. */
  get count(): number {
    return this.#h.totalCount;
  }

  /** Adds every value of `other` into this histogram. */
  add(other: LatencyHistogram): void {
    this.#h.add(other.#h);
  }

  /** Forgets every value. */
  reset(): void {
    this.#h.reset();
  }

  /** Value (ms) at the given percentile in [0, 100]; 0 when empty. */
  percentile(p: number): number {
    return this.#h.totalCount === 0
      ? 0
      : Math.min(this.#h.getValueAtPercentile(p), this.#h.maxValue) / 1000;
  }

  /** count, mean and p50/p90/p99/p99.9/max in ms. */
  stats(): LatencyStats {
    const h = this.#h;
    if (h.totalCount === 0)
      return { count: 0, meanMs: 0, p50Ms: 0, p90Ms: 0, p99Ms: 0, p999Ms: 0, maxMs: 0 };
    return {
      count: h.totalCount,
      meanMs: h.mean / 1000,
      p50Ms: this.percentile(50),
      p90Ms: this.percentile(90),
      p99Ms: this.percentile(99),
      p999Ms: this.percentile(99.9),
      maxMs: h.maxValue / 1000,
    };
  }

  /** Frees the WebAssembly memory; the histogram is unusable afterwards. */
  dispose(): void {
    this.#h.destroy();
  }
}
