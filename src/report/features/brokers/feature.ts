/** Brokers (present when some variant publishes to one): brokers.csv and the console table. */
import type { ReportFeature } from '../../feature.ts';
import { brokersCsv, brokerTable } from './brokers.ts';

export const brokersFeature: ReportFeature = {
  id: 'brokers',
  present: (runs) => runs.some((s) => s.brokers.length > 0),
  parts: [
    { to: 'files', order: 90, build: (a) => [['brokers.csv', brokersCsv(a)]] },
    { to: 'run-table', order: 30, build: brokerTable },
  ],
};
