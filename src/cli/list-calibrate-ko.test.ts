/**
 * `msasim list` and `msasim calibrate` in Korean (issue 17): both take --lang and follow a
 * Korean locale as the other commands do; their own sentences (list's closing line, calibrate's
 * summary, table header, warnings, advice and its input errors) are Korean with no English
 * sentence left, the names, numbers and snippets as written; without either, English as before.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectNoEnglishSentence } from '../test-support/english-run.ts';
import { expectParts } from '../test-support/expect-parts.ts';
import { sourceMsasim } from '../test-support/source-cli.ts';
import { formatCalibration } from './commands/calibrate.ts';

const HANGUL = /\p{Script=Hangul}/u;

const cli = sourceMsasim;

async function csv(text: string): Promise<string> {
  const file = join(await mkdtemp(join(tmpdir(), 'msasim-cal-ko-')), 'd.csv');
  await writeFile(file, text);
  return file;
}

describe('msasim list in Korean', () => {
  it('--lang ko and a Korean locale: its closing line in Korean, the list as before', async () => {
    const en = await cli(['list']);
    const ko = await cli(['list', '--lang', 'ko']);
    const locale = await cli(['list'], { LANG: 'ko_KR.UTF-8' });
    expect([en.code, ko.code, locale.code]).toEqual([0, 0, 0]);
    expect(en.out).toMatch(/\nrun one with: msasim run \S+01-shared-db\.yaml\n$/);
    expect(ko.out).toMatch(/\n하나를 실행하려면: msasim run \S+01-shared-db\.yaml\n$/);
    expect(locale.out).toBe(ko.out);
    // the scenarios' lines are the same (their descriptions as the files write them)
    const body = (s: string) => s.slice(0, s.lastIndexOf('\n\n'));
    expect(body(ko.out)).toBe(body(en.out));
    expect(en.out.slice(en.out.lastIndexOf('\n\n'))).not.toMatch(HANGUL);
  });
});

describe('msasim calibrate in Korean', () => {
  const few = [1.2, 3.4, 2.2, 5.1, 0.9, 2.8, 0];

  it('words the summary, the header, the warnings and the advice in Korean', () => {
    const ko = formatCalibration(
      { values: few, from: 'd.csv', fromKo: 'd.csv의 열 ms', skipped: 2 },
      'ko',
    );
    expectParts(ko, [
      'd.csv의 열 ms에서 읽은 시간 7개 (빈 칸 2개는 건너뜀)\n',
      /^평균 \S+ · 표준편차 \S+ · 최소 \S+ · p50 \S+ · p99 \S+ · 최대 \S+$/m,
      /^분포 +KS D +A² +BIC +시나리오에 쓸 분포/m,
      '0인 시간이 있습니다: 로그정규, 감마/얼랑, 파레토 분포는',
      '시간이 7개뿐입니다: 30개보다 적으면 순위가 불안정합니다',
      /^가장 잘 맞는 분포: \{ dist: /m,
      '최대 가능도로 맞추고 BIC로 순위를 매겼습니다',
    ]);
    // the table's rows (family names and snippets as the scenario language writes them) aside
    const prose = ko
      .split('\n')
      .filter((l) => !/^\d+\. |^─|\{ dist:/.test(l))
      .join('\n');
    expectNoEnglishSentence(prose);
    const en = formatCalibration({ values: few, from: 'd.csv', skipped: 2 });
    expect(en).toMatch(/^7 durations from d\.csv \(2 empty cells skipped\)\n/);
    expect(en).not.toMatch(HANGUL);
  });

  it('a constant, in Korean', () => {
    expect(formatCalibration({ values: [3, 3, 3], from: 'x', skipped: 0 }, 'ko')).toContain(
      '모든 시간이 3ms입니다: 상수로 쓰세요 (cpu: 3ms)',
    );
  });

  it('--lang ko and a Korean locale: the command in Korean; its input errors too', async () => {
    const file = await csv('ms\n1.2\n3.4\n2.2\n5.1\n0.9\n2.8\n');
    const ko = await cli(['calibrate', file, '--lang', 'ko']);
    expect(ko.code).toBe(0);
    expect(ko.out).toContain(`${file}의 열 ms에서 읽은 시간 6개\n`);
    expect((await cli(['calibrate', file], { LANG: 'ko_KR.UTF-8' })).out).toBe(ko.out);
    expect((await cli(['calibrate', file])).out).toContain(`6 durations from ${file}, column ms\n`);
    const column = await cli(['calibrate', file, '--column', 'mss', '--lang', 'ko']);
    expect(column.code).toBe(1);
    expect(column.err).toBe(`✖ ${file}:1: 열 "mss"이(가) 없습니다 (열: ms); 혹시 "ms"인가요?\n`);
    const bad = await csv('ms\n1.2\nfast\n');
    const cell = await cli(['calibrate', bad, '--lang', 'ko']);
    expect(cell.err).toContain(`${bad}:3:1: "fast"은(는) 시간이 아닙니다`);
    const trace = await csv('{"resourceSpans": 3}');
    const otlp = await cli(['calibrate', trace, '--lang', 'ko']);
    expect(otlp.err).toContain('OTLP/JSON 트레이스여야 합니다');
    for (const r of [column, cell, otlp]) expectNoEnglishSentence(r.err);
    // English as before
    expect((await cli(['calibrate', file, '--column', 'mss'])).err).toContain(
      'no column "mss" (columns: ms); did you mean "ms"?',
    );
  });
});
