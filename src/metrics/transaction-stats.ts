/**
 * Counters of one transaction step over the statistics window (issue 7, locking): how many
 * committed or failed, how long they waited for a row lock and how many gave up waiting
 * (pessimistic), how many met a version conflict at commit, retried and ran compensations
 * (optimistic), and how long they held their row.
 */
import { type Counts, counters, countsOf, fieldsOf, type TimesOf, timesOf } from './counters.ts';

/** What the model counts for a transaction step over the statistics window. */
const TRANSACTION_COUNTERS = {
  started: 'transactions started',
  committed: 'transactions committed',
  failed: 'transactions that failed',
  lockWaits: 'pessimistic: transactions that had to wait for the row lock',
  lockTimeouts: 'pessimistic: transactions that gave up waiting (lockWait)',
  conflicts: 'optimistic: version conflicts at commit',
  retries: 'optimistic: retries after a conflict',
  compensations: 'optimistic: compensation runs after a conflict',
} as const;

/** What the model measures of each transaction over the statistics window, ms. */
const TRANSACTION_TIMES = {
  lockWait: 'pessimistic: time waiting for the lock (every transaction that got it, 0 when free)',
  duration: 'start → commit (committed transactions, retries included)',
} as const;

export class TransactionStats extends counters(TRANSACTION_COUNTERS, TRANSACTION_TIMES) {
  constructor(
    readonly id: string,
    readonly locking: string,
    readonly keys: string,
  ) {
    super();
  }
}

/** A transaction step over the statistics window, ready for JSON: its counts, then figures derived from them. */
export interface TransactionSummary
  extends Counts<typeof TRANSACTION_COUNTERS>,
    TimesOf<'lockWait' | 'duration', 'meanMs' | 'p99Ms'> {
  id: string;
  locking: string;
  keys: string;
  /** Conflicts per transaction started. */
  conflictRate: number;
}

export function summarizeTransaction(s: TransactionStats): TransactionSummary {
  return {
    ...fieldsOf(s, ['id', 'locking', 'keys']),
    ...countsOf(s, TRANSACTION_COUNTERS),
    conflictRate: s.started > 0 ? s.conflicts / s.started : 0,
    ...timesOf('lockWait', s.lockWait, ['meanMs', 'p99Ms']),
    ...timesOf('duration', s.duration, ['meanMs', 'p99Ms']),
  };
}
