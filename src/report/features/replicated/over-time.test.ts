/**
 * Replicated data over time (over-time.ts): the share of reads that diverged second by second,
 * on the shipped partition scenario (consistency/partitioned-copies.yaml, the store cut off
 * from 20 s to 40 s; one replication of the whole minute): its points in the summary, its rows
 * of timeseries.csv and the page's chart — both merges drift apart while the partition lasts,
 * and after it the CRDT's reads come back to the truth while last-write-wins' stay wrong.
 */
import { describe, expect, it } from 'vitest';
import type { ReplicatedSummary } from '../../../metrics/replicated-stats.ts';
import type { RunResult } from '../../../metrics/summary.ts';
import { NO_LIBRARIES, shippedReportData } from '../../../test-support/report-data.ts';
import { buildReportHtml } from '../../html/page.ts';
import type { ReportData } from '../../report-data-types.ts';
import { divergedChart, replicatedCharts, replicatedSeriesRows } from './over-time.ts';

const data = () => shippedReportData('consistency/partitioned-copies.yaml', 60_000);

/** The points of variant `name`. */
const points = (d: ReportData, name: string) =>
  ((d.variants.find((v) => v.variant === name)?.summary.replicated ?? [])[0] as ReplicatedSummary)
    .divergedBySecond;

/** The mean of points [from, to). */
const mean = (p: (number | null)[], from: number, to: number) => {
  const xs = p.slice(from, to).filter((x): x is number => x !== null);
  return xs.reduce((a, x) => a + x, 0) / xs.length;
};

describe('replicated data over time', () => {
  it('has a point per second of the run, warm-up included, each a share', async () => {
    const d = await data();
    for (const name of ['lww', 'crdt', 'lww-connected']) {
      const p = points(d, name);
      expect(p).toHaveLength(60);
      for (const x of p) expect(x === null || (x >= 0 && x <= 1)).toBe(true);
    }
    // the owner's single copy is the truth: no read ever diverges
    expect(points(d, 'owner').every((x) => x === 0 || x === null)).toBe(true);
  });

  it('shows the partition: both merges drift apart during it; after, only the CRDT recovers', async () => {
    const d = await data();
    const lww = points(d, 'lww');
    const crdt = points(d, 'crdt');
    const connected = points(d, 'lww-connected');
    // before: the sync delay only (a few percent)
    expect(mean(lww, 5, 20)).toBeLessThan(0.1);
    // the last 10 s of the partition: the store misses every online sale, and they its own
    expect(mean(lww, 30, 40)).toBeGreaterThan(0.3);
    expect(mean(crdt, 30, 40)).toBeGreaterThan(0.3);
    expect(mean(lww, 30, 40)).toBeGreaterThan(4 * mean(connected, 30, 40));
    // after (a second for the held states to land): lww's lost sales stay, the CRDT's do not
    expect(mean(crdt, 42, 60)).toBeLessThan(0.05);
    expect(mean(lww, 42, 60)).toBeGreaterThan(0.25);
  });

  it('writes timeseries.csv rows: second, variant, replicated, the data, diverged, the share', async () => {
    const d = await data();
    const lww = d.variants.find((v) => v.variant === 'lww');
    const rows = replicatedSeriesRows({
      summary: lww?.summary,
      series: { requests: new Map(), components: new Map() },
    } as unknown as RunResult);
    expect(rows).toHaveLength(60);
    expect(rows[30].slice(0, 5)).toEqual([30, 'lww', 'replicated', 'stock', 'diverged']);
    expect(rows[30][5]).toBeCloseTo(points(d, 'lww')[30] as number, 4);
  });

  it('draws one line per variant under the table, the faults and the warm-up shaded', async () => {
    const d = await data();
    const spec = JSON.stringify(divergedChart(d));
    expect(spec).toContain('Reads that diverged over time');
    expect(spec).toContain('red: faults');
    const values = (divergedChart(d) as { data: { values: { variant: string }[] } }).data.values;
    expect(new Set(values.map((v) => v.variant)).size).toBe(6);
    const page = buildReportHtml(d, NO_LIBRARIES);
    const section = page.slice(page.indexOf('id="replicated"'), page.indexOf('id="latency"'));
    expect(section).toContain('<table');
    expect(section).toContain('Reads that diverged over time');
    expect(section.indexOf('<table')).toBeLessThan(
      section.indexOf('Reads that diverged over time'),
    );
  });

  it('counts lww’s lost changes as damage to data in the fault propagation, the CRDT none', async () => {
    const d = await data();
    const damage = (name: string) =>
      d.variants.find((v) => v.variant === name)?.propagation?.dataDamage ?? [];
    const lww = d.variants.find((v) => v.variant === 'lww')?.summary.replicated?.[0];
    expect(damage('lww')).toEqual([{ what: 'updates lost', where: 'stock', count: lww?.lost }]);
    expect(lww?.lost).toBeGreaterThan(0);
    expect(damage('crdt')).toEqual([]);
  });

  it('leaves out a data nobody read: no line, no legend entry, no dashes for one data drawn', async () => {
    const d = structuredClone(await data());
    for (const v of d.variants) {
      const [stock] = v.summary.replicated ?? [];
      v.summary.replicated?.push({
        ...stock,
        id: 'unread',
        divergedBySecond: stock.divergedBySecond.map(() => null),
      });
    }
    const spec = divergedChart(d) as unknown as {
      data: { values: { data: string }[] };
      layer: { encoding?: Record<string, unknown> }[];
    };
    expect(new Set(spec.data.values.map((v) => v.data))).toEqual(new Set(['stock']));
    expect(JSON.stringify(spec)).not.toContain('strokeDash');
  });

  it('draws nothing when no read was made', async () => {
    const d = structuredClone(await data());
    for (const v of d.variants)
      for (const x of v.summary.replicated ?? [])
        x.divergedBySecond = x.divergedBySecond.map(() => null);
    expect(replicatedCharts(d)).toEqual([]);
  });
});
