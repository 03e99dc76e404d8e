/**
 * The challenge's brief and verdict in Korean (`--lang ko`, issue 17): every sentence of
 * msasim's own is the catalogue's Korean one, with no English chrome left, while the
 * challenge's own texts (title, goal names, hints, questions) and the paths stay as the file
 * writes them. A failing attempt (the base: the goal missed) and a passing one.
 */
import { describe, expect, it } from 'vitest';
import {
  tinyChallenge as challenge,
  judgeTiny as judge,
  TINY_BASE,
} from '../test-support/challenges.ts';
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
    expect(brief).toContain('챌린지 tiny-challenge (실험 4): Serve fast with few threads');
    expect(brief).toContain('목표 — 시도 파일의 모든 변형에서 아래 기준을 모두 만족해야 합니다:');
    expect(brief).toContain('  • fast: server/serve: p90 ≤ 15ms');
    expect(brief).toContain('바꿔도 되는 경로');
    expect(brief).toContain('  • 스레드 합계 4개 이하 (인스턴스 × 스레드)');
    expect(brief).toContain('먼저 예측하세요');
    expect(brief).toContain('힌트:\n  • More threads help\n  • up to a point.');
    expect(chrome(brief)).not.toMatch(ENGLISH);
    // English stays as it was
    expect(formatBrief(challenge)).toBe(formatBrief(challenge, 'en'));
  });

  it('judges a failing attempt in Korean: ✗ per bound missed, 실패', async () => {
    const v = await judge(TINY_BASE);
    const text = formatVerdict(v, 'attempt.yaml', 'ko');
    expect(text).toContain('✓ 제약: 허용된 경로만 바뀌었습니다');
    expect(text).toContain('✓ 예산\n  ✓ 스레드: 2 / 한도 4 (tiny)');
    expect(text).toContain('✗ 목표: 기준 2개 중 0개 만족');
    expect(text).toMatch(/✗ fast: p90 ≤ 15ms — \d/);
    expect(text).toContain('답 (이번 실행 결과):');
    expect(text).toMatch(/점수 \d+\/100 — 실패\n$/);
    expect(chrome(text)).not.toMatch(ENGLISH);
  });

  it('judges a passing attempt and a broken constraint in Korean', async () => {
    const pass = formatVerdict(
      await judge(TINY_BASE.replace('threads: 2', 'threads: 3\n    cores: 4')),
      'attempt.yaml',
      'ko',
    );
    expect(pass).toContain('✓ 목표: 기준 2개 중 2개 만족');
    expect(pass).toContain('점수 85/100 — 통과');
    expect(chrome(pass)).not.toMatch(ENGLISH);
    const broken = formatVerdict(
      await judge(TINY_BASE.replace('rate: 450/s', 'rate: 20/s')),
      'attempt.yaml',
      'ko',
    );
    expect(broken).toContain('✗ 제약: 허용된 경로 밖의 변경 1건');
    expect(broken).toContain('· 목표: 실행하지 않았습니다 (먼저 제약을 지키세요)');
    expect(broken).toContain('점수 0/100 — 실패');
    expect(chrome(broken)).not.toMatch(ENGLISH);
  });
});
