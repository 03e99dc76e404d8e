/**
 * A key-value store's clients while it is down (a cache's `client:`, model/cache/kv-connection.ts):
 * fail fast, block up to a limit, or queue offline until the client reconnects, which it does
 * only on its backoff schedule. Scripted: one service at 200 req/s, one kv GET per request,
 * the store crashed (refusing) from 5 s to 10 s, no network latency.
 */
import { describe, expect, it } from 'vitest';
import type { KvClientDef } from '../scenario/types.ts';
import { runThroughClient } from '../test-support/kv-client.ts';
import { runYaml, scenarioFromYaml, scenarioProblems } from '../test-support/scenarios.ts';
import { KvConnection } from './cache/kv-connection.ts';

const yaml = (client: string, timeout = '30s') => `
version: 1
name: kv-client
seed: 7
duration: 20s
warmup: 0s
workloads:
  users: { rate: 200/s, target: api/get }
services:
  api:
    endpoints:
      get: { steps: [{ kv: { store: redis, timeout: ${timeout} } }, { cpu: 1ms }] }
caches:
  redis: { type: distributed, threads: 16, opTime: 0.5ms${client === '' ? '' : `, client: ${client}`} }
faults:
  down: { kind: crash, target: redis, at: 5s, for: 5s }
`;

/** Runs the scenario and returns the summary and api's connection to redis. */
function run(client: string, timeout?: string) {
  return runThroughClient(yaml(client, timeout), 'api', (model) => ({
    seconds: model.metrics.overall.points,
  }));
}

describe('kv clients while the store is down', () => {
  it('without client: every operation goes to the store and fails there until it is back', async () => {
    const { summary, conn, seconds } = await run('');
    expect(conn).toBeNull();
    expect(summary.overall.outcomes.failed).toBeGreaterThan(900);
    expect(seconds[9].failed).toBe(seconds[9].arrivals); // second 9: all failed
    expect(seconds[10].failed).toBe(0); // the store is back at 10 s, and so are the requests
  });

  it('fail: errors at once, and recovery waits for the reconnect backoff (late by the stated amount)', async () => {
    const { summary, conn, seconds } = await run(
      '{ onUnavailable: fail, reconnect: { backoff: 1500ms, growth: constant } }',
    );
    const c = conn as NonNullable<typeof conn>;
    expect(c.outages).toHaveLength(1);
    const { lostAtMs, backAtMs, attempts } = c.outages[0];
    expect(lostAtMs).toBeGreaterThanOrEqual(5000);
    expect(lostAtMs).toBeLessThan(5050); // the first request after the crash
    // attempts every 1.5 s from the loss: 6.5, 8.0, 9.5 (down), 11.0 s (up)
    expect(attempts).toBe(4);
    expect(backAtMs).toBeCloseTo(lostAtMs + 6000, 9);
    // so the requests of second 10 (store up, client not yet) all fail, second 11 is clean
    expect(seconds[10].failed).toBe(seconds[10].arrivals);
    expect(seconds[12].failed).toBe(0);
    // while disconnected nothing reached the store: each failure but the first was fast
    expect(c.failedFast).toBe(summary.overall.outcomes.failed - 1);
    const redis = summary.components.find((x) => x.id === 'redis');
    expect(redis?.arrivals).toBe(summary.overall.arrivals - c.failedFast);
  });

  it('queue: the offline queue turns the errors into waits (ioredis by default)', async () => {
    const { summary, conn } = await run(
      '{ onUnavailable: queue, reconnect: { backoff: 500ms, growth: constant } }',
    );
    const c = conn as NonNullable<typeof conn>;
    expect(summary.overall.outcomes.failed).toBe(0);
    expect(summary.overall.finished).toBe(summary.overall.arrivals);
    const { lostAtMs, backAtMs } = c.outages[0];
    // 10 attempts every 0.5 s from the loss: the 10th is the first at or after 10 s
    expect(backAtMs).toBeCloseTo(lostAtMs + 5000, 9);
    // the first queued request waited the whole outage: the longest latency
    expect(summary.overall.latency.maxMs).toBeGreaterThan(backAtMs - lostAtMs);
    expect(summary.overall.latency.maxMs).toBeLessThan(backAtMs - lostAtMs + 10);
    // every thread of api (200 by default) held a queued request; the rest queued for a thread
    expect(c.waited).toBe(200);
  });

  it('queue: a full offline queue fails the operations beyond its limit at once', async () => {
    const { summary, conn } = await run('{ onUnavailable: queue, queueLimit: 100 }');
    const c = conn as NonNullable<typeof conn>;
    expect(c.waited).toBe(100);
    expect(summary.overall.outcomes.failed).toBe(c.failedFast);
    expect(summary.overall.outcomes.failed).toBeGreaterThan(800);
  });

  it('queue: the step timeout still ends a wait (and frees its place in the queue)', async () => {
    const { summary, conn } = await run('{ onUnavailable: queue, queueLimit: 100 }', '200ms');
    const c = conn as NonNullable<typeof conn>;
    // each waits 200 ms then times out, so the queue never holds more than ~40 (200/s × 0.2 s)
    expect(c.failedFast).toBe(0);
    expect(summary.overall.outcomes.failed).toBeGreaterThan(900);
    expect(summary.overall.latency.maxMs).toBeLessThan(205);
  });

  it('block: each operation waits up to the block limit, then fails', async () => {
    const { summary, conn } = await run(
      '{ onUnavailable: block, blockLimit: 300ms, reconnect: { backoff: 500ms, growth: constant } }',
    );
    const c = conn as NonNullable<typeof conn>;
    const { lostAtMs, backAtMs } = c.outages[0];
    expect(backAtMs).toBeCloseTo(lostAtMs + 5000, 9);
    expect(c.blockExpired).toBe(summary.overall.outcomes.failed);
    expect(summary.overall.outcomes.failed).toBeGreaterThan(800);
    // the ones blocked less than 300 ms before the reconnect got through, having waited
    expect(summary.overall.latency.maxMs).toBeGreaterThan(250);
    expect(summary.overall.latency.maxMs).toBeLessThan(303);
    expect(summary.overall.meanLatencyAllMs).toBeGreaterThan(60);
  });
});

