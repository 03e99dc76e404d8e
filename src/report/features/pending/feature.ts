/**
 * Pending states (present when some variant has a pending step): pending.csv (one row per
 * variant × pending state: every figure of its summary), the console section ■ pending states,
 * the page's section of charts (charts.ts) and the key metrics (also in the console's
 * replication table). First replication of each variant.
 */
import type { PendingSummary } from '../../../metrics/pending-stats.ts';
import { itemFeature } from '../../item-feature.ts';
import { warmUpLegend } from '../../item-table.ts';
import { lowerIsBetter as m } from '../../key-metrics.ts';
import { countColumns, msFigures as ms, pct, type TextColumn } from '../../text-table.ts';
import { pendingCharts } from './charts.ts';

type P = PendingSummary;

const COLUMNS: TextColumn<P>[] = [
  ...countColumns<P>('created', 'confirmed', 'cancelled', 'timedOut', 'reads'),
  ['saw pending', (x) => pct(x.pendingShare)],
  ['saw cancelled', (x) => String(x.cancelledReads)],
  ['pending ms mean/p99/max', (x) => ms(x.pendingTimeMeanMs, x.pendingTimeP99Ms, x.pendingMaxMs)],
];

const LEGEND = warmUpLegend(
  'timedOut: cancelled because the confirmation did not come in time',
  'saw pending: share of reads that found the entity still pending',
  'pending: created to confirmed or cancelled',
);

export const pendingFeature = itemFeature<P>({
  id: 'pending',
  of: 'pendingStates',
  kind: 'state',
  what: 'pending states',
  order: { csv: 147, console: 46 },
  tables: [COLUMNS],
  legend: LEGEND,
  page: { order: 86, nav: 'Pending', charts: pendingCharts },
  // Each pending state's: the share of reads that saw it pending (users told "payment being
  // confirmed"), the time pending, and the cancellations. Missing when nothing was read or resolved.
  metrics: [
    m('pendingShare', 'reads that saw pending', 'ratio', (x) =>
      x.reads > 0 ? x.pendingShare : null,
    ),
    m('pendingTimeMeanMs', 'mean time pending', 'ms', (x) =>
      x.confirmed + x.cancelled > 0 ? x.pendingTimeMeanMs : null,
    ),
    m('cancelled', 'cancelled', 'count', (x) => x.cancelled),
    // what the lessons quote: the cancellations for a missing confirmation, the reads that
    // showed a cancelled entity, and the tail of the time pending
    m('timedOut', 'cancelled for timeout', 'count', (x) => x.timedOut),
    m('cancelledReads', 'reads that saw cancelled', 'count', (x) => x.cancelledReads),
    m('pendingTimeP99Ms', 'p99 time pending', 'ms', (x) =>
      x.confirmed + x.cancelled > 0 ? x.pendingTimeP99Ms : null,
    ),
  ],
});
