/**
 * Tests of out-file.ts: the pure decision on a single output file (fake facts, so dangerous
 * paths are never touched), then real writes in a temporary folder: created, replaced only
 * when msasim wrote it, refused (and left byte for byte) otherwise.
 */
import { mkdir, readdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempFolder } from '../test-support/temp-folder.ts';
import { OutPathError } from './errors.ts';
import { decideFileOut, type FileOutFacts, writeFileOut } from './out-file.ts';

const MARK = '<meta name="generator" content="msasim test">';
const WHAT = 'a test file';

function facts(over: Partial<FileOutFacts>): FileOutFacts {
  return {
    option: '--out',
    given: 'p.html',
    lexical: '/home/u/p.html',
    resolved: '/home/u/p.html',
    cwd: ['/home/u'],
    folder: { path: '/home/u', kind: 'dir', writable: true },
    target: { kind: 'absent' },
    ...over,
  };
}

describe('decideFileOut', () => {
  it('creates a new file and replaces one msasim wrote', () => {
    expect(decideFileOut(facts({}), WHAT)).toEqual({ ok: true, action: 'create' });
    expect(decideFileOut(facts({ target: { kind: 'file', marked: true } }), WHAT)).toEqual({
      ok: true,
      action: 'replace',
    });
  });

  it('refuses a file msasim did not write, and anything that is not a regular file', () => {
    const unmarked = decideFileOut(facts({ target: { kind: 'file', marked: false } }), WHAT);
    expect(unmarked).toMatchObject({ ok: false, why: expect.stringMatching(/did not write/) });
    // and says so in Korean (--lang ko), naming the file in Korean
    const ko = decideFileOut(
      facts({ target: { kind: 'file', marked: false } }),
      WHAT,
      '놀이터 파일',
    );
    expect(ko).toMatchObject({
      whyKo: 'msasim이 쓰지 않은 파일이 있습니다 (놀이터 파일이 아닙니다)',
      todoKo: expect.stringMatching(/msasim은 자신이 쓴 놀이터 파일만 바꿉니다$/),
    });
    for (const kind of ['dir', 'symlink', 'fifo', 'device', 'socket'] as const)
      expect(decideFileOut(facts({ target: { kind } }), WHAT).ok, kind).toBe(false);
  });

  it('refuses the system paths and a missing or read-only folder before looking further', () => {
    for (const p of ['/', '/dev/null', '/proc/self/x', '/sys/x'])
      expect(decideFileOut(facts({ given: p, lexical: p, resolved: p }), WHAT).ok, p).toBe(false);
    expect(decideFileOut(facts({ given: '', lexical: '', resolved: '' }), WHAT).ok).toBe(false);
    expect(
      decideFileOut(facts({ folder: { path: '/x', kind: 'absent', writable: false } }), WHAT),
    ).toMatchObject({ ok: false, why: '/x is missing, not a folder' });
    expect(
      decideFileOut(facts({ folder: { path: '/x', kind: 'dir', writable: false } }), WHAT).ok,
    ).toBe(false);
  });
});

describe('writeFileOut', () => {
  const tmp = tempFolder('msasim-out-file-');

  const write = (name: string, text: string) =>
    writeFileOut(join(tmp.path, name), '--out', text, MARK, WHAT);

  it('creates the file, then replaces it (it holds the marker), leaving no temporary file', async () => {
    await write('a.html', `${MARK} one`);
    await write('a.html', `${MARK} two`);
    expect(await readFile(join(tmp.path, 'a.html'), 'utf8')).toBe(`${MARK} two`);
    expect((await readdir(tmp.path)).filter((n) => n.includes('tmp'))).toEqual([]);
  });

  it('refuses a file it did not write and leaves it byte for byte (exit 2 error)', async () => {
    await writeFile(join(tmp.path, 'mine.html'), 'my own notes');
    await expect(write('mine.html', `${MARK} x`)).rejects.toThrow(OutPathError);
    await expect(write('mine.html', `${MARK} x`)).rejects.toThrow(
      /mine\.html: a file is there that msasim did not write .*\n {2}→ .*Nothing was written\./s,
    );
    expect(await readFile(join(tmp.path, 'mine.html'), 'utf8')).toBe('my own notes');
  });

  it('refuses a symbolic link (even to a marked file), a folder and a missing folder', async () => {
    await write('target.html', `${MARK} t`);
    await symlink(join(tmp.path, 'target.html'), join(tmp.path, 'link.html'));
    await expect(write('link.html', `${MARK} x`)).rejects.toThrow(/symbolic link/);
    await mkdir(join(tmp.path, 'folder.html'));
    await expect(write('folder.html', `${MARK} x`)).rejects.toThrow(/a folder/);
    await expect(write('no/such/p.html', `${MARK} x`)).rejects.toThrow(/missing/);
    expect(await readFile(join(tmp.path, 'target.html'), 'utf8')).toBe(`${MARK} t`);
  });

  it('refuses to write a text without its marker (a bug, not the user’s)', async () => {
    await expect(write('b.html', 'no marker')).rejects.toThrow(/marker/);
  });
});
