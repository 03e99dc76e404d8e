/**
 * Confidence intervals over independent replications (the method of independent
 * replications: each replication's statistic is one i.i.d. observation, so the mean of n of
 * them has the interval x̄ ± t(1 − α/2, n − 1) · s / √n, Law & Kelton, Simulation Modeling and
 * Analysis, §9.4.1) and paired differences between variants run with common random numbers
 * (the same replication seeds, so the differences D_r = Y_r − X_r are i.i.d. and get the same
 * interval; Law & Kelton §10.2.1, the paired-t confidence interval). The ratio of the two means
 * gets Fieller's interval for paired data (Fieller 1954, "Some problems in interval estimation",
 * J. R. Stat. Soc. B 16(2); Franz 2007, "Ratios: a short guide to confidence limits and proper
 * use", §2.3), which agrees with the paired-t test of the difference: it holds ×1 exactly when the
 * difference is not significant.
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
  /**
   * The difference relative to the baseline's mean, variant/baseline − 1 (null when the
   * baseline's mean is 0); its bounds are Fieller's interval of the ratio of the means, minus 1
   * (null when n < 2, or when the baseline's mean is not itself told apart from 0 at the level:
   * then the ratio's interval is unbounded).
   */
  relative: { mean: number; lo: number | null; hi: number | null } | null;
  /** Whether the interval of the difference excludes 0 (null when n < 2). */
  significant: boolean | null;
}

/**
 * Fieller's `level` interval of the ratio ρ = E[variant] / E[baseline] from n paired
 * observations: the ρ for which the paired-t test of the differences variant − ρ·baseline does
 * not reject 0, i.e. (Ā − ρB̄)² ≤ (t²/n)·(s_AA − 2ρ·s_AB + ρ²·s_BB), a quadratic in ρ with
 * sample (co)variances s (n − 1 in the denominator) and t = t(1 − α/2, n − 1). The ratio of the
 * means Ā/B̄ always lies inside. Null when n < 2, when B̄² ≤ (t²/n)·s_BB (the baseline's mean
 * is not told apart from 0: the set is unbounded), or when a value is not finite.
 */
export function fiellerRatio(
  baseline: readonly number[],
  variant: readonly number[],
  level = CONFIDENCE_LEVEL,
): [number, number] | null {
  const n = baseline.length;
  if (n < 2 || variant.length !== n) return null;
  let sa = 0;
  let sb = 0;
  for (let i = 0; i < n; i++) {
    sa += variant[i];
    sb += baseline[i];
  }
  const [ma, mb] = [sa / n, sb / n];
  let saa = 0;
  let sab = 0;
  let sbb = 0;
  for (let i = 0; i < n; i++) {
    const [da, db] = [variant[i] - ma, baseline[i] - mb];
    saa += da * da;
    sab += da * db;
    sbb += db * db;
  }
  const t = studentTQuantile(1 - (1 - level) / 2, n - 1);
  const q = (t * t) / (n * (n - 1)); // t²/n over the sums of squares' n − 1
  // a·ρ² − 2b·ρ + c ≤ 0
  const a = mb * mb - q * sbb;
  const b = ma * mb - q * sab;
  const c = ma * ma - q * saa;
  if (!(a > 0)) return null;
  // b² − ac without subtracting the two near-equal Ā²B̄² terms (which loses every digit when the
  // replications barely vary): q·(Σ(B̄·da − Ā·db)² − q·(s_AA·s_BB − s_AB²)), both parts ≥ 0 (the
  // second by Cauchy–Schwarz; it is Σ over pairs of (da_i·db_j − da_j·db_i)², Lagrange's identity)
  let spread = 0;
  for (let i = 0; i < n; i++) {
    const d = mb * (variant[i] - ma) - ma * (baseline[i] - mb);
    spread += d * d;
  }
  const root = Math.sqrt(Math.max(0, q * (spread - q * Math.max(0, saa * sbb - sab * sab))));
  // the root away from 0 by the quotient, the other by the product of the roots (c/a): no
  // cancellation when one is near 0
  const far = b >= 0 ? (b + root) / a : (b - root) / a;
  const near = far !== 0 ? c / (a * far) : 0;
  if (!Number.isFinite(far) || !Number.isFinite(near)) return null;
  return far >= near ? [near, far] : [far, near];
}

/**
 * Paired-t comparison of `variant` against `baseline`, replication by replication (both must
 * come from the same replication seeds, in the same order). The relative figures are the ratio
 * of the means minus 1, with Fieller's interval (fiellerRatio).
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
  const ratio = fiellerRatio(baseline, variant, level);
  return {
    diff,
    relative:
      base !== 0 && Number.isFinite(base)
        ? {
            mean: diff.mean / base,
            lo: ratio === null ? null : ratio[0] - 1,
            hi: ratio === null ? null : ratio[1] - 1,
          }
        : null,
    significant: diff.lo === null || diff.hi === null ? null : diff.lo > 0 || diff.hi < 0,
  };
}
