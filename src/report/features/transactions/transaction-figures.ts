/**
 * Figures of a run's sagas, local transactions and third-party readers that several outputs
 * share (the CSVs, the console sections, the key metrics, the HTML report): each item with its
 * run (first replication of each variant), whether any run has such items, and the sagas that
 * ended. Pure. Older results (written before these existed) read as having none.
 */
import type { ReaderSummary } from '../../../metrics/reader-stats.ts';
import type { SagaSummary } from '../../../metrics/saga-stats.ts';
import type { RunResult, RunSummary } from '../../../metrics/summary.ts';
import type { TransactionSummary } from '../../../metrics/transaction-stats.ts';
import { runItems } from '../../csv.ts';

/** The sagas of a summary ([] for a summary written before sagas existed). */
export const sagasOf = (s: RunSummary): SagaSummary[] => s.sagas ?? [];

/** The transaction steps of a summary ([] for one written before transactions existed). */
export const transactionsOf = (s: RunSummary): TransactionSummary[] => s.transactions ?? [];

/** The third-party readers of a summary ([] for one written before readers existed). */
export const readersOf = (s: RunSummary): ReaderSummary[] => s.readers ?? [];

/** The sagas of every run (first replication of each variant), each with its run. */
export const sagaRuns = (runs: readonly RunResult[]): [RunResult, SagaSummary][] =>
  runItems(runs, sagasOf);

/** The transaction steps of every run (first replication of each variant), each with its run. */
export const transactionRuns = (runs: readonly RunResult[]): [RunResult, TransactionSummary][] =>
  runItems(runs, transactionsOf);

/** The third-party readers of every run (first replication of each variant), each with its run. */
export const readerRuns = (runs: readonly RunResult[]): [RunResult, ReaderSummary][] =>
  runItems(runs, readersOf);

/** Whether some run has sagas (then sagas.csv and the sagas sections exist). */
export const hasSagas = (runs: readonly RunResult[]): boolean =>
  runs.some((r) => sagasOf(r.summary).length > 0);

/** Whether some run has transaction steps (then transactions.csv and their sections exist). */
export const hasTransactions = (runs: readonly RunResult[]): boolean =>
  runs.some((r) => transactionsOf(r.summary).length > 0);

/** Whether some run has third-party readers (then readers.csv and their sections exist). */
export const hasReaders = (runs: readonly RunResult[]): boolean =>
  runs.some((r) => readersOf(r.summary).length > 0);

/** Sagas that ended, whichever way: completed, compensated or inconsistent. */
export const sagasEnded = (s: SagaSummary): number => s.completed + s.compensated + s.inconsistent;

/**
 * Sagas that ended consistent (completed or fully compensated): those with a completion time
 * and an inconsistency window.
 */
export const sagasConsistent = (s: SagaSummary): number => s.completed + s.compensated;

/** The sagas that rolled back: compensated, or left inconsistent by a failed roll-back. */
export const sagasRolledBack = (s: SagaSummary): number => s.compensated + s.inconsistent;
