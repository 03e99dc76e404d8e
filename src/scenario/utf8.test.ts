/**
 * Strict UTF-8 (utf8.ts): a scenario file that is not UTF-8 — a Korean scenario saved as CP949
 * by a Windows editor, a Latin-1 description — is refused at the line and column of its first
 * bad byte (readScenarioText, which run, validate, sweep and challenge read through), instead of
 * running with U+FFFD where its Hangul was.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ScenarioError } from './issues.ts';
import { readScenarioText } from './load.ts';
import { firstInvalidUtf8, notUtf8 } from './utf8.ts';

const bytes = (...b: number[]) => Uint8Array.from(b);

describe('firstInvalidUtf8', () => {
  it('accepts UTF-8 of every length, a BOM included', () => {
    const text = '\uFEFFname: 상담 é € 𝄞\r\n';
    expect(firstInvalidUtf8(new TextEncoder().encode(text))).toBe(-1);
    expect(firstInvalidUtf8(bytes())).toBe(-1);
  });

  it('finds stray, truncated, overlong, surrogate and out-of-range sequences', () => {
    expect(firstInvalidUtf8(bytes(0x61, 0xb0, 0xa1))).toBe(1); // CP949 "가"
    expect(firstInvalidUtf8(bytes(0x61, 0xe9, 0x62))).toBe(1); // Latin-1 "é"
    expect(firstInvalidUtf8(bytes(0x61, 0xea, 0xb0))).toBe(1); // "가" cut short
    expect(firstInvalidUtf8(bytes(0xc0, 0xaf))).toBe(0); // overlong "/"
    expect(firstInvalidUtf8(bytes(0xe0, 0x80, 0xaf))).toBe(0); // overlong
    expect(firstInvalidUtf8(bytes(0xed, 0xa0, 0x80))).toBe(0); // a surrogate
    expect(firstInvalidUtf8(bytes(0xf4, 0x90, 0x80, 0x80))).toBe(0); // above U+10FFFF
    expect(firstInvalidUtf8(bytes(0xff))).toBe(0);
  });
});

describe('notUtf8', () => {
  it('says the line and the column (in characters) of the first bad byte', () => {
    const text = Buffer.concat([Buffer.from('version: 1\nname: 상담 '), Buffer.from([0xb0, 0xa1])]);
    expect(notUtf8(text)).toEqual({ offset: text.length - 2, byte: 0xb0, line: 2, col: 10 });
    expect(notUtf8(Buffer.from('ok: 상담\n'))).toBeUndefined();
  });
});

describe('readScenarioText', () => {
  it('refuses a CP949 scenario at its first bad byte, in English and in Korean', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'msasim-utf8-'));
    const file = join(dir, 'ko.yaml');
    // "description: 한국어" in CP949 on line 3
    const cp949 = Buffer.from([0xc7, 0xd1, 0xb1, 0xb9, 0xbe, 0xee]);
    await writeFile(
      file,
      Buffer.concat([Buffer.from('version: 1\nname: x\ndescription: '), cp949, Buffer.from('\n')]),
    );
    const e = await readScenarioText(file).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ScenarioError);
    const [issue] = (e as ScenarioError).issues;
    expect(issue).toMatchObject({ code: 'not-utf8', severity: 'error', line: 3, col: 14 });
    expect(issue.message).toContain('is not UTF-8 text (byte 0xC7 here');
    expect(issue.hint).toMatch(/save the file as UTF-8 .*CP949/);
    expect(issue.ko?.message).toContain('UTF-8 텍스트가 아닙니다');
  });

  it('reads UTF-8 with a byte-order mark and CRLF line ends as before', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'msasim-utf8-'));
    const file = join(dir, 'ok.yaml');
    await writeFile(file, '\uFEFFname: 상담\r\n');
    expect(await readScenarioText(file)).toBe('\uFEFFname: 상담\r\n');
  });
});
