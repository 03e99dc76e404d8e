/**
 * The rows of replayed data files: times read exactly (decimal seconds, ms, date-times, the
 * speed), problems located at line:col with did-you-mean, and rate profiles interpolated
 * exactly at their points and between them.
 */
import { describe, expect, it } from 'vitest';
import type { RateProfileDef, ReplayDef } from '../../scenario/types.ts';
import { replayDefaults } from '../../test-support/replay.ts';
import { splitCsvLine } from './csv-line.ts';
import { ArrivalRows, parseRateProfile, rateAt, ratePiecesOf } from './rows.ts';
import { daysFromCivil, parseTime } from './times.ts';

const REPLAY = replayDefaults('a.csv');

/** Every row's time (or the first problem) of `lines` read with `def`. */
function times(lines: string[], def: Partial<ReplayDef> = {}, targets = ['a/x', 'a/y']) {
  const rows = new ArrivalRows({ ...REPLAY, ...def }, targets);
  const header = rows.header(lines[0], 1);
  if (header.length > 0) return header;
  const out: (number | [number, string | null] | object)[] = [];
  for (let i = 1; i < lines.length; i++) {
    const r = rows.row(lines[i], i + 1);
    if (r === 'blank') continue;
    if (r !== 'row') {
      out.push(r);
      continue;
    }
    out.push(
      def.endpoint || def.key ? [rows.timeMs, rows.key ?? String(rows.target)] : rows.timeMs,
    );
  }
  return out;
}

describe('times', () => {
  it('reads decimal seconds as the nearest double of their exact value in ms', () => {
    expect(parseTime('0.3', 's')).toEqual({ kind: 'number', ms: 300 });
    // multiplying would not do: 0.0041 × 1000 is 4.1000000000000005
    expect(0.0041 * 1000).not.toBe(4.1);
    expect(parseTime('0.0041', 's')).toEqual({ kind: 'number', ms: 4.1 });
    expect(parseTime('1.0001', 's')).toEqual({ kind: 'number', ms: 1000.1 });
    expect(parseTime('12', 'ms')).toEqual({ kind: 'number', ms: 12 });
    expect(parseTime('2.5e-1', 's')).toEqual({ kind: 'number', ms: 250 });
    expect(parseTime('.5', 's')).toEqual({ kind: 'number', ms: 500 });
    expect(parseTime('-1', 's')).toBeNull();
    expect(parseTime('1e999', 's')).toBeNull();
    expect(parseTime('soon', 's')).toBeNull();
  });

  it('reads ISO 8601 date-times from the calendar, zones included', () => {
    expect(daysFromCivil(1970, 1, 1)).toBe(0);
    expect(daysFromCivil(2000, 3, 1)).toBe(11_017);
    const t = parseTime('2024-05-01T12:00:00.250Z', 's');
    expect(t).toEqual({ kind: 'date-time', wholeMs: 1_714_564_800_250, fractionMs: 0 });
    expect(parseTime('2024-05-01T14:00:00.250+02:00', 's')).toEqual(t);
    expect(parseTime('2024-05-01 12:00:00.2501234', 's')).toEqual({
      kind: 'date-time',
      wholeMs: 1_714_564_800_250,
      fractionMs: 0.1234,
    });
    expect(parseTime('2023-02-29T00:00:00Z', 's')).toBeNull();
    expect(parseTime('2024-02-29T24:00:00Z', 's')).toBeNull();
  });
});

