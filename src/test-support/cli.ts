/**
 * Test helpers that run msasim's command line, built (dist/, as `npm test` builds it first):
 * in this process (the built, unbundled `main` with captured output, no process start-up: the
 * code, commands, guards, files and exit codes of bin/msasim), or as the binary itself (`node
 * bin/msasim`) where the process is under test: its wiring, signals, pipes, the working folder,
 * environment variables. vitest.config.ts has Node load dist/ itself (not through vitest's
 * module runner), so an in-process run goes at the binary's speed.
 */
import { execFile } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { capturedIo } from './captured-io.ts';

/** The repository's root folder (bin/, scenarios/, package.json). */
export const ROOT = join(import.meta.dirname, '..', '..');

/** The built CLI. */
export const BIN = join(ROOT, 'bin', 'msasim');

type Main = typeof import('../cli/main.ts').main;
let built: Promise<Main> | undefined;

/** The built CLI's main() (dist/cli/main.js). */
function builtMain(): Promise<Main> {
  built ??= builtModule<{ main: Main }>('cli/main.ts').then((m) => m.main);
  return built;
}

/**
 * The built module of `src/<path>` (dist/, `.ts` → `.js`, tsc's unbundled output), loaded by Node
 * itself (in the e2e project: vitest.config.ts); type it as `typeof import(<the source>)`. The
 * binary starts from esbuild's bundle of the same code with its code cache (dist/bundle/,
 * scripts/build-cli.mjs, cli/code-cache.ts): `node bin/msasim` tests cover that.
 */
export function builtModule<T>(path: string): Promise<T> {
  return import(pathToFileURL(join(ROOT, 'dist', path.replace(/\.ts$/, '.js'))).href);
}

/** What a command printed and its exit code. */
export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Commands running in this process, and the folder the process moved to for one. */
let running = 0;
let movedTo: string | undefined;

/**
 * Runs the built `msasim <args>` in this process and returns its exit code and output.
 * Relative paths are read from the working folder of the test process, which vitest sets to
 * the repository's root (checked, so a relative path cannot silently mean another file), or
 * from `cwd`: the process moves there for the command and back to the root after it. That is
 * safe in the e2e project's worker processes, which run one test at a time; a command with a
 * `cwd` while another command runs in the process (or one during it) is refused.
 */
export async function msasimInProcess(
  args: string[],
  opts: { cwd?: string } = {},
): Promise<CliResult> {
  const main = await builtMain();
  // checked after the last await before the command starts, so two calls cannot both pass
  if (movedTo !== undefined || (opts.cwd !== undefined && running > 0))
    throw new Error('msasimInProcess: a command with its own working folder runs alone');
  if (process.cwd() !== ROOT)
    throw new Error(
      `msasimInProcess needs the repository root as working folder, not ${process.cwd()}`,
    );
  const { io, printed } = capturedIo();
  running++;
  if (opts.cwd !== undefined) {
    movedTo = opts.cwd;
    process.chdir(opts.cwd);
  }
  try {
    const code = await main(['node', 'msasim', ...args], io);
    return { code, stdout: printed.out, stderr: printed.err };
  } finally {
    running--;
    if (movedTo !== undefined) {
      process.chdir(ROOT);
      movedTo = undefined;
    }
  }
}

/** Options of a run of the built binary. */
export interface SpawnOptions {
  /** Working folder (default: the repository's root). */
  cwd?: string;
  /** Variables added to the environment (over LC_ALL, LC_MESSAGES, LANG pinned to English). */
  env?: Record<string, string>;
  /** A run still going after this long is killed with SIGTERM (default 60 s). */
  timeoutMs?: number;
}

/**
 * Runs the built binary `node bin/msasim <args>` and returns its exit code (null when a signal
 * ended it), the signal and its output.
 */
export function msasimSpawned(
  args: string[],
  opts: SpawnOptions = {},
): Promise<{ code: number | null; signal: string | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      'node',
      [BIN, ...args],
      {
        cwd: opts.cwd ?? ROOT,
        // the locale pinned to English (the report's language follows it, cli/lang.ts), so the
        // goldens hold whatever the test machine's LANG; a test sets its own over it
        env: { ...process.env, LC_ALL: '', LC_MESSAGES: '', LANG: 'C', ...opts.env },
        timeout: opts.timeoutMs ?? 60_000,
        maxBuffer: 64 * 1024 * 1024,
      },
      (error, stdout, stderr) => {
        const e = error as (Error & { code?: number | string; signal?: string }) | null;
        resolve({
          code: e === null ? 0 : typeof e.code === 'number' ? e.code : null,
          signal: e?.signal ?? null,
          stdout,
          stderr,
        });
      },
    );
  });
}

/** Every file under `dir` (its path relative to `dir` → its text), sorted by path. */
export async function fileTree(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const e of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!e.isFile()) continue;
    const path = join(e.parentPath, e.name);
    out[path.slice(dir.length + 1)] = await readFile(path, 'utf8');
  }
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => (a < b ? -1 : 1)));
}
