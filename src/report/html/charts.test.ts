/**
 * The vega-lite spec builders: every spec compiles with vega-lite without a warning, carries
 * its data inline in the expected rows, marks and encodings, colours each variant the same in
 * every chart, thins long series deterministically, and shades fault windows when given.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { drawChart } from '../../test-support/chart-render.ts';
import { shippedReportData } from '../../test-support/report-data.ts';
import { compileWarnings, type Json } from '../../test-support/vega.ts';
import type { ReportData } from '../report-data.ts';
import { barScale, LOG_SCALE_SPAN, spansOrders } from './chart-parts.ts';
import { VARIANT_COLOURS, VEGA_LITE_SCHEMA } from './chart-style.ts';
import {
  faultWindows,
  latencyCdfChart,
  latencyPercentileChart,
  timeSeriesChart,
  variantLabel,
  windowRows,
} from './charts.ts';
import {
  componentLoadChart,
  instancesChart,
  keyMetricsCiChart,
  utilisationHeatmap,
} from './component-charts.ts';
import { bucketBySecond, bucketSeconds, MAX_POINTS_PER_CHART } from './thinning.ts';

let variants: ReportData;
let single: ReportData;

beforeAll(async () => {
  variants = await shippedReportData('01-shared-db.yaml', 20_000, 2);
  single = await shippedReportData('shop.yaml', 8_000);
});

const builders = {
  latencyPercentileChart,
  latencyCdfChart,
  timeSeriesChart: (d: ReportData) => timeSeriesChart(d),
  componentLoadChart,
  utilisationHeatmap,
  keyMetricsCiChart,
};

/** Every colour scale (domain → range) anywhere in a spec. */
function colourScales(spec: Json): Map<string, string>[] {
  const out: Map<string, string>[] = [];
  const walk = (x: Json) => {
    if (x === null || typeof x !== 'object') return;
    if (x.color?.scale?.domain && x.color.scale.range)
      out.push(
        new Map(x.color.scale.domain.map((d: string, i: number) => [d, x.color.scale.range[i]])),
      );
    for (const v of Object.values(x)) walk(v);
  };
  walk(spec);
  return out;
}

describe('every chart', () => {
  it.each(Object.keys(builders))(
    '%s compiles without warnings, with and without variants',
    (name) => {
      const build = builders[name as keyof typeof builders];
      for (const data of [variants, single]) {
        const spec = build(data) as Json;
        expect(spec.$schema).toBe(VEGA_LITE_SCHEMA);
        expect(spec.title.text.length).toBeGreaterThan(5);
        expect(Array.isArray(spec.data.values)).toBe(true);
        expect(compileWarnings(spec)).toEqual([]);
      }
    },
  );

  it.each(Object.keys(builders))(
    '%s is deterministic and stays within the point budget',
    (name) => {
      const build = builders[name as keyof typeof builders];
      expect(JSON.stringify(build(variants))).toBe(
        JSON.stringify(build(structuredClone(variants))),
      );
      expect((build(variants) as Json).data.values.length).toBeLessThanOrEqual(
        MAX_POINTS_PER_CHART,
      );
    },
  );

  it('gives each variant the same colour in every chart, in scenario order', () => {
    const names = variants.variants.map((v) => variantLabel(variants, v));
    expect(names).toEqual(['db-per-service', 'shared-db']);
    for (const [name, build] of Object.entries(builders)) {
      for (const scale of colourScales(build(variants))) {
        if (!scale.has(names[0])) continue;
        names.forEach((n, i) => {
          expect(scale.get(n), `${name} ${n}`).toBe(VARIANT_COLOURS[i]);
        });
      }
    }
  });
});

