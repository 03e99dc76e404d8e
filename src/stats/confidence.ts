/**
 * Confidence intervals over independent replications (the method of independent
 * replications: each replication's statistic is one i.i.d. observation, so the mean of n of
 * them has the interval x̄ ± t(1 − α/2, n − 1) · s / √n, Law & Kelton, Simulation Modeling and
 * Analysis, §9.4.1) and paired differences between variants run with common random numbers
 * (the same replication seeds, so the differences D_r = Y_r − X_r are i.i.d. and get the same
 * interval; Law & Kelton §10.2.1, the paired-t confidence interval).
 */
import { studentTQuantile } from './student-t.ts';

/** Mean of n observations with its confidence interval (null bounds when n < 2). */
export interface Estimate {
  n: number;
  mean: number;
  /** Sample standard deviation (n − 1 in the denominator); 0 when n < 2. */
  sd: number;
  /** Half-width of the interval; null when n < 2 (no interval from one observation). */
  halfWidth: number | null;
  lo: number | null;
  hi: number | null;
}

/** The default confidence level of every interval msasim reports. */
export const CONFIDENCE_LEVEL = 0.95;

/** Mean and `level` confidence interval of `xs` (Student t with n − 1 degrees of freedom). */
export function estimate(xs: readonly number[], level = CONFIDENCE_LEVEL): Estimate {
  const n = xs.length;
  if (n === 0) return { n: 0, mean: Number.NaN, sd: 0, halfWidth: null, lo: null, hi: null };
  let sum = 0;
  for (const x of xs) sum += x;
  const mean = sum / n;
  if (n < 2) return { n, mean, sd: 0, halfWidth: null, lo: null, hi: null };
  let ss = 0;
  for (const x of xs) ss += (x - mean) * (x - mean);
  const sd = Math.sqrt(ss / (n - 1));
  const halfWidth = studentTQuantile(1 - (1 - level) / 2, n - 1) * (sd / Math.sqrt(n));
  return { n, mean, sd, halfWidth, lo: mean - halfWidth, hi: mean + halfWidth };
}

/** A paired comparison of a variant against a baseline on one metric. */
export interface PairedDifference {
  /** Mean of (variant − baseline) over replications, with its interval. */
  diff: Estimate;
  /** The difference relative to the baseline's mean (null when the baseline's mean is 0). */
  relative: { mean: number; lo: number | null; hi: number | null } | null;
  /** Whether the interval of the difference excludes 0 (null when n < 2). */
  significant: boolean | null;
}

/**
 * Paired-t comparison of `variant` against `baseline`, replication by replication (both must
 * come from the same replication seeds, in the same order). The relative figures divide the
 * difference and its bounds by the baseline's mean (a first-order ratio estimate).
 */
export function pairedDifference(
  baseline: readonly number[],
  variant: readonly number[],
  level = CONFIDENCE_LEVEL,
): PairedDifference {
  if (baseline.length !== variant.length)
    throw new RangeError(
      `paired comparison needs as many replications on both sides (${baseline.length} vs ${variant.length})`,
    );
  const diff = estimate(
    variant.map((v, i) => v - baseline[i]),
    level,
  );
  const base = estimate(baseline, level).mean;
  const rel = (x: number | null) => (x === null ? null : x / base);
  return {
    diff,
    relative:
      base !== 0 && Number.isFinite(base)
        ? { mean: diff.mean / base, lo: rel(diff.lo), hi: rel(diff.hi) }
        : null,
    significant: diff.lo === null || diff.hi === null ? null : diff.lo > 0 || diff.hi < 0,
  };
}
