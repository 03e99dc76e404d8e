/**
 * Tests of key-distributions.ts, reached through the kernel's entry (index.ts) as the model
 * reaches it: empirical key frequencies of 200,000 draws against `probability` (Pearson
 * chi-square per key or per bin, and 5-standard-error checks of single shares, with the formula
 * next to each check), normalisation, validation and determinism per stream. Fixed seeds keep
 * the runs reproducible; the tolerances are the statistical argument.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createKeySampler,
  EXACT_HARMONIC_MAX,
  generalizedHarmonic,
  type KeyDistributionSpec,
  type KeySampler,
  RandomSource,
} from './index.ts';

const N = 200_000;

function makeSampler(spec: KeyDistributionSpec, size: number, seed = 1): KeySampler {
  return createKeySampler(spec, size, new RandomSource(seed).stream(`test/keys/${spec.kind}`));
}

/** Draws n keys and checks that every one is a whole number in 1..size. */
function drawKeys(sampler: KeySampler, n = N): Float64Array {
  const keys = new Float64Array(n);
  let outOfRange = 0;
  for (let i = 0; i < n; i++) {
    const k = sampler.next();
    if (!Number.isInteger(k) || k < 1 || k > sampler.size) outOfRange++;
    keys[i] = k;
  }
  expect(outOfRange).toBe(0);
  return keys;
}

function countWhere(keys: Float64Array, pred: (k: number) => boolean): number {
  let c = 0;
  for (const k of keys) if (pred(k)) c++;
  return c;
}

/**
 * Checks that `count` of `n` draws is within 5 standard errors of share p, SE = √(p(1 − p)/n)
 * (binomial); a correct sampler fails this with probability ~6e-7.
 */
function expectShare(count: number, n: number, p: number): void {
  const se = Math.sqrt((p * (1 - p)) / n);
  expect(Math.abs(count / n - p)).toBeLessThanOrEqual(5 * se + 1e-12);
}

/**
 * Pearson's X² = Σ (O − E)²/E, after merging neighbouring bins until each has E ≥ 5. For a correct
 * sampler X² is about χ² with df = bins − 1: mean df, sd √(2·df). Passes when X² < df + 5√(2·df)
 * (p ≈ 4e-4 at df = 9, smaller for larger df). `expected` holds probabilities (summing to 1).
 */
function expectChiSquareFit(observed: number[], expected: number[], n: number): void {
  const o: number[] = [];
  const e: number[] = [];
  let accO = 0;
  let accE = 0;
  for (let i = 0; i < observed.length; i++) {
    accO += observed[i];
    accE += expected[i] * n;
    if (accE >= 5) {
      o.push(accO);
      e.push(accE);
      accO = 0;
      accE = 0;
    }
  }
  // a small remainder joins the last full bin
  if (e.length === 0) throw new Error('too few draws for a chi-square test');
  o[o.length - 1] += accO;
  e[e.length - 1] += accE;
  let x2 = 0;
  for (let i = 0; i < o.length; i++) x2 += (o[i] - e[i]) ** 2 / e[i];
  const df = o.length - 1;
  expect(df).toBeGreaterThan(0);
  expect(x2).toBeLessThan(df + 5 * Math.sqrt(2 * df));
}

/** Counts of keys per bin; `binOf` maps a key to 0..bins − 1. */
function countBins(keys: Float64Array, bins: number, binOf: (k: number) => number): number[] {
  const counts = new Array<number>(bins).fill(0);
  for (const k of keys) counts[binOf(k)]++;
  return counts;
}

/** Per-key chi-square test of `probability` (for small key spaces). */
function expectPerKeyFit(sampler: KeySampler, keys: Float64Array): void {
  const expected = Array.from({ length: sampler.size }, (_, i) => sampler.probability(i + 1));
  expectChiSquareFit(
    countBins(keys, sampler.size, (k) => k - 1),
    expected,
    keys.length,
  );
}

/** Σ probability(k) over all keys, compensated (Neumaier) so the check measures the sampler. */
function totalProbability(sampler: KeySampler): number {
  let sum = 0;
  let carry = 0;
  for (let k = sampler.size; k >= 1; k--) {
    const p = sampler.probability(k);
    const t = sum + p;
    carry += Math.abs(sum) >= p ? sum - t + p : p - t + sum;
    sum = t;
  }
  return sum + carry;
}

/** ⌊log2 k⌋ for 1 ≤ k < 2^31: bins [1], [2, 3], [4, 7], … */
function log2Bin(k: number): number {
  return 31 - Math.clz32(k);
}

