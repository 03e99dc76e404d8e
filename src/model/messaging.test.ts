/**
 * Delivery semantics on small scripted cases: a consumer crash at a known moment redelivers
 * exactly the messages not yet committed, a non-idempotent consumer applies exactly those whose
 * effect was made twice, at-most-once loses exactly the batch it had taken, exactly-once and
 * an idempotency store in the database apply nothing twice, failures end in the dead-letter
 * count, and lag follows the broker's outages.
 */
import { describe, expect, it } from 'vitest';
import { Priority } from '../engine/index.ts';
import { prepareHistograms } from '../metrics/histogram.ts';
import { summarizeMetrics } from '../metrics/summary.ts';
import { runYaml, scenarioFromYaml } from '../test-support/scenarios.ts';
import { scenarioHead } from '../test-support/yaml.ts';
import { Model } from './model.ts';

interface Options {
  consumer?: string;
  faults?: string;
  handler?: string;
  duration?: string;
  rate?: string;
}

/** Orders publish to one topic of 4 partitions; billing (2 instances) consumes it. */
function yaml(o: Options = {}): string {
  return `${scenarioHead('messaging', 7, o.duration ?? '20s')}  checkout: { rate: ${o.rate ?? '100/s'}, target: orders/place }
services:
  orders:
    endpoints:
      place: { steps: [{ cpu: 1ms }, { publish: { broker: kafka, topic: placed } }] }
  billing:
    instances: 2
    endpoints:
      on-order:
        steps: ${o.handler ?? '[{ cpu: 2ms }, { sleep: 10ms }]'}
databases:
  billing-db: { connections: 10, queryTime: 1ms }
caches:
  redis: { type: distributed, opTime: 0.1ms }
brokers:
  kafka:
    instances: 2
    publishTime: 1ms
    onUnavailable: buffer
    retryEvery: 50ms
    topics:
      placed: { partitions: 4, keys: 1000 }
consumers:
  billing:
    broker: kafka
    topic: placed
    handler: billing/on-order
    rebalanceAfter: 2s
    ${o.consumer ?? ''}
${o.faults ?? ''}
`;
}

const crash = (at: string) =>
  `faults:\n  crash: { kind: crash, target: billing, instances: [0], at: ${at}, for: 5s }`;

async function build(text: string): Promise<Model> {
  await prepareHistograms();
  return new Model(scenarioFromYaml(text));
}

/** What the crashed instance's partitions held at the crash: not committed, applied, taken. */
function atCrash(model: Model) {
  const group = model.consumerGroups.get('billing');
  const owner = model.services.get('billing')?.instances[0];
  if (group === undefined || owner === undefined) throw new Error('no consumer group');
  let processed = 0;
  let inFlight = 0;
  let inFlightApplied = 0;
  let taken = 0;
  for (const pc of group.partitions) {
    if (pc.owner !== owner) continue;
    processed += pc.done;
    taken += pc.taken.length;
    if (pc.inFlight !== null) {
      inFlight++;
      if (pc.inFlight.effect) inFlightApplied++;
    }
  }
  return { processed, inFlight, inFlightApplied, taken };
}

/**
 * Runs the scenario with the consumer settings `consumer` and billing[0] crashing at 10 s (then
 * the fault lines `moreFaults`) to its end, looking at the crashed partitions just before the
 * crash.
 */
async function runWithCrash(consumer: string, moreFaults = '') {
  const model = await build(yaml({ consumer, faults: crash('10s') + moreFaults }));
  let seen = { processed: -1, inFlight: -1, inFlightApplied: -1, taken: -1 };
  model.sim.scheduleAt(10_000, () => (seen = atCrash(model)), undefined, Priority.urgent);
  model.run();
  const { summary } = summarizeMetrics(model.metrics, model.sim.now);
  model.metrics.dispose();
  return { seen, c: summary.consumers[0] };
}

describe('at-least-once', () => {
  it('redelivers exactly what was not committed; without idempotency applies those made twice', async () => {
    const { seen, c } = await runWithCrash('commitEvery: 3s');
    // commits at 3, 6, 9 s: the crash at 10 s leaves ~1 s of processed messages uncommitted
    expect(seen.processed).toBeGreaterThan(20);
    expect(c.duplicateDeliveries).toBe(seen.processed + seen.inFlight);
    expect(c.appliedTwice).toBe(seen.processed + seen.inFlightApplied);
    expect(c.lost).toBe(0);
    expect(c.abandoned).toBe(seen.inFlight);
    expect(c.examples.appliedTwice).toMatch(
      /^message #\d+ \(key \d+\) of placed was applied by billing at [\d.]+ s and again at 1\d\.\d{3} s \(delivery 2, by billing\[1\]\)$/,
    );
    expect(c.examples.lost).toBeNull();
    expect(c.rebalances).toBe(1);
  });

  it('with ids in the database (same transaction) skips every duplicate', async () => {
    const { seen, c } = await runWithCrash('commitEvery: 3s\n    idempotency: { db: billing-db }');
    expect(c.duplicateDeliveries).toBe(seen.processed + seen.inFlight);
    expect(c.appliedTwice).toBe(0);
    expect(c.skippedDuplicates).toBe(seen.processed + seen.inFlightApplied);
  });

  it('with ids in memory still applies twice: the instance that takes over does not know them', async () => {
    const { seen, c } = await runWithCrash('commitEvery: 3s\n    idempotency: memory');
    expect(c.appliedTwice).toBe(seen.processed + seen.inFlightApplied);
    expect(c.skippedDuplicates).toBe(0);
  });

  it('with ids in a distributed cache: duplicates skipped, and failures while it is down', async () => {
    const { seen, c } = await runWithCrash('commitEvery: 3s\n    idempotency: { store: redis }');
    // the SET follows the effect by a round trip: only a crash in that gap could duplicate
    expect(c.skippedDuplicates).toBeGreaterThanOrEqual(seen.processed);
    expect(c.appliedTwice).toBeLessThanOrEqual(seen.inFlightApplied);
    const down = (
      await runYaml(
        yaml({
          consumer: 'idempotency: { store: redis }\n    retryBackoff: 200ms',
          faults: 'faults:\n  redis: { kind: crash, target: redis, at: 5s, for: 2s }',
        }),
      )
    ).summary.consumers[0];
    expect(down.failedDeliveries).toBeGreaterThan(0);
    expect(down.lost).toBe(0);
    expect(down.appliedTwice).toBe(0);
  });

  it('committing after each message leaves only the message in flight to redeliver', async () => {
    const { seen, c } = await runWithCrash('commitTime: 5ms');
    expect(seen.processed).toBe(0);
    expect(c.duplicateDeliveries).toBe(seen.inFlight);
    expect(c.appliedTwice).toBe(seen.inFlightApplied);
  });
});

