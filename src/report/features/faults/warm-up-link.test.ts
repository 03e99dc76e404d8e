/**
 * A link fault on a link that carried messages only in the warm-up is not a fault on a link
 * nothing uses: a blackhole partition from 0 s loses the warm-up's calls, the caller's threads
 * wait on them for ever and nothing more goes over the link. The link's warm-up messages are
 * kept in the run's summary (`warmupMessages`, only for such a link), and the propagation does
 * not say the fault struck nothing and to point it at a link that carries messages.
 */
import { describe, expect, it } from 'vitest';
import { runYaml } from '../../../test-support/scenarios.ts';
import { faultsNotFired } from './propagation.ts';

const SCENARIO = (mode: 'drop' | 'blackhole') => `version: 1
name: cut
duration: 30s
warmup: 5s
workloads:
  w: { rate: 50/s, target: gw/get }
services:
  gw:
    endpoints:
      get: { steps: [{ cpu: 1ms }, { call: a/x }] }
  a:
    endpoints:
      x: { steps: [{ cpu: 1ms }] }
faults:
  cut: { kind: partition, mode: ${mode}, link: { from: gw, to: a }, at: 0s }
`;

describe('a link fault on a link that carried messages only in the warm-up', () => {
  it('keeps the warm-up messages of a link that carried none after it, and only then', async () => {
    const lost = await runYaml(SCENARIO('blackhole'));
    const gwA = lost.summary.links.find((l) => l.from === 'gw' && l.to === 'a');
    expect(gwA?.messages).toBe(0);
    expect(gwA?.warmupMessages).toBeGreaterThan(0);
    const dropped = await runYaml(SCENARIO('drop'));
    const used = dropped.summary.links.find((l) => l.from === 'gw' && l.to === 'a');
    expect(used?.messages).toBeGreaterThan(0);
    expect(used).not.toHaveProperty('warmupMessages');
  });

  it('is not said to have struck nothing on a link nothing uses', async () => {
    const { summary } = await runYaml(SCENARIO('blackhole'));
    const fault = {
      id: 'cut',
      kind: 'partition',
      target: 'gw → a',
      links: [{ from: 'gw', to: 'a' }],
      windows: [{ startMs: 0, endMs: 30_000 }],
    };
    expect(faultsNotFired([fault], 5_000, 30_000, summary.links)).toEqual([]);
    // a link with no message at all, before or after the warm-up, still is one
    const idle = { ...fault, id: 'idle', links: [{ from: 'a', to: 'gw' }] };
    expect(faultsNotFired([idle], 5_000, 30_000, summary.links)).toMatchObject([
      { fault: 'idle', why: 'idle-link' },
    ]);
  });
});