describe('createKeySampler validation', () => {
  it.each([
    ['size 0', { kind: 'uniform' }, 0],
    ['negative size', { kind: 'uniform' }, -5],
    ['fractional size', { kind: 'zipf', s: 1 }, 10.5],
    ['size NaN', { kind: 'uniform' }, Number.NaN],
    ['size above 2^53', { kind: 'uniform' }, 2 ** 53],
    ['zipf s = 0', { kind: 'zipf', s: 0 }, 10],
    ['zipf s < 0', { kind: 'zipf', s: -1 }, 10],
    ['zipf s NaN', { kind: 'zipf', s: Number.NaN }, 10],
    ['zipf s infinite', { kind: 'zipf', s: Number.POSITIVE_INFINITY }, 10],
    ['keyFraction 0', { kind: 'hot-set', keyFraction: 0, accessFraction: 0.8 }, 10],
    ['keyFraction 1', { kind: 'hot-set', keyFraction: 1, accessFraction: 0.8 }, 10],
    ['accessFraction 0', { kind: 'hot-set', keyFraction: 0.2, accessFraction: 0 }, 10],
    ['accessFraction 1.5', { kind: 'hot-set', keyFraction: 0.2, accessFraction: 1.5 }, 10],
    ['accessFraction NaN', { kind: 'hot-set', keyFraction: 0.2, accessFraction: Number.NaN }, 10],
    ['sequential start 0', { kind: 'sequential', start: 0 }, 10],
    ['sequential start past size', { kind: 'sequential', start: 11 }, 10],
    ['fractional sequential start', { kind: 'sequential', start: 1.5 }, 10],
  ] as [string, KeyDistributionSpec, number][])('rejects %s with a RangeError', (_, spec, size) => {
    expect(() => makeSampler(spec, size)).toThrow(RangeError);
  });

  it('gives probability 0 to anything that is not a key', () => {
    for (const spec of [
      { kind: 'uniform' },
      { kind: 'zipf', s: 1 },
      { kind: 'hot-set', keyFraction: 0.2, accessFraction: 0.8 },
      { kind: 'sequential' },
    ] as KeyDistributionSpec[]) {
      const sampler = makeSampler(spec, 10);
      for (const k of [0, -1, 11, 1.5, Number.NaN]) expect(sampler.probability(k)).toBe(0);
    }
  });
});

describe('uniform keys', () => {
  it('hits each of 10 keys with probability 1/10 (per-key chi-square)', () => {
    const sampler = makeSampler({ kind: 'uniform' }, 10);
    expect(sampler.probability(3)).toBe(0.1);
    expectPerKeyFit(sampler, drawKeys(sampler));
  });

  it('spreads evenly over 1e9 keys (100 equal bins, chi-square)', () => {
    const size = 1e9;
    const sampler = makeSampler({ kind: 'uniform' }, size);
    const keys = drawKeys(sampler);
    const counts = countBins(keys, 100, (k) => Math.floor((k - 1) / 1e7));
    expectChiSquareFit(counts, new Array(100).fill(0.01), N);
  });

  it('varies the low bits of keys when the size exceeds 2^32 (53-bit uniforms)', () => {
    // with one 32-bit draw, floor(u · 2^40) would always be a multiple of 2^8
    const sampler = makeSampler({ kind: 'uniform' }, 2 ** 40);
    const keys = drawKeys(sampler, 20_000);
    expectChiSquareFit(
      countBins(keys, 16, (k) => (k - 1) % 16),
      new Array(16).fill(1 / 16),
      keys.length,
    );
  });

  it('sums its probabilities to 1', () => {
    expect(totalProbability(makeSampler({ kind: 'uniform' }, 1000))).toBeCloseTo(1, 12);
  });
});

