/**
 * Test helpers for the report side of sagas, local transactions and third-party readers
 * (issue 7): summaries with made-up figures (every figure distinct, so a test can tell columns
 * apart), and a copy of some results with such items put in place of the runs' own (the
 * model's sagas, locks and readers are not needed; the tiny two-variant scenario is the one of
 * test-support/sessions.ts).
 */
import type { ReaderSummary } from '../metrics/reader-stats.ts';
import type { SagaSummary } from '../metrics/saga-stats.ts';
import type { TransactionSummary } from '../metrics/transaction-stats.ts';
import { withField } from './sessions.ts';

export { firstVariantOnly, tinyResults, tinyRuns } from './sessions.ts';

/** A SagaSummary with made-up, distinct figures; `fields` replace whole fields. */
export function fakeSaga(fields: Partial<SagaSummary> = {}): SagaSummary {
  return {
    id: 'create-course',
    mode: 'orchestrated',
    actions: 3,
    started: 1200,
    completed: 1050,
    compensated: 98,
    inconsistent: 33,
    alerts: 35,
    actionFailures: 131,
    compensationFailures: 31,
    uncompensable: 4,
    messagesPerSaga: 5.9167,
    messagesPerCompletedSaga: 5.5,
    messagesPerCompensatedSaga: 8.25,
    bytesPerSaga: 4123.5,
    bytesPerCompensatedSaga: 6150.75,
    completionMeanMs: 95.75,
    completionP99Ms: 264.5,
    windowMeanMs: 93.25,
    windowP99Ms: 260.125,
    windowMaxMs: 634.3,
    ...fields,
  };
}

/** A TransactionSummary with made-up, distinct figures; `fields` replace whole fields. */
export function fakeTransaction(fields: Partial<TransactionSummary> = {}): TransactionSummary {
  return {
    id: 'book-seat',
    locking: 'pessimistic',
    keys: 'seats',
    started: 2000,
    committed: 1890,
    failed: 110,
    lockWaits: 560,
    lockTimeouts: 110,
    conflicts: 12,
    retries: 9,
    compensations: 7,
    conflictRate: 0.006,
    lockWaitMeanMs: 72.5,
    lockWaitP99Ms: 959.25,
    durationMeanMs: 112.75,
    durationP99Ms: 997.5,
    ...fields,
  };
}

/** The first anomaly of fakeReader: it has a comma, quotes and an apostrophe, as real ones do. */
export const FIRST_ANOMALY =
  'at 10.000 s settlement read pay-order #1019 (started at 9.952 s): payments/charge done at 9.993 s, ledger/post done at 9.998 s, orders/mark-paid not done, "quoted" and projection\'s';

/** The worst anomaly of fakeReader. */
export const WORST_ANOMALY =
  'at 82.000 s settlement read pay-order #8094 (started at 80.403 s): payments/charge done at 80.473 s, ledger/post not done, orders/mark-paid not done';

/** A ReaderSummary with made-up, distinct figures; `fields` replace whole fields. */
export function fakeReader(fields: Partial<ReaderSummary> = {}): ReaderSummary {
  return {
    id: 'settlement',
    kind: 'saga',
    target: 'pay-order',
    cutoffMs: 1000,
    reads: 17120,
    anomalies: 180,
    anomalyRate: 180 / 17120,
    example: FIRST_ANOMALY,
    worstExample: WORST_ANOMALY,
    stalenessMeanMs: 0.125,
    stalenessP99Ms: 0.3,
    stalenessMaxMs: 1527.25,
    ...fields,
  };
}

/** A copy of `results` whose replication r of variant v has `sagas(v, r)` as its sagas. */
export const withSagas = withField('sagas');

/** A copy of `results` whose replication r of variant v has `steps(v, r)` as its transactions. */
export const withTransactions = withField('transactions');

/** A copy of `results` whose replication r of variant v has `readers(v, r)` as its readers. */
export const withReaders = withField('readers');
