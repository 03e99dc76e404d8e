/**
 * The data files of replayed workloads, read by the CLI: a streamed CSV gives the model its
 * arrival times exactly (at a speed too), in bounded memory; problems are located in the data
 * file (or at the scenario key naming a file that cannot be read); OTLP/JSON root spans and
 * rate profiles reach the model.
 */
import { symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Simulation } from '../engine/index.ts';
import { parseScenario } from '../model/language.ts';
import { ReplayWorkload } from '../model/replay/replay-workload.ts';
import { rateAt } from '../model/replay/rows.ts';
import type { EntryRuntime } from '../model/workload.ts';
import { ScenarioError } from '../scenario/issues.ts';
import { tempFolder } from '../test-support/temp-folder.ts';
import { CsvArrivals, LineReader, openRegularSync, prepareWorkloadData } from './workload-files.ts';

const tmp = tempFolder('msasim-replay-');

/** A scenario in the temp folder whose workload `log` has `workload` (YAML flow text). */
function scenario(workload: string, name = 's.yaml') {
  const text = `version: 1
name: replay
duration: 10s
workloads:
  log: ${workload}
services:
  web:
    endpoints:
      home: { steps: [ { cpu: 1ms } ] }
      search: { steps: [ { cpu: 1ms } ] }
`;
  return parseScenario(text, join(tmp.path, name));
}

/** The times at which a replayed workload sends, on a real simulation, and the targets. */
function replayTimes(source: import('../model/replay/arrivals.ts').ArrivalSource) {
  const sim = new Simulation();
  const sent: [number, string][] = [];
  // an entry that notes when and where a request is sent (a Request reads its endpoint's steps)
  const entry = (name: string) =>
    ({
      endpoint: { steps: [] },
      sendRequest: (req: { sentMs: number }) => sent.push([req.sentMs, name]),
    }) as unknown as EntryRuntime;
  const entries = [entry('home'), entry('search')];
  const wl = new ReplayWorkload(sim, source, entries, () => entry('mix'));
  wl.start();
  sim.run();
  return sent;
}

