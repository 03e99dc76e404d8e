/**
 * Samplers of integer keys 1..size for requests that read data: uniform, Zipf(s), hot set (x % of
 * keys get y % of accesses) and sequential scan. Each draw is O(1) in time and memory whatever the
 * size (up to 2^53), so a key space of 1e9 costs nothing. Left out: popularity that drifts over
 * time, keys correlated within a request, and the mapping of keys to shards (callers do that).
 */
import type { RandomStream } from './random.ts';

/** Declarative description of how keys are chosen; see `createKeySampler`. */
export type KeyDistributionSpec =
  | { kind: 'uniform' }
  | { kind: 'zipf'; s: number }
  | { kind: 'hot-set'; keyFraction: number; accessFraction: number }
  | { kind: 'sequential'; start?: number };

/** A source of keys in 1..size. */
export interface KeySampler {
  /** Number of keys; keys are the integers 1..size. */
  readonly size: number;
  /** Draws the next key. */
  next(): number;
  /** Probability of key k (1-based), for tests and analytic hit-ratio estimates; 0 off the keys. */
  probability(k: number): number;
}

/** Largest n for which `generalizedHarmonic` sums every term; beyond it uses Euler–Maclaurin. */
export const EXACT_HARMONIC_MAX = 1_000_000;

/**
 * Builds a key sampler for `spec` over keys 1..size, drawing from `rng` (unused for sequential).
 * - uniform: every key has probability 1/size.
 * - zipf: P(k) ∝ 1/k^s, key 1 the most popular; any s > 0 (s = 1 and s < 1 included).
 * - hot-set: keys 1..⌈keyFraction·size⌉ share accessFraction of the draws uniformly, the other
 *   keys share the rest uniformly. The hot keys are the low ids on purpose: under range sharding
 *   they all land in one shard. If the hot set covers every key, every key gets 1/size.
 * - sequential: start, start+1, …, size, 1, 2, … (start defaults to 1); probability 1/size each.
 * Throws RangeError when size is not a whole number ≥ 1 (at most 2^53 − 1), s is not > 0, a
 * fraction is not strictly between 0 and 1, or start is not a whole number in 1..size.
 */
export function createKeySampler(
  spec: KeyDistributionSpec,
  size: number,
  rng: RandomStream,
): KeySampler {
  if (!Number.isSafeInteger(size) || size < 1) {
    throw new RangeError(`key space size must be a whole number ≥ 1, got ${size}`);
  }
  switch (spec.kind) {
    case 'uniform':
      return new UniformKeys(size, rng);
    case 'zipf':
      return new ZipfKeys(size, spec.s, rng);
    case 'hot-set':
      return new HotSetKeys(size, spec.keyFraction, spec.accessFraction, rng);
    case 'sequential':
      return new SequentialKeys(size, spec.start ?? 1);
  }
}

/**
 * The generalized harmonic number H(n, s) = Σ_{k=1..n} k^-s, the Zipf normalising constant; the
 * share of Zipf draws that fall on the top c keys is H(c, s) / H(n, s).
 * Exact (compensated sum) for n ≤ EXACT_HARMONIC_MAX. Beyond, the first 999 terms are summed and
 * the rest comes from Euler–Maclaurin with terms up to B6; the truncation error is at most
 * 2ζ(6)/(2π)^6 · s(s+1)(s+2)(s+3)(s+4) · 1000^-(s+5) (< 6e-20 for every s > 0), far below the double
 * rounding of the result (relative ~1e-15). Expects a whole n ≥ 0 and s > 0.
 */
export function generalizedHarmonic(n: number, s: number): number {
  if (n <= EXACT_HARMONIC_MAX) return sumPowers(n, s);
  const m = 1000;
  // Σ_{k=m..n} f(k) = ∫_m^n f + (f(m) + f(n))/2 + Σ_j B_2j/(2j)! (f^(2j−1)(n) − f^(2j−1)(m)) + R,
  // with f(x) = x^-s, whose odd derivatives are −s(s+1)…(s+2j−2)·x^(−s−2j+1).
  const odd = (x: number, order: number): number => {
    let c = -1;
    for (let i = 0; i < order; i++) c *= s + i;
    return c * x ** (-s - order);
  };
  const integral = m ** (1 - s) * hIntegral(n / m, s); // ∫_m^n x^-s dx, stable near s = 1
  const ends = (m ** -s + n ** -s) / 2;
  const b2 = (odd(n, 1) - odd(m, 1)) / 12;
  const b4 = -(odd(n, 3) - odd(m, 3)) / 720;
  const b6 = (odd(n, 5) - odd(m, 5)) / 30240;
  return sumPowers(m - 1, s) + integral + ends + b2 + b4 + b6;
}