describe('latencyPercentileChart', () => {
  it('groups p50/p90/p99/p99.9 bars per endpoint with the variants side by side', () => {
    const spec = latencyPercentileChart(variants) as Json;
    const endpoints = variants.variants[0].summary.endpoints.length;
    expect(spec.data.values).toHaveLength((endpoints + 1) * 4 * 2);
    expect(spec.facet.field).toBe('endpoint');
    expect(spec.spec.mark.type).toBe('bar');
    expect(spec.spec.encoding.x.field).toBe('percentile');
    expect(spec.spec.encoding.x.sort).toEqual(['p50', 'p90', 'p99', 'p99.9']);
    expect(spec.spec.encoding.xOffset.field).toBe('variant');
    // p50 to p99.9 of the shared database span more than 10×: a log scale
    expect(spec.spec.encoding.y.title).toBe('latency (ms, log scale)');
    expect(spec.spec.encoding.y.scale).toEqual({ type: 'log' });
    const row = spec.data.values.find(
      (r: Json) =>
        r.endpoint === 'orders/place' && r.variant === 'shared-db' && r.percentile === 'p99',
    );
    const place = variants.variants[1].summary.endpoints.find((e) => e.endpoint === 'orders/place');
    expect(row.ms).toBe(place?.latency.p99Ms);
  });
});

describe('latencyCdfChart', () => {
  it('draws one line per variant over a log latency axis', () => {
    const spec = latencyCdfChart(variants) as Json;
    expect(spec.mark.type).toBe('line');
    expect(spec.encoding.x.scale.type).toBe('log');
    expect(spec.encoding.x.title).toMatch(/ms/);
    expect(spec.encoding.y.field).toBe('p');
    expect(new Set(spec.data.values.map((r: Json) => r.series))).toEqual(
      new Set(['db-per-service', 'shared-db']),
    );
    expect(spec.data.values.every((r: Json) => r.ms > 0)).toBe(true);
  });

  it('draws one line per endpoint without variants', () => {
    const spec = latencyCdfChart(single) as Json;
    expect(spec.encoding.color.title).toBe('endpoint');
    expect(new Set(spec.data.values.map((r: Json) => r.series))).toEqual(
      new Set(['gateway/browse', 'gateway/checkout', 'all endpoints']),
    );
  });
});

