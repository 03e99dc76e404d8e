/**
 * Global setup of the e2e project (vitest.config.ts): makes a fresh folder for the runs the
 * e2e tests share (shipped-runs.ts), hands its path to the test files (`inject('sharedRunsDir')`)
 * and removes it when the test run ends. A fresh folder per test run means nothing is ever
 * reused from an earlier run, whose sources may have differed.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The folder of the shared runs of this test run (shipped-runs.ts). */
    sharedRunsDir: string;
  }
}

let dir: string | undefined;

/** Creates the folder of the shared runs and provides its path. */
export async function setup(project: TestProject): Promise<void> {
  dir = await mkdtemp(join(tmpdir(), 'msasim-shared-runs-'));
  project.provide('sharedRunsDir', dir);
}

/** Removes the folder of the shared runs (only the one setup made). */
export async function teardown(): Promise<void> {
  if (dir !== undefined) await rm(dir, { recursive: true, force: true });
}
