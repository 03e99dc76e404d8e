/**
 * The series' resolution: one second per point up to MAX_SERIES_POINTS seconds (so every
 * shipped scenario, and its goldens, stay per second), then the smallest round width that keeps
 * a series within MAX_SERIES_POINTS points; a requested width wins.
 */
import { describe, expect, it } from 'vitest';
import { MAX_SERIES_POINTS, seriesResolutionS } from './resolution.ts';

const H = 3_600_000;

describe('seriesResolutionS', () => {
  it('keeps one second per point up to MAX_SERIES_POINTS seconds', () => {
    expect(MAX_SERIES_POINTS).toBe(4000);
    expect(seriesResolutionS(1)).toBe(1);
    expect(seriesResolutionS(360_000)).toBe(1); // the longest shipped scenario: 6 min
    expect(seriesResolutionS(4_000_000)).toBe(1);
  });

  it('chooses the smallest round width within MAX_SERIES_POINTS points beyond', () => {
    expect(seriesResolutionS(4_000_001)).toBe(2);
    expect(seriesResolutionS(8_000_000)).toBe(2);
    expect(seriesResolutionS(8_000_001)).toBe(5);
    expect(seriesResolutionS(24 * H)).toBe(30); // a day: 2,880 points
    expect(seriesResolutionS(7 * 24 * H)).toBe(300); // a week: 2,016 points
    expect(seriesResolutionS(4000 * H)).toBe(3600);
    expect(seriesResolutionS(4001 * H)).toBe(7200);
    for (const d of [4_000_001, 9e6, 24 * H, 7 * 24 * H, 1e10]) {
      const w = seriesResolutionS(d);
      expect(Math.ceil(d / 1000 / w)).toBeLessThanOrEqual(MAX_SERIES_POINTS);
    }
  });

  it('gives the requested width whatever the duration', () => {
    expect(seriesResolutionS(7 * 24 * H, 1)).toBe(1);
    expect(seriesResolutionS(10_000, 5)).toBe(5);
  });
});
