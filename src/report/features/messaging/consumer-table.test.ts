/**
 * The console section of messaging and the consumer-group key metrics (absent without groups:
 * ../item-outputs.test.ts): one row per variant × group in each of two tables within 120 columns; the key metrics read
 * from the ConsumerGroupSummary (scope `consumers`, id = the group), lower being better, and
 * printed with their intervals and the group's name after replications.
 */
import { describe, expect, it } from 'vitest';
import type { RunSummary } from '../../../metrics/summary.ts';
import * as cg from '../../../test-support/consumers.ts';
import { compareVariants, estimateMetrics, keyMetricValues } from '../../estimates.ts';
import { formatReplications, formatSummary } from '../../table.ts';
import { CONSUMER_METRICS } from './consumer-metrics.ts';
import { formatConsumers } from './consumer-table.ts';

const results = await cg.tinyResults();

describe('formatConsumers', () => {
  it('prints one row per variant × group in each of its two tables', () => {
    const text = formatConsumers(
      cg.withConsumers(results, (v) =>
        v === 0
          ? [cg.fakeConsumerGroup({ ack: 'at-most-once', lost: 30 })]
          : [
              cg.fakeConsumerGroup({ idempotency: 'dedup-store' }),
              cg.fakeConsumerGroup({ group: 'audit', ack: 'exactly-once', appliedTwice: 0 }),
            ],
      ),
    );
    const lines = text.split('\n');
    expect(lines[0]).toBe('■ messaging (consumer groups)');
    expect(lines[1].split(/\s{2,}/)).toEqual([
      'variant',
      'group',
      'ack',
      'idempotency',
      'produced/s',
      'delivered',
      'dup',
      'applied 2×',
      'skipped',
      'lost',
      'DLQ',
    ]);
    expect(lines[3].split(/\s+/)).toEqual([
      'sticky',
      'billing',
      'at-most-once',
      'none',
      '500.0',
      '1040',
      '37',
      '25',
      '9',
      '30',
      '4',
    ]);
    expect(lines[4].split(/\s+/).slice(0, 4)).toEqual([
      'store',
      'billing',
      'at-least-once',
      'dedup-store',
    ]);
    expect(lines[5].split(/\s+/).slice(0, 3)).toEqual(['store', 'audit', 'exactly-once']);
    expect(lines[5].split(/\s+/)[7]).toBe('0');
    const behind = lines.slice(7, 12);
    expect(behind[0].split(/\s{2,}/)).toEqual([
      'variant',
      'group',
      'topic ×parts',
      'lag mean/max/end',
      'e2e ms mean/max',
      'failed',
      'abandoned',
      'rebalances',
    ]);
    expect(behind[2].split(/\s{2,}/)).toEqual([
      'sticky',
      'billing',
      'orders ×6',
      '12.5/80/7',
      '42.25/1300.0',
      '14',
      '21',
      '2',
    ]);
    expect(behind[4].split(/\s+/).slice(0, 2)).toEqual(['store', 'audit']);
    expect(text).toContain('lost: committed without the effect (at-most-once)');
    for (const line of lines) expect(line.length, line).toBeLessThanOrEqual(120);
  });

  it('names one group in the title rather than in a column, within 120 columns', () => {
    const long = 'at-least-once-idempotent';
    const renamed = cg.withConsumers(results, () => [
      cg.fakeConsumerGroup({ topic: 'order-placed', partitions: 12, idempotency: 'billing-db' }),
    ]);
    renamed.runs[1].summary.scenario.variant = long;
    const lines = formatConsumers(renamed).split('\n');
    expect(lines[0]).toBe('■ messaging (consumer groups): group billing');
    expect(lines[1].split(/\s{2,}/).slice(0, 2)).toEqual(['variant', 'ack']);
    expect(lines[4].split(/\s+/).slice(0, 2)).toEqual([long, 'at-least-once']);
    expect(lines[9].split(/\s+/).slice(0, 3)).toEqual([long, 'order-placed', '×12']);
    for (const line of lines) expect(line.length, line).toBeLessThanOrEqual(120);
  });

  it('shows one example of each data anomaly, naming the variant', () => {
    const text = formatConsumers(
      cg.withConsumers(results, (v) =>
        v === 0
          ? [
              cg.fakeConsumerGroup({
                examples: { appliedTwice: null, lost: 'message #7 was lost' },
              }),
            ]
          : [cg.fakeConsumerGroup({ examples: { appliedTwice: 'message #9 twice', lost: null } })],
      ),
    );
    const block = text.slice(text.indexOf('\nexamples:\n') + 1).split('\n');
    expect(block).toHaveLength(3);
    expect(block[1]).toMatch(/^ {2}\S+, lost: message #7 was lost$/);
    expect(block[2]).toMatch(/^ {2}\S+, applied twice: message #9 twice$/);
    expect(
      formatConsumers(cg.withConsumers(results, () => [cg.fakeConsumerGroup()])),
    ).not.toContain('examples:');
  });

  it('names the run by the scenario without variants, and sits in the run summary', () => {
    const one = cg.withConsumers(cg.firstVariantOnly(results), () => [cg.fakeConsumerGroup()]);
    expect(formatConsumers(one).split('\n')[3].split(/\s+/).slice(0, 2)).toEqual([
      'logged-in',
      'at-least-once',
    ]);
    const summary = formatSummary(one);
    expect(summary).toContain('■ messaging (consumer groups): group billing');
    // after the variant's own section
    expect(summary.indexOf('■ messaging')).toBeGreaterThan(summary.indexOf('■ logged-in'));
  });
});

describe('consumer-group key metrics', () => {
  const consumerValues = (s: RunSummary) =>
    keyMetricValues(s)
      .filter((k) => k.metric.scope === 'consumers')
      .map((k) => [k.metric.key, k.value]);

  it('read each group’s figures, the group as the id, lower being better', () => {
    const s = cg.withConsumers(results, () => [
      cg.fakeConsumerGroup(),
      cg.fakeConsumerGroup({ group: 'audit', applied: 0, lost: 1 }),
    ]).runs[0].summary;
    expect(consumerValues(s)).toEqual([
      ['consumers|billing|lost', 3],
      ['consumers|billing|duplicateDeliveries', 37],
      ['consumers|billing|appliedTwice', 25],
      ['consumers|billing|deadLettered', 4],
      ['consumers|billing|lagMax', 80],
      ['consumers|billing|endToEndMeanMs', 42.25],
      ['consumers|audit|lost', 1],
      ['consumers|audit|duplicateDeliveries', 37],
      ['consumers|audit|appliedTwice', 25],
      ['consumers|audit|deadLettered', 4],
      ['consumers|audit|lagMax', 80],
      // nothing applied: no end-to-end time to estimate
    ]);
    const metrics = keyMetricValues(s).filter((k) => k.metric.scope === 'consumers');
    expect(metrics.every((k) => k.metric.lowerIsBetter === true)).toBe(true);
    expect(metrics.find((k) => k.metric.metric === 'endToEndMeanMs')?.metric.unit).toBe('ms');
    expect(CONSUMER_METRICS.metrics.map((d) => d.metric)).toEqual([
      'lost',
      'duplicateDeliveries',
      'appliedTwice',
      'deadLettered',
      'lagMax',
      'endToEndMeanMs',
    ]);
  });

  it('compare variants replication by replication', async () => {
    // the second variant is idempotent: the duplicates are skipped, not applied again
    const three = cg.withConsumers(await cg.tinyResults(3), (v, r) => [
      v === 0
        ? cg.fakeConsumerGroup({ appliedTwice: 25 + r })
        : cg.fakeConsumerGroup({ appliedTwice: 0, skippedDuplicates: 25 + r }),
    ]);
    const reps = three.replications as RunSummary[][];
    const twice = estimateMetrics(reps[0]).find((e) => e.key === 'consumers|billing|appliedTwice');
    expect(twice?.values).toEqual([25, 26, 27]);
    const [cmp] = compareVariants(['sticky', 'store'], reps);
    const by = (metric: string) => cmp.metrics.find((m) => m.key === `consumers|billing|${metric}`);
    expect(by('appliedTwice')?.better).toBe(true);
    expect(by('appliedTwice')?.difference.significant).toBe(true);
    expect(by('lost')?.better).toBeNull(); // the same in both
  });
});

describe('formatReplications with consumer groups', () => {
  it('adds each group’s key metrics with their intervals and names the group in differences', async () => {
    const three = await cg.tinyResults(3);
    const text = formatReplications(
      cg.withConsumers(three, (v, r) => [cg.fakeConsumerGroup({ lost: (v === 0 ? 30 : 3) + r })]),
    );
    expect(text).toMatch(/billing messages lost\s+31\.0 ± 2\.5\s+4\.0 ± 2\.5/);
    expect(text).toMatch(/billing mean end-to-end time\s+42\.25 ± 0\.00\s+42\.25 ± 0\.00/);
    expect(text).toContain('• store: billing messages lost ÷7.8 vs sticky');
    // the differences that are not significant are one line per variant
    expect(text).toMatch(/○ store: not significant: [^\n]*billing applied twice/);
  });
});
