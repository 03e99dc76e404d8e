/** Tests of runner.ts's pool size: variants spread over the cores but one, at most four workers. */
import { describe, expect, it } from 'vitest';
import { poolSize } from './runner.ts';

describe('poolSize', () => {
  it('uses the cores but one, no more workers than variants, at most four, at least one', () => {
    expect(poolSize(8, 5)).toBe(4);
    expect(poolSize(4, 5)).toBe(3);
    expect(poolSize(8, 2)).toBe(2);
    expect(poolSize(2, 5)).toBe(1);
    expect(poolSize(1, 5)).toBe(1);
    expect(poolSize(undefined, 5)).toBe(1);
    expect(poolSize(8, 1)).toBe(1);
  });
});
