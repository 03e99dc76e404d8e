/**
 * The test run's temporary folder (vitest.config.ts): os.tmpdir() in a test worker, and in a
 * process a test starts, is the run's own folder, so nothing a test leaves behind outlives the run.
 */
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { basename, dirname } from 'node:path';
import { describe, expect, it } from 'vitest';

describe('the test run’s temporary folder', () => {
  it('is os.tmpdir() in the worker and in a process it starts', () => {
    expect(basename(tmpdir())).toMatch(/^msasim-t-/);
    // one folder for the whole run, not one inside another per evaluation of the config
    expect(tmpdir()).toBe(process.env.MSASIM_TEST_TMP);
    expect(basename(dirname(tmpdir()))).not.toMatch(/^msasim-t-/);
    const child = execFileSync(process.execPath, ['-p', 'require("node:os").tmpdir()'], {
      encoding: 'utf8',
    }).trim();
    expect(child).toBe(tmpdir());
  });
});
