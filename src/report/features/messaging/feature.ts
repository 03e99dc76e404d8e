/**
 * Messaging through consumer groups (present when some variant has one): consumers.csv and the
 * groups' lag in timeseries.csv, the console's two tables with an example of each anomaly, the
 * page's section with its charts, and each group's key metrics (also in the console's
 * replication table). Shared figures are in consumer-figures.ts.
 */
import type { ReportFeature } from '../../feature.ts';
import { CONSUMER_METRICS } from './consumer-metrics.ts';
import { formatConsumers } from './consumer-table.ts';
import { consumerSeriesRows, consumersCsv } from './consumers-csv.ts';
import { messagingSection } from './messaging-sections.ts';

export const messagingFeature: ReportFeature = {
  id: 'messaging',
  present: (runs) => runs.some((s) => (s.consumers ?? []).length > 0),
  keyMetrics: [CONSUMER_METRICS],
  series: consumerSeriesRows,
  parts: [
    { to: 'files', order: 130, build: ({ results }) => [['consumers.csv', consumersCsv(results)]] },
    { to: 'console', order: 20, build: ({ results }) => formatConsumers(results) },
    { to: 'page', order: 80, build: messagingSection },
  ],
};