describe('timeSeriesChart', () => {
  const lineOf = (panel: Json) => panel.layer.find((l: Json) => l.mark.type === 'line');

  it('stacks throughput, p50/p99 latency and errors over a shared time axis', () => {
    const spec = timeSeriesChart(variants) as Json;
    expect(spec.vconcat).toHaveLength(3);
    const fields = spec.vconcat.map((p: Json) => lineOf(p).encoding.y.field);
    expect(fields).toEqual(['okPerSec', 'ms', 'errorsPerSec']);
    expect(lineOf(spec.vconcat[1]).encoding.y.scale.type).toBe('log');
    expect(lineOf(spec.vconcat[1]).encoding.strokeDash.field).toBe('percentile');
    const seconds = variants.variants[0].series.requests.overall.length;
    expect(spec.data.values).toHaveLength(2 * seconds);
    expect(spec.data.values[0]).toEqual(
      expect.objectContaining({ series: 'db-per-service', second: 0 }),
    );
  });

  it('draws the coarser points per second, at their first second', () => {
    const data = structuredClone(variants);
    for (const v of data.variants) {
      v.series.resolutionS = 5;
      v.series.requests.overall = v.series.requests.overall.map((p, i) => ({
        ...p,
        second: i * 5,
      }));
    }
    const spec = timeSeriesChart(data) as Json;
    const points = data.variants[0].series.requests.overall;
    const rows = spec.data.values.filter((r: Json) => r.series === 'db-per-service');
    expect(rows).toHaveLength(points.length);
    rows.forEach((r: Json, i: number) => {
      expect(r.second).toBe(i * 5);
      expect(r.okPerSec).toBeCloseTo(points[i].ok / 5, 3);
    });
    expect(bucketSeconds(10_000, MAX_POINTS_PER_CHART, 30)).toBe(150);
    expect(bucketSeconds(2000, MAX_POINTS_PER_CHART, 30)).toBe(30);
    expect(compileWarnings(spec)).toEqual([]);
  });

  it('shades the warm-up, and the fault windows it is given', () => {
    const bands = (spec: Json) =>
      spec.vconcat[0].layer
        .filter((l: Json) => l.mark.type === 'rect')
        .flatMap((l: Json) =>
          l.data.values.filter((w: Json) => w.kind === l.transform[0].filter.equal),
        );
    expect(bands(timeSeriesChart(variants))).toEqual([
      { start: 0, end: 10, label: 'warm-up (not counted)', kind: 'warm-up', line: 0 },
    ]);
    const faults = [{ startMs: 12_000, endMs: 15_500, label: 'orders-db crash' }];
    const spec = timeSeriesChart(variants, { faults }) as Json;
    expect(bands(spec)).toContainEqual({
      start: 12,
      end: 15.5,
      label: 'orders-db crash',
      kind: 'fault',
      line: 0,
    });
    const names = spec.vconcat[0].layer.find((l: Json) => l.mark.type === 'text');
    expect(names.encoding.text.field).toBe('label');
    expect(compileWarnings(spec)).toEqual([]);
    // the first panel's scale keeps room above the highest throughput for the label's line
    // (4 + 16 px of 170): none without a fault
    const okScale = (x: Json) =>
      x.vconcat[0].layer.find((l: Json) => l.mark.type === 'line').encoding.y.scale;
    const top = Math.max(...spec.data.values.map((r: Json) => r.okPerSec ?? 0));
    expect(okScale(spec).domainMax).toBeCloseTo((top * 170) / (170 - 20), 3);
    expect(okScale(timeSeriesChart(variants))).toBeUndefined();
    // twenty windows open at once take twenty lines of labels: the data keeps half the panel
    const many = Array.from({ length: 20 }, (_, i) => ({
      startMs: 12_000 + i,
      endMs: 15_000,
      label: `f${i}`,
    }));
    expect(okScale(timeSeriesChart(variants, { faults: many })).domainMax).toBeCloseTo(top * 2, 3);
  });

  it('takes the fault windows of every variant, once each, with the targets of every variant', () => {
    const data = structuredClone(variants);
    const crash = { id: 'db-down', kind: 'crash' };
    const at = [{ startMs: 15_000, endMs: 18_000 }];
    data.variants[0].faults = [{ ...crash, target: 'orders-db', windows: at }];
    data.variants[1].faults = [
      { ...crash, target: 'shared-db', windows: at },
      {
        id: 'slow',
        kind: 'latency',
        target: 'a → b',
        windows: [{ startMs: 11_000, endMs: 16_000 }],
      },
    ];
    const windows = faultWindows(data);
    expect(windows).toEqual([
      { startMs: 11_000, endMs: 16_000, label: 'slow: latency on a → b' },
      { startMs: 15_000, endMs: 18_000, label: 'db-down: crash on orders-db / shared-db' },
    ]);
    expect(faultWindows(variants)).toEqual([]);
    // the second label goes one line lower: the first window is still open when it starts
    const spec = timeSeriesChart(data, { faults: windows }) as Json;
    const names = spec.vconcat[0].layer.find((l: Json) => l.mark.type === 'text');
    expect(
      names.data.values.filter((w: Json) => w.kind === 'fault').map((w: Json) => w.line),
    ).toEqual([0, 1]);
    expect(compileWarnings(spec)).toEqual([]);
  });

  it('puts a fault’s label below an earlier label that still runs where it starts, and reuses a free line', () => {
    // 20 s on 880 px: ~23 ms a pixel; "broker-down: crash on kafka[0]" is ~270 px, ~6 s
    const data = structuredClone(variants);
    data.variants[0].summary.scenario.durationMs = 20_000;
    const windows = [
      { startMs: 5_000, endMs: 7_000, label: 'broker-down: crash on kafka[0]' },
      // after the first window's end, before its label's: a line lower
      { startMs: 8_000, endMs: 9_000, label: 'billing-crash: crash on billing[0]' },
      // after both labels: the top line again
      { startMs: 16_500, endMs: 17_000, label: 'x' },
      // a short label ends before the next window starts: the same line
      { startMs: 17_500, endMs: 18_000, label: 'y' },
    ];
    const lines = windowRows(data, windows)
      .filter((w) => w.kind === 'fault')
      .map((w) => w.line);
    expect(lines).toEqual([0, 1, 0, 0]);
  });

  it('never smooths: each second’s value held over it (step-after), a second without a success a gap', () => {
    const data = structuredClone(variants);
    const overall = data.variants[0].series.requests.overall;
    // second 12: nothing succeeded (all timed out): no latency that second
    overall[12] = { ...overall[12], ok: 0, timedOut: 7, p50Ms: 0, p99Ms: 0 };
    const spec = timeSeriesChart(data) as Json;
    for (const panel of spec.vconcat) {
      const line = lineOf(panel);
      expect(line.mark.interpolate).toBe('step-after');
      expect(line.mark.invalid).toBe('break-paths-filter-domains');
      // no transform drops the nulls (the line would join the seconds around the gap)
      expect(JSON.stringify(line.transform ?? [])).not.toMatch(/isValid/);
    }
    const row = spec.data.values.find(
      (r: Json) => r.series === 'db-per-service' && r.second === 12,
    );
    expect(row).toMatchObject({ okPerSec: 0, errorsPerSec: 7, p50Ms: null, p99Ms: null });
    expect(compileWarnings(spec)).toEqual([]);
    // the CDF joins its measured quantiles with straight lines
    expect((latencyCdfChart(data) as Json).mark.interpolate).toBe('linear');
  });

  it('averages buckets of seconds when the series are long, and says so', () => {
    const long = structuredClone(single);
    const points = long.variants[0].series.requests;
    for (const key of Object.keys(points)) {
      const one = points[key][0];
      points[key] = Array.from({ length: 1500 }, (_, s) => ({ ...one, second: s, ok: s % 2 }));
    }
    const spec = timeSeriesChart(long) as Json;
    expect(spec.data.values.length).toBeLessThanOrEqual(MAX_POINTS_PER_CHART);
    expect(spec.data.values[1].second).toBe(3);
    expect(spec.data.values[0].okPerSec).toBe(0.3333); // (0 + 1 + 0) / 3, rounded to 4 places
    expect(spec.title.subtitle.join(' ')).toMatch(/mean of 3 simulated seconds/);
  });
});

