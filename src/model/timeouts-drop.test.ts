/**
 * Call and client timeouts drop their settled entries at every add (engine/timeout-queue.ts,
 * `settledForGood`); this must change nothing a run does. Whole summaries of models whose
 * timeouts fire often (calls queued behind few threads, a short client patience, a retried call
 * with a timeout, a saga step) are compared with the same runs without the early drop.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { TimeoutQueue } from '../engine/index.ts';
import { runYaml } from '../test-support/scenarios.ts';

const SCENARIO = `
version: 1
name: timeouts
duration: 20s
warmup: 2s
network: { latency: { dist: lognormal, median: 0.5ms, sigma: 0.6 } }
workloads:
  w:
    rate: 400/s
    timeout: 18ms
    mix: { front/go: 3, front/fan: 1 }
services:
  front:
    threads: 20
    endpoints:
      go:
        steps:
          - cpu: { dist: exponential, mean: 0.5ms }
          - call: back/work
            timeout: 12ms
          - call: back/work
            timeout: 12ms
      fan:
        steps:
          - parallel:
              - call: back/work
                timeout: 8ms
              - call: back/work
                timeout: 20ms
                retry: { attempts: 3, backoff: 1ms }
  back:
    instances: 2
    threads: 3
    database: db
    endpoints:
      work:
        steps:
          - cpu: { dist: exponential, mean: 2ms }
          - query: { rows: 1 }
databases:
  db:
    connections: 4
    queryTime: { dist: lognormal, mean: 2ms, p99: 12ms }
`;

afterEach(() => {
  TimeoutQueue.dropSettledOnAdd = true;
});

describe('timeouts that drop settled entries at every add', () => {
  it('give the same whole summary as without, timeouts firing included', async () => {
    TimeoutQueue.dropSettledOnAdd = false;
    const without = await runYaml(SCENARIO, 7);
    TimeoutQueue.dropSettledOnAdd = true;
    const withDrop = await runYaml(SCENARIO, 7);
    const o = withDrop.summary.overall;
    // the comparison means something only if timeouts of every kind fire
    const count = (cause: string) => o.causes.find((c) => c.cause === cause)?.count ?? 0;
    expect(count('timeout: client gave up')).toBeGreaterThan(50);
    expect(count('timeout: front → back/work')).toBeGreaterThan(50);
    expect(JSON.stringify(withDrop)).toBe(JSON.stringify(without));
  });
});
