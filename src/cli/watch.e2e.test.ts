/**
 * `msasim run --watch` (the built binary, spawned: signals are under test): one run at the
 * start, exactly one more per save of the scenario (an editor's save is a burst of events),
 * the report rewritten each time, and Ctrl-C (SIGINT) ends the watch with exit code 0; with
 * --lang ko its lines are Korean.
 */
import { spawn } from 'node:child_process';
import { appendFile, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, ROOT } from '../test-support/cli.ts';
import { tempFolder } from '../test-support/temp-folder.ts';
import { TINY_YAML } from '../test-support/yaml.ts';

const dir = tempFolder('msasim-watch-');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('msasim run --watch', () => {
  it('reruns once per save and stops cleanly on Ctrl-C', async () => {
    const file = join(dir.path, 'tiny.yaml');
    const out = join(dir.path, 'report');
    await writeFile(file, TINY_YAML);
    const child = spawn('node', [BIN, 'run', file, '--out', out, '--watch', '--quiet'], {
      cwd: ROOT,
    });
    let stderr = '';
    child.stderr.on('data', (d) => {
      stderr += String(d);
    });
    child.stdout.resume();
    const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
    const runs = () => (stderr.match(/^watch: run \d+ /gm) ?? []).length;
    const until = async (n: number) => {
      for (let i = 0; i < 600 && runs() < n; i++) await sleep(50);
      expect(runs(), stderr).toBe(n);
    };
    try {
      await until(1);
      const first = await readFile(join(out, 'summary.json'), 'utf8');
      // a save made of three writes in a row (as some editors do) is one rerun
      await appendFile(file, '# one\n');
      await appendFile(file, '# two\n');
      await appendFile(file, '# three\n');
      await until(2);
      await writeFile(file, TINY_YAML.replace('rate: 200/s', 'rate: 100/s'));
      await until(3);
      await sleep(1000);
      expect(runs()).toBe(3);
      expect(await readFile(join(out, 'summary.json'), 'utf8')).not.toBe(first);
    } finally {
      child.kill('SIGINT');
    }
    expect(await exited).toBe(0);
    expect(stderr).toContain('reload the page');
    expect(stderr).toContain('watch: stopped');
  });

  it('speaks Korean with --lang ko: the line after each run and the stop', async () => {
    const file = join(dir.path, 'tiny-ko.yaml');
    const out = join(dir.path, 'report-ko');
    await writeFile(file, TINY_YAML);
    const child = spawn(
      'node',
      [BIN, 'run', file, '--out', out, '--watch', '--quiet', '--lang', 'ko'],
      { cwd: ROOT },
    );
    let stderr = '';
    child.stderr.on('data', (d) => {
      stderr += String(d);
    });
    child.stdout.resume();
    const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
    try {
      for (let i = 0; i < 600 && !/실행 1 완료/.test(stderr); i++) await sleep(50);
      expect(stderr).toMatch(
        /^watch: \d\d:\d\d:\d\d 실행 1 완료\. 페이지를 새로 고치면 보고서가 보입니다\. 지켜보는 파일: .*tiny-ko\.yaml, .*tiny-ko\.md, .*\(멈추려면 Ctrl-C\)$/m,
      );
    } finally {
      child.kill('SIGINT');
    }
    expect(await exited).toBe(0);
    expect(stderr).toContain('watch: 멈췄습니다');
    expect(stderr).not.toMatch(/reload the page|watch: stopped|Watching/);
  });
});
