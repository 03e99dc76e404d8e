/** The time-weighted level: means over windows and buckets, max, reset at the warm-up. */
import { describe, expect, it } from 'vitest';
import { TimeWeighted } from './time-weighted.ts';

describe('TimeWeighted', () => {
  it('averages a level over time, not over changes', () => {
    const t = new TimeWeighted();
    t.set(0, 2); // 2 for 10 ms
    t.set(10, 0); // 0 for 30 ms
    t.set(40, 4); // 4 for 10 ms
    expect(t.mean(50)).toBeCloseTo((2 * 10 + 4 * 10) / 50, 12);
    expect(t.max).toBe(4);
  });

  it('splits the area into buckets that add up to the whole', () => {
    const t = new TimeWeighted();
    t.set(0, 1);
    t.set(500, 3);
    const first = t.closeBucket(1000); // 1×500 + 3×500
    t.set(1500, 0);
    const second = t.closeBucket(2000); // 3×500
    expect(first).toBe(2000);
    expect(second).toBe(1500);
    expect(t.mean(2000)).toBeCloseTo(3500 / 2000, 12);
  });

  it('starts a new window at reset, keeping the current level', () => {
    const t = new TimeWeighted();
    t.set(0, 5);
    t.reset(100);
    expect(t.mean(200)).toBe(5);
    expect(t.max).toBe(5);
  });
});
