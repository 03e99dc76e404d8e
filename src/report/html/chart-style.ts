/**
 * What every chart of the HTML report shares: the vega-lite schema string (never fetched), a
 * configuration with large fonts (reports are projected on a wall in workshops), one colour
 * per variant in scenario order, and deterministic thinning of long series so a chart carries
 * at most ~2,000 points inline.
 */
import type { Config } from 'vega-lite';

/** The vega-lite schema named by every spec: a label for editors; nothing fetches it. */
export const VEGA_LITE_SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';

/** The system font stack of the page, used in the charts and the topology diagram too. */
export const FONT_STACK =
  'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';

/**
 * Variant colours, in scenario order (d3's category10: strong, distinct hues that survive a
 * projector). A variant keeps its colour in every chart and table of a report.
 */
export const VARIANT_COLOURS: readonly string[] = [
  '#1f77b4',
  '#ff7f0e',
  '#2ca02c',
  '#d62728',
  '#9467bd',
  '#8c564b',
  '#e377c2',
  '#7f7f7f',
  '#bcbd22',
  '#17becf',
];

/** The colour of the variant (or series) at `index`, cycling after ten. */
export function variantColour(index: number): string {
  return VARIANT_COLOURS[index % VARIANT_COLOURS.length];
}

/** A colour scale that gives each name of `domain` its colour by position. */
export function colourScale(domain: readonly string[]): { domain: string[]; range: string[] } {
  return { domain: [...domain], range: domain.map((_, i) => variantColour(i)) };
}

/** The most points (data rows) a chart carries inline before its series are thinned. */
export const MAX_POINTS_PER_CHART = 2000;

/** The chart width in pixels, sized for the page's content column. */
export const CHART_WIDTH = 880;

/** The configuration of every chart: readable fonts, light grid, legends on top. */
export const CHART_CONFIG: Config = {
  font: FONT_STACK,
  background: 'white',
  padding: 8,
  title: {
    fontSize: 20,
    fontWeight: 600,
    anchor: 'start',
    offset: 14,
    subtitleFontSize: 14,
    subtitleColor: '#4b5563',
    subtitlePadding: 6,
  },
  axis: {
    labelFontSize: 14,
    titleFontSize: 15,
    titleFontWeight: 600,
    titleColor: '#1f2937',
    labelColor: '#374151',
    gridColor: '#e5e7eb',
    domainColor: '#9ca3af',
    tickColor: '#9ca3af',
    labelLimit: 260,
  },
  legend: {
    labelFontSize: 14,
    titleFontSize: 15,
    titleFontWeight: 600,
    orient: 'top',
    symbolSize: 160,
    labelLimit: 320,
  },
  header: { labelFontSize: 16, labelFontWeight: 600, titleFontSize: 16 },
  view: { stroke: '#e5e7eb' },
  bar: { cornerRadiusEnd: 2 },
  line: { strokeWidth: 2.5 },
};

/**
 * How many consecutive seconds go into one point so that `rows` points become at most
 * MAX_POINTS_PER_CHART (1 = no thinning).
 */
export function bucketSeconds(rows: number, max = MAX_POINTS_PER_CHART): number {
  return rows <= max ? 1 : Math.ceil(rows / max);
}

/**
 * Groups `points` (ordered by second) into buckets of `k` seconds: bucket b holds the points
 * with `Math.floor(second / k) === b`, in order. Deterministic; the last bucket may be short.
 */
export function bucketBySecond<T extends { second: number }>(
  points: readonly T[],
  k: number,
): T[][] {
  const buckets: T[][] = [];
  let current: T[] = [];
  let key = Number.NaN;
  for (const p of points) {
    const b = Math.floor(p.second / k);
    if (b !== key && current.length > 0) {
      buckets.push(current);
      current = [];
    }
    key = b;
    current.push(p);
  }
  if (current.length > 0) buckets.push(current);
  return buckets;
}

/** The mean of `xs` that are finite numbers, or null when there are none. */
export function meanOf(xs: readonly (number | null | undefined)[]): number | null {
  let sum = 0;
  let n = 0;
  for (const x of xs) {
    if (typeof x === 'number' && Number.isFinite(x)) {
      sum += x;
      n++;
    }
  }
  return n > 0 ? sum / n : null;
}

/** `x` rounded to 4 decimals for inline data (null stays null). */
export function r4(x: number | null): number | null {
  if (x === null || !Number.isFinite(x)) return null;
  const r = Math.round(x * 1e4) / 1e4;
  return Object.is(r, -0) ? 0 : r;
}

/** A subtitle line saying how a thinned series was averaged (empty when it was not). */
export function thinningNote(k: number): string {
  return k > 1 ? `each point is the mean of ${k} simulated seconds` : '';
}
