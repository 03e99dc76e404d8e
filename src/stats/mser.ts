/**
 * MSER-5: an estimate of how long a simulation's initial transient lasts, from one output
 * series (White, K. P. Jr., 1997, "An effective truncation heuristic for bias reduction in
 * simulation output", Simulation 69(6), 323–334; the batch size 5 of White, Cobb and Spratt,
 * 2000, "A comparison of five steady-state truncation heuristics for simulation", Proc. Winter
 * Simulation Conference, 755–760).
 *
 * The series is cut into batches of 5 observations (a last partial batch is dropped); with Z_j
 * the batch means, j = 1..k, the rule picks the number d of batches to delete that minimises
 *
 *   MSER(d) = 1 / (k − d)² · Σ_{j = d+1..k} (Z_j − Z̄_d)²,   Z̄_d the mean of Z_{d+1..k},
 *
 * over d = 0 … ⌊k/2⌋ (deleting more than half the run is not trusted: the minimum is then said
 * to be unreliable); the truncation point is 5·d observations. Ties go to the smallest d.
 */

/** Observations per batch. */
export const MSER_BATCH = 5;

/** What MSER-5 says of a series. */
export interface MserResult {
  /** Observations to delete from the start (a multiple of 5). */
  truncation: number;
  /** Batches of 5 it looked at. */
  batches: number;
  /** The minimum lay at the limit, half the run (the transient may last longer: too short a run). */
  unreliable: boolean;
}

/**
 * MSER-5 of `xs` (observations in time order); null with fewer than 4 batches (20 values),
 * too few to say anything.
 */
export function mser5(xs: readonly number[]): MserResult | null {
  const k = Math.floor(xs.length / MSER_BATCH);
  if (k < 4) return null;
  const z = new Float64Array(k);
  for (let j = 0; j < k; j++) {
    let sum = 0;
    for (let i = 0; i < MSER_BATCH; i++) sum += xs[j * MSER_BATCH + i];
    z[j] = sum / MSER_BATCH;
  }
  // suffix sums, so every MSER(d) costs O(1): Σ(Z − Z̄)² = Σ Z² − (Σ Z)² / m
  const sum = new Float64Array(k + 1);
  const sumSq = new Float64Array(k + 1);
  for (let j = k - 1; j >= 0; j--) {
    sum[j] = sum[j + 1] + z[j];
    sumSq[j] = sumSq[j + 1] + z[j] * z[j];
  }
  const limit = Math.floor(k / 2);
  let best = 0;
  let bestValue = Number.POSITIVE_INFINITY;
  for (let d = 0; d <= limit; d++) {
    const m = k - d;
    const ss = Math.max(0, sumSq[d] - (sum[d] * sum[d]) / m);
    const value = ss / (m * m);
    // a relative tolerance keeps rounding noise from choosing a later d for an equal value
    if (d === 0 || value < bestValue - 1e-12 * Math.max(1, bestValue)) {
      bestValue = value;
      best = d;
    }
  }
  return { truncation: best * MSER_BATCH, batches: k, unreliable: best === limit };
}
