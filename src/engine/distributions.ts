/**
 * Probability distributions for durations (ms) and counts, each drawing from one RandomStream.
 * Every distribution knows its mean (used for offered-load estimates and theory checks).
 * Simplifications: normal is truncated at 0 by redrawing (a negative draw is drawn again), so
 * its mean is above the `mean` it was given when `sd` is not small against it:
 * {mean 10 ms, sd 10 ms} has a mean of 12.9 ms (truncatedNormalMean); counts are rounded by the
 * caller.
 */
import type { RandomStream } from './random.ts';

/** A sampler of non-negative numbers. */
export interface Distribution {
  /** Expected value of a sample. */
  readonly mean: number;
  /** Draws one value. */
  sample(): number;
}

/** Declarative description of a distribution, in the unit of the quantity (ms, rows, …). */
export type DistributionSpec =
  | { kind: 'constant'; value: number }
  | { kind: 'uniform'; min: number; max: number }
  | { kind: 'exponential'; mean: number }
  | { kind: 'normal'; mean: number; sd: number }
  | { kind: 'lognormal'; mu: number; sigma: number }
  | { kind: 'gamma'; shape: number; scale: number }
  | { kind: 'pareto'; shape: number; scale: number }
  | { kind: 'empirical'; values: number[]; weights: number[] };

/** z such that P(Z ≤ z) = 0.99 for a standard normal Z. */
export const Z99 = 2.3263478740408408;

/**
 * Lognormal parameters from its mean and 99th percentile: mean = exp(μ + σ²/2) and
 * p99 = exp(μ + z·σ) give σ = z − √(z² − 2·ln(p99/mean)) (the smaller root).
 * Returns undefined when no lognormal fits (p99 ≤ mean, or p99/mean > e^(z²/2) ≈ 14.97).
 */
export function lognormalFromMeanP99(
  mean: number,
  p99: number,
): { mu: number; sigma: number } | undefined {
  const r = Math.log(p99 / mean);
  const disc = Z99 * Z99 - 2 * r;
  if (!(r > 0) || disc < 0) return undefined;
  const sigma = Z99 - Math.sqrt(disc);
  return { mu: Math.log(mean) - (sigma * sigma) / 2, sigma };
}

/** Mean of a distribution described by `spec`. */
export function specMean(spec: DistributionSpec): number {
  switch (spec.kind) {
    case 'constant':
      return spec.value;
    case 'uniform':
      return (spec.min + spec.max) / 2;
    case 'exponential':
      return spec.mean;
    case 'normal':
      return truncatedNormalMean(spec.mean, spec.sd);
    case 'lognormal':
      return Math.exp(spec.mu + (spec.sigma * spec.sigma) / 2);
    case 'gamma':
      return spec.shape * spec.scale;
    case 'pareto':
      return spec.shape > 1
        ? (spec.shape * spec.scale) / (spec.shape - 1)
        : Number.POSITIVE_INFINITY;
    case 'empirical': {
      const total = spec.weights.reduce((a, b) => a + b, 0);
      return spec.values.reduce((acc, v, i) => acc + (v * spec.weights[i]) / total, 0);
    }
  }
}

/** Builds a sampler for `spec` drawing from `rng` (unused for constants). */
export function createDistribution(spec: DistributionSpec, rng: RandomStream): Distribution {
  switch (spec.kind) {
    case 'constant':
      return new Constant(spec.value);
    case 'uniform':
      return new Uniform(spec.min, spec.max, rng);
    case 'exponential':
      return new Exponential(spec.mean, rng);
    case 'normal':
      return new TruncatedNormal(spec.mean, spec.sd, rng);
    case 'lognormal':
      return new Lognormal(spec.mu, spec.sigma, rng);
    case 'gamma':
      return new Gamma(spec.shape, spec.scale, rng);
    case 'pareto':
      return new Pareto(spec.shape, spec.scale, rng);
    case 'empirical':
      return new Empirical(spec.values, spec.weights, rng);
  }
}

/** Always the same value. */
export class Constant implements Distribution {
  constructor(readonly mean: number) {}
  sample(): number {
    return this.mean;
  }
}

/** Uniform on [min, max). */
export class Uniform implements Distribution {
  readonly mean: number;
  constructor(
    readonly min: number,
    readonly max: number,
    private readonly rng: RandomStream,
  ) {
    this.mean = (min + max) / 2;
  }
  sample(): number {
    return this.min + (this.max - this.min) * this.rng.next();
  }
}

/** Exponential with the given mean (rate 1/mean), by inversion. */
export class Exponential implements Distribution {
  constructor(
    readonly mean: number,
    private readonly rng: RandomStream,
  ) {}
  sample(): number {
    return -this.mean * Math.log(1 - this.rng.next());
  }
}

/**
 * Standard normal draws by Box–Muller: each pair of uniforms gives two independent normals; the
 * second is kept for the next call (per sampler, so streams stay independent and deterministic).
 */
class NormalSource {
  #spare = 0;
  #hasSpare = false;
  constructor(private readonly rng: RandomStream) {}
  next(): number {
    if (this.#hasSpare) {
      this.#hasSpare = false;
      return this.#spare;
    }
    const r = Math.sqrt(-2 * Math.log(1 - this.rng.next()));
    const theta = 2 * Math.PI * this.rng.next();
    this.#spare = r * Math.sin(theta);
    this.#hasSpare = true;
    return r * Math.cos(theta);
  }
}

/**
 * The standard normal distribution function Φ(z), by the complementary error function of
 * Numerical Recipes (`erfcc`, Chebyshev fit, relative error below 1.2e-7).
 */
