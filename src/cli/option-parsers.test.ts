/** The command line's amount parsers: a unit or a bare number of the base unit, above 0. */
import { InvalidArgumentError } from 'commander';
import { describe, expect, it } from 'vitest';
import { grouped, parseSizeOption, parseWallOption, wallText } from './option-parsers.ts';

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

describe("the guards' defaults in --help", () => {
  it('are written as the README writes them, in a form the options accept', async () => {
    const { DEFAULT_MAX_RUN_WALL_MS, DEFAULT_MAX_WALL_MS } = await import('./guard-defaults.ts');
    expect(wallText(DEFAULT_MAX_WALL_MS)).toBe('1h');
    expect(wallText(DEFAULT_MAX_RUN_WALL_MS)).toBe('10min');
    expect(wallText(90_000)).toBe('90s');
    for (const ms of [DEFAULT_MAX_WALL_MS, DEFAULT_MAX_RUN_WALL_MS, 90_000])
      expect(parseWallOption(wallText(ms))).toBe(ms);
    expect(grouped(2e9)).toBe('2,000,000,000');
    expect(grouped(999)).toBe('999');
  });

  it('show in `msasim run --help` as durations and grouped counts, not bare milliseconds', async () => {
    const { msasimInProcess } = await import('../test-support/cli.ts');
    const help = (await msasimInProcess(['run', '--help'])).stdout.replace(/\s+/g, ' ');
    expect(help).toContain('after this much wall time (default: 1h)');
    expect(help).toContain('stop a run after this much wall time (default: 10min)');
    expect(help).toContain('(default: 2,000,000,000)');
    expect(help).toContain('(default 5,000,000)');
    expect(help).not.toMatch(/3600000|600000/);
  });
});
