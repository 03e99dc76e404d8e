/**
 * Pure vega-lite spec builders for the components of a run and the variants' key metrics: the
 * load on each shared component (services, databases, caches), a utilisation heatmap
 * (component × second) and the key metrics as bars with their 95 % confidence intervals.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { Lang } from '../i18n/lang.ts';
import type { MetricEstimate } from '../key-metrics.ts';
import type { ReportData } from '../report-data-types.ts';
import {
  barLabels,
  barScale,
  chartSpec,
  itemDashes,
  variantColor,
  viewOrFacet,
} from './chart-parts.ts';
import { CHART_WIDTH, colourScale, r4, timeX } from './chart-style.ts';
import { valuesIn } from './chart-words.ts';
import { hasVariants, SERIES_LINE, variantLabel, windowBands, windowRows } from './charts.ts';
import { bucketBySecond, bucketSeconds, meanOf, resolutionOf, thinningNote } from './thinning.ts';
import { UTILISATION_STOPS } from './topology.ts';

const KIND_ORDER = ['service', 'database', 'cache'];
const KIND_LABELS: Record<string, string> = {
  service: 'services',
  database: 'databases',
  cache: 'caches',
};
const kindLabel = (kind: string): string => KIND_LABELS[kind] ?? kind;

/** Every component of every variant, once: services first, then databases, caches, others. */
export function componentsOf(data: ReportData): { id: string; kind: string }[] {
  const seen = new Map<string, string>();
  for (const v of data.variants)
    for (const c of v.summary.components) if (!seen.has(c.id)) seen.set(c.id, c.kind);
  const rank = (kind: string) => {
    const i = KIND_ORDER.indexOf(kind);
    return i < 0 ? KIND_ORDER.length : i;
  };
  return [...seen]
    .map(([id, kind], i) => ({ id, kind, i }))
    .sort((a, b) => rank(a.kind) - rank(b.kind) || a.i - b.i)
    .map(({ id, kind }) => ({ id, kind }));
}

/**
 * The load on each shared component: arrivals per second after the warm-up as horizontal
 * bars, variants side by side, one panel per kind (services, databases, caches).
 */
export function componentLoadChart(data: ReportData, lang: Lang = 'en'): TopLevelSpec {
  const names = data.variants.map((v) => variantLabel(data, v));
  const order = componentsOf(data);
  const rows = data.variants.flatMap((v) =>
    v.summary.components.map((c) => ({
      variant: variantLabel(data, v),
      component: c.id,
      kind: kindLabel(c.kind),
      arrivalsPerSec: r4(c.arrivalsPerSec),
      utilisation: r4(c.utilisation),
    })),
  );
  const kinds = [...new Set(order.map((c) => kindLabel(c.kind)))];
  const y = {
    field: 'component',
    type: 'nominal',
    sort: order.map((c) => c.id),
    title: null,
    scale: { paddingInner: 0.2 },
    axis: { labelFontSize: 15 },
  };
  const yOffset = { field: 'variant', type: 'nominal', sort: names };
  const x = { field: 'arrivalsPerSec', type: 'quantitative', title: 'load (arrivals/s)' };
  const color = variantColor(colourScale(names), { legend: names.length > 1 ? {} : null });
  const tooltip = [
    { field: 'component', type: 'nominal' },
    { field: 'variant', type: 'nominal' },
    { field: 'arrivalsPerSec', type: 'quantitative', title: 'arrivals/s', format: ',.1f' },
    { field: 'utilisation', type: 'quantitative', format: '.1%' },
  ];
  // a fixed height: with yOffset, a height step would size each variant's bar, not the group
  const bar = names.length > 1 ? Math.max(8, Math.min(18, Math.floor(90 / names.length))) : 22;
  const perComponent = bar * names.length + 12;
  // one panel per kind (vconcat, so each has its own components on y and all share x)
  const labels = barLabels({ y, yOffset, x }, 'arrivalsPerSec', ',.0f', 'datum.arrivalsPerSec > 0');
  // no label layer in a panel where nothing had load: an empty layer warns of an infinite extent
  const loaded = (kind: string) => rows.some((r) => r.kind === kind && (r.arrivalsPerSec ?? 0) > 0);
  // a kind whose loads span more than 10× gets a log axis of its own (chart-parts.ts barScale)
  const scaleOf = (kind: string) =>
    barScale(rows.filter((r) => r.kind === kind).map((r) => r.arrivalsPerSec));
  const anyLog = kinds.some((k) => scaleOf(k).scale !== null);
  const panel = (kind: string) => {
    const { note, encoding: logScale } = scaleOf(kind);
    const px = note ? { ...x, title: `load (arrivals/s, ${note})`, ...logScale } : x;
    return {
      title: { text: kind, fontSize: 16, anchor: 'start', offset: 6 },
      transform: [{ filter: { field: 'kind', equal: kind } }],
      width: CHART_WIDTH - 180,
      height: perComponent * order.filter((c) => kindLabel(c.kind) === kind).length,
      layer: [
        { mark: { type: 'bar', tooltip: true }, encoding: { y, yOffset, x: px, color, tooltip } },
        ...(loaded(kind) ? [{ ...labels, encoding: { ...labels.encoding, x: px } }] : []),
      ],
    };
  };
  const spec = chartSpec(
    {
      text: 'Load on shared components',
      subtitle:
        'arrivals per second after the warm-up: every visit a service, database or cache had to serve',
    },
    rows,
    {
      vconcat: kinds.map(panel),
      // one x scale for every panel, unless a panel has a log axis of its own: a shared scale
      // cannot be log in one panel and linear (from zero) in another
      resolve: { scale: { y: 'independent', x: anyLog ? 'independent' : 'shared' } },
    },
  );
  // the kinds' words (the panels' key and title) in `lang`
  return valuesIn(lang, ['kind'], spec);
}

