/**
 * The sweep's chart specs: which charts there are, how parameters and variants map to x,
 * colour, facets and detail, confidence bands only with replications, and that every spec
 * compiles with vega-lite.
 */
import { compile, type TopLevelSpec } from 'vega-lite';
import { describe, expect, it } from 'vitest';
import { estimate } from '../stats/index.ts';
import type { MetricEstimate } from './estimates.ts';
import { gridSize, gridValues, type SweepData, type SweepParam } from './sweep.ts';
import { busiestComponents, sweepCharts } from './sweep-charts.ts';

const est = (scope: 'overall' | 'component', id: string, metric: string, xs: number[]) =>
  ({
    key: `${scope}|${id}|${metric}`,
    scope,
    id,
    metric,
    label: metric,
    unit: metric === 'errorRate' || metric === 'utilisation' ? 'ratio' : 'ms',
    lowerIsBetter: true,
    values: xs,
    estimate: estimate(xs),
  }) as MetricEstimate;

/** A sweep over `params` with the given variants; values grow with the point index. */
function sweepOf(
  params: SweepParam[],
  variants: (string | null)[],
  replications: number,
): SweepData {
  const points = [];
  for (let i = 0; i < gridSize(params); i++)
    for (const variant of variants) {
      const xs = (x: number) => Array.from({ length: replications }, (_, r) => x + r * 0.1);
      points.push({
        index: i,
        values: gridValues(params, i),
        variant,
        estimates: [
          est('overall', '', 'p50Ms', xs(1 + i)),
          est('overall', '', 'p99Ms', xs(5 + i)),
          est('overall', '', 'throughputPerSec', xs(100)),
          est('overall', '', 'errorRate', xs(0)),
          est('component', 'db', 'utilisation', xs(0.9 / (i + 1))),
          est('component', 'api', 'utilisation', xs(0.3)),
          est('component', 'cache', 'utilisation', xs(0.1)),
          est('component', 'idle', 'utilisation', xs(0.01)),
        ],
      });
    }
  return {
    format: 1,
    scenario: { name: 's', description: '', file: 's.yaml' },
    params,
    replications,
    seeds: Array.from({ length: replications }, (_, r) => (r === 0 ? 1 : `1/${r + 1}`)),
    points,
  };
}

const instances: SweepParam = { path: 'services.api.instances', values: [1, 2, 4] };
const rate: SweepParam = { path: 'workloads.w.rate', values: ['100/s', '200/s'] };
const ttl: SweepParam = { path: 'caches.c.ttl', values: ['1s', '5s'] };

// biome-ignore lint/suspicious/noExplicitAny: reading into a spec built as plain data
const layersOf = (spec: TopLevelSpec): any[] => (spec as any).layer ?? (spec as any).spec.layer;

describe('sweep charts', () => {
  it('chart p50, p99, throughput, error rate and the three busiest components, in that order', () => {
    const charts = sweepCharts(sweepOf([instances], [null], 1));
    expect(charts.map((c) => c.key)).toEqual([
      'overall||p50Ms',
      'overall||p99Ms',
      'overall||throughputPerSec',
      'overall||errorRate',
      'component|db|utilisation',
      'component|api|utilisation',
      'component|cache|utilisation',
    ]);
    expect(busiestComponents(sweepOf([instances], [null], 1), 2)).toEqual(['db', 'api']);
  });

  it('put the first parameter on a quantitative x axis and colour by variant', () => {
    const [p99] = sweepCharts(sweepOf([instances], ['a', 'b'], 1)).slice(1);
    const [line] = layersOf(p99.spec);
    expect(line.mark).toEqual({ type: 'line', point: true });
    expect(line.encoding.x).toMatchObject({
      field: 'p0',
      type: 'quantitative',
      title: instances.path,
    });
    expect(line.encoding.color).toMatchObject({ field: 'variant', sort: ['a', 'b'] });
    // the legend is never cut: below the chart, no label or title limit
    expect(line.encoding.color.legend).toMatchObject({
      orient: 'bottom',
      labelLimit: 0,
      titleLimit: 0,
    });
    // biome-ignore lint/suspicious/noExplicitAny: inline data
    const values = (p99.spec as any).data.values;
    expect(values).toHaveLength(6);
    expect(values[0]).toEqual({ p0: 1, variant: 'a', mean: 5, lo: null, hi: null, n: 1 });
  });

  it('draw no band with one replication, a band with several', () => {
    expect(layersOf(sweepCharts(sweepOf([instances], [null], 1))[0].spec)).toHaveLength(1);
    const layers = layersOf(sweepCharts(sweepOf([instances], [null], 3))[0].spec);
    expect(layers.map((l) => l.mark.type)).toEqual(['errorband', 'line']);
    expect(layers[0].encoding.y.field).toBe('lo');
    expect(layers[0].encoding.y2.field).toBe('hi');
  });

  it('use error bars and the given order on a categorical x axis', () => {
    const layers = layersOf(sweepCharts(sweepOf([rate], [null], 2))[0].spec);
    expect(layers[0].mark.type).toBe('errorbar');
    expect(layers[1].encoding.x).toMatchObject({ type: 'ordinal', sort: ['100/s', '200/s'] });
  });

  it('give further parameters the colour (without variants), then panels, then separate lines', () => {
    const noVariants = sweepCharts(sweepOf([instances, rate, ttl], [null], 1))[0].spec;
    // biome-ignore lint/suspicious/noExplicitAny: reading the spec
    const s = noVariants as any;
    expect(layersOf(noVariants)[0].encoding.color.field).toBe('p1');
    expect(s.facet).toMatchObject({ field: 'p2', title: ttl.path });
    const withVariants = sweepCharts(sweepOf([instances, rate, ttl], ['a', 'b'], 1))[0].spec;
    // biome-ignore lint/suspicious/noExplicitAny: reading the spec
    const w = withVariants as any;
    expect(layersOf(withVariants)[0].encoding.color.field).toBe('variant');
    expect(w.facet.field).toBe('p1');
    expect(layersOf(withVariants)[0].encoding.detail).toEqual([{ field: 'p2' }]);
  });

  it('format ratios as percentages', () => {
    const errors = sweepCharts(sweepOf([instances], [null], 1))[3];
    expect(layersOf(errors.spec)[0].encoding.y.axis.format).toBe('.1%');
  });

  it('build specs that vega-lite compiles', () => {
    const all = [
      ...sweepCharts(sweepOf([instances], ['a', 'b'], 3)),
      ...sweepCharts(sweepOf([rate, instances, ttl], [null], 2)),
    ];
    for (const c of all) expect(() => compile(c.spec)).not.toThrow();
  });
});