describe('ArrivalRows', () => {
  it('reproduces the times of the file exactly, from 0, and at a speed', () => {
    const lines = ['time', '0', '0.001', '0.3', '1.5', '1.5', '2.75'];
    expect(times(lines)).toEqual([0, 1, 300, 1500, 1500, 2750]);
    expect(times(lines, { speed: 3 })).toEqual([0, 1 / 3, 100, 500, 500, 2750 / 3]);
    expect(times(['t', '5', '7'], { time: 't', unit: 'ms' })).toEqual([5, 7]);
  });

  it('counts date-times from the first row', () => {
    const lines = [
      'time',
      '2024-05-01T12:00:00Z',
      '2024-05-01T12:00:00.5Z',
      '2024-05-01T13:00:01Z',
    ];
    expect(times(lines)).toEqual([0, 500, 3_601_000]);
    expect(times(lines, { speed: 2 })).toEqual([0, 250, 1_800_500]);
  });

  it('reads the endpoint and key columns, quoted cells included', () => {
    const lines = ['key,time,endpoint', 'k1,0.1,a/y', '"k,2",0.2,', '"say ""hi""", 0.3 , a/x'];
    const rows = new ArrivalRows({ ...REPLAY, endpoint: 'endpoint', key: 'key' }, ['a/x', 'a/y']);
    expect(rows.header(lines[0], 1)).toEqual([]);
    const got = lines.slice(1).map((l, i) => {
      expect(rows.row(l, i + 2)).toBe('row');
      return [rows.timeMs, rows.target, rows.key];
    });
    expect(got).toEqual([
      [100, 1, 'k1'],
      [200, -1, 'k,2'],
      [300, 0, 'say "hi"'],
    ]);
  });

  it('locates bad rows at line:col with the expected value and a did-you-mean', () => {
    const got = times(
      ['time,endpoint', '0.1,a/x', ' x,a/x', '0.2,a/z', '0.05,a/x', '0.3', '"0.4'],
      {
        endpoint: 'endpoint',
      },
    );
    expect(got.slice(1)).toMatchObject([
      { code: 'data-value', line: 3, col: 2, message: 'expected a time, found "x"' },
      { code: 'data-value', line: 4, col: 5, hint: 'did you mean "a/x"?' },
      {
        code: 'data-order',
        line: 5,
        col: 1,
        message: 'this time is earlier than the one on line 4',
      },
      { code: 'data-value', line: 6, message: 'the row has 1 cell, none for column "endpoint"' },
      { code: 'data-value', line: 7, col: 1 },
    ]);
    expect(times(['time', '1', '2024-05-01T12:00:00Z'])[1]).toMatchObject({
      message: "this time is not a number, as the first row's is",
    });
  });

  it('names a missing column with its did-you-mean', () => {
    expect(times(['tme,endpoint', '1'])).toMatchObject([
      {
        code: 'data-column',
        line: 1,
        col: 1,
        hint: expect.stringContaining('did you mean "tme"?'),
      },
    ]);
    expect(times(['time', '1'], { endpoint: 'route' })).toMatchObject([
      { code: 'data-column', message: expect.stringContaining('no endpoint column "route"') },
    ]);
  });

  it('splits CSV lines with the column of each cell', () => {
    expect(splitCsvLine('a, "b,c" ,d')).toEqual({ cells: ['a', 'b,c', 'd'], cols: [1, 4, 11] });
    expect(splitCsvLine('')).toEqual({ cells: [''], cols: [1] });
    expect(splitCsvLine('"a"b')).toBeNull();
  });
});

const PROFILE: RateProfileDef = { file: 'p.csv', speed: 1, time: 'time', rate: 'rate', unit: 's' };

describe('rate profiles', () => {
  const parsed = parseRateProfile(['time,rate', '2,100', '4,300', '', '10,0'], PROFILE);
  if (!('points' in parsed)) throw new Error('the profile should parse');
  const pieces = ratePiecesOf(parsed.points, 1);

  it('interpolates exactly at the points and linearly between them', () => {
    const perSec = (ms: number) => rateAt(pieces, ms) * 1000;
    expect(perSec(0)).toBe(100); // before the first point: its rate
    expect(perSec(2000)).toBe(100);
    expect(perSec(3000)).toBe(200);
    expect(perSec(3500)).toBe(250);
    expect(perSec(4000)).toBe(300);
    expect(perSec(7000)).toBe(150);
    expect(perSec(10_000)).toBe(0);
    expect(perSec(1e9)).toBe(0); // after the last: its rate, for ever
  });

  it('plays the same profile faster: times divided, rates multiplied', () => {
    const fast = ratePiecesOf(parsed.points, 2);
    for (const ms of [0, 2000, 3000, 3500, 4000, 7000]) {
      expect(rateAt(fast, ms / 2)).toBe(rateAt(pieces, ms) * 2);
    }
  });

  it('locates bad points', () => {
    const bad = parseRateProfile(['time,rte', '1,2'], PROFILE);
    expect(bad).toMatchObject({
      issues: [{ code: 'data-column', hint: expect.stringContaining('"rte"') }],
    });
    const rows = parseRateProfile(['time,rate', '1,10', '1,20', '2,-5', 'x,1', '3'], PROFILE);
    expect(rows).toMatchObject({
      issues: [
        { code: 'data-order', line: 3, col: 1 },
        { code: 'data-value', line: 4, col: 3 },
        { code: 'data-value', line: 5, col: 1 },
        { code: 'data-value', line: 6 },
      ],
    });
    expect(parseRateProfile([], PROFILE)).toMatchObject({
      issues: [{ message: expect.stringContaining('header') }],
    });
    expect(parseRateProfile(['time,rate'], PROFILE)).toMatchObject({
      issues: [{ message: expect.stringContaining('no rows') }],
    });
  });
});
