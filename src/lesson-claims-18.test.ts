/**
 * The claims of the lessons added for issue 18, checked against the committed goldens
 * (scenarios/expected/<name>/summary.json, which the e2e test holds to real runs): when the
 * model changes a number a lesson relies on, this test names the lesson to update. Each `it` is
 * one lesson's "What you should see", in the lesson's words.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { CacheSummary } from './metrics/cache-stats.ts';
import type { EventStoreSummary } from './metrics/event-store-stats.ts';
import type { PendingSummary } from './metrics/pending-stats.ts';
import type { EndpointSummary, RunSummary } from './metrics/summary.ts';
import type { TwoPhaseSummary } from './metrics/two-phase-stats.ts';
import { costsOf } from './report/features/costs/costs.ts';

/** The runs of a golden, by variant. */
function golden(name: string): Map<string, RunSummary> {
  const url = new URL(`../scenarios/expected/${name}/summary.json`, import.meta.url);
  const doc = JSON.parse(readFileSync(url, 'utf8')) as { runs: RunSummary[] };
  return new Map(doc.runs.map((r) => [r.scenario.variant ?? '', r]));
}

const run = (runs: Map<string, RunSummary>, v: string): RunSummary => {
  const r = runs.get(v);
  if (r === undefined) throw new Error(`no variant ${v}`);
  return r;
};
const endpoint = (r: RunSummary, name: string): EndpointSummary =>
  r.endpoints.find((e) => e.endpoint === name) as EndpointSummary;
const component = (r: RunSummary, id: string) => r.components.find((c) => c.id === id);
const twoPhase = (r: RunSummary) => (r.twoPhaseCommits as TwoPhaseSummary[])[0];

