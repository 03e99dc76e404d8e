/**
 * Model behaviour checked against queueing theory: M/M/1 and M/M/c (Erlang C) mean waiting
 * time, mean response time and utilisation. Several independent replications (seeds 1-5) of
 * 400k requests each at ρ = 0.8 keep the standard error of the grand mean near 0.8 % for
 * M/M/1 (asymptotic variance of the M/M/1 mean wait, Whitt 1989), so a 3 % tolerance is about
 * four standard errors: honest, and it fails on any real modelling error.
 */
import { describe, expect, it } from 'vitest';
import { queueYaml, runYaml } from '../test-support/scenarios.ts';

const SEEDS = [1, 2, 3, 4, 5];

async function replicate(yaml: string) {
  let w = 0;
  let wq = 0;
  let rho = 0;
  let lq = 0;
  for (const seed of SEEDS) {
    const r = await runYaml(yaml, seed);
    const c = r.summary.components[0];
    w += r.summary.overall.latency.meanMs;
    wq += c.waitMeanMs;
    rho += c.utilisation;
    lq += c.queueMean;
  }
  const n = SEEDS.length;
  return { w: w / n, wq: wq / n, rho: rho / n, lq: lq / n };
}

/** Erlang C: probability that an arrival waits in M/M/c with offered load a = λ/μ. */
function erlangC(c: number, a: number): number {
  let sum = 0;
  let term = 1;
  for (let k = 0; k < c; k++) {
    sum += term;
    term = (term * a) / (k + 1);
  }
  const last = term / (1 - a / c); // a^c / c! · 1/(1 − ρ)
  return last / (sum + last);
}

describe('queueing theory', () => {
  it('an M/M/1 service matches W = 1/(μ−λ), Wq = ρ/(μ−λ), Lq = ρ²/(1−ρ) and ρ = λ/μ', async () => {
    // λ = 0.8 /ms, μ = 1 /ms (Kleinrock, Queueing Systems vol. 1, eq. 3.26)
    const lambda = 0.8;
    const mu = 1;
    const got = await replicate(
      queueYaml({ ratePerSec: 800, meanMs: 1, threads: 1, duration: '510s', warmup: '10s' }),
    );
    const rho = lambda / mu;
    expect(got.rho).toBeCloseTo(rho, 2); // within 0.005
    expect(Math.abs(got.w - 1 / (mu - lambda)) / (1 / (mu - lambda))).toBeLessThan(0.03);
    expect(Math.abs(got.wq - rho / (mu - lambda)) / (rho / (mu - lambda))).toBeLessThan(0.03);
    expect(Math.abs(got.lq - (rho * rho) / (1 - rho)) / ((rho * rho) / (1 - rho))).toBeLessThan(
      0.04,
    );
  });

  it('an M/M/4 thread pool matches Erlang C: Wq = C(c, a)/(cμ − λ)', async () => {
    // c = 4 threads, μ = 1 /ms each, λ = 3.2 /ms: a = 3.2, ρ = 0.8, C(4, 3.2) ≈ 0.5964,
    // Wq ≈ 0.7455 ms, W = Wq + 1/μ ≈ 1.7455 ms (Gross & Harris, Fundamentals of Queueing Theory §2.3)
    const c = 4;
    const lambda = 3.2;
    const mu = 1;
    const got = await replicate(
      queueYaml({ ratePerSec: 3200, meanMs: 1, threads: c, duration: '135s', warmup: '10s' }),
    );
    const wq = erlangC(c, lambda / mu) / (c * mu - lambda);
    expect(wq).toBeCloseTo(0.7455, 3);
    expect(got.rho).toBeCloseTo(lambda / (c * mu), 2);
    expect(Math.abs(got.wq - wq) / wq).toBeLessThan(0.03);
    expect(Math.abs(got.w - (wq + 1 / mu)) / (wq + 1 / mu)).toBeLessThan(0.02);
  });
});
