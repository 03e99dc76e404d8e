/**
 * `msasim report <dir>`: rebuilds index.html from results.json byte for byte as `run` wrote
 * it, and refuses a missing, foreign or outdated results.json with one clear message (exit 1).
 */
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sourceMsasim } from '../../test-support/source-cli.ts';

const msasim = (args: string[]) => sourceMsasim(args);

describe('msasim report', () => {
  it('rebuilds index.html from results.json, byte-identical to the one run wrote', async () => {
    const dir = join(await mkdtemp(join(tmpdir(), 'msasim-report-')), 'shop');
    const run = await msasim(['run', 'scenarios/shop.yaml', '--out', dir, '--duration', '8s']);
    expect(run.code).toBe(0);
    expect(run.err).toMatch(/results\.json, index\.html/);
    const written = await readFile(join(dir, 'index.html'));
    await writeFile(join(dir, 'index.html'), 'stale');
    const r = await msasim(['report', dir]);
    expect(r).toEqual({
      code: 0,
      out: `wrote ${join(dir, 'index.html')} (${Math.round(written.length / 1024)} KB) from ${join(dir, 'results.json')}\n`,
      err: '',
    });
    expect((await readFile(join(dir, 'index.html'))).equals(written)).toBe(true);
    // the lesson's figures are filled in from the results, and a hand-broken lessonRefs is refused
    expect(written.toString()).toContain('Checked claims (from this run):');
    const results = JSON.parse(await readFile(join(dir, 'results.json'), 'utf8'));
    results.scenario.lessonRefs.figures = 'broken';
    await writeFile(join(dir, 'results.json'), JSON.stringify(results));
    const broken = await msasim(['report', dir]);
    expect(broken.code).toBe(1);
    expect(broken.err).toMatch(/scenario\.lessonRefs\.figures: /);
    // so is a hand-broken translation
    results.scenario.lessonRefs.figures = [];
    results.scenario.lessonTranslations = { ko: { lesson: 5 } };
    await writeFile(join(dir, 'results.json'), JSON.stringify(results));
    const translation = await msasim(['report', dir]);
    expect(translation.code).toBe(1);
    expect(translation.err).toMatch(/scenario\.lessonTranslations\.ko\.lesson: /);
  });

  it('speaks Korean with --lang ko: the line of what it wrote, and a refusal', async () => {
    const root = await mkdtemp(join(tmpdir(), 'msasim-report-ko-'));
    const dir = join(root, 'shop');
    const run = await msasim(['run', 'scenarios/shop.yaml', '--out', dir, '--duration', '8s']);
    expect(run.code).toBe(0);
    const r = await msasim(['report', dir, '--lang', 'ko']);
    const kb = Math.round((await readFile(join(dir, 'index.html'))).length / 1024);
    expect(r).toEqual({
      code: 0,
      out: `쓴 파일: ${join(dir, 'index.html')} (${kb} KB, 원본 ${join(dir, 'results.json')})\n`,
      err: '',
    });
    // a folder without msasim's marker whose index.html msasim did not write is left alone
    const foreign = join(root, 'foreign');
    await mkdir(foreign);
    await writeFile(join(foreign, 'results.json'), await readFile(join(dir, 'results.json')));
    await writeFile(join(foreign, 'index.html'), '<p>mine</p>');
    const refused = await msasim(['report', foreign, '--lang', 'ko']);
    expect(refused.code).toBe(2);
    expect(refused.err).toBe(
      `✖ report ${foreign}: index.html을 msasim이 쓰지 않았습니다 (폴더에 표식이 없고 페이지에 msasim의 generator 태그가 없습니다).\n` +
        '  → index.html을 폴더 밖으로 옮기거나, 시나리오를 새 폴더로 다시 실행하세요. 아무것도 쓰지 않았습니다.\n',
    );
    expect(await readFile(join(foreign, 'index.html'), 'utf8')).toBe('<p>mine</p>');
  });

  it('rebuilds the page of a results.json an older msasim wrote (fields added since: none)', async () => {
    const dir = join(await mkdtemp(join(tmpdir(), 'msasim-report-')), 'storm');
    const args = ['run', 'scenarios/resilience/retry-storm.yaml', '--out', dir];
    // 20 s: the fault (at 25 s) never fires, so the page has a "never fired" note
    expect((await msasim([...args, '--duration', '20s'])).code).toBe(0);
    const file = join(dir, 'results.json');
    const data = JSON.parse(await readFile(file, 'utf8'));
    // older results.json had neither field; with both lists emptied, the page is the same
    for (const v of data.variants) {
      expect(v.propagation.notFired).toHaveLength(1);
      v.propagation.notFired = [];
      v.propagation.dataDamage = [];
    }
    await writeFile(file, JSON.stringify(data));
    expect((await msasim(['report', dir])).code).toBe(0);
    const emptied = await readFile(join(dir, 'index.html'));
    for (const v of data.variants) {
      delete v.propagation.notFired;
      delete v.propagation.dataDamage;
    }
    await writeFile(file, JSON.stringify(data));
    const r = await msasim(['report', dir]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect((await readFile(join(dir, 'index.html'))).equals(emptied)).toBe(true);
  });

  it('says which folder has no results.json (exit 1, no stack trace)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'msasim-empty-report-'));
    const r = await msasim(['report', dir]);
    expect(r.code).toBe(1);
    expect(r.err).toBe(
      `✖ cannot read ${join(dir, 'results.json')}.\n  → give the folder a run wrote (reports/<scenario name> by default).\n`,
    );
  });

  it('says so when given a missing folder or a file (a scenario instead of its report)', async () => {
    const missing = join(tmpdir(), 'msasim-no-such-report');
    const none = await msasim(['report', missing]);
    expect(none.code).toBe(1);
    expect(none.err).toBe(
      `✖ there is no folder ${missing}.\n  → give the folder a run wrote (reports/<scenario name> by default).\n`,
    );
    const dir = await mkdtemp(join(tmpdir(), 'msasim-report-file-'));
    const scenario = join(dir, 'shop.yaml');
    await writeFile(scenario, 'version: 1\n');
    const file = await msasim(['report', scenario]);
    expect(file.code).toBe(1);
    expect(file.err).toBe(
      `✖ ${scenario} is a file, not a report folder.\n  → give the folder a run wrote (reports/<scenario name> by default); to run a scenario: msasim run ${scenario}\n`,
    );
  });

  it.each([
    ['not JSON', 'nope', /is not valid JSON/],
    [
      'JSON of something else',
      '{"runs": []}',
      /is not a msasim results\.json \(it has no "format"\)/,
    ],
    [
      'another format',
      '{"format": 99}',
      /has format 99; this msasim reads format 1\.\n {2}→ run the scenario again/,
    ],
    [
      'an incomplete report',
      '{"format": 1, "scenario": {"name": "x"}}',
      /is not a complete msasim results\.json:\n {2}scenario\.description: .*\n/,
    ],
  ])('refuses %s with one message (exit 1)', async (_, text, message) => {
    const dir = await mkdtemp(join(tmpdir(), 'msasim-report-'));
    await writeFile(join(dir, 'results.json'), text);
    const r = await msasim(['report', dir]);
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).toMatch(/^✖ /);
    expect(r.err).toMatch(message);
    expect(r.err).not.toMatch(/\n\s+at /);
  });
});
