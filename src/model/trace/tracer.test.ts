/**
 * Request traces: tracing changes nothing in a run (same summary, same draws); traced runs are
 * deterministic; the kept traces are the K slowest per entry endpoint (checked against every
 * request's latency recorded with every: 1), the first failed, and each every-th answered; span
 * trees are well formed; a replayed CSV's requests start exactly at the file's times.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { prepareWorkloadData } from '../../cli/workload-files.ts';
import type { RequestTrace } from '../../metrics/traces.ts';
import { workThenQuery } from '../../test-support/scenarios.ts';
import { parseScenario } from '../language.ts';
import { runScenario } from '../run.ts';

/** back/get: 2 threads and 12 waiting at most, ~7 ms of work, then a query of main (1 connection). */
const BACK = workThenQuery({
  service: 'back',
  threads: 2,
  queueCapacity: 12,
  endpoint: 'get',
  cpuMs: 7,
  db: 'main',
  rows: 1,
  connections: 1,
  queryMs: 1,
});

const SCENARIO = `version: 1
name: traced
duration: 6s
warmup: 1s
workloads:
  web: { rate: 270/s, mix: { front/page: 3, front/search: 1 }, timeout: 300ms }
services:
  front:
    threads: 8
    endpoints:
      page:
        steps:
          - cpu: { dist: exponential, mean: 1ms }
          - call: back/get
            timeout: 80ms
      search:
        steps:
          - parallel:
              - [ { call: back/get } ]
              - [ { query: { db: main, rows: 5 } } ]
${BACK}
`;

const scenario = () => parseScenario(SCENARIO, 'traced.yaml').variants[0];
const opts = { slowest: 3, failed: 5, every: 50, sampled: 4 };

describe('request traces', () => {
  it('change nothing in the run, and are deterministic', async () => {
    const off = await runScenario(scenario());
    const on = await runScenario(scenario(), { trace: opts });
    const again = await runScenario(scenario(), { trace: opts });
    expect(off.traces).toBeUndefined();
    expect(on.summary).toEqual(off.summary);
    expect(JSON.stringify(on.series.requests.get('overall'))).toBe(
      JSON.stringify(off.series.requests.get('overall')),
    );
    expect(JSON.stringify(on.traces)).toBe(JSON.stringify(again.traces));
    expect(on.traces?.length).toBeGreaterThan(5);
  });

  it('keep the K slowest per endpoint, the first failed and each every-th answered', async () => {
    // every: 1 keeps every request answered: the reference to select from
    const all = (
      await runScenario(scenario(), { trace: { slowest: 0, failed: 0, every: 1, sampled: 100000 } })
    ).traces as RequestTrace[];
    const kept = (await runScenario(scenario(), { trace: opts })).traces as RequestTrace[];
    expect(all.length).toBeGreaterThan(600);
    const duration = (t: RequestTrace) => t.endMs - t.startMs;
    const bySeq = (ts: RequestTrace[]) => ts.map((t) => t.seq).sort((a, b) => a - b);
    for (const entry of ['front/page', 'front/search']) {
      const slowest = all
        .filter((t) => t.entry === entry)
        .sort((a, b) => duration(b) - duration(a) || a.seq - b.seq)
        .slice(0, 3);
      expect(bySeq(kept.filter((t) => t.entry === entry && t.reasons.includes('slowest')))).toEqual(
        bySeq(slowest),
      );
    }
    const failed = all.filter((t) => t.outcome !== 'ok').sort((a, b) => a.seq - b.seq);
    expect(failed.length).toBeGreaterThan(5);
    expect(bySeq(kept.filter((t) => t.reasons.includes('failed')))).toEqual(
      failed.slice(0, 5).map((t) => t.seq),
    );
    expect(bySeq(kept.filter((t) => t.reasons.includes('sampled')))).toEqual([50, 100, 150, 200]);
    // slowest first
    const durations = kept.map(duration);
    expect(durations).toEqual([...durations].sort((a, b) => b - a));
  });

  it('make well-formed span trees: visits under their callers, inside their request', async () => {
    const { traces } = await runScenario(scenario(), {
      trace: { ...opts, every: 1, sampled: 300 },
    });
    let waits = 0;
    for (const t of traces as RequestTrace[]) {
      const ids = new Map(t.spans.map((s) => [s.id, s]));
      expect(ids.size).toBe(t.spans.length);
      const root = t.spans.filter((s) => s.parent === 0);
      expect(root).toMatchObject([{ id: 1, kind: 'request', name: t.entry }]);
      for (const s of t.spans) {
        expect(s.endMs).toBeGreaterThanOrEqual(s.startMs);
        if (s.parent === 0) continue;
        const parent = ids.get(s.parent);
        expect(parent).toBeDefined();
        if (s.kind === 'visit' && s.parent !== 1) expect(parent?.kind).toBe('visit');
        if (s.kind.endsWith('wait')) waits++;
        // work a client gave up on may end after the request's span; it never starts before it
        expect(s.startMs).toBeGreaterThanOrEqual(t.startMs);
      }
      // the entry visit is span 2, served by an instance
      expect(ids.get(2)).toMatchObject({ kind: 'visit', parent: 1, instance: 0 });
    }
    expect(waits).toBeGreaterThan(0);
  });

  it('start the requests of a replayed CSV exactly at its times', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'msasim-trace-replay-'));
    try {
      const times = ['0.0041', '0.25', '0.25', '1.0001', '2.5', '3.999999', '4.2'];
      await writeFile(
        join(dir, 'log.csv'),
        `time,user\n${times.map((t, i) => `${t},u${i}`).join('\n')}\n`,
      );
      const text = `version: 1
name: replayed
duration: 5s
trace: { slowest: 0, failed: 100, every: 1, sampled: 100 }
workloads:
  log: { replay: { file: log.csv, key: user }, target: web/home }
services:
  web:
    endpoints:
      home: { steps: [ { cpu: 1ms } ] }
`;
      const loaded = parseScenario(text, join(dir, 's.yaml'));
      const data = await prepareWorkloadData(loaded);
      const { traces, summary } = await runScenario(loaded.variants[0], {
        data: data.of(null) ?? undefined,
      });
      data.close();
      expect(summary.run.requests).toBe(7);
      const starts = (traces as RequestTrace[])
        .map((t) => [t.startMs, t.key])
        .sort((a, b) => Number(a[0]) - Number(b[0]) || String(a[1]).localeCompare(String(b[1])));
      expect(starts).toEqual([
        [4.1, 'u0'],
        [250, 'u1'],
        [250, 'u2'],
        [1000.1, 'u3'],
        [2500, 'u4'],
        [3999.999, 'u5'],
        [4200, 'u6'],
      ]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
