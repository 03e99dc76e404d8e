/**
 * Pure vega-lite spec builders of the HTML report: ReportData in, a vega-lite v6 spec out, with
 * its data inline (`data.values`) and at most ~2,000 points (long series are averaged over
 * buckets of seconds, deterministically). Latency, throughput and error charts are here;
 * the component charts (load, utilisation, key metrics with CIs) are in component-charts.ts.
 * A chart of a report feature: a builder in its folder (features/<name>/), listed in its page part.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { LatencyStats } from '../../metrics/histogram.ts';
import type { Lang } from '../i18n/lang.ts';
import { t, term } from '../i18n/t.ts';
import type { ReportData, VariantReport } from '../report-data-types.ts';
import { barScale, chartSpec, variantColor, viewOrFacet } from './chart-parts.ts';
import { CHART_WIDTH, colourScale, r4, timeX } from './chart-style.ts';
import { textEm } from './text-em.ts';
import { bucketBySecond, bucketSeconds, meanOf, resolutionOf, thinningNote } from './thinning.ts';

/** The name a variant goes by in charts: its own, or the scenario's when it has none. */
export function variantLabel(data: ReportData, v: VariantReport): string {
  return v.variant ?? data.scenario.name;
}

/** Whether the scenario has variants (then charts colour by variant, else by endpoint). */
export function hasVariants(data: ReportData): boolean {
  return data.variants.some((v) => v.variant !== null);
}

/** The label of the all-endpoints group in charts. */
export const OVERALL_LABEL = 'all endpoints';

/** The endpoints a variant's charts show: each entry endpoint, plus 'overall' when there are several. */
function endpointKeys(v: VariantReport): string[] {
  const names = v.summary.endpoints.map((e) => e.endpoint);
  return names.length > 1 ? [...names, 'overall'] : names;
}

/** An endpoint as charts name it: its own name, the all-endpoints group's words in `lang`. */
const endpointLabel = (key: string, lang: Lang): string =>
  key === 'overall' ? term(lang, OVERALL_LABEL) : key;

const PERCENTILES = [
  { label: 'p50', field: 'p50Ms' },
  { label: 'p90', field: 'p90Ms' },
  { label: 'p99', field: 'p99Ms' },
  { label: 'p99.9', field: 'p999Ms' },
] as const;

/**
 * Latency percentiles (p50/p90/p99/p99.9) of successful requests per entry endpoint, as
 * grouped bars with the variants side by side; one panel per endpoint (each with its own
 * scale) when there are several.
 */
export function latencyPercentileChart(data: ReportData, lang: Lang = 'en'): TopLevelSpec {
  const names = data.variants.map((v) => variantLabel(data, v));
  const rows: Record<string, string | number | null>[] = [];
  const endpoints: string[] = [];
  for (const v of data.variants) {
    const groups = new Map<string, LatencyStats>(
      v.summary.endpoints.map((e) => [e.endpoint, e.latency]),
    );
    groups.set('overall', v.summary.overall.latency);
    for (const key of endpointKeys(v)) {
      const label = endpointLabel(key, lang);
      if (!endpoints.includes(label)) endpoints.push(label);
      const latency = groups.get(key);
      for (const p of PERCENTILES) {
        rows.push({
          endpoint: label,
          variant: variantLabel(data, v),
          percentile: p.label,
          ms: r4(latency?.[p.field] ?? null),
        });
      }
    }
  }
  const columns = Math.min(3, endpoints.length);
  // p50 to p99.9 often span more than 10×: then a log scale, so the short bars stay readable
  const { note, encoding: logScale } = barScale(rows.map((r) => r.ms as number | null));
  const unit = {
    // a fixed width: with xOffset, a width step would size each variant's bar, not the group
    width: columns <= 1 ? CHART_WIDTH - 160 : Math.floor((CHART_WIDTH + 40) / columns) - 60,
    height: 300,
    mark: { type: 'bar', tooltip: true },
    encoding: {
      x: {
        field: 'percentile',
        type: 'nominal',
        sort: PERCENTILES.map((p) => p.label),
        title: null,
        axis: { labelAngle: 0, labelFontSize: 15 },
      },
      xOffset: { field: 'variant', type: 'nominal', sort: names },
      y: {
        field: 'ms',
        type: 'quantitative',
        title: note ? `latency (ms, ${note})` : 'latency (ms)',
        ...logScale,
      },
      color: variantColor(colourScale(names), { legend: names.length > 1 ? {} : null }),
      tooltip: [
        { field: 'endpoint', type: 'nominal' },
        { field: 'variant', type: 'nominal' },
        { field: 'percentile', type: 'nominal' },
        { field: 'ms', type: 'quantitative', title: 'latency (ms)', format: ',.2f' },
      ],
    },
  } as const;
  const title = {
    text: 'Latency percentiles per endpoint',
    subtitle: 'successful requests after the warm-up; shorter is better',
  };
  const layout =
    endpoints.length <= 1
      ? undefined
      : { facet: { field: 'endpoint', type: 'nominal', sort: endpoints, title: null }, columns };
  return viewOrFacet(title, rows, unit, layout, { scale: { y: 'independent' } });
}