describe('componentLoadChart', () => {
  it('shows arrivals per second of every component, one panel per kind, variants side by side', () => {
    const spec = componentLoadChart(variants) as Json;
    expect(spec.vconcat.map((p: Json) => p.title.text)).toEqual(['services', 'databases']);
    const comps = variants.variants[0].summary.components.length;
    expect(spec.data.values).toHaveLength(comps * 2);
    const bar = spec.vconcat[0].layer[0];
    expect(bar.mark.type).toBe('bar');
    expect(bar.encoding.x.field).toBe('arrivalsPerSec');
    expect(bar.encoding.x.title).toBe('load (arrivals/s)');
    expect(bar.encoding.yOffset.field).toBe('variant');
    const shared = spec.data.values.find(
      (r: Json) => r.component === 'shared-db' && r.variant === 'shared-db',
    );
    expect(shared.arrivalsPerSec).toBeGreaterThan(0);
  });

  it('labels no bar in a panel where nothing had load (an empty layer has no extent)', () => {
    const idle = structuredClone(variants);
    for (const v of idle.variants)
      for (const c of v.summary.components) if (c.kind === 'database') c.arrivalsPerSec = 0;
    const spec = componentLoadChart(idle) as Json;
    expect(spec.vconcat.map((p: Json) => p.layer.map((l: Json) => l.mark.type))).toEqual([
      ['bar', 'text'],
      ['bar'],
    ]);
    expect(compileWarnings(spec)).toEqual([]);
  });
});

