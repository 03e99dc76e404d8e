/**
 * Coarser series merge their seconds exactly: a run with 5 s per point gives, for each bucket,
 * the sums of the per-second counts, the largest maximum, the count-weighted mean latency, the
 * last in-flight level and the means of the time-weighted figures of the same run at 1 s per
 * point (same seed, same draws: the series never draw); the summary does not depend on the
 * resolution (but for the last bits of time-weighted means, summed in other pieces); and a run
 * short enough keeps 1 s without saying so (its outputs unchanged).
 */
import { describe, expect, it } from 'vitest';
import type { SeriesPoint } from '../metrics/series.ts';
import type { StationPoint } from '../metrics/station-stats.ts';
import { parseScenario } from './language.ts';
import { runScenario } from './run.ts';

const TEXT = `
version: 1
name: merged
seed: 3
duration: 63s
warmup: 4s
workloads:
  w:
    rate: 300/s
    schedule:
      - { at: 20s, rampTo: 900/s, over: 5s }
      - { at: 40s, rate: 200/s }
    mix: { front/a: 2, front/b: 1 }
    timeout: 80ms
services:
  front:
    instances: 2
    threads: 4
    queueCapacity: 40
    endpoints:
      a: { steps: [ { cpu: { dist: exponential, mean: 4ms } }, { call: back/get, timeout: 50ms } ] }
      b: { steps: [ { cpu: { dist: exponential, mean: 6ms } } ] }
  back:
    threads: 2
    endpoints:
      get: { steps: [ { cpu: { dist: exponential, mean: 2ms } } ] }
`;

const WIDTH = 5;

function finished(p: SeriesPoint): number {
  return p.ok + p.rejected + p.timedOut + p.failed;
}

/** The sum of `f` over the seconds one point merges. */
function sumOf<T>(seconds: T[], f: (x: T) => number): number {
  return seconds.reduce((a, x) => a + f(x), 0);
}

/** Each count in `fields` of the merged point `p` is the sum over the seconds it merges. */
function expectSums<T>(p: T, seconds: T[], fields: (keyof T & string)[], where: string): void {
  for (const f of fields) expect(p[f], `${where} ${f}`).toBe(sumOf(seconds, (x) => Number(x[f])));
}

function groups<T extends { second: number }>(points: T[]): T[][] {
  const out: T[][] = [];
  for (const p of points) {
    const i = Math.floor(p.second / WIDTH);
    if (out[i] === undefined) out[i] = [];
    out[i].push(p);
  }
  return out;
}

describe('series resolution', async () => {
  const [scenario] = parseScenario(TEXT, 'merged.yaml').variants;
  const fine = await runScenario(scenario);
  const coarse = await runScenario(scenario, { seriesResolutionS: WIDTH });

  it('a short run keeps one point per second and does not name its resolution', () => {
    expect(fine.series.resolutionS).toBeUndefined();
    expect(fine.series.requests.get('overall')?.map((p) => p.second)).toEqual(
      Array.from({ length: 63 }, (_, i) => i),
    );
    expect(coarse.series.resolutionS).toBe(WIDTH);
  });

  it('request series: sums of counts, largest max, weighted mean, last in-flight level', () => {
    expect([...coarse.series.requests.keys()]).toEqual([...fine.series.requests.keys()]);
    for (const [key, points] of coarse.series.requests) {
      const seconds = groups(fine.series.requests.get(key) as SeriesPoint[]);
      expect(points.map((p) => p.second)).toEqual([
        0, 5, 10, 15, 20, 25, 30, 35, 40, 45, 50, 55, 60,
      ]);
      points.forEach((p, i) => {
        const s = seconds[i];
        const sum = (f: (x: SeriesPoint) => number) => sumOf(s, f);
        expectSums(
          p,
          s,
          ['arrivals', 'ok', 'rejected', 'timedOut', 'failed'],
          `${key} ${p.second}`,
        );
        expect(p.maxMs).toBe(Math.max(...s.map((x) => x.maxMs)));
        expect(p.inFlight).toBe(s[s.length - 1].inFlight);
        const n = sum(finished);
        expect(p.meanMs).toBeCloseTo(n > 0 ? sum((x) => x.meanMs * finished(x)) / n : 0, 9);
        // a percentile of the union lies between the parts' (same buckets in every histogram)
        for (const q of ['p50Ms', 'p90Ms', 'p99Ms'] as const) {
          const parts = s.filter((x) => finished(x) > 0).map((x) => x[q]);
          if (parts.length === 0) continue;
          expect(p[q]).toBeGreaterThanOrEqual(Math.min(...parts));
          expect(p[q]).toBeLessThanOrEqual(Math.max(...parts));
        }
      });
    }
  });

  it('component series: sums of counts, means of the time-weighted figures', () => {
    for (const [id, points] of coarse.series.components) {
      const seconds = groups(fine.series.components.get(id) as StationPoint[]);
      expect(points).toHaveLength(13);
      points.forEach((p, i) => {
        const s = seconds[i];
        expectSums(p, s, ['arrivals', 'completed', 'rejected'], `${id} ${p.second}`);
        // every second but the last bucket's is a whole second: means weigh seconds equally
        expect(p.utilisation).toBeCloseTo(sumOf(s, (x) => x.utilisation) / s.length, 9);
        expect(p.queueMean).toBeCloseTo(sumOf(s, (x) => x.queueMean) / s.length, 9);
        expect(p.instances).toBe(s[s.length - 1].instances);
      });
    }
  });

  it('the summary does not depend on the resolution (only the tick events differ)', () => {
    // time-weighted areas are summed in other pieces at other tick times: the last bits differ
    const close = (x: unknown) =>
      JSON.parse(
        JSON.stringify(x, (_, v) => (typeof v === 'number' ? Number(v.toPrecision(12)) : v)),
      );
    const { run: a, ...restFine } = fine.summary;
    const { run: b, ...restCoarse } = coarse.summary;
    expect(close(restCoarse)).toEqual(close(restFine));
    expect(b.requests).toBe(a.requests);
    expect(a.events - b.events).toBe(63 - 13);
    expect(coarse.distributions).toEqual(fine.distributions);
  });
});