describe('replayed CSV files', () => {
  it('give the model the arrival times of the file exactly, and at a speed', async () => {
    const times = ['0', '0.0041', '0.25', '0.25', '1.5', '3.0001', '9.999'];
    const body = times.map((t, i) => `${t},${['web/home', 'web/search', ''][i % 3]}`).join('\n');
    await writeFile(join(tmp.path, 'a.csv'), `time,endpoint\r\n${body}\n`);
    const loaded = scenario(
      '{ replay: { file: a.csv, endpoint: endpoint }, mix: { web/home: 1, web/search: 1 } }',
    );
    const data = await prepareWorkloadData(loaded);
    const sent = replayTimes(data.of(null)!.arrivals('log'));
    expect(sent).toEqual([
      [0, 'home'],
      [4.1, 'search'],
      [250, 'mix'],
      [250, 'home'],
      [1500, 'search'],
      [3000.1, 'mix'],
      [9999, 'home'],
    ]);
    const fast = scenario('{ replay: { file: a.csv, speed: 3 }, target: web/home }', 'f.yaml');
    const fastData = await prepareWorkloadData(fast);
    const fastSent = replayTimes(fastData.of(null)!.arrivals('log'));
    expect(fastSent.map(([t]) => t)).toEqual(sent.map(([t]) => t / 3));
    data.close();
    fastData.close();
  });

  it('reports every bad row at file:line:col before anything runs', async () => {
    await writeFile(
      join(tmp.path, 'bad.csv'),
      'time,endpoint\n0.1,web/home\nsoon,web/home\n0.2,web/hom\n0.05,web/home\n',
    );
    const loaded = scenario('{ replay: { file: bad.csv, endpoint: endpoint }, target: web/home }');
    const e = await prepareWorkloadData(loaded).catch((x) => x);
    expect(e).toBeInstanceOf(ScenarioError);
    const shown = (e as ScenarioError).issues.map((i) => [
      i.file.endsWith('bad.csv'),
      i.line,
      i.col,
      i.code,
      i.hint ?? '',
    ]);
    expect(shown).toEqual([
      [true, 3, 1, 'data-value', expect.stringContaining('ISO 8601')],
      [true, 4, 5, 'data-value', 'did you mean "web/home"?'],
      [true, 5, 1, 'data-order', expect.stringContaining('sort the file')],
    ]);
    expect((e as ScenarioError).issues[0].path).toEqual(['workloads', 'log', 'replay', 'file']);
  });

  it('refuses a log saved as CP949 at the line and column of its first bad byte', async () => {
    // row 2 names "web/웹" in CP949 (0xC0 0xA5), as Excel's "CSV" on Korean Windows writes it
    const bad = Buffer.concat([
      Buffer.from('time,endpoint,user\n0.1,web/home,a\n0.2,web/'),
      Buffer.from([0xc0, 0xa5]),
      Buffer.from(',b\n'),
    ]);
    await writeFile(join(tmp.path, 'cp949.csv'), bad);
    const loaded = scenario(
      '{ replay: { file: cp949.csv, endpoint: endpoint, key: user }, target: web/home }',
    );
    const e = await prepareWorkloadData(loaded).catch((x) => x);
    expect(e).toBeInstanceOf(ScenarioError);
    const [issue] = (e as ScenarioError).issues;
    expect([issue.line, issue.col, issue.code]).toEqual([3, 9, 'data-value']);
    expect(issue.message).toBe(
      'the file is not UTF-8 text here (a byte that is not part of a UTF-8 character)',
    );
    expect(issue.hint).toContain('CSV UTF-8');
    // a UTF-8 log is read as before
    await writeFile(join(tmp.path, 'utf8.csv'), 'time,endpoint\n0.1,web/home\n');
    const ok = scenario('{ replay: { file: utf8.csv, endpoint: endpoint }, target: web/home }');
    await expect(prepareWorkloadData(ok)).resolves.toBeDefined();
  });

  it('refuses a missing file, a link and a folder at the scenario key that names them', async () => {
    await writeFile(join(tmp.path, 'real.csv'), 'time\n1\n');
    await symlink(join(tmp.path, 'real.csv'), join(tmp.path, 'link.csv'));
    for (const [file, why] of [
      ['none.csv', 'there is no such file'],
      ['link.csv', 'it is a symbolic link, not a regular file'],
      ['.', 'not a regular file'],
    ]) {
      const loaded = scenario(`{ replay: { file: "${file}" }, target: web/home }`);
      const e = (await prepareWorkloadData(loaded).catch((x) => x)) as ScenarioError;
      expect(e).toBeInstanceOf(ScenarioError);
      expect(e.issues[0]).toMatchObject({
        code: 'data-file',
        file: join(tmp.path, 's.yaml'),
        line: 5,
        col: 26,
      });
      expect(e.issues[0].message).toContain(why);
    }
  });

  it('stops a run with a located problem when the file went bad after the check', async () => {
    await writeFile(join(tmp.path, 'later.csv'), 'time\n1\n2\n');
    const loaded = scenario('{ replay: { file: later.csv }, target: web/home }');
    const data = await prepareWorkloadData(loaded);
    await writeFile(join(tmp.path, 'later.csv'), 'time\n1\nnever\n');
    const source = data.of(null)!.arrivals('log');
    expect(source.next()).toBe(true);
    expect(() => source.next()).toThrow(ScenarioError);
    data.close();
  });

  it('streams a large file in bounded memory', async () => {
    // ~24 MB of rows; the reader holds a 64 KB chunk and its lines at a time
    const path = join(tmp.path, 'large.csv');
    const rows = 1_200_000;
    const chunk: string[] = [];
    let text = 'time,endpoint\n';
    await writeFile(path, text);
    const { appendFile } = await import('node:fs/promises');
    for (let i = 0; i < rows; i++) {
      chunk.push(`${(i / 1000).toFixed(3)},web/home`);
      if (chunk.length === 100_000) {
        await appendFile(path, `${chunk.join('\n')}\n`);
        chunk.length = 0;
      }
    }
    text = '';
    const loaded = scenario(
      '{ replay: { file: large.csv, endpoint: endpoint }, target: web/home }',
    );
    const data = await prepareWorkloadData(loaded);
    const source = data.of(null)!.arrivals('log');
    const before = process.memoryUsage().heapUsed;
    let peak = before;
    let n = 0;
    let last = -1;
    while (source.next()) {
      if (source.timeMs < last) throw new Error('out of order');
      last = source.timeMs;
      if (++n % 50_000 === 0) peak = Math.max(peak, process.memoryUsage().heapUsed);
    }
    expect(n).toBe(rows);
    expect(last).toBe(1_199_999);
    // the file is ~24 MB; its strings alone would take ~60 MB of heap
    expect(peak - before).toBeLessThan(16 * 1024 * 1024);
    data.close();
  }, 60_000);

  it('refuses a line longer than the bound', async () => {
    const path = join(tmp.path, 'long.csv');
    await writeFile(path, `time\n1\n${'9'.repeat(200_000)}\n`);
    const reader = new LineReader(openRegularSync(path));
    expect([reader.next(), reader.next()]).toEqual(['time', '1']);
    expect(reader.next()).toMatchObject({ code: 'data-value', line: 3 });
    reader.close();
    expect(CsvArrivals).toBeDefined();
  });
});