/**
 * The latency distribution of successful requests as a CDF: x = latency (ms, log scale),
 * y = percentile. One line per variant (all endpoints); without variants one per endpoint.
 */
export function latencyCdfChart(data: ReportData, lang: Lang = 'en'): TopLevelSpec {
  const rows: { series: string; p: number; ms: number }[] = [];
  const series: string[] = [];
  const add = (name: string, quantiles: { p: number; ms: number }[] | undefined) => {
    series.push(name);
    for (const q of quantiles ?? []) {
      if (q.ms > 0) rows.push({ series: name, p: q.p, ms: q.ms });
    }
  };
  if (hasVariants(data)) {
    for (const v of data.variants) add(variantLabel(data, v), v.distributions.overall);
  } else {
    const v = data.variants[0];
    for (const key of endpointKeys(v)) add(endpointLabel(key, lang), v.distributions[key]);
  }
  const by = hasVariants(data) ? 'variant' : 'endpoint';
  return chartSpec(
    {
      text: 'Latency distribution (CDF)',
      subtitle: `share of successful requests at or below each latency, per ${by}; further left is faster, the top is the tail`,
    },
    rows,
    {
      width: CHART_WIDTH,
      height: 380,
      // straight segments between the measured quantiles: a smoothing curve would invent some
      mark: { type: 'line', point: { size: 36 }, interpolate: 'linear', tooltip: true },
      encoding: {
        x: {
          field: 'ms',
          type: 'quantitative',
          scale: { type: 'log' },
          title: 'latency (ms, log scale)',
        },
        y: {
          field: 'p',
          type: 'quantitative',
          scale: { domain: [0, 100] },
          title: 'percentile (% of requests at or below)',
        },
        color: { field: 'series', type: 'nominal', title: by, scale: colourScale(series) },
        order: { field: 'p', type: 'quantitative' },
        tooltip: [
          { field: 'series', type: 'nominal', title: by },
          { field: 'p', type: 'quantitative', title: 'percentile' },
          { field: 'ms', type: 'quantitative', title: 'latency (ms)', format: ',.2f' },
        ],
      },
    },
  );
}

/** A window of simulated time shaded in the time-series charts. */
export interface TimeWindow {
  startMs: number;
  endMs: number;
  label: string;
}

/**
 * The fault windows of every variant, once each, labelled "db-down: crash on orders-db" (in
 * `lang`: the fault's name, kind and targets as written), in time order (for
 * `TimeSeriesOptions.faults`).
 */
