/**
 * A timeout that fails every request is a warning in the run's console block: a unitless
 * `timeout: 0.2` is 0.2 ms, shorter than any answer.
 */
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../../model/language.ts';
import { runScenario } from '../../../model/run.ts';
import { sleepyApi } from '../../../test-support/yaml.ts';
import { timeoutWarnings } from './endpoints.ts';

const scenario = (timeout: string) => sleepyApi(timeout, '5ms', '5s');

describe('a timeout that fails every request', () => {
  it('is a warning in the run’s console block, and nothing when some succeed', async () => {
    const [short] = parseScenario(scenario('0.2'), 's.yaml').variants;
    const run = await runScenario(short);
    expect(timeoutWarnings(run.summary)).toMatch(
      /^\n⚠ every request to api\/get timed out \(\d+ of \d+\): a timeout is shorter than the answer can ever be; a number without a unit is milliseconds/,
    );
    const [fine] = parseScenario(scenario('200ms'), 's.yaml').variants;
    expect(timeoutWarnings((await runScenario(fine)).summary)).toBe('');
  });
});
