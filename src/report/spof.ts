/**
 * Single points of failure: the same scenario run once per shared component with that
 * component crashed for a window (same seed, so the same arrivals: common random numbers),
 * reduced to an impact matrix — component × entry endpoint → availability and p99 during the
 * window — and a ranking of the components whose failure takes down the most. Pure.
 */

import type { TopLevelSpec } from 'vega-lite';
import type { SeriesPoint } from '../metrics/series.ts';
import type { LinkSummary, RunSummary } from '../metrics/summary.ts';
import type { FaultWindow } from '../scenario/types.ts';
import { csv } from './csv.ts';
import type { Lang } from './i18n/lang.ts';
import { t, term } from './i18n/t.ts';
import { round } from './round.ts';

/** Availability below this share counts an endpoint as down in the ranking. */
export const DOWN_BELOW = 0.99;

/** What a run tells about one endpoint during the fault window. */
export interface WindowFigures {
  /** ok / finished over the window's seconds (null when nothing finished). */
  availability: number | null;
  /** The worst per-second p99 of the window, ms (null when nothing finished). */
  p99Ms: number | null;
  finished: number;
}

/**
 * Availability and worst p99 of an endpoint's series over the points inside `w`, each point
 * `widthS` seconds (1, or the coarser resolution of a long run: metrics/resolution.ts).
 */
export function windowFigures(
  points: readonly SeriesPoint[],
  w: FaultWindow,
  widthS = 1,
): WindowFigures {
  let ok = 0;
  let finished = 0;
  let p99: number | null = null;
  for (const p of points) {
    if (p.second * 1000 < w.startMs || (p.second + widthS) * 1000 > w.endMs) continue;
    const n = p.ok + p.rejected + p.timedOut + p.failed;
    ok += p.ok;
    finished += n;
    if (n > 0) p99 = Math.max(p99 ?? 0, p.p99Ms);
  }
  return { availability: finished > 0 ? ok / finished : null, p99Ms: p99, finished };
}

/** A component to fail, and why it was chosen. */
export interface SpofCandidate {
  id: string;
  kind: string;
  /** The distinct components (or the client) that send to it. */
  callers: string[];
}

/**
 * The components to fail in turn: every database and cache (shared infrastructure) that
 * something sends to, and every service that two or more callers depend on; with `all`, every
 * component. A database or cache nothing sends to in this variant (another variant's own) would
 * only add a run and a row of "100 %".
 */
/** A shard's suffix on its database's id (model/database-build.ts). */
const SHARD = /\[\d+\]$/;

export function spofCandidates(baseline: RunSummary, all = false): SpofCandidate[] {
  const callers = new Map<string, Set<string>>();
  for (const l of baseline.links as LinkSummary[]) {
    if (l.kind === 'sync' || l.from === l.to) continue;
    const set = callers.get(l.to) ?? new Set<string>();
    set.add(l.from);
    callers.set(l.to, set);
  }
  // shards are struck through their database, which the summary lists only as its shards
  // (orders-db[0], orders-db[1] …): the database once, where its first shard is
  const ids = new Map<string, string>();
  for (const c of baseline.components)
    if (!ids.has(c.id.replace(SHARD, ''))) ids.set(c.id.replace(SHARD, ''), c.kind);
  return [...ids]
    .map(([id, kind]) => ({ id, kind, callers: [...(callers.get(id) ?? [])].sort() }))
    .filter((c) => all || c.callers.length >= (c.kind === 'service' ? 2 : 1));
}

/** One failed component's row of the matrix. */
export interface SpofRow {
  component: string;
  kind: string;
  callers: string[];
  /** Per entry endpoint, in `endpoints` order. */
  cells: WindowFigures[];
  /** Endpoints whose availability fell below DOWN_BELOW. */
  endpointsDown: number;
  /** Mean availability over the endpoints (a missing figure counts as 0: nothing answered). */
  meanAvailability: number;
}

/** The whole analysis. */
export interface SpofData {
  format: number;
  scenario: { name: string; description: string; file: string };
  variant: string | null;
  seed: number | string;
  fault: { kind: 'crash'; mode: 'refuse' | 'hang'; window: FaultWindow };
  endpoints: string[];
  /** The run without the fault, over the same window. */
  baseline: WindowFigures[];
  /** Most damaging first (most endpoints down, then lowest mean availability, then id). */
  rows: SpofRow[];
}

/** Builds the matrix from the baseline run and one run per failed component. */
export function spofData(input: {
  scenario: SpofData['scenario'];
  variant: string | null;
  seed: number | string;
  mode: 'refuse' | 'hang';
  window: FaultWindow;
  baseline: { series: Map<string, SeriesPoint[]> };
  runs: { candidate: SpofCandidate; series: Map<string, SeriesPoint[]> }[];
  format: number;
  /** Seconds per point of the series (absent: 1). */
  resolutionS?: number;
}): SpofData {
  const endpoints = [...input.baseline.series.keys()].filter((k) => k !== 'overall');
  const figures = (series: Map<string, SeriesPoint[]>) =>
    endpoints.map((e) => windowFigures(series.get(e) ?? [], input.window, input.resolutionS));
  const rows = input.runs.map(({ candidate, series }): SpofRow => {
    const cells = figures(series);
    return {
      component: candidate.id,
      kind: candidate.kind,
      callers: candidate.callers,
      cells,
      endpointsDown: cells.filter((c) => (c.availability ?? 0) < DOWN_BELOW).length,
      meanAvailability:
        cells.length === 0
          ? 1
          : cells.reduce((a, c) => a + (c.availability ?? 0), 0) / cells.length,
    };
  });
  rows.sort(
    (a, b) =>
      b.endpointsDown - a.endpointsDown ||
      a.meanAvailability - b.meanAvailability ||
      (a.component < b.component ? -1 : 1),
  );
  return {
    format: input.format,
    scenario: input.scenario,
    variant: input.variant,
    seed: input.seed,
    fault: { kind: 'crash', mode: input.mode, window: input.window },
    endpoints,
    baseline: figures(input.baseline.series),
    rows,
  };
}

