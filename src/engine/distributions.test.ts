/**
 * Tests of distributions.ts against theory: sample means (and variances where stated) of
 * 200,000 draws lie within ~5 standard errors of the formula, written next to each check.
 * Fixed seeds keep the runs reproducible; the tolerances are the statistical argument.
 */
import { describe, expect, it } from 'vitest';
import {
  createDistribution,
  type Distribution,
  type DistributionSpec,
  lognormalFromMeanP99,
  specMean,
  standardNormalCdf,
  truncatedNormalMean,
  Z99,
} from './distributions.ts';
import { RandomSource } from './random.ts';

const N = 200_000;

function makeDist(spec: DistributionSpec, seed = 1): Distribution {
  return createDistribution(spec, new RandomSource(seed).stream(`test/${spec.kind}`));
}

function drawMany(dist: Distribution, n = N): Float64Array {
  const xs = new Float64Array(n);
  for (let i = 0; i < n; i++) xs[i] = dist.sample();
  return xs;
}

/** Sample mean and (unbiased) sample variance. */
function moments(xs: Float64Array): { mean: number; variance: number } {
  let sum = 0;
  for (const x of xs) sum += x;
  const mean = sum / xs.length;
  let ss = 0;
  for (const x of xs) ss += (x - mean) * (x - mean);
  return { mean, variance: ss / (xs.length - 1) };
}

/**
 * Checks the sample mean against `mean` within 5 standard errors, SE = sd/√n, sd from theory.
 * For N = 200k the chance of a false failure is about 6e-7 per check.
 */
function expectMean(xs: Float64Array, mean: number, sd: number): void {
  const tolerance = (5 * sd) / Math.sqrt(xs.length);
  expect(Math.abs(moments(xs).mean - mean)).toBeLessThan(tolerance);
}

/**
 * Checks the sample variance against `variance` within 5 standard errors,
 * SE(s²) ≈ √((μ₄ − σ⁴)/n) with μ₄ the fourth central moment from theory.
 */
function expectVariance(xs: Float64Array, variance: number, mu4: number): void {
  const tolerance = 5 * Math.sqrt((mu4 - variance * variance) / xs.length);
  expect(Math.abs(moments(xs).variance - variance)).toBeLessThan(tolerance);
}

function quantile(xs: Float64Array, p: number): number {
  const sorted = Float64Array.from(xs).sort();
  return sorted[Math.floor(p * (sorted.length - 1))];
}

