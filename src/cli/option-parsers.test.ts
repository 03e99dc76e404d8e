/** The command line's amount parsers: a unit or a bare number of the base unit, above 0. */
import { InvalidArgumentError } from 'commander';
import { describe, expect, it } from 'vitest';
import { parseSizeOption, parseWallOption } from './option-parsers.ts';

describe('amount options', () => {
  it('reads a duration with a unit, or a bare number of milliseconds', () => {
    expect(parseWallOption('60s')).toBe(60_000);
    expect(parseWallOption('1us')).toBe(0.001);
    expect(parseWallOption('1500')).toBe(1500);
    expect(parseWallOption('2.5')).toBe(2.5);
  });

  it('reads a size with a unit, or a bare number of bytes', () => {
    expect(parseSizeOption('2GB')).toBe(2 * 1024 ** 3);
    expect(parseSizeOption('512')).toBe(512);
  });

  it('refuses zero, malformed text and the wrong unit, saying what it expected', () => {
    for (const bad of ['0', '0s', 'soon', '-5', '', '2GB']) {
      expect(() => parseWallOption(bad)).toThrow(InvalidArgumentError);
      expect(() => parseWallOption(bad)).toThrow(/^expected a duration above 0 such as "60s"/);
    }
    for (const bad of ['0', '0MB', 'big', '60s']) {
      expect(() => parseSizeOption(bad)).toThrow(/^expected a size above 0 such as "2GB"/);
    }
  });
});
