/**
 * What every chart of the HTML report shares: the vega-lite schema string (never fetched), a
 * configuration with large fonts (reports are projected on a wall in workshops), one colour
 * per variant in scenario order, and inline numbers rounded to 4 decimals. Long series are
 * thinned by thinning.ts.
 */
import type { Config } from 'vega-lite';
import { rounded } from '../round.ts';

/** The vega-lite schema named by every spec: a label for editors; nothing fetches it. */
export const VEGA_LITE_SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';

/**
 * The system font stack of the page, used in the charts and the topology diagram too. The Latin
 * system fonts come first; the CJK ones after them give Hangul (and Han) characters real glyphs
 * where the Latin font has none, instead of empty boxes: Noto Sans CJK KR (Linux, Debian's
 * fonts-noto-cjk), Apple SD Gothic Neo (macOS), Malgun Gothic (Windows), Nanum Gothic.
 */
export const FONT_STACK =
  'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans CJK KR", "Apple SD Gothic Neo", "Malgun Gothic", "Nanum Gothic", sans-serif';

/**
 * Variant colours, in scenario order (d3's category10: strong, distinct hues that survive a
 * projector), without its red: the report keeps red for faults (the bands over time), failures,
 * losses and what got worse, and a fourth variant drawn red over a fault's band read as part of
 * it; an indigo is the tenth. A variant keeps its colour in every chart and table of a report.
 */
export const VARIANT_COLOURS: readonly string[] = [
  '#1f77b4',
  '#ff7f0e',
  '#2ca02c',
  '#9467bd',
  '#8c564b',
  '#e377c2',
  '#7f7f7f',
  '#bcbd22',
  '#17becf',
  '#393b79',
];

/** The colour of the variant (or series) at `index`, cycling after ten. */
export function variantColour(index: number): string {
  return VARIANT_COLOURS[index % VARIANT_COLOURS.length];
}

/** A colour scale that gives each name of `domain` its colour by position. */
export function colourScale(domain: readonly string[]): { domain: string[]; range: string[] } {
  return { domain: [...domain], range: domain.map((_, i) => variantColour(i)) };
}

/** The chart width in pixels, sized for the page's content column. */
export const CHART_WIDTH = 880;

/** The x encoding of simulated time in seconds, read from field `field` (no rounded ends). */
export const timeX = (field = 'second') =>
  ({
    field,
    type: 'quantitative',
    title: 'simulated time (s)',
    scale: { nice: false },
  }) as const;

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

/** `x` rounded to 4 decimals for inline data (null stays null): round.ts's `rounded`. */
export const r4 = rounded;
