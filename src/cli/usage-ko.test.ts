/**
 * Tests of usage-ko.ts: the language of usage errors is read from the command line before
 * commander parses it (else the locale), and commander's messages are reworded by their frame,
 * keeping the names and values they quote; in-process runs of the CLI show both languages.
 */
import { describe, expect, it } from 'vitest';
import { sourceMsasim } from '../test-support/source-cli.ts';
import { usageErrorKo, usageLang } from './usage-ko.ts';

describe('usageLang', () => {
  it('reads --lang ko, --lang=ko and --lang en before the locale', () => {
    expect(usageLang(['run', '--lang', 'ko', 'x.yaml'], {})).toBe('ko');
    expect(usageLang(['run', '--lang=ko'], {})).toBe('ko');
    expect(usageLang(['run', '--lang', 'en'], { LANG: 'ko_KR.UTF-8' })).toBe('en');
  });

  it('falls back to the locale for a missing or unknown --lang, and stops at --', () => {
    expect(usageLang(['run', '--lang', 'fr'], { LANG: 'ko_KR.UTF-8' })).toBe('ko');
    expect(usageLang(['run'], { LC_ALL: 'en_US.UTF-8', LANG: 'ko_KR' })).toBe('en');
    expect(usageLang(['run', '--', '--lang', 'ko'], {})).toBe('en');
  });
});

describe('usageErrorKo', () => {
  it.each([
    [
      "error: option '--lang <lang>' argument 'fr' is invalid. Allowed choices are en, ko.\n",
      "오류: 옵션 '--lang <lang>'에 쓸 수 없는 값 'fr'. 쓸 수 있는 값: en, ko.\n",
    ],
    [
      "error: option '--replications <n>' argument 'x' is invalid. expected a whole number above 0.\n",
      "오류: 옵션 '--replications <n>'에 쓸 수 없는 값 'x'. expected a whole number above 0.\n",
    ],
    [
      "error: option '--out <dir>' argument missing\n",
      "오류: 옵션 '--out <dir>'에 값이 없습니다\n",
    ],
    [
      "error: unknown option '--replicatons'\n(Did you mean --replications?)\n",
      "오류: 알 수 없는 옵션 '--replicatons'\n(혹시 --replications인가요?)\n",
    ],
    ["error: unknown command 'vaildate'\n", "오류: 알 수 없는 명령 'vaildate'\n"],
    ["error: missing required argument 'scenario'\n", "오류: 필수 인자가 없습니다: 'scenario'\n"],
    [
      "error: too many arguments for 'run'. Expected 1 argument but got 2.\n",
      '오류: 인자가 너무 많습니다. 1개를 받는데 2개가 주어졌습니다.\n',
    ],
    ['error: something new\n', '오류: something new\n'],
  ])('%s', (english, korean) => {
    expect(usageErrorKo(english)).toBe(korean);
  });
});

/** Runs the CLI in-process with an environment (the locale); its exit code and stderr. */
async function cli(args: string[], env: Record<string, string> = {}) {
  const { code, err } = await sourceMsasim(args, env);
  return { code, err };
}

describe('usage errors of the CLI', () => {
  it('are Korean with --lang ko or a Korean locale, exit 2', async () => {
    const ko = await cli(['run', '--replicatons', '3', '--lang', 'ko', 'x.yaml']);
    expect(ko).toEqual({
      code: 2,
      err: '오류: 알 수 없는 옵션 \'--replicatons\'\n(혹시 --replications인가요?)\n(사용법은 "msasim --help"로 볼 수 있습니다)\n',
    });
    const locale = await cli(['validate'], { LANG: 'ko_KR.UTF-8' });
    expect(locale.err).toContain("오류: 필수 인자가 없습니다: 'files'");
  });

  it('are English as before otherwise', async () => {
    const en = await cli(['run', '--replicatons', '3', 'x.yaml']);
    expect(en).toEqual({
      code: 2,
      err: 'error: unknown option \'--replicatons\'\n(Did you mean --replications?)\n(run "msasim --help" for usage)\n',
    });
  });
});
