/**
 * consumers.csv and the lag series in timeseries.csv: one row per variant × group with every
 * scalar figure of the ConsumerGroupSummary in its own column, and one timeseries row per
 * group × second; summary.json carries the groups and their key metrics. (That consumers.csv
 * is written only with consumer groups: ../item-outputs.test.ts.)
 */
import { describe, expect, it } from 'vitest';
import { fakeConsumerGroup, tinyResults, withConsumers } from '../../../test-support/consumers.ts';
import { cellsOf, headerOf, rowsOf } from '../../../test-support/csv.ts';
import { buildOutputs, summaryJson, timeseriesCsv } from '../../outputs.ts';
import { consumersCsv } from './consumers-csv.ts';

const results = await tinyResults();

/** At-most-once without idempotency, then at-least-once with a second group on the same topic. */
const twoSemantics = withConsumers(results, (v) =>
  v === 0
    ? [fakeConsumerGroup({ ack: 'at-most-once', lost: 30 })]
    : [
        fakeConsumerGroup({ idempotency: 'memory', lagBySecond: [1, 2, 3] }),
        fakeConsumerGroup({ group: 'audit', lagMean: 1 / 3, lagBySecond: [0, 0.5] }),
      ],
);

describe('consumers.csv', () => {
  it('has one column per scalar figure of the summary, in a fixed order, and no lag series', () => {
    // every field of the summary but the series is a column, in the summary's order: the lag
    // series goes to timeseries.csv, the examples (sentences) to the console and the page
    const fields = Object.keys(fakeConsumerGroup()).filter(
      (k) => k !== 'lagBySecond' && k !== 'examples',
    );
    expect(headerOf(consumersCsv(twoSemantics))).toEqual(['variant', ...fields]);
    // and the header line itself, written out: a renamed or moved field shows here
    expect(consumersCsv(twoSemantics).split('\n')[0]).toBe(
      'variant,group,broker,topic,service,endpoint,ack,idempotency,partitions,produced,delivered,' +
        'duplicateDeliveries,processed,applied,appliedTwice,skippedDuplicates,lost,deadLettered,' +
        'failedDeliveries,abandoned,rebalances,producedPerSec,appliedPerSec,lagMean,lagMax,' +
        'lagAtEnd,endToEndMeanMs,endToEndMaxMs',
    );
  });

  it('has one row per variant × group with its own figures, rounded to 4 decimals', () => {
    const rows = rowsOf(buildOutputs(twoSemantics).get('consumers.csv') ?? '');
    expect(rows.map((r) => [r.variant, r.group, r.ack, r.idempotency, r.lost])).toEqual([
      ['sticky', 'billing', 'at-most-once', 'none', '30'],
      ['store', 'billing', 'at-least-once', 'memory', '3'],
      ['store', 'audit', 'at-least-once', 'none', '3'],
    ]);
    expect(rows[0]).toEqual(
      cellsOf('sticky', fakeConsumerGroup({ ack: 'at-most-once', lost: 30 }), {
        leftOut: ['lagBySecond', 'examples'],
      }),
    );
    expect(rows[2].lagMean).toBe('0.3333');
  });
});

describe('timeseries.csv with consumer groups', () => {
  const consumerRows = (text: string) => text.split('\n').filter((l) => l.includes(',consumer,'));

  it('has no consumer rows without groups, and the other rows are unchanged with them', () => {
    const plain = timeseriesCsv(results);
    expect(consumerRows(plain)).toEqual([]);
    const withGroups = timeseriesCsv(twoSemantics);
    const others = withGroups.split('\n').filter((l) => !l.includes(',consumer,'));
    expect(others.join('\n')).toBe(plain);
  });

  it('has the lag of each group at each second (index = second), rounded', () => {
    expect(consumerRows(timeseriesCsv(twoSemantics))).toEqual([
      '0,sticky,consumer,billing,lag,0',
      '1,sticky,consumer,billing,lag,5',
      '2,sticky,consumer,billing,lag,80',
      '3,sticky,consumer,billing,lag,7',
      '0,store,consumer,billing,lag,1',
      '1,store,consumer,billing,lag,2',
      '2,store,consumer,billing,lag,3',
      '0,store,consumer,audit,lag,0',
      '1,store,consumer,audit,lag,0.5',
    ]);
  });
});

describe('summary.json with consumer groups', () => {
  it('carries every figure of each group and the group key metrics', () => {
    const doc = JSON.parse(summaryJson(twoSemantics));
    expect(doc.runs[0].consumers).toEqual([fakeConsumerGroup({ ack: 'at-most-once', lost: 30 })]);
    const keys = doc.runs[1].estimates
      .filter((e: { scope: string }) => e.scope === 'consumers')
      .map((e: { key: string }) => e.key);
    expect(keys).toContain('consumers|billing|lost');
    expect(keys).toContain('consumers|audit|lagMax');
    const lost = doc.comparisons[0].metrics.find(
      (m: { key: string }) => m.key === 'consumers|billing|lost',
    );
    expect(lost.better).toBe(true); // 3 lost instead of 30
  });
});
