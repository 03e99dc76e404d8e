/**
 * The propagation analysis on hand-made series with a known answer: which entities degrade,
 * when (onset after two bad seconds, at the first of them), when they recover (after five good
 * seconds, at the first of them), their worst figures, and each fault's blast radius in order.
 */
import { describe, expect, it } from 'vitest';
import type { SeriesPoint } from '../../../metrics/series.ts';
import type { StationPoint } from '../../../metrics/station-stats.ts';
import { analysePropagation, type FaultTimeline, faultsNotFired } from './propagation.ts';
import { notFiredText } from './propagation-report.ts';

/** An endpoint second: `ok` requests at p99 `p99`, plus `failed`. */
function ep(
  second: number,
  p99: number,
  ok = 100,
  failed = 0,
  arrivals = ok + failed,
): SeriesPoint {
  return {
    second,
    arrivals,
    ok,
    rejected: 0,
    timedOut: 0,
    failed,
    meanMs: p99 / 2,
    p50Ms: p99 / 2,
    p90Ms: p99,
    p99Ms: p99,
    maxMs: p99,
    inFlight: 0,
  };
}

function comp(second: number, utilisation: number, rejected = 0): StationPoint {
  return {
    second,
    arrivals: 100,
    completed: 100 - rejected,
    rejected,
    utilisation,
    queueMean: 0,
    instances: 1,
  };
}

const seconds = Array.from({ length: 60 }, (_, s) => s);
const FAULT: FaultTimeline = {
  id: 'db-slow',
  kind: 'latency',
  target: 'db',
  windows: [{ startMs: 20_000, endMs: 30_000 }],
};