const pct = (x: number | null) => (x === null ? '–' : `${(x * 100).toFixed(1)}%`);
const ms = (x: number | null) => (x === null ? '–' : x.toFixed(0));

/**
 * The matrix as text: one row per failed component, "availability / worst p99" per endpoint,
 * in `lang` (the catalogue's spof.* sentences; the kinds and headers from the glossary).
 */
export function formatSpof(
  data: SpofData,
  formatTable: (h: string[], r: string[][]) => string,
  lang: Lang = 'en',
): string {
  const w = data.fault.window;
  const head = t(lang, 'spof.head', {
    name: data.scenario.name,
    variant: data.variant ? t(lang, 'spof.variant', { variant: data.variant }) : '',
    mode: data.fault.mode,
    from: w.startMs / 1000,
    to: w.endMs / 1000,
    seed: data.seed,
  });
  const header = [term(lang, 'failed component'), t(lang, 'spof.col.down'), ...data.endpoints];
  const rows = [
    [
      t(lang, 'spof.noFault'),
      '',
      ...data.baseline.map((c) => `${pct(c.availability)} / ${ms(c.p99Ms)} ms`),
    ],
    ...data.rows.map((r) => [
      `${r.component} (${term(lang, r.kind)})`,
      `${r.endpointsDown}/${data.endpoints.length}`,
      ...r.cells.map((c) => `${pct(c.availability)} / ${ms(c.p99Ms)} ms`),
    ]),
  ];
  const worst = data.rows.filter(
    (r) => r.endpointsDown === data.rows[0]?.endpointsDown && r.endpointsDown > 0,
  );
  const verdict =
    worst.length === 0
      ? t(lang, 'spof.noneDown')
      : t(lang, 'spof.worst', {
          components: worst.map((r) => r.component).join(', '),
          n: worst[0].endpointsDown,
          all: data.endpoints.length,
        });
  return `${head}\n\n${formatTable(header, rows)}\n${t(lang, 'spof.cells')}\n${verdict}\n`;
}

/** The rows of spof.csv, the header first (see spofCsv). */
export function spofCsvRows(data: SpofData): unknown[][] {
  const rows: unknown[][] = [
    [
      'component',
      'kind',
      'endpoint',
      'availability',
      'p99Ms',
      'finished',
      'baselineAvailability',
      'baselineP99Ms',
    ],
  ];
  for (const r of data.rows)
    r.cells.forEach((c, i) => {
      const b = data.baseline[i];
      rows.push([
        r.component,
        r.kind,
        data.endpoints[i],
        c.availability === null ? null : round(c.availability),
        c.p99Ms === null ? null : round(c.p99Ms),
        c.finished,
        b.availability === null ? null : round(b.availability),
        b.p99Ms === null ? null : round(b.p99Ms),
      ]);
    });
  return rows;
}

/** spof.csv: one row per failed component × endpoint, with the baseline's figures beside. */
export function spofCsv(data: SpofData): string {
  return csv(spofCsvRows(data));
}

/** The impact matrix as a heatmap: failed component × endpoint, colour = availability. */
export function spofHeatmapSpec(data: SpofData, lang: Lang = 'en'): TopLevelSpec {
  const values = data.rows.flatMap((r) =>
    r.cells.map((c, i) => ({
      component: r.component,
      endpoint: data.endpoints[i],
      availability: c.availability === null ? 0 : round(c.availability),
      label: pct(c.availability),
      p99: c.p99Ms === null ? null : round(c.p99Ms, 1),
    })),
  );
  const order = data.rows.map((r) => r.component);
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: 'Availability of each endpoint while one component is down', fontSize: 18 },
    data: { values },
    width: { step: 110 },
    height: { step: 34 },
    encoding: {
      x: {
        field: 'endpoint',
        type: 'nominal',
        // the columns in the table's order (not alphabetical)
        sort: data.endpoints,
        title: 'entry endpoint',
        axis: { labelAngle: -20, labelFontSize: 13 },
      },
      y: {
        field: 'component',
        type: 'nominal',
        sort: order,
        title: 'failed component',
        axis: { labelFontSize: 13 },
      },
    },
    layer: [
      {
        mark: 'rect',
        encoding: {
          color: {
            field: 'availability',
            type: 'quantitative',
            title: 'availability',
            scale: {
              domain: [0, 0.9, 0.99, 1],
              range: ['#b2182b', '#ef8a62', '#fddbc7', '#1a9850'],
            },
            legend: { format: '.0%' },
          },
          tooltip: [
            // English keeps its short titles; another language's glossary words the full ones
            { field: 'component', title: lang === 'en' ? 'failed' : 'failed component' },
            lang === 'en' ? { field: 'endpoint' } : { field: 'endpoint', title: 'endpoint' },
            { field: 'label', title: 'availability' },
            { field: 'p99', title: 'worst p99 ms' },
          ],
        },
      },
      {
        mark: { type: 'text', fontSize: 13 },
        encoding: {
          text: { field: 'label' },
          color: {
            condition: { test: 'datum.availability < 0.6', value: 'white' },
            value: 'black',
          },
        },
      },
    ],
  } as TopLevelSpec;
}
