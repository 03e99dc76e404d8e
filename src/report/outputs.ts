/**
 * The files a run writes, as text (pure: the CLI writes them): summary.json, endpoints.csv,
 * components.csv and timeseries.csv (tidy/long format: second, variant, scope, id, metric,
 * value). Every number is rounded to 4 decimals; the same results give the same bytes.
 */
import { stringify } from 'csv-stringify/sync';
import type { RunResult } from '../metrics/summary.ts';
import { round, roundDeep } from './round.ts';

/** Results of every variant of one scenario. */
export interface ScenarioResults {
  name: string;
  description: string;
  file: string;
  runs: RunResult[];
}

/** File name → contents. */
export type OutputFiles = Map<string, string>;

/** Version of the output formats; bump when a column or key changes meaning. */
export const OUTPUT_FORMAT_VERSION = 1;

/** All output files of a scenario run. */
export function buildOutputs(results: ScenarioResults): OutputFiles {
  return new Map([
    ['summary.json', summaryJson(results)],
    ['endpoints.csv', endpointsCsv(results)],
    ['components.csv', componentsCsv(results)],
    ['timeseries.csv', timeseriesCsv(results)],
  ]);
}

/** summary.json: the scenario and one RunSummary per variant. */
export function summaryJson(results: ScenarioResults): string {
  const doc = {
    format: OUTPUT_FORMAT_VERSION,
    scenario: { name: results.name, description: results.description, file: results.file },
    runs: results.runs.map((r) => roundDeep(r.summary)),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

const csv = (rows: unknown[][]) => stringify(rows, { eof: true, record_delimiter: '\n' });
const variantOf = (r: RunResult) => r.summary.scenario.variant ?? '';

/** endpoints.csv: one row per variant × entry endpoint (and an `overall` row). */
export function endpointsCsv(results: ScenarioResults): string {
  const header = [
    'variant',
    'endpoint',
    'arrivals',
    'ok',
    'rejected',
    'timedOut',
    'failed',
    'inFlight',
    'throughputPerSec',
    'errorRate',
    'meanMs',
    'p50Ms',
    'p90Ms',
    'p99Ms',
    'p999Ms',
    'maxMs',
    'callsPerRequest',
    'queriesPerRequest',
    'rowsPerRequest',
  ];
  const rows: unknown[][] = [header];
  for (const r of results.runs) {
    const groups = [
      ...r.summary.endpoints.map((e) => [e.endpoint, e] as const),
      ['overall', r.summary.overall] as const,
    ];
    for (const [name, g] of groups) {
      const l = g.latency;
      rows.push([
        variantOf(r),
        name,
        g.arrivals,
        g.outcomes.ok,
        g.outcomes.rejected,
        g.outcomes.timedOut,
        g.outcomes.failed,
        g.inFlight,
        round(g.throughputPerSec),
        round(g.errorRate),
        round(l.meanMs),
        round(l.p50Ms),
        round(l.p90Ms),
        round(l.p99Ms),
        round(l.p999Ms),
        round(l.maxMs),
        round(g.perRequest.callsMean),
        round(g.perRequest.queriesMean),
        round(g.perRequest.rowsMean),
      ]);
    }
  }
  return csv(rows);
}

/** components.csv: one row per variant × component (service or database). */
export function componentsCsv(results: ScenarioResults): string {
  const header = [
    'variant',
    'component',
    'kind',
    'instances',
    'capacityPerInstance',
    'arrivals',
    'arrivalsPerSec',
    'completed',
    'rejected',
    'failed',
    'utilisation',
    'queueMean',
    'queueMax',
    'waitMeanMs',
    'waitMaxMs',
    'rowsRead',
  ];
  const rows: unknown[][] = [header];
  for (const r of results.runs) {
    for (const c of r.summary.components) {
      rows.push([
        variantOf(r),
        c.id,
        c.kind,
        c.instances,
        c.capacityPerInstance,
        c.arrivals,
        round(c.arrivalsPerSec),
        c.completed,
        c.rejected,
        c.failed,
        round(c.utilisation),
        round(c.queueMean),
        c.queueMax,
        round(c.waitMeanMs),
        round(c.waitMaxMs),
        c.rowsRead,
      ]);
    }
  }
  return csv(rows);
}

const REQUEST_METRICS = [
  'arrivals',
  'ok',
  'rejected',
  'timedOut',
  'failed',
  'meanMs',
  'p50Ms',
  'p90Ms',
  'p99Ms',
  'maxMs',
  'inFlight',
] as const;
const COMPONENT_METRICS = [
  'arrivals',
  'completed',
  'rejected',
  'utilisation',
  'queueMean',
] as const;

/** timeseries.csv: tidy rows (second, variant, scope, id, metric, value) for every series. */
export function timeseriesCsv(results: ScenarioResults): string {
  const rows: unknown[][] = [['second', 'variant', 'scope', 'id', 'metric', 'value']];
  for (const r of results.runs) {
    const v = variantOf(r);
    for (const [id, points] of r.series.requests) {
      const scope = id === 'overall' ? 'overall' : 'endpoint';
      for (const p of points)
        for (const m of REQUEST_METRICS) rows.push([p.second, v, scope, id, m, round(p[m])]);
    }
    for (const [id, points] of r.series.components) {
      for (const p of points)
        for (const m of COMPONENT_METRICS)
          rows.push([p.second, v, 'component', id, m, round(p[m])]);
    }
  }
  return csv(rows);
}
