/**
 * The console sections of sagas, transactions and readers, and their key metrics (absent
 * without such items: ../item-outputs.test.ts): one row per variant × item within 120 columns with a legend; the
 * readers' first and worst anomaly printed whole, wrapped; the key metrics read from each
 * item's summary (scope by kind, id = the item), lower being better, and printed with their
 * intervals and the item's name after replications.
 */
import { describe, expect, it } from 'vitest';
import type { RunSummary } from '../../../metrics/summary.ts';
import * as tx from '../../../test-support/transactions.ts';
import { compareVariants, keyMetricValues } from '../../estimates.ts';
import { formatReplications, formatSummary } from '../../table.ts';
import { wrapWords } from '../../text-table.ts';
import { READER_METRICS, SAGA_METRICS, TRANSACTION_METRICS } from './transaction-metrics.ts';
import { formatReaders, formatSagas, formatTransactions } from './transaction-table.ts';

const results = await tx.tinyResults();

/** The cells of a table line (cells are separated by two spaces or more). */
const cells = (line: string) => line.trim().split(/\s{2,}/);

const within120 = (text: string) => {
  for (const line of text.split('\n')) expect(line.length, line).toBeLessThanOrEqual(120);
};

describe('formatSagas, formatTransactions, formatReaders', () => {
  it('sagas: how they ended and what they cost, one row per variant, the saga in the title', () => {
    const text = formatSagas(
      tx.withSagas(results, (v) => [
        v === 0
          ? tx.fakeSaga()
          : tx.fakeSaga({ mode: 'choreographed', inconsistent: 0, alerts: 0 }),
      ]),
    );
    const lines = text.split('\n');
    expect(lines[0]).toBe('■ sagas: create-course');
    expect(cells(lines[1])).toEqual([
      'variant',
      'mode',
      'started',
      'completed',
      'compensated',
      'inconsistent',
      'alerts (comp/undo)',
    ]);
    expect(cells(lines[3])).toEqual([
      'sticky',
      'orchestrated',
      '1200',
      '1050',
      '98',
      '33',
      '35 (31/4)',
    ]);
    expect(cells(lines[4]).slice(0, 2)).toEqual(['store', 'choreographed']);
    expect(cells(lines[6])).toEqual([
      'variant',
      'failed actions',
      'msg/saga',
      'msg ok/comp',
      'KB/saga (comp)',
      'done ms mean/p99',
      'window ms mean/p99/max',
    ]);
    expect(cells(lines[8])).toEqual([
      'sticky',
      '131',
      '5.92',
      '5.50/8.25',
      '4.0 (6.0)',
      '95.8/264.5',
      '93.3/260.1/634.3',
    ]);
    expect(text).toContain('alerts: operator alerts (comp: compensations that failed');
    within120(text);
  });

  it('sagas: a column names each saga when there are several', () => {
    const lines = formatSagas(
      tx.withSagas(results, () => [
        tx.fakeSaga(),
        tx.fakeSaga({ id: 'refund', mode: 'choreographed' }),
      ]),
    ).split('\n');
    expect(lines[0]).toBe('■ sagas');
    expect(cells(lines[1]).slice(0, 3)).toEqual(['variant', 'saga', 'mode']);
    expect(lines.slice(3, 7).map((l) => cells(l).slice(0, 2))).toEqual([
      ['sticky', 'create-course'],
      ['sticky', 'refund'],
      ['store', 'create-course'],
      ['store', 'refund'],
    ]);
  });

  it('transactions: outcomes and conflicts, then waits, retries and times', () => {
    const text = formatTransactions(
      tx.withTransactions(results, (v) => [
        v === 0
          ? tx.fakeTransaction()
          : tx.fakeTransaction({ locking: 'optimistic', lockWaits: 0, conflictRate: 0.3741 }),
      ]),
    );
    const lines = text.split('\n');
    expect(lines[0]).toBe('■ transactions: book-seat');
    expect(cells(lines[1])).toEqual([
      'variant',
      'locking',
      'keys',
      'started',
      'committed',
      'failed',
      'conflicts',
      'conflict rate',
    ]);
    expect(cells(lines[3])).toEqual([
      'sticky',
      'pessimistic',
      'seats',
      '2000',
      '1890',
      '110',
      '12',
      '0.6%',
    ]);
    expect(cells(lines[4])).toContain('37.4%');
    expect(cells(lines[6])).toEqual([
      'variant',
      'lock waits',
      'timeouts',
      'wait ms mean/p99',
      'retries',
      'comps',
      'time ms mean/p99',
    ]);
    expect(cells(lines[8])).toEqual([
      'sticky',
      '560',
      '110',
      '72.5/959.3',
      '9',
      '7',
      '112.8/997.5',
    ]);
    expect(cells(lines[9])[1]).toBe('0');
    within120(text);
  });

  it('readers: the counts, then the first and the worst anomaly of each reader, whole and wrapped', () => {
    const text = formatReaders(
      tx.withReaders(results, (v) =>
        v === 0 ? [tx.fakeReader()] : [tx.fakeReader({ anomalies: 2, anomalyRate: 2 / 17132 })],
      ),
    );
    const lines = text.split('\n');
    expect(lines[0]).toBe('■ readers: settlement');
    expect(cells(lines[1])).toEqual([
      'variant',
      'kind',
      'target',
      'cutoff',
      'reads',
      'anomalies',
      'rate',
      'staleness ms mean/p99/max',
    ]);
    expect(cells(lines[3])).toEqual([
      'sticky',
      'saga',
      'pay-order',
      '1.0 s',
      '17120',
      '180',
      '1.05%',
      '0.1/0.3/1527.3',
    ]);
    // a handful of anomalies does not show as 0
    expect(cells(lines[4])[6]).toBe('0.01%');
    const examples = text.slice(text.indexOf('sticky: '));
    expect(examples.split('\n')[0]).toBe('sticky: 180 of 17120 reads anomalous');
    // each example is printed whole: the words of its lines, joined, are the example
    const block = (label: string) => {
      const from = examples.indexOf(`  ${label}: `);
      const rest = examples.slice(from).split('\n');
      const end = rest.findIndex((l, i) => i > 0 && !l.startsWith('         '));
      return rest.slice(0, end === -1 ? undefined : end);
    };
    const first = block('first');
    expect(first.length).toBeGreaterThan(1); // wrapped
    expect(first.map((l) => l.trim()).join(' ')).toBe(`first: ${tx.FIRST_ANOMALY}`);
    expect(
      block('worst')
        .map((l) => l.trim())
        .join(' '),
    ).toBe(`worst: ${tx.WORST_ANOMALY}`);
    expect(examples).toContain('store: 2 of 17120 reads anomalous');
    // the legend explains the kinds present only
    expect(text).toContain('kind saga: reads a saga’s entities; an anomaly is a dirty read');
    expect(text).not.toContain('kind consumer');
    within120(text);
  });

  it('readers: say when a reader saw none, and when the first anomaly was also the worst', () => {
    const text = formatReaders(
      tx.withReaders(results, (v) =>
        v === 0
          ? [tx.fakeReader({ anomalies: 0, example: null, worstExample: null })]
          : [tx.fakeReader({ kind: 'consumer', cutoffMs: 0, worstExample: tx.FIRST_ANOMALY })],
      ),
    );
    expect(text).toContain('sticky: no anomaly in 17120 reads');
    expect(text).toContain(
      'kind consumer: reads a consumer group’s read model; an anomaly is a stale read',
    );
    expect(text).toContain('kind saga: reads');
    within120(text);
    expect(text).toContain('  worst: the first (no read was staler)');
    expect(cells(text.split('\n')[4]).slice(1, 4)).toEqual(['consumer', 'pay-order', '–']);
  });

  it('readers: name the reader of each block when there are several', () => {
    const text = formatReaders(
      tx.withReaders(results, () => [
        tx.fakeReader(),
        tx.fakeReader({ id: 'audit', example: null }),
      ]),
    );
    expect(text.split('\n')[0]).toBe('■ readers');
    expect(text).toContain('sticky · settlement: 180 of 17120 reads anomalous');
    expect(text).toContain('store · audit: no anomaly in 17120 reads');
  });

  it('name the run by the scenario without variants, and sit in the run summary in order', () => {
    const one = tx.withReaders(
      tx.withTransactions(
        tx.withSagas(tx.firstVariantOnly(results), () => [tx.fakeSaga()]),
        () => [tx.fakeTransaction()],
      ),
      () => [tx.fakeReader()],
    );
    expect(cells(formatSagas(one).split('\n')[3])[0]).toBe('logged-in');
    const summary = formatSummary(one);
    const at = (title: string) => summary.indexOf(title);
    expect(at('■ logged-in')).toBeLessThan(at('■ sagas'));
    expect(at('■ sagas')).toBeLessThan(at('■ transactions'));
    expect(at('■ transactions')).toBeLessThan(at('■ readers'));
    expect(summary).toContain('logged-in: 180 of 17120 reads anomalous');
  });
});

