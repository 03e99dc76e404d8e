/**
 * What a visit and a request keep aside, created by the first one that needs it (model/frame.ts:
 * each field stored in every visit costs it to create and collect): a root frame's rarer wait
 * fields and a call's data (VisitAside), a request's work counts (RequestWork). It imports
 * nothing: model/frame.ts reads these fields as the types it knows them by.
 */

/**
 * What a root frame (a visit, a request) keeps aside, created by the first visit that needs it:
 * Frame's rarer wait fields (only a visit that runs a list step or waits for a core sets them)
 * and the data of a call made outside the ordinary step sequence. Most visits never use them.
 * Frame's other wait fields (a parallel step's `pending`, the query's current, rows, sinceMs)
 * stay stored in the visit: kept aside too, they made the shop 2-5 % slower and M/M/1 no
 * faster; storing these three as well made M/M/1 ~4 % slower (measured).
 */
export class VisitAside {
  declare job: object | null;
  declare workMs: number;
  /** A CallData (model/frame.ts, which reads it as one). */
  declare data: object | null;
  constructor() {
    this.job = null;
    // born undefined, as in Frame: no heap number allocated for a time never set
    this.workMs = undefined as unknown as number;
    this.data = null;
  }
}

/** The work a request caused downstream, created at its first call or query (see Request). */
export class RequestWork {
  declare callCount: number;
  declare queryCount: number;
  declare rowCount: number;
  declare byteCount: number;
  declare degraded: boolean;
  constructor() {
    this.callCount = 0;
    this.queryCount = 0;
    this.rowCount = 0;
    this.byteCount = 0;
    this.degraded = false;
  }
}
