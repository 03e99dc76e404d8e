/**
 * Counters of one periodically refreshed reference table (one list reference with `refresh`):
 * refreshes, 304 Not Modified answers, rows and bytes transferred, reads served from memory and
 * how many of them were stale (the row changed after the instance's last refresh); with the
 * summary of a table.
 */
import { type Counts, counters, countsOf, fieldsOf } from './counters.ts';

/** What the model counts for a refreshed table while it runs. */
const REFRESH_COUNTERS = {
  refreshes: 'refresh requests sent',
  notModified: 'refreshes answered 304 Not Modified (nothing changed)',
  rowsFetched: 'rows transferred by the refreshes',
  bytesFetched: '… and their bytes',
  reads: 'reads served from the table in memory',
  staleReads: "reads of a row that changed after the instance's last refresh",
} as const;

export class RefreshStats extends counters(REFRESH_COUNTERS) {
  constructor(
    readonly id: string,
    readonly keys: string,
    readonly periodMs: number,
    readonly conditional: boolean,
    /** Bytes the table holds in each instance's memory. */
    readonly bytesPerInstance: number,
    readonly instances: number,
  ) {
    super();
  }
}

/** A periodically refreshed reference table over the statistics window: what it is, its counts. */
export interface RefreshSummary extends Counts<typeof REFRESH_COUNTERS> {
  /** The list reference (service/endpoint/step/ref). */
  id: string;
  keys: string;
  periodMs: number;
  conditional: boolean;
  /** Memory the table holds in each instance, bytes, and the number of instances holding it. */
  bytesPerInstance: number;
  instances: number;
}

/** The summary of refreshed table `r`. */
export function summarizeRefresh(r: RefreshStats): RefreshSummary {
  return {
    ...fieldsOf(r, ['id', 'keys', 'periodMs', 'conditional']),
    ...countsOf(r, REFRESH_COUNTERS),
    ...fieldsOf(r, ['bytesPerInstance', 'instances']),
  };
}
