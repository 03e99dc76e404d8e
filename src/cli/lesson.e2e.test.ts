/**
 * A lesson's figures and claims through the command line: `validate` reports a reference the
 * scenario does not measure at the lesson's line and column (exit 1); `run` fills the figures
 * into the page, lists the checked claims there, and warns on stderr when the run contradicts a
 * claim (the run still succeeds: a teacher sees the scenario disagreeing with its lesson).
 * A translation beside it (`tiny.ko.md`): `validate` locates its figure that does not resolve and
 * its claims block in its own file, warns about a figure the original does not quote; `run`
 * keeps it resolved in results.json, from which the page is built in either language
 * (`reportCommand`'s lang, which `--lang` will give).
 */
import { mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { msasimInProcess as msasim } from '../test-support/cli.ts';
import { reportCommand } from './commands/report.ts';

const SCENARIO = {
  version: 1,
  name: 'tiny',
  duration: '6s',
  warmup: '1s',
  workloads: { browse: { rate: '50/s', target: 'web/page' } },
  services: { web: { endpoints: { page: { steps: [{ cpu: '2ms' }] } } } },
  variants: { slow: { set: { 'services.web.endpoints.page.steps[0].cpu': '20ms' } }, fast: {} },
};

/** A folder holding tiny.yaml and tiny.md (the lesson), and tiny.ko.md when given. */
async function scenarioWith(lesson: string, ko?: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'msasim-lesson-'));
  await writeFile(join(dir, 'tiny.yaml'), stringify(SCENARIO));
  await writeFile(join(dir, 'tiny.md'), lesson);
  if (ko !== undefined) await writeFile(join(dir, 'tiny.ko.md'), ko);
  return dir;
}

