/**
 * The files a run writes, as text (pure: the CLI writes them), each a view of the analysis:
 * summary.json, timeseries.csv (tidy/long format: second, variant, scope, id, metric, value;
 * every feature's series), estimates.csv and results.json here, and the files of each report
 * feature present (endpoints.csv, components.csv, caches.csv, sessions.csv … compare.csv; see
 * features/registry.ts), in the order feature.ts lists. Every number is rounded to 4 decimals;
 * the same results give the same bytes.
 */

import type { RunResult } from '../metrics/summary.ts';
import { type Analysis, analysisOf, firstRuns } from './analyse.ts';
import { asIs, type Column, csv, csvOf, rounded } from './csv.ts';
import { file, type OutputFile, type ReportFeature } from './feature.ts';
import { partsFor, REPORT_FEATURES, seriesRows } from './features/registry.ts';
import type { MetricEstimate } from './key-metrics.ts';
import { reportDataJson } from './report-data.ts';
import { OUTPUT_FORMAT_VERSION, type ScenarioResults } from './results.ts';
import { round, roundDeep } from './round.ts';

export { OUTPUT_FORMAT_VERSION, type ScenarioResults } from './results.ts';

/** File name → contents. */
export type OutputFiles = Map<string, string>;

/**
 * All output files of a scenario run (its results, or their analysis): the files of the
 * analysis as a whole (summary.json, timeseries.csv, estimates.csv, results.json) at their
 * places among those of `features` (by default every report feature).
 */
export function buildOutputs(
  input: ScenarioResults | Analysis,
  features: readonly ReportFeature[] = REPORT_FEATURES,
): OutputFiles {
  const analysis = analysisOf(input, features);
  const whole = [
    file(0, 'summary.json', summaryJson),
    file(30, 'timeseries.csv', (a) => timeseriesCsv(a, features)),
    file(40, 'estimates.csv', estimatesCsv),
    file(50, 'results.json', reportDataJson),
  ];
  const files: OutputFile[] = partsFor('files', firstRuns(analysis), whole, features).flatMap((p) =>
    p.build(analysis),
  );
  return new Map(files);
}

/**
 * summary.json: the scenario, the replications and their seeds, one RunSummary per variant
 * (its first replication) with the key metrics estimated over every replication (mean, sd and
 * 95 % confidence bounds, null with one replication), and each variant compared with the
 * first (paired differences; empty without variants).
 */
export function summaryJson(input: ScenarioResults | Analysis): string {
  const { results, variants, comparisons } = analysisOf(input);
  const first = variants[0].replications;
  const doc = {
    format: OUTPUT_FORMAT_VERSION,
    scenario: { name: results.name, description: results.description, file: results.file },
    replications: first.length,
    seeds: first.map((s) => s.scenario.seed),
    runs: variants.map((v) =>
      roundDeep({
        ...v.run.summary,
        estimates: v.estimates.map(({ values: _, ...e }) => e),
        slos: v.slos,
        propagation: v.propagation,
      }),
    ),
    comparisons: roundDeep(comparisons),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

/** The columns of estimates.csv after `variant`. */
const ESTIMATE_COLUMNS: Column<MetricEstimate>[] = [
  ...asIs<MetricEstimate>('scope', 'id', 'metric'),
  ['n', (e) => e.estimate.n],
  ['mean', (e) => round(e.estimate.mean)],
  ['sd', (e) => round(e.estimate.sd)],
  ['lo', (e) => rounded(e.estimate.lo)],
  ['hi', (e) => rounded(e.estimate.hi)],
];

/**
 * estimates.csv: one row per variant × key metric: the mean over replications, the sample
 * standard deviation and the 95 % confidence bounds (empty with one replication).
 */
export function estimatesCsv(analysis: Analysis): string {
  return csvOf(
    ESTIMATE_COLUMNS,
    analysis.variants.flatMap((v) =>
      v.estimates.map((e): [RunResult, MetricEstimate] => [v.run, e]),
    ),
  );
}

/**
 * timeseries.csv: tidy rows (second, variant, scope, id, metric, value) for every series of
 * every variant's first replication, feature by feature: entry endpoints and overall,
 * components, the lag of each consumer group (scope `consumer`).
 */
export function timeseriesCsv(
  input: ScenarioResults | Analysis,
  features: readonly ReportFeature[] = REPORT_FEATURES,
): string {
  const rows: unknown[][] = [['second', 'variant', 'scope', 'id', 'metric', 'value']];
  for (const v of analysisOf(input, features).variants)
    for (const row of seriesRows(v.run, features)) rows.push(row);
  return csv(rows);
}
