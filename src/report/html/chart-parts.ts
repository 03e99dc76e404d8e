/**
 * Pieces of vega-lite specs that several charts of the report share: the colour encoding of
 * the variants, a chart that is one view or a facet of it, a panel of bars stacked by part
 * (outcomes of messages, sagas, transactions; users turned away), and grouped bars with their
 * values written at their ends. Plain objects, in the key order the specs have always had, so
 * the same data gives the same bytes.
 */
import type { TopLevelSpec } from 'vega-lite';
import { CHART_CONFIG, VEGA_LITE_SCHEMA } from './chart-style.ts';

/** The colour of each variant (a legend titled "variant"), with `more` (a legend setting). */
export const variantColor = (
  scale: { domain: string[]; range: string[] },
  more: { legend?: object | null } = {},
) => ({ field: 'variant', type: 'nominal', title: 'variant', scale, ...more });

/**
 * How a line chart of variants tells its items apart (the field `field`): a dash per item, in a
 * legend titled `title`, when there are several; else a line per item and no legend.
 */
export const itemDashes = (several: boolean, field: string, title = field) =>
  several
    ? { strokeDash: { field, type: 'nominal', title } }
    : { detail: { field, type: 'nominal' } };

/**
 * A whole chart: the schema, `title`, `values` as its inline data, the `body` (its marks,
 * encodings, panels, size) and the report's configuration, in that order.
 */
export function chartSpec(title: object, values: readonly object[], body: object): TopLevelSpec {
  return {
    $schema: VEGA_LITE_SCHEMA,
    title,
    data: { values },
    ...body,
    config: CHART_CONFIG,
  } as TopLevelSpec;
}

/**
 * A chart of `rows` under `title`: the one view `unit`, or (with `layout`: a facet and its
 * columns) `unit` repeated per facet value, with `resolve` after it.
 */
export function viewOrFacet(
  title: object,
  rows: readonly object[],
  unit: object,
  layout?: { facet: object; columns?: number },
  resolve?: object,
): TopLevelSpec {
  if (layout === undefined) return chartSpec(title, rows, unit);
  return chartSpec(title, rows, { ...layout, spec: unit, ...(resolve ? { resolve } : {}) });
}

/**
 * Bars whose values span more than this factor (largest over smallest above 0) are drawn on a
 * logarithmic scale: on a linear one, N+1 at 500 ms flattens JOIN at 8 ms and batch+cache at
 * 3 ms into the same sliver.
 */
export const LOG_SCALE_SPAN = 10;

/** Whether the values above 0 of `values` span more than LOG_SCALE_SPAN. */
export function spansOrders(values: readonly (number | null | undefined)[]): boolean {
  let lo = Number.POSITIVE_INFINITY;
  let hi = 0;
  for (const x of values) {
    if (typeof x !== 'number' || !(x > 0) || !Number.isFinite(x)) continue;
    if (x < lo) lo = x;
    if (x > hi) hi = x;
  }
  return hi > 0 && hi / lo > LOG_SCALE_SPAN;
}

/**
 * The value scale of bars over `values`: a log scale when they span more than LOG_SCALE_SPAN
 * (symlog when some are 0, which a log scale cannot place), else none (linear); with the words
 * an axis title adds ("log scale"). `stack: null` goes with a log scale: a stacked bar starts
 * at 0, which a log domain cannot hold (the bars then start at the axis' minimum).
 */
export function barScale(values: readonly (number | null | undefined)[]): {
  scale: { type: 'log' | 'symlog' } | null;
  note: string;
  /** What the bars' value encoding takes: the scale, and `stack: null` with a log scale. */
  encoding: { scale?: { type: 'log' | 'symlog' }; stack?: null };
} {
  if (!spansOrders(values)) return { scale: null, note: '', encoding: {} };
  if (values.some((x) => x === 0)) {
    const scale = { type: 'symlog' } as const;
    return { scale, note: 'symlog scale', encoding: { scale } };
  }
  const scale = { type: 'log' } as const;
  return { scale, note: 'log scale', encoding: { scale, stack: null } };
}

