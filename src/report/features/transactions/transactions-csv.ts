/**
 * sagas.csv, transactions.csv and readers.csv (each written when some variant has such items):
 * the first replication of each variant, one row per variant × saga, transaction step or
 * third-party reader, with every figure of its summary in its own column. Every number is
 * rounded to 4 decimals. A reader's first and worst anomaly are text columns at the end of
 * readers.csv (quoted by the CSV library; empty when the reader saw none).
 */
import type { ReaderSummary } from '../../../metrics/reader-stats.ts';
import type { SagaSummary } from '../../../metrics/saga-stats.ts';
import type { TransactionSummary } from '../../../metrics/transaction-stats.ts';
import { type Column, csvOf } from '../../csv.ts';
import type { ScenarioResults } from '../../results.ts';
import { round } from '../../round.ts';
import { readerRuns, sagaRuns, transactionRuns } from './transaction-figures.ts';

/** The columns of sagas.csv after `variant`, in order (the fields of the summary, `id` as `saga`). */
export const SAGA_COLUMNS: Column<SagaSummary>[] = [
  ['saga', (s) => s.id],
  ['mode', (s) => s.mode],
  ['actions', (s) => s.actions],
  ['started', (s) => s.started],
  ['completed', (s) => s.completed],
  ['compensated', (s) => s.compensated],
  ['inconsistent', (s) => s.inconsistent],
  ['alerts', (s) => s.alerts],
  ['actionFailures', (s) => s.actionFailures],
  ['compensationFailures', (s) => s.compensationFailures],
  ['uncompensable', (s) => s.uncompensable],
  ['messagesPerSaga', (s) => round(s.messagesPerSaga)],
  ['completionMeanMs', (s) => round(s.completionMeanMs)],
  ['completionP99Ms', (s) => round(s.completionP99Ms)],
  ['windowMeanMs', (s) => round(s.windowMeanMs)],
  ['windowP99Ms', (s) => round(s.windowP99Ms)],
  ['windowMaxMs', (s) => round(s.windowMaxMs)],
];

/**
 * The columns of transactions.csv after `variant`, in order (the fields of the summary, `id` as
 * `transaction`).
 */
export const TRANSACTION_COLUMNS: Column<TransactionSummary>[] = [
  ['transaction', (t) => t.id],
  ['locking', (t) => t.locking],
  ['keys', (t) => t.keys],
  ['started', (t) => t.started],
  ['committed', (t) => t.committed],
  ['failed', (t) => t.failed],
  ['lockWaits', (t) => t.lockWaits],
  ['lockTimeouts', (t) => t.lockTimeouts],
  ['conflicts', (t) => t.conflicts],
  ['retries', (t) => t.retries],
  ['compensations', (t) => t.compensations],
  ['conflictRate', (t) => round(t.conflictRate)],
  ['lockWaitMeanMs', (t) => round(t.lockWaitMeanMs)],
  ['lockWaitP99Ms', (t) => round(t.lockWaitP99Ms)],
  ['durationMeanMs', (t) => round(t.durationMeanMs)],
  ['durationP99Ms', (t) => round(t.durationP99Ms)],
];

/**
 * The columns of readers.csv after `variant`, in order: the fields of the summary (`id` as
 * `reader`), with the two example texts last so the numbers line up in a spreadsheet.
 */
export const READER_COLUMNS: Column<ReaderSummary>[] = [
  ['reader', (r) => r.id],
  ['kind', (r) => r.kind],
  ['target', (r) => r.target],
  ['cutoffMs', (r) => round(r.cutoffMs)],
  ['reads', (r) => r.reads],
  ['anomalies', (r) => r.anomalies],
  ['anomalyRate', (r) => round(r.anomalyRate)],
  ['stalenessMeanMs', (r) => round(r.stalenessMeanMs)],
  ['stalenessP99Ms', (r) => round(r.stalenessP99Ms)],
  ['stalenessMaxMs', (r) => round(r.stalenessMaxMs)],
  ['example', (r) => r.example],
  ['worstExample', (r) => r.worstExample],
];

/** sagas.csv: one row per variant × saga (first replication), in the order of the summary. */
export function sagasCsv(results: ScenarioResults): string {
  return csvOf(SAGA_COLUMNS, sagaRuns(results.runs));
}

/** transactions.csv: one row per variant × transaction step (first replication). */
export function transactionsCsv(results: ScenarioResults): string {
  return csvOf(TRANSACTION_COLUMNS, transactionRuns(results.runs));
}

/**
 * readers.csv: one row per variant × third-party reader (first replication): reads, anomalies
 * (dirty reads of a saga's entities, stale reads of a read model), staleness, and the first and
 * the worst (stalest) anomaly in words.
 */
export function readersCsv(results: ScenarioResults): string {
  return csvOf(READER_COLUMNS, readerRuns(results.runs));
}
