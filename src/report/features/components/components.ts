/**
 * The components of a run (services, databases, caches, brokers, IdPs) in every output:
 * components.csv (one row per variant × component), their rows of timeseries.csv, the console's
 * component table (slots, load, utilisation, queue, wait, rejections), the Components table of
 * the page's Summary section, and each component's key metrics (utilisation, load, mean wait).
 */

import type { ComponentSummary, RunResult, RunSummary } from '../../../metrics/summary.ts';
import type { Analysis } from '../../analysis.ts';
import { asIs, type Column, csvOf, roundedFields, runItems, tidyRows } from '../../csv.ts';
import {
  formatMs,
  formatNumber,
  formatPercent,
  formatQuantity,
  formatRate,
} from '../../html/format.ts';
import { itemSummaryTable, type SummaryColumn } from '../../html/summary-table.ts';
import { type Html, html } from '../../html/template.ts';
import { utilisationColour } from '../../html/topology.ts';
import type { Lang } from '../../i18n/lang.ts';
import { keyMetricSource, lowerIsBetter } from '../../key-metrics.ts';
import type { ReportData } from '../../report-data-types.ts';
import { round } from '../../round.ts';
import { countColumns, inWords, num, pct, type TextColumn, tableOf } from '../../text-table.ts';

type C = ComponentSummary;
const COMPONENT_COLUMNS: Column<C>[] = [
  ['component', (c) => c.id],
  ...asIs<C>('kind', 'instances', 'capacityPerInstance', 'arrivals'),
  ...roundedFields<C>('arrivalsPerSec'),
  ...asIs<C>('completed', 'rejected', 'failed'),
  ...roundedFields<C>('utilisation', 'queueMean'),
  ...asIs<C>('queueMax'),
  ...roundedFields<C>('waitMeanMs', 'waitMaxMs'),
  ...asIs<C>('rowsRead', 'bytesRead'),
  ...roundedFields<C>('memoryBytesPerInstance'),
  ...asIs<C>('gcPauses'),
  ...roundedFields<C>('gcPausedFraction'),
  ['instancesMean', (c) => (c.scaling === null ? null : round(c.scaling.meanInstances))],
  ['instancesMax', (c) => c.scaling?.maxInstances ?? null],
  ['scaleUps', (c) => c.scaling?.scaleUps ?? null],
  ['scaleDowns', (c) => c.scaling?.scaleDowns ?? null],
];

/** components.csv: one row per variant × component (service or database). */
export function componentsCsv({ results }: Analysis): string {
  return csvOf(
    COMPONENT_COLUMNS,
    runItems(results.runs, (s) => s.components),
  );
}

/** The per-second figures of a component written to timeseries.csv. */
const SERIES_METRICS = [
  'arrivals',
  'completed',
  'rejected',
  'utilisation',
  'queueMean',
  'instances',
] as const;

/** The timeseries.csv rows of a run's components (scope `component`). */
export const componentSeriesRows = (r: RunResult): unknown[][] =>
  tidyRows(r, r.series.components, () => 'component', SERIES_METRICS);

/** The columns of the console's component table. */
const COMPONENT_TABLE: TextColumn<C>[] = [
  ['component', (c) => c.id],
  ['kind', (c) => c.kind],
  [
    'slots',
    (c) =>
      c.scaling === null
        ? `${c.instances}×${c.capacityPerInstance}`
        : `${num(c.scaling.meanInstances, 1)}↑${c.scaling.maxInstances}×${c.capacityPerInstance}`,
  ],
  ['load/s', (c) => num(c.arrivalsPerSec)],
  ['util', (c) => pct(c.utilisation)],
  ['queue', (c) => num(c.queueMean, 2)],
  ['queue max', (c) => String(c.queueMax)],
  ['wait ms', (c) => num(c.waitMeanMs, 2)],
  ...countColumns<C>('rejected'),
];

/** The console table of a run's components. */
export function componentTable(s: RunSummary, lang: Lang = 'en'): string {
  // the kind is msasim's word (service, database …): in the table's language
  return tableOf(inWords(COMPONENT_TABLE, 'kind', lang), s.components, lang);
}

/** The page's Components table: kind, instances, load, utilisation (tinted), queue, wait. */
const COMPONENT_SUMMARY: SummaryColumn<C>[] = [
  ['kind', (c) => c.kind],
  ['instances', (c) => formatNumber(c.instances)],
  ['load', (c) => formatRate(c.arrivalsPerSec)],
  [
    'utilisation',
    (c) =>
      html`<td style="background:${utilisationColour(c.utilisation)}">${formatPercent(c.utilisation)}</td>`,
  ],
  ['queue mean / max', (c) => `${formatQuantity(c.queueMean)} / ${formatNumber(c.queueMax)}`],
  ['mean wait', (c) => formatMs(c.waitMeanMs)],
];

/** The page's Components table (see COMPONENT_SUMMARY). */
export const componentsSummaryTable = (data: ReportData, lang: Lang = 'en'): Html =>
  itemSummaryTable(
    data,
    'Components',
    'component',
    (v) => v.summary.components,
    COMPONENT_SUMMARY,
    lang,
  );

/** Each component's key metrics (scope `component`, id = the component), in order. */
export const COMPONENT_METRICS = keyMetricSource<ComponentSummary>(
  'component',
  (s) => s.components.map((c) => [c.id, c]),
  [
    lowerIsBetter('utilisation', 'utilisation', 'ratio', (c) => c.utilisation),
    lowerIsBetter('arrivalsPerSec', 'load', 'per-sec', (c) => c.arrivalsPerSec),
    lowerIsBetter('waitMeanMs', 'mean wait', 'ms', (c) => c.waitMeanMs),
  ],
);
