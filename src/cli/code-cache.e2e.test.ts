/**
 * The built command line's code cache (dist/bundle/cli.cache, written by scripts/build-cli.mjs;
 * cli/code-cache.ts) in fresh processes: a plain `node` takes it; under other V8 flags V8
 * refuses it and `msasim` compiles its bundle itself, printing the same bytes with the same
 * exit code and nothing more on stderr. The replication threads start from the bundle too
 * (dist/cli/replication-thread.js) and run the same task as the unbundled worker.
 */
import { isAscii } from 'node:buffer';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { BIN, ROOT } from '../test-support/cli.ts';

const run = promisify(execFile);
const ENV: NodeJS.ProcessEnv = { ...process.env, LC_ALL: '', LC_MESSAGES: '', LANG: 'C' };
delete ENV.NODE_OPTIONS;

/** What cli/code-cache.ts says of the build's cache in a fresh `node <flags>`. */
async function cacheRejected(flags: string[]): Promise<string> {
  const loader = pathToFileURL(join(ROOT, 'dist', 'cli', 'code-cache.js')).href;
  const { stdout } = await run(
    'node',
    [
      ...flags,
      '--input-type=module',
      '-e',
      `import { loadCli } from ${JSON.stringify(loader)}; process.stdout.write(String(loadCli().cacheRejected));`,
    ],
    { cwd: ROOT, env: ENV },
  );
  return stdout;
}

/** `node <flags> bin/msasim <args>`: exit code and output. */
async function msasim(
  flags: string[],
  args: string[],
): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run('node', [...flags, BIN, ...args], { cwd: ROOT, env: ENV });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

describe('the code cache of the built CLI', () => {
  it('goes with an ASCII-only bundle (read as latin1: cli/ascii-source.ts)', async () => {
    expect(isAscii(await readFile(join(ROOT, 'dist', 'bundle', 'cli.cjs')))).toBe(true);
  });

  it('is taken by a plain node and refused under another V8 flag', async () => {
    expect(await cacheRejected([])).toBe('false');
    expect(await cacheRejected(['--no-opt'])).toBe('true');
    expect(await cacheRejected(['--max-old-space-size=4096'])).toBe('true');
  });

  it('makes no difference to what msasim prints when V8 refuses it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'msasim-code-cache-'));
    try {
      const bad = join(dir, 'bad.yaml');
      await writeFile(bad, 'name: bad\nservises: {}\n');
      for (const args of [
        ['validate', 'scenarios/shop.yaml'],
        ['validate', bad],
        ['validate', join(dir, 'missing.yaml')],
        ['--version'],
        ['run', 'scenarios/shop.yaml', '--no-such-option'],
      ]) {
        const cached = await msasim([], args);
        const refused = await msasim(['--no-opt'], args);
        expect(refused, args.join(' ')).toEqual(cached);
        expect(cached.stderr.includes('Warning'), args.join(' ')).toBe(false);
      }
      expect((await msasim([], ['validate', 'scenarios/shop.yaml'])).code).toBe(0);
      expect((await msasim([], ['validate', bad])).code).toBe(1);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("starts the replication threads: their entry runs the unbundled worker's task from the bundle", async () => {
    // in a fresh node, one task through dist/cli/replication-thread.js (the bundle, what a
    // thread of `--jobs`/`sweep` loads) and through dist/cli/replication-worker.js: same summary
    const url = (f: string) => JSON.stringify(pathToFileURL(join(ROOT, 'dist', 'cli', f)).href);
    const task = {
      file: 'shop.yaml',
      text: await readFile(join(ROOT, 'scenarios', 'shop.yaml'), 'utf8'),
      overrides: [],
      variant: null,
      seed: undefined,
      replication: 2,
      durationMs: 6000,
      limits: { maxEvents: 1e7, maxWall: 60_000 },
      deadline: Number.MAX_SAFE_INTEGER,
    };
    const { stdout } = await run(
      'node',
      [
        '--input-type=module',
        '-e',
        `import { runReplicationTask as thread } from ${url('replication-thread.js')};
         import { runReplicationTask as worker } from ${url('replication-worker.js')};
         const task = ${JSON.stringify(task)};
         const [a, b] = [await thread(task), await worker(task)];
         process.stdout.write(JSON.stringify([a.summary.run, JSON.stringify(a) === JSON.stringify(b)]));`,
      ],
      { cwd: ROOT, env: ENV },
    );
    const [run2, same] = JSON.parse(stdout);
    expect(run2.requests).toBeGreaterThan(5000);
    expect(same).toBe(true);
  });
});
