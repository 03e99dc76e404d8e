/**
 * The challenge's brief and verdict in Korean (`--lang ko`, issue 17): every sentence of
 * msasim's own is the catalogue's Korean one, with no English chrome left, while the
 * challenge's own texts (title, goal names, hints, questions) and the paths stay as the file
 * writes them. A failing attempt (the base: the goal missed), a passing one and one that breaks
 * the constraints, as one table.
 */
import { describe, expect, it } from 'vitest';
import {
  tinyChallenge as challenge,
  judgeTiny as judge,
  TINY_BASE,
} from '../test-support/challenges.ts';
import { expectParts } from '../test-support/expect-parts.ts';
import { formatBrief, formatVerdict } from './format.ts';

/** English words of msasim's own that must not be left in the Korean output. */
const ENGLISH =
  /\b(?:Challenge|experiment|Goal|goal|bounds?|met|budget|constraints?|allowed|change|Budget|at most|in total|Hints|Predict|Answers|score|PASS|FAIL|not measured|of \d)\b/;

/** The output without what the challenge file wrote (title, names, hints, questions, paths). */
function chrome(text: string): string {
  return text
    .replaceAll('Serve fast with few threads', '')
    .replaceAll('More threads help', '')
    .replaceAll('up to a point.', '')
    .replaceAll('How busy will the server be?', '')
    .replaceAll('server utilisation', '')
    .replaceAll('services.server.threads', '')
    .replaceAll('services.server.cores', '')
    .replaceAll('workloads.arrivals.rate', '');
}

describe('the challenge in Korean', () => {
  it('prints the brief in Korean, the challenge’s own texts as written', () => {
    const brief = formatBrief(challenge, 'ko');
    expectParts(brief, [
      '챌린지 tiny-challenge (실험 4): Serve fast with few threads',
      '목표 — 시도 파일의 모든 변형에서 아래 기준을 모두 만족해야 합니다:',
      '  • fast: server/serve: p90 ≤ 15ms',
      '바꿔도 되는 경로',
      '  • 스레드 합계 4개 이하 (인스턴스 × 스레드)',
      '먼저 예측하세요',
      '힌트:\n  • More threads help\n  • up to a point.',
    ]);
    expect(chrome(brief)).not.toMatch(ENGLISH);
    // English stays as it was
    expect(formatBrief(challenge)).toBe(formatBrief(challenge, 'en'));
  });

  for (const { attempt, text, parts } of [
    {
      // the base: a ✗ per bound missed, 실패
      attempt: 'a failing attempt',
      text: TINY_BASE,
      parts: [
        '✓ 제약: 허용된 경로만 바뀌었습니다',
        '✓ 예산\n  ✓ 스레드: 2 / 한도 4 (tiny)',
        '✗ 목표: 기준 2개 중 0개 만족',
        /✗ fast: p90 ≤ 15ms — \d/,
        '답 (이번 실행 결과):',
        /점수 \d+\/100 — 실패\n$/,
      ],
    },
    {
      attempt: 'a passing attempt',
      text: TINY_BASE.replace('threads: 2', 'threads: 3\n    cores: 4'),
      parts: ['✓ 목표: 기준 2개 중 2개 만족', '점수 85/100 — 통과'],
    },
    {
      attempt: 'a broken constraint',
      text: TINY_BASE.replace('rate: 450/s', 'rate: 20/s'),
      parts: [
        '✗ 제약: 허용된 경로 밖의 변경 1건',
        '· 목표: 실행하지 않았습니다 (먼저 제약을 지키세요)',
        '점수 0/100 — 실패',
      ],
    },
  ])
    it(`judges ${attempt} in Korean`, async () => {
      const verdict = formatVerdict(await judge(text), 'attempt.yaml', 'ko');
      expectParts(verdict, parts);
      expect(chrome(verdict)).not.toMatch(ENGLISH);
    });
});
