/**
 * Two test projects (`npm test` runs both; src/README.md, "Tests"):
 * - unit: every test beside the code; no built CLI, no browser. `npx vitest run --project unit`
 *   is the quick loop.
 * - e2e: the built CLI (`bin/msasim` → dist/, `npm test` builds first), every shipped scenario
 *   (run once per test run and shared: src/test-support/shipped-runs.ts, its folder made by
 *   src/test-support/global-setup.ts), determinism, fuzzing and the browser tests.
 * Test files share one module graph per worker (`isolate: false`): no test mocks a module or
 * changes globals, and importing the sources once per worker instead of once per file saves
 * about a third of the unit tests' CPU time. Workers are processes (vitest's default pool),
 * not threads: validate-scaling.test.ts measures its process's CPU time, which threads share.
 */
import { availableParallelism, tmpdir } from 'node:os';
import { defineConfig } from 'vitest/config';
import { LongFirstSequencer } from './src/test-support/sequencer.ts';
import { testRunFolder } from './src/test-support/test-tmp.ts';

/**
 * One temporary folder per test run (test-support/test-tmp.ts): TMPDIR for every test, every CLI
 * it starts and the Chromium of the browser tests, removed when vitest exits (or by the next run,
 * when this one was killed), so whatever a test leaves in os.tmpdir() goes with the run instead
 * of piling up in /tmp.
 */
testRunFolder(tmpdir(), Date.now());

/** The end-to-end and whole-system tests; everything else under src/ is a unit test. */
const E2E = [
  'src/**/*.e2e.test.ts',
  'src/**/*.browser.test.ts',
  'src/**/*.fuzz.test.ts',
  'src/model/determinism.test.ts',
];

export default defineConfig({
  test: {
    // vitest's default leaves one core free (cores − 1): one worker on a 2-core machine, where
    // the main process is idle while the tests run
    maxWorkers: availableParallelism(),
    // transformed modules are kept on disk between test runs (node_modules/.experimental-vitest-cache),
    // keyed by their content: a run after a change transforms only the files changed
    experimental: { fsModuleCache: true },
    isolate: false,
    // the long e2e files start first whatever vitest's cache of durations says
    // (src/test-support/sequencer.ts): none is left running alone at the end
    sequence: { sequencer: LongFirstSequencer },
    testTimeout: 60_000,
    hookTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['src/**/*.test.ts'], exclude: E2E },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: E2E,
          globalSetup: ['src/test-support/global-setup.ts'],
          // the built CLI (test-support/cli.ts) is loaded by Node itself, as the binary is:
          // through vitest's module runner the simulations run about 10 % slower
          server: { deps: { external: [/\/dist\//] } },
          // a test may wait for a shared run another worker is making, on a loaded machine
          testTimeout: 180_000,
          hookTimeout: 300_000,
        },
      },
    ],
  },
});