export function faultWindows(data: ReportData, lang: Lang = 'en'): TimeWindow[] {
  // one window per fault and time; its targets in every variant ("orders-db / shared-db")
  const byWindow = new Map<
    string,
    { startMs: number; endMs: number; fault: string; kind: string; targets: string[] }
  >();
  for (const v of data.variants) {
    for (const f of v.faults ?? []) {
      for (const w of f.windows) {
        const key = `${w.startMs}|${w.endMs}|${f.id}|${f.kind}`;
        const entry = byWindow.get(key) ?? { ...w, fault: f.id, kind: f.kind, targets: [] };
        if (!entry.targets.includes(f.target)) entry.targets.push(f.target);
        byWindow.set(key, entry);
      }
    }
  }
  return [...byWindow.values()]
    .map(({ startMs, endMs, fault, kind, targets }) => {
      const label = t(lang, 'chart.faultWindow', { fault, kind, targets: targets.join(' / ') });
      return { startMs, endMs, label };
    })
    .sort((a, b) => a.startMs - b.startMs || a.endMs - b.endMs);
}

/** Options of the time-series chart. */
export interface TimeSeriesOptions {
  /** Fault windows to shade (red) in every panel (the report passes `faultWindows(data)`). Default none. */
  faults?: readonly TimeWindow[];
  /** The language of the words it writes into its data (i18n/). Default English. */
  lang?: Lang;
}

interface SeriesRow {
  series: string;
  second: number;
  okPerSec: number | null;
  errorsPerSec: number | null;
  p50Ms: number | null;
  p99Ms: number | null;
}

/**
 * One row per bucket of `k` seconds of `points`, each point `widthS` seconds of the run (means;
 * latency over points with successes; counts per point divided by its width: per second). A
 * bucket without a successful request has no latency: null, drawn as a gap, never as a ramp.
 */
function seriesRows(
  name: string,
  points: VariantReport['series']['requests'][string],
  k: number,
  widthS: number,
): SeriesRow[] {
  return bucketBySecond(points, k).map((bucket) => {
    const ok = bucket.filter((p) => p.ok > 0);
    const perSec = (x: number | null) => (x === null ? null : x / widthS);
    return {
      series: name,
      second: Math.floor(bucket[0].second / k) * k,
      okPerSec: r4(perSec(meanOf(bucket.map((p) => p.ok)))),
      errorsPerSec: r4(perSec(meanOf(bucket.map((p) => p.rejected + p.timedOut + p.failed)))),
      p50Ms: positiveOrNull(r4(meanOf(ok.map((p) => p.p50Ms)))),
      p99Ms: positiveOrNull(r4(meanOf(ok.map((p) => p.p99Ms)))),
    };
  });
}

/** `x` when it is above 0 (a latency a log axis can draw), else null (a gap). */
const positiveOrNull = (x: number | null): number | null => (x !== null && x > 0 ? x : null);

/**
 * The line mark of every over-time chart of a per-second series. Point s of a series counts
 * what happened in [s, s + 1) (buckets of k seconds: [s, s + k)), so the value is held over its
 * second (`step-after`): a drop that starts with a fault at second 30 is drawn at 30, where a
 * line from point 29 to point 30 would start it a second early; no smoothing (a monotone or
 * basis curve overshoots and invents values between the seconds). A null (no data: no
 * successful request, so no latency) breaks the line rather than joining its neighbours.
 */
export const SERIES_LINE = {
  type: 'line',
  interpolate: 'step-after',
  invalid: 'break-paths-filter-domains',
  tooltip: true,
  clip: true,
} as const;

/** The height of a time chart's panel (px). */
const PANEL_HEIGHT = 170;

/**
 * The first panel's room for the fault labels at its top: a scale whose maximum lifts the
 * highest throughput below the lines of labels, at most half the panel (none without a fault
 * label, or without a value).
 */
function labelRoom(rows: readonly SeriesRow[], windows: readonly WindowRow[]): object {
  let lines = 0;
  for (const w of windows) if (w.kind === 'fault') lines = Math.max(lines, w.line + 1);
  let top = 0;
  for (const r of rows) top = Math.max(top, r.okPerSec ?? 0);
  if (lines === 0 || top === 0) return {};
  const labelsPx = Math.min(4 + lines * FAULT_LABEL.line, PANEL_HEIGHT / 2);
  return { scale: { domainMax: r4((top * PANEL_HEIGHT) / (PANEL_HEIGHT - labelsPx)) } };
}