/**
 * Utilisation (busy slots / capacity) of every component over simulated time as a heatmap:
 * component × second, colour 0..1; one panel per variant.
 */
export function utilisationHeatmap(data: ReportData): TopLevelSpec {
  const order = componentsOf(data);
  const names = data.variants.map((v) => variantLabel(data, v));
  const cells = data.variants.reduce(
    (a, v) => a + Object.values(v.series.components).reduce((b, p) => b + p.length, 0),
    0,
  );
  const k = bucketSeconds(cells, undefined, resolutionOf(data));
  const rows = data.variants.flatMap((v) =>
    order.flatMap((c) =>
      bucketBySecond(v.series.components[c.id] ?? [], k).map((bucket) => {
        const start = Math.floor(bucket[0].second / k) * k;
        return {
          variant: variantLabel(data, v),
          component: c.id,
          start,
          end: start + k,
          utilisation: r4(meanOf(bucket.map((p) => p.utilisation))),
        };
      }),
    ),
  );
  const unit = {
    width: CHART_WIDTH - 160,
    height: { step: order.length * names.length > 30 ? 15 : 20 },
    mark: { type: 'rect', tooltip: true },
    encoding: {
      x: timeX('start'),
      x2: { field: 'end' },
      y: { field: 'component', type: 'nominal', sort: order.map((c) => c.id), title: null },
      color: {
        field: 'utilisation',
        type: 'quantitative',
        title: 'utilisation',
        // the stops of the topology's node tint, so utilisation looks the same everywhere
        scale: {
          domain: UTILISATION_STOPS.map(([u]) => u),
          range: UTILISATION_STOPS.map(([, c]) => c),
          clamp: true,
          interpolate: 'rgb',
        },
        legend: { format: '.0%', gradientLength: 220 },
      },
      tooltip: [
        { field: 'component', type: 'nominal' },
        { field: 'start', type: 'quantitative', title: 'from second' },
        { field: 'utilisation', type: 'quantitative', format: '.1%' },
      ],
    },
  };
  const title = {
    text: 'Utilisation over time',
    subtitle: [
      'busy threads (services) or connections (databases) / capacity; red = saturated',
      thinningNote(k),
    ].filter((s) => s !== ''),
  };
  const byVariant = {
    facet: {
      row: {
        field: 'variant',
        type: 'nominal',
        sort: names,
        title: null,
        header: { labelAngle: 0, labelAlign: 'left', labelAnchor: 'start', labelOrient: 'top' },
      },
    },
  };
  return viewOrFacet(title, rows, unit, hasVariants(data) ? byVariant : undefined);
}

