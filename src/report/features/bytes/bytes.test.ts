/**
 * Bytes moved, on scripted scenarios: a link's bytes are its messages × the sizes declared
 * (`payload:` of the network, a call, a workload, a publish), the cost model's transfer term
 * is the bytes × the GB price, sizes change nothing else (same draws, same outcomes, faults on
 * a link strike its sized messages), and a scenario without sizes reports no bytes; a declared
 * bandwidth adds each sized message's transmission time.
 */
import { describe, expect, it } from 'vitest';
import type { LinkSummary, RunSummary } from '../../../metrics/summary.ts';
import { runYaml, scenarioProblems } from '../../../test-support/scenarios.ts';
import { costsOf } from '../costs/costs.ts';
import { bytesMovedOf, linkBytesOf, sizeText } from './bytes.ts';

const KB = 1024;

/** What a test adds to the scenario: to the network, the first call, the workload, the document. */
interface Sizes {
  network?: string;
  call?: string;
  workload?: string;
  extra?: string;
  /** front/go's steps instead of its two calls of back/get. */
  go?: string;
}

/** One user, a request every 100 ms exactly; front calls back twice (or does `go`). */
const yaml = (o: Sizes = {}) => `
version: 1
name: bytes
seed: 1
duration: 10s
warmup: 0s
network: { latency: 0${o.network ?? ''} }
workloads:
  w: { users: 1, thinkTime: { dist: constant, value: 100ms }, target: front/go${o.workload ?? ''} }
services:
  front:
    endpoints:
      go: { steps: ${o.go ?? `[{ call: back/get${o.call ?? ''} }, { call: back/get }]`} }
  back:
    endpoints:
      get: { steps: [{ sleep: 1ms }] }
${o.extra ?? ''}`;

/** The summary of a run of `yaml(o)`. */
const summaryOf = async (o: Sizes) => (await runYaml(yaml(o))).summary;

/** Costs: one small size, and the price of a GB moved. */
const COSTS = `costs:
  sizes: { small: { perHour: 0.1 } }
  perGBTransferred: 0.5
`;

const link = (s: RunSummary, from: string, to: string): LinkSummary => {
  const l = s.links.find((x) => x.from === from && x.to === to);
  if (l === undefined) throw new Error(`no link ${from} → ${to}`);
  return l;
};

