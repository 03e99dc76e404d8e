/**
 * A small log-linear histogram for the per-second time series: 128 sub-buckets per power of
 * two (relative error ≤ 0.4 % at the bucket midpoint), bucket chosen from the float's exponent
 * and top mantissa bits (a few ns per record), reset proportional to the occupied range.
 * A count per group of 128 buckets lets percentile extraction skip whole groups. Chosen over HdrHistogram for the series because hdr-histogram-js needs
 * ~180 µs to extract percentiles and ~8 µs to reset, paid every simulated second per series;
 * the run summary's percentiles still come from HdrHistogram (histogram.ts).
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
/** Buckets i and j are in the same group when i >> SUB_BITS === j >> SUB_BITS. */
const GROUPS = (BUCKETS >> SUB_BITS) + 1;
const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);
const HI = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0; // little-endian → high word at 1

function indexOf(v: number): number {
  if (!(v >= 2 ** MIN_EXP)) return 0;
  f64[0] = v;
  const i = (u32[HI] >>> (20 - SUB_BITS)) - BASE + 1;
  return i < BUCKETS ? i : BUCKETS - 1;
}

function bucketValue(i: number): number {
  if (i === 0) return 0;
  const k = i - 1;
  return 2 ** ((k >> SUB_BITS) + MIN_EXP) * (1 + ((k & (SUB - 1)) + 0.5) / SUB);
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
    this.#groups[i >> SUB_BITS]++;
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
    const out = ps.map(() => 0);
    if (this.count === 0) return out;
    // the rank of each percentile, computed once rather than at every bucket of the scan
    const ranks = ps.map((p) => Math.max(1, Math.ceil((p / 100) * this.count)));
    const counts = this.#counts;
    const groups = this.#groups;
    const hi = this.#hi;
    let k = 0;
    let rank = ranks[0];
    let seen = 0;
    let i = this.#lo;
    while (i <= hi) {
      // a group that does not reach the next rank is passed over in one step (i is at the
      // start of its group or at #lo, and buckets below #lo are empty)
      const g = i >> SUB_BITS;
      const groupEnd = (g + 1) << SUB_BITS;
      if (seen + groups[g] < rank) {
        seen += groups[g];
        i = groupEnd;
        continue;
      }
      for (; i < groupEnd && i <= hi; i++) {
        seen += counts[i];
        if (seen < rank) continue;
        while (k < ps.length && seen >= ranks[k]) out[k++] = Math.min(bucketValue(i), this.max);
        if (k === ps.length) return out;
        rank = ranks[k];
      }
    }
    return out;
  }

  /** Adds every value recorded in `other`. */
  add(other: LogHistogram): void {
    if (other.count === 0) return;
    const src = other.#counts;
    for (let i = other.#lo; i <= other.#hi; i++) this.#counts[i] += src[i];
    const srcGroups = other.#groups;
    for (let g = other.#lo >> SUB_BITS; g <= other.#hi >> SUB_BITS; g++)
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
      this.#groups.fill(0, this.#lo >> SUB_BITS, (this.#hi >> SUB_BITS) + 1);
    }
    this.#lo = BUCKETS;
    this.#hi = -1;
    this.count = 0;
    this.sum = 0;
    this.max = 0;
  }
}
