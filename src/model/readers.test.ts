/**
 * Third-party readers: the checker finds a planted anomaly (an entity left half-written by a
 * failed compensation), shows it in words, and reports nothing on a correct run; a cut-off
 * longer than the sagas hides the ones still running; stale reads of a read model follow the
 * consumer's delays.
 */
import { describe, expect, it } from 'vitest';
import { runYaml } from '../test-support/scenarios.ts';
import { scenarioHead } from '../test-support/yaml.ts';

function sagaYaml(o: { second: string; cutoff: string; secondWork?: string }): string {
  return `${scenarioHead('readers', 3, '30s')}  w: { rate: 20/s, target: front/go }
services:
  front:
    endpoints:
      go:
        steps:
          - saga:
              name: pay
              steps:
                - { call: a/do, compensate: a/undo, compensationFails: 100% }
                - ${o.second}
  a:
    endpoints:
      do: { steps: [{ cpu: 1ms }] }
      undo: { steps: [{ cpu: 1ms }] }
  b:
    endpoints:
      do: { steps: [{ sleep: ${o.secondWork ?? '200ms'} }] }
readers:
  settlement: { saga: pay, every: 100ms, cutoff: ${o.cutoff} }
`;
}

describe('a settlement reader of a saga', () => {
  it('sees the sagas still running without a cut-off, none with a long enough one', async () => {
    const none = await runYaml(sagaYaml({ second: '{ call: b/do }', cutoff: '0s' }));
    const r0 = none.summary.readers[0];
    // every entity is read once, ~half of the 200 ms of b/do is inside the last 100 ms
    expect(r0.reads).toBeGreaterThan(550);
    expect(r0.anomalies).toBeGreaterThan(0.3 * r0.reads);
    expect(r0.example).toMatch(
      /^at \d+\.\d{3} s settlement read pay #\d+ \(started at .*\): a\/do done at .* s, b\/do not done$/,
    );
    const late = await runYaml(sagaYaml({ second: '{ call: b/do }', cutoff: '1s' }));
    expect(late.summary.readers[0].anomalies).toBe(0);
    expect(late.summary.readers[0].example).toBeNull();
  });

  it('finds every entity a failed compensation left half-written, whatever the cut-off', async () => {
    const r = await runYaml(
      sagaYaml({ second: '{ call: b/do, fails: 100% }', cutoff: '1s', secondWork: '1ms' }),
    );
    const s = r.summary.sagas[0];
    const reader = r.summary.readers[0];
    expect(s.completed).toBe(0);
    expect(s.compensated).toBe(0);
    expect(s.inconsistent).toBeGreaterThan(500);
    expect(reader.anomalies).toBe(reader.reads);
    expect(reader.worstExample).toMatch(/a\/do done at .* s, b\/do not done/);
  });
});

describe('a reader of a read model (CQRS)', () => {
  it('sees pending updates; their age follows the consumer, and a broker outage', async () => {
    const r = await runYaml(`
version: 1
name: cqrs
seed: 5
duration: 40s
workloads:
  w: { rate: 100/s, target: cmd/write }
services:
  cmd:
    endpoints:
      write: { steps: [{ cpu: 1ms }, { publish: { broker: kafka, topic: events } }] }
  proj:
    instances: 2
    endpoints:
      apply: { steps: [{ sleep: 5ms }] }
brokers:
  kafka:
    instances: 2
    onUnavailable: buffer
    retryEvery: 50ms
    topics:
      events: { partitions: 4, keys: 50 }
consumers:
  projection: { broker: kafka, topic: events, handler: proj/apply, commitTime: 1ms }
readers:
  screen: { consumer: projection, every: 100ms, reads: 10 }
faults:
  down: { kind: crash, target: kafka, instances: [0], at: 20s, for: 5s }
`);
    const reader = r.summary.readers[0];
    expect(reader.reads).toBe(4000);
    expect(reader.anomalies).toBeGreaterThan(0);
    // the updates of partitions 0 and 2 waited through the 5 s outage (in producer buffers)
    expect(reader.stalenessMaxMs).toBeGreaterThan(4500);
    expect(reader.worstExample).toMatch(/update.* pending, the oldest written at 2\d\.\d{3} s/);
  });
});
