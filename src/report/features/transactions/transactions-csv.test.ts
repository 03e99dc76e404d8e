/**
 * sagas.csv, transactions.csv and readers.csv: each written only when some variant has such
 * items, one row per variant × item with every figure of its summary in its own column, the
 * readers' examples as quoted text; summary.json carries the items and their key metrics.
 */
import { describe, expect, it } from 'vitest';
import { parseCsv, rowsOf } from '../../../test-support/csv.ts';
import * as tx from '../../../test-support/transactions.ts';
import { buildOutputs, summaryJson } from '../../outputs.ts';
import { readersCsv, sagasCsv, transactionsCsv } from './transactions-csv.ts';

const results = await tx.tinyResults();

/** The header of a CSV text. */
const headerOf = (text: string) => parseCsv(text)[0];

/** The fields of a summary as columns: `id` named after the item, in the summary's order. */
const fieldsAsColumns = (item: object, idColumn: string) =>
  Object.keys(item).map((k) => (k === 'id' ? idColumn : k));

const everything = tx.withReaders(
  tx.withTransactions(
    tx.withSagas(results, (v) =>
      v === 0
        ? [tx.fakeSaga({ mode: 'choreographed', messagesPerSaga: 11 / 3 })]
        : [tx.fakeSaga({ inconsistent: 0 }), tx.fakeSaga({ id: 'refund', actions: 2 })],
    ),
    (v) => [tx.fakeTransaction({ locking: v === 0 ? 'pessimistic' : 'optimistic' })],
  ),
  (v) => (v === 0 ? [tx.fakeReader()] : [tx.fakeReader({ example: null, worstExample: null })]),
);

