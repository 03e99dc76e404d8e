/**
 * The write protocol of a replaced output folder (io.ts), in process on real temporary folders:
 * a run stopped at every step (its stage hook never returns, as if the process were killed
 * there) leaves the complete old or the complete new report at the target, or — between the two
 * renames — leftovers from which the next write restores one; the next write removes every
 * leftover. Disk errors give a worded error with the old report intact. Only files msasim wrote
 * are removed.
 */
import { mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OutputWriteError } from './errors.ts';
import {
  removeOutputFolder,
  tidyLeftovers,
  WRITE_STAGES,
  type WriteEnv,
  type WriteStage,
  writeDirectoryAtomically,
  writeFileAtomically,
} from './io.ts';
import { MARKER_FILE } from './out-rules.ts';
import { checkOut } from './out-target.ts';

const FILES = ['a.csv', 'b.json', 'index.html'];
const files = (version: string) => new Map(FILES.map((f) => [f, `${f} of ${version}\n`]));

/** Processes that have "died" (were frozen and are now considered killed). */
const dead = new Set<number>();

/** An env for fake process `pid`; with `stopAt`, its n-th stage call never returns. */
function envOf(pid: number, stopAt?: number, onStop?: (stage: WriteStage) => void): WriteEnv {
  let calls = 0;
  return {
    pid,
    isAlive: (p) => !dead.has(p),
    at: (stage) => {
      if (calls++ !== stopAt) return;
      onStop?.(stage);
      return new Promise<void>(() => {});
    },
  };
}

/** Every file of folder `dir` (name → text), or undefined when it does not exist. */
async function contents(dir: string): Promise<Record<string, string> | undefined> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return undefined;
  }
  const out: Record<string, string> = {};
  for (const n of names.sort()) out[n] = await readFile(join(dir, n), 'utf8');
  return out;
}

/** Which complete report `dir` holds: 'old', 'new', or a description of what is wrong. */
async function which(dir: string): Promise<string> {
  const c = await contents(dir);
  if (c === undefined) return 'missing';
  const { [MARKER_FILE]: marker, ...rest } = c;
  if (marker === undefined) return `unmarked: ${Object.keys(c).join(',')}`;
  for (const version of ['old', 'new', 'next'])
    if (JSON.stringify(rest) === JSON.stringify(Object.fromEntries(files(version)))) return version;
  return `incomplete: ${Object.keys(c).join(',')}`;
}

async function freshTarget(): Promise<string> {
  const parent = await mkdtemp(join(tmpdir(), 'msasim-io-'));
  return join(parent, 'report');
}

async function write(path: string, version: string, env: WriteEnv): Promise<string[]> {
  return writeDirectoryAtomically(await checkOut(path, 'report'), files(version), env);
}

/**
 * Writes report `old` at `path` as process `oldPid`, then starts writing report `new` as process
 * `newPid`, which stops for good at its `stopAt`-th step (as if killed there); resolves then, with
 * the stage it stopped at. The stopped write never finishes: its leftovers stay for the test.
 */
async function stoppedWrite(
  path: string,
  oldPid: number,
  newPid: number,
  stopAt: number,
): Promise<WriteStage> {
  await write(path, 'old', envOf(oldPid));
  return new Promise<WriteStage>((resolve) => {
    void write(path, 'new', envOf(newPid, stopAt, resolve));
  });
}

// tmp-created, tmp-file × 3, tmp-complete, old-aside, new-in, old-file × 3, old-emptied
const STOPS = 1 + FILES.length + 1 + 1 + 1 + FILES.length + 1;

