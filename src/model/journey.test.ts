/**
 * Behaviour of the request journey on tiny models with exact answers (constant durations):
 * network hops, calls, timeouts, rejection, parallel fan-out, branches, queries, cores,
 * thread blocking, closed users, rate schedules and load balancing.
 */
import { describe, expect, it } from 'vitest';
import { runYaml } from '../test-support/scenarios.ts';

/** |x − y| within hdr's 0.1 % value resolution (plus rounding). */
const near = (x: number, y: number) =>
  expect(Math.abs(x - y)).toBeLessThanOrEqual(y * 0.0011 + 1e-9);

const head = (duration = '10s', warmup = '0s') =>
  `version: 1\nname: t\nduration: ${duration}\nwarmup: ${warmup}\n`;

describe('request journey', () => {
  it('a call costs one hop each way and the caller waits for the callee', async () => {
    const r = await runYaml(`${head()}
network: { latency: 1ms }
workloads: { w: { rate: 10, target: a/x } }
services:
  a: { endpoints: { x: { steps: [ { cpu: 2ms }, { call: b/y } ] } } }
  b: { endpoints: { y: { steps: [ { cpu: 3ms } ] } } }
`);
    const l = r.summary.overall.latency;
    // client→a 1 + cpu 2 + a→b 1 + cpu 3 + b→a 1 + a→client 1 = 9 ms
    near(l.p50Ms, 9);
    near(l.maxMs, 9);
    expect(r.summary.overall.perRequest.callsMean).toBe(1);
  });

  it('a call timeout fails the caller with the cause while the callee keeps working', async () => {
    const r = await runYaml(`${head()}
workloads: { w: { rate: 10, target: a/x } }
services:
  a: { endpoints: { x: { steps: [ { call: b/slow, timeout: 5ms } ] } } }
  b: { threads: 100, endpoints: { slow: { steps: [ { sleep: 20ms } ] } } }
`);
    const o = r.summary.overall;
    expect(o.outcomes.timedOut).toBe(o.finished);
    expect(o.causes[0].cause).toBe('timeout: a → b/slow');
    expect(o.latency.count).toBe(0);
    expect(o.meanLatencyAllMs).toBeCloseTo(5, 6);
    const b = r.summary.components.find((c) => c.id === 'b');
    expect(b?.completed).toBeGreaterThan(0.95 * o.finished); // abandoned work is still done
  });

  it('a full bounded queue rejects at once and the cause names the service', async () => {
    const r = await runYaml(`${head()}
workloads: { w: { rate: 1000, target: a/x } }
services:
  a: { threads: 1, queueCapacity: 2, endpoints: { x: { steps: [ { cpu: 5ms } ] } } }
`);
    const o = r.summary.overall;
    const a = r.summary.components[0];
    expect(o.outcomes.rejected).toBeGreaterThan(0);
    expect(a.rejected).toBe(o.outcomes.rejected);
    expect(a.queueMax).toBe(2);
    expect(o.causes[0].cause).toBe('rejected: a queue full');
    // one thread, 5 ms each: at most 200 ok/s
    expect(o.throughputPerSec).toBeLessThanOrEqual(200.5);
  });

  it('parallel waits for its slowest branch', async () => {
    const r = await runYaml(`${head()}
workloads: { w: { rate: 10, target: a/x } }
services:
  a: { endpoints: { x: { steps: [ { parallel: [ { cpu: 5ms }, [ { cpu: 4ms }, { sleep: 6ms } ], { call: b/y } ] } ] } } }
  b: { endpoints: { y: { steps: [ { cpu: 7ms } ] } } }
`);
    near(r.summary.overall.latency.p50Ms, 10);
    near(r.summary.overall.latency.maxMs, 10);
  });

  it('a branch is taken with its probability', async () => {
    const r = await runYaml(`${head('100s')}
workloads: { w: { rate: 200, target: a/x } }
services:
  a: { endpoints: { x: { steps: [ { branch: [ { probability: 0.25, steps: [ { call: b/y } ] } ] } ] } } }
  b: { endpoints: { y: { steps: [ { cpu: 1ms } ] } } }
`);
    // 20 000 Bernoulli(0.25) draws: sd of the mean ≈ 0.003, tolerance 0.015 (5 sd)
    expect(Math.abs(r.summary.overall.perRequest.callsMean - 0.25)).toBeLessThan(0.015);
  });

  it('a query costs queryTime + rows × rowTime plus its hops, and rows are counted', async () => {
    const r = await runYaml(`${head()}
network: { latency: 0.5ms }
workloads: { w: { rate: 10, target: a/x } }
services:
  a: { database: db, endpoints: { x: { steps: [ { query: { rows: 4 } }, { query: { db: db, rows: 1, time: 3ms } } ] } } }
databases:
  db: { connections: 5, queryTime: 2ms, rowTime: 0.25ms }
`);
    // client hop 0.5 + (0.5 + 2 + 4×0.25 + 0.5) + (0.5 + 3 + 0.5) + 0.5 = 9 ms
    near(r.summary.overall.latency.p50Ms, 9);
    expect(r.summary.overall.perRequest.rowsMean).toBe(5);
    expect(r.summary.overall.perRequest.queriesMean).toBe(2);
    const db = r.summary.components.find((c) => c.id === 'db');
    expect(db?.rowsRead).toBe((5 * (db?.completed ?? 0)) / 2);
  });

  it('threads stay busy while a visit waits downstream (thread blocking)', async () => {
    const r = await runYaml(`${head('20s', '1s')}
workloads: { w: { rate: 400, target: a/x } }
services:
  a: { threads: 2, endpoints: { x: { steps: [ { call: b/y } ] } } }
  b: { threads: 100, endpoints: { y: { steps: [ { sleep: 10ms } ] } } }
`);
    const a = r.summary.components.find((c) => c.id === 'a');
    // two threads each held 10 ms per request: at most 200 req/s however idle b is
    expect(r.summary.overall.throughputPerSec).toBeLessThanOrEqual(200.5);
    expect(a?.utilisation).toBeGreaterThan(0.99);
    expect(r.summary.components.find((c) => c.id === 'b')?.utilisation).toBeLessThan(0.03);
  });

  it('cores limit how many cpu steps of an instance run at once', async () => {
    const r = await runYaml(`${head('20s', '1s')}
workloads: { w: { rate: 1000, target: a/x } }
services:
  a: { threads: 50, cores: 2, endpoints: { x: { steps: [ { cpu: 4ms } ] } } }
`);
    // 2 cores × 1000/4 per second = 500 req/s at most
    expect(r.summary.overall.throughputPerSec).toBeLessThanOrEqual(500.5);
    expect(r.summary.overall.throughputPerSec).toBeGreaterThan(490);
  });

  it('closed users follow the response-time law X = N / (R + Z)', async () => {
    const r = await runYaml(`${head('100s', '5s')}
workloads: { users: { users: 10, thinkTime: 90ms, target: a/x } }
services:
  a: { threads: 10, endpoints: { x: { steps: [ { cpu: 10ms } ] } } }
`);
    // no queueing (10 threads, 10 users): R = 10 ms, X = 10 / 0.1 s = 100 /s
    expect(r.summary.overall.throughputPerSec).toBeCloseTo(100, 0);
    near(r.summary.overall.latency.p99Ms, 10);
  });

  it('a client timeout ends the request for the client but not the work', async () => {
    const r = await runYaml(`${head()}
workloads: { w: { rate: 10, target: a/x, timeout: 3ms } }
services:
  a: { endpoints: { x: { steps: [ { cpu: 10ms } ] } } }
`);
    const o = r.summary.overall;
    expect(o.outcomes.timedOut).toBe(o.finished);
    expect(o.causes[0].cause).toBe('timeout: client gave up');
    expect(r.summary.components[0].completed).toBeGreaterThan(0);
  });

  it('rate schedules step, ramp and spike the arrival rate', async () => {
    const r = await runYaml(`${head('40s')}
workloads:
  w:
    rate: 100/s
    schedule:
      - { at: 10s, rate: 300/s }
      - { at: 20s, rampTo: 100/s, over: 10s }
      - { at: 35s, spike: 1000/s, for: 2s }
    target: a/x
services:
  a: { threads: 100, endpoints: { x: { steps: [ { cpu: 1ms } ] } } }
`);
    const pts = r.series.requests.get('overall') ?? [];
    const mean = (from: number, to: number) =>
      pts.slice(from, to).reduce((a, p) => a + p.arrivals, 0) / (to - from);
    // Poisson counts: sd of a 10-second mean at 100/s ≈ 3.2, at 300/s ≈ 5.5; tolerances ~4 sd
    expect(Math.abs(mean(0, 10) - 100)).toBeLessThan(13);
    expect(Math.abs(mean(10, 20) - 300)).toBeLessThan(22);
    expect(Math.abs(mean(20, 30) - 200)).toBeLessThan(18); // linear ramp 300 → 100: mean 200
    expect(Math.abs(mean(30, 35) - 100)).toBeLessThan(18);
    expect(Math.abs(mean(35, 37) - 1000)).toBeLessThan(90);
    expect(Math.abs(mean(37, 40) - 100)).toBeLessThan(25);
  });

  it('round-robin spreads visits evenly and power-of-two avoids the busiest instance', async () => {
    const yaml = (lb: string) => `${head('30s', '1s')}
workloads: { w: { rate: 1500, target: a/x } }
services:
  a: { instances: 3, threads: 1, loadBalancer: ${lb}, endpoints: { x: { steps: [ { cpu: { dist: exponential, mean: 1.6ms } } ] } } }
`;
    for (const lb of ['round-robin', 'random', 'least-outstanding', 'power-of-two']) {
      const r = await runYaml(yaml(lb));
      const u = r.summary.components[0].utilisationByInstance;
      for (const x of u) expect(Math.abs(x - 0.8)).toBeLessThan(0.03);
    }
    const rr = (await runYaml(yaml('random'))).summary.overall.latency.meanMs;
    const p2 = (await runYaml(yaml('power-of-two'))).summary.overall.latency.meanMs;
    const lo = (await runYaml(yaml('least-outstanding'))).summary.overall.latency.meanMs;
    expect(p2).toBeLessThan(rr);
    expect(lo).toBeLessThan(rr);
  });
});
