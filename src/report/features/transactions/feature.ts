/**
 * Sagas, local transactions and third-party readers (present when some variant has any):
 * sagas.csv, transactions.csv and readers.csv (each when some variant has such items), the
 * console sections ■ sagas, ■ transactions and ■ readers, the page's "Transactions and
 * consistency" section with its charts, and their key metrics (also in the console's
 * replication table). Shared figures are in transaction-figures.ts.
 */
import { type OutputFile, part, type ReportFeature, someRunHas } from '../../feature.ts';
import {
  hasReaders,
  hasSagas,
  hasTransactions,
  readersOf,
  sagasOf,
  transactionsOf,
} from './transaction-figures.ts';
import { READER_METRICS, SAGA_METRICS, TRANSACTION_METRICS } from './transaction-metrics.ts';
import { transactionSection } from './transaction-sections.ts';
import { formatReaders, formatSagas, formatTransactions } from './transaction-table.ts';
import { readersCsv, sagasCsv, transactionsCsv } from './transactions-csv.ts';

export const transactionsFeature: ReportFeature = {
  id: 'transactions',
  present: someRunHas((s) => [...sagasOf(s), ...transactionsOf(s), ...readersOf(s)]),
  keyMetrics: [SAGA_METRICS, TRANSACTION_METRICS, READER_METRICS],
  parts: [
    part('files', 140, ({ results }) => {
      const files: OutputFile[] = [];
      if (hasSagas(results.runs)) files.push(['sagas.csv', sagasCsv(results)]);
      if (hasTransactions(results.runs)) files.push(['transactions.csv', transactionsCsv(results)]);
      if (hasReaders(results.runs)) files.push(['readers.csv', readersCsv(results)]);
      return files;
    }),
    part('console', 30, (a, lang) => formatSagas(a.results, lang)),
    part('console', 40, (a, lang) => formatTransactions(a.results, lang)),
    part('console', 50, (a, lang) => formatReaders(a.results, lang)),
    part('page', 90, transactionSection),
  ],
};