describe('utilisationHeatmap', () => {
  it('colours component × second by utilisation 0..1, one panel per variant', () => {
    const spec = utilisationHeatmap(variants) as Json;
    expect(spec.facet.row.field).toBe('variant');
    expect(spec.spec.mark.type).toBe('rect');
    expect(spec.spec.encoding.color.scale.domain[0]).toBe(0);
    expect(spec.spec.encoding.color.scale.domain.at(-1)).toBe(1);
    const r = spec.data.values[0];
    expect(r.end - r.start).toBe(1);
    expect(r.utilisation).toBeGreaterThanOrEqual(0);
  });

  it('is a single panel without variants', () => {
    const spec = utilisationHeatmap(single) as Json;
    expect(spec.facet).toBeUndefined();
    expect(spec.mark.type).toBe('rect');
  });
});

describe('keyMetricsCiChart', () => {
  it('draws each key metric as bars with 95 % confidence intervals as error bars', () => {
    const spec = keyMetricsCiChart(variants) as Json;
    const first = spec.concat[0];
    expect(first.layer.map((l: Json) => l.mark.type)).toEqual(['bar', 'errorbar']);
    expect(first.layer[1].encoding.y.field).toBe('lo');
    expect(first.layer[1].encoding.y2.field).toBe('hi');
    const p99 = spec.data.values.filter((r: Json) => r.metric === 'p99 (ms)');
    expect(p99.map((r: Json) => r.variant)).toEqual(['db-per-service', 'shared-db']);
    for (const r of p99) expect(r.lo).toBeLessThanOrEqual(r.mean);
    expect(spec.title.subtitle).toMatch(/95 % confidence interval/);
  });

  it('has no whiskers after one replication (nothing to draw, and vega would warn)', async () => {
    const one = await shippedReportData('01-shared-db.yaml', 20_000, 1);
    const spec = keyMetricsCiChart(one) as Json;
    for (const view of spec.concat)
      expect(view.layer.map((l: Json) => l.mark.type)).toEqual(['bar']);
    expect(spec.title.subtitle).toMatch(/one replication: no confidence intervals/);
  });

  /** A copy of `variants` and its first two variants' overall p99 estimates (fast, slow). */
  const p99Estimates = () => {
    const data = structuredClone(variants);
    const p99 = (i: number) =>
      data.variants[i].estimates.find((e) => e.scope === 'overall' && e.metric === 'p99Ms');
    const [fast, slow] = [p99(0), p99(1)];
    if (slow === undefined || fast === undefined) throw new Error('no p99 estimate');
    return { data, slow, fast };
  };

  it('gives a metric whose variants span more than 10× a log scale of its own, the others stay linear', () => {
    const { data, slow, fast } = p99Estimates();
    slow.estimate = { ...slow.estimate, mean: fast.estimate.mean * 71, lo: null, hi: null };
    const spec = keyMetricsCiChart(data) as Json;
    const views = spec.concat as Json[];
    const p99View = views.find((v) => v.transform[0].filter.equal === 'p99 (ms)');
    expect(p99View.title.text).toBe('p99 (ms), log scale');
    expect(p99View.layer[0].encoding.y.scale).toEqual({ type: 'log' });
    const linear = views.filter((v) => v.layer[0].encoding.y.scale === undefined);
    expect(linear.length).toBeGreaterThan(0);
    expect(compileWarnings(spec)).toEqual([]);
  });

  it('draws the whisker of an interval reaching below 0 on a log panel off the axis bottom, without NaN', async () => {
    const { data, slow, fast } = p99Estimates();
    // three replications that differ widely: the t-interval of a latency reaches below 0
    const mean = fast.estimate.mean * 14;
    slow.estimate = { ...slow.estimate, mean, lo: -0.4 * mean, hi: 2.4 * mean };
    const spec = keyMetricsCiChart(data) as Json;
    const p99View = (spec.concat as Json[]).find((v) => v.transform[0].filter.equal === 'p99 (ms)');
    expect(p99View.layer[1].encoding.y.field).toBe('whiskerLo');
    const rows = (spec.data.values as Json[]).filter((r) => r.metric === 'p99 (ms)');
    const [fastRow, slowRow] = rows;
    expect(slowRow.lo).toBeLessThan(0); // the tooltip keeps the interval as computed
    // to the axis' bottom: the power of ten below the panel's smallest value
    expect(slowRow.whiskerLo).toBe(
      10 ** Math.floor(Math.log10(Math.min(fastRow.lo, fastRow.mean))),
    );
    expect(slowRow.whiskerLo).toBeLessThanOrEqual(Math.min(fastRow.lo, fastRow.mean));
    expect(fastRow.whiskerLo).toBe(fastRow.lo);
    const drawn = await drawChart(spec);
    expect(drawn.problems).toEqual([]);
    expect(drawn.marks).toBeGreaterThan(0);
  });

  it('leaves out metrics that are zero in every variant', () => {
    const spec = keyMetricsCiChart(variants) as Json;
    const metrics = new Set(spec.data.values.map((r: Json) => r.metric));
    expect(metrics.has('cache hit ratio (%)')).toBe(false);
    expect(metrics.has('throughput (per s)')).toBe(true);
  });
});

