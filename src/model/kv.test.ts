/**
 * A distributed cache used as a key-value store by `kv` steps: one round trip of opTime per
 * key; a crash refuses (the step fails at once) or hangs (the step fails at its timeout).
 */
import { describe, expect, it } from 'vitest';
import { formatIssues } from '../scenario/format.ts';
import { ScenarioError } from '../scenario/issues.ts';
import { runYaml, scenarioFromYaml } from '../test-support/scenarios.ts';

const yaml = (fault: string) => `
version: 1
name: sessions
seed: 21
duration: 20s
workloads:
  users: { rate: 200/s, target: api/get }
services:
  api:
    endpoints:
      get: { steps: [{ kv: { store: redis, op: get, keys: 2, timeout: 50ms } }, { cpu: 1ms }] }
caches:
  redis: { type: distributed, instances: 2, threads: 16, opTime: 0.5ms }
${fault}
`;

describe('kv steps', () => {
  it('cost a round trip of opTime per key on the store', async () => {
    const r = await runYaml(yaml(''));
    expect(r.summary.overall.latency.p50Ms).toBeCloseTo(2, 1); // 2 keys × 0.5 ms + 1 ms cpu
    const redis = r.summary.components.find((c) => c.id === 'redis');
    expect(redis?.kind).toBe('cache');
    expect(redis?.arrivals).toBe(r.summary.overall.arrivals);
  });

  it('fail at once when the store refuses, at the timeout when it hangs', async () => {
    const refused = await runYaml(
      yaml('faults:\n  down: { kind: crash, target: redis, at: 5s, for: 5s }'),
    );
    const o = refused.summary.overall;
    expect(o.causes[0].cause).toBe('kv failed: redis unavailable');
    expect(o.outcomes.failed / o.finished).toBeCloseTo(0.25, 1);
    const hung = await runYaml(
      yaml('faults:\n  down: { kind: crash, target: redis, at: 5s, for: 5s, mode: hang }'),
    );
    expect(hung.summary.overall.latency.maxMs).toBeLessThan(60); // ok requests never waited long
    expect(hung.summary.overall.meanLatencyAllMs).toBeGreaterThan(10); // the failed waited 50 ms
    expect(hung.summary.overall.outcomes.failed).toBeGreaterThan(900);
  });

  it('a kv step needs a distributed cache', () => {
    const text = yaml('').replace(
      'type: distributed, instances: 2, threads: 16, opTime: 0.5ms',
      'type: local',
    );
    let message = '';
    try {
      scenarioFromYaml(text);
    } catch (e) {
      if (e instanceof ScenarioError) message = formatIssues(e.issues);
    }
    expect(message).toContain('cache "redis" is local; a kv step needs a store of its own');
  });
});
