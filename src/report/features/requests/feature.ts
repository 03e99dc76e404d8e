/**
 * The requests of a run (entry endpoints and everything together): endpoints.csv and their
 * series in timeseries.csv, the endpoint table and failure causes of each variant in the
 * console, the Endpoints summary table, the latency and over-time charts of the page, and the
 * overall and per-endpoint key metrics.
 */

import { file, part, type ReportFeature } from '../../feature.ts';
import {
  faultWindows,
  latencyCdfChart,
  latencyPercentileChart,
  timeSeriesChart,
} from '../../html/charts.ts';
import { t } from '../../i18n/t.ts';
import {
  causesText,
  endpointsCsv,
  endpointsSummaryTable,
  endpointTable,
  requestSeriesRows,
  timeoutWarnings,
} from './endpoints.ts';
import { REQUEST_METRICS } from './request-metrics.ts';

export const requestsFeature: ReportFeature = {
  id: 'requests',
  keyMetrics: REQUEST_METRICS,
  series: requestSeriesRows,
  parts: [
    file(10, 'endpoints.csv', endpointsCsv),
    part('run-table', 10, (s, lang) => `\n${endpointTable(s, lang)}`),
    part('run-table', 70, causesText),
    part('run-table', 75, timeoutWarnings),
    part('summary-table', 10, endpointsSummaryTable),
    part('page', 100, (data, lang) => [
      {
        id: 'latency',
        title: 'Latency',
        charts: [
          { spec: latencyPercentileChart(data, lang) },
          {
            spec: latencyCdfChart(data, lang),
            caption: t(lang, 'caption.cdf'),
          },
        ],
      },
      {
        id: 'over-time',
        title: 'Over time',
        charts: [{ spec: timeSeriesChart(data, { faults: faultWindows(data, lang), lang }) }],
      },
    ]),
  ],
};
