/**
 * The plan of `msasim spof`: the variant, the default window (the middle third of the measured
 * time, whole seconds), the scenario's own faults left out, one crash per failed component,
 * the note below the matrix, and the usage errors of a bad --variant, --duration or --at.
 */
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../model/language.ts';
import type { Scenario } from '../scenario/types.ts';
import { crashOf, failing, planSpof, type SpofPlan, spofText } from './spof-plan.ts';
import { timeWords } from './time-words.ts';

const YAML = `
version: 1
name: two
duration: 40s
warmup: 10s
workloads:
  w: { rate: 10/s, target: a/x }
services:
  a:
    endpoints:
      x: { steps: [{ query: { db: db } }] }
databases:
  db: {}
faults:
  f: { kind: crash, target: db, at: 20s, for: 5s }
variants:
  one: {}
  other: { set: { duration: 70s } }
`;

const variants: Scenario[] = parseScenario(YAML, 'two.yaml').variants;
const plan = (over: Partial<Parameters<typeof planSpof>[0]> = {}) =>
  planSpof({ name: 'two', variants, ...over });

describe('planSpof', () => {
  it('takes the first variant, leaves its faults out and fails the middle third', () => {
    const p = plan() as SpofPlan;
    expect(p.scenario.variant).toBe('one');
    expect(p.scenario.faults).toEqual([]);
    expect(p.ownFaults).toBe(1);
    expect(p.window).toEqual({ startMs: 20_000, endMs: 30_000 });
    expect(p.seed).toBe(variants[0].seed);
  });

  it('follows --variant, --duration, --at, --for and --seed', () => {
    const p = plan({
      variant: 'other',
      durationMs: 100_000,
      atMs: 15_000,
      forMs: 200_000,
      seed: 9,
    });
    expect(p).toMatchObject({ window: { startMs: 15_000, endMs: 100_000 }, seed: 9 });
    expect((p as SpofPlan).scenario.durationMs).toBe(100_000);
  });

  it('says what is wrong with the command line', () => {
    expect(plan({ variant: 'nope' })).toEqual({
      usage: '--variant nope: no such variant; two has one, other.',
      usageKo: '--variant nope: 그런 변형이 없습니다. two의 변형: one, other.',
    });
    expect(
      planSpof({ name: 'one', variants: [{ ...variants[0], variant: undefined }], variant: 'x' }),
    ).toEqual({
      usage: '--variant x: one has no variants.',
      usageKo: '--variant x: one에는 변형이 없습니다.',
    });
    expect(plan({ durationMs: 5000 })).toEqual({
      usage: '--duration 5 s is not longer than the warm-up (10 s).',
      usageKo: '--duration 5 s: 워밍업(10 s)보다 길어야 합니다.',
    });
    expect(plan({ atMs: 5000 })).toEqual({
      usage: '--at 5 s must fall after the warm-up (10 s) and before the end (40 s).',
      usageKo: '--at 5 s: 워밍업(10 s) 뒤, 끝(40 s) 전이어야 합니다.',
    });
    expect(plan({ atMs: 100_500 })).toEqual({
      usage: '--at 100.5 s must fall after the warm-up (10 s) and before the end (40 s).',
      usageKo: '--at 100.5 s: 워밍업(10 s) 뒤, 끝(40 s) 전이어야 합니다.',
    });
    expect(timeWords(250)).toBe('250 ms');
  });
});

describe('the failures', () => {
  it('fail one component each, over the window, and nothing else', () => {
    const p = plan() as SpofPlan;
    const s = failing(p, 'db', 'hang');
    expect(s.faults).toEqual([crashOf('db', 'hang', p.window)]);
    expect(s.faults[0]).toMatchObject({
      id: 'spof-db',
      kind: 'crash',
      component: 'db',
      mode: 'hang',
    });
    expect(p.scenario.faults).toEqual([]);
  });

  it('are followed by a note when the scenario had faults of its own', () => {
    const data = {
      format: 1,
      scenario: { name: 'two', description: '', file: 'two.yaml' },
      variant: 'one',
      seed: 1,
      fault: {
        kind: 'crash' as const,
        mode: 'refuse' as const,
        window: { startMs: 0, endMs: 1000 },
      },
      endpoints: [],
      baseline: [],
      rows: [],
    };
    expect(spofText(data, 0)).not.toContain('left out');
    expect(spofText(data, 1)).toContain("(the scenario's own fault is left out");
    expect(spofText(data, 2)).toContain("(the scenario's own 2 faults are left out");
  });
});