/** The overall key metrics shown with confidence intervals, in this order. */
export const KEY_METRICS = [
  'p50Ms',
  'p99Ms',
  'p999Ms',
  'meanMs',
  'throughputPerSec',
  'errorRate',
  'callsPerRequest',
  'dbRowsPerRequest',
  'dbQueriesPerSec',
  'cacheHitRatio',
] as const;

/** A panel's title: the metric's label and its unit ("p99 (ms)", "throughput (per s)"). */
function panelTitle(label: string, unit: string): string {
  if (unit === 'ms') return `${label} (ms)`;
  if (unit === 'ratio') return `${label} (%)`;
  if (unit === 'per-sec' && !label.includes('/s')) return `${label} (per s)`;
  return label;
}

/** Columns (3 to 5) that leave the fewest empty cells in a grid of `n` panels (more when tied). */
function gridColumns(n: number): number {
  if (n <= 4) return Math.max(1, n);
  const empty = (c: number) => Math.ceil(n / c) * c - n;
  return [5, 4, 3].reduce((best, c) => (empty(c) < empty(best) ? c : best));
}

/** The overall estimate of `metric` in `estimates`, if any. */
export function overallEstimate(
  estimates: readonly MetricEstimate[],
  metric: string,
): MetricEstimate | undefined {
  return estimates.find((e) => e.scope === 'overall' && e.metric === metric);
}

/**
 * The variants' overall key metrics as bars (the mean over replications) with 95 % confidence
 * intervals as error bars, one panel per metric; metrics that are 0 in every variant are left out.
 */
export function keyMetricsCiChart(data: ReportData, lang: Lang = 'en'): TopLevelSpec {
  const names = data.variants.map((v) => variantLabel(data, v));
  const rows: Record<string, string | number | null>[] = [];
  const panels: string[] = [];
  for (const metric of KEY_METRICS) {
    const found = data.variants.map((v) => overallEstimate(v.estimates, metric));
    if (found.every((e) => e === undefined || !e.estimate.mean)) continue;
    const first = found.find((e) => e !== undefined) as MetricEstimate;
    const scale = first.unit === 'ratio' ? 100 : 1;
    const panel = panelTitle(first.label, first.unit);
    panels.push(panel);
    found.forEach((e, i) => {
      if (e === undefined) return;
      const s = (x: number | null) => (x === null ? null : r4(x * scale));
      rows.push({
        metric: panel,
        variant: names[i],
        mean: s(e.estimate.mean),
        lo: s(e.estimate.lo),
        hi: s(e.estimate.hi),
        n: e.estimate.n,
      });
    });
  }
  const x = {
    field: 'variant',
    type: 'nominal',
    sort: names,
    title: null,
    axis: { labels: false, ticks: false },
  };
  const columns = gridColumns(panels.length);
  const intervals = data.replications > 1;
  // one view per metric (not a facet), so that a metric whose variants span more than 10× gets
  // a log scale of its own (chart-parts.ts barScale) while the others stay linear
  const view = (panel: string) => {
    const mine = rows.filter((r) => r.metric === panel);
    const {
      scale,
      note,
      encoding: logScale,
    } = barScale(mine.flatMap((r) => [r.mean, r.lo, r.hi] as (number | null)[]));
    // a log axis cannot place an interval's low end at or below 0 (the t-interval of a few
    // replications that differ widely can reach below 0): on a log panel the whisker is drawn
    // from `whiskerLo`, the low end lowered to the axis' bottom (the power of ten below the
    // panel's smallest positive value, where vega-lite's nice log domain starts), so a cut
    // whisker runs off the axis rather than seem to end at a real bound; the tooltip keeps the
    // interval as computed
    const log = scale?.type === 'log';
    if (log) {
      const positive = mine
        .flatMap((r) => [r.mean, r.lo, r.hi])
        .filter((v): v is number => typeof v === 'number' && v > 0);
      const bottom = 10 ** Math.floor(Math.log10(Math.min(...positive)));
      for (const r of mine) r.whiskerLo = typeof r.lo === 'number' && r.lo <= 0 ? bottom : r.lo;
    }
    // the whiskers share the bars' scale; only the bars take `stack: null`
    const y = (field: string, bars = false) => ({
      field,
      type: 'quantitative',
      title: null,
      ...(bars ? logScale : scale ? { scale } : {}),
    });
    return {
      title: { text: note ? `${panel}, ${note}` : panel, fontSize: 14 },
      transform: [{ filter: { field: 'metric', equal: panel } }],
      width: Math.floor(CHART_WIDTH / columns) - 70,
      height: 170,
      layer: [
        {
          mark: { type: 'bar', tooltip: true },
          encoding: {
            x,
            y: y('mean', true),
            color: variantColor(colourScale(names)),
            tooltip: [
              { field: 'variant', type: 'nominal' },
              { field: 'metric', type: 'nominal' },
              { field: 'mean', type: 'quantitative', format: ',.3~f' },
              { field: 'lo', type: 'quantitative', title: '95 % CI low', format: ',.3~f' },
              { field: 'hi', type: 'quantitative', title: '95 % CI high', format: ',.3~f' },
            ],
          },
        },
        // whiskers only with intervals: a layer of nulls would warn of an infinite extent
        ...(intervals
          ? [
              {
                mark: { type: 'errorbar', ticks: { size: 10 }, color: '#111827', thickness: 2 },
                encoding: { x, y: y(log ? 'whiskerLo' : 'lo'), y2: { field: 'hi' } },
              },
            ]
          : []),
      ],
    };
  };
  const spec = chartSpec(
    {
      text: 'Key metrics per variant',
      subtitle: intervals
        ? `bars: mean of ${data.replications} replications; whiskers: 95 % confidence interval`
        : 'one replication: no confidence intervals (run with --replications 5 to get them)',
    },
    rows,
    {
      concat: panels.map(view),
      columns,
      resolve: { scale: { y: 'independent' } },
    },
  );
  // the metrics' labels (the panels' key, shown in the tooltips) in `lang`
  return valuesIn(lang, ['metric'], spec);
}

