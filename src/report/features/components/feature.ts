/**
 * The components of a run: components.csv and their series in timeseries.csv, each variant's
 * component table in the console, the Components summary table, the load and utilisation charts
 * of the page, and each component's key metrics.
 */

import type { ReportFeature } from '../../feature.ts';
import { componentLoadChart, utilisationHeatmap } from '../../html/component-charts.ts';
import {
  COMPONENT_METRICS,
  componentSeriesRows,
  componentsCsv,
  componentsSummaryTable,
  componentTable,
} from './components.ts';

export const componentsFeature: ReportFeature = {
  id: 'components',
  keyMetrics: [COMPONENT_METRICS],
  series: componentSeriesRows,
  parts: [
    { to: 'files', order: 20, build: (a) => [['components.csv', componentsCsv(a)]] },
    { to: 'run-table', order: 20, build: (s) => `\n\n${componentTable(s)}` },
    { to: 'summary-table', order: 20, build: componentsSummaryTable },
    {
      to: 'page',
      order: 120,
      build: (data) => [
        {
          id: 'load',
          title: 'Load on shared components',
          nav: 'Load',
          charts: [
            {
              spec: componentLoadChart(data),
              caption:
                'A component whose bar grows with a design choice is where that choice sends its load.',
            },
            { spec: utilisationHeatmap(data) },
          ],
        },
      ],
    },
  ],
};
