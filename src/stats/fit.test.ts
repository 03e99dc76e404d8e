/**
 * Fitting on samples drawn (seeded) from known distributions with the engine's own samplers:
 * the true family ranks first and its fitted parameters are within the stated tolerances
 * (for n = 4,000, a few standard errors of each estimator); the special functions against
 * known values.
 */
import { describe, expect, it } from 'vitest';
import { createDistribution, type DistributionSpec } from '../engine/distributions.ts';
import { RandomSource } from '../engine/random.ts';
import { digamma, fitDistributions, gammaP, gammaShape, normalCdf, trigamma } from './fit.ts';

const N = 4000;
function sample(spec: DistributionSpec, name: string): number[] {
  const d = createDistribution(spec, new RandomSource(42).stream(name));
  return Array.from({ length: N }, () => d.sample());
}

describe('special functions', () => {
  it('match known values', () => {
    expect(digamma(1)).toBeCloseTo(-0.5772156649, 9);
    expect(trigamma(1)).toBeCloseTo(Math.PI ** 2 / 6, 9);
    expect(trigamma(0.5)).toBeCloseTo(Math.PI ** 2 / 2, 9);
    expect(gammaP(1, 2)).toBeCloseTo(1 - Math.exp(-2), 12);
    expect(gammaP(3, 2.5)).toBeCloseTo(0.4561868841, 9);
    expect(gammaP(3, 20)).toBeCloseTo(1 - 221 * Math.exp(-20), 12); // 1 − e^−x (1 + x + x²/2)
    expect(normalCdf(1.959963985)).toBeCloseTo(0.975, 9);
    expect(normalCdf(-2.326347874)).toBeCloseTo(0.01, 9);
    // the shape whose ln k − ψ(k) is that of k = 2.5
    expect(gammaShape(Math.log(2.5) - digamma(2.5))).toBeCloseTo(2.5, 9);
  });
});

describe('fitDistributions', () => {
  it('exponential: first, mean within 5 %', () => {
    const [best] = fitDistributions(sample({ kind: 'exponential', mean: 4 }, 'exp'));
    expect(best.family).toBe('exponential');
    expect(best.params.mean).toBeGreaterThan(4 * 0.95);
    expect(best.params.mean).toBeLessThan(4 * 1.05);
    expect(best.ks).toBeLessThan(0.03);
  });

  it('lognormal: first, median within 5 %, sigma within 5 %', () => {
    const fits = fitDistributions(
      sample({ kind: 'lognormal', mu: Math.log(3), sigma: 0.6 }, 'logn'),
    );
    expect(fits[0].family).toBe('lognormal');
    expect(fits[0].params.median / 3).toBeCloseTo(1, 1);
    expect(Math.abs(fits[0].params.sigma / 0.6 - 1)).toBeLessThan(0.05);
    // and the gamma, second, fits visibly worse in the tails
    expect(fits[1].ad).toBeGreaterThan(fits[0].ad);
  });

  it('gamma with a fractional shape: first, shape within 10 %, mean within 5 %', () => {
    const [best] = fitDistributions(sample({ kind: 'gamma', shape: 2.5, scale: 2 }, 'gamma'));
    expect(best.family).toBe('gamma');
    expect(Math.abs(best.params.shape / 2.5 - 1)).toBeLessThan(0.1);
    expect(Math.abs(best.params.mean / 5 - 1)).toBeLessThan(0.05);
  });

  it('erlang: the gamma fit is written as erlang with the right k', () => {
    const [best] = fitDistributions(sample({ kind: 'gamma', shape: 3, scale: 1 }, 'erlang'));
    expect(best.family).toBe('erlang');
    expect(best.params.k).toBe(3);
    expect(Math.abs(best.params.mean / 3 - 1)).toBeLessThan(0.05);
  });

  it('normal, pareto and uniform: first, parameters within 5 %', () => {
    const normal = fitDistributions(sample({ kind: 'normal', mean: 20, sd: 2 }, 'normal'))[0];
    expect(normal.family).toBe('normal');
    expect(Math.abs(normal.params.mean / 20 - 1)).toBeLessThan(0.01);
    expect(Math.abs(normal.params.sd / 2 - 1)).toBeLessThan(0.05);
    const pareto = fitDistributions(sample({ kind: 'pareto', shape: 2.5, scale: 1 }, 'pareto'))[0];
    expect(pareto.family).toBe('pareto');
    expect(Math.abs(pareto.params.shape / 2.5 - 1)).toBeLessThan(0.05);
    expect(Math.abs(pareto.params.scale - 1)).toBeLessThan(0.01);
    const uniform = fitDistributions(sample({ kind: 'uniform', min: 2, max: 6 }, 'uniform'))[0];
    expect(uniform.family).toBe('uniform');
    expect(Math.abs(uniform.params.min - 2)).toBeLessThan(0.01);
    expect(Math.abs(uniform.params.max - 6)).toBeLessThan(0.01);
  });

  it('refuses fewer than two values, and fits nothing to a constant', () => {
    expect(() => fitDistributions([1])).toThrow(/at least 2/);
    expect(fitDistributions([2, 2, 2])).toEqual([]);
  });
});
