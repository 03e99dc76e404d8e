/**
 * A number without a unit is milliseconds: a duration written as a number below 1 is warned
 * of, located, with the unit it probably meant; written with its unit, or 1 and above, it is not.
 */
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../model/language.ts';
import { sleepyApi } from '../test-support/yaml.ts';

const scenario = (timeout: string, sleep: string) => sleepyApi(timeout, sleep, '20s');

describe('unitless durations', () => {
  it('warns of a number below 1 (milliseconds), located, with the unit it may have meant', () => {
    const loaded = parseScenario(scenario('0.2', '{ dist: exponential, mean: 0.5 }'), 's.yaml');
    const w = loaded.warnings.filter((i) => i.code === 'unitless-sub-millisecond');
    expect(w.map((i) => [i.message, i.line])).toEqual([
      ['`timeout: 0.2` has no unit, so it is 0.2 ms (a number is milliseconds)', 5],
      ['`mean: 0.5` has no unit, so it is 0.5 ms (a number is milliseconds)', 11],
    ]);
    expect(w[0].hint).toBe('write "0.2ms" if you mean it, or "0.2s" for seconds');
  });

  it('says nothing with a unit, at 0, or from 1 ms on', () => {
    for (const [timeout, sleep] of [
      ['0.2ms', '0.5ms'],
      ['"200ms"', '0'],
      ['1', '250'],
    ]) {
      const loaded = parseScenario(scenario(timeout, sleep), 's.yaml');
      expect(loaded.warnings.map((i) => i.code)).not.toContain('unitless-sub-millisecond');
    }
  });
});
