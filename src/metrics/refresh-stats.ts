/**
 * Counters of one periodically refreshed reference table (one list reference with `refresh`):
 * refreshes, 304 Not Modified answers, rows and bytes transferred, reads served from memory and
 * how many of them were stale (the row changed after the instance's last refresh).
 */

/** What the model counts for a refreshed table while it runs. */
export class RefreshStats {
  refreshes = 0;
  notModified = 0;
  rowsFetched = 0;
  bytesFetched = 0;
  reads = 0;
  staleReads = 0;

  constructor(
    readonly id: string,
    readonly keys: string,
    readonly periodMs: number,
    readonly conditional: boolean,
    /** Bytes the table holds in each instance's memory. */
    readonly bytesPerInstance: number,
    readonly instances: number,
  ) {}

  /** Starts the statistics window. */
  reset(): void {
    this.refreshes = 0;
    this.notModified = 0;
    this.rowsFetched = 0;
    this.bytesFetched = 0;
    this.reads = 0;
    this.staleReads = 0;
  }
}