/**
 * Instances serving over simulated time of every component whose count changed in some
 * variant (autoscaling, scheduled `scale:`), one step line per variant × component (the count
 * holds over its second); null when no component changed. The warm-up is shaded grey.
 */
export function instancesChart(data: ReportData, lang: Lang = 'en'): TopLevelSpec | null {
  const changed = componentsOf(data)
    .map((c) => c.id)
    .filter((id) =>
      data.variants.some((v) => {
        const points = v.series.components[id] ?? [];
        return points.some((p) => p.instances !== points[0].instances);
      }),
    );
  if (changed.length === 0) return null;
  const names = data.variants.map((v) => variantLabel(data, v));
  const total = data.variants.reduce(
    (a, v) => a + changed.reduce((b, id) => b + (v.series.components[id]?.length ?? 0), 0),
    0,
  );
  const k = bucketSeconds(total);
  const rows = data.variants.flatMap((v) =>
    changed.flatMap((id) =>
      bucketBySecond(v.series.components[id] ?? [], k).map((bucket) => ({
        variant: variantLabel(data, v),
        component: id,
        second: Math.floor(bucket[0].second / k) * k,
        instances: r4(meanOf(bucket.map((p) => p.instances))),
      })),
    ),
  );
  const several = changed.length > 1;
  return chartSpec(
    {
      text: 'Instances over time',
      subtitle: [
        `instances serving at the end of each second${several ? '; one dash per component' : `: ${changed[0]}`}; grey: the warm-up`,
        thinningNote(k),
      ].filter((s) => s !== ''),
    },
    rows,
    {
      width: CHART_WIDTH,
      height: 220,
      layer: [
        ...windowBands(windowRows(data, [], lang)),
        {
          mark: SERIES_LINE,
          encoding: {
            x: timeX(),
            y: {
              field: 'instances',
              type: 'quantitative',
              title: 'instances',
              scale: { zero: true },
              axis: { tickMinStep: 1, format: 'd' },
            },
            color: variantColor(colourScale(names)),
            ...itemDashes(several, 'component'),
            tooltip: [
              { field: 'variant', type: 'nominal' },
              { field: 'component', type: 'nominal' },
              { field: 'second', type: 'quantitative', title: 'second' },
              { field: 'instances', type: 'quantitative', format: ',.1~f' },
            ],
          },
        },
      ],
    },
  );
}
