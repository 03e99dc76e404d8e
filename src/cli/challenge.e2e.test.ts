/**
 * `msasim challenge` on the command line: --list shows the shipped challenges; a challenge
 * without an attempt prints its brief and writes the starting attempt, which is never written
 * over a file already there (exit 2, nothing touched) unless that file is the untouched copy;
 * an attempt is judged with exit 0 when it passes and 3 when it does not (as `run --check`),
 * a broken constraint names its path and place, and a bad challenge file exits 1 with a
 * located problem. The tiny challenge (test-support/challenges.ts) keeps the runs short.
 */
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BROKEN_CHALLENGES, TINY_BASE, TINY_CHALLENGE } from '../test-support/challenges.ts';
import { msasimInProcess as msasim, msasimSpawned } from '../test-support/cli.ts';
import { tempFolder } from '../test-support/temp-folder.ts';
import { scenariosDir } from './commands/list.ts';

const dir = tempFolder('msasim-challenge-');

async function tinyChallenge(): Promise<string> {
  await writeFile(join(dir.path, 'tiny.yaml'), TINY_BASE);
  const file = join(dir.path, 'tiny.challenge.yaml');
  await writeFile(file, TINY_CHALLENGE);
  return file;
}

describe('msasim challenge', () => {
  it('--list shows every shipped challenge with its experiment', async () => {
    const r = await msasim(['challenge', '--list']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/01-blast-radius +1 {2}Keep a reporting surge/);
    expect(r.stdout).toMatch(/11-scale-the-hot-part +11 {2}/);
    expect(r.stdout.split('\n').filter((l) => /^\d\d-/.test(l))).toHaveLength(12);
  });

  it('prints the brief of a shipped challenge by name and writes the starting attempt', async () => {
    const out = join(dir.path, 'start.yaml');
    const r = await msasim(['challenge', 'blast-radius', '--out', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Challenge blast-radius (experiment 1)');
    expect(r.stdout).toContain('at most 16 database connections in total');
    const text = await readFile(out, 'utf8');
    expect(text).toMatch(/^# msasim challenge attempt: blast-radius/);
    expect(text).toContain('name: blast-radius');
    // the same again: the untouched copy stays; a changed one is refused, untouched
    expect((await msasim(['challenge', 'blast-radius', '--out', out])).code).toBe(0);
    await writeFile(out, `${text}# my change\n`);
    const again = await msasim(['challenge', 'blast-radius', '--out', out]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('Nothing was written');
    expect(await readFile(out, 'utf8')).toBe(`${text}# my change\n`);
  });

  it('suggests the name of a misspelt shipped challenge, as the user writes it', async () => {
    const r = await msasim(['challenge', 'blast-radios']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('did you mean "blast-radius"?');
    // one letter short of the short name (four edits from "01-blast-radius")
    const short = await msasim(['challenge', 'blast-radus']);
    expect(short.code).toBe(2);
    expect(short.stderr).toContain('did you mean "blast-radius"?');
    const numbered = await msasim(['challenge', '01-blast-radus']);
    expect(numbered.stderr).toContain('did you mean "01-blast-radius"?');
  });

  it('shows the brief again over an attempt being edited, and after a miss points at the hints', async () => {
    const work = await mkdtemp(join(tmpdir(), 'msasim-attempt-'));
    const first = await msasim(['challenge', 'blast-radius'], { cwd: work });
    expect(first.code).toBe(0);
    const attempt = join(work, 'blast-radius.attempt.yaml');
    const edited = `${await readFile(attempt, 'utf8')}# my change\n`;
    await writeFile(attempt, edited);
    // the default place: the edited attempt is kept, the brief printed, exit 0
    const again = await msasim(['challenge', 'blast-radius'], { cwd: work });
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('Challenge blast-radius (experiment 1)');
    expect(again.stderr).toContain(
      'blast-radius.attempt.yaml is already there, changed since: your attempt, left as it is',
    );
    expect(await readFile(attempt, 'utf8')).toBe(edited);
    // the unchanged starting scenario misses its goal: the verdict says where the hints are
    const judged = await msasim(['challenge', 'blast-radius', 'blast-radius.attempt.yaml'], {
      cwd: work,
    });
    expect(judged.code).toBe(3);
    expect(judged.stdout).toMatch(/— FAIL\n$/);
    expect(judged.stderr).toContain(
      'Stuck? The brief and its hints: msasim challenge blast-radius\n',
    );
  });

  it('words its command-line errors in Korean with --lang ko', async () => {
    const typo = await msasim(['challenge', 'blast-radus', '--lang', 'ko']);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain(
      '오류: 챌린지 파일도 제공된 챌린지도 아닙니다: "blast-radus"; 혹시 "blast-radius"인가요?',
    );
    const none = await msasim(['challenge', '--lang', 'ko']);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('오류: 챌린지 이름을 주거나 --list를 주세요');
    const out = await msasim(['challenge', 'blast-radius', 'a.yaml', '--out', 'b', '--lang', 'ko']);
    expect(out.code).toBe(2);
    expect(out.stderr).toContain('오류: --out은 시작 시도 파일을 쓸 곳입니다');
  });

  it('tells how to check the attempt with the name given, or the path quoted for a shell', async () => {
    const out = join(dir.path, 'next step.yaml');
    const r = await msasim(['challenge', 'blast-radius', '--out', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`\n  msasim challenge blast-radius '${out}'\n`);
    expect(await readFile(out, 'utf8')).toContain(
      '# Check it with: msasim challenge blast-radius <this file>',
    );
    const copy = join(dir.path, "it's mine", 'tiny.challenge.yaml');
    await mkdir(dirname(copy));
    await writeFile(copy, TINY_CHALLENGE);
    await writeFile(join(dirname(copy), 'tiny.yaml'), TINY_BASE);
    const byPath = await msasim(['challenge', copy, '--out', join(dir.path, 'tiny.attempt.yaml')]);
    expect(byPath.code).toBe(0);
    const shown = relative(process.cwd(), copy).replaceAll("'", "'\\''");
    expect(byPath.stdout).toContain(`msasim challenge '${shown}' `);
  });

  it('judges attempts: 3 for the base, 0 for a solution, 3 with the path of a broken constraint', async () => {
    const file = await tinyChallenge();
    const base = await msasim(['challenge', file, join(dir.path, 'tiny.yaml')]);
    expect(base.code).toBe(3);
    expect(base.stdout).toContain('✗ goal: 0 of 2 bounds met');
    expect(base.stdout).toContain('— FAIL');
    const good = join(dir.path, 'good.yaml');
    await writeFile(good, TINY_BASE.replace('threads: 2', 'threads: 3'));
    const pass = await msasim(['challenge', file, good]);
    expect(pass.code).toBe(0);
    expect(pass.stdout).toContain('— PASS');
    const cheat = join(dir.path, 'cheat.yaml');
    await writeFile(cheat, TINY_BASE.replace('rate: 450/s', 'rate: 45/s'));
    const refused = await msasim(['challenge', file, cheat]);
    expect(refused.code).toBe(3);
    expect(refused.stdout).toContain(`✗ workloads.arrivals.rate: "450/s" → "45/s"  (${cheat}:6:`);
  });

  it('--lang ko prints the brief and the verdict in Korean, the exit codes unchanged', async () => {
    const file = await tinyChallenge();
    const out = join(dir.path, 'ko.attempt.yaml');
    const brief = await msasim(['challenge', file, '--out', out, '--lang', 'ko']);
    expect(brief.code).toBe(0);
    expect(brief.stdout).toContain('챌린지 tiny-challenge (실험 4): Serve fast with few threads');
    expect(brief.stdout).toContain(`시작 시도 파일: ${out}. 이 파일을 고친 다음 실행하세요:`);
    const fail = await msasim(['challenge', file, out, '--lang', 'ko']);
    expect(fail.code).toBe(3);
    expect(fail.stdout).toContain('✗ 목표: 기준 2개 중 0개 만족');
    expect(fail.stdout).toMatch(/— 실패\n$/);
    const list = await msasim(['challenge', '--list', '--lang', 'ko']);
    expect(list.stdout).toMatch(
      /^챌린지 +실험 {2}제목\n01-blast-radius +1 {2}리포팅 급증이 모든 서비스를/,
    );
    expect(list.stdout).toContain('시작하려면: msasim challenge <챌린지>');
  });

  it('--lang ko prints the problems of a challenge and of an attempt in Korean, exit 1', async () => {
    await writeFile(join(dir.path, 'tiny.yaml'), TINY_BASE);
    const bad = join(dir.path, 'ko-bad.challenge.yaml');
    await writeFile(bad, BROKEN_CHALLENGES.unknownEndpoint);
    const r = await msasim(['challenge', bad, '--lang', 'ko']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/ko-bad\.challenge\.yaml:7:\d+ {2}goal\.fast\.endpoint/);
    expect(r.stderr).toContain('서비스 "server"의 알 수 없는 엔드포인트 "serv"');
    expect(r.stderr).not.toContain('적용 시');
    const en = await msasim(['challenge', bad, '--lang', 'en']);
    expect(en.stderr).toContain('unknown endpoint "serv"');
    const file = await tinyChallenge();
    const attempt = join(dir.path, 'ko-broken.attempt.yaml');
    await writeFile(attempt, TINY_BASE.replace('threads: 2', 'threads: two'));
    const broken = await msasim(['challenge', file, attempt, '--lang', 'ko']);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toContain('문자열 "two" 값입니다');
    // a warning of an attempt that runs
    const warned = join(dir.path, 'ko-warned.attempt.yaml');
    await writeFile(warned, TINY_BASE.replace('warmup: 200ms', 'warmup: 0.5'));
    const run = await msasim(['challenge', file, warned, '--lang', 'ko']);
    expect(run.code).toBe(3);
    expect(run.stderr).toContain('warmup: 0.5');
    expect(run.stderr).toMatch(/경고 1개\n$/);
  });

  it('scenarios/challenges/msasim-challenge.schema.json is what `msasim schema --challenge` prints', async () => {
    // the binary itself (its ASCII-only bundle), as the shipped schema says it is
    const r = await msasimSpawned(['schema', '--challenge']);
    expect(r.code).toBe(0);
    const file = join('scenarios', 'challenges', 'msasim-challenge.schema.json');
    expect(await readFile(file, 'utf8')).toBe(r.stdout);
    expect(JSON.parse(r.stdout).required).toEqual(
      expect.arrayContaining(['version', 'name', 'scenario', 'goal', 'constraints']),
    );
  });

  it('msasim validate checks a challenge file as a challenge, not as a scenario', async () => {
    const file = await tinyChallenge();
    const ok = await msasim(['validate', file]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toBe(`✔ ${file}: challenge "tiny-challenge" is valid (tiny.yaml)\n`);
    const bad = join(dir.path, 'unknown.challenge.yaml');
    await writeFile(bad, BROKEN_CHALLENGES.unknownEndpoint);
    const r = await msasim(['validate', bad, file]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`${bad}:`);
    expect(r.stdout).toContain('did you mean "serve"?');
    // not judged as a scenario: no 'missing required key "duration"'
    expect(r.stdout).not.toContain('missing required key');
    expect(r.stdout).toContain(`✔ ${file}: challenge "tiny-challenge" is valid`);
    // a shipped challenge with its solution
    const shipped = join(scenariosDir(), 'challenges', '01-blast-radius.challenge.yaml');
    const s = await msasim(['validate', shipped, '--lang', 'ko']);
    expect(s.code).toBe(0);
    expect(s.stdout).toContain(
      '챌린지 "blast-radius"에 문제가 없습니다 (01-blast-radius.yaml, 01-blast-radius.solution.yaml)',
    );
  });

  it('exits 1 with a located problem for a bad challenge file', async () => {
    const file = join(dir.path, 'bad.challenge.yaml');
    await writeFile(file, TINY_CHALLENGE.replace('experiment: 4', 'experiment: 12'));
    const r = await msasim(['challenge', file]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${file}:4:13  experiment`);
  });
});
