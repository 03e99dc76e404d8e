/**
 * Fault injection on small models whose answer can be worked out by hand: constant service
 * times, zero network latency, Poisson arrivals. Each test reads the per-second series inside
 * and outside the fault window.
 */
import { describe, expect, it } from 'vitest';
import type { SeriesPoint } from '../metrics/series.ts';
import { runYaml } from '../test-support/scenarios.ts';
import { scenarioHead } from '../test-support/yaml.ts';

/** gateway/home calls orders/get (cpu `cpu`), which queries orders-db (`query`). */
function shop(faults: string, opts: { cpu?: string; threads?: number; timeout?: string } = {}) {
  return `${scenarioHead('faulty', 11, '30s')}  users: { rate: 200/s, target: gateway/home${opts.timeout ? `, timeout: ${opts.timeout}` : ''} }
services:
  gateway:
    endpoints:
      home: { steps: [{ call: orders/get, timeout: 500ms }] }
  orders:
    instances: 2
    threads: ${opts.threads ?? 50}
    endpoints:
      get: { steps: [{ cpu: ${opts.cpu ?? '2ms'} }, { query: orders-db }] }
databases:
  orders-db: { connections: 20, queryTime: 1ms }
faults:
${faults}
`;
}

/** Sums of a series over seconds [from, to). */
function over(points: SeriesPoint[], from: number, to: number) {
  const inRange = points.filter((p) => p.second >= from && p.second < to);
  const sum = (f: (p: SeriesPoint) => number) => inRange.reduce((a, p) => a + f(p), 0);
  return {
    arrivals: sum((p) => p.arrivals),
    ok: sum((p) => p.ok),
    failed: sum((p) => p.failed),
    timedOut: sum((p) => p.timedOut),
    finished: sum((p) => p.ok + p.failed + p.timedOut + p.rejected),
    meanMs:
      sum((p) => p.meanMs * (p.ok + p.failed + p.timedOut)) /
      sum((p) => p.ok + p.failed + p.timedOut),
  };
}

const home = (r: Awaited<ReturnType<typeof runYaml>>) =>
  r.series.requests.get('gateway/home') as SeriesPoint[];