describe('a lesson with figures and claims', () => {
  it('validate names a reference the scenario does not measure, in the lesson', async () => {
    const dir = await scenarioWith('# Tiny\n\nThe p50 is {{slwo: p50}}.\n');
    const r = await msasim(['validate', join(dir, 'tiny.yaml')]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('tiny.md:3:14');
    expect(r.stdout).toContain('did you mean "slow"?');
  });

  it('run fills the figures in, lists the claims and warns about the one that fails', async () => {
    const lesson = [
      '# Tiny',
      '',
      'Slow: {{slow: p50 | mean}}.',
      '',
      '```claims',
      'slow: p50 > 5× fast: p50',
      'slow: p50 < fast: p50   # false on purpose',
      '```',
    ].join('\n');
    const dir = await scenarioWith(lesson);
    const out = join(dir, 'out');
    const r = await msasim(['run', join(dir, 'tiny.yaml'), '--out', out, '--quiet']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(
      /tiny\.md:7: the lesson's claim is not borne out by this run: ✗ slow: p50 < fast: p50 \(does not hold: [\d.]+ ms vs [\d.]+ ms\)/,
    );
    expect(r.stderr).not.toContain('tiny.md:6');
    const page = await readFile(join(out, 'index.html'), 'utf8');
    expect(page).toMatch(/Slow: <strong>2\d\.\d ms<\/strong>\./);
    expect(page).toContain('Checked claims (from this run):');
    expect(page).toContain('✓ slow: p50 &gt; 5× fast: p50');
  });

  it('run --lang ko warns in Korean, and says its account in Korean', async () => {
    const lesson = '# Tiny\n\n```claims\nslow: p50 < fast: p50\n```\n';
    const dir = await scenarioWith(lesson);
    const r = await msasim([
      'run',
      join(dir, 'tiny.yaml'),
      '--out',
      join(dir, 'out'),
      '--lang',
      'ko',
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(
      /^경고: .*tiny\.md:4: 교안의 주장을 이번 실행이 뒷받침하지 않습니다: ✗ slow: p50 < fast: p50 \(성립하지 않음: /m,
    );
    expect(r.stderr).toMatch(
      /^시뮬레이션한 요청 \d+개 \(이벤트 \d+개\), 실제 시간 [\d.]+초\. 루프: CPU /m,
    );
    expect(r.stderr).not.toMatch(/not borne out|simulated \d|wrote /);
  });
});

describe('a translation of the lesson (tiny.ko.md)', () => {
  const LESSON =
    '# Tiny\n\nSlow: {{slow: p50 | mean}}.\n\n```claims\nslow: p50 > 5× fast: p50\n```\n';

  it('validate locates its problems in the translation’s file', async () => {
    const ko =
      '# 작은 예\n\n느린 쪽: {{slwo: p50 | mean}}.\n\n```claims\nslow: p50 > 5× fast: p50\n```\n';
    const dir = await scenarioWith(LESSON, ko);
    const r = await msasim(['validate', join(dir, 'tiny.yaml')]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('tiny.ko.md:3:9');
    expect(r.stdout).toContain('did you mean "slow"?');
    expect(r.stdout).toMatch(/tiny\.ko\.md:5:1 .*\n.*a translation shares the claims of tiny\.md/);
    expect(r.stdout).not.toContain('Traceback');
  });

  it('skips a translation that is a symbolic link, with a warning, and a translation without a lesson', async () => {
    const dir = await scenarioWith(LESSON);
    await writeFile(join(dir, 'secret.txt'), 'secret');
    await symlink(join(dir, 'secret.txt'), join(dir, 'tiny.ko.md'));
    const r = await msasim(['validate', join(dir, 'tiny.yaml')]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(
      /tiny\.ko\.md: not read as a translation of the scenario's lesson: it is a symbolic link/,
    );
    await rm(join(dir, 'tiny.md'));
    await rm(join(dir, 'tiny.ko.md'));
    await writeFile(join(dir, 'tiny.ko.md'), '# 작은 예\n');
    const orphan = await msasim(['validate', join(dir, 'tiny.yaml')]);
    expect(orphan.code).toBe(0);
    expect(orphan.stderr).toMatch(
      /tiny\.ko\.md: a translation of .*tiny\.md, which does not exist: not read/,
    );
  });

  it('validate warns about a figure the original does not quote, and passes', async () => {
    const dir = await scenarioWith(LESSON, '느린 쪽: {{slow: p50 | mean}}, {{fast: p99}}.\n');
    const r = await msasim(['validate', join(dir, 'tiny.yaml')]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(
      /tiny\.ko\.md:1:31 .*\n.*\{\{fast: p99\}\} is not a figure of tiny\.md/,
    );
  });

  it('run keeps it in results.json; the page shows the lesson of its language', async () => {
    const dir = await scenarioWith(LESSON, '# 작은 예\n\n느린 쪽: {{slow: p50 | mean}}.\n');
    const out = join(dir, 'out');
    const r = await msasim(['run', join(dir, 'tiny.yaml'), '--out', out, '--quiet']);
    expect(r.code, r.stderr).toBe(0);
    const results = JSON.parse(await readFile(join(out, 'results.json'), 'utf8'));
    expect(results.scenario.lessonLang).toBe('en');
    expect(Object.keys(results.scenario.lessonTranslations)).toEqual(['ko']);
    expect(results.scenario.lessonTranslations.ko.lessonRefs).toMatchObject({
      claims: [],
      figures: [{ source: 'slow: p50 | mean', line: 3, col: 7 }],
    });
    expect(results.scenario.lessonTranslations.ko.lessonRefs.file).toMatch(/tiny\.ko\.md$/);
    const english = await readFile(join(out, 'index.html'), 'utf8');
    expect(english).toMatch(/Slow: <strong>2\d\.\d ms<\/strong>\./);
    expect(english).not.toContain('느린 쪽');
    // the same results.json, a Korean page: the translation, the shared claim checked in Korean
    const io = { out: () => undefined, err: () => undefined };
    expect(await reportCommand(out, io, 'ko')).toBe(0);
    const korean = await readFile(join(out, 'index.html'), 'utf8');
    expect(korean).toMatch(/느린 쪽: <strong>2\d\.\d ms<\/strong>\./);
    expect(korean).toContain('이 실행으로 확인한 주장:');
    expect(korean).toContain('✓ slow: p50 &gt; 5× fast: p50');
    expect(korean).not.toContain('Slow: <strong>');
    // without the translation file the page in Korean shows the original, with a note
    await rm(join(dir, 'tiny.ko.md'));
    expect((await msasim(['run', join(dir, 'tiny.yaml'), '--out', out, '--quiet'])).code).toBe(0);
    expect(await reportCommand(out, io, 'ko')).toBe(0);
    const fallback = await readFile(join(out, 'index.html'), 'utf8');
    expect(fallback).toContain('이 교안은 아직 한국어 번역이 없어 원문(영어)으로 싣는다.');
    expect(fallback).toMatch(/Slow: <strong>/);
  });
});
