/**
 * Starts the command line from its bundle with V8's code cache (issue 15, fast start): Node 20
 * has no compile cache of its own, and compiling the code `msasim validate` runs was about a
 * third of its CPU time over a bare `node`. scripts/build-cli.mjs bundles the CLI into one
 * CommonJS-shaped script (dist/bundle/cli.cjs), runs `validate` on a shipped scenario in a
 * fresh `node` and writes what V8 compiled by then (`script.createCachedData()`: the top level
 * and every function the run called) into dist/bundle/cli.cache. `bin/msasim` compiles the
 * script here through `vm.Script` with that cache: V8 deserializes the compiled code instead
 * of parsing and compiling it.
 *
 * The cache is only ever written by the build, never at run time (nothing goes into the user's
 * folders). V8 checks it itself (its version, its flags, the source's length) and rejects one
 * that does not fit — another Node, `node --some-v8-flag bin/msasim` — and then compiles
 * normally: slower, never wrong. Because V8 compares only the source's length, the build also
 * ends the script with a key (the SHA-256 of the script before the key) and starts the cache
 * file with the same key; a cache whose key differs from the script's (a stale pair) is not
 * offered to V8 at all. A missing, short or unreadable cache file is no cache.
 *
 * The script runs in this context as the body of a function of `exports, require, module,
 * __filename, __dirname` (a CommonJS module's, with `require` resolving from the bundle's
 * folder) and `__msasimBundleUrl` (the bundle's file URL: the build rewrites each module's
 * `import.meta.url` against it). The build leaves no `import()` in it: through `vm.Script` that
 * takes Node's experimental main-context loader (`vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER`,
 * Node 20.12+), which warns on stderr when used; it is passed all the same, so that one left
 * by mistake still loads.
 */
import * as buffer from 'node:buffer';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import vm from 'node:vm';

/** What the build appends as the script's last line, followed by the key and a newline. */
export const KEY_MARK = '\n//# msasim-code-cache-key=';

/** Length of a key (hex SHA-256). */
export const KEY_LENGTH = 64;

/** A script run by runCachedScript. */
export interface CachedScript<T> {
  /** The script's `module.exports`. */
  exports: T;
  /** Compiled script (the build asks it for `createCachedData()` after the warm-up). */
  script: vm.Script;
  /** The key at the end of the script (undefined: it has none). */
  key: string | undefined;
  /**
   * Whether V8 rejected the cache offered: undefined when none was offered (no file, another
   * key), false when it was used, true when V8 refused it and compiled the source.
   */
  cacheRejected: boolean | undefined;
}

/**
 * The text of a file's bytes: an ASCII file (the build makes the bundle one, cli/ascii-source.ts)
 * read as latin1, a copy of its bytes into a one-byte string; any other decoded as UTF-8.
 */
export function sourceText(bytes: Buffer): string {
  // buffer.isAscii: Node 20.9+
  return buffer.isAscii?.(bytes) ? bytes.toString('latin1') : bytes.toString('utf8');
}

/** The key at the end of `source` (its last line, see KEY_MARK), or undefined. */
export function keyOf(source: string): string | undefined {
  const at = source.lastIndexOf(KEY_MARK);
  if (at < 0) return undefined;
  const key = source.slice(at + KEY_MARK.length).trimEnd();
  return /^[0-9a-f]{64}$/.test(key) ? key : undefined;
}

/** V8's data in `file` if the file starts with `key`, else undefined (missing or stale). */
export function cacheFor(file: string, key: string | undefined): Buffer | undefined {
  if (key === undefined) return undefined;
  let data: Buffer;
  try {
    data = readFileSync(file);
  } catch {
    return undefined;
  }
  if (data.length <= KEY_LENGTH || data.toString('latin1', 0, KEY_LENGTH) !== key) return undefined;
  return data.subarray(KEY_LENGTH);
}

/**
 * The contents of a cache file for `script` (compiled from a source with `key`): the key, then
 * V8's data as of now (call it after the representative run).
 */
export function cacheFileContents(script: vm.Script, key: string): Buffer {
  return Buffer.concat([Buffer.from(key, 'latin1'), script.createCachedData()]);
}

/**
 * Compiles and runs the CommonJS-shaped script `file` with the code cache in `cacheFile` when
 * it fits (see the header), and returns its exports.
 */
export function runCachedScript<T>(file: string, cacheFile: string): CachedScript<T> {
  const source = sourceText(readFileSync(file));
  const key = keyOf(source);
  const cachedData = cacheFor(cacheFile, key);
  const script = new vm.Script(
    `(function (exports, require, module, __filename, __dirname, __msasimBundleUrl) {${source}\n})`,
    {
      filename: file,
      cachedData,
      importModuleDynamically: vm.constants?.USE_MAIN_CONTEXT_DEFAULT_LOADER,
    },
  );
  const module = { exports: {} as T };
  const body = script.runInThisContext() as (...args: unknown[]) => void;
  body.call(
    module.exports,
    module.exports,
    createRequire(file),
    module,
    file,
    dirname(file),
    pathToFileURL(file).href,
  );
  return {
    exports: module.exports,
    script,
    key,
    cacheRejected: cachedData === undefined ? undefined : script.cachedDataRejected,
  };
}

/** The command line's bundle and its cache (dist/bundle/, written by scripts/build-cli.mjs). */
export const CLI_BUNDLE = join(dirname(fileURLToPath(import.meta.url)), '..', 'bundle', 'cli.cjs');
export const CLI_CACHE = join(dirname(CLI_BUNDLE), 'cli.cache');

/** The command line (`main` of cli/main.ts) from its bundle, with the build's code cache. */
export function loadCli(): CachedScript<typeof import('./main.ts')> {
  return runCachedScript(CLI_BUNDLE, CLI_CACHE);
}
