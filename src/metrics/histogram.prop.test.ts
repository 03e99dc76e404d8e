/**
 * Percentiles keep their stated error: HdrHistogram (3 significant digits: ≤ 0.1 % relative)
 * for the summaries, the log-linear series histogram (128 sub-buckets per octave: ≤ 0.4 % at
 * the bucket midpoint) for the per-second series; neither reports a percentile above the max.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { LatencyHistogram, prepareHistograms } from './histogram.ts';
import { LogHistogram } from './log-histogram.ts';

/** The exact value of rank ⌈p/100 · n⌉ (at least 1) in sorted data. */
function exact(sorted: number[], p: number): number {
  return sorted[Math.max(1, Math.ceil((p / 100) * sorted.length)) - 1];
}

const latencies = fc.array(fc.double({ min: 0.01, max: 60_000, noNaN: true }), {
  minLength: 1,
  maxLength: 400,
});
const PS = [50, 90, 99, 99.9, 100];

beforeAll(prepareHistograms);

describe('histogram accuracy', () => {
  it('HdrHistogram percentiles are within 0.1 % (+1 µs of rounding) of the exact ones', () => {
    fc.assert(
      fc.property(latencies, (xs) => {
        const h = new LatencyHistogram();
        for (const x of xs) h.record(x);
        const sorted = [...xs].sort((a, b) => a - b);
        const s = h.stats();
        for (const [p, got] of [
          [50, s.p50Ms],
          [90, s.p90Ms],
          [99, s.p99Ms],
          [99.9, s.p999Ms],
          [100, s.maxMs],
        ] as const) {
          const want = exact(sorted, p);
          expect(Math.abs(got - want)).toBeLessThanOrEqual(want * 0.001 + 0.001);
          expect(got).toBeLessThanOrEqual(s.maxMs);
        }
        expect(s.count).toBe(xs.length);
        h.dispose();
      }),
      { seed: 5, numRuns: 200 },
    );
  });

  it('series histogram percentiles are within 0.4 % and never above the max, also after add()', () => {
    fc.assert(
      fc.property(latencies, latencies, (a, b) => {
        const ha = new LogHistogram();
        const hb = new LogHistogram();
        for (const x of a) ha.record(x);
        for (const x of b) hb.record(x);
        ha.add(hb);
        const sorted = [...a, ...b].sort((x, y) => x - y);
        const got = ha.percentiles(PS);
        PS.forEach((p, i) => {
          const want = exact(sorted, p);
          expect(Math.abs(got[i] - want)).toBeLessThanOrEqual(want * 0.004 + 1e-9);
          expect(got[i]).toBeLessThanOrEqual(ha.max);
        });
        ha.reset();
        expect(ha.percentiles([50])).toEqual([0]);
        expect(ha.count).toBe(0);
        // reused after a reset, it holds only what came after
        for (const x of b) ha.record(x);
        const sortedB = [...b].sort((x, y) => x - y);
        const again = ha.percentiles(PS);
        PS.forEach((p, i) => {
          const want = exact(sortedB, p);
          expect(Math.abs(again[i] - want)).toBeLessThanOrEqual(want * 0.004 + 1e-9);
        });
      }),
      { seed: 6, numRuns: 300 },
    );
  });
});