describe('lessons of issue 18: what you should see', () => {
  it('transactions/two-phase-vs-saga', () => {
    const g = golden('two-phase-vs-saga');
    // 2PC prepares in parallel: faster than the sequential saga without faults
    expect(run(g, 'two-phase').overall.latency.p50Ms).toBeLessThan(
      run(g, 'saga').overall.latency.p50Ms,
    );
    expect(run(g, 'saga').twoPhaseCommits).toBeUndefined();
    const normal = twoPhase(run(g, 'two-phase'));
    expect(normal.lockHoldMeanMs).toBeCloseTo(44.9, 1);
    expect(normal.lockWaits).toBe(1541);
    expect(normal.blocked).toBe(0);
    expect(normal.messagesPerTransaction).toBeCloseTo(11.7, 1);
    expect(twoPhase(run(g, 'two-phase-payments-hang')).lockWaits).toBe(2538);
    // the coordinator crash: 4 transactions in doubt, 11 locks blocked for the whole outage
    const crash = twoPhase(run(g, 'two-phase-coordinator-crash'));
    expect(crash.inDoubt).toBe(4);
    expect(crash.blocked).toBe(11);
    expect(crash.lockHoldMaxMs).toBeGreaterThan(20_000);
    // the saga's orders/place recovers at 52 s; 2PC's degrades again from 66 s to 71 s
    type Episodes = { startMs: number; endMs: number }[];
    const place = (v: string): Episodes =>
      (
        run(g, v) as unknown as {
          propagation: { entities: { id: string; episodes: Episodes }[] };
        }
      ).propagation.entities.find((x) => x.id === 'orders/place')?.episodes ?? [];
    expect(place('saga-coordinator-crash').map((x) => x.endMs)).toEqual([52_000]);
    expect(place('two-phase-coordinator-crash').map((x) => [x.startMs, x.endMs])).toEqual([
      [50_000, 52_000],
      [66_000, 71_000],
    ]);
  });

  it('consistency/pending-order', () => {
    const g = golden('pending-order');
    const p = (v: string) => (run(g, v).pendingStates as PendingSummary[])[0];
    expect(p('normal').pendingShare).toBeCloseTo(0.042, 3);
    expect(p('slow-card-network').pendingShare).toBeCloseTo(0.167, 3);
    expect(p('payments-hang').cancelled).toBe(1632);
    expect(p('payments-hang').timedOut).toBe(512);
    expect(p('payments-hang').cancelledReads).toBe(4483);
    expect(p('normal').cancelled).toBe(169);
    // the buyer's answer never waits for the payment: the same p99 in every variant
    const p99 = (v: string) => endpoint(run(g, v), 'orders/place').latency.p99Ms;
    expect(p99('slow-card-network')).toBe(p99('normal'));
    expect(p99('payments-hang')).toBe(p99('normal'));
  });

  it('consistency/event-sourcing', () => {
    const g = golden('event-sourcing');
    const e = (v: string) => (run(g, v).eventStores as EventStoreSummary[])[0];
    expect(e('events-young').replayMean).toBeCloseTo(22.5, 1);
    expect(e('events-old').replayMean).toBeCloseTo(2002.5, 1);
    expect(e('events-old').recoveryRows).toBe(4_008_912);
    expect(e('events-old-snapshots').recoveryRows).toBe(42_912);
    const p50 = (v: string) => run(g, v).overall.latency.p50Ms;
    expect(p50('events-old')).toBeGreaterThan(6 * p50('crud'));
    expect(p50('events-old-snapshots')).toBeLessThan(p50('events-young'));
  });

  it('spof/kafka-outage', () => {
    const g = golden('kafka-outage');
    const browseErrors = (v: string) => {
      const o = endpoint(run(g, v), 'gateway/browse').outcomes;
      return o.failed + o.timedOut + o.rejected;
    };
    expect(browseErrors('buffer')).toBe(0);
    expect(browseErrors('small-buffer')).toBe(0);
    expect(browseErrors('fail')).toBe(0);
    expect(endpoint(run(g, 'block'), 'gateway/browse').outcomes.timedOut).toBe(1286);
    expect(endpoint(run(g, 'fail'), 'gateway/place').outcomes.failed).toBe(1965);
    expect(endpoint(run(g, 'buffer'), 'gateway/place').errorRate).toBe(0);
    expect(run(g, 'buffer').brokers[0].maxBuffered).toBe(1965);
  });

  it('ownership/split-write-requests', () => {
    const g = golden('split-write-requests');
    expect(endpoint(run(g, 'one-api'), 'loan/apply').outcomes.failed).toBe(2980);
    expect(endpoint(run(g, 'two-requests'), 'loan/save').errorRate).toBe(0);
    expect(endpoint(run(g, 'two-requests'), 'customer/record-consent').outcomes.failed).toBe(3101);
  });

  it('mesh/sidecars', () => {
    const g = golden('sidecars');
    const p50 = (v: string) => run(g, v).overall.latency.p50Ms;
    expect(p50('mesh') - p50('no-mesh')).toBeCloseTo(2.05, 1);
    const inventory = (v: string) => component(run(g, v), 'inventory')?.arrivals;
    expect(inventory('no-mesh-slow')).toBe(24_086);
    expect(inventory('mesh-retries-slow')).toBe(47_066);
    expect(endpoint(run(g, 'mesh-retries-errors'), 'web/buy').outcomes.failed).toBe(0);
    expect(endpoint(run(g, 'no-mesh-errors'), 'web/buy').outcomes.failed).toBe(157);
  });

  it('economics/monolith-vs-hot-service', () => {
    const g = golden('monolith-vs-hot-service');
    const cost = (v: string) => costsOf(run(g, v))?.totalPerHour ?? Number.NaN;
    expect(cost('monolith')).toBeCloseTo(1.18, 6);
    expect(cost('services')).toBeCloseTo(0.94, 6);
    expect(cost('monolith-peak')).toBeCloseTo(1.66, 6);
    expect(cost('services-peak')).toBeCloseTo(1.58, 6);
    // every variant keeps the SLO
    for (const r of g.values())
      for (const slo of (r as unknown as { slos: { pass: boolean }[] }).slos)
        expect(slo.pass).toBe(true);
  });

  it('sweeps/cache-size-skew-updates (the run for the update rate)', () => {
    const g = golden('cache-size-skew-updates');
    const cache = (v: string) => (run(g, v).caches as CacheSummary[])[0];
    expect(cache('batch-cache').staleHits).toBe(353);
    expect(cache('busy-updates').staleHits).toBe(19_466);
    expect(cache('busy-updates').hitRatio).toBe(cache('batch-cache').hitRatio);
    expect(run(g, 'busy-updates').overall.latency.p50Ms).toBe(
      run(g, 'batch-cache').overall.latency.p50Ms,
    );
  });
});
