/**
 * A temporary folder for the tests of one file or suite: made under os.tmpdir() before its
 * tests (beforeAll), removed with everything in it after them (afterAll). Only this folder is
 * ever removed: the tests write into it and nowhere else.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';

/** The folder (its `path` is set once the suite starts) named `prefix` + random letters. */
export function tempFolder(prefix: string): { readonly path: string } {
  const folder = { path: '' };
  beforeAll(async () => {
    folder.path = await mkdtemp(join(tmpdir(), prefix));
  });
  afterAll(async () => {
    if (folder.path !== '') await rm(folder.path, { recursive: true, force: true });
  });
  return folder;
}
