/** Tests of run-lines.ts: the line of a run that ended, in either language of the page. */
import { describe, expect, it } from 'vitest';
import type { ScenarioIssue } from '../scenario/issues.ts';
import { runLine } from './run-lines.ts';

const issue = {
  code: 'unknown-reference',
  severity: 'error',
  path: ['services'],
  message: 'unknown service "prodcts"',
  hint: 'did you mean "products"?',
  ko: { message: '알 수 없는 서비스 "prodcts"', hint: '"products"를 말씀하신 건가요?' },
  file: 'shop.yaml',
  line: 12,
  col: 9,
} as unknown as ScenarioIssue;

describe('runLine', () => {
  it('words a finished run with its wall times and the notes as they came', () => {
    const { said, bad } = runLine({
      kind: 'done',
      files: [],
      notes: ['shop.yaml:3:1 a note'],
      simulationWallMs: 1234,
      wallMs: 1500,
    });
    expect(bad).toBe(false);
    expect(said('en')).toBe('Simulated in 1.23 s (report 0.27 s).\nshop.yaml:3:1 a note');
    // the wall time it took, not the simulated time (a 120 s scenario runs in a second)
    expect(said('ko')).toBe(
      '시뮬레이션에 1.23초, 보고서에 0.27초 걸렸습니다.\nshop.yaml:3:1 a note',
    );
  });

  it('places the problems of an invalid scenario, in the language they have', () => {
    const { said, bad } = runLine({ kind: 'invalid', issues: [issue] });
    expect(bad).toBe(true);
    expect(said('en')).toBe(
      'The scenario has 1 problem(s); nothing was run.\n\nshop.yaml:12:9  unknown service "prodcts"\n→ did you mean "products"?',
    );
    expect(said('ko')).toMatch(
      /^시나리오에 문제가 1개 있습니다.*\n\nshop\.yaml:12:9 {2}알 수 없는 서비스/s,
    );
  });

  it('says a cancel, and shows a guard’s stop and a crash as they came', () => {
    expect(runLine({ kind: 'cancelled' }).said('ko')).toBe(
      '실행을 취소했습니다. 아무것도 쓰지 않았습니다.',
    );
    expect(runLine({ kind: 'stopped', message: 'stopped: 5000000 events' }).said('ko')).toBe(
      'stopped: 5000000 events',
    );
    const crashed = runLine({ kind: 'crashed', message: 'the worker died' });
    expect(crashed.bad).toBe(true);
    expect(crashed.said('en')).toBe(
      'The simulation stopped with an error (your scenario is kept in the editor):\nthe worker died',
    );
  });
});
