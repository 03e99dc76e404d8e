/**
 * Event stores in the report: event-stores.csv (one row per variant × store: every figure of
 * its summary), the console section ■ event stores, and the key metrics. First replication of
 * each variant.
 */
import type { EventStoreSummary } from '../../../metrics/event-store-stats.ts';
import type { RunResult, RunSummary } from '../../../metrics/summary.ts';
import { runItems, summariesCsv } from '../../csv.ts';
import { formatItems } from '../../item-table.ts';
import { keyMetricSource, lowerIsBetter as m } from '../../key-metrics.ts';
import type { ScenarioResults } from '../../results.ts';
import { countColumns, num, type TextColumn } from '../../text-table.ts';

/** The event stores of a summary ([] for a run without any). */
export const eventStoresOf = (s: RunSummary): EventStoreSummary[] => s.eventStores ?? [];

const storeRuns = (runs: readonly RunResult[]) => runItems(runs, eventStoresOf);

/** event-stores.csv: one row per variant × event store (first replication). */
export function eventStoresCsv(results: ScenarioResults): string {
  return summariesCsv(storeRuns(results.runs), { id: 'store' });
}

type E = EventStoreSummary;

const COLUMNS: TextColumn<E>[] = [
  ['snapshot every', (x) => (x.snapshotEvery === 0 ? 'never' : String(x.snapshotEvery))],
  ...countColumns<E>('appends', 'reads', 'snapshots'),
  ['replay rows mean/max', (x) => `${num(x.replayMean, 1)}/${x.replayMax}`],
  ['events stored', (x) => String(x.eventsStored)],
  ['recovery rows', (x) => String(x.recoveryRows)],
];

const LEGEND = [
  'counts after the warm-up; events stored and recovery rows at the end of the run',
  'replay rows: rows each rebuild (command or read) replayed, a snapshot counting one',
  'recovery rows: what rebuilding every entity would replay (a projection lost in a crash)',
];

/** ■ event stores: one row per variant × store ('' without any). */
export const formatEventStores = (results: ScenarioResults): string =>
  formatItems(
    results,
    storeRuns(results.runs),
    { what: 'event stores', kind: 'store', idOf: (x) => x.id },
    [COLUMNS],
    LEGEND,
  );

/** Each store's: rows replayed per rebuild (the cost history adds) and the recovery cost. */
export const EVENT_STORE_METRICS = keyMetricSource<E>(
  'eventStores',
  (s) => eventStoresOf(s).map((x) => [x.id, x]),
  [
    m('replayMean', 'rows replayed per rebuild', 'count', (x) =>
      x.rebuilds > 0 ? x.replayMean : null,
    ),
    m('recoveryRows', 'rows to replay on recovery', 'count', (x) => x.recoveryRows),
  ],
  true,
);
