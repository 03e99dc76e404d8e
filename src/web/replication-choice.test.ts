/** Tests of replication-choice.ts: the toolbar's replications and precision, read as the CLI reads them. */
import { describe, expect, it } from 'vitest';
import { replicationChoice } from './replication-choice.ts';

describe('replicationChoice', () => {
  it('reads a count and a percentage; empty boxes ask for nothing', () => {
    expect(replicationChoice('', '')).toEqual({});
    expect(replicationChoice(' 3 ', '')).toEqual({ replications: 3 });
    expect(replicationChoice('', '5')).toEqual({ precision: 0.05 });
    expect(replicationChoice('2', '2.5')).toEqual({ replications: 2, precision: 0.025 });
  });

  it('names the value it cannot take', () => {
    for (const count of ['0', '1.5', 'x', '1001'])
      expect(replicationChoice(count, '')).toEqual({
        problem: expect.stringContaining(`not ${count}`),
      });
    for (const share of ['0', '100', '-1', 'five'])
      expect(replicationChoice('', share)).toEqual({
        problem: expect.stringContaining(`not ${share}`),
      });
  });

  it('names it in Korean to a Korean page, the value as written', () => {
    expect(replicationChoice('1.5', '', 'ko')).toEqual({
      problem: '반복 실행: 1부터 1000까지의 정수여야 합니다. 입력값: 1.5',
    });
    expect(replicationChoice('', 'five', 'ko')).toEqual({
      problem: expect.stringMatching(/^정밀도: .*입력값: five$/),
    });
  });
});
