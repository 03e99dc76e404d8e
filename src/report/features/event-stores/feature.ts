/**
 * Event stores (present when some variant has an eventStore step): event-stores.csv (one row per
 * variant × store: every figure of its summary), the console section ■ event stores, the page's
 * section of charts (charts.ts) and the key metrics (also in the console's replication table).
 * First replication of each variant.
 */
import type { EventStoreSummary } from '../../../metrics/event-store-stats.ts';
import { itemFeature } from '../../item-feature.ts';
import { warmUpLegendJoined } from '../../item-table.ts';
import { lowerIsBetter as m } from '../../key-metrics.ts';
import { countColumns, num, type TextColumn } from '../../text-table.ts';
import { eventStoresCharts } from './charts.ts';

type E = EventStoreSummary;

const COLUMNS: TextColumn<E>[] = [
  ['snapshot every', (x) => (x.snapshotEvery === 0 ? 'never' : String(x.snapshotEvery))],
  ...countColumns<E>('appends', 'reads', 'snapshots'),
  ['replay rows mean/max', (x) => `${num(x.replayMean, 1)}/${x.replayMax}`],
  ['events stored', (x) => String(x.eventsStored)],
  ['recovery rows', (x) => String(x.recoveryRows)],
];

const LEGEND = warmUpLegendJoined(
  'events stored and recovery rows at the end of the run',
  'replay rows: rows each rebuild (command or read) replayed, a snapshot counting one',
  'recovery rows: what rebuilding every entity would replay (a projection lost in a crash)',
);

export const eventStoresFeature = itemFeature<E>({
  id: 'event-stores',
  kind: 'store',
  what: 'event stores',
  order: { csv: 148, console: 47 },
  tables: [COLUMNS],
  legend: LEGEND,
  page: {
    order: 87,
    nav: 'Event stores',
    charts: eventStoresCharts,
  },
  // Each store's: rows replayed per rebuild (the cost history adds) and the recovery cost.
  metrics: [
    m('replayMean', 'rows replayed per rebuild', 'count', (x) =>
      x.rebuilds > 0 ? x.replayMean : null,
    ),
    m('recoveryRows', 'rows to replay on recovery', 'count', (x) => x.recoveryRows),
  ],
});