describe('sample means and variances match theory (200k draws, 5 standard errors)', () => {
  it('constant always returns its value', () => {
    const d = makeDist({ kind: 'constant', value: 7 });
    expect(d.mean).toBe(7);
    expect(drawMany(d, 100).every((x) => x === 7)).toBe(true);
  });

  it('uniform(a, b): mean (a+b)/2, variance (b−a)²/12, values in [a, b)', () => {
    const [a, b] = [10, 30];
    const xs = drawMany(makeDist({ kind: 'uniform', min: a, max: b }));
    const variance = (b - a) ** 2 / 12;
    expectMean(xs, (a + b) / 2, Math.sqrt(variance));
    // μ₄ = (b−a)⁴/80
    expectVariance(xs, variance, (b - a) ** 4 / 80);
    expect(xs.every((x) => x >= a && x < b)).toBe(true);
  });

  it('exponential(m): mean m, variance m²', () => {
    const m = 50;
    const xs = drawMany(makeDist({ kind: 'exponential', mean: m }));
    expectMean(xs, m, m);
    // μ₄ = 9m⁴
    expectVariance(xs, m * m, 9 * m ** 4);
    expect(xs.every((x) => x >= 0)).toBe(true);
  });

  it('normal(μ, σ) far from 0: mean μ, variance σ²', () => {
    const [mu, sd] = [100, 10];
    const xs = drawMany(makeDist({ kind: 'normal', mean: mu, sd }));
    expectMean(xs, mu, sd);
    // μ₄ = 3σ⁴
    expectVariance(xs, sd * sd, 3 * sd ** 4);
  });

  it('normal truncated at 0 never returns negatives and has the truncated-normal mean', () => {
    const [mu, sd] = [1, 2];
    const xs = drawMany(makeDist({ kind: 'normal', mean: mu, sd }));
    expect(xs.every((x) => x >= 0)).toBe(true);
    // truncated below at 0: α = −μ/σ = −0.5, λ = φ(α)/(1 − Φ(α)) = 0.3520653/0.6914625 = 0.5091604;
    // mean = μ + σλ, variance = σ²(1 + αλ − λ²)
    const lambda = 0.3520653267642995 / 0.6914624612740131;
    const alpha = -mu / sd;
    const variance = sd * sd * (1 + alpha * lambda - lambda * lambda);
    expectMean(xs, mu + sd * lambda, Math.sqrt(variance));
    expect(truncatedNormalMean(mu, sd)).toBeCloseTo(mu + sd * lambda, 6);
  });

  it('normal {mean 10 ms, sd 10 ms} has a mean of 12.9 ms (the README says so), and knows it', () => {
    const xs = drawMany(makeDist({ kind: 'normal', mean: 10, sd: 10 }));
    const lambda = 0.24197072451914337 / 0.8413447460685429; // φ(−1)/(1 − Φ(−1))
    expect(truncatedNormalMean(10, 10)).toBeCloseTo(10 + 10 * lambda, 6);
    expect(truncatedNormalMean(10, 10).toFixed(1)).toBe('12.9');
    expect(makeDist({ kind: 'normal', mean: 10, sd: 10 }).mean).toBeCloseTo(12.876, 3);
    expectMean(xs, 10 + 10 * lambda, 10 * Math.sqrt(1 - lambda * (lambda - 1)));
    expect(standardNormalCdf(0)).toBeCloseTo(0.5, 7);
    expect(standardNormalCdf(1.959964)).toBeCloseTo(0.975, 6);
    expect(truncatedNormalMean(20, 4)).toBeCloseTo(20, 4);
    // deep in the tail (μ = −10σ): about σ²/|μ|, still a mean above 0
    expect(truncatedNormalMean(-50, 5)).toBeGreaterThan(0);
    expect(truncatedNormalMean(-50, 5)).toBeCloseTo(0.49, 1);
  });

  it('lognormal(μ, σ): mean exp(μ + σ²/2)', () => {
    const [mu, sigma] = [3, 0.5];
    const xs = drawMany(makeDist({ kind: 'lognormal', mu, sigma }));
    // variance = (e^{σ²} − 1)·e^{2μ + σ²}
    const variance = (Math.exp(sigma * sigma) - 1) * Math.exp(2 * mu + sigma * sigma);
    expectMean(xs, Math.exp(mu + (sigma * sigma) / 2), Math.sqrt(variance));
  });

  it.each([
    [2.5, 4],
    [0.5, 2],
    [1, 3],
  ])('gamma(k = %d, θ = %d): mean kθ, variance kθ²', (k, theta) => {
    const xs = drawMany(makeDist({ kind: 'gamma', shape: k, scale: theta }));
    const variance = k * theta * theta;
    expectMean(xs, k * theta, Math.sqrt(variance));
    // excess kurtosis 6/k, so μ₄ = σ⁴(3 + 6/k) = 3k(k + 2)θ⁴
    expectVariance(xs, variance, 3 * k * (k + 2) * theta ** 4);
    expect(xs.every((x) => x >= 0)).toBe(true);
  });

  it('pareto(α, xₘ): mean αxₘ/(α−1) and no value below the scale xₘ', () => {
    const [alpha, scale] = [5, 10];
    const xs = drawMany(makeDist({ kind: 'pareto', shape: alpha, scale }));
    // variance = xₘ²α/((α−1)²(α−2)), finite for α > 2
    const variance = (scale * scale * alpha) / ((alpha - 1) ** 2 * (alpha - 2));
    expectMean(xs, (alpha * scale) / (alpha - 1), Math.sqrt(variance));
    expect(xs.every((x) => x >= scale)).toBe(true);
    const heavy = drawMany(makeDist({ kind: 'pareto', shape: 1.2, scale: 3 }), 20_000);
    expect(heavy.every((x) => x >= 3)).toBe(true);
  });

  it('empirical frequencies match the normalized weights (chi-square) and never pick weight 0', () => {
    const values = [10, 20, 30, 40];
    const weights = [0.5, 0, 2, 1.5];
    const xs = drawMany(makeDist({ kind: 'empirical', values, weights }));
    const counts = new Map<number, number>();
    for (const x of xs) counts.set(x, (counts.get(x) ?? 0) + 1);
    expect(counts.has(20)).toBe(false);
    const total = weights.reduce((a, b) => a + b, 0);
    let chi2 = 0;
    values.forEach((v, i) => {
      if (weights[i] === 0) return;
      const expected = (N * weights[i]) / total;
      chi2 += ((counts.get(v) ?? 0) - expected) ** 2 / expected;
    });
    // 3 categories, 2 degrees of freedom: P(χ²₂ > 27.6) = e^(−27.6/2) ≈ 1e-6
    expect(chi2).toBeLessThan(27.6);
    // mean Σ vᵢwᵢ/Σw = (5 + 60 + 60)/4 = 31.25
    const mean = 31.25;
    const variance = values.reduce((acc, v, i) => acc + (weights[i] / total) * (v - mean) ** 2, 0);
    expectMean(xs, mean, Math.sqrt(variance));
  });

  it('empirical rejects mismatched, empty or all-zero weights', () => {
    const rng = new RandomSource(1).stream('e');
    expect(() =>
      createDistribution({ kind: 'empirical', values: [1, 2], weights: [1] }, rng),
    ).toThrow(RangeError);
    expect(() => createDistribution({ kind: 'empirical', values: [], weights: [] }, rng)).toThrow(
      RangeError,
    );
    expect(() => createDistribution({ kind: 'empirical', values: [1], weights: [0] }, rng)).toThrow(
      RangeError,
    );
  });
});

