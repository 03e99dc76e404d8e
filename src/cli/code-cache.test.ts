/**
 * The code cache's loader (cli/code-cache.ts) on small scripts in a temporary folder: the
 * CommonJS-shaped function it runs, and which cache it offers V8 (a matching key only) and how
 * a cache V8 refuses falls back to a normal compile. The built CLI's own cache, in fresh
 * processes and under other V8 flags: code-cache.e2e.test.ts.
 */
import { createHash } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cacheFileContents, KEY_MARK, keyOf, runCachedScript } from './code-cache.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'msasim-code-cache-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** `body` with its key appended, as scripts/build-cli.mjs writes it. */
function keyed(body: string): string {
  return `${body}${KEY_MARK}${createHash('sha256').update(body).digest('hex')}\n`;
}

/** Writes a keyed script `name` and returns its path. */
async function script(name: string, body: string): Promise<string> {
  const file = join(dir, name);
  await writeFile(file, keyed(body));
  return file;
}

interface Answer {
  answer: () => number;
}

describe('keyOf', () => {
  const key = 'ab'.repeat(32);
  it('reads the key of the last line', () => {
    expect(keyOf(`x = 1;${KEY_MARK}${key}\n`)).toBe(key);
    expect(keyOf(keyed('x = 1;'))).toBe(createHash('sha256').update('x = 1;').digest('hex'));
  });
  it('finds none without the mark or with a malformed key', () => {
    expect(keyOf('x = 1;\n')).toBeUndefined();
    expect(keyOf(`x = 1;${KEY_MARK}${key.slice(1)}\n`)).toBeUndefined();
    expect(keyOf(`x = 1;${KEY_MARK}${key.toUpperCase()}\n`)).toBeUndefined();
  });
});

describe('runCachedScript', () => {
  it('runs the script as a strict CommonJS-shaped function of the bundle folder', async () => {
    await writeFile(join(dir, 'beside.json'), '{ "beside": true }');
    const file = await script(
      'shape.cjs',
      `"use strict";
      module.exports = {
        strict: (function () { return this; })() === undefined,
        file: __filename, dir: __dirname, url: __msasimBundleUrl,
        beside: require('./beside.json').beside,
      };`,
    );
    const run = runCachedScript<{
      strict: boolean;
      file: string;
      dir: string;
      url: string;
      beside: boolean;
    }>(file, join(dir, 'shape.cache'));
    expect(run.exports).toMatchObject({ strict: true, file, dir, beside: true });
    expect(run.exports.url).toBe(pathToFileURL(file).href);
    // no cache file: none offered
    expect(run.cacheRejected).toBeUndefined();
  });

  it("offers V8 the cache written for the script's key, and the script runs from it", async () => {
    const file = await script('kept.cjs', 'module.exports = { answer: () => 6 * 7 };');
    const cacheFile = join(dir, 'kept.cache');
    const first = runCachedScript<Answer>(file, cacheFile);
    expect(first.exports.answer()).toBe(42);
    await writeFile(cacheFile, cacheFileContents(first.script, first.key ?? ''));
    const second = runCachedScript<Answer>(file, cacheFile);
    expect(second.cacheRejected).toBe(false);
    expect(second.exports.answer()).toBe(42);
  });

  it('compiles normally when V8 refuses the cache (data it cannot read)', async () => {
    const file = await script('refused.cjs', 'module.exports = { answer: () => 41 + 1 };');
    const cacheFile = join(dir, 'refused.cache');
    const key = keyOf(keyed('module.exports = { answer: () => 41 + 1 };')) ?? '';
    await writeFile(cacheFile, Buffer.concat([Buffer.from(key), Buffer.alloc(4096, 7)]));
    const run = runCachedScript<Answer>(file, cacheFile);
    expect(run.cacheRejected).toBe(true);
    expect(run.exports.answer()).toBe(42);
  });

  it("never offers another script's cache, even one of the same length V8 would take", async () => {
    // V8 checks a cache against the source's length only: this one would run 1 + 1 as 2 + 2
    const a = await script('same-a.cjs', 'module.exports = { answer: () => 2 + 2 };');
    const b = await script('same-b.cjs', 'module.exports = { answer: () => 1 + 1 };');
    const fromA = runCachedScript<Answer>(a, join(dir, 'none.cache'));
    const cacheFile = join(dir, 'same-b.cache');
    await writeFile(cacheFile, cacheFileContents(fromA.script, fromA.key ?? ''));
    const run = runCachedScript<Answer>(b, cacheFile);
    expect(run.cacheRejected).toBeUndefined();
    expect(run.exports.answer()).toBe(2);
  });

  it('offers nothing from a cache file holding only a key, or for a script without a key', async () => {
    const file = await script('short.cjs', 'module.exports = { answer: () => 40 + 2 };');
    const key = keyOf(keyed('module.exports = { answer: () => 40 + 2 };')) ?? '';
    await writeFile(join(dir, 'short.cache'), key);
    const short = runCachedScript<Answer>(file, join(dir, 'short.cache'));
    expect(short.cacheRejected).toBeUndefined();
    expect(short.exports.answer()).toBe(42);

    const bare = join(dir, 'bare.cjs');
    await writeFile(bare, 'module.exports = { answer: () => 84 / 2 };');
    const unkeyed = runCachedScript<Answer>(bare, join(dir, 'short.cache'));
    expect(unkeyed.key).toBeUndefined();
    expect(unkeyed.cacheRejected).toBeUndefined();
    expect(unkeyed.exports.answer()).toBe(42);
  });
});
