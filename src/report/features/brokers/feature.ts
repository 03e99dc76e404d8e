/** Brokers (present when some variant publishes to one): brokers.csv and the console table. */
import { file, part, type ReportFeature, someRunHas } from '../../feature.ts';
import { brokersCsv, brokerTable } from './brokers.ts';

export const brokersFeature: ReportFeature = {
  id: 'brokers',
  present: someRunHas((s) => s.brokers),
  parts: [file(90, 'brokers.csv', brokersCsv), part('run-table', 30, brokerTable)],
};
