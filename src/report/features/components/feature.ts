/**
 * The components of a run: components.csv and their series in timeseries.csv, each variant's
 * component table in the console, the Components summary table, the load and utilisation charts
 * of the page (and the instances over time of autoscaled components), and each component's key
 * metrics.
 */

import { file, part, type ReportFeature } from '../../feature.ts';
import {
  componentLoadChart,
  instancesChart,
  utilisationHeatmap,
} from '../../html/component-charts.ts';
import { t } from '../../i18n/t.ts';
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
    file(20, 'components.csv', componentsCsv),
    part('run-table', 20, (s, lang) => `\n\n${componentTable(s, lang)}`),
    part('summary-table', 20, componentsSummaryTable),
    part('page', 120, (data, lang) => [
      {
        id: 'load',
        title: 'Load on shared components',
        nav: 'Load',
        charts: [
          {
            spec: componentLoadChart(data, lang),
            caption: t(lang, 'caption.load'),
          },
          { spec: utilisationHeatmap(data) },
          // autoscaled (or scheduled) instance counts, when some component's count changed
          ...[instancesChart(data, lang)].flatMap((spec) =>
            spec === null
              ? []
              : [
                  {
                    spec,
                    caption: t(lang, 'caption.instances'),
                  },
                ],
          ),
        ],
      },
    ]),
  ],
};
