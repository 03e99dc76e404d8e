/**
 * Latency histograms on HdrHistogram (hdr-histogram-js, WebAssembly build), 3 significant digits
 * (relative error ≤ 0.1 %), values in microseconds internally, ms outside. Recording counts
 * into HdrHistogram's own buckets on the JS side (a few ns); the WebAssembly histogram receives
 * one call per occupied bucket when it is read. Memory is bounded whatever the number of
 * requests (~90 kB of JS counts per histogram). Call prepareHistograms() once before use and
 * dispose() when done (the WebAssembly memory is not garbage-collected).
 */
import type { Histogram } from 'hdr-histogram-js';
import { SUB_BUCKET_BITS, SUB_BUCKET_MASK } from './histogram-buckets.ts';

export { resolutionMs } from './histogram-buckets.ts';

/**
 * hdr-histogram-js's WebAssembly histogram builder, once prepareHistograms() has loaded it: it is
 * imported on first use, not with this module, because loading it (and its WebAssembly) costs
 * CPU that commands which run nothing (validate, schema, list) need not pay. Only the package's
 * WebAssembly part is loaded (`dist/wasm`, ~20 ms less CPU than the whole package with its JS
 * histograms, log reader and encoders, none of which msasim uses), and it is instantiated
 * synchronously where the platform allows: the asynchronous path tests `typeof Response`, which
 * in Node loads the fetch implementation (undici with http, tls, http2: ~25 ms of CPU).
 */
let build: ((options: typeof HDR_OPTIONS) => Histogram) | null = null;

// HdrHistogram's bucket layout (histogram-buckets.ts). Slot (b << 10) + (v >> b) is
// HdrHistogram's counts index of v, and the lowest value of a slot lands in the same bucket as
// every value counted there.
/** Values from here up (µs; ~36 min) skip the JS counts and go straight to the histogram. */
const JS_LIMIT = 2 ** 31;
const SLOTS = ((31 - SUB_BUCKET_BITS - Math.clz32(JS_LIMIT - 1)) << SUB_BUCKET_BITS) + 2048;

function slotOf(us: number): number {
  const shift = 31 - SUB_BUCKET_BITS - Math.clz32(us | SUB_BUCKET_MASK);
  return (shift << SUB_BUCKET_BITS) + (us >>> shift);
}

function lowestValueOf(slot: number): number {
  // slots below 2048 are bucket 0, one µs each; bucket b ≥ 1 starts at slot (b + 1) << 10
  if (slot <= SUB_BUCKET_MASK) return slot;
  const shift = (slot >>> SUB_BUCKET_BITS) - 1;
  return (slot - (shift << SUB_BUCKET_BITS)) * 2 ** shift;
}

/** Loads hdr-histogram-js and its WebAssembly histogram code; idempotent. */
export async function prepareHistograms(): Promise<void> {
  if (build !== null) return;
  // a CommonJS module: Node gives it as `default` and by name, the CLI's bundle as `default` only
  type Wasm = typeof import('hdr-histogram-js/dist/wasm/index.js');
  const mod = (await import('hdr-histogram-js/dist/wasm/index.js')) as Wasm & { default?: Wasm };
  const wasm = mod.default ?? mod;
  try {
    wasm.initWebAssemblySync();
  } catch {
    // a browser's main thread refuses to compile a large module synchronously
    await wasm.initWebAssembly();
  }
  build = (options) => wasm.WasmHistogram.build(options);
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

/** The HdrHistogram behind each LatencyHistogram: µs, 3 significant digits, growing as needed. */
export const HDR_OPTIONS = {
  bitBucketSize: 64,
  useWebAssembly: true,
  numberOfSignificantValueDigits: 3,
  lowestDiscernibleValue: 1,
  highestTrackableValue: 2,
  autoResize: true,
} as const;

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
  /**
   * Counts per slot not yet in #h, whether any was counted since the last flush, and the
   * extremes (µs). Flushing scans every slot (~22,500, once per read after new values) rather
   * than a range kept by record(): one store per value instead of two comparisons (M/M/1 ~3 %
   * faster, measured).
   */
  readonly #counts = new Uint32Array(SLOTS);
  #dirty = false;
  #maxUs = 0;
  #minNonZeroUs = JS_LIMIT;
  constructor() {
    if (build === null)
      throw new Error('prepareHistograms() must be awaited before creating histograms');
    this.#h = build(HDR_OPTIONS);
  }

  /** Records one latency in ms (rounded to the microsecond). */
  record(ms: number): void {
    const x = ms * 1000;
    // Math.round(x), for x in [0.5, JS_LIMIT - 0.5): (x + 0.5) | 0 truncates to round-half-up,
    // the same integer (x + 0.5 may round, e.g. for 0.5000000000000001, but never across an
    // integer in this range: the property test feeds such values). Node 20's Math.round costs
    // ~7 ns more than this here, 3 % of M/M/1 (measured); other values (tiny, huge, NaN) take
    // Math.round itself.
    const us = x >= 0.5 && x < JS_LIMIT - 0.5 ? (x + 0.5) | 0 : Math.round(x);
    if (!(us >= 0 && us < JS_LIMIT)) {
      this.#recordLarge(us);
      return;
    }
    this.#counts[slotOf(us)]++;
    this.#dirty = true;
    if (us > this.#maxUs) this.#maxUs = us;
    if (us < this.#minNonZeroUs && us !== 0) this.#minNonZeroUs = us;
  }

  /** A value beyond the JS counts (or not a number) goes straight to the histogram. */
  #recordLarge(us: number): void {
    this.#h.recordValue(us);
  }

  // A call into WebAssembly costs ~20 ns in a tight loop and ~70 ns amid the model's event
  // handlers (measured), so values are counted here and enter the WebAssembly histogram when it
  // is read (the summary, at the end), one call per occupied slot. The counts are the same as
  // value by value; the exact extremes go in as zero counts (HdrHistogram keeps its max and min
  // from the values themselves). Every reader flushes first.
  #flush(): void {
    // nothing new: the counts and the extremes are in #h already
    if (!this.#dirty) return;
    this.#dirty = false;
    const h = this.#h;
    const counts = this.#counts;
    for (let slot = 0; slot < SLOTS; slot++) {
      if (counts[slot] === 0) continue;
      h.recordValueWithCount(lowestValueOf(slot), counts[slot]);
      counts[slot] = 0;
    }
    if (this.#maxUs > 0) h.recordValueWithCount(this.#maxUs, 0);
    if (this.#minNonZeroUs < JS_LIMIT) h.recordValueWithCount(this.#minNonZeroUs, 0);
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
    if (this.#dirty) this.#counts.fill(0);
    this.#dirty = false;
    this.#maxUs = 0;
    this.#minNonZeroUs = JS_LIMIT;
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
