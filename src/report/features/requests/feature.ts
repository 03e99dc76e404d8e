/**
 * The requests of a run (entry endpoints and everything together): endpoints.csv and their
 * series in timeseries.csv, the endpoint table and failure causes of each variant in the
 * console, the Endpoints summary table, the latency and over-time charts of the page, and the
 * overall and per-endpoint key metrics.
 */
import type { ReportFeature } from '../../feature.ts';
import {
  faultWindows,
  latencyCdfChart,
  latencyPercentileChart,
  timeSeriesChart,
} from '../../html/charts.ts';
import {
  causesText,
  endpointsCsv,
  endpointsSummaryTable,
  endpointTable,
  requestSeriesRows,
} from './endpoints.ts';
import { REQUEST_METRICS } from './request-metrics.ts';

export const requestsFeature: ReportFeature = {
  id: 'requests',
  keyMetrics: REQUEST_METRICS,
  series: requestSeriesRows,
  parts: [
    { to: 'files', order: 10, build: (a) => [['endpoints.csv', endpointsCsv(a)]] },
    { to: 'run-table', order: 10, build: (s) => `\n${endpointTable(s)}` },
    { to: 'run-table', order: 70, build: causesText },
    { to: 'summary-table', order: 10, build: endpointsSummaryTable },
    {
      to: 'page',
      order: 100,
      build: (data) => [
        {
          id: 'latency',
          title: 'Latency',
          charts: [
            { spec: latencyPercentileChart(data) },
            {
              spec: latencyCdfChart(data),
              caption:
                'A curve further left is faster; where the curves part near the top is where the designs differ in their tail.',
            },
          ],
        },
        {
          id: 'over-time',
          title: 'Over time',
          charts: [{ spec: timeSeriesChart(data, { faults: faultWindows(data) }) }],
        },
      ],
    },
  ],
};