describe('instancesChart', () => {
  it('draws the instances of autoscaled components as steps over time, integers; none without', async () => {
    const scaled = await shippedReportData('resilience/autoscaling-boot-time.yaml', 150_000);
    const spec = instancesChart(scaled) as Json;
    expect(spec).not.toBeNull();
    const line = spec.layer.at(-1);
    expect(line.mark).toMatchObject({ type: 'line', interpolate: 'step-after' });
    expect(line.encoding.y.axis.format).toBe('d');
    const values = spec.data.values as { variant: string; instances: number }[];
    expect(new Set(values.map((r) => r.instances)).size).toBeGreaterThan(1);
    for (const r of values) expect(Number.isInteger(r.instances)).toBe(true);
    expect(compileWarnings(spec)).toEqual([]);
    expect(instancesChart(variants)).toBeNull();
  }, 60_000);
});

describe('the log-scale rule of bars', () => {
  it('takes a log scale past a span of 10× (symlog with zeros), linear up to it', () => {
    expect(LOG_SCALE_SPAN).toBe(10);
    expect(spansOrders([3, 8, 500])).toBe(true);
    expect(spansOrders([3, 30])).toBe(false); // exactly 10×
    expect(spansOrders([0, 5, 40])).toBe(false); // zeros are not a span
    expect(spansOrders([null, 2, 21])).toBe(true);
    const log = { type: 'log' };
    // a log domain cannot hold the 0 a stacked bar starts at: bars are not stacked then
    expect(barScale([3, 8, 500])).toEqual({
      scale: log,
      note: 'log scale',
      encoding: { scale: log, stack: null },
    });
    const symlog = { type: 'symlog' };
    expect(barScale([0, 3, 500])).toEqual({
      scale: symlog,
      note: 'symlog scale',
      encoding: { scale: symlog },
    });
    expect(barScale([3, 8, 29])).toEqual({ scale: null, note: '', encoding: {} });
  });
});

describe('thinning', () => {
  it('buckets seconds only above the budget', () => {
    expect(bucketSeconds(2000)).toBe(1);
    expect(bucketSeconds(2001)).toBe(2);
    expect(bucketSeconds(6600)).toBe(4);
  });

  it('groups points by whole buckets of seconds, in order', () => {
    const pts = [0, 1, 2, 3, 4].map((second) => ({ second }));
    expect(bucketBySecond(pts, 2).map((b) => b.map((p) => p.second))).toEqual([
      [0, 1],
      [2, 3],
      [4],
    ]);
  });
});
