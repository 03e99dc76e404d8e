/**
 * The outputs of the items a run's summary lists (sessions, consumer groups, sagas, local
 * transactions, readers), one row of the table below per summary field: without such items
 * none of its files is written, summary.json says the runs have none, its console section
 * prints nothing and it has no key metrics; with items in the second variant only, each of its
 * files is written, from the second variant's rows alone, and no other field's file is. Each
 * feature's own test files check its columns, figures and tables.
 */
import { describe, expect, it } from 'vitest';
import type { RunSummary } from '../../metrics/summary.ts';
import { fakeConsumerGroup } from '../../test-support/consumers.ts';
import { rowsOf } from '../../test-support/csv.ts';
import { fakeSessionSummary, tinyResults, withField } from '../../test-support/sessions.ts';
import { fakeReader, fakeSaga, fakeTransaction } from '../../test-support/transactions.ts';
import { keyMetricValues } from '../estimates.ts';
import { buildOutputs, summaryJson } from '../outputs.ts';
import type { ScenarioResults } from '../results.ts';
import { formatSummary } from '../table.ts';
import { formatConsumers } from './messaging/consumer-table.ts';
import { consumersCsv } from './messaging/consumers-csv.ts';
import { formatSessions } from './sessions/session-table.ts';
import { sessionMemoryCsv, sessionsCsv } from './sessions/sessions-csv.ts';
import {
  formatReaders,
  formatSagas,
  formatTransactions,
} from './transactions/transaction-table.ts';
import { readersCsv, sagasCsv, transactionsCsv } from './transactions/transactions-csv.ts';

type Writer = (results: ScenarioResults) => string;

/**
 * [summary field (also the scope of its key metrics), its value without items, a value with
 * one item, its files and their writers, its console section and a word of that section's title]
 */
const ITEMS: [keyof RunSummary, unknown, unknown, Record<string, Writer>, Writer, string][] = [
  [
    'sessions',
    null,
    fakeSessionSummary(),
    { 'sessions.csv': sessionsCsv, 'session-memory.csv': sessionMemoryCsv },
    formatSessions,
    'sessions',
  ],
  [
    'consumers',
    [],
    [fakeConsumerGroup()],
    { 'consumers.csv': consumersCsv },
    formatConsumers,
    'messaging',
  ],
  ['sagas', [], [fakeSaga()], { 'sagas.csv': sagasCsv }, formatSagas, '■ sagas'],
  [
    'transactions',
    [],
    [fakeTransaction()],
    { 'transactions.csv': transactionsCsv },
    formatTransactions,
    '■ transactions',
  ],
  ['readers', [], [fakeReader()], { 'readers.csv': readersCsv }, formatReaders, '■ readers'],
];

const ALL_FILES = ITEMS.flatMap(([, , , writers]) => Object.keys(writers));

const results = await tinyResults();

describe.each(ITEMS)('the outputs of %s', (field, none, some, writers, format, title) => {
  const files = Object.keys(writers);

  it(`are not written without ${field}, and summary.json says so`, () => {
    const written = buildOutputs(results);
    for (const file of files) expect(written.has(file), file).toBe(false);
    const doc = JSON.parse(summaryJson(results));
    expect(doc.runs.map((r: Record<string, unknown>) => r[field])).toEqual([none, none]);
  });

  it(`print nothing on the console without ${field}, and have no key metrics`, () => {
    expect(format(results)).toBe('');
    expect(formatSummary(results)).not.toContain(title);
    for (const run of results.runs)
      expect(keyMetricValues(run.summary).filter((k) => k.metric.scope === field)).toEqual([]);
  });

  it('are files written from the variants that have some, and alone', () => {
    const mixed = withField(field)(results, (v) => (v === 0 ? none : some) as never);
    const written = buildOutputs(mixed);
    for (const [file, write] of Object.entries(writers)) {
      const text = write(mixed);
      // the second variant's rows only: one per item, session-memory.csv one per service (2)
      const rows = file === 'session-memory.csv' ? 2 : 1;
      expect(
        rowsOf(text).map((r) => r.variant),
        file,
      ).toEqual(Array(rows).fill('store'));
      expect(written.get(file), file).toBe(text);
    }
    for (const other of ALL_FILES.filter((f) => !files.includes(f)))
      expect(written.has(other), other).toBe(false);
    // and the console section and key metrics that are absent without items are there now
    expect(formatSummary(mixed)).toContain(title);
    expect(format(mixed)).not.toBe('');
    expect(keyMetricValues(mixed.runs[1].summary).some((k) => k.metric.scope === field)).toBe(true);
  });
});