describe('OTLP/JSON trace files and rate profiles', () => {
  it('replays the root spans of an OTLP/JSON export, sorted, named targets to their endpoint', async () => {
    const span = (start: string, name: string, parent = '') => ({
      traceId: '0'.repeat(31) + '1',
      spanId: '0'.repeat(15) + '1',
      parentSpanId: parent,
      name,
      startTimeUnixNano: start,
      endTimeUnixNano: start,
    });
    const doc = {
      resourceSpans: [
        {
          scopeSpans: [
            {
              spans: [
                span('1700000000002500000', 'web/search'),
                span('1700000000000000000', 'GET /'),
                span('1700000000001000001', 'db', 'abcd'),
                span('1700000000003000001', 'web/home'),
              ],
            },
          ],
        },
      ],
    };
    await writeFile(join(tmp.path, 't.json'), JSON.stringify(doc));
    const loaded = scenario('{ replay: { file: t.json }, mix: { web/home: 1, web/search: 1 } }');
    const data = await prepareWorkloadData(loaded);
    expect(replayTimes(data.of(null)!.arrivals('log'))).toEqual([
      [0, 'mix'],
      [2.5, 'search'],
      [3.000001, 'home'],
    ]);
    await writeFile(join(tmp.path, 'broken.json'), '{"resourceSpans": [\n  {"scopeSpans": 3}]}');
    const bad = scenario('{ replay: { file: broken.json }, target: web/home }');
    const e = (await prepareWorkloadData(bad).catch((x) => x)) as ScenarioError;
    expect(e.issues[0].message).toContain('resourceSpans[0].scopeSpans is not an array');
    expect(e.issues[0]).toMatchObject({ line: 2, col: 18 });
    await writeFile(join(tmp.path, 'syntax.json'), '{"resourceSpans": [\n  {,}]}');
    const syntax = scenario('{ replay: { file: syntax.json }, target: web/home }');
    const s = (await prepareWorkloadData(syntax).catch((x) => x)) as ScenarioError;
    expect(s.issues[0]).toMatchObject({ code: 'data-value', line: 2, col: 4 });
  });

  it('gives an open workload the rate curve of its profile', async () => {
    await writeFile(join(tmp.path, 'p.csv'), 'at,perSec\n0,10\n10,110\n');
    const loaded = scenario(
      '{ rateProfile: { file: p.csv, time: at, rate: perSec }, target: web/home }',
    );
    const data = await prepareWorkloadData(loaded);
    const pieces = data.of(null)!.rates('log');
    const perSec = [0, 5000, 10_000, 20_000].map((ms) => rateAt(pieces, ms) * 1000);
    for (const [i, want] of [10, 60, 110, 110].entries()) expect(perSec[i]).toBeCloseTo(want, 10);
    data.close();
  });
});