describe('sagas.csv, transactions.csv, readers.csv', () => {
  it('are not written without such items, and summary.json has empty lists', () => {
    const files = buildOutputs(results);
    for (const f of ['sagas.csv', 'transactions.csv', 'readers.csv'])
      expect(files.has(f), f).toBe(false);
    const doc = JSON.parse(summaryJson(results));
    for (const run of doc.runs) {
      expect(run.sagas).toEqual([]);
      expect(run.transactions).toEqual([]);
      expect(run.readers).toEqual([]);
    }
  });

  it('are each written when some variant has such items, and only then', () => {
    const onlySagas = buildOutputs(tx.withSagas(results, () => [tx.fakeSaga()]));
    expect(onlySagas.has('sagas.csv')).toBe(true);
    expect(onlySagas.has('transactions.csv')).toBe(false);
    expect(onlySagas.has('readers.csv')).toBe(false);
    const files = buildOutputs(everything);
    expect(files.get('sagas.csv')).toBe(sagasCsv(everything));
    expect(files.get('transactions.csv')).toBe(transactionsCsv(everything));
    expect(files.get('readers.csv')).toBe(readersCsv(everything));
  });

  it('have one column per field of the summary, in a fixed order (the examples last)', () => {
    expect(headerOf(sagasCsv(everything))).toEqual([
      'variant',
      ...fieldsAsColumns(tx.fakeSaga(), 'saga'),
    ]);
    expect(headerOf(transactionsCsv(everything))).toEqual([
      'variant',
      ...fieldsAsColumns(tx.fakeTransaction(), 'transaction'),
    ]);
    const readerFields = fieldsAsColumns(tx.fakeReader(), 'reader').filter(
      (k) => k !== 'example' && k !== 'worstExample',
    );
    expect(headerOf(readersCsv(everything))).toEqual([
      'variant',
      ...readerFields,
      'example',
      'worstExample',
    ]);
  });

  it('sagas.csv: one row per variant × saga with its own figures, rounded to 4 decimals', () => {
    const rows = rowsOf(sagasCsv(everything));
    expect(rows.map((r) => [r.variant, r.saga, r.mode, r.inconsistent])).toEqual([
      ['sticky', 'create-course', 'choreographed', '33'],
      ['store', 'create-course', 'orchestrated', '0'],
      ['store', 'refund', 'orchestrated', '33'],
    ]);
    expect(rows[0]).toEqual({
      variant: 'sticky',
      saga: 'create-course',
      mode: 'choreographed',
      actions: '3',
      started: '1200',
      completed: '1050',
      compensated: '98',
      inconsistent: '33',
      alerts: '35',
      actionFailures: '131',
      compensationFailures: '31',
      uncompensable: '4',
      messagesPerSaga: '3.6667',
      messagesPerCompletedSaga: '5.5',
      messagesPerCompensatedSaga: '8.25',
      bytesPerSaga: '4123.5',
      bytesPerCompensatedSaga: '6150.75',
      completionMeanMs: '95.75',
      completionP99Ms: '264.5',
      windowMeanMs: '93.25',
      windowP99Ms: '260.125',
      windowMaxMs: '634.3',
    });
    expect(rows[2].actions).toBe('2');
  });

  it('transactions.csv: one row per variant × step with its own figures', () => {
    const rows = rowsOf(transactionsCsv(everything));
    expect(rows.map((r) => [r.variant, r.transaction, r.locking])).toEqual([
      ['sticky', 'book-seat', 'pessimistic'],
      ['store', 'book-seat', 'optimistic'],
    ]);
    expect(rows[0]).toEqual({
      variant: 'sticky',
      transaction: 'book-seat',
      locking: 'pessimistic',
      keys: 'seats',
      started: '2000',
      committed: '1890',
      failed: '110',
      lockWaits: '560',
      lockTimeouts: '110',
      conflicts: '12',
      retries: '9',
      compensations: '7',
      conflictRate: '0.006',
      lockWaitMeanMs: '72.5',
      lockWaitP99Ms: '959.25',
      durationMeanMs: '112.75',
      durationP99Ms: '997.5',
    });
  });

  it('readers.csv: the examples are quoted text that reads back whole; none is an empty cell', () => {
    const text = readersCsv(everything);
    // the comma and the doubled quotes stay inside one quoted field
    expect(text).toContain(`"${tx.FIRST_ANOMALY.replaceAll('"', '""')}"`);
    const rows = rowsOf(text);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toEqual({
      variant: 'sticky',
      reader: 'settlement',
      kind: 'saga',
      target: 'pay-order',
      cutoffMs: '1000',
      reads: '17120',
      anomalies: '180',
      anomalyRate: '0.0105',
      stalenessMeanMs: '0.125',
      stalenessP99Ms: '0.3',
      stalenessMaxMs: '1527.25',
      example: tx.FIRST_ANOMALY,
      worstExample: tx.WORST_ANOMALY,
    });
    expect([rows[1].example, rows[1].worstExample]).toEqual(['', '']);
  });

  it('leave out a variant without such items', () => {
    const mixed = tx.withReaders(results, (v) => (v === 0 ? [] : [tx.fakeReader()]));
    expect(rowsOf(readersCsv(mixed)).map((r) => r.variant)).toEqual(['store']);
    expect(buildOutputs(mixed).has('readers.csv')).toBe(true);
  });
});

describe('summary.json with sagas, transactions and readers', () => {
  it('carries every figure of each item and their key metrics, scoped by item', () => {
    const doc = JSON.parse(summaryJson(everything));
    expect(doc.runs[0].readers).toEqual([tx.fakeReader({ anomalyRate: 0.0105 })]);
    expect(doc.runs[1].sagas.map((s: { id: string }) => s.id)).toEqual(['create-course', 'refund']);
    const keys = doc.runs[1].estimates.map((e: { key: string }) => e.key);
    expect(keys).toContain('sagas|refund|inconsistent');
    expect(keys).toContain('transactions|book-seat|conflictRate');
    expect(keys).toContain('readers|settlement|anomalyRate');
    const inconsistent = doc.comparisons[0].metrics.find(
      (m: { key: string }) => m.key === 'sagas|create-course|inconsistent',
    );
    expect(inconsistent.better).toBe(true); // 0 instead of 33
  });
});
