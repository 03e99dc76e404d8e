/**
 * CSV cells cannot start a formula (issue 12): `csv` puts a `'` before a text cell starting
 * with = + - @, a tab or a CR (and their full-width forms), leaves numbers alone (a negative
 * number stays a number), and quotes a cell holding a CR or LF so the row cannot split. Then
 * every CSV msasim writes — a run's (endpoints, components, timeseries, estimates, caches,
 * propagation, slos, policies, sessions, consumers, sagas, transactions, readers, compare,
 * differences …), sweep.csv and spof.csv — with formulas at the start of every string, read
 * back with a strict RFC 4180 reader that also ends a row at a bare CR, as some spreadsheets do.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RunResult } from '../metrics/summary.ts';
import { parseCsv } from '../test-support/csv.ts';
import {
  FORMULAS,
  featureRichResults,
  hostileCopy,
  hostileSpofData,
  hostileSweepData,
  mixedFormulas,
} from '../test-support/hostile.ts';
import { csv, summariesCsv } from './csv.ts';
import { buildOutputs } from './outputs.ts';
import { spofCsv } from './spof.ts';
import { sweepCsv } from './sweep.ts';

/** A cell a spreadsheet would read as a formula (a number written as a number is not one). */
const isFormula = (cell: string) =>
  /^[=+@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/.test(cell) ||
  (cell.startsWith('-') && !Number.isFinite(Number(cell)));

/** What is wrong with `text` against the same file written from harmless data. */
function csvProblems(name: string, text: string, harmless: string): string[] {
  const rows = parseCsv(text);
  const problems: string[] = [];
  const expected = parseCsv(harmless).length;
  if (rows.length !== expected) problems.push(`${name}: ${rows.length} rows, not ${expected}`);
  for (const [r, row] of rows.entries()) {
    if (row.length !== rows[0].length)
      problems.push(`${name}: row ${r} has ${row.length} cells, not ${rows[0].length}`);
    for (const cell of row) if (isFormula(cell)) problems.push(`${name}: a formula: ${cell}`);
  }
  return problems;
}

describe('csv', () => {
  it('puts a quote before text that starts a formula, not before numbers', () => {
    const text = csv([
      ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'],
      ["=cmd|' /C calc'!A0", '+1+1', '-2+3', '@SUM(A1)', '\t=1', '\uFF1D1', -3.5, 'x=1'],
    ]);
    expect(text).toBe(
      `a,b,c,d,e,f,g,h\n'=cmd|' /C calc'!A0,'+1+1,'-2+3,'@SUM(A1),'\t=1,'\uFF1D1,-3.5,x=1\n`,
    );
  });

  it('quotes a cell holding a CR or an LF, so the row does not split', () => {
    expect(csv([['a\rb', 'c\nd', 'e\r\nf', '\r=1', 1]])).toBe(`"a\rb","c\nd","e\r\nf","'\r=1",1\n`);
    expect(
      parseCsv(
        csv([
          ['a\rb', 'c'],
          ['d', 'e'],
        ]),
      ),
    ).toEqual([
      ['a\rb', 'c'],
      ['d', 'e'],
    ]);
  });

  it('is the only writer of CSV: no other file uses csv-stringify', () => {
    const src = join(import.meta.dirname, '..');
    const users = (readdirSync(src, { recursive: true }) as string[])
      .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
      .filter((f) => readFileSync(join(src, f), 'utf8').includes("from 'csv-stringify"))
      .map((f) => relative(src, join(src, f)).split('\\').join('/'));
    expect(users).toEqual(['report/csv.ts']);
  });

  it('puts a field only some items have where they have it, whichever item comes first', () => {
    const run = (variant: string) =>
      ({ summary: { scenario: { variant } } }) as unknown as RunResult;
    const durable = { id: 'd', held: 1, lost: 2 };
    const lossy = { id: 'd', held: 1, dropped: 3, unsynced: 4, lost: 5 };
    const header = (items: [RunResult, object][]) => summariesCsv(items).split('\n')[0];
    const both = 'variant,id,held,dropped,unsynced,lost';
    // before: a durable variant first put dropped and unsynced after lost
    expect(
      header([
        [run('a'), durable],
        [run('b'), lossy],
      ]),
    ).toBe(both);
    expect(
      header([
        [run('b'), lossy],
        [run('a'), durable],
      ]),
    ).toBe(both);
    expect(
      summariesCsv([
        [run('a'), durable],
        [run('b'), lossy],
      ]).split('\n')[1],
    ).toBe('a,d,1,,,2');
  });

  it('writes booleans as the caller says, empty cells for null', () => {
    expect(csv([[true, false, null, undefined, 0]], { boolean: String })).toBe('true,false,,,0\n');
  });
});

describe('every CSV file with formulas in its text', () => {
  it("a run's files: no cell starts a formula, no row splits", async () => {
    const results = await featureRichResults();
    const harmless = buildOutputs(results);
    for (const offset of [0, 1, 2]) {
      const files = buildOutputs(hostileCopy(results, mixedFormulas(offset)));
      const names = [...files.keys()].filter((n) => n.endsWith('.csv'));
      expect(names).toEqual(expect.arrayContaining(['compare.csv', 'readers.csv']));
      for (const name of names)
        expect(csvProblems(name, files.get(name) ?? '', harmless.get(name) ?? ''), name).toEqual(
          [],
        );
      // the hostile text is there, made harmless
      expect(files.get('endpoints.csv')).toMatch(/[\n,]'[=+\-@\t\r\uFF1D]/);
    }
  });

  it('a description that runs a command lands in compare.csv as text', async () => {
    const results = await featureRichResults();
    for (const r of results.runs) r.summary.scenario.description = "=cmd|' /C calc'!A0";
    const rows = parseCsv(buildOutputs(results).get('compare.csv') ?? '');
    const column = rows[0].indexOf('description');
    expect(rows.slice(1).map((r) => r[column])).toEqual([
      "'=cmd|' /C calc'!A0",
      "'=cmd|' /C calc'!A0",
    ]);
  });

  it('sweep.csv: parameter values, variants and ids; numbers stay numbers', () => {
    const harmless = sweepCsv(hostileSweepData((t) => t));
    for (const offset of [0, 1, 2]) {
      const text = sweepCsv(hostileSweepData(mixedFormulas(offset)));
      expect(csvProblems('sweep.csv', text, harmless)).toEqual([]);
      const rows = parseCsv(text);
      // the number parameter's values are numbers, the text parameter's are quoted as text
      expect(rows.slice(1).map((r) => r[1])).toEqual(expect.arrayContaining(['4', '8']));
      expect(rows.slice(1).every((r) => r[2].startsWith("'") || !isFormula(r[2]))).toBe(true);
    }
  });

  it('spof.csv: components, kinds and endpoints', () => {
    const harmless = spofCsv(hostileSpofData((t) => t));
    for (const offset of [0, 1, 2]) {
      const text = spofCsv(hostileSpofData(mixedFormulas(offset)));
      expect(csvProblems('spof.csv', text, harmless)).toEqual([]);
    }
  });

  it('the reader above would catch a formula or a split row (so the checks can fail)', () => {
    const raw = 'a,b\n=1+1,x\ny\rz,w\n';
    expect(csvProblems('raw', raw, 'a,b\n1,2\n3,4\n')).toEqual([
      'raw: 4 rows, not 3',
      'raw: a formula: =1+1',
      'raw: row 2 has 1 cells, not 2',
    ]);
    expect(FORMULAS.every((f) => f.length > 0)).toBe(true);
  });
});
