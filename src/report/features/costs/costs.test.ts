/**
 * The cost model on a scripted case: two services of known sizes, one of them idle, a database
 * with known connections, a fixed window; the costs per hour by item and per million requests
 * are exact. Unknown sizes and services in `costs:` are located errors with did-you-mean.
 */
import { describe, expect, it } from 'vitest';
import { runYaml, scenarioProblems } from '../../../test-support/scenarios.ts';
import { costsOf } from './costs.ts';

const yaml = (services = '{ front: big }') => `
version: 1
name: costs
seed: 1
duration: 10s
workloads:
  w: { users: 1, thinkTime: { dist: constant, value: 100ms }, target: front/go }
services:
  front:
    instances: 3
    endpoints:
      go: { steps: [{ query: { db: db, rows: 1 } }] }
  idle:
    endpoints:
      nothing: { steps: [{ cpu: 1ms }] }
databases:
  db: { connections: 10, queryTime: 0 }
costs:
  sizes:
    small: { perHour: 0.1 }
    big: { perHour: 0.5, memoryGB: 8 }
  services: ${services}
  perConnectionHour: 0.01
  perDatabaseHour: 0.2
`;

describe('the cost model', () => {
  it('prices the instances of the services that served, the connections and the nodes', async () => {
    const r = await runYaml(yaml());
    const c = costsOf(r.summary);
    expect(c).not.toBeNull();
    const x = c as NonNullable<typeof c>;
    // front: 3 big instances; idle served nothing: not deployed
    expect(x.services).toEqual([{ id: 'front', size: 'big', instances: 3, perHour: 1.5 }]);
    expect(x.instancesPerHour).toBeCloseTo(1.5, 12);
    // 10 connections × 0.01 + one node × 0.2
    expect(x.databasesPerHour).toBeCloseTo(0.3, 12);
    expect(x.totalPerHour).toBeCloseTo(1.8, 12);
    // a request every 100 ms (no time in between): 10/s, 36,000 an hour
    expect(x.perMillionRequests).toBeCloseTo(
      (1.8 / (r.summary.overall.throughputPerSec * 3600)) * 1e6,
      9,
    );
    expect(r.summary.overall.throughputPerSec).toBeCloseTo(10, 1);
  });

  it('a run without costs: has none, and its summary does not mention them', async () => {
    const r = await runYaml(yaml().replace(/costs:[\s\S]*$/, ''));
    expect(costsOf(r.summary)).toBeNull();
    expect('costs' in r.summary.scenario).toBe(false);
  });

  it('names an unknown size or service where it is written, with did-you-mean', () => {
    const text = scenarioProblems(yaml('{ front: bg, fornt: small }'), 'c.yaml');
    expect(text).toContain('costs.services.front');
    expect(text).toContain('unknown instance size "bg"; known: big, small');
    expect(text).toContain('did you mean "big"?');
    expect(text).toContain('unknown service "fornt"');
    expect(text).toContain('did you mean "front"?');
  });
});
