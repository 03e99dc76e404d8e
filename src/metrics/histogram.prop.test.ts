/**
 * Percentiles keep their stated error: HdrHistogram (3 significant digits: ≤ 0.1 % relative)
 * for the summaries, the log-linear series histogram (128 sub-buckets per octave: ≤ 0.4 % at
 * the bucket midpoint) for the per-second series; neither reports a percentile above the max.
 */
import fc from 'fast-check';
import { build } from 'hdr-histogram-js';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  DISTRIBUTION_PERCENTILES,
  HDR_OPTIONS,
  LatencyHistogram,
  prepareHistograms,
  resolutionMs,
} from './histogram.ts';
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

/** An HdrHistogram fed value by value, as LatencyHistogram's configuration. */
function reference(values: number[]) {
  const h = build(HDR_OPTIONS);
  for (const v of values) h.recordValue(Math.round(v * 1000));
  return h;
}

describe('LatencyHistogram counting on the JS side', () => {
  it('gives exactly what HdrHistogram gives when fed value by value', () => {
    // from sub-µs to hours: exact µs below 2 ms, every bucket size, and the direct path ≥ 2^31 µs
    const value = fc.oneof(
      fc.double({ min: 0, max: 3, noNaN: true }),
      fc.double({ min: 0, max: 60_000, noNaN: true }),
      fc.double({ min: 0, max: 1e7, noNaN: true }),
      fc.integer({ min: 0, max: 2_000_000 }).map((us) => us / 1000),
      // half-µs ties and their neighbours (record() rounds them without Math.round)
      fc
        .tuple(fc.integer({ min: 0, max: 2_000_000 }), fc.integer({ min: -2, max: 2 }))
        .map(([us, d]) => (us + 0.5 + d * Number.EPSILON * (us + 1)) / 1000),
      fc.constantFrom(
        0.0004999999999999999,
        0.0005,
        0.0005000000000000001,
        2 ** 31 / 1000 - 0.0005,
      ),
    );
    fc.assert(
      fc.property(
        fc.array(value, { maxLength: 600 }),
        fc.array(value, { maxLength: 50 }),
        (a, b) => {
          const h = new LatencyHistogram();
          for (const x of a) h.record(x);
          const other = new LatencyHistogram();
          for (const x of b) other.record(x);
          h.add(other);
          const ref = reference([...a, ...b]);
          const want = {
            count: ref.totalCount,
            meanMs: ref.totalCount === 0 ? 0 : ref.mean / 1000,
            maxMs: ref.totalCount === 0 ? 0 : ref.maxValue / 1000,
          };
          const got = h.stats();
          expect({ count: got.count, meanMs: got.meanMs, maxMs: got.maxMs }).toEqual(want);
          expect(h.distribution()).toEqual(
            ref.totalCount === 0
              ? []
              : DISTRIBUTION_PERCENTILES.map((p) => ({
                  p,
                  ms: Math.min(ref.getValueAtPercentile(p), ref.maxValue) / 1000,
                })),
          );
          // reused after a reset, it holds only what came after
          h.reset();
          for (const x of b) h.record(x);
          const refB = reference(b);
          expect(h.count).toBe(refB.totalCount);
          expect(h.percentile(99)).toBe(
            refB.totalCount === 0
              ? 0
              : Math.min(refB.getValueAtPercentile(99), refB.maxValue) / 1000,
          );
          for (const x of [h, other]) x.dispose();
          for (const x of [ref, refB]) x.destroy();
        },
      ),
      { seed: 7, numRuns: 300 },
    );
  });

  it('counts 20,000 distinct values across many buckets the same', () => {
    const values = Array.from({ length: 20_000 }, (_, i) => i * 0.37);
    const h = new LatencyHistogram();
    for (const v of values) h.record(v);
    const ref = reference(values);
    expect(h.stats()).toEqual({
      count: ref.totalCount,
      meanMs: ref.mean / 1000,
      p50Ms: Math.min(ref.getValueAtPercentile(50), ref.maxValue) / 1000,
      p90Ms: Math.min(ref.getValueAtPercentile(90), ref.maxValue) / 1000,
      p99Ms: Math.min(ref.getValueAtPercentile(99), ref.maxValue) / 1000,
      p999Ms: Math.min(ref.getValueAtPercentile(99.9), ref.maxValue) / 1000,
      maxMs: ref.maxValue / 1000,
    });
    h.dispose();
    ref.destroy();
  });
});

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

describe('resolutionMs', () => {
  /** The p50 of a histogram holding `ms` and a larger value (so that the max does not cap it). */
  function alone(ms: number): number {
    const h = new LatencyHistogram();
    h.record(ms);
    h.record(2_000_000);
    const p = h.percentile(50);
    h.dispose();
    return p;
  }

  it('is the width of the bucket a value is counted in: a value one resolution up is in the next', () => {
    expect(resolutionMs(1.5)).toBe(0.001);
    expect(resolutionMs(2.047)).toBe(0.001);
    expect(resolutionMs(2.048)).toBe(0.002);
    expect(resolutionMs(361.215)).toBe(0.256);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 30 }), (us) => {
        const ms = us / 1000;
        const r = resolutionMs(ms);
        // the lowest value of its bucket, and the lowest of the next bucket
        const low = Math.floor(us / (r * 1000)) * r * 1000;
        expect(alone(low / 1000)).toBe(alone(ms));
        expect(alone((low + r * 1000) / 1000)).not.toBe(alone(ms));
      }),
      { numRuns: 300 },
    );
  });
});