describe('wrapWords', () => {
  it('wraps at spaces with a hanging indent and never splits a word', () => {
    expect(wrapWords('aaa bbb ccc ddd', '> ', '  ', 9)).toBe('> aaa bbb\n  ccc ddd');
    expect(wrapWords('abcdefghijkl x', '> ', '  ', 6)).toBe('> abcdefghijkl\n  x');
    expect(wrapWords('', '> ', '  ')).toBe('>');
  });
});

describe('saga, transaction and reader key metrics', () => {
  const itemValues = (s: RunSummary) =>
    keyMetricValues(s)
      .filter((k) => ['sagas', 'transactions', 'readers'].includes(k.metric.scope))
      .map((k) => [k.metric.key, k.value]);

  it('read each item’s figures, the item as the id, lower being better', () => {
    const s = tx.withReaders(
      tx.withTransactions(
        tx.withSagas(results, () => [tx.fakeSaga()]),
        () => [tx.fakeTransaction()],
      ),
      () => [tx.fakeReader()],
    ).runs[0].summary;
    expect(itemValues(s)).toEqual([
      ['sagas|create-course|inconsistent', 33],
      ['sagas|create-course|alerts', 35],
      ['sagas|create-course|windowMeanMs', 93.25],
      ['sagas|create-course|completionMeanMs', 95.75],
      ['sagas|create-course|messagesPerSaga', 5.9167],
      ['sagas|create-course|messagesPerCompensatedSaga', 8.25],
      ['sagas|create-course|bytesPerSaga', 4123.5],
      ['sagas|create-course|bytesPerCompensatedSaga', 6150.75],
      ['transactions|book-seat|failed', 110],
      ['transactions|book-seat|conflictRate', 0.006],
      ['transactions|book-seat|lockWaitMeanMs', 72.5],
      ['transactions|book-seat|durationP99Ms', 997.5],
      ['readers|settlement|anomalyRate', 180 / 17120],
      ['readers|settlement|stalenessP99Ms', 0.3],
    ]);
    const metrics = keyMetricValues(s).filter((k) => k.metric.scope !== 'overall');
    expect(metrics.filter((k) => k.metric.lowerIsBetter !== true).map((k) => k.metric.key)).toEqual(
      keyMetricValues(results.runs[0].summary)
        .filter((k) => k.metric.scope !== 'overall' && k.metric.lowerIsBetter !== true)
        .map((k) => k.metric.key),
    );
    const unit = (key: string) => metrics.find((k) => k.metric.key === key)?.metric.unit;
    expect(unit('transactions|book-seat|conflictRate')).toBe('ratio');
    expect(unit('readers|settlement|stalenessP99Ms')).toBe('ms');
    expect(unit('sagas|create-course|alerts')).toBe('count');
  });

  it('leave out what a run could not measure (nothing ended, started, committed or read)', () => {
    const s = tx.withReaders(
      tx.withTransactions(
        tx.withSagas(results, () => [
          tx.fakeSaga({ completed: 0, compensated: 0, inconsistent: 0, id: 'idle' }),
        ]),
        () => [tx.fakeTransaction({ started: 0, committed: 0, id: 'idle' })],
      ),
      () => [tx.fakeReader({ reads: 0, id: 'idle' })],
    ).runs[0].summary;
    expect(itemValues(s).map(([k]) => k)).toEqual([
      'sagas|idle|inconsistent',
      'sagas|idle|alerts',
      'transactions|idle|failed',
    ]);
  });

  it('are listed in a fixed order', () => {
    expect(SAGA_METRICS.metrics.map((d) => d.metric)).toEqual([
      'inconsistent',
      'alerts',
      'windowMeanMs',
      'completionMeanMs',
      'messagesPerSaga',
      'messagesPerCompensatedSaga',
      'bytesPerSaga',
      'bytesPerCompensatedSaga',
    ]);
    expect(TRANSACTION_METRICS.metrics.map((d) => d.metric)).toEqual([
      'failed',
      'conflictRate',
      'lockWaitMeanMs',
      'durationP99Ms',
    ]);
    expect(READER_METRICS.metrics.map((d) => d.metric)).toEqual(['anomalyRate', 'stalenessP99Ms']);
  });

  it('compare variants replication by replication', async () => {
    // the second variant reads with a cut-off: almost no dirty reads
    const three = tx.withReaders(await tx.tinyResults(3), (v, r) => [
      tx.fakeReader({ anomalyRate: v === 0 ? 0.01 + r / 1000 : 0.0001 * (r + 1) }),
    ]);
    const [cmp] = compareVariants(['sticky', 'store'], three.replications as RunSummary[][]);
    const rate = cmp.metrics.find((m) => m.key === 'readers|settlement|anomalyRate');
    expect(rate?.better).toBe(true);
    expect(rate?.difference.significant).toBe(true);
    expect(
      cmp.metrics.find((m) => m.key === 'readers|settlement|stalenessP99Ms')?.better,
    ).toBeNull();
  });
});

