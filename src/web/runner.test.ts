/** Tests of runner.ts's pool size: variants spread over the cores but one, at most four workers. */
import { describe, expect, it } from 'vitest';
import { poolSize } from './runner.ts';

describe('poolSize', () => {
  // the cores but one, no more workers than variants, at most four, at least one
  it.each([
    [8, 5, 4],
    [4, 5, 3],
    [8, 2, 2],
    [2, 5, 1],
    [1, 5, 1],
    [undefined, 5, 1],
    [8, 1, 1],
  ])('%s cores, %s variants: %s workers', (cores, variants, workers) => {
    expect(poolSize(cores, variants)).toBe(workers);
  });
});
