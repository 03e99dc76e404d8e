/**
 * Sagas, local transactions and third-party readers (present when some variant has any):
 * sagas.csv, transactions.csv and readers.csv (each when some variant has such items), the
 * console sections ■ sagas, ■ transactions and ■ readers, the page's "Transactions and
 * consistency" section with its charts, and their key metrics (also in the console's
 * replication table). Shared figures are in transaction-figures.ts.
 */
import type { OutputFile, ReportFeature } from '../../feature.ts';
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
  present: (runs) =>
    runs.some((s) => sagasOf(s).length + transactionsOf(s).length + readersOf(s).length > 0),
  keyMetrics: [SAGA_METRICS, TRANSACTION_METRICS, READER_METRICS],
  parts: [
    {
      to: 'files',
      order: 140,
      build: ({ results }) => {
        const files: OutputFile[] = [];
        if (hasSagas(results.runs)) files.push(['sagas.csv', sagasCsv(results)]);
        if (hasTransactions(results.runs))
          files.push(['transactions.csv', transactionsCsv(results)]);
        if (hasReaders(results.runs)) files.push(['readers.csv', readersCsv(results)]);
        return files;
      },
    },
    { to: 'console', order: 30, build: ({ results }) => formatSagas(results) },
    { to: 'console', order: 40, build: ({ results }) => formatTransactions(results) },
    { to: 'console', order: 50, build: ({ results }) => formatReaders(results) },
    { to: 'page', order: 90, build: transactionSection },
  ],
};
