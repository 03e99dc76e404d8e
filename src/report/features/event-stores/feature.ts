/**
 * Event stores (present when some variant has an eventStore step): event-stores.csv, the
 * console section ■ event stores and the key metrics (also in the console's replication table).
 */
import { file, part, type ReportFeature, someRunHas } from '../../feature.ts';
import {
  EVENT_STORE_METRICS,
  eventStoresCsv,
  eventStoresOf,
  formatEventStores,
} from './event-stores.ts';

export const eventStoresFeature: ReportFeature = {
  id: 'event-stores',
  present: someRunHas(eventStoresOf),
  keyMetrics: [EVENT_STORE_METRICS],
  parts: [
    file(148, 'event-stores.csv', (a) => eventStoresCsv(a.results)),
    part('console', 47, (a) => formatEventStores(a.results)),
  ],
};