describe('analysePropagation', () => {
  it('finds onsets, recoveries, worst figures and the blast radius in order', () => {
    const requests = new Map<string, SeriesPoint[]>([
      // healthy at 10 ms; a one-second blip before the fault (ignored); degraded 22–31
      [
        'front/get',
        seconds.map((s) =>
          s === 12 ? ep(s, 80) : s >= 22 && s < 31 ? ep(s, s === 25 ? 90 : 40) : ep(s, 10),
        ),
      ],
      // errors 26–33, and a stalled second at 28 (arrivals, nothing finished)
      [
        'front/pay',
        seconds.map((s) =>
          s === 28 ? ep(s, 0, 0, 0, 50) : s >= 26 && s < 34 ? ep(s, 12, 70, 30) : ep(s, 12),
        ),
      ],
      // never degraded; a single bad second in the window is not an onset
      ['front/static', seconds.map((s) => (s === 24 ? ep(s, 50) : ep(s, 3)))],
      ['overall', seconds.map((s) => ep(s, 10))],
    ]);
    const components = new Map<string, StationPoint[]>([
      ['db', seconds.map((s) => comp(s, s >= 20 && s < 33 ? 0.97 : 0.3))],
      ['front', seconds.map((s) => comp(s, 0.2))],
    ]);
    const p = analysePropagation({ requests, components }, [FAULT], 5_000);
    expect(p.baselineWindow).toEqual({ startMs: 5_000, endMs: 20_000 });
    const by = new Map(p.entities.map((e) => [e.id, e]));
    expect(by.get('front/get')?.baseline.p99Ms).toBe(10);
    expect(by.get('front/get')?.episodes).toEqual([
      {
        startMs: 22_000,
        endMs: 31_000,
        worst: { errorRate: 0, p99Ms: 90, utilisation: null },
        fault: 'db-slow',
      },
    ]);
    expect(by.get('front/pay')?.episodes).toEqual([
      {
        startMs: 26_000,
        endMs: 34_000,
        worst: { errorRate: 0.3, p99Ms: 12, utilisation: null },
        fault: 'db-slow',
      },
    ]);
    expect(by.get('front/static')?.episodes).toEqual([]);
    expect(by.get('front')?.episodes).toEqual([]);
    expect(by.get('db')?.episodes[0]).toMatchObject({ startMs: 20_000, endMs: 33_000 });
    expect(by.get('db')?.episodes[0].worst.utilisation).toBeCloseTo(0.97, 12);
    expect(by.has('overall')).toBe(false);

    const [radius] = p.blastRadius;
    expect(radius.fault).toBe('db-slow');
    expect(radius.hits.map((h) => [h.id, h.delayMs, h.recoveredAtMs])).toEqual([
      ['db', 0, 33_000],
      ['front/get', 2_000, 31_000],
      ['front/pay', 6_000, 34_000],
    ]);
  });

  it('keeps an episode open when the run ends degraded', () => {
    const requests = new Map([['a/b', seconds.map((s) => (s >= 22 ? ep(s, 100) : ep(s, 10)))]]);
    const fault = { ...FAULT, windows: [{ startMs: 20_000, endMs: 40_000 }] };
    const p = analysePropagation({ requests, components: new Map() }, [fault], 0);
    expect(p.entities[0].baseline.seconds).toBe(20);
    expect(p.entities[0].episodes).toEqual([
      {
        startMs: 22_000,
        endMs: null,
        worst: { errorRate: 0, p99Ms: 100, utilisation: null },
        fault: 'db-slow',
      },
    ]);
    expect(p.blastRadius[0].hits[0].recoveredAtMs).toBeNull();
  });

  it('uses every second outside the faults as baseline when the fault starts early', () => {
    const requests = new Map([
      ['a/b', seconds.map((s) => (s >= 10 && s < 21 ? ep(s, 100) : ep(s, 10)))],
    ]);
    const fault = { ...FAULT, windows: [{ startMs: 1_000, endMs: 30_000 }] };
    const p = analysePropagation({ requests, components: new Map() }, [fault], 0);
    expect(p.entities[0].baseline).toMatchObject({ seconds: 31, p99Ms: 10 }); // 0 and 30–59
    expect(p.entities[0].episodes.map((e) => [e.startMs, e.endMs])).toEqual([[10_000, 21_000]]);
  });

  it('judges nothing without a single baseline second', () => {
    const requests = new Map([['a/b', seconds.map((s) => ep(s, 100))]]);
    const fault = { ...FAULT, windows: [{ startMs: 0, endMs: 60_000 }] };
    const p = analysePropagation({ requests, components: new Map() }, [fault], 0);
    expect(p.entities[0].baseline.seconds).toBe(0);
    expect(p.entities[0].episodes).toEqual([]);
  });

  it('does nothing without faults', () => {
    const p = analysePropagation({ requests: new Map(), components: new Map() }, [], 0);
    expect(p.entities).toEqual([]);
    expect(p.blastRadius).toEqual([]);
  });

  it('lists a fault that never struck inside the counted run, and gives it no blast radius', () => {
    const requests = new Map([['a/b', seconds.map((s) => ep(s, 10))]]);
    const late = { ...FAULT, id: 'late', windows: [] }; // windows are clipped: it starts after the end
    const early = { ...FAULT, id: 'early', windows: [{ startMs: 2_000, endMs: 5_000 }] };
    const straddling = { ...FAULT, id: 'straddling', windows: [{ startMs: 8_000, endMs: 12_000 }] };
    const faults = [late, early, straddling, FAULT];
    expect(faultsNotFired(faults, 10_000)).toEqual([
      { fault: 'late', kind: 'latency', target: 'db', why: 'after-end' },
      { fault: 'early', kind: 'latency', target: 'db', why: 'warm-up' },
    ]);
    const p = analysePropagation({ requests, components: new Map() }, faults, 10_000);
    expect(p.notFired.map((f) => f.fault)).toEqual(['late', 'early']);
    expect(p.blastRadius.map((b) => b.fault)).toEqual(['straddling', 'db-slow']);
    // only faults that never fire: still said, with nothing else to judge
    const none = analysePropagation({ requests, components: new Map() }, [late], 10_000);
    expect(none.notFired).toHaveLength(1);
    expect(none.blastRadius).toEqual([]);
  });

  it('counts a split as struck when any of its links carried messages', () => {
    const link = (from: string, to: string, messages: number) =>
      ({ from, to, kind: 'call', messages, perSec: messages / 60 }) as const;
    const split = (id: string, links: { from: string; to: string }[]): FaultTimeline => ({
      id,
      kind: 'partition',
      target: id,
      links,
      windows: [{ startMs: 20_000, endMs: 30_000 }],
    });
    const carried = [link('store', 'warehouse', 50), link('store', 'online', 0)];
    const faults = [
      split('one-used', [
        { from: 'store', to: 'online' },
        { from: 'store', to: 'warehouse' },
      ]),
      split('none-used', [
        { from: 'store', to: 'online' },
        { from: 'online', to: 'store' },
      ]),
      split('swapped', [{ from: 'warehouse', to: 'store' }]),
    ];
    expect(faultsNotFired(faults, 10_000, 60_000, carried)).toEqual([
      { fault: 'none-used', kind: 'partition', target: 'none-used', why: 'idle-link' },
      { fault: 'swapped', kind: 'partition', target: 'swapped', why: 'idle-link', reverse: true },
    ]);
  });

  it('lists a link fault whose link carried no message as struck nothing, not "nothing degraded"', () => {
    const requests = new Map([['a/b', seconds.map((s) => ep(s, 10))]]);
    const onLink = (id: string, from: string, to: string): FaultTimeline => ({
      id,
      kind: 'latency',
      target: `${from} → ${to}`,
      links: [{ from, to }],
      windows: [{ startMs: 20_000, endMs: 30_000 }],
    });
    const link = (from: string, to: string, messages: number) =>
      ({ from, to, kind: 'call', messages, perSec: messages / 60 }) as const;
    const links = [
      link('client', 'gateway', 600),
      link('gateway', 'pay', 600),
      link('cart', 'db', 0),
    ];
    const faults = [
      onLink('unused', 'cart', 'pay'), // no such link
      onLink('idle', 'cart', 'db'), // built, but nothing went over it after the warm-up
      onLink('swapped', 'pay', 'gateway'), // the calls go gateway → pay
      onLink('used', 'gateway', 'pay'),
    ];
    expect(faultsNotFired(faults, 10_000, 60_000, links)).toEqual([
      { fault: 'unused', kind: 'latency', target: 'cart → pay', why: 'idle-link' },
      { fault: 'idle', kind: 'latency', target: 'cart → db', why: 'idle-link' },
      {
        fault: 'swapped',
        kind: 'latency',
        target: 'pay → gateway',
        why: 'idle-link',
        reverse: true,
      },
    ]);
    // without the run's links nothing is known about them: no such verdict
    expect(faultsNotFired(faults, 10_000, 60_000)).toEqual([]);
    const p = analysePropagation(
      { requests, components: new Map() },
      faults,
      10_000,
      undefined,
      [],
      60_000,
      links,
    );
    expect(p.notFired.map((f) => f.fault)).toEqual(['unused', 'idle', 'swapped']);
    expect(p.blastRadius.map((b) => b.fault)).toEqual(['used']);
  });

  it('says in words why a link fault struck nothing, and which way the messages went', () => {
    const f = {
      fault: 'slow',
      kind: 'latency',
      target: 'pay → gateway',
      why: 'idle-link',
    } as const;
    expect(notFiredText(f, 0, 60_000)).toBe(
      'fault slow (latency pay → gateway) struck nothing: no message went over the link pay → gateway after the warm-up (a link fault strikes what `from` sends to `to`); point `link` at a link that carries messages (the report’s topology draws them)',
    );
    expect(notFiredText({ ...f, reverse: true }, 0, 60_000)).toContain('swap `from` and `to`');
    expect(notFiredText({ ...f, reverse: true }, 0, 60_000, 'ko')).toContain(
      '`from`과 `to`를 바꾸십시오',
    );
  });
});
