/**
 * The section on transactions and consistency: absent without sagas, transaction steps and
 * readers; with them, each reader's first and worst anomaly highlighted, tables of every
 * variant × item (scenario strings escaped), their key metrics with their changes, differences
 * in the comparison, and charts that compile with vega-lite without a warning, carry their
 * figures inline and keep each variant's colour.
 */
import { describe, expect, it } from 'vitest';
import { itIsAnItemSection } from '../../../test-support/feature-section.ts';
import { dataOf, HOSTILE } from '../../../test-support/report-data.ts';
import * as tx from '../../../test-support/transactions.ts';
import {
  compileWarnings,
  expectBarNames,
  expectSecondVariantOnly,
  expectStackedBars,
  type Json,
} from '../../../test-support/vega.ts';
import { VARIANT_COLOURS } from '../../html/chart-style.ts';
import { escapeText as escapeHtml } from '../../html/template.ts';
import type { ScenarioResults } from '../../results.ts';
import {
  powersOfTen,
  readerAnomalyChart,
  readerRows,
  sagaOutcomeChart,
  sagaRows,
  transactionChart,
} from './transaction-charts.ts';
import { transactionSection } from './transaction-sections.ts';

const { plain, replicated } = await tx.tinyRuns();

/** Every kind: sagas (fewer inconsistent in the second variant), steps, and readers. */
const allKinds = (results: ScenarioResults) =>
  tx.withReaders(
    tx.withTransactions(
      tx.withSagas(results, (v, r) => [tx.fakeSaga({ inconsistent: v === 0 ? 33 + r : r })]),
      (v) => [
        tx.fakeTransaction(
          v === 0
            ? {}
            : { locking: 'optimistic', lockWaits: 0, lockWaitMeanMs: 0, lockWaitP99Ms: 0 },
        ),
      ],
    ),
    (v, r) =>
      v === 0
        ? [tx.fakeReader({ anomalyRate: 0.0105 + r / 1000 })]
        : [tx.fakeReader({ anomalies: 0, anomalyRate: 0, example: null, worstExample: null })],
  );

const two = dataOf(allKinds(replicated));
const one = dataOf(
  tx.withReaders(
    tx.withTransactions(
      tx.withSagas(tx.firstVariantOnly(plain), () => [tx.fakeSaga()]),
      () => [tx.fakeTransaction()],
    ),
    () => [tx.fakeReader()],
  ),
);

const builders = { readerAnomalyChart, sagaOutcomeChart, transactionChart };

