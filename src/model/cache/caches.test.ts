/**
 * Cache components and refreshed tables in whole runs: exact sync accounting of replicated
 * caches, one shared store for a distributed cache, one store per instance for a local one,
 * and the rows / 304 accounting of periodic refresh.
 */
import { describe, expect, it } from 'vitest';
import { runYaml } from '../../test-support/scenarios.ts';

function scenario(opts: {
  cache?: string;
  instances?: number;
  refresh?: string;
  updates?: string;
  size?: number;
}) {
  const ref = opts.refresh === undefined ? '' : `, refresh: ${opts.refresh}`;
  return `
version: 1
name: t
duration: 20s
network: { latency: 0.2ms }
workloads: { w: { rate: 200, target: front/list } }
keys:
  items: { size: ${opts.size ?? 50}, owner: items, rowBytes: 100, updates: ${opts.updates ?? 0} }
caches:
  c: { type: ${opts.cache ?? 'local'}, maxEntries: 1000 }
services:
  front:
    instances: ${opts.instances ?? 3}
    database: front-db
    endpoints:
      list:
        steps:
          - list: { rows: 10, strategy: batch+cache, cache: c, refs: [ { keys: items, access: uniform, via: items/get${ref} } ] }
  items: { database: items-db, endpoints: { get: { steps: [ { lookup: items } ] } } }
databases:
  front-db: { queryTime: 1ms }
  items-db: { queryTime: 1ms, rowTime: 0.01ms }
`;
}

describe('cache components', () => {
  it('a local cache keeps one store per instance, each filled with the whole small key space', async () => {
    const r = await runYaml(scenario({ cache: 'local', instances: 3 }));
    const c = r.summary.caches[0];
    expect(c.stores).toBe(3);
    expect(c.entriesPerStore.max).toBe(50);
    expect(c.entriesPerStore.mean).toBe(50);
    expect(c.syncMessages).toBe(0);
  });

  it('a replicated cache sends each fill to every other instance, and its copies converge', async () => {
    const r = await runYaml(scenario({ cache: 'replicated', instances: 4 }));
    const c = r.summary.caches[0];
    // every fill of k rows on one instance is one message carrying k rows to each of the 3 others
    expect(c.syncBytes).toBe(3 * c.fills * 100);
    expect(c.syncMessages).toBeGreaterThan(0);
    expect(c.syncMessages).toBeLessThanOrEqual(3 * c.fills);
    expect(c.entriesPerStore.mean).toBe(50);
    expect(c.syncCpuMsPerSec).toBeGreaterThan(0);
  });

  it('a distributed cache is one store shared by all instances and a component with its own load', async () => {
    const r = await runYaml(scenario({ cache: 'distributed', instances: 4 }));
    const c = r.summary.caches[0];
    expect(c.stores).toBe(1);
    expect(c.entriesPerStore.max).toBe(50);
    const server = r.summary.components.find((x) => x.id === 'c');
    expect(server?.kind).toBe('cache');
    // one lookup per screen, plus one write-back per screen that missed
    expect(server?.completed).toBeGreaterThanOrEqual(r.summary.overall.finished);
    // with 50 keys, few misses in all: far fewer than with 4 local caches
    const local = await runYaml(scenario({ cache: 'local', instances: 4 }));
    expect(c.misses).toBeLessThan(local.summary.caches[0].misses);
  });
});

describe('periodic refresh', () => {
  it('a conditional refresh of an unchanging table loads it once per instance and then answers 304', async () => {
    const r = await runYaml(scenario({ instances: 3, refresh: '2s', size: 40 }));
    const t = r.summary.refreshes[0];
    expect(t.instances).toBe(3);
    expect(t.rowsFetched).toBe(3 * 40); // the initial loads only
    expect(t.notModified).toBe(t.refreshes - 3);
    expect(t.refreshes).toBeGreaterThanOrEqual(3 + 3 * 8); // a refresh every 2 s for 20 s
    expect(t.staleReads).toBe(0);
    // every finished screen read its 10 rows from memory (screens still in flight may have too)
    expect(t.reads).toBeGreaterThanOrEqual(r.summary.overall.finished * 10);
    expect(r.summary.overall.perRequest.callsMean).toBe(0);
    expect(t.bytesPerInstance).toBe(40 * 100);
  });

  it('a full refresh transfers the whole table every time', async () => {
    const r = await runYaml(
      scenario({ instances: 2, refresh: '2s', size: 40 }).replace(
        'refresh: 2s',
        'refresh: 2s, conditional: false',
      ),
    );
    const t = r.summary.refreshes[0];
    expect(t.notModified).toBe(0);
    expect(t.rowsFetched).toBe(t.refreshes * 40);
    expect(t.bytesFetched).toBe(t.rowsFetched * 100);
  });

  it('changed rows are fetched by the next refresh, and reads in between are stale', async () => {
    const r = await runYaml(scenario({ instances: 2, refresh: '5s', size: 40, updates: '2/s' }));
    const t = r.summary.refreshes[0];
    expect(t.staleReads).toBeGreaterThan(0);
    expect(t.rowsFetched).toBeGreaterThan(2 * 40);
    expect(t.notModified).toBeLessThan(t.refreshes - 2);
  });
});

describe('garbage-collection pauses', () => {
  const gcScenario = (gc: string) => `
version: 1
name: t
duration: 40s
warmup: 0s
workloads: { w: { rate: 500, target: a/x } }
services:
  a: { instances: 2, threads: 20, ${gc} endpoints: { x: { steps: [ { cpu: 1ms } ] } } }
`;

  it('pause every period for pause + pausePerGB × heap, closing the instance meanwhile', async () => {
    const r = await runYaml(gcScenario('gc: { every: 1s, pause: 20ms, pausePerGB: 1s },'));
    const a = r.summary.components[0];
    // two instances, one pause per second each, on a random phase: 2 × 40 pauses, minus at most 2
    expect(a.gcPauses).toBeGreaterThanOrEqual(78);
    expect(a.gcPauses).toBeLessThanOrEqual(80);
    // no cache held: every pause is 20 ms, so each instance is paused 2 % of the time
    expect(a.gcPausedFraction).toBeCloseTo((a.gcPauses * 20) / (2 * 40_000), 9);
    // requests that arrive during a pause wait for it: the tail grows, the median does not
    const none = await runYaml(gcScenario(''));
    expect(r.summary.overall.latency.p99Ms).toBeGreaterThan(none.summary.overall.latency.p99Ms + 5);
    expect(r.summary.overall.latency.p50Ms).toBeCloseTo(none.summary.overall.latency.p50Ms, 1);
  });

  it('a bigger local cache makes longer pauses', async () => {
    const small = await runYaml(
      scenario({ instances: 2, size: 50 }).replace(
        '    instances: 2\n',
        '    instances: 2\n    gc: { every: 1s, pause: 1ms, pausePerGB: 10s }\n',
      ),
    );
    const big = await runYaml(
      scenario({ instances: 2, size: 5000 })
        .replace('maxEntries: 1000', 'maxEntries: 5000')
        .replace(
          '    instances: 2\n',
          '    instances: 2\n    gc: { every: 1s, pause: 1ms, pausePerGB: 10s }\n',
        ),
    );
    const front = (x: typeof small) => x.summary.components.find((c) => c.id === 'front')!;
    expect(front(big).memoryBytesPerInstance).toBeGreaterThan(
      front(small).memoryBytesPerInstance * 10,
    );
    expect(front(big).gcPausedFraction).toBeGreaterThan(front(small).gcPausedFraction);
  });
});
