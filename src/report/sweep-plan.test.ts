/**
 * The planning of `msasim sweep`: which grids can be swept, each point's overrides, the check of
 * every point before anything runs (every problem at once, sorted and once each; a --duration
 * too short, once or point by point), the runs of a point, and the account line.
 */
import { describe, expect, it } from 'vitest';
import type { ScenarioIssue } from '../scenario/issues.ts';
import type { LoadedScenario } from '../scenario/load.ts';
import type { Scenario } from '../scenario/types.ts';
import {
  checkGrid,
  gridProblem,
  MAX_GRID_POINTS,
  overridesAt,
  pointRuns,
  runsOf,
  sweepAccount,
} from './sweep-plan.ts';

const A = { path: 'a', values: [1, 2] };
const B = { path: 'b', values: ['x', 'y', 'z'] };

const issue = (line: number, message: string): ScenarioIssue =>
  ({
    code: 'unknown-reference',
    severity: 'error',
    path: [],
    message,
    file: 's.yaml',
    line,
    col: 1,
  }) as ScenarioIssue;

const loaded = (warmups: number[], warnings: ScenarioIssue[] = []): LoadedScenario => ({
  file: 's.yaml',
  name: 's',
  description: '',
  variants: warmups.map((warmupMs, i) => ({ variant: `v${i}`, warmupMs }) as Scenario),
  highlights: [],
  replications: null,
  warnings,
});

describe('the grid', () => {
  it('needs a parameter and at most MAX_GRID_POINTS points', () => {
    expect(gridProblem([])).toMatch(/at least one --param/);
    expect(gridProblem([A, B])).toBeUndefined();
    const big = { path: 'c', values: Array.from({ length: MAX_GRID_POINTS + 1 }, (_, i) => i) };
    expect(gridProblem([big])).toMatch(/has 100001 points; at most 100000/);
  });

  it('says the same in Korean (--lang ko)', () => {
    expect(gridProblem([], 'ko')).toBe(
      '스윕에는 --param services.orders.instances=2,4,8처럼 --param path=value,value,…가 하나 이상 필요합니다.',
    );
    const big = { path: 'c', values: Array.from({ length: MAX_GRID_POINTS + 1 }, (_, i) => i) };
    expect(gridProblem([big], 'ko')).toMatch(
      /^--param 값의 격자가 점 100001개입니다. 최대 100000개/,
    );
  });

  it('gives each point its overrides, labelled as typed', () => {
    expect(overridesAt([A, B], 4)).toEqual([
      { path: 'a', value: 2, label: '--param a=2', pathLabel: '--param a' },
      { path: 'b', value: 'y', label: '--param b=y', pathLabel: '--param b' },
    ]);
  });
});

describe('checkGrid', () => {
  it('returns the first point with the warnings of every point, each once', () => {
    const seen: number[] = [];
    const verdict = checkGrid(
      [A],
      undefined,
      (o) => ({ loaded: loaded([1000], [issue(2, `warn ${o[0].value}`), issue(1, 'same')]) }),
      (i) => seen.push(i),
    );
    expect(seen).toEqual([0, 1]);
    expect('loaded' in verdict && verdict.loaded.warnings.map((w) => w.message)).toEqual([
      'same',
      'warn 1',
      'warn 2',
    ]);
  });

  it('collects the problems of every point, in file order, each once', () => {
    const verdict = checkGrid([A, B], undefined, (o) =>
      o[0].value === 1
        ? { issues: [issue(9, 'late'), issue(3, 'early')] }
        : { loaded: loaded([0]) },
    );
    expect(verdict).toEqual({ issues: [issue(3, 'early'), issue(9, 'late')] });
  });

  it('refuses a --duration not longer than a warm-up, once or where it is', () => {
    expect(checkGrid([A], 1000, () => ({ loaded: loaded([1000, 1000]) }))).toEqual({
      usage: "--duration 1 s is not longer than the scenario's warm-up (1 s).",
      usageKo: '--duration 1 s: 시나리오의 워밍업(1 s)보다 길어야 합니다.',
    });
    const mixed = checkGrid([A], 1000, (o) => ({
      loaded: loaded(o[0].value === 1 ? [500] : [2000]),
    }));
    expect(mixed).toEqual({
      usage:
        "--duration 1 s is not longer than the scenario's warm-up at 1 points:\n  --param a=2, variant v0: warm-up 2 s",
      usageKo:
        '--duration 1 s: 시나리오의 워밍업보다 길어야 합니다. 해당하는 점 1개:\n  --param a=2, 변형 v0: 워밍업 2 s',
    });
  });
});

describe('the runs and the account', () => {
  const shape = { variants: ['fast', null], replications: 2 };

  it('runs every variant × replication of a point, variants slowest', () => {
    expect(pointRuns(shape)).toEqual([
      [
        { variant: 'fast', replication: 1 },
        { variant: 'fast', replication: 2 },
      ],
      [
        { variant: null, replication: 1 },
        { variant: null, replication: 2 },
      ],
    ]);
    expect(runsOf(shape, 3)).toBe(12);
  });

  it('says what ran', () => {
    const t = { points: 6, mine: 6, ran: 2, done: 4, runs: 8, workers: 2, wallMs: 3100 };
    expect(sweepAccount(t)).toBe(
      'ran 2 of 6 points (4 already done), 8 runs on 2 workers in 3.10 s wall',
    );
    expect(sweepAccount({ ...t, ran: 0 })).toBe('all 6 points were already done');
    expect(sweepAccount({ ...t, mine: 0 })).toBe('no point of the 6 falls to this shard');
    expect(sweepAccount({ ...t, done: 0, workers: 1 })).toBe(
      'ran 2 of 6 points, 8 runs on 1 worker in 3.10 s wall',
    );
  });

  it('says what ran in Korean', () => {
    const t = { points: 6, mine: 6, ran: 2, done: 4, runs: 8, workers: 2, wallMs: 3100 };
    expect(sweepAccount(t, 'ko')).toBe(
      '점 6개 중 2개 실행 (4개는 이미 끝남), 워커 2개로 실행 8회, 실제 시간 3.10초',
    );
    expect(sweepAccount({ ...t, ran: 0 }, 'ko')).toBe('점 6개가 모두 이미 끝났습니다');
    expect(sweepAccount({ ...t, mine: 0 }, 'ko')).toBe('점 6개 중 이 샤드에 속하는 점이 없습니다');
  });
});
