/**
 * The scenario keys of workloads from real data: `replay:` and `rateProfile:` normalize to what
 * the model is given (kind `replay`; an open workload with its `profile`), and combinations
 * that make no sense are located errors.
 */
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../model/language.ts';
import { replayDefaults } from '../test-support/replay.ts';
import { ScenarioError } from './issues.ts';

const doc = (workload: string, extra = '') => `version: 1
name: data
duration: 10s
${extra}workloads:
  w: ${workload}
services:
  web:
    endpoints:
      home: { steps: [ { cpu: 1ms } ] }
`;

function problems(text: string): string[] {
  try {
    parseScenario(text, 'd.yaml');
    return [];
  } catch (e) {
    if (!(e instanceof ScenarioError)) throw e;
    return e.issues.map((i) => `${i.line}:${i.col} ${i.code} ${i.message}`);
  }
}

describe('replay: and rateProfile:', () => {
  it('normalize with their defaults', () => {
    const s = parseScenario(doc('{ replay: { file: log.csv }, target: web/home }'), 'd.yaml')
      .variants[0];
    expect(s.workloads[0]).toMatchObject({
      kind: 'replay',
      replay: replayDefaults('log.csv'),
    });
    const j = parseScenario(
      doc('{ replay: { file: t.JSON, speed: 2.5 }, target: web/home }'),
      'd.yaml',
    );
    expect(j.variants[0].workloads[0]).toMatchObject({ replay: { format: 'otlp', speed: 2.5 } });
    const p = parseScenario(
      doc('{ rateProfile: { file: p.csv, rate: perSec }, target: web/home }'),
      'd.yaml',
    );
    expect(p.variants[0].workloads[0]).toMatchObject({
      kind: 'open',
      rate: [],
      profile: { file: 'p.csv', speed: 1, time: 'time', rate: 'perSec', unit: 's' },
    });
  });

  it('refuse a second source of arrivals, a schedule without a rate, a bad speed', () => {
    expect(problems(doc('{ replay: { file: a.csv }, rate: 5/s, target: web/home }'))).toEqual([
      '5:16 workload-arrival a workload has one of rate:, users:, replay: and rateProfile:, not rate: and replay:',
    ]);
    expect(
      problems(
        doc(
          '{ rateProfile: { file: p.csv }, schedule: [ { at: 1s, rate: 2/s } ], target: web/home }',
        ),
      )[0],
    ).toContain('misplaced-key');
    expect(problems(doc('{ replay: { file: a.csv, speed: 0 }, target: web/home }'))[0]).toMatch(
      /^5:\d+ too-small/,
    );
    expect(problems(doc('{ replay: { file: a.csv } }'))[0]).toContain('workload-target');
    expect(problems(doc('{ replay: { fil: a.csv }, target: web/home }')).join('\n')).toContain(
      'unknown-key',
    );
  });

  it('trace: normalizes with its defaults', () => {
    const s = parseScenario(
      doc('{ rate: 1/s, target: web/home }', 'trace: { every: 10 }\n'),
      'd.yaml',
    );
    expect(s.variants[0].trace).toEqual({ slowest: 5, failed: 20, every: 10, sampled: 20 });
    expect(
      parseScenario(doc('{ rate: 1/s, target: web/home }'), 'd.yaml').variants[0].trace,
    ).toBeUndefined();
  });
});
