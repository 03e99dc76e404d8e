/**
 * Precision stopping (--precision, --max-replications): rounds run until every highlight of
 * every variant has a 95 % half-width within the target share of its mean, or the cap; the
 * state names the highlight furthest from the target; the sentence says plainly when the cap
 * stopped it. And the warm-up --warmup auto chooses.
 */
import { describe, expect, it } from 'vitest';
import { estimate } from './../stats/index.ts';
import type { Analysis } from './analysis.ts';
import { precisionSentence, precisionState, replicateUntil } from './precision.ts';

/** An analysis with one highlight `p99` whose replications in each variant are `values[v]`. */
function analysis(values: number[][]): Analysis {
  return {
    highlights: { source: 'scenario', items: [{ key: 'overall||p99Ms', name: 'p99' }], warmup: [] },
    variants: values.map((xs, v) => ({
      name: `v${v}`,
      estimates: [{ key: 'overall||p99Ms', estimate: estimate(xs) }],
    })),
  } as unknown as Analysis;
}

describe('precision stopping', () => {
  it('stops at the first round where every highlight is within the target', async () => {
    // replication r of each variant gives 100 ± a shrinking wobble
    const runs: number[][] = [[], []];
    const draws = [100, 104, 96, 100, 101, 99, ...Array(30).fill(100)];
    const round = async (r: number) => {
      for (const v of runs) v.push(draws[r - 1]);
    };
    await round(1);
    await round(2);
    const seen: number[] = [];
    const outcome = await replicateUntil(
      2,
      30,
      async (r) => {
        seen.push(r);
        await round(r);
      },
      () => precisionState(analysis(runs), 0.05),
    );
    // after each round, the largest relative half-width; the first within 5 % ends it
    const widths = [2, 3, 4, 5, 6, 7, 8, 9, 10].map((n) => {
      const e = estimate(draws.slice(0, n));
      return (e.halfWidth as number) / e.mean;
    });
    const expected = widths.findIndex((w) => w <= 0.05) + 2;
    expect(expected).toBe(5); // 25 %, 9.9 %, 5.2 %, then 3.6 %
    expect(outcome).toEqual({ reached: true, worst: null, replications: expected, capped: false });
    expect(seen).toEqual(Array.from({ length: expected - 2 }, (_, i) => i + 3));
    expect(precisionSentence({ target: 0.05, cap: 30, ...outcome })).toBe(
      `--precision 5 %: every highlight's 95 % half-width is within 5 % of its mean after ${expected} replications.`,
    );
  });

  it('says plainly when the cap stops it, naming the highlight furthest from the target', async () => {
    const runs: number[][] = [[], []];
    let r0 = 0;
    const round = async () => {
      r0++;
      runs[0].push(100); // v0 is exact
      runs[1].push(r0 % 2 ? 10 : 190); // v1 never settles
    };
    const outcome = await replicateUntil(0, 4, round, () => precisionState(analysis(runs), 0.05));
    expect(outcome.replications).toBe(4);
    expect(outcome.capped).toBe(true);
    expect(outcome.reached).toBe(false);
    expect(outcome.worst).toMatch(/^v1: p99 ±\d+\.\d %$/);
    expect(precisionSentence({ target: 0.05, cap: 4, ...outcome })).toBe(
      `--precision 5 % NOT reached: stopped at the cap of 4 replications (--max-replications); furthest: ${outcome.worst}.`,
    );
  });

  it('runs at least two replications (one has no interval), and a constant highlight is precise', async () => {
    const runs: number[][] = [[]];
    const outcome = await replicateUntil(
      1,
      30,
      async () => {
        runs[0].push(7);
      },
      () => precisionState(analysis(runs.map((v) => [7, ...v])), 0.01),
    );
    expect(outcome).toEqual({ reached: true, worst: null, replications: 2, capped: false });
  });
});
