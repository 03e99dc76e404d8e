/**
 * Counters of one transaction step over the statistics window (issue 7, locking): how many
 * committed or failed, how long they waited for a row lock and how many gave up waiting
 * (pessimistic), how many met a version conflict at commit, retried and ran compensations
 * (optimistic), and how long they held their row.
 */
import { LatencyHistogram } from './histogram.ts';

export class TransactionStats {
  started = 0;
  committed = 0;
  failed = 0;
  /** Pessimistic: transactions that had to wait for the lock, those that gave up (lockWait). */
  lockWaits = 0;
  lockTimeouts = 0;
  /** Optimistic: version conflicts at commit, retries, compensation runs. */
  conflicts = 0;
  retries = 0;
  compensations = 0;
  /** Pessimistic: time waiting for the lock (every transaction that got it, 0 when free), ms. */
  readonly lockWait = new LatencyHistogram();
  /** Start → commit, ms (committed transactions, retries included). */
  readonly duration = new LatencyHistogram();

  constructor(
    readonly id: string,
    readonly locking: string,
    readonly keys: string,
  ) {}

  reset(): void {
    this.started = 0;
    this.committed = 0;
    this.failed = 0;
    this.lockWaits = 0;
    this.lockTimeouts = 0;
    this.conflicts = 0;
    this.retries = 0;
    this.compensations = 0;
    this.lockWait.reset();
    this.duration.reset();
  }
}

export interface TransactionSummary {
  id: string;
  locking: string;
  keys: string;
  started: number;
  committed: number;
  failed: number;
  lockWaits: number;
  lockTimeouts: number;
  conflicts: number;
  retries: number;
  compensations: number;
  /** Conflicts per transaction started. */
  conflictRate: number;
  lockWaitMeanMs: number;
  lockWaitP99Ms: number;
  durationMeanMs: number;
  durationP99Ms: number;
}

export function summarizeTransaction(s: TransactionStats): TransactionSummary {
  const w = s.lockWait.stats();
  const d = s.duration.stats();
  return {
    id: s.id,
    locking: s.locking,
    keys: s.keys,
    started: s.started,
    committed: s.committed,
    failed: s.failed,
    lockWaits: s.lockWaits,
    lockTimeouts: s.lockTimeouts,
    conflicts: s.conflicts,
    retries: s.retries,
    compensations: s.compensations,
    conflictRate: s.started > 0 ? s.conflicts / s.started : 0,
    lockWaitMeanMs: w.meanMs,
    lockWaitP99Ms: w.p99Ms,
    durationMeanMs: d.meanMs,
    durationP99Ms: d.p99Ms,
  };
}
