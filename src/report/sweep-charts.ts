/**
 * Pure vega-lite spec builders of sweep.html: SweepData in, one line chart per key metric
 * (overall p50, p99, throughput, error rate, then the utilisation of the busiest components)
 * against the first parameter, coloured by variant, with the 95 % confidence interval as a band
 * (or error bars on a categorical axis) when there are replications. Further parameters become
 * the colour (without variants), small multiples (facets), then separate lines (detail). Data is
 * inline and rounded to 4 decimals; nothing is fetched. Styled like the run report's charts
 * (html/chart-style.ts).
 */
import type { TopLevelSpec } from 'vega-lite';
import { CHART_CONFIG, colourScale, VEGA_LITE_SCHEMA } from './html/chart-style.ts';
import type { Lang } from './i18n/lang.ts';
import { t, term } from './i18n/t.ts';
import type { MetricEstimate, MetricUnit } from './key-metrics.ts';
import { round } from './round.ts';
import type { SweepData, SweepParam } from './sweep-data.ts';

/** A chart of sweep.html: its spec and a caption in plain text. */
export interface SweepChart {
  /** `scope|id|metric` of the key metric drawn. */
  key: string;
  spec: TopLevelSpec;
  caption: string;
}

/** The overall metrics charted, in order. */
const OVERALL: { metric: string; title: string }[] = [
  { metric: 'p50Ms', title: 'p50 latency' },
  { metric: 'p99Ms', title: 'p99 latency' },
  { metric: 'throughputPerSec', title: 'throughput' },
  { metric: 'errorRate', title: 'error rate' },
];

/** How many of the busiest components get a utilisation chart. */
export const BUSIEST_COMPONENTS = 3;

const WIDTH = 640;
const FACET_WIDTH = 300;
const VARIANT_FIELD = 'variant';

/** The charts of a sweep, in page order. */
export function sweepCharts(data: SweepData, lang: Lang = 'en'): SweepChart[] {
  const charts: SweepChart[] = [];
  for (const { metric, title } of OVERALL) {
    const chart = metricChart(data, `overall||${metric}`, term(lang, title), lang);
    if (chart !== undefined) charts.push(chart);
  }
  for (const id of busiestComponents(data, BUSIEST_COMPONENTS)) {
    const title = t(lang, 'sweep.utilisationOf', { id });
    const chart = metricChart(data, `component|${id}|utilisation`, title, lang);
    if (chart !== undefined) charts.push(chart);
  }
  return charts;
}

/**
 * The `count` components with the highest utilisation anywhere in the sweep (mean over
 * replications), busiest first; ties by id.
 */
export function busiestComponents(data: SweepData, count: number): string[] {
  const peak = new Map<string, number>();
  for (const p of data.points)
    for (const e of p.estimates)
      if (e.scope === 'component' && e.metric === 'utilisation')
        peak.set(e.id, Math.max(peak.get(e.id) ?? 0, e.estimate.mean));
  return [...peak]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .slice(0, count)
    .map(([id]) => id);
}

/** How the parameters and variants map to channels. */
interface Layout {
  x: SweepParam;
  colour: { field: string; title: string; sort: string[] } | undefined;
  facet: { field: string; title: string; sort: string[] } | undefined;
  detail: string[];
}

/** Field name of parameter k in the inline data (paths hold dots, which vega-lite reads as nesting). */
const paramField = (k: number): string => `p${k}`;

function layoutOf(data: SweepData): Layout {
  const hasVariants = data.points.some((p) => p.variant !== null);
  const rest = data.params.slice(1).map((p, i) => ({
    field: paramField(i + 1),
    title: p.path,
    sort: p.values.map(String),
  }));
  const variants = [...new Set(data.points.map((p) => p.variant ?? ''))];
  const colour = hasVariants
    ? { field: VARIANT_FIELD, title: 'variant', sort: variants }
    : rest.shift();
  const facet = rest.shift();
  return { x: data.params[0], colour, facet, detail: rest.map((r) => r.field) };
}

/** The chart of key metric `key`, titled `title` (in `lang` already). */
function metricChart(
  data: SweepData,
  key: string,
  title: string,
  lang: Lang,
): SweepChart | undefined {
  const rows: Record<string, unknown>[] = [];
  let unit: MetricUnit = 'count';
  for (const p of data.points) {
    const e = p.estimates.find((x) => x.key === key);
    if (e === undefined) continue;
    unit = e.unit;
    rows.push(rowOf(data, p.values, p.variant, e));
  }
  if (rows.length === 0) return undefined;
  const layout = layoutOf(data);
  const withBands = data.replications > 1 && rows.some((r) => r.lo !== null);
  const layers = chartLayers(layout, unit, axisTitle(title, unit), withBands);
  const subtitle =
    data.replications > 1
      ? t(lang, 'sweep.subtitle.mean', { n: data.replications })
      : t(lang, 'sweep.subtitle.one');
  const head = {
    $schema: VEGA_LITE_SCHEMA,
    title: { text: t(lang, 'sweep.chartTitle', { metric: title, x: layout.x.path }), subtitle },
    data: { values: rows },
    config: CHART_CONFIG,
  };
  const spec = (layout.facet === undefined
    ? { ...head, width: WIDTH, height: 320, layer: layers }
    : {
        ...head,
        facet: { field: layout.facet.field, title: layout.facet.title, sort: layout.facet.sort },
        columns: 2,
        spec: { width: FACET_WIDTH, height: 220, layer: layers },
      }) as unknown as TopLevelSpec;
  return { key, spec, caption: captionOf(data, title, layout, lang) };
}

