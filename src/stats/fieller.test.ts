/**
 * Fieller's interval of a ratio of paired means (confidence.ts fiellerRatio): it agrees with the
 * paired-t test of the difference (×1 inside ⇔ not significant), holds the ratio of the means,
 * is exact for replications that do not vary, covers the true ratio at its level under normal
 * data, and is unbounded when the baseline's mean is not told apart from 0.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fiellerRatio, pairedDifference } from './confidence.ts';
import { studentTQuantile } from './student-t.ts';

/** A seeded uniform generator (mulberry32) for the coverage experiment. */
function uniforms(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const replications = fc
  .integer({ min: 2, max: 12 })
  .chain((n) =>
    fc.tuple(
      fc.array(fc.double({ min: 1, max: 1000, noNaN: true }), { minLength: n, maxLength: n }),
      fc.array(fc.double({ min: 0, max: 3000, noNaN: true }), { minLength: n, maxLength: n }),
    ),
  );

describe("Fieller's ratio interval", () => {
  it('holds ×1 exactly when the paired difference is not significant, and the ratio of the means always', () => {
    fc.assert(
      fc.property(replications, ([base, variant]) => {
        const r = fiellerRatio(base, variant);
        const d = pairedDifference(base, variant);
        if (r === null) return; // unbounded: nothing to compare
        const ratio = variant.reduce((s, x) => s + x, 0) / base.reduce((s, x) => s + x, 0);
        const tol = 1e-9 * Math.max(1, Math.abs(ratio));
        expect(r[0]).toBeLessThanOrEqual(ratio + tol);
        expect(r[1]).toBeGreaterThanOrEqual(ratio - tol);
        // away from the boundary (where rounding decides), the two agree
        const { lo, hi } = d.diff as { lo: number; hi: number };
        const margin = 1e-7 * (Math.abs(lo) + Math.abs(hi) + 1);
        if (lo > margin || hi < -margin) expect(r[0] > 1 || r[1] < 1).toBe(true);
        if (lo < -margin && hi > margin) expect(r[0] < 1 && r[1] > 1).toBe(true);
      }),
      { numRuns: 500, seed: 42 },
    );
  });

  it('is the ratio itself when no replication differs from the others', () => {
    expect(fiellerRatio([4, 4, 4], [10, 10, 10])).toEqual([2.5, 2.5]);
    // the variant moves with the baseline by the same factor: still exact
    const r = fiellerRatio([10, 12, 11], [30, 36, 33]) as [number, number];
    expect(r[0]).toBeCloseTo(3, 12);
    expect(r[1]).toBeCloseTo(3, 12);
  });

  it('keeps its digits when the replications barely vary around large means', () => {
    // b² − ac computed as a difference of two ~Ā²B̄² terms lost every digit here: the interval
    // shrank to one point beside ×1 while the difference was not significant
    for (const scale of [1000, 1e6]) {
      const e = scale * 1e-9;
      const base = [scale, scale + e, scale - e];
      const variant = [scale + 0.2 * e, scale - e, scale + e];
      const [lo, hi] = fiellerRatio(base, variant) as [number, number];
      expect(pairedDifference(base, variant).significant).toBe(false);
      expect(lo).toBeLessThan(1);
      expect(hi).toBeGreaterThan(1);
    }
    // constant replications of large values: the ratio exactly, no width from rounding
    expect(fiellerRatio([3e6, 3e6, 3e6], [4.5e6, 4.5e6, 4.5e6])).toEqual([1.5, 1.5]);
    // a value that is not finite: no interval
    expect(fiellerRatio([1, 2, 3], [1, Number.POSITIVE_INFINITY, 3])).toBeNull();
  });

  it('solves (Ā − ρB̄)² = t²/n · s²(ρ) at both bounds', () => {
    const base = [300.2, 297.9, 301.5, 299.1, 302.4];
    const variant = [0.6, 0.6, 0.6, 0.6, 0.6];
    const [lo, hi] = fiellerRatio(base, variant) as [number, number];
    const n = base.length;
    const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / n;
    const t = studentTQuantile(0.975, n - 1);
    for (const rho of [lo, hi]) {
      const d = variant.map((v, i) => v - rho * base[i]);
      const m = mean(d);
      const s2 = d.reduce((s, x) => s + (x - m) ** 2, 0) / (n - 1);
      expect(m * m).toBeCloseTo((t * t * s2) / n, 12);
    }
    // a constant 0.6/s against ~300/s: about ÷500, on both sides of it (the first-order interval
    // divided the difference's bounds by the baseline's mean and went below −100 %)
    expect(1 / hi).toBeGreaterThan(490);
    expect(1 / lo).toBeLessThan(510);
  });

  it('covers the true ratio at its level under normal data (paired, correlated)', () => {
    const u = uniforms(7);
    const normal = () => Math.sqrt(-2 * Math.log(1 - u())) * Math.cos(2 * Math.PI * u());
    const trials = 2000;
    let covered = 0;
    for (let k = 0; k < trials; k++) {
      const base: number[] = [];
      const variant: number[] = [];
      for (let i = 0; i < 5; i++) {
        const shared = normal();
        base.push(10 + 2 * shared);
        variant.push(25 + 3 * shared + 2 * normal()); // E = 25: the ratio is 2.5
      }
      const r = fiellerRatio(base, variant);
      if (r !== null && r[0] <= 2.5 && 2.5 <= r[1]) covered++;
    }
    // Fieller's interval is exact for normal data: binomial sd at p = 0.95, n = 2000 is 0.0049;
    // allow 3 sd
    expect(Math.abs(covered / trials - 0.95)).toBeLessThan(0.015);
  });

  it('is unbounded (null) when the baseline is not told apart from 0, or with one replication', () => {
    expect(fiellerRatio([0.1, 2, 0], [5, 6, 7])).toBeNull();
    expect(fiellerRatio([10], [20])).toBeNull();
    const d = pairedDifference([0.1, 2, 0], [5, 6, 7]);
    expect(d.relative?.lo).toBeNull();
    expect(d.relative?.mean).toBeCloseTo(6 / 0.7 - 1, 12);
  });
});
