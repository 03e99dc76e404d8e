/**
 * HdrHistogram's bucket layout for msasim's latency histograms (histogram.ts: 3 significant
 * digits, a unit of 1 µs), without the histograms: 2048 sub-buckets, so values below 2048 µs
 * are exact; above, bucket b (b ≥ 1) holds [2^(b+10), 2^(b+11)) in 1024 steps of 2^b. Apart
 * from histogram.ts so that the report's words (highlights-text.ts) can say how finely a
 * percentile is measured without importing the histograms themselves.
 */

export const SUB_BUCKET_BITS = 10;
export const SUB_BUCKET_MASK = (1 << (SUB_BUCKET_BITS + 1)) - 1;

/**
 * How finely a percentile near `ms` is measured, in ms: the width of the bucket that holds it
 * (1 µs below 2,048 µs, then 2^b µs for [2^(b+10), 2^(b+11)) µs: about 0.1 % of the value). A
 * percentile is its bucket's value, so replications whose percentiles fall in one bucket give
 * the same figure and a half-width of 0 that says nothing finer than this.
 */
export function resolutionMs(ms: number): number {
  const us = Math.round(ms * 1000);
  if (!(us > SUB_BUCKET_MASK)) return 0.001;
  return 2 ** (Math.floor(Math.log2(us)) - SUB_BUCKET_BITS) / 1000;
}
