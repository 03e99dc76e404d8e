/** Tests of highlights.ts's reading of summary.json (the DOM part is drawn in the browser test). */
import { describe, expect, it } from 'vitest';
import { highlightRows, shortNumber } from './highlights.ts';

const run = (variant: string | null, p99: number, slos?: boolean[]) => ({
  scenario: { name: 'shop', variant },
  overall: { latency: { p99Ms: p99 }, throughputPerSec: 990.5, errorRate: 0.0123 },
  ...(slos ? { slos: slos.map((pass) => ({ pass, text: 'p99 ≤ 20ms' })) } : {}),
});

describe('highlightRows', () => {
  it('reads each variant’s p99, throughput, errors and SLO verdicts', () => {
    const json = JSON.stringify({ runs: [run(null, 12.345, [true, false]), run('big', 3)] });
    expect(highlightRows(json)).toEqual([
      { variant: 'shop', p99: 12.345, throughput: 990.5, errors: 0.0123, slos: [true, false] },
      { variant: 'big', p99: 3, throughput: 990.5, errors: 0.0123, slos: [] },
    ]);
  });

  it('reads the means and 95 % half-widths over several replications', () => {
    const estimate = (metric: string, mean: number, halfWidth: number | null) => ({
      key: `overall||${metric}`,
      estimate: { n: 3, mean, halfWidth },
    });
    const replicated = {
      ...run(null, 12.345),
      estimates: [
        estimate('p50Ms', 5, 1),
        estimate('p99Ms', 13.85, 0.98),
        estimate('throughputPerSec', 1003.2, 81.3),
        estimate('errorRate', 0.01, null),
      ],
    };
    expect(highlightRows(JSON.stringify({ runs: [replicated] }))).toEqual([
      {
        variant: 'shop',
        p99: 13.85,
        throughput: 1003.2,
        errors: 0.01,
        slos: [],
        ci: { p99: 0.98, throughput: 81.3, errors: 0, n: 3 },
      },
    ]);
  });

  it('shows three significant digits, whole numbers from 100 up, grouped as the report groups them', () => {
    expect([12.345, 0.01234, 990.5, 5320.703, 1_234_567].map(shortNumber)).toEqual([
      '12.3',
      '0.0123',
      '991',
      '5,321',
      '1,234,567',
    ]);
  });
});