describe('faults', () => {
  it('crash (refuse): every request in the window fails at once, none outside', async () => {
    const r = await runYaml(shop('  down: { kind: crash, target: orders, at: 10s, for: 10s }'));
    // (a request already in service when the fault starts may still finish well)
    const inside = over(home(r), 10, 20);
    expect(inside.failed).toBeGreaterThanOrEqual(inside.finished - 2);
    expect(inside.finished).toBeGreaterThan(1500);
    expect(over(home(r), 0, 10).failed).toBe(0);
    expect(over(home(r), 20, 30).failed).toBe(0);
    expect(r.summary.overall.causes[0].cause).toMatch(
      /^crash: orders\[[01]\] refused the connection$/,
    );
  });

  it('crash of one instance: round robin sends half the calls to it', async () => {
    const r = await runYaml(
      shop('  one: { kind: crash, target: orders, instances: [1], at: 10s, for: 10s }'),
    );
    const inside = over(home(r), 10, 20);
    expect(inside.failed / inside.finished).toBeCloseTo(0.5, 2);
  });

  it('crash (hang): calls wait for their 500 ms timeout', async () => {
    const r = await runYaml(
      shop('  hung: { kind: crash, target: orders, at: 10s, for: 10s, mode: hang }'),
    );
    const s = r.summary;
    const cause = s.overall.causes.find((c) => c.cause.startsWith('timeout: gateway → orders'));
    expect(cause).toBeDefined();
    // every arrival of [10 s, 20 s) times out after 500 ms (finishing by 20.5 s)
    const inside = over(home(r), 10, 21);
    expect(inside.timedOut).toBeGreaterThan(1800);
    // calls still waiting when the instance comes back fail: their connection is reset
    const resets = s.overall.causes.filter((c) =>
      /^crash: orders\[[01]\] reset the connection$/.test(c.cause),
    );
    expect(s.endpoints[0].outcomes.failed).toBe(resets.reduce((a, c) => a + c.count, 0));
    expect(s.endpoints[0].outcomes.failed).toBeGreaterThan(0);
    expect(s.endpoints[0].outcomes.failed).toBeLessThan(inside.timedOut / 10);
  });

  it('error-rate: the injected share of queries fails (binomial, 4 sd)', async () => {
    const r = await runYaml(
      shop('  flaky: { kind: error-rate, target: orders-db, at: 0s, rate: 30% }'),
    );
    const o = r.summary.overall;
    const n = o.finished;
    const p = o.outcomes.failed / n;
    expect(Math.abs(p - 0.3)).toBeLessThan(4 * Math.sqrt((0.3 * 0.7) / n));
    expect(o.causes[0].cause).toBe('error: orders-db failed (fault flaky)');
  });

  it('latency add: 50 ms more on every call while it lasts', async () => {
    const r = await runYaml(
      shop('  slow: { kind: latency, target: orders, at: 10s, for: 10s, add: 50ms }'),
    );
    // 2 ms cpu + 1 ms query = 3 ms; with the fault 53 ms
    expect(over(home(r), 2, 10).meanMs).toBeCloseTo(3, 1);
    expect(over(home(r), 11, 20).meanMs).toBeCloseTo(53, 0);
    expect(over(home(r), 21, 30).meanMs).toBeCloseTo(3, 1);
  });

  it("latency factor slows the unit's own work, cpu-hog its CPU", async () => {
    const slowed = await runYaml(
      shop('  x3: { kind: latency, target: orders, at: 10s, for: 10s, factor: 3 }'),
    );
    expect(over(home(slowed), 11, 20).meanMs).toBeCloseTo(7, 1); // 2 × 3 + 1 (the query is the DB's)
    const slowDb = await runYaml(
      shop('  x3: { kind: latency, target: orders-db, at: 10s, for: 10s, factor: 3 }'),
    );
    expect(over(home(slowDb), 11, 20).meanMs).toBeCloseTo(5, 1); // 2 + 1 × 3
    const hog = await runYaml(shop('  hog: { kind: cpu-hog, target: orders, at: 10s, factor: 4 }'));
    expect(over(home(hog), 11, 30).meanMs).toBeCloseTo(9, 1); // 2 × 4 + 1
  });

  it('capacity-loss keeps only the remaining share of threads', async () => {
    // 200/s × 10 ms = 2 busy threads over 2 instances of 4: utilisation 0.25; with 1 thread
    // each (25 % of 4) at most 1 of 4 busy: ≤ 0.25 of the full capacity
    const r = await runYaml(
      shop('  loss: { kind: capacity-loss, target: orders, at: 10s, for: 10s, remaining: 25% }', {
        cpu: '9ms',
        threads: 4,
      }),
    );
    const orders = r.series.components.get('orders') ?? [];
    for (const p of orders.filter((p) => p.second >= 10 && p.second < 20))
      expect(p.utilisation).toBeLessThanOrEqual(0.25 + 1e-9);
    const before = orders.filter((p) => p.second >= 2 && p.second < 10);
    expect(before.reduce((a, p) => a + p.utilisation, 0) / before.length).toBeCloseTo(0.25, 1);
    // one thread per instance at 100/s × 10 ms = utilisation 1: the queue grows
    expect(over(home(r), 15, 20).meanMs).toBeGreaterThan(50);
  });

  it('gc-pause: no visit starts during a pause, so latency jumps', async () => {
    const r = await runYaml(
      shop(
        '  gc: { kind: gc-pause, target: orders, at: 10s, for: 10s, pause: 100ms, interval: 400ms }',
      ),
    );
    const inside = over(home(r), 10, 20);
    // a fifth of the time paused: arrivals during a pause wait up to 100 ms (mean ≈ 50 ms)
    // → mean latency ≈ 3 + 0.2 × 50 = 13 ms
    expect(inside.meanMs).toBeGreaterThan(8);
    expect(inside.meanMs).toBeLessThan(20);
    expect(inside.failed).toBe(0);
  });

  it('partition (drop) fails calls at once; (blackhole) lets them time out', async () => {
    const drop = await runYaml(
      shop('  cut: { kind: partition, link: { from: gateway, to: orders }, at: 10s, for: 10s }'),
    );
    const inside = over(home(drop), 10, 20);
    expect(inside.failed).toBeGreaterThanOrEqual(inside.finished - 2);
    expect(drop.summary.overall.causes[0].cause).toBe(
      'partition: gateway → orders dropped the request',
    );
    expect(drop.summary.components.find((c) => c.id === 'orders')?.arrivals).toBeLessThan(
      drop.summary.components.find((c) => c.id === 'gateway')?.arrivals as number,
    );
    const hole = await runYaml(
      shop(
        '  hole: { kind: partition, link: { from: gateway, to: orders }, at: 10s, for: 10s, mode: blackhole }',
      ),
    );
    expect(over(home(hole), 10, 21).timedOut).toBeGreaterThan(1800);
  });

  it('latency on a link delays the requests over it', async () => {
    const r = await runYaml(
      shop(
        '  wan: { kind: latency, link: { from: client, to: gateway }, at: 10s, for: 10s, add: 20ms }',
      ),
    );
    expect(over(home(r), 11, 20).meanMs).toBeCloseTo(23, 0);
  });

  it('a recurring fault strikes in every window, and runs are deterministic', async () => {
    const yaml = shop(
      '  blink: { kind: crash, target: orders-db, at: 5s, for: 2s, every: 10s, times: 2 }',
    );
    const a = await runYaml(yaml);
    const pts = home(a);
    expect(over(pts, 5, 7).failed).toBeGreaterThanOrEqual(over(pts, 5, 7).finished - 2);
    expect(over(pts, 15, 17).failed).toBeGreaterThanOrEqual(over(pts, 15, 17).finished - 2);
    expect(over(pts, 8, 15).failed).toBe(0);
    expect(over(pts, 25, 27).failed).toBe(0); // times: 2
    const b = await runYaml(yaml);
    expect(JSON.stringify(b.summary)).toBe(JSON.stringify(a.summary));
  });
});
