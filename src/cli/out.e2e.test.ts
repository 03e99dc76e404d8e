/**
 * What msasim may write and read, in temporary folders: --out refuses a folder holding the
 * user's files, a file, the folder above the current one (exit 2, nothing touched, nothing
 * created); a report is replaced whole and marked; a FIFO or a symbolic link beside the scenario
 * is not read as its lesson; a FIFO scenario is refused; a closed stdout pipe ends quietly; a
 * run killed (SIGKILL) at each step of the write protocol or at random moments leaves the old or
 * the new report, and the next run tidies up. Commands run in the test's folder with the built
 * CLI: through the binary (bin/msasim) where the process is under test (killed, reading a FIFO,
 * writing into a closed pipe), in-process otherwise (test-support/cli.ts, `inProcess`).
 */
import { execFile, execFileSync, spawn } from 'node:child_process';
import { cp, mkdir, mkdtemp, readdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { msasimInProcess } from '../test-support/cli.ts';
import { TINY_YAML } from '../test-support/yaml.ts';
import { WRITE_STAGES } from './io.ts';

const bin = join(import.meta.dirname, '..', '..', 'bin', 'msasim');

interface Result {
  code: number | null;
  signal: string | null;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in `cwd`; a run still going after `timeoutMs` is killed (signal SIGTERM). */
function msasim(
  args: string[],
  cwd: string,
  env: Record<string, string> = {},
  timeoutMs = 20_000,
): Promise<Result> {
  return new Promise((resolve) => {
    execFile(
      'node',
      [bin, ...args],
      { cwd, env: { ...process.env, ...env }, timeout: timeoutMs },
      (error, stdout, stderr) => {
        const e = error as (Error & { code?: number; signal?: string }) | null;
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

/** `msasim <args>` in-process (the built CLI) with `cwd` as the working folder. */
async function inProcess(args: string[], cwd: string): Promise<Result> {
  return { ...(await msasimInProcess(args, { cwd })), signal: null };
}

/** Every file under `dir` (relative path → bytes as latin1), sorted; {} when absent. */
async function tree(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  let entries: import('node:fs').Dirent[];
  try {
    entries = await readdir(dir, { recursive: true, withFileTypes: true });
  } catch {
    return out;
  }
  for (const e of entries) {
    const path = join(e.parentPath, e.name);
    out[path.slice(dir.length + 1)] = e.isFile()
      ? await readFile(path, 'latin1')
      : `<${e.isDirectory() ? 'dir' : 'other'}>`;
  }
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => (a < b ? -1 : 1)));
}

let root: string;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'msasim-out-'));
  await writeFile(join(root, 'tiny.yaml'), TINY_YAML);
});

/** A fresh folder with tiny.yaml in it. */
async function workspace(): Promise<string> {
  const dir = await mkdtemp(join(root, 'ws-'));
  await writeFile(join(dir, 'tiny.yaml'), TINY_YAML);
  return dir;
}

describe('--out refuses what msasim did not write (exit 2, nothing touched)', () => {
  it('a folder holding thesis.txt', async () => {
    const dir = await workspace();
    await mkdir(join(dir, 'victim'));
    const thesis = Buffer.from('my thesis, five years of work\n\u0000binary too');
    await writeFile(join(dir, 'victim', 'thesis.txt'), thesis);
    const before = await tree(dir);
    const r = await inProcess(['run', 'tiny.yaml', '--out', 'victim'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      '✖ --out victim: the folder exists and holds files msasim did not write (thesis.txt).\n' +
        '  → choose another folder (a new name is fine: msasim creates it), or empty this one. Nothing was written.\n',
    );
    expect(r.stdout).toBe('');
    expect((await readFile(join(dir, 'victim', 'thesis.txt'))).equals(thesis)).toBe(true);
    expect(await tree(dir)).toEqual(before);
  });

  it('a file, for every command that writes a folder', async () => {
    const dir = await workspace();
    await writeFile(join(dir, 'notes.txt'), 'notes');
    const before = await tree(dir);
    for (const args of [
      ['run', 'tiny.yaml'],
      ['compare', 'tiny.yaml'],
      ['spof', 'tiny.yaml', '--all'],
      ['sweep', 'tiny.yaml', '--param', 'services.server.instances=1,2'],
    ]) {
      const r = await inProcess([...args, '--out', 'notes.txt'], dir);
      expect(r.code, args[0]).toBe(2);
      expect(r.stderr).toMatch(/^✖ --out notes\.txt: it is a file, not a folder/);
    }
    const sub = await inProcess(['run', 'tiny.yaml', '--out', 'notes.txt/sub'], dir);
    expect(sub.code).toBe(2);
    expect(sub.stderr).toMatch(
      /notes\.txt is a file, not a folder, so nothing can be created inside it/,
    );
    expect(await tree(dir)).toEqual(before);
  });

  it('the folder above the current one (cd a/b && msasim run ../s.yaml --out ..)', async () => {
    const dir = await workspace();
    await mkdir(join(dir, 'a', 'b'), { recursive: true });
    await writeFile(join(dir, 'a', 's.yaml'), TINY_YAML);
    const before = await tree(dir);
    const r = await inProcess(['run', '../s.yaml', '--out', '..'], join(dir, 'a', 'b'));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^✖ --out \.\.: it holds the current folder/);
    const s = await inProcess(['run', 's.yaml', '--out', '.'], join(dir, 'a'));
    expect(s.stderr).toMatch(/^✖ --out \.: it is the current folder/);
    expect(await tree(dir)).toEqual(before);
  });

  it('a symbolic link to a folder, and an empty path', async () => {
    const dir = await workspace();
    await mkdir(join(dir, 'real'));
    await symlink(join(dir, 'real'), join(dir, 'link'));
    const r = await inProcess(['run', 'tiny.yaml', '--out', 'link'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/it is a symbolic link \(to a folder\)/);
    const e = await inProcess(['run', 'tiny.yaml', '--out', ''], dir);
    expect(e.code).toBe(2);
    expect(e.stderr).toMatch(/^✖ --out '': the path is empty/);
    expect(await readdir(join(dir, 'real'))).toEqual([]);
  });

  it('msasim report rewrites index.html only where msasim wrote it', async () => {
    const dir = await workspace();
    const out = join(dir, 'out');
    expect((await inProcess(['run', 'tiny.yaml', '--out', 'out'], dir)).code).toBe(0);
    // an unmarked folder holding the user's own index.html beside a results.json
    await mkdir(join(dir, 'theirs'));
    await cp(join(out, 'results.json'), join(dir, 'theirs', 'results.json'));
    await writeFile(join(dir, 'theirs', 'index.html'), '<h1>my page</h1>');
    const r = await inProcess(['report', 'theirs'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/its index\.html was not written by msasim/);
    expect(await readFile(join(dir, 'theirs', 'index.html'), 'utf8')).toBe('<h1>my page</h1>');
    expect(await readdir(join(dir, 'theirs'))).toEqual(['index.html', 'results.json']);
    expect((await inProcess(['report', 'out'], dir)).code).toBe(0);
  });
});

describe('a report is replaced whole and marked', () => {
  it('writing twice to the same folder replaces the report and leaves nothing beside it', async () => {
    const dir = await workspace();
    expect((await inProcess(['run', 'tiny.yaml', '--out', 'out', '--seed', '1'], dir)).code).toBe(
      0,
    );
    const first = await tree(join(dir, 'out'));
    expect(JSON.parse(first['.msasim-report'])).toMatchObject({ kind: 'report' });
    const r = await inProcess(['run', 'tiny.yaml', '--out', 'out', '--seed', '2'], dir);
    expect(r.code).toBe(0);
    const second = await tree(join(dir, 'out'));
    expect(Object.keys(second)).toEqual(Object.keys(first));
    expect(second['summary.json']).not.toBe(first['summary.json']);
    expect((await readdir(dir)).sort()).toEqual(['out', 'tiny.yaml']);
  });
});

describe('files msasim reads on its own', () => {
  it('a FIFO named like the lesson does not hang the run', async () => {
    const dir = await workspace();
    execFileSync('mkfifo', [join(dir, 'tiny.md')]);
    const r = await msasim(['run', 'tiny.yaml', '--out', 'out'], dir, {}, 15_000);
    expect(r.signal).toBeNull();
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/warning: tiny\.md: not read as the scenario's lesson: it is a FIFO/);
    expect(
      JSON.parse(await readFile(join(dir, 'out', 'results.json'), 'utf8')).scenario.lesson,
    ).toBeNull();
  });

  it('a lesson that is a symbolic link is not followed', async () => {
    const dir = await workspace();
    await writeFile(join(root, 'secret.txt'), 'SECRET-CONTENTS-42');
    await symlink(join(root, 'secret.txt'), join(dir, 'tiny.md'));
    const r = await inProcess(['run', 'tiny.yaml', '--out', 'out'], dir);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/tiny\.md: not read as the scenario's lesson: it is a symbolic link/);
    for (const f of ['results.json', 'index.html'])
      expect(await readFile(join(dir, 'out', f), 'utf8')).not.toContain('SECRET-CONTENTS-42');
  });

  it('a FIFO given as the scenario is refused at once (exit 1)', async () => {
    const dir = await workspace();
    execFileSync('mkfifo', [join(dir, 'pipe.yaml')]);
    const r = await msasim(['run', 'pipe.yaml'], dir, {}, 15_000);
    expect(r.signal).toBeNull();
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/cannot read pipe\.yaml: it is not a regular file/);
  });
});

describe('the command line', () => {
  it('msasim schema | head -1 ends quietly with exit 0', async () => {
    const child = spawn('node', [bin, 'schema'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    // the reader takes the first chunk and goes away, as head does
    await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
    child.stdout.destroy();
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });

  it('spof accepts --quiet', async () => {
    const dir = await workspace();
    const r = await inProcess(['spof', 'tiny.yaml', '--all', '--quiet', '--out', 'spof'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^spof tiny:/);
  });
});

describe('a run killed while it writes its report', () => {
  let refs: { old: Record<string, string>; new: Record<string, string> };
  let base: string;

  beforeAll(async () => {
    base = await workspace();
    for (const [name, seed] of [
      ['ref-old', '1'],
      ['ref-new', '2'],
    ])
      expect(
        (await inProcess(['run', 'tiny.yaml', '--seed', seed, '--out', name], base)).code,
      ).toBe(0);
    refs = { old: await tree(join(base, 'ref-old')), new: await tree(join(base, 'ref-new')) };
  });

  /** 'old', 'new', 'missing' or 'broken' for the folder at `dir`. */
  async function state(dir: string): Promise<string> {
    const t = JSON.stringify(await tree(dir));
    if (t === '{}') return 'missing';
    if (t === JSON.stringify(refs.old)) return 'old';
    if (t === JSON.stringify(refs.new)) return 'new';
    return 'broken';
  }

  it.each(WRITE_STAGES)(
    'killed at %s: the old or the new report; the next run tidies',
    async (stage) => {
      const dir = await mkdtemp(join(base, 'k-'));
      await writeFile(join(dir, 'tiny.yaml'), TINY_YAML);
      await cp(join(base, 'ref-old'), join(dir, 'out'), { recursive: true });
      const args = ['run', 'tiny.yaml', '--seed', '2', '--out', 'out'];
      const r = await msasim(args, dir, { MSASIM_TEST_CRASH_AT: stage });
      expect(r.signal).toBe('SIGKILL');
      const after = await state(join(dir, 'out'));
      expect(after).toBe(
        stage === 'old-aside' ? 'missing' : WRITE_STAGES.indexOf(stage) < 3 ? 'old' : 'new',
      );
      expect((await readdir(dir)).length).toBeGreaterThan(2); // leftovers beside it
      const next = await inProcess(args, dir);
      expect(next.code).toBe(0);
      expect(await state(join(dir, 'out'))).toBe('new');
      expect((await readdir(dir)).sort()).toEqual(['out', 'tiny.yaml']);
    },
  );

  it('killed at random moments: never a broken report', async () => {
    const dir = await mkdtemp(join(base, 'r-'));
    await writeFile(join(dir, 'tiny.yaml'), TINY_YAML);
    await cp(join(base, 'ref-old'), join(dir, 'out'), { recursive: true });
    const seen = new Set<string>();
    for (const delayMs of [200, 300, 340, 380, 420, 460, 520]) {
      const child = spawn('node', [bin, 'run', 'tiny.yaml', '--seed', '2', '--out', 'out'], {
        cwd: dir,
        stdio: 'ignore',
      });
      const closed = new Promise((resolve) => child.on('close', resolve));
      await new Promise((resolve) => setTimeout(resolve, delayMs));
      child.kill('SIGKILL');
      await closed;
      const now = await state(join(dir, 'out'));
      seen.add(now);
      expect(['old', 'new', 'missing']).toContain(now);
      // missing only between the renames, and then an .old- and a .tmp- folder are beside it
      if (now === 'missing')
        expect((await readdir(dir)).filter((n) => /^\.out\.(old|tmp)-/.test(n))).toHaveLength(2);
    }
    const next = await inProcess(['run', 'tiny.yaml', '--seed', '1', '--out', 'out'], dir);
    expect(next.code).toBe(0);
    expect(await state(join(dir, 'out'))).toBe('old');
    expect((await readdir(dir)).sort()).toEqual(['out', 'tiny.yaml']);
  });
});
