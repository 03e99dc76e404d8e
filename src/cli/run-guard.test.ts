/**
 * Tests of the runaway guards (run-guard.ts): each guard fires on its own count with a worded
 * reason, and a real run that floods a queue, never lets the clock move, or exceeds the
 * command's wall time is stopped within seconds and without eating the machine, even when the
 * scenario never went through validation (rate 1e308 built directly).
 */
import { describe, expect, it } from 'vitest';
import type { Simulation } from '../engine/index.ts';
import type { QueueLength, RunProbe } from '../model/model.ts';
import { runScenario } from '../model/run.ts';
import { scenarioFromYaml } from '../test-support/scenarios.ts';
import { CHECK_EVERY, CommandBudget, RunGuard, wallNow } from './run-guard.ts';

/** A fake checkpoint: the clock, the events and the longest queue a guard reads. */
function probe(now: number, events: number, pending: number, queue: QueueLength | null) {
  const sim = { now, eventsProcessed: events, pending } as Simulation;
  const p: RunProbe = { sim, longestQueue: () => queue };
  return [sim, p] as const;
}

const far = { deadline: wallNow() + 3_600_000, maxWallMs: 3_600_000 };

describe('RunGuard', () => {
  it('lets a healthy run go on', () => {
    const guard = new RunGuard({ maxEvents: 1e9, maxWall: 3_600_000 }, far);
    expect(guard.check(...probe(1000, 10, 5, null))).toBe(true);
    expect(guard.reason).toBeUndefined();
  });

  it('stops on the longest queue and names its component', () => {
    const guard = new RunGuard({ maxEvents: 1e9, maxWall: 1e9, maxQueue: 1000 }, far);
    const queue = { kind: 'service', id: 'orders', waiting: 1500 };
    expect(guard.check(...probe(2500, 10, 5, queue))).toBe(false);
    expect(guard.reason?.reason).toBe(
      'the queue of service "orders" holds 1,500 waiting visits at simulated time 2.500 s: the load exceeds its capacity',
    );
    expect(guard.reason?.advice).toMatch(/bound its queueCapacity/);
  });

  it('stops on pending events', () => {
    const guard = new RunGuard({ maxEvents: 1e9, maxWall: 1e9, maxPending: 100 }, far);
    expect(guard.check(...probe(0, 10, 100, null))).toBe(false);
    expect(guard.reason?.reason).toMatch(/^100 events are pending at simulated time 0.000 s/);
  });

  it('stops on memory', () => {
    const guard = new RunGuard({ maxEvents: 1e9, maxWall: 1e9, maxMemory: 1024 }, far);
    expect(guard.check(...probe(0, 10, 1, null))).toBe(false);
    expect(guard.reason?.reason).toMatch(/over the limit of 1 KB \(--max-memory\)/);
  });

  it('stops when ten million events pass without the clock moving', () => {
    const guard = new RunGuard({ maxEvents: 1e12, maxWall: 1e9 }, far);
    expect(guard.check(...probe(0, 1_000, 1, null))).toBe(true);
    expect(guard.check(...probe(0, 9_000_000, 1, null))).toBe(true);
    expect(guard.check(...probe(0, 10_001_000, 1, null))).toBe(false);
    expect(guard.reason?.reason).toMatch(/simulated time stopped moving: 10,000,000 events/);
  });

  it('stops on the command deadline and on its own budget', () => {
    const spent = new RunGuard(
      { maxEvents: 1e9, maxWall: 5 },
      { deadline: wallNow() - 1, maxWallMs: 5 },
    );
    expect(spent.check(...probe(0, 1, 1, null))).toBe(false);
    expect(spent.reason?.reason).toMatch(/command's wall-time budget of 5 ms \(--max-wall/);
    const own = new RunGuard({ maxEvents: 1e9, maxWall: 1e9, maxRunWall: 0.001 }, far);
    const until = wallNow() + 1;
    while (wallNow() < until) {}
    expect(own.check(...probe(0, 1, 1, null))).toBe(false);
    expect(own.reason?.reason).toMatch(/its wall-time budget of 0.001 ms \(--max-run-wall\)/);
  });
});

describe('CommandBudget', () => {
  it('refuses to start a run once the command has used its time', () => {
    const budget = new CommandBudget(0.001);
    const until = wallNow() + 1;
    while (wallNow() < until) {}
    expect(() => budget.checkBefore('the run of "shop"')).toThrow(
      /wall-time budget of 0.001 ms \(--max-wall\) was used up before the run of "shop"/,
    );
  });
});

describe('guarded runs', () => {
  const flood = (rate: string) => `version: 1
name: flood
duration: 60s
workloads:
  w: { rate: ${rate}, target: a/get }
services:
  a:
    threads: 1
    endpoints:
      get: { steps: [ { cpu: 1ms } ] }
`;

  /** Runs `scenario` under the default guards; returns the reason and the wall time. */
  async function guarded(scenario: ReturnType<typeof scenarioFromYaml>, maxQueue?: number) {
    const guard = new RunGuard({ maxEvents: 2e9, maxWall: 60_000, maxQueue }, far);
    const t0 = performance.now();
    const heapBefore = process.memoryUsage().heapUsed;
    const result = await runScenario(scenario, {
      checkEvery: CHECK_EVERY,
      onCheckpoint: guard.check,
    });
    return {
      stop: result.summary.run.stopReason,
      reason: guard.reason?.reason ?? '',
      wallMs: performance.now() - t0,
      heapGrowth: process.memoryUsage().heapUsed - heapBefore,
    };
  }

  it('stops a rate at the limit (10,000,000/s) flooding an unbounded queue, within seconds', async () => {
    const r = await guarded(scenarioFromYaml(flood('10000000/s')), 200_000);
    expect(r.stop).toBe('stopped');
    expect(r.reason).toMatch(/^the queue of service "a" holds 2\d\d,\d\d\d waiting visits/);
    expect(r.wallMs).toBeLessThan(10_000);
  });

  it('stops rate: 1e308 built without validation, with the default guards', async () => {
    const base = scenarioFromYaml(flood('10/s'));
    const huge = {
      ...base,
      workloads: base.workloads.map((w) =>
        w.kind === 'open'
          ? { ...w, rate: w.rate.map((p) => ({ ...p, fromPerMs: 1e305, toPerMs: 1e305 })) }
          : w,
      ),
    };
    const r = await guarded(huge);
    expect(r.stop).toBe('stopped');
    expect(r.reason).toMatch(/waiting visits|events are pending|stopped moving/);
    expect(r.wallMs).toBeLessThan(20_000);
    expect(r.heapGrowth).toBeLessThan(1024 ** 3);
  });

  it('stops a closed workload that loops in zero time', async () => {
    const r = await guarded(
      scenarioFromYaml(`version: 1
name: stall
duration: 10s
workloads:
  w: { users: 1, target: a/get }
services:
  a:
    endpoints:
      get: { steps: [] }
`),
    );
    expect(r.stop).toBe('stopped');
    expect(r.reason).toMatch(
      /^simulated time stopped moving: \d[\d,]+ events happened at simulated time 0.000 s/,
    );
  });
});
