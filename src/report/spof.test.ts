/**
 * The SPoF analysis: window figures from per-second series, the choice of shared components,
 * the ranking, and (end to end) the impact matrix of the shop, where products and its
 * database take every endpoint down and each other database only the endpoint that reads it.
 */
import { describe, expect, it } from 'vitest';
import type { SeriesPoint } from '../metrics/series.ts';
import type { RunSummary } from '../metrics/summary.ts';
import { parseScenario } from '../model/language.ts';
import { runScenario } from '../model/run.ts';
import { formatSpof, spofCandidates, spofData, spofHeatmapSpec, windowFigures } from './spof.ts';
import { crashOf } from './spof-plan.ts';
import { formatTable } from './table.ts';

const pt = (second: number, ok: number, failed: number, p99: number): SeriesPoint => ({
  second,
  arrivals: ok + failed,
  ok,
  rejected: 0,
  timedOut: 0,
  failed,
  meanMs: p99,
  p50Ms: p99,
  p90Ms: p99,
  p99Ms: p99,
  maxMs: p99,
  inFlight: 0,
});

describe('spof analysis', () => {
  it('window figures cover whole seconds inside the window', () => {
    const points = [pt(9, 10, 0, 5), pt(10, 5, 5, 50), pt(11, 0, 10, 80), pt(12, 10, 0, 5)];
    expect(windowFigures(points, { startMs: 10_000, endMs: 12_000 })).toEqual({
      availability: 5 / 20,
      p99Ms: 80,
      finished: 20,
    });
    expect(windowFigures(points, { startMs: 20_000, endMs: 30_000 }).availability).toBeNull();
    // points of 5 s: only those wholly inside the window count
    const coarse = points.map((p, i) => ({ ...p, second: i * 5 }));
    expect(windowFigures(coarse, { startMs: 10_000, endMs: 19_000 }, 5)).toEqual({
      availability: 0,
      p99Ms: 80,
      finished: 10,
    });
    expect(windowFigures(coarse, { startMs: 10_000, endMs: 19_000 }).finished).toBe(20);
  });

  it('chooses the databases and caches something sends to, and services with two or more callers', () => {
    const summary = {
      components: [
        { id: 'gateway', kind: 'service' },
        { id: 'auth', kind: 'service' },
        { id: 'orders', kind: 'service' },
        { id: 'db', kind: 'database' },
        { id: 'db[1]', kind: 'database' },
        { id: 'other-db', kind: 'database' }, // another variant's: nothing sends to it here
      ],
      links: [
        { from: 'client', to: 'gateway', kind: 'request' },
        { from: 'gateway', to: 'auth', kind: 'call' },
        { from: 'orders', to: 'auth', kind: 'call' },
        { from: 'gateway', to: 'orders', kind: 'call' },
        { from: 'orders', to: 'db', kind: 'query' },
      ],
    } as unknown as RunSummary;
    expect(spofCandidates(summary).map((c) => [c.id, c.callers])).toEqual([
      ['auth', ['gateway', 'orders']],
      ['db', ['orders']],
    ]);
    expect(spofCandidates(summary, true).map((c) => c.id)).toEqual([
      'gateway',
      'auth',
      'orders',
      'db',
      'other-db',
    ]);
  });

  it('fails a sharded database, which the summary lists only as its shards', () => {
    const summary = {
      components: [
        { id: 'orders', kind: 'service' },
        { id: 'orders-db[0]', kind: 'database' },
        { id: 'orders-db[1]', kind: 'database' },
      ],
      links: [
        { from: 'client', to: 'orders', kind: 'request' },
        { from: 'orders', to: 'orders-db', kind: 'query' },
      ],
    } as unknown as RunSummary;
    // it was no candidate, even with --all: 'no shared component to fail (no database …)'
    expect(spofCandidates(summary)).toEqual([
      { id: 'orders-db', kind: 'database', callers: ['orders'] },
    ]);
    expect(spofCandidates(summary, true).map((c) => c.id)).toEqual(['orders', 'orders-db']);
  });

  it('ranks the shop: products and products-db take both endpoints down', async () => {
    const loaded = parseScenario(
      await (await import('node:fs/promises')).readFile('scenarios/shop.yaml', 'utf8'),
      'scenarios/shop.yaml',
    );
    const base = { ...loaded.variants[0], durationMs: 20_000, warmupMs: 2_000 };
    const window = { startMs: 8_000, endMs: 14_000 };
    const baseline = await runScenario(base);
    const candidates = spofCandidates(baseline.summary);
    const runs = [];
    for (const candidate of candidates) {
      const crash = crashOf(candidate.id, 'refuse', window);
      const r = await runScenario({ ...base, faults: [crash] });
      runs.push({ candidate, series: r.series.requests });
    }
    const data = spofData({
      format: 1,
      scenario: { name: 'shop', description: '', file: 'shop.yaml' },
      variant: null,
      seed: 1,
      mode: 'refuse',
      window,
      baseline: { series: baseline.series.requests },
      runs,
    });
    expect(data.endpoints).toEqual(['gateway/browse', 'gateway/checkout']);
    expect(data.baseline.every((c) => c.availability === 1)).toBe(true);
    expect(data.rows.slice(0, 2).map((r) => [r.component, r.endpointsDown])).toEqual([
      ['products', 2],
      ['products-db', 2],
    ]);
    const customersDb = data.rows.find((r) => r.component === 'customers-db');
    expect(customersDb?.cells.map((c) => c.availability)).toEqual([1, 0]);
    const text = formatSpof(data, formatTable);
    expect(text).toContain(
      'most damaging: products, products-db — 2 of 2 endpoints below 99 % availability',
    );
    // the legend says what every column holds, "down" too
    expect(text).toContain(
      'cells: availability during the fault / worst per-second p99 · down: entry endpoints below 99 % availability',
    );
    expect(formatSpof(data, formatTable, 'ko')).toContain(
      '다운: 가용성이 99 % 아래로 떨어진 진입 엔드포인트 수',
    );
    // the heatmap's columns and rows in the table's order
    const heat = spofHeatmapSpec({ ...data, endpoints: [...data.endpoints].reverse() }) as {
      encoding: { x: { sort: string[] }; y: { sort: string[] } };
    };
    expect(heat.encoding.x.sort).toEqual(['gateway/checkout', 'gateway/browse']);
    expect(heat.encoding.y.sort).toEqual(data.rows.map((r) => r.component));
  }, 30_000);
});
