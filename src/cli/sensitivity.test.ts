/**
 * The what-if near saturation on the M/M/1 validation scenario, against theory. An M/M/1 FCFS
 * queue's sojourn time is exponential with rate μ − λ (Kleinrock, Queueing Systems vol. 1,
 * 1975, §3.2; Harchol-Balter, Performance Modeling and Design of Computer Systems, 2013,
 * ch. 14), so its q-quantile is −ln(1 − q)/(μ − λ): at λ = 850/s and a mean service time of
 * 1 ms, p99 = ln 100 / 150 s = 30.7 ms; with the service time × 0.95 (μ = 1052.6/s) 22.7 ms
 * (−26.0 %), × 1.05 (μ = 952.4/s) 45.0 ms (+46.5 %).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { RunResult } from '../metrics/summary.ts';
import { parseScenario } from '../model/language.ts';
import { runScenario } from '../model/run.ts';
import { analyse } from '../report/analyse.ts';
import { formatSensitivity, sensitivityCsv } from '../report/features/sensitivity/feature.ts';
import {
  sensitivitySentence,
  type VariantSensitivity,
} from '../report/features/sensitivity/what-if.ts';
import { sensitivityHint, whatIfNearSaturation } from './sensitivity.ts';

const text = readFileSync('scenarios/validation/mm1.yaml', 'utf8')
  .replace('rate: 800/s', 'rate: 850/s')
  .replace('duration: 200s', 'duration: 400s');

const theoryP99 = (lambda: number, mu: number) => (Math.log(100) / (mu - lambda)) * 1000;

describe('sensitivity near saturation', () => {
  it('on M/M/1 at ρ 0.85: ±5 % service time moves p99 as theory says (mean of 3 seeds, within 5 points)', async () => {
    const scenario = parseScenario(text, 'mm1.yaml').variants[0];
    const runs: { base: RunResult; s: VariantSensitivity }[] = [];
    for (const seed of [1, 2, 3]) {
      const base = await runScenario(scenario, { seed });
      const [s] = await whatIfNearSaturation(
        [{ scenario: { ...scenario, seed }, name: 'mm1', base: base.summary }],
        async (x) => (await runScenario(x)).summary,
      );
      runs.push({ base, s });
    }
    const { base, s } = runs[0];
    expect(s.hot.map((h) => h.id)).toEqual(['server']);
    expect(s.hot[0].utilisation).toBeCloseTo(0.85, 2);
    const p99Of = (x: typeof s) => x.figures.find((f) => f.metric === 'p99 ms');
    const p99 = p99Of(s);
    const rho = s.figures.find((f) => f.metric === 'utilisation');
    if (p99 === undefined || rho === undefined) throw new Error('figures missing');
    // theory: −26.0 % and +46.5 %. One 400 s run's p99 is within a few per cent of theory, but
    // its shift less so (a tail quantile rests on a few long busy periods; seeds 1-3 gave
    // −25…−29 % and +39…+48 %), so the test takes the mean over three seeds
    const base99 = theoryP99(850, 1000);
    const mean = (pick: (f: NonNullable<typeof p99>) => number) =>
      runs.reduce((a, r) => {
        const f = p99Of(r.s) as NonNullable<typeof p99>;
        return a + (pick(f) / f.base - 1) / runs.length;
      }, 0);
    expect(
      Math.abs(mean((f) => f.faster) - (theoryP99(850, 1000 / 0.95) / base99 - 1)),
    ).toBeLessThan(0.05);
    expect(
      Math.abs(mean((f) => f.slower) - (theoryP99(850, 1000 / 1.05) / base99 - 1)),
    ).toBeLessThan(0.05);
    for (const r of runs) expect(Math.abs((p99Of(r.s)?.base ?? 0) / base99 - 1)).toBeLessThan(0.1);
    // utilisation moves by the factor itself
    expect(rho.faster / rho.base).toBeCloseTo(0.95, 2);
    expect(rho.slower / rho.base).toBeCloseTo(1.05, 2);
    // the report says so in words
    expect(sensitivitySentence(s)).toMatch(
      /^at ρ 0\.85 \(server\), ±5 % service time moves p99 of server\/serve by −2\d %\/\+[34]\d %: treat these figures as fragile\.$/,
    );
    const analysis = analyse({
      name: 'mm1',
      description: '',
      file: 'mm1.yaml',
      runs: [base],
      sensitivity: [s],
    });
    expect(formatSensitivity(analysis)).toContain('■ sensitivity near saturation\nat ρ 0.85');
    expect(sensitivityCsv(analysis).split('\n')[0]).toBe(
      'variant,metric,of,base,faster,slower,step',
    );
  });

  it('runs nothing below ρ 0.8, and hints only at or above it', async () => {
    const scenario = parseScenario(
      text.replace('rate: 850/s', 'rate: 500/s').replace('duration: 400s', 'duration: 30s'),
      'mm1.yaml',
    ).variants[0];
    const base = (await runScenario(scenario)).summary;
    let runs = 0;
    const none = await whatIfNearSaturation([{ scenario, name: 'mm1', base }], async (x) => {
      runs++;
      return (await runScenario(x)).summary;
    });
    expect(none).toEqual([]);
    expect(runs).toBe(0);
    expect(sensitivityHint([{ scenario, name: 'mm1', base }])).toBe('');
    const hot = { ...base, components: base.components.map((c) => ({ ...c, utilisation: 0.91 })) };
    expect(sensitivityHint([{ scenario, name: 'mm1', base: hot }])).toMatch(
      /^hint: server runs at ρ 0\.91 \(≥ 0\.8\): .* add --sensitivity/,
    );
  });
});
