/**
 * The command line with real-data workloads and traces: `--trace` writes traces.otlp.json
 * (listed in the folder's marker) and changes no other file but results.json and index.html,
 * which carry the traces; the exported file replays as arrivals (format otlp); a bad data file
 * gives located problems and exit 1 (never a crash), in `run` and `validate`.
 */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { msasimInProcess as msasim } from '../test-support/cli.ts';

const SCENARIO = (workload: string) => `version: 1
name: replay-cli
duration: 6s
workloads:
  w: ${workload}
services:
  web:
    threads: 2
    endpoints:
      home: { steps: [ { cpu: { dist: exponential, mean: 4ms } }, { query: { db: db, rows: 1 } } ] }
      search: { steps: [ { cpu: 2ms } ] }
databases:
  db: { connections: 1 }
`;

async function folder(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'msasim-replay-e2e-'));
  for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text);
  return dir;
}

describe('traces and replayed workloads on the command line', () => {
  it('--trace adds traces.otlp.json and leaves the other files as they were', async () => {
    const dir = await folder({
      's.yaml': SCENARIO('{ rate: 300/s, mix: { web/home: 3, web/search: 1 } }'),
    });
    const plain = await msasim(['run', join(dir, 's.yaml'), '--out', join(dir, 'plain')]);
    const traced = await msasim([
      'run',
      join(dir, 's.yaml'),
      '--out',
      join(dir, 'traced'),
      '--trace',
      '--trace-every',
      '1',
    ]);
    expect([plain.code, traced.code]).toEqual([0, 0]);
    expect(traced.stdout).toBe(plain.stdout);
    const marker = JSON.parse(await readFile(join(dir, 'traced', '.msasim-report'), 'utf8'));
    expect(marker.files).toContain('traces.otlp.json');
    for (const f of [
      'summary.json',
      'endpoints.csv',
      'components.csv',
      'timeseries.csv',
      'estimates.csv',
    ])
      expect(await readFile(join(dir, 'traced', f), 'utf8'), f).toBe(
        await readFile(join(dir, 'plain', f), 'utf8'),
      );
    const plainMarker = JSON.parse(await readFile(join(dir, 'plain', '.msasim-report'), 'utf8'));
    expect(plainMarker.files).not.toContain('traces.otlp.json');
    expect(await readFile(join(dir, 'traced', 'index.html'), 'utf8')).toContain(
      '<section id="traces">',
    );

    // the export replays: its root spans are the arrivals, each to the endpoint it names
    const otlp = await readFile(join(dir, 'traced', 'traces.otlp.json'), 'utf8');
    const roots = (
      JSON.parse(otlp).resourceSpans as {
        scopeSpans: { spans: { parentSpanId?: string; name: string }[] }[];
      }[]
    )
      .flatMap((r) => r.scopeSpans.flatMap((s) => s.spans))
      .filter((s) => s.parentSpanId === undefined);
    await writeFile(join(dir, 'traces.json'), otlp);
    await writeFile(
      join(dir, 'r.yaml'),
      SCENARIO('{ replay: { file: traces.json }, mix: { web/home: 1, web/search: 1 } }'),
    );
    const again = await msasim([
      'run',
      join(dir, 'r.yaml'),
      '--out',
      join(dir, 'replayed'),
      '--format',
      'json',
    ]);
    expect(again.code).toBe(0);
    const summary = JSON.parse(again.stdout).runs[0];
    // one request per root span kept (sampled, slowest, failed), all inside the 6 s
    expect(summary.run.requests).toBe(roots.length);
    const home = roots.filter((r) => r.name === 'web/home').length;
    expect(
      summary.endpoints.find((e: { endpoint: string }) => e.endpoint === 'web/home').arrivals,
    ).toBe(home);
  });

  it('a bad data file: located problems, exit 1, nothing written', async () => {
    const dir = await folder({
      's.yaml': SCENARIO('{ replay: { file: log.csv, endpoint: route }, target: web/home }'),
      'log.csv': 'time,route\n0.5,web/home\nlater,web/home\n0.7,web/hme\n',
    });
    const r = await msasim(['run', join(dir, 's.yaml'), '--out', join(dir, 'out')]);
    expect(r.code).toBe(1);
    expect(r.stderr).not.toMatch(/internal error|at .*\.js/);
    expect(r.stderr).toContain(`${join(dir, 'log.csv')}:3:1  workloads.w.replay.file`);
    expect(r.stderr).toContain('did you mean "web/home"?');
    const v = await msasim(['validate', join(dir, 's.yaml')]);
    expect(v.code).toBe(1);
    expect(v.stdout).toContain(':4:5');
    await writeFile(
      join(dir, 's.yaml'),
      SCENARIO('{ replay: { file: nowhere.csv }, target: web/home }'),
    );
    const missing = await msasim(['run', join(dir, 's.yaml'), '--out', join(dir, 'out')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/s\.yaml:5:\d+ {2}workloads\.w\.replay\.file/);
    expect(missing.stderr).toContain('there is no such file');
  });

  it('--trace-replication: the chosen replication, or all of them with trace ids of their own', async () => {
    const dir = await folder({ 's.yaml': SCENARIO('{ rate: 200/s, target: web/home }') });
    const run = (out: string, ...more: string[]) =>
      msasim([
        'run',
        join(dir, 's.yaml'),
        '--out',
        join(dir, out),
        '--duration',
        '2s',
        '--replications',
        '3',
        '--trace',
        '--trace-every',
        '0',
        ...more,
      ]);
    type Span = { traceId: string; parentSpanId?: string; attributes: { key: string }[] };
    const roots = async (out: string) =>
      (
        JSON.parse(await readFile(join(dir, out, 'traces.otlp.json'), 'utf8')).resourceSpans as {
          scopeSpans: { spans: Span[] }[];
        }[]
      )
        .flatMap((r) => r.scopeSpans.flatMap((s) => s.spans))
        .filter((s) => s.parentSpanId === undefined);
    const replicationOf = (s: Span) =>
      (
        s.attributes.find((a) => a.key === 'msasim.replication') as
          | { value: { intValue: number } }
          | undefined
      )?.value.intValue ?? 1;
    const [first, second, all] = await Promise.all([
      run('first'),
      run('second', '--trace-replication', '2'),
      run('all', '--trace-replication', 'all'),
    ]);
    expect([first.code, second.code, all.code]).toEqual([0, 0, 0]);
    expect(second.stdout).toBe(first.stdout);
    const [r1, r2, rAll] = await Promise.all([roots('first'), roots('second'), roots('all')]);
    expect(new Set(r1.map(replicationOf))).toEqual(new Set([1]));
    expect(new Set(r2.map(replicationOf))).toEqual(new Set([2]));
    expect(new Set(rAll.map(replicationOf))).toEqual(new Set([1, 2, 3]));
    // each replication's traces are the same as when it is traced alone, ids included
    const ids = (list: Span[], r: number) =>
      list
        .filter((s) => replicationOf(s) === r)
        .map((s) => s.traceId)
        .sort();
    expect(ids(rAll, 1)).toEqual(ids(r1, 1));
    expect(ids(rAll, 2)).toEqual(ids(r2, 2));
    expect(new Set(rAll.map((s) => s.traceId)).size).toBe(rAll.length);

    const past = await run('past', '--trace-replication', '4');
    expect(past.code).toBe(2);
    expect(past.stderr).toContain('--trace-replication 4');
    const bad = await run('bad', '--trace-replication', '0');
    expect(bad.code).toBe(2);

    // the scenario's trace.replication means the same; the option overrides it
    const withSection = (replication: string) =>
      SCENARIO('{ rate: 200/s, target: web/home }').replace(
        'duration: 6s',
        `duration: 2s\nreplications: 3\ntrace: { every: 0, replication: ${replication} }`,
      );
    await writeFile(join(dir, 't.yaml'), withSection('2'));
    await writeFile(join(dir, 'u.yaml'), withSection('all'));
    await writeFile(join(dir, 'v.yaml'), withSection('4'));
    await writeFile(join(dir, 'w.yaml'), withSection('0'));
    const section = (file: string, out: string, ...more: string[]) =>
      msasim(['run', join(dir, file), '--out', join(dir, out), ...more]);
    const [two, allOf, over] = await Promise.all([
      section('t.yaml', 'sec-2'),
      section('u.yaml', 'sec-all'),
      section('t.yaml', 'sec-over', '--trace-replication', '1'),
    ]);
    expect([two.code, allOf.code, over.code]).toEqual([0, 0, 0]);
    const [s2, sAll, sOver] = await Promise.all([
      roots('sec-2'),
      roots('sec-all'),
      roots('sec-over'),
    ]);
    expect(new Set(s2.map(replicationOf))).toEqual(new Set([2]));
    expect(new Set(sAll.map(replicationOf))).toEqual(new Set([1, 2, 3]));
    expect(new Set(sOver.map(replicationOf))).toEqual(new Set([1]));
    // the same traces as the option gives (same requests, same ids)
    expect(ids(s2, 2)).toEqual(ids(sAll, 2));
    const beyond = await section('v.yaml', 'sec-4');
    expect(beyond.code).toBe(2);
    expect(beyond.stderr).toContain('trace.replication: 4 in the scenario');
    expect(beyond.stderr).toContain('at most 3 replications');
    expect((await section('v.yaml', 'sec-4-more', '--replications', '4')).code).toBe(0);
    const zero = await section('w.yaml', 'sec-0');
    expect(zero.code).toBe(1);
    expect(zero.stderr).toContain('trace.replication');
  });
});
