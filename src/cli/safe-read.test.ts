/**
 * readRegularFile: reads a regular file; refuses a symbolic link, a FIFO (without blocking), a
 * folder and a file above the cap with an UnsafeFileError naming what it found.
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readRegularFile, UnsafeFileError } from './safe-read.ts';

describe('readRegularFile', () => {
  it('reads a regular file and refuses everything else', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'msasim-read-'));
    await writeFile(join(dir, 'a.md'), 'héllo');
    expect(await readRegularFile(join(dir, 'a.md'), 100)).toBe('héllo');
    await symlink(join(dir, 'a.md'), join(dir, 'link.md'));
    execFileSync('mkfifo', [join(dir, 'fifo.md')]);
    for (const [name, reason] of [
      ['link.md', 'symlink'],
      ['fifo.md', 'fifo'],
      ['.', 'dir'],
    ]) {
      const e = await readRegularFile(join(dir, name), 100).catch((x: unknown) => x);
      expect(e, name).toBeInstanceOf(UnsafeFileError);
      expect((e as UnsafeFileError).reason).toBe(reason);
    }
    // followed when the user named the file explicitly
    expect(await readRegularFile(join(dir, 'link.md'), 100, true)).toBe('héllo');
    const big = await readRegularFile(join(dir, 'a.md'), 3).catch((x: unknown) => x);
    expect((big as UnsafeFileError).reason).toBe('too-large');
    expect((big as Error).message).toMatch(/is 6 B, more than the 3 B msasim reads/);
    await expect(readRegularFile(join(dir, 'none.md'), 100)).rejects.toMatchObject({
      code: 'ENOENT',
    });
  });
});

/** A fresh folder for lessons, and an io whose warnings `err()` returns. */
async function lessonPlace() {
  const dir = await mkdtemp(join(tmpdir(), 'msasim-lesson-'));
  let text = '';
  const io = {
    out: () => {},
    err: (t: string) => {
      text += t;
    },
  };
  return { dir, io, err: () => text };
}

describe('readLesson (the Markdown beside a scenario)', () => {
  it('skips a lesson above 1 MB with a warning', async () => {
    const { readLesson, LESSON_MAX_BYTES } = await import('./run-variants.ts');
    const { dir, io, err } = await lessonPlace();
    await writeFile(join(dir, 'x.md'), 'a'.repeat(LESSON_MAX_BYTES + 1));
    expect(await readLesson(join(dir, 'x.yaml'), io)).toBeNull();
    expect(err()).toMatch(/x\.md: not read as the scenario's lesson: it is larger than 1 MB/);
    await writeFile(join(dir, 'y.md'), '# Lesson');
    expect(await readLesson(join(dir, 'y.yaml'), io)).toBe('# Lesson');
    expect(await readLesson(join(dir, 'none.yaml'), io)).toBeNull();
  });
});

describe('readLesson of a file that is not UTF-8', () => {
  it('skips a lesson saved as CP949 with a warning naming its first bad byte', async () => {
    const { readLesson } = await import('./run-variants.ts');
    const { dir, io, err } = await lessonPlace();
    // "# 교훈\n\n가" with 가 in CP949
    await writeFile(
      join(dir, 'x.md'),
      Buffer.concat([Buffer.from('# 교훈\n\n'), Buffer.from([0xb0, 0xa1])]),
    );
    expect(await readLesson(join(dir, 'x.yaml'), io)).toBeNull();
    expect(err()).toContain(
      "x.md: not read as the scenario's lesson: it is not UTF-8 text (byte 0xB0 at line 3, column 1",
    );
    expect(err()).toContain('the report has no lesson');
    // and says so in Korean with --lang ko
    const before = err().length;
    expect(await readLesson(join(dir, 'x.yaml'), io, 'ko')).toBeNull();
    expect(err().slice(before)).toBe(
      `경고: ${join(dir, 'x.md')}: 시나리오의 교안으로 읽지 않았습니다: UTF-8 텍스트가 아닙니다 (3행 1열의 바이트 0xB0는 UTF-8 문자의 일부가 아닙니다). UTF-8로 저장하세요. 보고서에 교안이 없습니다.\n`,
    );
  });
});