describe('reconnect delays', () => {
  const conn = (growth: KvClientDef['growth']) =>
    new KvConnection(
      {
        onUnavailable: 'fail',
        blockLimitMs: 1000,
        queueLimit: 1,
        backoffMs: 50,
        growth,
        maxMs: 300,
      },
      null as never,
      null as never,
      () => {},
    );
  it('grow as stated, up to max', () => {
    const ks = [1, 2, 3, 4, 5, 6, 7];
    expect(ks.map((k) => conn('constant').delayMs(k))).toEqual([50, 50, 50, 50, 50, 50, 50]);
    expect(ks.map((k) => conn('linear').delayMs(k))).toEqual([50, 100, 150, 200, 250, 300, 300]);
    expect(ks.map((k) => conn('exponential').delayMs(k))).toEqual([
      50, 100, 200, 300, 300, 300, 300,
    ]);
  });
});

describe('client: in the language', () => {
  it('defaults to fail, linear 50 ms backoff up to 2 s (ioredis-like)', () => {
    const s = scenarioFromYaml(yaml('{}'));
    expect(s.caches[0].client).toEqual({
      onUnavailable: 'fail',
      blockLimitMs: 1000,
      queueLimit: 10000,
      backoffMs: 50,
      growth: 'linear',
      maxMs: 2000,
    });
    expect(scenarioFromYaml(yaml('')).caches[0].client).toBeNull();
    const long = scenarioFromYaml(yaml('{ reconnect: { backoff: 5s } }'));
    expect(long.caches[0].client?.maxMs).toBe(5000);
  });

  it('refuses a misspelt mode with a did-you-mean, located', () => {
    const p = scenarioProblems(yaml('{ onUnavailable: queu }'), 'kv.yaml');
    expect(p).toContain('kv.yaml:');
    expect(p).toContain('caches.redis.client.onUnavailable');
    expect(p).toContain('"queue"');
  });

  it('refuses a client on an in-process cache, and a max below the backoff', () => {
    const local = yaml('{ onUnavailable: queue }').replace(
      'type: distributed, threads: 16, opTime: 0.5ms',
      'type: local',
    );
    expect(scenarioProblems(local)).toContain(
      'cache "redis" is local; only a distributed cache has clients that can lose it',
    );
    expect(scenarioProblems(yaml('{ reconnect: { backoff: 1s, max: 500ms } }'))).toContain(
      'reconnect max 500ms is shorter than its first backoff 1s',
    );
  });

  it('keeps runs without it unchanged (no connection is made)', async () => {
    const r = await runYaml(yaml(''));
    expect(r.summary.overall.outcomes.failed).toBeGreaterThan(900);
  });
});