/** Σ_{k=1..n} k^-s, smallest terms first, with Neumaier's compensated summation. */
function sumPowers(n: number, s: number): number {
  let sum = 0;
  let carry = 0;
  for (let k = n; k >= 1; k--) {
    const term = k ** -s;
    const t = sum + term;
    carry += Math.abs(sum) >= term ? sum - t + term : term - t + sum;
    sum = t;
  }
  return sum + carry;
}

const TWO_21 = 2 ** 21;
const TWO_32 = 2 ** 32;
const TWO_53 = 2 ** 53;

/**
 * A uniform number in [0, 1) with 53 random bits, from two draws. One draw has only 32 bits, which
 * over 1e9 keys would give some keys 4 chances in 2^32 and others 5 (a 25 % difference).
 */
function nextUnit53(rng: RandomStream): number {
  return (rng.nextInt(TWO_32) * TWO_21 + rng.nextInt(TWO_21)) / TWO_53;
}

/** True when k is one of the keys 1..size. */
function isKey(k: number, size: number): boolean {
  return Number.isInteger(k) && k >= 1 && k <= size;
}

/** Every key equally likely. */
class UniformKeys implements KeySampler {
  constructor(
    readonly size: number,
    private readonly rng: RandomStream,
  ) {}
  next(): number {
    // min() guards the product rounding up to size
    return Math.min(this.size, 1 + Math.floor(nextUnit53(this.rng) * this.size));
  }
  probability(k: number): number {
    return isKey(k, this.size) ? 1 / this.size : 0;
  }
}

/** ⌈x⌉, forgiving x a few ulps above a whole number (0.07 · 100 is 7.000000000000001 in doubles). */
function ceilTolerant(x: number): number {
  return Math.ceil(x * (1 - 1e-12));
}

