/**
 * The console fitted to 100 columns: a wide table stacked into tables of the same rows (the
 * first column repeated, every cell kept in its column), a long line wrapped under its indent,
 * narrow text untouched.
 */
import { describe, expect, it } from 'vitest';
import { shortDescription } from '../cli/commands/list.ts';
import { CONSOLE_WIDTH, fitConsole } from './console-width.ts';
import { formatTable } from './text-table.ts';

const header = ['endpoint', ...Array.from({ length: 12 }, (_, i) => `column ${i + 1}`)];
const rows = [
  ['orders/place', ...Array.from({ length: 12 }, (_, i) => String(i * 1000))],
  ['customers/profile', ...Array.from({ length: 12 }, (_, i) => `${i}.5%`)],
];

describe('fitConsole', () => {
  it('stacks a table wider than 100 columns, the first column repeated, no cell lost', () => {
    const table = formatTable(header, rows);
    expect(table.split('\n')[0].length).toBeGreaterThan(CONSOLE_WIDTH);
    const fitted = fitConsole(`■ title\n${table}\nfailures:\n  3× timeout`);
    const lines = fitted.split('\n');
    for (const l of lines) expect(l.length, l).toBeLessThanOrEqual(CONSOLE_WIDTH);
    const parts = fitted.split('\n\n');
    expect(parts.length).toBe(2);
    expect(parts[0].split('\n')[0]).toBe('■ title');
    expect(parts[1].split('\n').at(-2)).toBe('failures:');
    // every header and cell is still there, under its header
    for (const h of header) expect(fitted).toContain(h);
    for (const r of rows) for (const c of r) expect(fitted).toContain(c);
    expect(fitted.match(/^customers\/profile /gm)).toHaveLength(2);
    // each stacked part is itself a table: header, rule and rows as wide as its rule
    const second = parts[1].split('\n').slice(0, 4);
    expect(second[0]).toMatch(/^endpoint +column \d+/);
    expect(second[1]).toMatch(/^─+( {2}─+)+$/);
    expect(second[3].length).toBe(second[1].length);
  });

  it('wraps a long line under its indent, and leaves narrow text and narrow tables alone', () => {
    const sentence = `  • ${'word '.repeat(40).trim()}`;
    const wrapped = fitConsole(sentence).split('\n');
    expect(wrapped.length).toBeGreaterThan(1);
    for (const l of wrapped) expect(l.length).toBeLessThanOrEqual(CONSOLE_WIDTH);
    expect(wrapped[1].startsWith('    word')).toBe(true);
    const narrow = `■ x\n${formatTable(['a', 'b'], [['1', '2']])}\n\nplain text`;
    expect(fitConsole(narrow)).toBe(narrow);
  });

  it('never parts a figure from its unit at a line break', () => {
    // the orchestration lesson's bullet broke as "[−52.0" / "%, −47.1 %]"
    const line =
      '  • choreography: place-order messages per compensated saga −49.6 % vs orchestration, 95 % CI [−52.0 %, −47.1 %]';
    const wrapped = fitConsole(line).split('\n');
    expect(wrapped).toEqual([
      '  • choreography: place-order messages per compensated saga −49.6 % vs orchestration, 95 % CI',
      '    [−52.0 %, −47.1 %]',
    ]);
    for (const w of ['%', '%]', '%,', '%.', 'pp', 'ms', '/s', 'B,', 'KB', 's에'])
      expect(
        fitConsole(`  ${'x'.repeat(95)} 1 ${w}`)
          .split('\n')
          .at(-1),
      ).toBe(`    1 ${w}`);
  });

  it('keeps the full width at a larger width (what --wide prints)', () => {
    const table = formatTable(header, rows);
    expect(fitConsole(table, 10_000)).toBe(table);
  });
});

describe('msasim list: one short line per scenario', () => {
  it('takes the first clause that is not an experiment number, cut at a space', () => {
    expect(
      shortDescription(
        'Experiment 5, the headline: one consultation screen answered by a monolith JOIN, N+1 API calls',
        60,
      ),
    ).toBe('one consultation screen answered by a monolith JOIN, N+1…');
    expect(shortDescription('A small shop. It sells things', 60)).toBe('A small shop');
    expect(shortDescription('Reviews hang for 20 s; timeouts save the threads', 60)).toBe(
      'Reviews hang for 20 s',
    );
  });
});
