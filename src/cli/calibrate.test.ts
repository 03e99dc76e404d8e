/**
 * `msasim calibrate`'s input and output: durations from CSV files and OTLP/JSON traces with
 * located errors, and snippets that the scenario language reads back as the fitted spec.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fitDistributions } from '../stats/fit.ts';
import { scenarioFromYaml, scenarioProblems } from '../test-support/scenarios.ts';
import {
  durationsFromCsv,
  durationsFromOtlp,
  durationText,
  InputFileError,
  snippetOf,
} from './calibrate-input.ts';
import { calibrateCommand, formatCalibration } from './commands/calibrate.ts';

const errorOf = (f: () => unknown): string => {
  try {
    f();
  } catch (e) {
    if (e instanceof InputFileError) return e.message;
    throw e;
  }
  return '';
};

describe('durations from a CSV', () => {
  it('reads one column, with or without a header, in a unit or with units', () => {
    expect(durationsFromCsv('1\n2.5\n\n# note\n3\n', 'a.csv', undefined, 'ms').values).toEqual([
      1, 2.5, 3,
    ]);
    expect(durationsFromCsv('d\n1\n2\n', 'a.csv', undefined, 's').values).toEqual([1000, 2000]);
    expect(durationsFromCsv('d\n1.5ms\n250us\n2e3\n', 'a.csv', undefined, 'ns').values).toEqual([
      1.5, 0.25, 0.002,
    ]);
  });

  it('picks a column by name or number; quoted cells; empty cells skipped', () => {
    const text = 'id;"latency, ms";status\n1;"4.5";200\n2;;500\r\n3;"6";200\n';
    const d = durationsFromCsv(text, 'a.csv', 'latency, ms', 'ms');
    expect(d).toEqual({
      values: [4.5, 6],
      from: 'a.csv, column latency, ms',
      fromKo: 'a.csv의 열 latency, ms',
      skipped: 1,
    });
    expect(durationsFromCsv('1,7\n2,8\n', 'b.csv', '2', 'ms').values).toEqual([7, 8]);
  });

  it('says where a file is wrong', () => {
    expect(errorOf(() => durationsFromCsv('a,b\n1,2\n', 'x.csv', undefined, 'ms'))).toBe(
      'x.csv:1: 2 columns; say which holds the durations with --column (one of: a, b)',
    );
    expect(errorOf(() => durationsFromCsv('time,b\n1,2\n', 'x.csv', 'tme', 'ms'))).toBe(
      'x.csv:1: no column "tme" (columns: time, b); did you mean "time"?',
    );
    expect(errorOf(() => durationsFromCsv('t\n1\n-2\n', 'x.csv', undefined, 'ms'))).toBe(
      'x.csv:3:1: "-2" is not a duration (expected a number of ms, or one with its unit such as "4.2ms")',
    );
    expect(errorOf(() => durationsFromCsv('a,b\n1,"2\n', 'x.csv', 'b', 'ms'))).toBe(
      'x.csv:2:3: a quoted cell is not closed',
    );
    expect(errorOf(() => durationsFromCsv('1,2\n', 'x.csv', '3', 'ms'))).toMatch(
      /no header row, so --column is a column number, 1 to 2/,
    );
    expect(errorOf(() => durationsFromCsv('\n# only\n', 'x.csv', undefined, 'ms'))).toMatch(
      /x.csv: no rows/,
    );
  });
});

const span = (name: string, kind: number, startNs: number, ms: number) => ({
  name,
  kind,
  startTimeUnixNano: String(startNs),
  endTimeUnixNano: String(startNs + ms * 1e6),
});
const trace = (services: Record<string, object[]>) =>
  JSON.stringify({
    resourceSpans: Object.entries(services).map(([name, spans]) => ({
      resource: { attributes: [{ key: 'service.name', value: { stringValue: name } }] },
      scopeSpans: [{ scope: { name: 'x' }, spans }],
    })),
  });

describe('durations from an OTLP/JSON trace', () => {
  const text = trace({
    orders: [span('GET /o', 2, 1e15, 4), span('db', 3, 1e15, 1), span('GET /o', 2, 2e15, 6)],
    users: [span('GET /u', 1, 1e15, 2.5)],
  });

  it('takes the server spans of the service named', () => {
    const d = durationsFromOtlp(text, 't.json', 'orders', undefined);
    expect(d.values).toEqual([4, 6]);
    expect(d.from).toBe('t.json, server spans of orders');
    // without server spans, every span of the service
    expect(durationsFromOtlp(text, 't.json', 'users', 'GET /u').values).toEqual([2.5]);
  });

  it('says where a trace is wrong', () => {
    expect(errorOf(() => durationsFromOtlp(text, 't.json', undefined, undefined))).toBe(
      't.json: spans of 2 services; say whose with --service (one of: orders, users)',
    );
    expect(errorOf(() => durationsFromOtlp(text, 't.json', 'order', undefined))).toBe(
      't.json: no spans of service "order" (services: orders, users); did you mean "orders"?',
    );
    expect(
      errorOf(() => durationsFromOtlp('{\n  "a": 1 "b": 2}', 't.json', undefined, undefined)),
    ).toMatch(/^t\.json:2:10: not JSON \(Expected ',' or '}'/);
    const backwards = trace({ a: [{ ...span('x', 2, 1e15, 1), endTimeUnixNano: '5' }] });
    expect(errorOf(() => durationsFromOtlp(backwards, 't.json', 'a', undefined))).toBe(
      't.json: resourceSpans[0].scopeSpans[0].spans[0]: endTimeUnixNano is before startTimeUnixNano',
    );
    expect(errorOf(() => durationsFromOtlp('{"x": 1}', 't.json', undefined, undefined))).toMatch(
      /expected an OTLP\/JSON trace/,
    );
  });
});

describe('snippets', () => {
  it('write durations without exponents', () => {
    expect(durationText(4.21349)).toBe('4.213ms');
    expect(durationText(0.0425)).toBe('42.5us');
    expect(durationText(1234.6)).toBe('1.235s');
  });

  it('are read back by the scenario language as the fitted distribution', () => {
    let seed = 3;
    const next = () => {
      seed = (seed * 16807) % 2147483647;
      return seed / 2147483647;
    };
    const xs = Array.from({ length: 500 }, () => 2 + -3 * Math.log(next()));
    for (const fit of fitDistributions(xs)) {
      const text = `version: 1\nname: s\nduration: 10s\nworkloads:\n  w: { rate: 1, target: a/b }\nservices:\n  a:\n    endpoints:\n      b: { steps: [{ cpu: ${snippetOf(fit)} }] }\n`;
      const problems = scenarioProblems(text);
      expect(problems, snippetOf(fit)).toBe('');
      const step = scenarioFromYaml(text).services[0].endpoints[0].steps[0] as unknown as {
        duration: { kind: string };
      };
      expect(step.duration.kind, snippetOf(fit)).toBe(
        fit.family === 'erlang' ? 'gamma' : fit.family,
      );
    }
  });

  it('the printout ranks the fits and names the best', () => {
    const out = formatCalibration({ values: [1, 2, 3, 4, 5, 8], from: 'a.csv', skipped: 0 });
    expect(out).toMatch(/^6 durations from a\.csv\nmean 3\.833ms/);
    expect(out).toMatch(/\nbest: \{ dist: \w+,/);
    expect(errorOf(() => formatCalibration({ values: [1], from: 'a.csv', skipped: 0 }))).toBe(
      'a.csv: 1 duration(s); at least 2 are needed to fit',
    );
  });

  it('warns that the ranking of a few durations is fragile, and only then', () => {
    // ten lognormal-looking durations: by likelihood the uniform over their range ranks first
    const ten = [1.2, 3.4, 2.2, 5, 1.1, 0.9, 2.7, 3.3, 4.1, 1.8];
    const few = formatCalibration({ values: ten, from: 'a.csv', skipped: 0 });
    expect(few).toContain('\nOnly 10 durations: with fewer than 30 the ranking is fragile');
    const many = Array.from({ length: 40 }, (_, i) => 1 + ((i * 37) % 11) / 3);
    const enough = formatCalibration({ values: many, from: 'b.csv', skipped: 0 });
    expect(enough).not.toContain('the ranking is fragile');
  });
});

describe('calibrate of a file that is not UTF-8', () => {
  it('refuses a CSV saved as CP949 at its first bad byte, and reads the same file in UTF-8', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'msasim-calibrate-'));
    const io = { out: () => {}, err: () => {} };
    // a header "지연" (latency) in CP949 (0xC1 0xF6 0xBF 0xAC), then durations
    const cp949 = join(dir, 'cp949.csv');
    await writeFile(
      cp949,
      Buffer.concat([Buffer.from([0xc1, 0xf6, 0xbf, 0xac]), Buffer.from('\n1\n2\n3\n')]),
    );
    const refused = await calibrateCommand(cp949, { unit: 'ms' }, io).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(InputFileError);
    expect((refused as Error).message).toBe(
      `${cp949}:1:1: it is not UTF-8 text (byte 0xC1 is not part of a UTF-8 character); save it as UTF-8 ("CSV UTF-8" in Excel)`,
    );
    const utf8 = join(dir, 'utf8.csv');
    await writeFile(utf8, '지연\n1\n2\n3\n');
    let out = '';
    const code = await calibrateCommand(
      utf8,
      { unit: 'ms' },
      {
        ...io,
        out: (t: string) => {
          out += t;
        },
      },
    );
    expect(code).toBe(0);
    expect(out).toMatch(/^3 durations from /);
  });
});