describe('transactionSection', () => {
  itIsAnItemSection({
    id: 'consistency',
    title: 'Transactions and consistency',
    section: transactionSection,
    items: 'sagas, steps or readers',
    fields: ['sagas', 'transactions', 'readers'],
    rows: sagaRows,
    several: two,
    single: one,
    tables: {
      what: 'every variant × reader, saga and step',
      hold: [
        '<h3>What the readers saw</h3>',
        // reader: kind, cut-off, reads, anomalies, rate, staleness
        'sticky</span><span class="sub">settlement ← pay-order</span></td><td>saga</td><td>1,000 ms</td><td>17,120</td><td>180</td><td>1.05 %</td><td>0.13 ms / 0.30 ms / 1,527 ms</td>',
        '<h3>Sagas</h3>',
        // saga: started, completed, compensated, inconsistent, alerts (comp / undo), failed actions, messages, times
        'sticky</span><span class="sub">create-course · orchestrated</span></td><td>1,200</td><td>1,050</td><td>98</td><td>33</td><td>35 (31 / 4)</td><td>131</td><td>5.92</td><td>95.8 ms / 265 ms</td><td>93.3 ms / 260 ms / 634 ms</td>',
        '<h3>Local transactions</h3>',
        // step: keys, started, committed, failed, waits / timeouts, wait, conflicts, retries, compensations, time
        'sticky</span><span class="sub">book-seat · pessimistic</span></td><td>seats</td><td>2,000</td><td>1,890</td><td>110</td><td>560 / 110</td><td>72.5 ms / 959 ms</td><td>12 (0.6 %)</td><td>9</td><td>7</td><td>113 ms / 998 ms</td>',
        'store</span><span class="sub">book-seat · optimistic</span>',
      ],
    },
    keyMetrics: {
      what: 'sagas’, steps’ and readers’',
      better: ['inconsistent sagas', 'anomaly rate', 'mean lock wait'],
      tables: 3,
    },
    compared: [
      /<strong>create-course<\/strong> · inconsistent sagas ÷67 /,
      /<strong>settlement<\/strong> · anomaly rate −1\.1 pp vs sticky, 95 % CI \[−1\.1 pp, −0\.5 pp\]/,
      /<strong>book-seat<\/strong> · mean lock wait −100\.0 %/,
    ],
    eachItem: {
      data: dataOf(
        tx.withSagas(replicated, (v) => [
          tx.fakeSaga(),
          tx.fakeSaga({ id: 'refund', alerts: v === 0 ? 9 : 1 }),
        ]),
      ),
      items: ['create-course', 'refund'],
      label: 'operator alerts',
    },
    hostile: tx.withReaders(
      tx.withTransactions(
        tx.withSagas(replicated, () => [tx.fakeSaga({ id: HOSTILE, mode: HOSTILE })]),
        () => [tx.fakeTransaction({ id: HOSTILE, locking: HOSTILE, keys: HOSTILE })],
      ),
      () => [
        tx.fakeReader({
          id: HOSTILE,
          kind: HOSTILE,
          target: HOSTILE,
          example: HOSTILE,
          worstExample: `${HOSTILE}!`,
        }),
      ],
    ),
    escaped: 'every scenario string: ids, modes, keys, targets, examples',
    charts: builders,
  });

  it('shows each reader’s first and worst anomaly, whole and escaped, before the tables', () => {
    const html = String(transactionSection(two)[0].html ?? '');
    const card = html.slice(html.indexOf('<div class="anomaly-card">'));
    expect(card).toContain('settlement reading saga pay-order, cut-off 1,000 ms');
    expect(card).toContain('<strong>180</strong> of 17,120 reads (1.05 %) were dirty reads');
    expect(card).toContain(
      `<span class="anomaly-label">The first</span><blockquote>${escapeHtml(tx.FIRST_ANOMALY)}</blockquote>`,
    );
    expect(card).toContain(
      `<span class="anomaly-label">The worst (stalest data)</span><blockquote>${escapeHtml(tx.WORST_ANOMALY)}</blockquote>`,
    );
    // the quotes of the example are escaped
    expect(html).toContain('&quot;quoted&quot; and projection&#39;s');
    // a reader that saw nothing gets a clean card
    expect(html).toContain('<div class="anomaly-card clean">');
    expect(html).toContain('No dirty reads in 17,120 reads.');
    expect(html.indexOf('anomaly-card')).toBeLessThan(html.indexOf('<table'));
  });

  it('says when the first anomaly was also the worst, and calls stale reads stale', () => {
    const data = dataOf(
      tx.withReaders(tx.firstVariantOnly(plain), () => [
        tx.fakeReader({ kind: 'consumer', target: 'projection', worstExample: tx.FIRST_ANOMALY }),
      ]),
    );
    const html = String(transactionSection(data)[0].html ?? '');
    expect(html).toContain('settlement reading the read model of projection');
    expect(html).toContain('were stale reads');
    expect(html).toContain('The first anomaly was also the worst');
    expect(html).not.toContain('The worst (stalest data)');
  });

  it('has only the parts of the kinds present', () => {
    const data = dataOf(tx.withSagas(plain, () => [tx.fakeSaga()]));
    const [section] = transactionSection(data);
    expect(String(section.html)).toContain('<h3>Sagas</h3>');
    expect(String(section.html)).not.toContain('What the readers saw');
    expect(String(section.html)).not.toContain('Local transactions</h3>');
    expect(section.charts?.map((c) => (c.spec as Json).title.text)).toEqual([
      'How the sagas ended',
    ]);
  });
});

