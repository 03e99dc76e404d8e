/**
 * Latency histograms on HdrHistogram (hdr-histogram-js, WebAssembly build: ~20 ns per record),
 * 3 significant digits (relative error ≤ 0.1 %), values in microseconds internally, ms outside.
 * Memory is bounded whatever the number of requests. Call prepareHistograms() once before use
 * and dispose() when done (the WebAssembly memory is not garbage-collected).
 */
import { build, type Histogram, initWebAssembly } from 'hdr-histogram-js';

let ready = false;
/** Values buffered before they enter the WebAssembly histogram. */
const BUFFER = 1024;

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
/** One point of a latency distribution: p % of the requests took at most `ms`. */
export interface LatencyQuantile {
  p: number;
  ms: number;
}

/**
 * Where a latency distribution (the CDF drawn in reports) is sampled: every 5 % up to 95 %,
 * then finer into the tail, where the designs differ. ~180 µs per percentile with hdr, so a
 * distribution costs ~5 ms per group.
 */
export const DISTRIBUTION_PERCENTILES: readonly number[] = [
  0, 5, 10, 15, 20, 25, 30, 35, 40, 45, 50, 55, 60, 65, 70, 75, 80, 85, 90, 92, 94, 95, 96, 97, 98,
  99, 99.5, 99.9, 99.95, 99.99, 100,
];

export class LatencyHistogram {
  #h: Histogram;
  readonly #buffer = new Float64Array(BUFFER);
  #buffered = 0;
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

  /** Records one latency in ms (rounded to the microsecond when flushed). */
  record(ms: number): void {
    this.#buffer[this.#buffered++] = ms;
    if (this.#buffered === BUFFER) this.#flush();
  }

  // Values wait in a small buffer and enter the WebAssembly histogram in batches: a tight loop
  // of calls into WebAssembly costs ~20 ns per value, one call in the middle of the model's
  // event handlers ~70 ns (measured). Every reader flushes first.
  #flush(): void {
    const h = this.#h;
    const b = this.#buffer;
    for (let i = 0; i < this.#buffered; i++) h.recordValue(Math.round(b[i] * 1000));
    this.#buffered = 0;
  }

  /** Number of recorded values. */
  get count(): number {
    this.#flush();
    return this.#h.totalCount;
  }

  /** Adds every value of `other` into this histogram. */
  add(other: LatencyHistogram): void {
    this.#flush();
    other.#flush();
    this.#h.add(other.#h);
  }

  /** Forgets every value. */
  reset(): void {
    this.#buffered = 0;
    this.#h.reset();
  }

  /** Value (ms) at the given percentile in [0, 100]; 0 when empty. */
  percentile(p: number): number {
    this.#flush();
    return this.#h.totalCount === 0
      ? 0
      : Math.min(this.#h.getValueAtPercentile(p), this.#h.maxValue) / 1000;
  }

  /** count, mean and p50/p90/p99/p99.9/max in ms. */
  stats(): LatencyStats {
    this.#flush();
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

  /** The latency at each of DISTRIBUTION_PERCENTILES (empty when nothing was recorded). */
  distribution(): LatencyQuantile[] {
    this.#flush();
    if (this.#h.totalCount === 0) return [];
    return DISTRIBUTION_PERCENTILES.map((p) => ({ p, ms: this.percentile(p) }));
  }

  /** Frees the WebAssembly memory; the histogram is unusable afterwards. */
  dispose(): void {
    this.#h.destroy();
  }
}
