/**
 * The broker and its producers: acknowledged publishes, and the three behaviours while it is
 * down — fail at once, block (holding the caller) until it is back, or buffer and send later.
 */
import { describe, expect, it } from 'vitest';
import type { SeriesPoint } from '../metrics/series.ts';
import { runYaml } from '../test-support/scenarios.ts';
import { scenarioHead } from '../test-support/yaml.ts';

function orders(mode: string, extra = '') {
  return `${scenarioHead('publishing', 9, '30s')}  buyers: { rate: 100/s, target: orders/place, timeout: 10s }
services:
  orders:
    instances: 2
    threads: 500
    endpoints:
      place: { steps: [{ cpu: 1ms }, { publish: { broker: kafka, topic: order-placed } }] }
brokers:
  kafka: { instances: 3, threads: 8, publishTime: 2ms, onUnavailable: ${mode}, retryEvery: 100ms${extra} }
faults:
  down: { kind: crash, target: kafka, at: 10s, for: 5s }
`;
}

const sum = (pts: SeriesPoint[], from: number, to: number, f: (p: SeriesPoint) => number) =>
  pts.filter((p) => p.second >= from && p.second < to).reduce((a, p) => a + f(p), 0);

describe('broker', () => {
  it('fail: publishes during the outage fail at once, the rest are acknowledged', async () => {
    const r = await runYaml(orders('fail'));
    const s = r.summary;
    const pts = r.series.requests.get('orders/place') as SeriesPoint[];
    expect(sum(pts, 10, 15, (p) => p.failed)).toBeGreaterThanOrEqual(
      sum(pts, 10, 15, (p) => p.ok + p.failed) - 2,
    );
    expect(sum(pts, 0, 10, (p) => p.failed)).toBe(0);
    expect(s.overall.causes[0].cause).toBe('publish failed: kafka unavailable');
    expect(s.brokers[0].published).toBe(s.overall.outcomes.ok);
    expect(s.brokers[0].failed).toBe(s.overall.outcomes.failed);
    // 1 ms cpu + 2 ms publish outside the outage
    expect(s.overall.latency.p50Ms).toBeCloseTo(3, 1);
    expect(s.links.find((l) => l.to === 'kafka')?.kind).toBe('publish');
  });

  it('block: the callers wait until the broker is back, nothing fails', async () => {
    const r = await runYaml(orders('block'));
    const s = r.summary;
    expect(s.overall.outcomes.failed).toBe(0);
    expect(s.overall.latency.maxMs).toBeGreaterThan(4900); // sent at 10 s, through at ~15 s
    expect(s.brokers[0].retries).toBeGreaterThan(400 * 5);
    expect(s.brokers[0].blockedMsTotal).toBeGreaterThan(0);
    const service = s.components.find((c) => c.id === 'orders');
    // threads held while blocked: ~500 publishes wait 2.5 s on average = 1,250 thread-seconds
    // of 1,000 threads × 30 s ≈ 4.2 % (plus ~0.3 % of ordinary work)
    expect(service?.utilisation).toBeGreaterThan(0.035);
    expect(service?.utilisation).toBeLessThan(0.055);
  });

  it('block: gives up after blockFor', async () => {
    const r = await runYaml(orders('block', ', blockFor: 1s'));
    expect(r.summary.overall.causes[0].cause).toBe('publish failed: blocked on kafka for 1 s');
  });

  it('buffer: the step returns at once, the messages go when the broker is back', async () => {
    const r = await runYaml(orders('buffer'));
    const s = r.summary;
    expect(s.overall.outcomes.failed).toBe(0);
    expect(s.overall.latency.p99Ms).toBeLessThan(2); // only the 1 ms of cpu
    const b = s.brokers[0];
    expect(b.maxBuffered).toBeGreaterThan(450); // ~100/s × 5 s
    expect(b.published).toBeGreaterThanOrEqual(s.overall.outcomes.ok - 2); // nothing lost
    expect(b.bufferedAtEnd).toBeLessThanOrEqual(2);
  });

  it('buffer: a full buffer fails the step', async () => {
    const r = await runYaml(orders('buffer', ', bufferSize: 50'));
    const s = r.summary;
    expect(s.brokers[0].bufferFull).toBeGreaterThan(300);
    expect(s.overall.causes[0].cause).toBe('publish failed: producer buffer for kafka full');
    expect(s.brokers[0].maxBuffered).toBeLessThanOrEqual(100); // 50 per instance
  });
});
