/**
 * Chart builders shared by the sections of the issue-18 kinds (report/features/two-phase/,
 * pending/, event-stores/): a distribution as measured quantiles (x = time, y = percentile:
 * straight segments between the quantiles, no smoothing) and bars of a few figures per series.
 * Each series is a variant, or "variant · item" when a variant has several items (two 2PC
 * steps, two stores), coloured by its variant.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { LatencyQuantile } from '../../metrics/histogram.ts';
import type { ReportData, VariantReport } from '../report-data-types.ts';
import { chartSpec } from './chart-parts.ts';
import { CHART_WIDTH, r4, variantColour } from './chart-style.ts';
import { variantLabel } from './charts.ts';

/** One item of one variant, with how charts name it and the colour of its variant. */
export interface SeriesItem<T> {
  series: string;
  colour: string;
  item: T;
}

/** The items `of` every variant lists, named and coloured (variants without any left out). */
export function seriesItems<T extends { id: string }>(
  data: ReportData,
  of: (v: VariantReport) => readonly T[] | undefined,
): SeriesItem<T>[] {
  const found = data.variants.flatMap((v, i) =>
    (of(v) ?? []).map((item) => ({ name: variantLabel(data, v), colour: variantColour(i), item })),
  );
  const several = new Set(found.map((f) => f.item.id)).size > 1;
  return found.map(({ name, colour, item }) => ({
    series: several ? `${name} · ${item.id}` : name,
    colour,
    item,
  }));
}

/** The colour encoding of a chart of series items: each series in its variant's colour. */
export const seriesColour = (items: readonly SeriesItem<unknown>[]) => ({
  field: 'series',
  type: 'nominal',
  title: 'variant',
  scale: { domain: items.map((s) => s.series), range: items.map((s) => s.colour) },
});

/** A distribution chart: the quantiles of each series, x = ms (log when they span 10×). */
export function quantileChart(
  title: { text: string; subtitle: string },
  items: readonly SeriesItem<LatencyQuantile[]>[],
  what: string,
): TopLevelSpec {
  const rows = items.flatMap((s) =>
    s.item.filter((q) => q.ms > 0).map((q) => ({ series: s.series, p: q.p, ms: r4(q.ms) })),
  );
  const ms = rows.map((r) => r.ms as number);
  const log = ms.length > 0 && Math.max(...ms) > 10 * Math.min(...ms);
  return chartSpec(title, rows, {
    width: CHART_WIDTH,
    height: 300,
    // straight segments between the measured quantiles: a smoothing curve would invent some
    mark: { type: 'line', point: { size: 30 }, interpolate: 'linear', tooltip: true },
    encoding: {
      x: {
        field: 'ms',
        type: 'quantitative',
        ...(log ? { scale: { type: 'log' } } : {}),
        title: `${what} (ms${log ? ', log scale' : ''})`,
      },
      y: {
        field: 'p',
        type: 'quantitative',
        scale: { domain: [0, 100] },
        title: 'percentile (% at or below)',
      },
      color: seriesColour(items),
      order: { field: 'p', type: 'quantitative' },
      tooltip: [
        { field: 'series', type: 'nominal', title: 'variant' },
        { field: 'p', type: 'quantitative', title: 'percentile' },
        { field: 'ms', type: 'quantitative', title: `${what} (ms)`, format: ',.2f' },
      ],
    },
  });
}

/** Grouped bars: for each figure (x), one bar per series; `unit` names the y axis. */
export function figureBars(
  title: { text: string; subtitle: string },
  items: readonly SeriesItem<Record<string, number>>[],
  figures: readonly string[],
  unit: string,
  format = ',.2f',
): TopLevelSpec {
  const rows = items.flatMap((s) =>
    figures.map((f) => ({ series: s.series, figure: f, value: r4(s.item[f] ?? null) })),
  );
  const names = items.map((s) => s.series);
  return chartSpec(title, rows, {
    width: Math.min(CHART_WIDTH, 160 + figures.length * Math.max(2, names.length) * 40),
    height: 260,
    mark: { type: 'bar', tooltip: true },
    encoding: {
      x: {
        field: 'figure',
        type: 'nominal',
        sort: [...figures],
        title: null,
        axis: { labelAngle: 0 },
      },
      xOffset: { field: 'series', type: 'nominal', sort: names },
      y: { field: 'value', type: 'quantitative', title: unit },
      color: seriesColour(items),
      tooltip: [
        { field: 'series', type: 'nominal', title: 'variant' },
        { field: 'figure', type: 'nominal' },
        { field: 'value', type: 'quantitative', title: unit, format },
      ],
    },
  });
}