/** What a stacked panel shows. */
export interface StackedPanel {
  /** The rows of the panel's data (a vega-lite filter expression). */
  filter: string;
  /** The x axis title. */
  title: string;
  /** The bars, top to bottom (values of `rowField`). */
  rows: string[];
  /** The parts, in stacking order, with their colours. */
  parts: Record<string, string>;
  width: number;
  /** The field naming each bar (default 'row', shown as "variant" in tooltips). */
  rowField?: 'row' | 'variant';
  /** The tooltip's title of a part (default "outcome"). */
  partTitle?: string;
}

/** A panel of horizontal bars stacked by part, one bar per row, the parts in legend order. */
export function stackedPanel(p: StackedPanel) {
  const domain = Object.keys(p.parts);
  const rowField = p.rowField ?? 'row';
  return {
    transform: [{ filter: p.filter }],
    width: p.width,
    height: { step: 28 },
    mark: { type: 'bar', tooltip: true },
    encoding: {
      y: { field: rowField, type: 'nominal', sort: p.rows, title: null },
      x: { field: 'count', type: 'quantitative', stack: 'zero', title: p.title },
      color: {
        field: 'part',
        type: 'nominal',
        title: null,
        scale: { domain, range: domain.map((part) => p.parts[part]) },
      },
      // stacked in legend order, not alphabetically
      order: { field: 'rank', type: 'quantitative', sort: 'ascending' },
      tooltip: [
        rowField === 'row'
          ? { field: 'row', type: 'nominal', title: 'variant' }
          : { field: rowField, type: 'nominal' },
        { field: 'part', type: 'nominal', title: p.partTitle ?? 'outcome' },
        { field: 'count', type: 'quantitative', format: ',.0f' },
      ],
    },
  };
}

/** The entries of `parts` named in `names`, in that order. */
export const partsNamed = (parts: Record<string, string>, names: readonly string[]) =>
  Object.fromEntries(names.map((n) => [n, parts[n]]));

/** Where a bar's value label goes: the bars' own y (and yOffset) and x encodings. */
export interface BarPlace {
  y: object;
  yOffset?: object;
  x: object;
}

/**
 * The layer that writes each bar's value (`field`, in d3 `format`) just past its end, for the
 * rows `filter` keeps (every row without one).
 */
export function barLabels(at: BarPlace, field: string, format: string, filter?: string) {
  return {
    ...(filter === undefined ? {} : { transform: [{ filter }] }),
    mark: { type: 'text', align: 'left', dx: 4, fontSize: 12, color: '#374151' },
    encoding: {
      y: at.y,
      ...(at.yOffset === undefined ? {} : { yOffset: at.yOffset }),
      x: at.x,
      text: { field, type: 'quantitative', format },
    },
  };
}

/** What grouped bars show: where they go, their colours and tooltip, the field they measure. */
export interface GroupedBars extends BarPlace {
  yOffset: object;
  color: object;
  tooltip: object[];
  /** The quantitative field of `x`, written on each bar above 0 in `format`. */
  field: string;
  format: string;
}

/**
 * The layers of grouped horizontal bars: one band per `y` value, one bar per `yOffset` value in
 * it, then each bar above 0 labelled with its value (no label layer with `labelled` false: an
 * empty layer, where every value is 0, warns of an infinite extent).
 */
export function groupedBarLayers(g: GroupedBars, labelled = true): object[] {
  const bars = {
    mark: { type: 'bar', tooltip: true },
    encoding: { y: g.y, yOffset: g.yOffset, x: g.x, color: g.color, tooltip: g.tooltip },
  };
  return labelled ? [bars, barLabels(g, g.field, g.format, `datum.${g.field} > 0`)] : [bars];
}