describe('writeDirectoryAtomically: a run stopped at any step', () => {
  it(`counts ${STOPS} steps when replacing a ${FILES.length}-file report`, async () => {
    const path = await freshTarget();
    await write(path, 'old', envOf(100));
    const seen: WriteStage[] = [];
    await write(path, 'new', { ...envOf(101), at: (s) => void seen.push(s) });
    expect(seen).toHaveLength(STOPS);
    expect(new Set(seen)).toEqual(new Set(WRITE_STAGES));
    expect(await which(path)).toBe('new');
    expect(await readdir(join(path, '..'))).toEqual(['report']);
  });

  it.each(Array.from({ length: STOPS }, (_, i) => i))(
    'stopped at step %i: old or new at the target; the next write recovers and tidies',
    async (n) => {
      const path = await freshTarget();
      const pid = 200 + n;
      const stage = await stoppedWrite(path, pid - 100, pid, n);
      const now = await which(path);
      if (stage === 'old-aside') expect(now).toBe('missing');
      else expect(now).toBe(WRITE_STAGES.indexOf(stage) < 3 ? 'old' : 'new');
      // the frozen process is killed; the next write recovers, then replaces, then tidies
      dead.add(pid);
      const recovering = envOf(pid + 1000);
      const notes = await tidyLeftovers(path, recovering);
      expect(await which(path)).toBe(WRITE_STAGES.indexOf(stage) < 3 ? 'old' : 'new');
      expect(notes.filter((w) => w.startsWith('left'))).toEqual([]);
      expect(await readdir(join(path, '..'))).toEqual(['report']);
      await write(path, 'next', recovering);
      expect(await which(path)).toBe('next');
      expect(await readdir(join(path, '..'))).toEqual(['report']);
    },
  );

  it('restores the old report when the new one was lost between the renames', async () => {
    const path = await freshTarget();
    await stoppedWrite(path, 300, 301, 1 + FILES.length + 1);
    const parent = join(path, '..');
    const tmp = (await readdir(parent)).find((n) => n.includes('.tmp-')) as string;
    await removeOutputFolder(join(parent, tmp));
    dead.add(301);
    const notes = await tidyLeftovers(path, envOf(302));
    expect(notes).toEqual([expect.stringMatching(/previous report was restored/)]);
    expect(await which(path)).toBe('old');
    expect(await readdir(parent)).toEqual(['report']);
  });

  it('leaves the leftovers of a live process alone', async () => {
    const path = await freshTarget();
    await stoppedWrite(path, 400, 401, 1);
    await tidyLeftovers(path, envOf(402));
    expect((await readdir(join(path, '..'))).sort()).toEqual([
      expect.stringMatching(/^\.report\.tmp-401-[0-9a-f]+$/),
      'report',
    ]);
  });

  it('removes only what a leftover’s marker lists; a file someone added stays', async () => {
    const path = await freshTarget();
    await stoppedWrite(path, 500, 501, 2);
    const parent = join(path, '..');
    const tmp = (await readdir(parent)).find((n) => n.includes('.tmp-')) as string;
    await writeFile(join(parent, tmp, 'thesis.txt'), 'mine');
    dead.add(501);
    const notes = await tidyLeftovers(path, envOf(502));
    expect(notes).toEqual([expect.stringMatching(/^left .*holds files msasim did not write/)]);
    expect(await readdir(join(parent, tmp))).toEqual(['thesis.txt']);
  });

  it('removes a leftover killed between creating its marker and writing it (empty, alone)', async () => {
    const path = await freshTarget();
    const parent = join(path, '..');
    await write(path, 'old', envOf(604));
    await mkdir(join(parent, '.report.tmp-998-ef'));
    await writeFile(join(parent, '.report.tmp-998-ef', MARKER_FILE), '');
    await mkdir(join(parent, '.report.tmp-998-aa'));
    await writeFile(join(parent, '.report.tmp-998-aa', MARKER_FILE), '');
    await writeFile(join(parent, '.report.tmp-998-aa', 'notes.txt'), 'mine');
    dead.add(998);
    const notes = await tidyLeftovers(path, envOf(603));
    expect(notes).toEqual([expect.stringMatching(/^left .*tmp-998-aa: it holds files/)]);
    expect((await readdir(parent)).sort()).toEqual(['.report.tmp-998-aa', 'report']);
    expect(await readFile(join(parent, '.report.tmp-998-aa', 'notes.txt'), 'utf8')).toBe('mine');
  });

  it('ignores names of the leftover pattern that are not msasim folders', async () => {
    const path = await freshTarget();
    const parent = join(path, '..');
    await writeFile(join(parent, '.report.old-999-ab'), 'a file of someone');
    await mkdir(join(parent, '.report.tmp-999-cd'));
    await writeFile(join(parent, '.report.tmp-999-cd', 'x'), 'unmarked');
    dead.add(999);
    await write(path, 'new', envOf(600));
    expect(await which(path)).toBe('new');
    expect(await readFile(join(parent, '.report.old-999-ab'), 'utf8')).toBe('a file of someone');
    expect(await readFile(join(parent, '.report.tmp-999-cd', 'x'), 'utf8')).toBe('unmarked');
  });
});

