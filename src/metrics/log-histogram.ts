/**
 * A small log-linear histogram for the per-second time series: 128 sub-buckets per power of
 * two (relative error ≤ 0.4 % at the bucket midpoint), bucket chosen from the float's exponent
 * and top mantissa bits (a few ns per record), reset proportional to the occupied range.
 * A count per group of 16 buckets lets percentile extraction skip whole groups. Chosen over
 * HdrHistogram for the series because hdr-histogram-js needs ~180 µs to extract percentiles and
 * ~8 µs to reset, paid every simulated second per series; the run summary's percentiles still
 * come from HdrHistogram (histogram.ts).
 */

import type { LatencyStats } from './histogram.ts';

const SUB_BITS = 7;
const SUMMARY_PERCENTILES = [50, 90, 99, 99.9];
const SUB = 1 << SUB_BITS;
/** Smallest resolved value, ms (2^-10 ≈ 1 µs); smaller values share bucket 0. */
const MIN_EXP = -10;
const MAX_EXP = 31;
const BUCKETS = (MAX_EXP - MIN_EXP) * SUB + 1;
const BASE = (MIN_EXP + 1023) << SUB_BITS;
/** 2^MIN_EXP, computed once: `2 **` in a function is a call to Math.pow until V8 optimizes it. */
const MIN_VALUE = 2 ** MIN_EXP;
/**
 * Buckets i and j are in the same group when i >> GROUP_BITS === j >> GROUP_BITS. Groups of 16
 * rather than 128 (an octave): extracting the three percentiles of a second of M/M/1 latencies
 * visits ~140 buckets and groups instead of ~310 (the series closes every simulated second, most
 * of those seconds before V8 has optimized the scan).
 */
const GROUP_BITS = 4;
const GROUPS = (BUCKETS >> GROUP_BITS) + 1;
/** 2^e for the exponents of the buckets, filled with the same `2 **` bucketValue used to call. */
const POW2 = Float64Array.from({ length: MAX_EXP - MIN_EXP + 1 }, (_, e) => 2 ** (e + MIN_EXP));
const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);
const HI = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0; // little-endian → high word at 1

function indexOf(v: number): number {
  if (!(v >= MIN_VALUE)) return 0;
  f64[0] = v;
  const i = (u32[HI] >>> (20 - SUB_BITS)) - BASE + 1;
  return i < BUCKETS ? i : BUCKETS - 1;
}

function bucketValue(i: number): number {
  if (i === 0) return 0;
  const k = i - 1;
  return POW2[k >> SUB_BITS] * (1 + ((k & (SUB - 1)) + 0.5) / SUB);
}

/** Latency histogram with cheap reset, for one open time bucket. Values in ms. */
export class LogHistogram {
  #counts = new Uint32Array(BUCKETS);
  /** Sum of the counts of each group of buckets. */
  #groups = new Uint32Array(GROUPS);
  #lo = BUCKETS;
  #hi = -1;
  count = 0;
  sum = 0;
  max = 0;

  record(ms: number): void {
    const i = indexOf(ms);
    this.#counts[i]++;
    this.#groups[i >> GROUP_BITS]++;
    if (i < this.#lo) this.#lo = i;
    if (i > this.#hi) this.#hi = i;
    this.count++;
    this.sum += ms;
    if (ms > this.max) this.max = ms;
  }

  /**
   * Values at the given ascending percentiles (0-100), each the midpoint of the bucket holding
   * the value of that rank (capped at the exact maximum); zeros when empty.
   */
  percentiles(ps: readonly number[]): number[] {
    const out = new Float64Array(ps.length);
    this.percentilesInto(ps, out);
    return Array.from(out);
  }

  /**
   * percentiles() written into `out` (its first ps.length entries): no array, closure or
   * iterator per call, as the series does it every simulated second.
   */
  percentilesInto(ps: readonly number[], out: Float64Array): void {
    const n = ps.length;
    for (let k = 0; k < n; k++) out[k] = 0;
    const count = this.count;
    if (count === 0 || n === 0) return;
    const counts = this.#counts;
    const groups = this.#groups;
    const hi = this.#hi;
    const max = this.max;
    let k = 0;
    // the rank of percentile k: at least 1, so p = 0 gives the smallest value
    let rank = Math.max(1, Math.ceil((ps[0] / 100) * count));
    let seen = 0;
    let i = this.#lo;
    while (i <= hi) {
      // a group that does not reach the next rank is passed over in one step (i is at the
      // start of its group or at #lo, and buckets below #lo are empty)
      const g = i >> GROUP_BITS;
      const groupEnd = (g + 1) << GROUP_BITS;
      if (seen + groups[g] < rank) {
        seen += groups[g];
        i = groupEnd;
        continue;
      }
      for (; i < groupEnd && i <= hi; i++) {
        seen += counts[i];
        if (seen < rank) continue;
        while (seen >= rank) {
          out[k++] = Math.min(bucketValue(i), max);
          if (k === n) return;
          rank = Math.max(1, Math.ceil((ps[k] / 100) * count));
        }
      }
    }
  }

  /** Adds every value recorded in `other`. */
  add(other: LogHistogram): void {
    if (other.count === 0) return;
    const src = other.#counts;
    for (let i = other.#lo; i <= other.#hi; i++) this.#counts[i] += src[i];
    const srcGroups = other.#groups;
    for (let g = other.#lo >> GROUP_BITS; g <= other.#hi >> GROUP_BITS; g++)
      this.#groups[g] += srcGroups[g];
    if (other.#lo < this.#lo) this.#lo = other.#lo;
    if (other.#hi > this.#hi) this.#hi = other.#hi;
    this.count += other.count;
    this.sum += other.sum;
    if (other.max > this.max) this.max = other.max;
  }

  /** count, mean and p50/p90/p99/p99.9/max in ms, shaped like HdrHistogram's stats. */
  stats(): LatencyStats {
    const [p50Ms, p90Ms, p99Ms, p999Ms] = this.percentiles(SUMMARY_PERCENTILES);
    const meanMs = this.count > 0 ? this.sum / this.count : 0;
    return { count: this.count, meanMs, p50Ms, p90Ms, p99Ms, p999Ms, maxMs: this.max };
  }

  reset(): void {
    if (this.#hi >= 0) {
      this.#counts.fill(0, this.#lo, this.#hi + 1);
      this.#groups.fill(0, this.#lo >> GROUP_BITS, (this.#hi >> GROUP_BITS) + 1);
    }
    this.#lo = BUCKETS;
    this.#hi = -1;
    this.count = 0;
    this.sum = 0;
    this.max = 0;
  }
}