describe('lognormalFromMeanP99', () => {
  it('solves mean = exp(μ + σ²/2) and p99 = exp(μ + z₉₉σ) exactly', () => {
    const fit = lognormalFromMeanP99(40, 200);
    expect(fit).toBeDefined();
    const { mu, sigma } = fit as { mu: number; sigma: number };
    expect(Math.exp(mu + (sigma * sigma) / 2)).toBeCloseTo(40, 9);
    expect(Math.exp(mu + Z99 * sigma)).toBeCloseTo(200, 9);
  });

  // With n = 500k draws: SE of the empirical p99 is √(p(1−p)/n)/f(x₉₉), about 0.0053σ relative
  // (≤ 0.45% for these σ ≤ 0.85), so 2% is ≥ 4.5 SE; SE of the mean is √(e^{σ²}−1)/√n ≤ 0.15%
  // relative, so 1% is ≥ 6.9 SE.
  it.each([1.5, 3, 5])(
    'round-trips p99/mean = %d: sample p99 within 2 percent, mean within 1 percent',
    (ratio) => {
      const mean = 100;
      const p99 = ratio * mean;
      const fit = lognormalFromMeanP99(mean, p99) as { mu: number; sigma: number };
      const xs = drawMany(makeDist({ kind: 'lognormal', ...fit }, 11), 500_000);
      expect(Math.abs(quantile(xs, 0.99) / p99 - 1)).toBeLessThan(0.02);
      expect(Math.abs(moments(xs).mean / mean - 1)).toBeLessThan(0.01);
    },
  );

  it('returns undefined when p99 ≤ mean or p99/mean > e^(z²/2) ≈ 14.97', () => {
    expect(lognormalFromMeanP99(100, 100)).toBeUndefined();
    expect(lognormalFromMeanP99(100, 50)).toBeUndefined();
    expect(lognormalFromMeanP99(100, 1498)).toBeUndefined();
    expect(lognormalFromMeanP99(100, 1496)).toBeDefined();
    expect(lognormalFromMeanP99(100, Number.NaN)).toBeUndefined();
  });
});

describe('specMean', () => {
  const specs: DistributionSpec[] = [
    { kind: 'constant', value: 3 },
    { kind: 'uniform', min: 2, max: 8 },
    { kind: 'exponential', mean: 12 },
    { kind: 'normal', mean: 20, sd: 4 },
    { kind: 'lognormal', mu: 1, sigma: 0.5 },
    { kind: 'gamma', shape: 3, scale: 2 },
    { kind: 'pareto', shape: 3, scale: 4 },
    { kind: 'pareto', shape: 1, scale: 4 },
    { kind: 'empirical', values: [1, 5, 9], weights: [2, 1, 1] },
  ];

  it.each(specs.map((spec) => [spec.kind, spec] as const))(
    'agrees with the %s distribution',
    (_, spec) => {
      expect(makeDist(spec).mean).toBeCloseTo(specMean(spec), 12);
    },
  );

  it('gives the textbook values', () => {
    expect(specs.map(specMean)).toEqual([
      3,
      5,
      12,
      truncatedNormalMean(20, 4), // 20.0000059: 5σ from 0, the truncation hardly shows
      Math.exp(1 + 0.25 / 2),
      6,
      6,
      Number.POSITIVE_INFINITY,
      4,
    ]);
  });
});
