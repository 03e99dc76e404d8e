/**
 * The test run's temporary folder (test-support/test-tmp.ts, made by vitest.config.ts):
 * os.tmpdir() in a test worker, and in a process a test starts, is the run's own folder, so
 * nothing a test leaves behind outlives the run; a killed run's folder goes at the next run.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempFolder } from './temp-folder.ts';
import { removeOrphans } from './test-tmp.ts';

describe('the test run’s temporary folder', () => {
  it('is os.tmpdir() in the worker and in a process it starts', () => {
    expect(basename(tmpdir())).toMatch(/^msasim-t-\d+-/);
    // one folder for the whole run, not one inside another per evaluation of the config
    expect(tmpdir()).toBe(process.env.MSASIM_TEST_TMP);
    expect(basename(dirname(tmpdir()))).not.toMatch(/^msasim-t-/);
    const child = execFileSync(process.execPath, ['-p', 'require("node:os").tmpdir()'], {
      encoding: 'utf8',
    }).trim();
    expect(child).toBe(tmpdir());
  });

  const parent = tempFolder('orphans-');
  it('removes the folders of runs whose vitest is gone, and nothing else', () => {
    // a pid that was alive and is not any more: a child that has exited
    const gone = Number(
      execFileSync(process.execPath, ['-p', 'process.pid'], { encoding: 'utf8' }),
    );
    const names = [
      `msasim-t-${gone}-aBc123`,
      `msasim-t-${process.pid}-dEf456`,
      'msasim-t-notapid-x',
      `msasim-e2e-${gone}-x`,
      'unrelated',
    ];
    for (const n of names) mkdirSync(join(parent.path, n, 'inside'), { recursive: true });
    // under an hour old: kept whoever made it (a live run this process cannot see)
    const made = statSync(join(parent.path, names[0])).mtimeMs;
    expect(removeOrphans(parent.path, made + 3_500_000)).toEqual([]);
    expect(removeOrphans(parent.path, made + 3_600_000)).toEqual([`msasim-t-${gone}-aBc123`]);
    expect(readdirSync(parent.path).sort()).toEqual(names.slice(1).sort());
  });
});
