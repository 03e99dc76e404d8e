/**
 * The files of the items a run's summary lists (sessions, consumer groups, sagas, local
 * transactions, readers), one row of the table below per summary field: none of its files is
 * written without such items, and summary.json then says the runs have none; with items in the
 * second variant only, each of its files is written, from the second variant's rows alone, and
 * no other field's file is. Each feature's own test file checks its columns and figures.
 */
import { describe, expect, it } from 'vitest';
import type { RunSummary } from '../../metrics/summary.ts';
import { fakeConsumerGroup } from '../../test-support/consumers.ts';
import { rowsOf } from '../../test-support/csv.ts';
import { fakeSessionSummary, tinyResults, withField } from '../../test-support/sessions.ts';
import { fakeReader, fakeSaga, fakeTransaction } from '../../test-support/transactions.ts';
import { buildOutputs, summaryJson } from '../outputs.ts';
import type { ScenarioResults } from '../results.ts';
import { consumersCsv } from './messaging/consumers-csv.ts';
import { sessionMemoryCsv, sessionsCsv } from './sessions/sessions-csv.ts';
import { readersCsv, sagasCsv, transactionsCsv } from './transactions/transactions-csv.ts';

type Writer = (results: ScenarioResults) => string;

/** [summary field, its value without items, a value with one item, its files and their writers] */
const ITEM_FILES: [keyof RunSummary, unknown, unknown, Record<string, Writer>][] = [
  [
    'sessions',
    null,
    fakeSessionSummary(),
    { 'sessions.csv': sessionsCsv, 'session-memory.csv': sessionMemoryCsv },
  ],
  ['consumers', [], [fakeConsumerGroup()], { 'consumers.csv': consumersCsv }],
  ['sagas', [], [fakeSaga()], { 'sagas.csv': sagasCsv }],
  ['transactions', [], [fakeTransaction()], { 'transactions.csv': transactionsCsv }],
  ['readers', [], [fakeReader()], { 'readers.csv': readersCsv }],
];

const ALL_FILES = ITEM_FILES.flatMap(([, , , writers]) => Object.keys(writers));

const results = await tinyResults();

describe.each(ITEM_FILES)('the files of %s', (field, none, some, writers) => {
  const files = Object.keys(writers);

  it(`are not written without ${field}, and summary.json says so`, () => {
    const written = buildOutputs(results);
    for (const file of files) expect(written.has(file), file).toBe(false);
    const doc = JSON.parse(summaryJson(results));
    expect(doc.runs.map((r: Record<string, unknown>) => r[field])).toEqual([none, none]);
  });

  it('are written from the variants that have some, and alone', () => {
    const mixed = withField(field)(results, (v) => (v === 0 ? none : some) as never);
    const written = buildOutputs(mixed);
    for (const [file, write] of Object.entries(writers)) {
      const text = write(mixed);
      expect(new Set(rowsOf(text).map((r) => r.variant)), file).toEqual(new Set(['store']));
      expect(written.get(file), file).toBe(text);
    }
    for (const other of ALL_FILES.filter((f) => !files.includes(f)))
      expect(written.has(other), other).toBe(false);
  });
});