describe('bytes moved per link', () => {
  it('counts each call step at its own size and the others at the network’s', async () => {
    const s = await summaryOf({
      network: ', payload: { call: 2KB, reply: 8KB }',
      call: ', payload: { call: 1KB, reply: 16KB }',
      workload: ', payload: { call: 512B, reply: 32KB }',
    });
    const requests = s.overall.finished;
    expect(requests).toBeGreaterThan(90);
    // every request made both calls and was answered (no time is lost in between)
    const calls = link(s, 'front', 'back');
    expect(calls.messages).toBe(2 * requests);
    expect(calls.bytesOut).toBe(requests * (1 * KB + 2 * KB));
    expect(calls.bytesBack).toBe(requests * (16 * KB + 8 * KB));
    const entry = link(s, 'client', 'front');
    expect(entry.messages).toBe(requests);
    expect(entry.bytesOut).toBe(requests * 512);
    expect(entry.bytesBack).toBe(requests * 32 * KB);
    const moved = bytesMovedOf(s);
    const total = requests * (3 * KB + 24 * KB + 512 + 32 * KB);
    expect(moved?.bytes).toBe(total);
    expect(moved?.bytesPerRequest).toBe(total / requests);
    expect(moved?.gbPerHour).toBeCloseTo(total / 1024 ** 3 / (s.windowMs / 3_600_000), 12);
    const rows = linkBytesOf(s) ?? [];
    expect(rows.map((x) => x.id)).toEqual(['front → back', 'client → front']); // in creation order
  });

  it('a payload with a key left out takes the saga’s default (1 KB, 256 B)', async () => {
    const s = await summaryOf({ call: ', payload: { reply: 2KB }' });
    const requests = s.overall.finished;
    const calls = link(s, 'front', 'back');
    // the second call declares nothing and the network no default: it carries nothing counted
    expect(calls.bytesOut).toBe(requests * KB);
    expect(calls.bytesBack).toBe(requests * 2 * KB);
    expect(link(s, 'client', 'front').bytesOut).toBe(0);
  });

  it('sizes change nothing but the bytes: the same run, byte for byte, without them', async () => {
    const fault = `faults:
  cut: { kind: partition, link: { from: front, to: back }, at: 3s, for: 2s }
`;
    const plain = await summaryOf({ extra: fault });
    const sized = await summaryOf({
      network: ', payload: { call: 2KB, reply: 8KB }',
      extra: fault,
    });
    expect(plain.overall.outcomes.failed).toBeGreaterThan(0); // the cut struck the sized calls too
    const strip = (s: RunSummary) => ({
      ...s,
      links: s.links.map(({ bytesOut: _, bytesBack: __, ...l }) => l),
    });
    expect(strip(sized)).toEqual(plain);
    expect(plain.links.some((l) => 'bytesOut' in l)).toBe(false);
    expect(linkBytesOf(plain)).toBeUndefined();
    expect(bytesMovedOf(plain)).toBeNull();
  });

  it('a published message counts at its size, to the broker', async () => {
    const s = await summaryOf({
      go: '[{ publish: bus, payload: { event: 3KB } }]',
      extra: `brokers:
  bus: { publishTime: 0 }
`,
    });
    const requests = s.overall.finished;
    expect(link(s, 'front', 'bus').bytesOut).toBe(requests * 3 * KB);
    expect(link(s, 'front', 'bus').bytesBack).toBe(0);
  });

  it('a topic’s deliveries to its consumers carry the size its publishers declare', async () => {
    const s = await summaryOf({
      go: '[{ publish: { broker: bus, topic: placed }, payload: { event: 2KB } }]',
      extra: `brokers:
  bus:
    publishTime: 0
    topics:
      placed: { partitions: 2, keys: 100 }
consumers:
  billing: { broker: bus, topic: placed, handler: back/get }
`,
    });
    const published = link(s, 'front', 'bus');
    const delivered = link(s, 'bus', 'back');
    expect(published.messages).toBeGreaterThan(90);
    expect(published.bytesOut).toBe(published.messages * 2 * KB);
    // every message published is delivered once to the one group (within the run)
    expect(delivered.messages).toBeGreaterThanOrEqual(published.messages - 1);
    expect(delivered.bytesOut).toBe(delivered.messages * 2 * KB);
  });

  it('the cost model prices every link’s bytes at the GB price', async () => {
    const s = await summaryOf({ network: ', payload: { call: 2KB, reply: 8KB }', extra: COSTS });
    const c = costsOf(s);
    const moved = bytesMovedOf(s);
    expect(moved?.bytes).toBe(s.overall.finished * 2 * (2 * KB + 8 * KB));
    expect(c?.transferPerHour).toBeCloseTo((moved?.gbPerHour ?? Number.NaN) * 0.5, 12);
    expect(c?.transferPerHour).toBeGreaterThan(0);
  });

  it('without declared sizes, the cost model prices the sagas’ messages (their defaults)', async () => {
    const s = await summaryOf({
      go: '[{ saga: { steps: [{ call: back/get }, { call: back/get }] } }]',
      extra: COSTS,
    });
    expect(bytesMovedOf(s)).toBeNull();
    const saga = s.sagas[0];
    expect(saga.completed).toBeGreaterThan(90);
    // two calls of 1 KB and two replies of 256 B each
    const bytes = saga.completed * 2 * (1024 + 256);
    const hours = s.windowMs / 3_600_000;
    expect(costsOf(s)?.transferPerHour).toBeCloseTo((bytes / 1024 ** 3 / hours) * 0.5, 12);
  });

  it('network.bandwidth adds each sized message’s size ÷ bandwidth to its hop', async () => {
    // 8 Mbit/s = 1,000 bytes per ms: a 1,000-byte call takes 1 ms to send, its 5,000-byte
    // reply 5 ms; the callee sleeps 1 ms and the network has no latency otherwise
    const run = (bandwidth: string) =>
      summaryOf({
        network: `, payload: { call: 1000, reply: 5000 }${bandwidth}`,
        go: '[{ call: back/get }]',
      });
    const fast = (await run('')).overall.latency;
    const slow = (await run(', bandwidth: 8Mbit/s')).overall.latency;
    expect(fast.maxMs).toBeCloseTo(1, 1);
    expect(slow.p50Ms).toBeCloseTo(7, 1);
    expect(slow.maxMs).toBeCloseTo(7, 1);
    // the same bandwidth in bytes per second
    expect((await run(', bandwidth: 1000000')).overall.latency.maxMs).toBeCloseTo(7, 1);
  });

  it('refuses a bandwidth of 0 and one without a unit it knows', () => {
    const zero = scenarioProblems(yaml({ network: ', bandwidth: 0Mbit/s' }), 'b.yaml');
    expect(zero).toContain('network.bandwidth');
    expect(zero).toContain('expected a bandwidth above 0');
    expect(scenarioProblems(yaml({ network: ', bandwidth: 10Mbps' }), 'b.yaml')).toContain(
      'expected a bandwidth above 0',
    );
  });

  it('refuses a size that is not one, where it is written', () => {
    const text = scenarioProblems(yaml({ call: ', payload: { call: lots }' }), 'b.yaml');
    expect(text).toContain('payload.call');
    expect(text).toContain('expected a size such as');
  });
});

describe('sizeText', () => {
  it('writes sizes in 1024 steps', () => {
    expect(sizeText(0)).toBe('0 B');
    expect(sizeText(512)).toBe('512 B');
    expect(sizeText(1536)).toBe('1.50 KB');
    expect(sizeText(50 * 1024 * 1024)).toBe('50.0 MB');
    expect(sizeText(300 * 1024 ** 3)).toBe('300 GB');
  });
});
