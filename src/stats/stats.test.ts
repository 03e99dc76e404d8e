import { describe, expect, it } from 'vitest';
import { estimate, pairedDifference } from './confidence.ts';
import { incompleteBeta, logGamma, studentTCdf, studentTQuantile } from './student-t.ts';

describe('Student t', () => {
  it('logGamma matches factorials and Γ(½) = √π', () => {
    expect(logGamma(1)).toBeCloseTo(0, 12);
    expect(logGamma(5)).toBeCloseTo(Math.log(24), 12);
    expect(logGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 12);
    expect(logGamma(10.5)).toBeCloseTo(13.940625219403763, 10);
  });

  it('incomplete beta has closed forms: I_x(1, 1) = x, I_x(a, 1) = x^a, symmetry', () => {
    expect(incompleteBeta(0.3, 1, 1)).toBeCloseTo(0.3, 13);
    expect(incompleteBeta(0.7, 3, 1)).toBeCloseTo(0.343, 13);
    expect(incompleteBeta(0.2, 2.5, 4) + incompleteBeta(0.8, 4, 2.5)).toBeCloseTo(1, 13);
  });

  it('the CDF with 1 degree of freedom is the Cauchy CDF', () => {
    for (const t of [-3, -0.5, 0, 0.7, 2, 10])
      expect(studentTCdf(t, 1)).toBeCloseTo(0.5 + Math.atan(t) / Math.PI, 12);
  });

  // two-sided 95 % critical values t(0.975, ν) from standard tables (e.g. NIST/SEMATECH
  // e-Handbook, Table 1.3.6.7.2), given to 3 decimals there: tolerance 5e-4
  it.each([
    [1, 12.706],
    [2, 4.303],
    [3, 3.182],
    [4, 2.776],
    [5, 2.571],
    [9, 2.262],
    [19, 2.093],
    [29, 2.045],
    [100, 1.984],
  ])('t(0.975, %i) = %f', (df, expected) => {
    expect(Math.abs(studentTQuantile(0.975, df) - expected)).toBeLessThan(5e-4);
  });

  it('approaches the normal quantile for large ν and is symmetric', () => {
    expect(studentTQuantile(0.975, 1e6)).toBeCloseTo(1.959964, 4);
    expect(studentTQuantile(0.025, 7)).toBeCloseTo(-studentTQuantile(0.975, 7), 12);
    expect(studentTQuantile(0.5, 3)).toBe(0);
    expect(() => studentTQuantile(1, 3)).toThrow(RangeError);
  });

  it('the quantile inverts the CDF', () => {
    for (const df of [1, 2.5, 6, 40])
      for (const p of [0.6, 0.9, 0.99, 0.999])
        expect(studentTCdf(studentTQuantile(p, df), df)).toBeCloseTo(p, 11);
  });
});

describe('confidence intervals', () => {
  it('computes x̄ ± t·s/√n by hand', () => {
    // xs = 1..5: mean 3, s = √2.5, t(0.975, 4) = 2.776445, hw = 2.776445·√2.5/√5 = 1.963243
    const e = estimate([1, 2, 3, 4, 5]);
    expect(e.mean).toBe(3);
    expect(e.sd).toBeCloseTo(Math.sqrt(2.5), 12);
    expect(e.halfWidth).toBeCloseTo(1.963243, 5);
    expect(e.lo).toBeCloseTo(3 - 1.963243, 5);
  });

  it('gives no interval for a single replication', () => {
    expect(estimate([7])).toEqual({ n: 1, mean: 7, sd: 0, halfWidth: null, lo: null, hi: null });
  });

  it('covers the true mean about 95 % of the time (seeded normal samples)', () => {
    // a deterministic LCG + Box–Muller: 2000 intervals of n = 5 from N(10, 2²)
    let s = 12345;
    const u = () => {
      s = (s * 1103515245 + 12345) % 2147483648;
      return (s + 0.5) / 2147483648;
    };
    const normal = () => Math.sqrt(-2 * Math.log(u())) * Math.cos(2 * Math.PI * u());
    let covered = 0;
    const trials = 2000;
    for (let i = 0; i < trials; i++) {
      const e = estimate(Array.from({ length: 5 }, () => 10 + 2 * normal()));
      if ((e.lo as number) <= 10 && 10 <= (e.hi as number)) covered++;
    }
    // binomial sd of the coverage with p = 0.95, n = 2000: 0.0049; allow 3 sd
    expect(Math.abs(covered / trials - 0.95)).toBeLessThan(0.015);
  });

  it('pairs differences replication by replication', () => {
    const base = [10, 12, 11, 13];
    const better = [7, 9, 8, 10.5]; // −3, −3, −3, −2.5
    const d = pairedDifference(base, better);
    expect(d.diff.mean).toBeCloseTo(-2.875, 12);
    expect(d.significant).toBe(true);
    expect(d.relative?.mean).toBeCloseTo(-2.875 / 11.5, 12);
    // an unpaired interval would be much wider: the pairing removes the shared noise
    expect(d.diff.halfWidth as number).toBeLessThan(1);
    const same = pairedDifference(base, [10.1, 11.9, 11.2, 12.8]);
    expect(same.significant).toBe(false);
    expect(() => pairedDifference([1], [1, 2])).toThrow(RangeError);
  });
});
