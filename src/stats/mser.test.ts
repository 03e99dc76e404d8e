/**
 * MSER-5 (White 1997): the truncation point of a series with a known transient, worked out by
 * hand, and agreement with a brute-force evaluation of the rule on random series.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mser5 } from './mser.ts';

/** MSER(d) for every d ≤ ⌊k/2⌋, straight from the definition; the first smallest d × 5. */
function bruteForce(xs: readonly number[]): number {
  const k = Math.floor(xs.length / 5);
  const z = Array.from(
    { length: k },
    (_, j) => xs.slice(j * 5, j * 5 + 5).reduce((a, b) => a + b) / 5,
  );
  let best = 0;
  let bestValue = Number.POSITIVE_INFINITY;
  for (let d = 0; d <= Math.floor(k / 2); d++) {
    const rest = z.slice(d);
    const mean = rest.reduce((a, b) => a + b) / rest.length;
    const value = rest.reduce((a, b) => a + (b - mean) ** 2, 0) / rest.length ** 2;
    if (d === 0 || value < bestValue - 1e-12 * Math.max(1, bestValue)) {
      bestValue = value;
      best = d;
    }
  }
  return best * 5;
}

describe('MSER-5', () => {
  it('cuts a 20-observation transient exactly (worked by hand)', () => {
    // 20 values of 10, then 80 alternating +1/−1: batch means 10 ×4, then ±0.2 alternating ×16.
    // MSER(4) = 16·0.04/16² = 0.00250; MSER(5) = (15·0.04 − 0.04/15)/15² ≈ 0.00265;
    // MSER(6) = 14·0.04/14² ≈ 0.00286; MSER(3) ≈ 0.328: the minimum is d = 4, 20 observations.
    const xs = [...Array(20).fill(10), ...Array.from({ length: 80 }, (_, i) => (i % 2 ? -1 : 1))];
    expect(mser5(xs)).toEqual({ truncation: 20, batches: 20, unreliable: false });
  });

  it('deletes nothing from a stationary series', () => {
    const xs = Array.from({ length: 100 }, (_, i) => (i % 2 ? -1 : 1));
    expect(mser5(xs)?.truncation).toBe(0);
  });

  it('says when the minimum is at the half-way limit (the run may be too short)', () => {
    const xs = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(mser5(xs)).toEqual({ truncation: 50, batches: 20, unreliable: true });
  });

  it('needs 4 batches (20 values)', () => {
    expect(mser5(Array(19).fill(1))).toBeNull();
    expect(mser5(Array(20).fill(1))?.truncation).toBe(0);
  });

  it('agrees with the rule evaluated by brute force', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -1000, max: 1000 }), { minLength: 20, maxLength: 300 }),
        fc.nat(120),
        (ints, transient) => {
          // a transient of `transient` observations 50 above the rest, decaying
          const xs = ints.map((x, i) => x / 10 + (i < transient ? 50 * (1 - i / transient) : 0));
          expect(mser5(xs)?.truncation).toBe(bruteForce(xs));
        },
      ),
      { numRuns: 200, seed: 14 },
    );
  });
});