describe('zipf keys', () => {
  const cases = [0.6, 1, 1.2, 2].flatMap((s) => [10, 1000, 1e6].map((size) => ({ s, size })));

  it.each(cases)('s = $s, size = $size: key 1 and the top 10 % get their share', ({ s, size }) => {
    const sampler = makeSampler({ kind: 'zipf', s }, size);
    const keys = drawKeys(sampler);
    const top = size / 10;
    let topShare = 0;
    for (let k = 1; k <= top; k++) topShare += sampler.probability(k);
    expect(sampler.probability(1)).toBeGreaterThan(sampler.probability(2));
    expectShare(
      countWhere(keys, (k) => k === 1),
      N,
      sampler.probability(1),
    );
    expectShare(
      countWhere(keys, (k) => k <= top),
      N,
      topShare,
    );
  });

  // 1e6 draws here, so that a 2 % error in the weight of a key's strip shows
  it.each(cases)('s = $s, size = $size: frequencies fit (chi-square)', ({ s, size }) => {
    const sampler = makeSampler({ kind: 'zipf', s }, size, 2);
    const keys = drawKeys(sampler, 1_000_000);
    if (size <= 1000) {
      expectPerKeyFit(sampler, keys);
      return;
    }
    const bins = log2Bin(size) + 1;
    const expected = new Array<number>(bins).fill(0);
    for (let k = 1; k <= size; k++) expected[log2Bin(k)] += sampler.probability(k);
    expectChiSquareFit(countBins(keys, bins, log2Bin), expected, keys.length);
  });

  it.each(cases)('s = $s, size = $size: probabilities sum to 1 within 1e-9', ({ s, size }) => {
    expect(Math.abs(totalProbability(makeSampler({ kind: 'zipf', s }, size)) - 1)).toBeLessThan(
      1e-9,
    );
  });

  it.each([0.6, 1, 1.2, 2])('s = %s, size = 1e9: key 1, top 10 % and log2 bins fit', (s) => {
    const size = 1e9;
    const sampler = makeSampler({ kind: 'zipf', s }, size);
    const keys = drawKeys(sampler);
    const hTotal = generalizedHarmonic(size, s);
    // share of keys 1..c is H(c, s) / H(size, s)
    const cumulative = (c: number) => (c === 0 ? 0 : generalizedHarmonic(c, s) / hTotal);
    expectShare(
      countWhere(keys, (k) => k === 1),
      N,
      sampler.probability(1),
    );
    expectShare(
      countWhere(keys, (k) => k <= 1e8),
      N,
      cumulative(1e8),
    );
    const bins = log2Bin(size) + 1;
    const expected = Array.from(
      { length: bins },
      (_, j) => cumulative(Math.min(size, 2 ** (j + 1) - 1)) - cumulative(2 ** j - 1),
    );
    expectChiSquareFit(countBins(keys, bins, log2Bin), expected, N);
  });

  it.each([0.01, 8])('fits per key at the extreme exponent s = %s', (s) => {
    const sampler = makeSampler({ kind: 'zipf', s }, 10, 3);
    expectPerKeyFit(sampler, drawKeys(sampler));
  });

  it('always returns the only key of a one-key space', () => {
    const sampler = makeSampler({ kind: 'zipf', s: 1.5 }, 1);
    expect(sampler.probability(1)).toBe(1);
    expect(Array.from(drawKeys(sampler, 100))).toEqual(new Array(100).fill(1));
  });
});

describe('generalizedHarmonic', () => {
  /** Σ_{k=1..n} k^-s summed smallest first, as the reference. */
  function directSum(n: number, s: number): number {
    let sum = 0;
    for (let k = n; k >= 1; k--) sum += k ** -s;
    return sum;
  }

  it.each([0.6, 1, 1.2, 2])('s = %s: Euler–Maclaurin matches the direct sum past 1e6', (s) => {
    for (const n of [EXACT_HARMONIC_MAX + 1, 3_000_000]) {
      const direct = directSum(n, s);
      expect(Math.abs(generalizedHarmonic(n, s) / direct - 1)).toBeLessThan(1e-12);
    }
  });

  it('matches the asymptotic series at n = 1e9 for s = 1 and s = 2', () => {
    const n = 1e9;
    // H(n, 1) = ln n + γ + 1/(2n) − 1/(12n²) + …;  H(n, 2) = π²/6 − 1/n + 1/(2n²) − …
    const euler = 0.5772156649015329;
    expect(generalizedHarmonic(n, 1)).toBeCloseTo(Math.log(n) + euler + 1 / (2 * n), 13);
    expect(generalizedHarmonic(n, 2)).toBeCloseTo(Math.PI ** 2 / 6 - 1 / n, 14);
  });
});

