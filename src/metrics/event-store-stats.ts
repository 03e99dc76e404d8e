/**
 * Counters of one event store (issue 18, event sourcing) over the statistics window: events
 * appended, state rebuilds (reads), snapshots written, and how many stored rows each rebuild
 * replayed (the snapshot, if any, and the events after it). The replay length is the cost that
 * grows with history, and snapshots bound it. Exact sums and maxima, for scripted checks.
 */
import { type Counts, counters, countsOf, fieldsOf } from './counters.ts';
import { HistoryBuckets } from './figure-recorders.ts';

/** What the model counts for an event store over the statistics window. */
const EVENT_STORE_COUNTERS = {
  appends: 'events appended (each after rebuilding its entity, as a command handler does)',
  reads: 'state rebuilds for a read',
  snapshots: 'snapshots written',
  replayedRows: 'rows replayed by rebuilds (appends and reads): a snapshot counts as one row',
  rebuilds: 'rebuilds (appends and reads)',
  maxReplay: 'the longest replay (rows), exact (the summary calls it replayMax)',
} as const;

export class EventStoreStats extends counters(EVENT_STORE_COUNTERS) {
  /** At the end of the run: events stored, and the rows a full rebuild would replay (a recovery). */
  eventsStored = 0;
  recoveryRows = 0;
  /** Rebuilds by the history of their entity (for the charts). */
  byHistory = new HistoryBuckets();
  constructor(
    readonly id: string,
    readonly snapshotEvery: number,
  ) {
    super();
  }
  override reset(nowMs?: number): void {
    super.reset(nowMs);
    this.byHistory = new HistoryBuckets();
  }
}

/** An event store over the statistics window, ready for JSON. */
export interface EventStoreSummary extends Counts<Omit<typeof EVENT_STORE_COUNTERS, 'maxReplay'>> {
  id: string;
  /** 0: no snapshots. */
  snapshotEvery: number;
  /** Rows replayed per rebuild, mean and max. */
  replayMean: number;
  replayMax: number;
  /** Events stored at the end (history included). */
  eventsStored: number;
  /** Rows a rebuild of every entity would replay at the end (recovering a lost projection). */
  recoveryRows: number;
}

export function summarizeEventStore(s: EventStoreStats): EventStoreSummary {
  return {
    ...fieldsOf(s, ['id', 'snapshotEvery']),
    ...countsOf(s, EVENT_STORE_COUNTERS, ['maxReplay']),
    replayMean: s.rebuilds > 0 ? s.replayedRows / s.rebuilds : 0,
    replayMax: s.maxReplay,
    eventsStored: s.eventsStored,
    recoveryRows: s.recoveryRows,
  };
}