/** A fault's label at the top of its band: its offset, size, room kept after it and line height (px). */
const FAULT_LABEL = { dx: 4, fontSize: 13, gap: 8, line: 16 } as const;

/** A shaded window of a time chart, in seconds: the warm-up or a fault. */
export interface WindowRow {
  start: number;
  end: number;
  label: string;
  kind: string;
  /**
   * The line of its label (0: the top), below the labels of earlier windows still open or whose
   * label still runs when it starts.
   */
  line: number;
}

/**
 * The warm-up (grey) and the fault windows (red) as rows for the shading layers, their labels
 * in `lang` (`kind` is the layers' key: English in every language).
 */
export function windowRows(
  data: ReportData,
  faults: readonly TimeWindow[],
  lang: Lang = 'en',
): WindowRow[] {
  const warmupMs = data.variants[0]?.summary.scenario.warmupMs ?? 0;
  // a fault's label takes the first line (from the top) on which no earlier window is still
  // open when it starts and no earlier label still runs: its text's width estimated in Node
  // (text-em.ts) over a panel as wide as the run
  const msPerPx = (data.variants[0]?.summary.scenario.durationMs ?? 0) / CHART_WIDTH;
  const taken: number[] = []; // per line, when its last window and label end (ms)
  const rows = faults.map((f) => {
    let line = taken.findIndex((until) => until <= f.startMs);
    if (line === -1) line = taken.length;
    const labelPx = FAULT_LABEL.dx + textEm(f.label) * FAULT_LABEL.fontSize + FAULT_LABEL.gap;
    taken[line] = Math.max(f.endMs, f.startMs + labelPx * msPerPx);
    return { start: f.startMs / 1000, end: f.endMs / 1000, label: f.label, kind: 'fault', line };
  });
  if (warmupMs > 0) {
    const label = term(lang, 'warm-up (not counted)');
    rows.unshift({ start: 0, end: warmupMs / 1000, label, kind: 'warm-up', line: 0 });
  }
  return rows;
}

/**
 * The layers that shade `windows` behind a time chart (x = seconds): grey for the warm-up, red
 * for faults, each with its label as a tooltip; none for a kind without windows.
 */
export function windowBands(windows: readonly WindowRow[]): object[] {
  // Fixed mark colours rather than a colour encoding, so the bands never join the series' scale.
  const band = (kind: string, colour: string) => ({
    data: { values: windows },
    transform: [{ filter: { field: 'kind', equal: kind } }],
    mark: { type: 'rect', color: colour, opacity: 0.55 },
    encoding: {
      x: { field: 'start', type: 'quantitative' },
      x2: { field: 'end' },
      tooltip: { field: 'label', type: 'nominal' },
    },
  });
  // a band layer only when it has windows (an empty one warns of an infinite extent)
  const bandColours = { 'warm-up': '#e5e7eb', fault: '#fecaca' } as const;
  return (['warm-up', 'fault'] as const)
    .filter((kind) => windows.some((w) => w.kind === kind))
    .map((kind) => band(kind, bandColours[kind]));
}

/**
 * Per-second throughput, p50/p99 latency and errors over simulated time, in three panels that
 * share the time axis; one line per variant (overall) or, without variants, per endpoint. The
 * warm-up is shaded grey; `options.faults` are shaded red.
 */
