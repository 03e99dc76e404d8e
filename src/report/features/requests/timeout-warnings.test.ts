/**
 * A timeout that fails every request is a warning in the run's console block: a unitless
 * `timeout: 0.2` is 0.2 ms, shorter than any answer.
 */
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../../model/language.ts';
import { runScenario } from '../../../model/run.ts';
import { sleepyApi } from '../../../test-support/yaml.ts';
import { causesText, timeoutWarnings } from './endpoints.ts';

const scenario = (timeout: string) => sleepyApi(timeout, '5ms', '5s');

describe('a timeout that fails every request', () => {
  it('is a warning in the run’s console block, and nothing when some succeed', async () => {
    const [short] = parseScenario(scenario('0.2'), 's.yaml').variants;
    const run = await runScenario(short);
    expect(timeoutWarnings(run.summary)).toMatch(
      /^\n⚠ every request to api\/get timed out \(\d+ of \d+\): either the timeout is shorter than any answer can be \(a number without a unit is milliseconds/,
    );
    const [fine] = parseScenario(scenario('200ms'), 's.yaml').variants;
    expect(timeoutWarnings((await runScenario(fine)).summary)).toBe('');
  });

  it('names an inner call step whose every call timed out, even when a fallback answers the request', async () => {
    const inner = (timeout: string) => `version: 1
name: inner
duration: 5s
workloads:
  browse: { rate: 20/s, target: front/page }
services:
  front:
    endpoints:
      page:
        steps:
          - call: back/get
            timeout: ${timeout}
            fallback: { kind: default }
  back:
    endpoints:
      get:
        steps:
          - sleep: 5ms
`;
    const [short] = parseScenario(inner('0.2'), 's.yaml').variants;
    const { summary } = await runScenario(short);
    // the fallback answers every request: no entry endpoint timed out, the inner step did
    expect(summary.endpoints[0].outcomes.timedOut).toBe(0);
    const calls = summary.callsAllTimedOut?.[0].calls ?? 0;
    expect(calls).toBeGreaterThan(50);
    expect(summary.callsAllTimedOut).toEqual([
      { step: 'front/page/0', from: 'front', to: 'back/get', calls },
    ]);
    expect(timeoutWarnings(summary)).toBe(
      `\n⚠ every call of front/page/0 (front → back/get) timed out (${calls} of ${calls}): either the timeout is shorter than any answer can be (a number without a unit is milliseconds: \`timeout: 0.2\` is 0.2 ms) or what it waits for is too overloaded to answer in time`,
    );
    // a timeout some calls meet: no warning, and no field in summary.json
    const [fine] = parseScenario(inner('200ms'), 's.yaml').variants;
    const ok = (await runScenario(fine)).summary;
    expect(ok.callsAllTimedOut).toBeUndefined();
    expect(timeoutWarnings(ok)).toBe('');
  });

  it('lists the failure causes in Korean with --lang ko (by pattern), English unchanged', async () => {
    const [short] = parseScenario(scenario('0.2'), 's.yaml').variants;
    const { summary } = await runScenario(short);
    const en = causesText(summary);
    expect(en).toMatch(/^\nfailures:\n {2}\d+× timeout: /);
    const ko = causesText(summary, 'ko');
    expect(ko).toMatch(/^\n실패:\n {2}\d+× 타임아웃: /);
    expect(ko).not.toMatch(/timeout/);
  });
});
