/**
 * The pure half of `msasim sweep`: the grid of parameter values (first parameter slowest), the
 * points a shard runs, the SweepData of finished points, and its files sweep.json and sweep.csv
 * (tidy: one row per point × variant × key metric). Numbers are rounded only here, on output,
 * so the same points give the same bytes however they were scheduled, sharded or resumed.
 */
import type { RunSummary } from '../metrics/summary.ts';
import { csv } from './csv.ts';
import { estimateMetrics, type MetricEstimate } from './estimates.ts';
import type { Lang } from './i18n/lang.ts';
import { term } from './i18n/t.ts';
import { round, roundDeep } from './round.ts';
import type { SweepData, SweepParam, SweepPoint } from './sweep-data.ts';
import { displayWidth, padEndTo, padStartTo } from './text-table.ts';

export type { SweepData, SweepParam, SweepPoint } from './sweep-data.ts';

/** A value a parameter takes. */
export type ParamValue = SweepParam['values'][number];

/** Number of points in the grid: the product of the parameters' value counts. */
export function gridSize(params: readonly SweepParam[]): number {
  return params.reduce((n, p) => n * p.values.length, 1);
}

/**
 * The parameter values at grid point `index` (0-based), keyed by path in parameter order.
 * The first parameter varies slowest: with a = [1, 2] and b = [x, y], the points are
 * (1, x), (1, y), (2, x), (2, y).
 */
export function gridValues(
  params: readonly SweepParam[],
  index: number,
): Record<string, ParamValue> {
  const picked: ParamValue[] = new Array(params.length);
  let rest = index;
  for (let k = params.length - 1; k >= 0; k--) {
    const n = params[k].values.length;
    picked[k] = params[k].values[rest % n];
    rest = Math.floor(rest / n);
  }
  return Object.fromEntries(params.map((p, k) => [p.path, picked[k]]));
}

/** Shard `index` of `count` (1-based index), as in `--shard 2/4`. */
export interface Shard {
  index: number;
  count: number;
}

/**
 * The grid points a shard runs: those whose index ≡ shard index − 1 (mod count), so every
 * shard gets points from the whole grid (cheap and expensive ones alike). All points without
 * a shard.
 */
export function shardPoints(total: number, shard?: Shard): number[] {
  const out: number[] = [];
  const step = shard?.count ?? 1;
  for (let i = (shard?.index ?? 1) - 1; i < total; i += step) out.push(i);
  return out;
}

/** The shards (1-based) that run the given points. */
export function shardsOf(points: readonly number[], count: number): number[] {
  return [...new Set(points.map((p) => (p % count) + 1))].sort((a, b) => a - b);
}

/**
 * The SweepPoints of one grid point, one per variant: the key metrics of each variant over its
 * replications (`summaries[v][r]`, replication order), unrounded.
 */
export function sweepPointsOf(
  index: number,
  values: Record<string, ParamValue>,
  summaries: readonly (readonly RunSummary[])[],
): SweepPoint[] {
  return summaries.map((reps) => ({
    index,
    values,
    variant: reps[0].scenario.variant,
    estimates: estimateMetrics(reps),
  }));
}

/** sweep.json: the SweepData with every number rounded to 4 decimals. */
export function sweepJson(data: SweepData): string {
  return `${JSON.stringify(roundDeep(data), null, 2)}\n`;
}

/**
 * sweep.csv, tidy: `index, <one column per parameter>, variant, scope, id, metric, n, mean, sd,
 * lo, hi`, one row per point × variant × key metric, in grid order. lo and hi are empty with
 * one replication.
 */
export function sweepCsv(data: SweepData): string {
  const header = [
    'index',
    ...data.params.map((p) => p.path),
    'variant',
    'scope',
    'id',
    'metric',
    'n',
    'mean',
    'sd',
    'lo',
    'hi',
  ];
  const rows: unknown[][] = [header];
  for (const point of data.points) {
    const head = [point.index, ...data.params.map((p) => point.values[p.path])];
    for (const e of point.estimates) rows.push([...head, point.variant ?? '', ...estimateCells(e)]);
  }
  return csv(rows, { boolean: (v) => String(v) });
}

function estimateCells(e: MetricEstimate): unknown[] {
  const { n, mean, sd, lo, hi } = e.estimate;
  return [
    e.scope,
    e.id,
    e.metric,
    n,
    round(mean),
    round(sd),
    lo === null ? '' : round(lo),
    hi === null ? '' : round(hi),
  ];
}

/** The overall key metrics the console table shows, with their column titles. */
const TABLE_METRICS: [metric: string, title: string, decimals: number][] = [
  ['p50Ms', 'p50 ms', 2],
  ['p99Ms', 'p99 ms', 2],
  ['throughputPerSec', 'ok/s', 1],
  ['errorRate', 'errors %', 2],
];

/**
 * The console table of a sweep: one line per point × variant with the parameter values and the
 * overall p50, p99, throughput and error rate (mean ± half-width of the 95 % CI when there are
 * replications). The column titles are in `lang` (the glossary's terms); the parameters' paths,
 * the variants' names and the figures are shown as they are.
 */
export function formatSweepTable(data: SweepData, lang: Lang = 'en'): string {
  const hasVariants = data.points.some((p) => p.variant !== null);
  const header = [
    ...data.params.map((p) => p.path),
    ...(hasVariants ? [term(lang, 'variant')] : []),
    ...TABLE_METRICS.map(([, title]) => term(lang, title)),
  ];
  const rows = data.points.map((point) => {
    const cells = data.params.map((p) => String(point.values[p.path]));
    if (hasVariants) cells.push(point.variant ?? '');
    for (const [metric, , decimals] of TABLE_METRICS) {
      const e = point.estimates.find((x) => x.scope === 'overall' && x.metric === metric);
      cells.push(e === undefined ? '—' : formatEstimate(e, metric === 'errorRate', decimals));
    }
    return cells;
  });
  const widths = header.map((h, i) =>
    Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[i]))),
  );
  const textColumns = data.params.length + (hasVariants ? 1 : 0);
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i < textColumns ? padEndTo(c, widths[i]) : padStartTo(c, widths[i])))
      .join('  ')
      .trimEnd();
  return `${[line(header), ...rows.map(line)].join('\n')}\n`;
}

function formatEstimate(e: MetricEstimate, percent: boolean, decimals: number): string {
  const scale = percent ? 100 : 1;
  const mean = (e.estimate.mean * scale).toFixed(decimals);
  const half = e.estimate.halfWidth;
  return half === null ? mean : `${mean} ±${(half * scale).toFixed(decimals)}`;
}
