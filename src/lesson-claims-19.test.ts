/**
 * The figures of the issue-19 lessons (resilience/freeze-vs-hang, validation/busy-host) that no key
 * metric carries — recovery times from the propagation view, the freeze's backlog counts, queue
 * maxima, the noisy share — checked against the committed goldens (scenarios/expected/<name>/
 * summary.json, which the e2e test holds to real runs); the rest of their figures and claims are
 * lesson templates checked by lesson-claims.test.ts.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { RunSummary } from './metrics/summary.ts';

type Episode = { id: string; episodes: { endMs: number }[] };

const runs = (() => {
  const url = new URL('../scenarios/expected/freeze-vs-hang/summary.json', import.meta.url);
  const doc = JSON.parse(readFileSync(url, 'utf8')) as { runs: RunSummary[] };
  return new Map(doc.runs.map((r) => [r.scenario.variant ?? '', r]));
})();

const run = (v: string) => runs.get(v) as RunSummary;
const errors = (v: string) => run(v).overall.errorRate;
/** When a/get recovered (the end of its last degraded episode), s. */
const recovered = (v: string) => {
  const p = (run(v) as unknown as { propagation: { entities: Episode[] } }).propagation;
  const e = p.entities.find((x) => x.id === 'a/get');
  return (e?.episodes.at(-1)?.endMs ?? 0) / 1000;
};

describe('lesson of issue 19: what you should see', () => {
  it('resilience/freeze-vs-hang', () => {
    expect(errors('hang')).toBeCloseTo(0.165, 3);
    expect(errors('freeze')).toBeCloseTo(0.218, 3);
    expect(errors('freeze-small-backlog')).toBeCloseTo(0.165, 3);
    expect(recovered('hang')).toBe(41);
    expect(recovered('freeze')).toBe(47);
    expect(recovered('freeze-small-backlog')).toBe(41);
    expect(run('freeze').freezes?.[0]).toMatchObject({ served: 511, wasted: 511 });
    expect(run('freeze-small-backlog').freezes?.[0]).toMatchObject({
      served: 64,
      wasted: 64,
      dropped: 1125,
    });
    expect(run('hang').freezes).toBeUndefined();
  });
});

describe('lesson of issue 19: validation/busy-host', () => {
  const url = new URL('../scenarios/expected/busy-host/summary.json', import.meta.url);
  const busy = new Map(
    (JSON.parse(readFileSync(url, 'utf8')) as { runs: RunSummary[] }).runs.map((r) => [
      r.scenario.variant ?? '',
      r,
    ]),
  );
  const get = (v: string) => busy.get(v) as RunSummary;
  const a = (v: string) => get(v).components.find((c) => c.id === 'a');

  it('validation/busy-host', () => {
    expect(get('ideal').overall.latency.p50Ms).toBeCloseTo(23.6, 1);
    expect(get('ideal').overall.latency.p99Ms).toBeCloseTo(104.5, 0);
    expect(get('event-loop').overall.latency.p50Ms).toBeCloseTo(25.4, 1);
    expect(get('busy-host').overall.latency.p50Ms).toBeCloseTo(49.0, 1);
    expect(get('busy-host').overall.latency.p99Ms).toBeCloseTo(953.3, 0);
    expect(a('busy-host')?.queueMax).toBe(123);
    expect(a('ideal')?.queueMax).toBe(7);
    const rt = get('busy-host').runtimes?.find((r) => r.id === 'a');
    expect(rt?.noisyShare).toBeCloseTo(0.246, 3);
    expect(get('ideal').runtimes).toBeUndefined();
  });
});
