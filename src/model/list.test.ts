/**
 * The list screen's four strategies on tiny models with exact answers (constant costs, no
 * network): calls made, rows and bytes read, query costs, and the cache's effect.
 */
import { describe, expect, it } from 'vitest';
import { runYaml } from '../test-support/scenarios.ts';

/** A consultations service listing `rows` rows that reference two key spaces. */
function screen(
  strategy: string,
  opts: { rows?: number; customers?: number; extra?: string } = {},
) {
  return `
version: 1
name: t
duration: 10s
strategy: ${strategy}
workloads: { w: { rate: 20, target: consultations/list } }
keys:
  customers: { size: ${opts.customers ?? 1000000}, owner: customers, rowBytes: 400 }
  codes: { size: 1, owner: codes, rowBytes: 50 }
caches:
  c: { type: local, maxEntries: 1000 }
services:
  consultations:
    database: own-db
    endpoints:
      list:
        steps:
          - list:
              rows: ${opts.rows ?? 10}
              refs:
                - { keys: customers, access: uniform, via: customers/lookup }
                - { keys: codes, access: uniform, via: codes/lookup }
              joinDb: mono-db
              cache: c
  customers: { database: customers-db, endpoints: { lookup: { steps: [ { lookup: customers } ] } } }
  codes: { database: codes-db, endpoints: { lookup: { steps: [ { lookup: codes } ] } } }
databases:
  own-db: { queryTime: 1ms, rowTime: 0.1ms }
  mono-db: { queryTime: 1ms, rowTime: 0.1ms, joinTime: 0.5ms }
  customers-db: { queryTime: 1ms, rowTime: 0.1ms }
  codes-db: { queryTime: 1ms, rowTime: 0.1ms }
${opts.extra ?? ''}`;
}

const near = (x: number, y: number) =>
  expect(Math.abs(x - y)).toBeLessThanOrEqual(y * 0.0011 + 1e-9);
const db = (r: Awaited<ReturnType<typeof runYaml>>, id: string) =>
  r.summary.components.find((c) => c.id === id)!;

describe('list strategies', () => {
  it('join is one query of rows × (1 + refs) rows with one join per reference', async () => {
    const r = await runYaml(screen('join'));
    const o = r.summary.overall;
    expect(o.perRequest.callsMean).toBe(0);
    expect(o.perRequest.queriesMean).toBe(1);
    expect(o.perRequest.rowsMean).toBe(10 * 3);
    expect(o.perRequest.bytesMean).toBe(10 * (400 + 50));
    // 1 ms + 30 rows × 0.1 ms + 2 joins × 0.5 ms = 5 ms
    near(o.latency.p50Ms, 5);
    expect(db(r, 'mono-db').rowsRead).toBe(30 * db(r, 'mono-db').completed);
  });

  it('n+1 makes exactly rows × refs calls, one after the other', async () => {
    const r = await runYaml(screen('n+1'));
    const o = r.summary.overall;
    expect(o.perRequest.callsMean).toBe(10 * 2);
    expect(o.perRequest.callsMax).toBe(20);
    expect(o.perRequest.rowsMean).toBe(10 + 20); // own rows + one row per call
    // own query 1 + 10 × 0.1 = 2 ms, then 20 lookups of 1 + 0.1 ms each = 22 ms
    near(o.latency.p50Ms, 2 + 20 * 1.1);
    expect(db(r, 'customers-db').completed).toBe(10 * db(r, 'own-db').completed);
  });

  it('batch makes exactly one call per reference, reading the distinct keys once', async () => {
    const r = await runYaml(screen('batch'));
    const o = r.summary.overall;
    expect(o.perRequest.callsMean).toBe(2);
    // codes has one key: 10 draws are 1 distinct key; customers: 10 distinct (almost surely)
    const customerRows = db(r, 'customers-db').rowsRead / db(r, 'customers-db').completed;
    expect(customerRows).toBeCloseTo(10, 1);
    expect(db(r, 'codes-db').rowsRead).toBe(db(r, 'codes-db').completed);
    // own query 2 ms, then the two lookups in parallel: max(1 + 10 × 0.1, 1 + 0.1) = 2 ms
    near(o.latency.maxMs, 4);
  });

  it('batch + cache fetches only what misses and then serves from the cache', async () => {
    const r = await runYaml(screen('batch+cache', { customers: 5 }));
    const o = r.summary.overall;
    const c = r.summary.caches[0];
    // 5 customers and 1 code: after the first screens everything is cached
    expect(c.hitRatio).toBeGreaterThan(0.99);
    expect(c.entriesPerStore.max).toBe(6);
    expect(c.bytesPerStore.max).toBe(5 * 400 + 50);
    expect(o.perRequest.callsMean).toBeLessThan(0.05);
    near(o.latency.p50Ms, 2); // only the own query remains
    expect(c.lookups).toBe(o.finished * 20);
  });

  it('a list of zero rows makes no call', async () => {
    const r = await runYaml(screen('batch', { rows: 0 }));
    expect(r.summary.overall.perRequest.callsMean).toBe(0);
    expect(r.summary.overall.perRequest.queriesMean).toBe(1);
  });

  it('a failed lookup fails the screen with its cause', async () => {
    const r = await runYaml(
      screen('batch')
        .replace(
          'customers: { database: customers-db,',
          'customers: { threads: 1, queueCapacity: 0, database: customers-db,',
        )
        .replace('rate: 20', 'rate: 2000'),
    );
    const o = r.summary.overall;
    expect(o.outcomes.rejected).toBeGreaterThan(0);
    expect(o.causes[0].cause).toBe('rejected: customers queue full');
  });
});

describe('sharded lookups', () => {
  it('range sharding maps keys to consecutive ranges, hash sharding spreads neighbours', async () => {
    const { shardRule } = await import('./steps/lookup-runtime.ts');
    const range = shardRule('range', 4, 1000);
    expect([1, 250, 251, 500, 501, 1000].map(range)).toEqual([0, 0, 1, 1, 2, 3]);
    const hash = shardRule('hash', 4, 1000);
    const counts = [0, 0, 0, 0];
    for (let k = 1; k <= 1000; k++) counts[hash(k)]++;
    for (const c of counts) expect(Math.abs(c - 250)).toBeLessThan(30);
  });

  it('a batched lookup queries each shard holding some of its keys, and rows add up', async () => {
    const yaml = screen('batch', { rows: 8 }).replace(
      'customers-db: { queryTime: 1ms, rowTime: 0.1ms }',
      'customers-db: { queryTime: 1ms, rowTime: 0.1ms, shards: { count: 4, by: range } }',
    );
    const r = await runYaml(yaml);
    const shards = r.summary.components.filter((c) => c.id.startsWith('customers-db['));
    expect(shards.map((s) => s.id)).toEqual([
      'customers-db[0]',
      'customers-db[1]',
      'customers-db[2]',
      'customers-db[3]',
    ]);
    const rows = shards.reduce((a, s) => a + s.rowsRead, 0);
    const lookups = r.summary.components.find((c) => c.id === 'customers')!.completed;
    // 8 uniform keys out of 1M are distinct (almost surely): 8 rows per lookup in all
    expect(rows).toBe(8 * lookups);
    // uniform keys: each shard gets about a quarter of the rows
    for (const s of shards) expect(Math.abs(s.rowsRead / rows - 0.25)).toBeLessThan(0.03);
  });
});