export function timeSeriesChart(data: ReportData, options: TimeSeriesOptions = {}): TopLevelSpec {
  const { lang = 'en' } = options;
  const byVariant = hasVariants(data);
  const sources: [string, VariantReport['series']['requests'][string]][] = byVariant
    ? data.variants.map((v) => [variantLabel(data, v), v.series.requests.overall ?? []])
    : endpointKeys(data.variants[0]).map((key) => [
        endpointLabel(key, lang),
        data.variants[0].series.requests[key] ?? [],
      ]);
  const total = sources.reduce((a, [, points]) => a + points.length, 0);
  const widthS = resolutionOf(data);
  const k = bucketSeconds(total, undefined, widthS);
  const rows = sources.flatMap(([name, points]) => seriesRows(name, points, k, widthS));
  const names = sources.map(([name]) => name);
  const by = byVariant ? 'variant' : 'endpoint';
  const windows = windowRows(data, options.faults ?? [], lang);
  const x = timeX();
  const color = { field: 'series', type: 'nominal', title: by, scale: colourScale(names) } as const;
  const shading = windowBands(windows);
  const line = SERIES_LINE;
  // each fault's name at the top of its band, in the first panel
  const faultNames = windows.some((w) => w.kind === 'fault')
    ? [
        {
          data: { values: windows },
          transform: [
            { filter: { field: 'kind', equal: 'fault' } },
            { calculate: `datum.line * ${FAULT_LABEL.line}`, as: 'top' },
          ],
          mark: {
            type: 'text',
            align: 'left',
            baseline: 'top',
            dx: FAULT_LABEL.dx,
            dy: 4,
            fontSize: FAULT_LABEL.fontSize,
            fontWeight: 600,
            color: '#991b1b',
          },
          encoding: {
            x: { field: 'start', type: 'quantitative' },
            // pixels from the top: one 16 px line per overlapping window before it
            y: { field: 'top', type: 'quantitative', scale: null },
            text: { field: 'label' },
          },
        },
      ]
    : [];
  const panel = (
    y: object,
    more: { transform?: object[]; encoding?: object; notes?: object[] } = {},
  ) => ({
    width: CHART_WIDTH,
    height: PANEL_HEIGHT,
    layer: [
      ...shading,
      { transform: more.transform ?? [], mark: line, encoding: { x, y, color, ...more.encoding } },
      ...(more.notes ?? []),
    ],
  });
  const latency = panel(
    { field: 'ms', type: 'quantitative', scale: { type: 'log' }, title: 'latency (ms, log)' },
    {
      transform: [
        // nulls stay (seconds without a success): the line breaks there
        { fold: ['p50Ms', 'p99Ms'], as: ['key', 'ms'] },
        { calculate: "datum.key === 'p50Ms' ? 'p50' : 'p99'", as: 'percentile' },
      ],
      encoding: {
        // p50 solid, p99 dashed
        strokeDash: {
          field: 'percentile',
          type: 'nominal',
          title: 'percentile',
          scale: {
            domain: ['p50', 'p99'],
            range: [
              [1, 0],
              [6, 3],
            ],
          },
        },
      },
    },
  );
  const noErrors = rows.every((r) => !r.errorsPerSec);
  return chartSpec(
    {
      text: 'Over time: throughput, latency and errors',
      subtitle: [
        `per ${by}, per second of simulated time; grey: the warm-up${options.faults?.length ? '; red: faults' : ''}${noErrors ? '; no errors' : ''}`,
        'each step holds one second’s value; a gap in latency: no successful request that second',
        // unlike the summary's (answered requests only): what the clients waited, series.ts
        'latency: every request that finished that second, a timed-out one at its timeout',
        thinningNote(k),
      ].filter((s) => s !== ''),
    },
    rows,
    {
      vconcat: [
        panel(
          {
            field: 'okPerSec',
            type: 'quantitative',
            title: 'successful (req/s)',
            ...labelRoom(rows, windows),
          },
          { notes: faultNames },
        ),
        latency,
        panel({
          field: 'errorsPerSec',
          type: 'quantitative',
          title: 'errors (req/s)',
          // an all-zero series would get a degenerate axis: show 0..1 instead
          ...(noErrors ? { scale: { domain: [0, 1] }, axis: { tickCount: 2 } } : {}),
        }),
      ],
      resolve: { scale: { x: 'shared' } },
    },
  );
}