describe('writeDirectoryAtomically: folders an older msasim wrote (no marker)', () => {
  it('replaces one whose files are all msasim’s and whose summary.json is msasim’s', async () => {
    const path = await freshTarget();
    await mkdir(path);
    await writeFile(join(path, 'summary.json'), '{"format": 1, "scenario": {"name": "x"}}');
    await writeFile(join(path, 'index.html'), '<!DOCTYPE html>');
    const target = await checkOut(path, 'report');
    expect(target.verdict).toEqual({
      ok: true,
      action: 'replace',
      adopt: ['index.html', 'summary.json'],
    });
    await writeDirectoryAtomically(target, files('new'), envOf(650));
    expect(await which(path)).toBe('new');
    expect(await readdir(join(path, '..'))).toEqual(['report']);
  });

  it('refuses one whose summary.json is not msasim’s, and touches nothing', async () => {
    const path = await freshTarget();
    await mkdir(path);
    await writeFile(join(path, 'summary.json'), '{"my": "own summary"}');
    await expect(checkOut(path, 'report')).rejects.toThrow(
      /holds files msasim did not write \(summary\.json\)/,
    );
    expect(await readFile(join(path, 'summary.json'), 'utf8')).toBe('{"my": "own summary"}');
  });
});

describe('writeDirectoryAtomically: disk errors', () => {
  const enospc = () => Object.assign(new Error('no space'), { code: 'ENOSPC', path: '/x' });

  it('a full disk while writing: worded error, old report intact, temporary folder gone', async () => {
    const path = await freshTarget();
    await write(path, 'old', envOf(700));
    const env: WriteEnv = {
      ...envOf(701),
      at: (s) => {
        if (s === 'tmp-file') throw enospc();
      },
    };
    const e = await write(path, 'new', env).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(OutputWriteError);
    expect((e as Error).message).toMatch(
      /^cannot write the report to .*: no space is left on the device \(ENOSPC\) at \/x; the previous one, if any, is untouched\./,
    );
    // and in Korean (--lang ko)
    expect((e as OutputWriteError).ko).toMatch(
      /^보고서 \(.*\): 쓸 수 없습니다: 장치에 남은 공간이 없습니다 \(ENOSPC\) \(\/x\)\. 이전 것은 그대로입니다\.\n {2}→ 공간을 비우거나, 권한을 고치거나, 다른 --out을 고르세요\.$/,
    );
    expect(await which(path)).toBe('old');
    expect(await readdir(join(path, '..'))).toEqual(['report']);
  });

  it('another writer taking the target between the renames: the old report is kept aside', async () => {
    const path = await freshTarget();
    await write(path, 'old', envOf(800));
    const env: WriteEnv = {
      ...envOf(801),
      at: async (s) => {
        if (s !== 'old-aside') return;
        await mkdir(path);
        await writeFile(join(path, 'intruder'), 'x');
      },
    };
    const e = await write(path, 'new', env).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(OutputWriteError);
    expect((e as Error).message).toMatch(/the previous one is kept in .*\.report\.old-801-/);
    expect((e as OutputWriteError).ko).toMatch(/이전 것은 .*\.report\.old-801-\S*에 남아 있습니다/);
    expect(await readFile(join(path, 'intruder'), 'utf8')).toBe('x');
    const parent = join(path, '..');
    const names = (await readdir(parent)).sort();
    expect(names).toEqual([expect.stringMatching(/^\.report\.old-801-/), 'report']);
    expect(await which(join(parent, names[0]))).toBe('old');
  });

  it('refuses file names that are not plain', async () => {
    const path = await freshTarget();
    const target = await checkOut(path, 'report');
    for (const name of ['../x', MARKER_FILE, '.hidden'])
      await expect(
        writeDirectoryAtomically(target, new Map([[name, '']]), envOf(900)),
      ).rejects.toThrow(/not a plain output file name/);
  });
});

describe('writeFileAtomically', () => {
  it('replaces a file whole, and on failure says what stayed as it was and leaves no temporary', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'msasim-atomic-'));
    const page = join(dir, 'index.html');
    await writeFileAtomically(page, 'old');
    await writeFileAtomically(page, 'new');
    expect(await readFile(page, 'utf8')).toBe('new');
    // a folder where the file should go: the rename fails
    const taken = join(dir, 'taken.html');
    await mkdir(join(taken, 'inside'), { recursive: true });
    const before = {
      en: 'the page there before, if any, is untouched',
      ko: '이전 페이지는 그대로입니다',
    };
    const failed = await writeFileAtomically(taken, 'x', before).catch((e: unknown) => e);
    expect(failed).toBeInstanceOf(OutputWriteError);
    expect((failed as Error).message).toContain('the page there before, if any, is untouched');
    expect((await readdir(dir)).sort()).toEqual(['index.html', 'taken.html']);
  });
});
