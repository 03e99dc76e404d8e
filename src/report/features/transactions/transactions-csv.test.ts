/**
 * sagas.csv, transactions.csv and readers.csv: one row per variant × item with every figure of
 * its summary in its own column, the readers' examples as quoted text; summary.json carries the
 * items and their key metrics. (That each is written only when some variant has such items:
 * ../item-outputs.test.ts.)
 */
import { describe, expect, it } from 'vitest';
import { cellsOf, headerOf, rowsOf } from '../../../test-support/csv.ts';
import * as tx from '../../../test-support/transactions.ts';
import { summaryJson } from '../../outputs.ts';
import { readersCsv, sagasCsv, transactionsCsv } from './transactions-csv.ts';

const results = await tx.tinyResults();

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
      ...cellsOf('sticky', tx.fakeSaga({ mode: 'choreographed' }), { id: 'saga' }),
      messagesPerSaga: '3.6667', // 11 / 3
    });
    expect(rows[2].actions).toBe('2');
  });

  it('transactions.csv: one row per variant × step with its own figures', () => {
    const rows = rowsOf(transactionsCsv(everything));
    expect(rows.map((r) => [r.variant, r.transaction, r.locking])).toEqual([
      ['sticky', 'book-seat', 'pessimistic'],
      ['store', 'book-seat', 'optimistic'],
    ]);
    expect(rows[0]).toEqual(cellsOf('sticky', tx.fakeTransaction(), { id: 'transaction' }));
  });

  it('readers.csv: the examples are quoted text that reads back whole; none is an empty cell', () => {
    const text = readersCsv(everything);
    // the comma and the doubled quotes stay inside one quoted field
    expect(text).toContain(`"${tx.FIRST_ANOMALY.replaceAll('"', '""')}"`);
    const rows = rowsOf(text);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toEqual({
      ...cellsOf('sticky', tx.fakeReader(), { id: 'reader' }),
      anomalyRate: '0.0105', // 180 / 17120
    });
    expect([rows[1].example, rows[1].worstExample]).toEqual(['', '']);
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