describe('hot-set keys', () => {
  const spec: KeyDistributionSpec = { kind: 'hot-set', keyFraction: 0.2, accessFraction: 0.8 };

  it('sends ~80 % of draws to the first 20 % of keys (20/80)', () => {
    const sampler = makeSampler(spec, 1000);
    const keys = drawKeys(sampler);
    expect(sampler.probability(200)).toBeCloseTo(0.8 / 200, 15);
    expect(sampler.probability(201)).toBeCloseTo(0.2 / 800, 15);
    expectShare(
      countWhere(keys, (k) => k <= 200),
      N,
      0.8,
    );
    expectPerKeyFit(sampler, keys);
  });

  it('spreads uniformly within the hot and cold sets over 1e9 keys (binned chi-square)', () => {
    const size = 1e9;
    const sampler = makeSampler(spec, size);
    const keys = drawKeys(sampler);
    expectShare(
      countWhere(keys, (k) => k <= 2e8),
      N,
      0.8,
    );
    // 50 bins of 2e7 keys: 10 hot and 40 cold, each bin's keys share one probability
    const expected = Array.from({ length: 50 }, (_, j) => sampler.probability(j * 2e7 + 1) * 2e7);
    expectChiSquareFit(
      countBins(keys, 50, (k) => Math.floor((k - 1) / 2e7)),
      expected,
      N,
    );
  });

  it('sums its probabilities to 1', () => {
    expect(Math.abs(totalProbability(makeSampler(spec, 1000)) - 1)).toBeLessThan(1e-12);
    expect(Math.abs(totalProbability(makeSampler(spec, 7)) - 1)).toBeLessThan(1e-12);
  });

  it('rounds the hot set up to whole keys, ignoring floating-point dust', () => {
    // 0.07 · 100 is 7.000000000000001 in doubles; the hot set is still 7 keys
    const seven = makeSampler({ kind: 'hot-set', keyFraction: 0.07, accessFraction: 0.5 }, 100);
    expect(seven.probability(7)).toBeCloseTo(0.5 / 7, 15);
    expect(seven.probability(8)).toBeCloseTo(0.5 / 93, 15);
    const one = makeSampler({ kind: 'hot-set', keyFraction: 0.001, accessFraction: 0.9 }, 10);
    expect(one.probability(1)).toBeCloseTo(0.9, 15);
  });

  it('gives every key 1/size when the hot set covers the whole key space', () => {
    const sampler = makeSampler({ kind: 'hot-set', keyFraction: 0.95, accessFraction: 0.8 }, 10);
    expect(sampler.probability(1)).toBe(0.1);
    expect(sampler.probability(10)).toBe(0.1);
    expectPerKeyFit(sampler, drawKeys(sampler));
    expect(Array.from(drawKeys(makeSampler(spec, 1), 50))).toEqual(new Array(50).fill(1));
  });
});

describe('sequential keys', () => {
  it('scans from start and wraps around after size', () => {
    const draws = (sampler: KeySampler, n: number) =>
      Array.from({ length: n }, () => sampler.next());
    expect(draws(makeSampler({ kind: 'sequential' }, 3), 7)).toEqual([1, 2, 3, 1, 2, 3, 1]);
    expect(draws(makeSampler({ kind: 'sequential', start: 3 }, 3), 5)).toEqual([3, 1, 2, 3, 1]);
    expect(draws(makeSampler({ kind: 'sequential', start: 1e9 }, 1e9), 3)).toEqual([1e9, 1, 2]);
  });

  it('hits every key exactly probability · draws times over whole passes', () => {
    const sampler = makeSampler({ kind: 'sequential', start: 4 }, 10);
    const keys = drawKeys(sampler, 50);
    const counts = countBins(keys, 10, (k) => k - 1);
    for (let k = 1; k <= 10; k++) expect(counts[k - 1]).toBe(sampler.probability(k) * 50);
  });

  it('draws nothing from its random stream', () => {
    const stream = new RandomSource(1).stream('scan');
    const sampler = createKeySampler({ kind: 'sequential' }, 100, stream);
    for (let i = 0; i < 10; i++) sampler.next();
    expect(stream.next()).toBe(new RandomSource(1).stream('scan').next());
  });
});

describe('determinism', () => {
  const specArb: fc.Arbitrary<KeyDistributionSpec> = fc.oneof(
    fc.constant({ kind: 'uniform' as const }),
    fc.record({
      kind: fc.constant('zipf' as const),
      s: fc.double({ min: 0.05, max: 5, noNaN: true }),
    }),
    fc.record({
      kind: fc.constant('hot-set' as const),
      keyFraction: fc.double({ min: 0.01, max: 0.99, noNaN: true }),
      accessFraction: fc.double({ min: 0.01, max: 0.99, noNaN: true }),
    }),
    fc.constant({ kind: 'sequential' as const }),
  );

  it('same spec, size and stream give the same keys, all in 1..size', () => {
    fc.assert(
      fc.property(specArb, fc.integer({ min: 1, max: 1e9 }), fc.nat(), (spec, size, seed) => {
        const a = makeSampler(spec, size, seed);
        const b = makeSampler(spec, size, seed);
        for (let i = 0; i < 50; i++) {
          const k = a.next();
          if (k !== b.next()) return false;
          if (!Number.isInteger(k) || k < 1 || k > size || !(a.probability(k) > 0)) return false;
        }
        return true;
      }),
      { seed: 20240611, numRuns: 200 },
    );
  });

  it('different seeds give different keys', () => {
    for (const spec of [
      { kind: 'uniform' },
      { kind: 'zipf', s: 0.8 },
      { kind: 'hot-set', keyFraction: 0.2, accessFraction: 0.8 },
    ] as KeyDistributionSpec[]) {
      const a = Array.from(drawKeys(makeSampler(spec, 1e6, 1), 20));
      const b = Array.from(drawKeys(makeSampler(spec, 1e6, 2), 20));
      expect(a).not.toEqual(b);
    }
  });
});