function rowOf(
  data: SweepData,
  values: SweepData['points'][number]['values'],
  variant: string | null,
  e: MetricEstimate,
): Record<string, unknown> {
  const row: Record<string, unknown> = {};
  data.params.forEach((p, k) => {
    row[paramField(k)] = k === 0 && isNumeric(p) ? values[p.path] : String(values[p.path]);
  });
  row[VARIANT_FIELD] = variant ?? '';
  row.mean = round(e.estimate.mean);
  row.lo = e.estimate.lo === null ? null : round(e.estimate.lo);
  row.hi = e.estimate.hi === null ? null : round(e.estimate.hi);
  row.n = e.estimate.n;
  return row;
}

function isNumeric(p: SweepParam): boolean {
  return p.values.every((v) => typeof v === 'number');
}

function axisTitle(title: string, unit: MetricUnit): string {
  if (unit === 'ms') return `${title} (ms)`;
  if (unit === 'per-sec') return `${title} (per s)`;
  return title;
}

/** The band (or error bars) and the line with points, sharing x, colour and detail. */
function chartLayers(
  layout: Layout,
  unit: MetricUnit,
  yTitle: string,
  withBands: boolean,
): Record<string, unknown>[] {
  const numeric = isNumeric(layout.x);
  const x = numeric
    ? {
        field: 'p0',
        type: 'quantitative',
        title: layout.x.path,
        scale: { zero: false },
        // ticks at the swept values only (no 1.2 instances)
        axis: { values: layout.x.values, format: '~g' },
      }
    : { field: 'p0', type: 'ordinal', title: layout.x.path, sort: layout.x.values.map(String) };
  const shared: Record<string, unknown> = { x };
  if (layout.colour !== undefined)
    shared.color = {
      field: layout.colour.field,
      type: 'nominal',
      title: layout.colour.title,
      sort: layout.colour.sort,
      // the run report's colours, one per variant (or value) in order
      scale: colourScale(layout.colour.sort),
      // below the chart, labels and title never truncated: long variant names stay whole
      legend: {
        orient: 'bottom',
        direction: 'horizontal',
        columns: 3,
        labelLimit: 0,
        titleLimit: 0,
      },
    };
  if (layout.detail.length > 0) shared.detail = layout.detail.map((field) => ({ field }));
  const format = unit === 'ratio' ? '.1%' : ',.4~f';
  const y = { field: 'mean', type: 'quantitative', title: yTitle, axis: { format } };
  const tooltip = [
    { field: 'p0', title: layout.x.path },
    ...(layout.colour ? [{ field: layout.colour.field, title: layout.colour.title }] : []),
    ...(layout.facet ? [{ field: layout.facet.field, title: layout.facet.title }] : []),
    { field: 'mean', format },
    ...(withBands
      ? [
          { field: 'lo', format },
          { field: 'hi', format },
        ]
      : []),
    { field: 'n', title: 'replications' },
  ];
  const line = {
    mark: { type: 'line', point: true },
    encoding: { ...shared, y, tooltip },
  };
  if (!withBands) return [line];
  const band = {
    mark: numeric ? { type: 'errorband', opacity: 0.2 } : { type: 'errorbar', ticks: true },
    encoding: {
      ...shared,
      y: { field: 'lo', type: 'quantitative', title: yTitle },
      y2: { field: 'hi' },
    },
  };
  return [band, line];
}

function captionOf(data: SweepData, title: string, layout: Layout, lang: Lang): string {
  const parts = [t(lang, 'sweep.cap.at', { metric: title, x: layout.x.path })];
  if (layout.colour)
    parts.push(t(lang, 'sweep.cap.colour', { what: term(lang, layout.colour.title) }));
  if (layout.facet) parts.push(t(lang, 'sweep.cap.panel', { what: layout.facet.title }));
  if (layout.detail.length > 0) {
    const paths = data.params.slice(-layout.detail.length).map((p) => p.path);
    parts.push(t(lang, 'sweep.cap.line', { paths: paths.join(', ') }));
  }
  if (data.replications > 1) parts.push(t(lang, 'sweep.cap.band'));
  return `${parts.join('; ')}.`;
}
