/**
 * sagas.csv, transactions.csv and readers.csv (each written when some variant has such items):
 * the first replication of each variant, one row per variant × saga, transaction step or
 * third-party reader, with every figure of its summary in its own column. Every number is
 * rounded to 4 decimals. A reader's first and worst anomaly are text columns at the end of
 * readers.csv (quoted by the CSV library; empty when the reader saw none).
 */
import { summariesCsv } from '../../csv.ts';
import type { ScenarioResults } from '../../results.ts';
import { readerRuns, sagaRuns, transactionRuns } from './transaction-figures.ts';

/** sagas.csv: one row per variant × saga (first replication), in the order of the summary. */
export function sagasCsv(results: ScenarioResults): string {
  return summariesCsv(sagaRuns(results.runs), { id: 'saga' });
}

/** transactions.csv: one row per variant × transaction step (first replication). */
export function transactionsCsv(results: ScenarioResults): string {
  return summariesCsv(transactionRuns(results.runs), { id: 'transaction' });
}

/**
 * readers.csv: one row per variant × third-party reader (first replication): reads, anomalies
 * (dirty reads of a saga's entities, stale reads of a read model), staleness, and the first and
 * the worst (stalest) anomaly in words — the two texts last, so the numbers line up in a
 * spreadsheet.
 */
export function readersCsv(results: ScenarioResults): string {
  return summariesCsv(readerRuns(results.runs), { id: 'reader' }, ['example', 'worstExample']);
}