export function standardNormalCdf(z: number): number {
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.5 * x);
  const erfc =
    t *
    Math.exp(
      -x * x -
        1.26551223 +
        t *
          (1.00002368 +
            t *
              (0.37409196 +
                t *
                  (0.09678418 +
                    t *
                      (-0.18628806 +
                        t *
                          (0.27886807 +
                            t *
                              (-1.13520398 +
                                t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return z >= 0 ? 1 - erfc / 2 : erfc / 2;
}

/**
 * The mean of Normal(μ, σ) truncated at 0 (what TruncatedNormal draws):
 * μ + σ·φ(α)/(1 − Φ(α)) with α = −μ/σ. {10, 10} → 12.876.
 */
export function truncatedNormalMean(mu: number, sd: number): number {
  if (!(sd > 0)) return Math.max(mu, 0);
  const alpha = -mu / sd;
  // 1 − Φ(α) = Φ(−α): computed from the tail itself, so it keeps its digits when tiny
  const tail = standardNormalCdf(-alpha);
  // far in the tail (μ ≪ 0) the ratio tends to −α: the mean tends to σ²/|μ|
  if (tail < 1e-300) return sd / -alpha;
  const phi = Math.exp((-alpha * alpha) / 2) / Math.sqrt(2 * Math.PI);
  return mu + (sd * phi) / tail;
}

/**
 * Normal(mu, sd) truncated at 0: negative draws are redrawn, so its `mean` is the truncated
 * one (truncatedNormalMean), above `mu` when `sd` is not small against it.
 */
export class TruncatedNormal implements Distribution {
  readonly #normal: NormalSource;
  /** The mean of what is drawn (of the truncated distribution). */
  readonly mean: number;
  constructor(
    readonly mu: number,
    readonly sd: number,
    rng: RandomStream,
  ) {
    this.#normal = new NormalSource(rng);
    this.mean = truncatedNormalMean(mu, sd);
  }
  sample(): number {
    for (;;) {
      const x = this.mu + this.sd * this.#normal.next();
      if (x >= 0) return x;
    }
  }
}

/** Lognormal: exp(μ + σZ). */
export class Lognormal implements Distribution {
  readonly mean: number;
  readonly #normal: NormalSource;
  constructor(
    readonly mu: number,
    readonly sigma: number,
    rng: RandomStream,
  ) {
    this.mean = Math.exp(mu + (sigma * sigma) / 2);
    this.#normal = new NormalSource(rng);
  }
  sample(): number {
    return Math.exp(this.mu + this.sigma * this.#normal.next());
  }
}

/** Gamma(shape k, scale θ) by Marsaglia & Tsang (2000); Erlang-k is Gamma(k, mean/k). */
export class Gamma implements Distribution {
  readonly mean: number;
  readonly #d: number;
  readonly #c: number;
  readonly #normal: NormalSource;
  constructor(
    readonly shape: number,
    readonly scale: number,
    private readonly rng: RandomStream,
  ) {
    this.mean = shape * scale;
    this.#normal = new NormalSource(rng);
    // for shape < 1 draw Gamma(shape + 1) and multiply by U^(1/shape)
    const a = shape < 1 ? shape + 1 : shape;
    this.#d = a - 1 / 3;
    this.#c = 1 / Math.sqrt(9 * this.#d);
  }
  sample(): number {
    const d = this.#d;
    const c = this.#c;
    let g: number;
    for (;;) {
      const x = this.#normal.next();
      const v0 = 1 + c * x;
      if (v0 <= 0) continue;
      const v = v0 * v0 * v0;
      const u = 1 - this.rng.next();
      if (u < 1 - 0.0331 * x * x * x * x || Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) {
        g = d * v;
        break;
      }
    }
    if (this.shape < 1) g *= (1 - this.rng.next()) ** (1 / this.shape);
    return g * this.scale;
  }
}

/** Pareto type I: scale / U^(1/shape), values ≥ scale. */
export class Pareto implements Distribution {
  readonly mean: number;
  constructor(
    readonly shape: number,
    readonly scale: number,
    private readonly rng: RandomStream,
  ) {
    this.mean = shape > 1 ? (shape * scale) / (shape - 1) : Number.POSITIVE_INFINITY;
  }
  sample(): number {
    return this.scale / (1 - this.rng.next()) ** (1 / this.shape);
  }
}

/** A finite set of values with weights (need not sum to 1). */
export class Empirical implements Distribution {
  readonly mean: number;
  readonly #values: Float64Array;
  readonly #cumulative: Float64Array;
  constructor(
    values: number[],
    weights: number[],
    private readonly rng: RandomStream,
  ) {
    if (values.length === 0 || values.length !== weights.length) {
      throw new RangeError('empirical distribution needs as many weights as values (at least one)');
    }
    this.#values = Float64Array.from(values);
    this.#cumulative = new Float64Array(values.length);
    let total = 0;
    for (let i = 0; i < weights.length; i++) {
      total += weights[i];
      this.#cumulative[i] = total;
    }
    if (!(total > 0)) throw new RangeError('empirical weights must sum to more than 0');
    for (let i = 0; i < weights.length; i++) this.#cumulative[i] /= total;
    this.mean = values.reduce((acc, v, i) => acc + (v * weights[i]) / total, 0);
  }
  sample(): number {
    const u = this.rng.next();
    const cum = this.#cumulative;
    // binary search for the first cumulative weight above u
    let lo = 0;
    let hi = cum.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cum[mid] > u) hi = mid;
      else lo = mid + 1;
    }
    return this.#values[lo];
  }
}
