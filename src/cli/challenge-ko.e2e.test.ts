/**
 * A challenge's own texts in Korean on the command line (issue 17): with --lang ko or a Korean
 * locale, the brief of a shipped challenge shows its Korean title, description, hints and
 * questions, the starting attempt's header is Korean (its marker as it is), `--list` shows the
 * Korean titles, and the verdict asks the questions in Korean; without either, everything is
 * English as before.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TINY_BASE, TINY_CHALLENGE_KO } from '../test-support/challenges.ts';
import { msasimInProcess as msasim, msasimSpawned } from '../test-support/cli.ts';
import { expectNoEnglishSentence } from '../test-support/english-run.ts';
import { expectParts } from '../test-support/expect-parts.ts';
import { tempFolder } from '../test-support/temp-folder.ts';

const dir = tempFolder('msasim-challenge-ko-');
const HANGUL = /\p{Script=Hangul}/u;

describe('msasim challenge in Korean', () => {
  it('--lang ko: the brief and the starting attempt of a shipped challenge in Korean', async () => {
    const out = join(dir.path, 'bulkhead.attempt.yaml');
    const r = await msasim(['challenge', 'bulkhead', '--out', out, '--lang', 'ko']);
    expect(r.code).toBe(0);
    expectParts(r.stdout, [
      '챌린지 bulkhead (실험 4): 일반 카탈로그 트래픽의 급증에서 결제를 지키기',
      '결제(핵심)와 카탈로그(일반)가 공통 코드 서비스 하나를 함께 부릅니다.',
      '  1. 카탈로그가 급증하는 동안 결제는 얼마나 느릴까요 (p99)?',
      '  • 벌크헤드는 공유 자원을 기능별로 나눠',
    ]);
    expect(r.stdout).not.toContain('Protect payments');
    expectNoEnglishSentence(r.stdout);
    const attempt = await readFile(out, 'utf8');
    expect(attempt.split('\n').slice(0, 3)).toEqual([
      '# msasim challenge attempt: bulkhead — 일반 카탈로그 트래픽의 급증에서 결제를 지키기',
      '# 바꿔도 되는 경로: services.payments.endpoints.pay.steps[*].call',
      '# 채점: msasim challenge bulkhead <이 파일>',
    ]);
  });

  it('a Korean locale does the same; English without it', async () => {
    const ko = await msasimSpawned(['challenge', 'settlement', '--out', join(dir.path, 'k.yaml')], {
      env: { LANG: 'ko_KR.UTF-8' },
    });
    expect(ko.code).toBe(0);
    expect(ko.stdout).toContain(
      '챌린지 settlement (실험 10): 끝나지 않은 결제를 보지 않고 정산하기',
    );
    expect(ko.stdout).toContain(
      '  • 결제 하나는 첫 번째 쓰기부터 마지막 쓰기까지 얼마나 걸리나요?',
    );
    const en = await msasim(['challenge', 'settlement', '--out', join(dir.path, 'e.yaml')]);
    expect(en.stdout).toContain('Settle payments without seeing half-finished ones');
    expect(en.stdout).not.toMatch(HANGUL);
    expect(await readFile(join(dir.path, 'e.yaml'), 'utf8')).toMatch(
      /^# msasim challenge attempt: settlement — Settle payments .*\n# Change only: readers\.settlement\.cutoff\n# Check it with: msasim challenge settlement <this file>\n/,
    );
  });

  it('--list --lang ko shows every title in Korean', async () => {
    const r = await msasim(['challenge', '--list', '--lang', 'ko']);
    const rows = r.stdout.split('\n').filter((l) => /^\d\d-/.test(l));
    expect(rows).toHaveLength(12);
    for (const row of rows) expect(row).toMatch(HANGUL);
    expectNoEnglishSentence(r.stdout);
  });

  it('the verdict asks the questions in Korean', async () => {
    await writeFile(join(dir.path, 'tiny.yaml'), TINY_BASE);
    const file = join(dir.path, 'tiny.challenge.yaml');
    await writeFile(file, TINY_CHALLENGE_KO);
    const attempt = join(dir.path, 'tiny.yaml');
    const r = await msasim(['challenge', file, attempt, '--lang', 'ko']);
    expect(r.code).toBe(3);
    expectParts(r.stdout, [
      '챌린지 tiny-challenge: 적은 스레드로 빠르게 응답하기',
      '  1. 서버는 얼마나 바쁠까요?\n     server utilisation: ',
    ]);
    expect(r.stdout).not.toContain('How busy');
  });
});
