/**
 * The highlights' values in words: a histogram percentile whose replications fall in one bucket
 * says how finely it is measured ("± <0.256 ms"), never "± 0.00 ms"; other figures keep their
 * half-width as computed.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { prepareHistograms } from '../metrics/histogram.ts';
import { keyEstimate } from '../test-support/key-estimates.ts';
import { halfWidthText, isHistogramPercentile, valueText } from './highlights-text.ts';
import { keyMetricsTable } from './html/key-metrics-table.ts';
import type { MetricEstimate, MetricUnit } from './key-metrics.ts';
import type { ReportData } from './report-data-types.ts';

beforeAll(prepareHistograms);

const est = (metric: string, unit: MetricUnit, values: number[]): MetricEstimate =>
  keyEstimate(`overall||${metric}`, values, unit);

describe('valueText', () => {
  it('gives a percentile the same in every replication its bucket width, not ± 0.00 ms', () => {
    // the headline's n-plus-1 p50: three replications in the 256 µs bucket at 361.215 ms
    expect(valueText(est('p50Ms', 'ms', [361.215, 361.215, 361.215]))).toBe('361 ms ± <0.256 ms');
    expect(valueText(est('p50Ms', 'ms', [11.127, 11.127, 11.127]))).toBe('11.1 ms ± <0.008 ms');
    expect(valueText(est('stalenessP99Ms', 'ms', [30.5, 30.5, 30.5]))).toBe('30.5 ms ± <0.016 ms');
    expect(valueText(est('p99Ms', 'ms', [60_000, 60_000, 60_000]), 'ko')).toBe(
      '60,000 ms ± <32.8 ms',
    );
  });

  it('keeps a half-width the histogram resolves or its last digit does, and that of figures other than percentiles', () => {
    expect(valueText(est('p50Ms', 'ms', [5.091, 5.103, 5.083]))).toBe('5.09 ms ± 0.03 ms');
    // buckets finer than the last digit of "0.00 ms" (1 µs, 4 µs): it says no more than they do
    expect(valueText(est('stalenessP99Ms', 'ms', [0, 0, 0]))).toBe('0.00 ms ± 0.00 ms');
    expect(valueText(est('p50Ms', 'ms', [6.067, 6.067, 6.067]))).toBe('6.07 ms ± 0.00 ms');
    // a mean is no bucket's value: its 0 is a 0
    expect(valueText(est('authTimeMeanMs', 'ms', [0.02, 0.02, 0.02]))).toBe('0.02 ms ± 0.00 ms');
    expect(valueText(est('throughputPerSec', 'per-sec', [10, 10, 10]))).toBe('10.0/s ± 0/s');
  });

  it('knows the percentiles by their metric names', () => {
    for (const m of ['p50Ms', 'p999Ms', 'stalenessP99Ms', 'pendingTimeP99Ms', 'durationP99Ms'])
      expect(isHistogramPercentile(m), m).toBe(true);
    for (const m of ['meanMs', 'maxMs', 'waitMeanMs', 'lockHoldMaxMs', 'throughputPerSec'])
      expect(isHistogramPercentile(m), m).toBe(false);
  });
});

describe('halfWidthText', () => {
  it('is the same in the comparison table as in the highlights', () => {
    const p50 = est('p50Ms', 'ms', [361.215, 361.215, 361.215]);
    expect(halfWidthText(p50)).toBe('± <0.256 ms');
    expect(halfWidthText({ ...p50, estimate: { ...p50.estimate, halfWidth: null } })).toBeNull();
    const data = {
      scenario: { name: 'headline' },
      variants: [{ variant: 'n-plus-1', estimates: [p50] }],
      comparisons: [],
    } as unknown as ReportData;
    const table = keyMetricsTable(data, 'overall', ['p50Ms']).toString();
    expect(table).toContain('± &lt;0.256 ms');
    expect(table).not.toContain('± 0.00 ms');
  });
});
