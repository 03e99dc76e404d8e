/**
 * Global setup of the e2e project (vitest.config.ts): refuses to test a dist/ older than the
 * sources (the e2e tests run the built CLI: `npm test` builds it first, `npx vitest` alone does
 * not), makes a fresh folder for the runs the e2e tests share (shipped-runs.ts), hands its path
 * to the test files (`inject('sharedRunsDir')`) and removes it when the test run ends. A fresh
 * folder per test run means nothing is ever reused from an earlier run. It also starts the one
 * Chromium the browser tests share (chromium.ts; `inject('chromiumEndpoint')`, absent when
 * /usr/bin/chromium is missing) and closes it at the end.
 */
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserServer } from 'playwright-core';
import type { TestProject } from 'vitest/node';
import { chromiumAvailable, launchChromiumServer } from './chromium.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The folder of the shared runs of this test run (shipped-runs.ts). */
    sharedRunsDir: string;
    /** The playwright-core endpoint of the test run's Chromium (undefined without Chromium). */
    chromiumEndpoint: string | undefined;
  }
}

const ROOT = join(import.meta.dirname, '..', '..');

/** The newest modification time of the files under `dir` that `keep` accepts, ms (0: none). */
async function newest(dir: string, keep: (file: string) => boolean): Promise<number> {
  let latest = 0;
  for (const file of await readdir(dir, { recursive: true, encoding: 'utf8' }).catch(() => []))
    if (keep(file.split('\\').join('/')))
      latest = Math.max(latest, (await stat(join(dir, file))).mtimeMs);
  return latest;
}

/**
 * Throws when dist/ or dist-web/ is missing or older than a source file it is built from. The
 * build is incremental (tsconfig.build.json): it rewrites only what changed, and `npm run build`
 * touches dist/.tsbuildinfo when it ends, so that file's time is the build's.
 */
async function checkBuilt(): Promise<void> {
  const built = await newest(join(ROOT, 'dist'), (f) => f.endsWith('.js') || f === '.tsbuildinfo');
  const sources = await newest(
    join(ROOT, 'src'),
    (f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !f.startsWith('test-support/'),
  );
  if (built === 0 || built < sources)
    throw new Error(
      `dist/ is ${built === 0 ? 'not built' : 'older than src/'}: the e2e tests run the built CLI. ` +
        'Run `npm run build` first (`npm test` does).',
    );
  // the playground (dist-web/, bundled from src/ by scripts/build-web.mjs after dist/)
  const web = await newest(join(ROOT, 'dist-web'), (f) => f.endsWith('.js'));
  const page = await newest(join(ROOT, 'src', 'web'), (f) => f.endsWith('.html'));
  if (web === 0 || web < Math.max(sources, page))
    throw new Error(
      `dist-web/ is ${web === 0 ? 'not built' : 'older than src/'}: the e2e tests open the built playground. ` +
        'Run `npm run build` first (`npm test` does).',
    );
}

let dir: string | undefined;
let browser: BrowserServer | undefined;

/**
 * Checks the build, creates the folder of the shared runs and starts Chromium (while the build
 * is checked), and provides the folder's path and the browser's endpoint.
 */
export async function setup(project: TestProject): Promise<void> {
  const launching = chromiumAvailable() ? launchChromiumServer() : undefined;
  try {
    await checkBuilt();
  } finally {
    browser = await launching;
  }
  dir = await mkdtemp(join(tmpdir(), 'msasim-shared-runs-'));
  project.provide('sharedRunsDir', dir);
  project.provide('chromiumEndpoint', browser?.wsEndpoint());
}

/** Closes Chromium and removes the folder of the shared runs (only the one setup made). */
export async function teardown(): Promise<void> {
  await browser?.close();
  if (dir !== undefined) await rm(dir, { recursive: true, force: true });
}