describe('at-most-once', () => {
  it('loses exactly the taken batch not yet applied', async () => {
    // a 2 s broker outage on partition leaders 0 builds a backlog; the crash hits the catch-up
    const { seen, c } = await runWithCrash(
      'ack: at-most-once\n    batch: 50',
      '\n  broker: { kind: crash, target: kafka, instances: [0], at: 7s, for: 2.9s }',
    );
    expect(seen.taken).toBeGreaterThan(10);
    expect(c.lost).toBe(seen.taken + seen.inFlight - seen.inFlightApplied);
    expect(c.examples.lost).toMatch(
      /^message #\d+ .* was never applied by billing: billing\[0\] crashed at 10\.000 s/,
    );
    expect(c.duplicateDeliveries).toBe(0);
    expect(c.appliedTwice).toBe(0);
  });
});

describe('exactly-once', () => {
  it('applies nothing twice and loses nothing', async () => {
    const { seen, c } = await runWithCrash('ack: exactly-once');
    expect(c.duplicateDeliveries).toBe(seen.inFlight);
    expect(c.appliedTwice).toBe(0);
    expect(c.lost).toBe(0);
    // every message is applied once or still waiting (no warm-up: all were counted)
    expect(c.applied + c.lagAtEnd).toBeGreaterThanOrEqual(c.produced);
    expect(c.applied).toBeLessThanOrEqual(c.produced);
  });

  it('costs the transaction time on every message', async () => {
    const plain = (await runYaml(yaml({ consumer: 'commitTime: 5ms' }))).summary.consumers[0];
    const tx = (await runYaml(yaml({ consumer: 'ack: exactly-once\n    commitTime: 5ms' }))).summary
      .consumers[0];
    // append → effect: the transaction's 5 ms comes before the effect, as queueing grows
    expect(tx.endToEndMeanMs).toBeGreaterThan(plain.endToEndMeanMs + 4);
  });
});

describe('consumer groups', () => {
  it('conserve messages: produced = applied once + still waiting, without faults', async () => {
    const r = await runYaml(yaml());
    const c = r.summary.consumers[0];
    expect(c.produced).toBeGreaterThan(1900);
    expect(c.produced).toBe(r.summary.brokers[0].published);
    expect(c.appliedTwice).toBe(0);
    expect(c.duplicateDeliveries).toBe(0);
    // uncommitted at the end: at most the one in flight per partition
    expect(c.lagAtEnd).toBeLessThanOrEqual(4);
    expect(c.applied).toBeGreaterThanOrEqual(c.produced - c.lagAtEnd);
    expect(c.lagBySecond).toHaveLength(20);
  });

  it('dead-letter a message after maxDeliveries failed deliveries', async () => {
    const r = await runYaml(
      yaml({
        consumer: 'maxDeliveries: 3\n    retryBackoff: 100ms',
        faults:
          'faults:\n  broken: { kind: error-rate, target: billing, rate: 100%, at: 5s, for: 2s }',
      }),
    );
    const c = r.summary.consumers[0];
    expect(c.deadLettered).toBeGreaterThan(0);
    expect(c.failedDeliveries).toBeGreaterThanOrEqual(c.deadLettered * 3);
    expect(c.lost).toBe(0);
  });

  it('stall the partitions of a broker server that is down: a backlog, then drained', async () => {
    const r = await runYaml(
      yaml({
        faults:
          'faults:\n  broker: { kind: crash, target: kafka, instances: [1], at: 5s, for: 5s }',
      }),
    );
    const c = r.summary.consumers[0];
    const lag = c.lagBySecond;
    // partitions 1 and 3 took nothing for 5 s; the producers' buffered messages land at once
    expect(lag[7]).toBeLessThan(10);
    expect(Math.max(lag[10], lag[11])).toBeGreaterThan(100);
    expect(lag[19]).toBeLessThan(10);
  });

  it('are deterministic', async () => {
    const text = yaml({ consumer: 'commitEvery: 2s', faults: crash('8s') });
    const a = await runYaml(text);
    const b = await runYaml(text);
    expect(JSON.stringify(a.summary.consumers)).toBe(JSON.stringify(b.summary.consumers));
  });
});
