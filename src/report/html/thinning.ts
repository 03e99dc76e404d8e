/**
 * Deterministic thinning of long per-second series, so a chart carries at most ~2,000 points
 * inline: consecutive seconds averaged into buckets, and the subtitle line that says so.
 */

/** The most points (data rows) a chart carries inline before its series are thinned. */
export const MAX_POINTS_PER_CHART = 2000;

/**
 * How many consecutive seconds go into one point so that `rows` points, each `widthS` seconds
 * of the run (1, or the coarser resolution of a long run), become at most MAX_POINTS_PER_CHART
 * (widthS = no thinning).
 */
export function bucketSeconds(rows: number, max = MAX_POINTS_PER_CHART, widthS = 1): number {
  return rows <= max ? widthS : Math.ceil(rows / max) * widthS;
}

/** Seconds per point of a run's series (1 unless the run was long: metrics/resolution.ts). */
export function resolutionOf(data: { variants: { series: { resolutionS?: number } }[] }): number {
  return data.variants[0]?.series.resolutionS ?? 1;
}

/**
 * Groups `points` (ordered by second) into buckets of `k` seconds: bucket b holds the points
 * with `Math.floor(second / k) === b`, in order. Deterministic; the last bucket may be short.
 */
export function bucketBySecond<T extends { second: number }>(
  points: readonly T[],
  k: number,
): T[][] {
  const buckets: T[][] = [];
  let current: T[] = [];
  let key = Number.NaN;
  for (const p of points) {
    const b = Math.floor(p.second / k);
    if (b !== key && current.length > 0) {
      buckets.push(current);
      current = [];
    }
    key = b;
    current.push(p);
  }
  if (current.length > 0) buckets.push(current);
  return buckets;
}

/**
 * The per-second series of a chart's lines (entry i of each: second i × the runs' resolution)
 * as points `{ second, value }` in buckets of k seconds, k chosen by bucketSeconds for all their
 * points together; each line's buckets, and k.
 */
export function bucketedSeries<V>(
  data: { variants: { series: { resolutionS?: number } }[] },
  series: readonly (readonly V[])[],
): { k: number; buckets: { second: number; value: V }[][][] } {
  const widthS = resolutionOf(data);
  const total = series.reduce((a, s) => a + s.length, 0);
  const k = bucketSeconds(total, undefined, widthS);
  const points = (s: readonly V[]) => s.map((value, i) => ({ second: i * widthS, value }));
  return { k, buckets: series.map((s) => bucketBySecond(points(s), k)) };
}

/** The mean of `xs` that are finite numbers, or null when there are none. */
export function meanOf(xs: readonly (number | null | undefined)[]): number | null {
  let sum = 0;
  let n = 0;
  for (const x of xs) {
    if (typeof x === 'number' && Number.isFinite(x)) {
      sum += x;
      n++;
    }
  }
  return n > 0 ? sum / n : null;
}

/** A subtitle line saying how a thinned series was averaged (empty when it was not). */
export function thinningNote(k: number): string {
  return k > 1 ? `each point is the mean of ${k} simulated seconds` : '';
}