describe('transaction and consistency charts', () => {
  it('powersOfTen: the ticks of a symlog axis, 0 and every power of ten up to the maximum', () => {
    expect(powersOfTen(0)).toEqual([0, 1, 10]);
    expect(powersOfTen(997.5)).toEqual([0, 1, 10, 100]);
    expect(powersOfTen(1000)).toEqual([0, 1, 10, 100, 1000]);
    expect(powersOfTen(28814)).toEqual([0, 1, 10, 100, 1000, 10000]);
  });

  it('sagaOutcomeChart: completed, compensated, inconsistent stacked; the failed ones apart', () => {
    const spec = sagaOutcomeChart(two) as Json;
    expectStackedBars(spec, {
      sticky:
        'all: completed 1050, compensated 98, inconsistent 33 | failed: compensated 98, inconsistent 33',
      store:
        'all: completed 1050, compensated 98, inconsistent 0 | failed: compensated 98, inconsistent 0',
    });
    expect(spec.hconcat[0].encoding.color.scale.domain).toEqual([
      'completed',
      'compensated',
      'inconsistent',
    ]);
  });

  it('sagaOutcomeChart: names each bar “variant · saga” when there are several sagas', () => {
    const data = dataOf(tx.withSagas(plain, () => [tx.fakeSaga(), tx.fakeSaga({ id: 'refund' })]));
    const spec = sagaOutcomeChart(data) as Json;
    expectBarNames(spec, ['sticky', 'store'], ['create-course', 'refund']);
  });

  it('transactionChart: outcomes stacked, then waits and conflicts, then times, by variant', () => {
    const spec = transactionChart(two) as Json;
    const of = (panel: string, row: string) =>
      spec.data.values
        .filter((r: Json) => r.panel === panel && r.row === row)
        .map((r: Json) => [r.part ?? r.measure, r.count ?? r.value]);
    expect(of('outcomes', 'sticky')).toEqual([
      ['committed', 1890],
      ['failed', 110],
    ]);
    expect(of('events', 'sticky')).toEqual([
      ['lock waits', 560],
      ['lock timeouts', 110],
      ['conflicts', 12],
      ['retries', 9],
      ['compensations', 7],
    ]);
    expect(of('events', 'store')[0]).toEqual(['lock waits', 0]);
    expect(of('times', 'sticky')).toEqual([
      ['mean lock wait', 72.5],
      ['p99 lock wait', 959.25],
      ['mean time', 112.75],
      ['p99 time', 997.5],
    ]);
    expect(spec.vconcat).toHaveLength(3);
    const bars = spec.vconcat[1].layer[0].encoding;
    expect(bars.color.scale.range).toEqual(VARIANT_COLOURS.slice(0, 2));
    expect(spec.vconcat[2].layer[0].encoding.x.scale.type).toBe('symlog');
    expect(spec.vconcat[2].layer[0].encoding.x.axis.values).toEqual([0, 1, 10, 100]);
  });

  it('transactionChart: labels the bars above 0, and no bar in a panel where all are 0', () => {
    const spec = transactionChart(two) as Json;
    const labels = spec.vconcat[1].layer[1];
    expect(labels.mark.type).toBe('text');
    expect(labels.transform).toEqual([{ filter: 'datum.value > 0' }]);
    const idle = dataOf(
      tx.withTransactions(plain, () => [
        tx.fakeTransaction({
          lockWaits: 0,
          lockTimeouts: 0,
          conflicts: 0,
          retries: 0,
          compensations: 0,
        }),
      ]),
    );
    const quiet = transactionChart(idle) as Json;
    expect(quiet.vconcat[1].layer.map((l: Json) => l.mark.type)).toEqual(['bar']);
    expect(quiet.vconcat[2].layer.map((l: Json) => l.mark.type)).toEqual(['bar', 'text']);
    expect(compileWarnings(quiet)).toEqual([]);
  });

  it('readerAnomalyChart: the anomaly rate and the staleness of each variant × reader', () => {
    const spec = readerAnomalyChart(two) as Json;
    expect(
      spec.data.values
        .filter((r: Json) => r.row === 'sticky')
        .map((r: Json) => [r.measure, r.value]),
    ).toEqual([
      ['anomaly rate', 0.0105],
      ['mean staleness', 0.125],
      ['p99 staleness', 0.3],
      ['max staleness', 1527.25],
    ]);
    expect(spec.vconcat[0].layer[0].encoding.x.title).toBe('anomalous reads');
    expect(spec.vconcat[0].layer[0].encoding.x.axis.format).toBe('.2~%');
    expect(spec.vconcat[1].layer[0].encoding.x.scale.type).toBe('symlog');
    expect(spec.vconcat[1].layer[0].encoding.x.axis.values).toEqual([0, 1, 10, 100, 1000]);
  });

  it('leave out a variant without such items but keep the others’ colours', () => {
    const mixed = dataOf(
      tx.withReaders(
        tx.withTransactions(
          tx.withSagas(plain, (v) => (v === 0 ? [] : [tx.fakeSaga()])),
          (v) => (v === 0 ? [] : [tx.fakeTransaction()]),
        ),
        (v) => (v === 0 ? [] : [tx.fakeReader()]),
      ),
    );
    expect(readerRows(mixed).map((r) => r.name)).toEqual(['store']);
    const spec = readerAnomalyChart(mixed) as Json;
    const scale = spec.vconcat[0].layer[0].encoding.color.scale;
    expectSecondVariantOnly(spec, scale, 'store', builders, mixed);
    const html = String(transactionSection(mixed)[0].html ?? '');
    for (const item of ['settlement', 'create-course', 'book-seat'])
      expect(html).not.toContain(`sticky</span><span class="sub">${item}`);
    expect(html).not.toContain('sticky</span> <span class="anomaly-reader">');
    expect(html).toContain('store</span><span class="sub">settlement ← pay-order');
  });
});