describe('formatReplications with sagas, transactions and readers', () => {
  it('adds each item’s key metrics with their intervals and names the item in differences', async () => {
    const three = await tx.tinyResults(3);
    const text = formatReplications(
      tx.withTransactions(
        tx.withSagas(three, (v, r) => [tx.fakeSaga({ inconsistent: (v === 0 ? 30 : 0) + r })]),
        (v, r) => [tx.fakeTransaction({ failed: v === 0 ? 100 + r : 100 + r })],
      ),
    );
    expect(text).toMatch(/create-course inconsistent sagas\s+31\.0 ± 2\.5\s+1\.0 ± 2\.5/);
    expect(text).toMatch(/book-seat failed transactions\s+101\.0 ± 2\.5\s+101\.0 ± 2\.5/);
    expect(text).toContain('• store: create-course inconsistent sagas ÷31 vs sticky');
    // the differences that are not significant are one line per variant
    expect(text).toMatch(/○ store: not significant: [^\n]*book-seat failed transactions/);
    // the lines of the table keep the items in kind order: sagas before transactions
    expect(text.indexOf('create-course operator alerts')).toBeLessThan(
      text.indexOf('book-seat failed transactions'),
    );
  });

  it('adds the readers’ key metrics too', async () => {
    const text = formatReplications(
      tx.withReaders(await tx.tinyResults(2), (v, r) => [
        tx.fakeReader({ anomalyRate: 0.01 * (v + r + 1) }),
      ]),
    );
    expect(text).toMatch(/settlement anomaly rate\s+1\.5 ± 6\.4 %\s+2\.5 ± 6\.4 %/);
    expect(text).toMatch(/settlement p99 staleness\s+0\.30 ± 0\.00/);
  });
});
