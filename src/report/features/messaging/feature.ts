/**
 * Messaging through consumer groups (present when some variant has one): consumers.csv and the
 * groups' lag in timeseries.csv, the console's two tables with an example of each anomaly, the
 * page's section with its charts, and each group's key metrics (also in the console's
 * replication table). Shared figures are in consumer-figures.ts.
 */
import { file, part, type ReportFeature, someRunHas } from '../../feature.ts';
import { CONSUMER_METRICS } from './consumer-metrics.ts';
import { formatConsumers } from './consumer-table.ts';
import { consumerSeriesRows, consumersCsv } from './consumers-csv.ts';
import { messagingSection } from './messaging-sections.ts';

export const messagingFeature: ReportFeature = {
  id: 'messaging',
  present: someRunHas((s) => s.consumers),
  keyMetrics: [CONSUMER_METRICS],
  series: consumerSeriesRows,
  parts: [
    file(130, 'consumers.csv', (a) => consumersCsv(a.results)),
    part('console', 20, (a, lang) => formatConsumers(a.results, lang)),
    part('page', 80, messagingSection),
  ],
};
