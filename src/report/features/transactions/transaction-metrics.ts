/**
 * The key metrics of sagas, transaction steps and third-party readers (scopes `sagas`,
 * `transactions`, `readers`, id = the item), in order; all shown in the console's replication
 * table. Lower is better for all.
 */
import type { ReaderSummary } from '../../../metrics/reader-stats.ts';
import type { SagaSummary } from '../../../metrics/saga-stats.ts';
import type { TransactionSummary } from '../../../metrics/transaction-stats.ts';
import { keyMetricSource, lowerIsBetter as m } from '../../key-metrics.ts';
import {
  readersOf,
  sagasConsistent,
  sagasEnded,
  sagasOf,
  sagasRolledBack,
  transactionsOf,
} from './transaction-figures.ts';

/**
 * Each saga's: inconsistent outcomes and operator alerts are harms, a long inconsistency window
 * is exposure to dirty reads, and time and messages are costs. The times are missing (left out
 * of the estimates) in a run where no saga ended consistent, the messages where none ended.
 */
export const SAGA_METRICS = keyMetricSource<SagaSummary>(
  'sagas',
  (s) => sagasOf(s).map((x) => [x.id, x]),
  [
    m('inconsistent', 'inconsistent sagas', 'count', (x) => x.inconsistent),
    m('alerts', 'operator alerts', 'count', (x) => x.alerts),
    m('windowMeanMs', 'mean inconsistency window', 'ms', (x) =>
      sagasConsistent(x) > 0 ? x.windowMeanMs : null,
    ),
    m('completionMeanMs', 'mean saga completion time', 'ms', (x) =>
      sagasConsistent(x) > 0 ? x.completionMeanMs : null,
    ),
    m('messagesPerSaga', 'messages per saga', 'count', (x) =>
      sagasEnded(x) > 0 ? x.messagesPerSaga : null,
    ),
    // what a roll-back costs (the source's claim about compensation, issue 17): missing in a
    // run where no saga rolled back (absent in results.json written before)
    m('messagesPerCompensatedSaga', 'messages per compensated saga', 'count', (x) =>
      sagasRolledBack(x) > 0 ? (x.messagesPerCompensatedSaga ?? null) : null,
    ),
    m('bytesPerSaga', 'bytes per saga', 'bytes', (x) =>
      sagasEnded(x) > 0 ? (x.bytesPerSaga ?? null) : null,
    ),
    m('bytesPerCompensatedSaga', 'bytes per compensated saga', 'bytes', (x) =>
      sagasRolledBack(x) > 0 ? (x.bytesPerCompensatedSaga ?? null) : null,
    ),
  ],
  true,
);

/**
 * Each transaction step's: failed transactions are errors, conflicts are work done again, and
 * lock waits and long transactions hold threads. The rate and the wait are missing in a run
 * where none started, the p99 where none committed.
 */
export const TRANSACTION_METRICS = keyMetricSource<TransactionSummary>(
  'transactions',
  (s) => transactionsOf(s).map((x) => [x.id, x]),
  [
    m('failed', 'failed transactions', 'count', (t) => t.failed),
    m('conflictRate', 'conflict rate', 'ratio', (t) => (t.started > 0 ? t.conflictRate : null)),
    m('lockWaitMeanMs', 'mean lock wait', 'ms', (t) => (t.started > 0 ? t.lockWaitMeanMs : null)),
    m('durationP99Ms', 'p99 transaction time', 'ms', (t) =>
      t.committed > 0 ? t.durationP99Ms : null,
    ),
  ],
  true,
);

/**
 * Each third-party reader's: the share of reads that saw an anomaly (a dirty or a stale read),
 * and how stale the data read was. Both are missing in a run where the reader read nothing.
 */
export const READER_METRICS = keyMetricSource<ReaderSummary>(
  'readers',
  (s) => readersOf(s).map((x) => [x.id, x]),
  [
    m('anomalyRate', 'anomaly rate', 'ratio', (r) => (r.reads > 0 ? r.anomalyRate : null)),
    m('stalenessP99Ms', 'p99 staleness', 'ms', (r) => (r.reads > 0 ? r.stalenessP99Ms : null)),
  ],
  true,
);
