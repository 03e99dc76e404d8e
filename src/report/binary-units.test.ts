/**
 * inBinaryUnits, and the two byte formats of the report that step through it (their rounding
 * and largest unit are theirs).
 */
import { describe, expect, it } from 'vitest';
import { inBinaryUnits } from './binary-units.ts';
import { sizeText } from './features/bytes/bytes.ts';
import { formatBytes } from './html/format.ts';

describe('inBinaryUnits', () => {
  it('steps by 1024 to the largest unit in which the size is at least 1', () => {
    expect(inBinaryUnits(0)).toEqual([0, 'B']);
    expect(inBinaryUnits(1023)).toEqual([1023, 'B']);
    expect(inBinaryUnits(1024)).toEqual([1, 'KB']);
    expect(inBinaryUnits(1536)).toEqual([1.5, 'KB']);
    expect(inBinaryUnits(3 * 1024 ** 3)).toEqual([3, 'GB']);
    expect(inBinaryUnits(2 * 1024 ** 5)).toEqual([2048, 'TB']);
  });

  it('stops at the largest unit it is given', () => {
    expect(inBinaryUnits(2 * 1024 ** 4, 'GB')).toEqual([2048, 'GB']);
    expect(inBinaryUnits(2 * 1024 ** 4)).toEqual([2, 'TB']);
  });

  it('sizes a negative number by its magnitude', () => {
    expect(inBinaryUnits(-2048)).toEqual([-2, 'KB']);
  });
});

describe('the two byte formats built on it', () => {
  it('formatBytes (the page): whole bytes, then about three significant digits, up to GB', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(12.3 * 1024)).toBe('12.3 KB');
    expect(formatBytes(1.5 * 1024 ** 2)).toBe('1.50 MB');
    expect(formatBytes(2 * 1024 ** 4)).toBe('2,048 GB');
    expect(formatBytes(null)).toBe('–');
  });

  it('sizeText (the console, the link tables): the same steps, up to TB', () => {
    expect(sizeText(512)).toBe('512 B');
    expect(sizeText(1536)).toBe('1.50 KB');
    expect(sizeText(2 * 1024 ** 4)).toBe('2.00 TB');
  });
});
