/**
 * Pending states (present when some variant has a pending step): pending.csv, the console
 * section ■ pending states and the key metrics (also in the console's replication table).
 */
import { file, part, type ReportFeature, someRunHas } from '../../feature.ts';
import { formatPending, PENDING_METRICS, pendingCsv, pendingOf } from './pending.ts';

export const pendingFeature: ReportFeature = {
  id: 'pending',
  present: someRunHas(pendingOf),
  keyMetrics: [PENDING_METRICS],
  parts: [
    file(147, 'pending.csv', (a) => pendingCsv(a.results)),
    part('console', 46, (a) => formatPending(a.results)),
  ],
};
