/**
 * The test run's own temporary folder (vitest.config.ts): made under os.tmpdir() as
 * `msasim-t-<pid of vitest>-<random>`, given to the workers, the CLIs they start and Chromium as
 * TMPDIR, and removed when vitest exits, so what a test leaves in os.tmpdir() does not outlive
 * the run. A run killed before its exit handler ran (SIGTERM, SIGKILL) leaves its folder: a
 * later run removes the folders whose vitest is gone (their pid names no live process) and
 * that nothing touched for an hour. Only folders of that name are ever removed: a test run made
 * them.
 */
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

const NAME = /^msasim-t-(\d+)-/;

/** Whether process `pid` is alive (one we may not signal is alive too). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * A folder untouched this long whose pid is not alive is an orphan. The age guards a live run
 * whose pid this process cannot see (another container sharing /tmp): a run takes minutes.
 */
const ORPHAN_AFTER_MS = 3_600_000;

/**
 * Removes the test-run folders in `parent` whose vitest process is gone and that nothing touched
 * since an hour before `nowMs` (the wall clock: vitest.config.ts reads it, as nothing under src/
 * outside cli/ may); their names.
 */
export function removeOrphans(parent: string, nowMs: number): string[] {
  const removed: string[] = [];
  for (const name of readdirSync(parent)) {
    const m = NAME.exec(name);
    if (m === null || alive(Number(m[1]))) continue;
    const path = join(parent, name);
    if (nowMs - statSync(path).mtimeMs < ORPHAN_AFTER_MS) continue;
    rmSync(path, { recursive: true, force: true });
    removed.push(name);
  }
  return removed;
}

/**
 * The folder of this test run, made once per vitest process (vitest evaluates its config more
 * than once: once more per project) and set as TMPDIR. Its name is short: Chromium's socket path
 * under it must fit in 107 bytes.
 */
export function testRunFolder(parent: string, nowMs: number): string {
  const made = process.env.MSASIM_TEST_TMP;
  if (made !== undefined) return made;
  removeOrphans(parent, nowMs);
  const folder = mkdtempSync(join(parent, `msasim-t-${process.pid}-`));
  process.env.MSASIM_TEST_TMP = folder;
  process.env.TMPDIR = folder;
  process.on('exit', () => rmSync(folder, { recursive: true, force: true }));
  return folder;
}