/** Keys 1..hot share `accessFraction` of the draws; the rest share the remainder. */
class HotSetKeys implements KeySampler {
  /** Number of hot keys (1..hot). */
  readonly hot: number;
  /** Share of draws that go to the hot keys (1 when they are all the keys). */
  readonly #hotShare: number;
  constructor(
    readonly size: number,
    keyFraction: number,
    accessFraction: number,
    private readonly rng: RandomStream,
  ) {
    for (const [name, f] of [
      ['keyFraction', keyFraction],
      ['accessFraction', accessFraction],
    ] as const) {
      if (!(f > 0 && f < 1)) throw new RangeError(`hot-set ${name} must be in (0, 1), got ${f}`);
    }
    this.hot = Math.min(size, ceilTolerant(keyFraction * size));
    this.#hotShare = this.hot === size ? 1 : accessFraction;
  }
  next(): number {
    // one 53-bit uniform picks the side (u < a) and, rescaled, the key within it
    const u = nextUnit53(this.rng);
    const a = this.#hotShare;
    if (u < a) return Math.min(this.hot, 1 + Math.floor((u / a) * this.hot));
    const cold = this.size - this.hot;
    return this.hot + Math.min(cold, 1 + Math.floor(((u - a) / (1 - a)) * cold));
  }
  probability(k: number): number {
    if (!isKey(k, this.size)) return 0;
    return k <= this.hot
      ? this.#hotShare / this.hot
      : (1 - this.#hotShare) / (this.size - this.hot);
  }
}

/** start, start+1, …, size, 1, 2, …: a table scan; no randomness. */
class SequentialKeys implements KeySampler {
  #nextKey: number;
  constructor(
    readonly size: number,
    start: number,
  ) {
    if (!isKey(start, size)) {
      throw new RangeError(`sequential start must be a whole number in 1..${size}, got ${start}`);
    }
    this.#nextKey = start;
  }
  next(): number {
    const k = this.#nextKey;
    this.#nextKey = k === this.size ? 1 : k + 1;
    return k;
  }
  /** The long-run share of each key (the order itself is fixed). */
  probability(k: number): number {
    return isKey(k, this.size) ? 1 / this.size : 0;
  }
}

/** expm1(x)/x, with its limit 1 at x = 0. */
function expm1OverX(x: number): number {
  return Math.abs(x) > 1e-8 ? Math.expm1(x) / x : 1 + (x / 2) * (1 + x / 3);
}

/** log1p(x)/x, with its limit 1 at x = 0. */
function log1pOverX(x: number): number {
  return Math.abs(x) > 1e-8 ? Math.log1p(x) / x : 1 - x * (0.5 - x / 3);
}

/**
 * H(x) = ∫_1^x t^-s dt = (x^(1−s) − 1)/(1 − s), which tends to ln x as s → 1. Written with expm1
 * so that one formula serves every s > 0 without losing digits near s = 1.
 */
function hIntegral(x: number, s: number): number {
  const lx = Math.log(x);
  return expm1OverX((1 - s) * lx) * lx;
}

/** The inverse of hIntegral: x = (1 + (1 − s)·y)^(1/(1−s)), or e^y at s = 1. */
function hIntegralInverse(y: number, s: number): number {
  // the clamp only catches rounding at the upper end for s > 1 (x → ∞ there; the caller clamps)
  const t = Math.max(-1, y * (1 - s));
  return Math.exp(log1pOverX(t) * y);
}

/**
 * Zipf by rejection-inversion: W. Hörmann and G. Derflinger, "Rejection-inversion to generate
 * variates from monotone discrete distributions", ACM TOMACS 6(3):169–184, 1996 (algorithm ZRI).
 * Since h(x) = x^-s is convex, the area under it over [k − ½, k + ½] is at least h(k). So draw a
 * point u uniformly in the area under h (in terms of its integral H), invert to x = H⁻¹(u), round
 * to k, and accept when u lies in the last h(k) of k's strip: then each k is accepted with weight
 * exactly h(k). Key 1's strip is cut to exactly h(1) (it starts at H(3/2) − 1, not H(1/2)), so key 1
 * is never rejected and large s needs no special case. Using H(x) = (x^(1−s) − 1)/(1 − s) instead
 * of the paper's x^(1−s)/(1 − s) makes one formula cover s = 1 and s < 1 as well. The expected
 * number of tries per key is below 1.02 (largest near s = 3); each costs about two logs and exps.
 */
class ZipfKeys implements KeySampler {
  /** H(size, s), computed on first use: it sums up to a million powers and only `probability` needs it. */
  #normaliser = Number.NaN;
  readonly #hKey1Start: number;
  readonly #hEnd: number;
  readonly #squeeze: number;
  constructor(
    readonly size: number,
    readonly s: number,
    private readonly rng: RandomStream,
  ) {
    if (!(s > 0 && Number.isFinite(s))) {
      throw new RangeError(`zipf exponent s must be a finite number > 0, got ${s}`);
    }
    this.#hKey1Start = hIntegral(1.5, s) - 1;
    this.#hEnd = hIntegral(size + 0.5, s);
    // Quick accept: k − x_k, where x_k = H⁻¹(H(k + ½) − h(k)) is where k's accepted part starts,
    // grows with k (the curve flattens), so k − x ≤ 2 − x_2 implies x ≥ x_k (the paper's squeeze;
    // also checked numerically for s from 0.01 to 20 at every k with h(k) > 1e-12).
    this.#squeeze = 2 - hIntegralInverse(hIntegral(2.5, s) - 2 ** -s, s);
  }
  next(): number {
    const s = this.s;
    for (;;) {
      const u = this.#hEnd + nextUnit53(this.rng) * (this.#hKey1Start - this.#hEnd);
      const x = hIntegralInverse(u, s);
      const k = Math.min(this.size, Math.max(1, Math.floor(x + 0.5)));
      if (k - x <= this.#squeeze || u >= hIntegral(k + 0.5, s) - k ** -s) return k;
    }
  }
  probability(k: number): number {
    return isKey(k, this.size) ? k ** -this.s / this.normaliser : 0;
  }
  /** H(size, s) = Σ k^-s, the normalising constant. */
  get normaliser(): number {
    if (Number.isNaN(this.#normaliser)) this.#normaliser = generalizedHarmonic(this.size, this.s);
    return this.#normaliser;
  }
}
