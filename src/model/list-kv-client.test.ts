/**
 * A list step's lookups in a distributed cache go through the calling service's client
 * (`client:`, model/cache/kv-connection.ts) as kv steps do. Scripted: a list of 5 rows with one
 * reference (`batch+cache`) at 100 req/s, one lookup per request, the cache crashed (refusing)
 * from 5 s to 10 s, no network latency; a miss costs a call to the owner.
 */
import { describe, expect, it } from 'vitest';
import { runThroughClient } from '../test-support/kv-client.ts';

const yaml = (client: string) => `
version: 1
name: list-client
seed: 5
duration: 16s
warmup: 0s
strategy: batch+cache
workloads: { w: { rate: 100/s, target: screen/list } }
keys:
  customers: { size: 100, owner: customers }
caches:
  redis: { type: distributed, threads: 16, opTime: 0.1ms, maxEntries: 1000${client === '' ? '' : `, client: ${client}`} }
services:
  screen:
    endpoints:
      list:
        steps:
          - list:
              rows: 5
              refs: [{ keys: customers, access: uniform, via: customers/lookup }]
              cache: redis
  customers: { endpoints: { lookup: { steps: [{ sleep: 1ms }] } } }
faults:
  down: { kind: crash, target: redis, at: 5s, for: 5s }
`;

/** Runs the scenario: the summary, screen's connection to redis, the owner's calls a second. */
function run(client: string) {
  return runThroughClient(yaml(client), 'screen', (model) => {
    const arrivals = (id: string) =>
      (model.metrics.stations.find((s) => s.id === id)?.points ?? []).map((p) => p.arrivals);
    return { perSecond: arrivals('customers'), cache: arrivals('redis') };
  });
}

describe('list lookups through the kv client', () => {
  it('without client: a refused lookup falls back to the owner at once, and the cache is used again at 10 s', async () => {
    const { summary, conn, perSecond } = await run('');
    expect(conn).toBeNull();
    expect(summary.overall.outcomes.failed).toBe(0);
    // during the outage every request calls the owner; after it almost none do (100 keys, warm)
    expect(perSecond[7]).toBeGreaterThan(80);
    expect(perSecond[12]).toBeLessThan(10);
  });

  it('fail: lookups fall back at once until the client reconnects, 1 s after the cache is back', async () => {
    const { summary, conn, perSecond, cache } = await run(
      '{ onUnavailable: fail, reconnect: { backoff: 1500ms, growth: constant } }',
    );
    const c = conn as NonNullable<typeof conn>;
    expect(c.outages).toHaveLength(1);
    const { lostAtMs, backAtMs, attempts } = c.outages[0];
    expect(lostAtMs).toBeGreaterThanOrEqual(5000);
    expect(lostAtMs).toBeLessThan(5100);
    expect(attempts).toBe(4); // 6.5, 8.0, 9.5 (down), 11.0 s (up)
    expect(backAtMs).toBeCloseTo(lostAtMs + 6000, 9);
    // second 10: the cache is up but the client is not: the owner still takes every request
    expect(perSecond[10]).toBeGreaterThan(80);
    expect(perSecond[12]).toBeLessThan(10);
    // nothing failed: a lookup that fails is a miss for every key (cache-aside)
    expect(summary.overall.outcomes.failed).toBe(0);
    // while disconnected the lookups (and write-backs) did not reach the cache
    expect(c.failedFast).toBeGreaterThan(500);
    expect(cache[7]).toBe(0);
    expect(cache[10]).toBe(0);
    expect(cache[12]).toBeGreaterThan(80);
  });

  it('queue: the lookups wait offline (no call to the owner) and are sent at the reconnect', async () => {
    const { summary, conn, perSecond } = await run(
      '{ onUnavailable: queue, reconnect: { backoff: 500ms, growth: constant } }',
    );
    const c = conn as NonNullable<typeof conn>;
    const { lostAtMs, backAtMs } = c.outages[0];
    expect(backAtMs).toBeCloseTo(lostAtMs + 5000, 9);
    // no lookup falls back: the owner gets no call while the client is offline
    expect(perSecond[7]).toBe(0);
    expect(summary.overall.outcomes.failed).toBe(0);
    // the first queued request waited the whole outage
    expect(summary.overall.latency.maxMs).toBeGreaterThan(backAtMs - lostAtMs);
    expect(summary.overall.latency.maxMs).toBeLessThan(backAtMs - lostAtMs + 20);
    // every thread of screen (200 by default) held a queued lookup; the rest queued for a thread
    expect(c.waited).toBe(200);
  });

  it('block: each lookup waits up to the block limit, then falls back to the owner', async () => {
    const { summary, conn } = await run(
      '{ onUnavailable: block, blockLimit: 200ms, reconnect: { backoff: 500ms, growth: constant } }',
    );
    const c = conn as NonNullable<typeof conn>;
    expect(c.blockExpired).toBeGreaterThan(400);
    expect(summary.overall.outcomes.failed).toBe(0);
    // a request waited 200 ms for the lookup, then the owner's call (a 1 ms sleep)
    expect(summary.overall.latency.maxMs).toBeGreaterThan(200);
    expect(summary.overall.latency.maxMs).toBeLessThan(260);
  });
});
