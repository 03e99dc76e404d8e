/**
 * The messaging section of the report: absent without consumer groups; with them, tables of
 * every variant × group (scenario strings escaped), the groups' key metrics with their changes,
 * and two charts that compile with vega-lite without a warning, carry the figures inline, keep
 * each variant's colour, thin long lag series and shade the warm-up and faults.
 */
import { describe, expect, it } from 'vitest';
import type { ConsumerGroupSummary } from '../../../metrics/consumer-stats.ts';
import * as cg from '../../../test-support/consumers.ts';
import { itIsAnItemSection } from '../../../test-support/feature-section.ts';
import { dataOf, HOSTILE } from '../../../test-support/report-data.ts';
import {
  compileWarnings,
  expectBarNames,
  expectSecondVariantOnly,
  expectStackedBars,
  type Json,
} from '../../../test-support/vega.ts';
import { VARIANT_COLOURS } from '../../html/chart-style.ts';
import { MAX_POINTS_PER_CHART } from '../../html/thinning.ts';
import {
  consumerGroupRows,
  consumerLagChart,
  messageOutcomeChart,
  messagingSection,
} from './messaging-sections.ts';

const { plain, replicated } = await cg.tinyRuns();

/** At-least-once without idempotency, then with an idempotency store (duplicates skipped). */
const semantics = (v: number, r = 0): ConsumerGroupSummary[] =>
  v === 0
    ? [cg.fakeConsumerGroup({ appliedTwice: 25 + r, skippedDuplicates: 0 })]
    : [cg.fakeConsumerGroup({ idempotency: 'dedup', appliedTwice: 0, skippedDuplicates: 25 + r })];

const two = dataOf(cg.withConsumers(replicated, semantics));
const one = dataOf(cg.withConsumers(cg.firstVariantOnly(plain), () => [cg.fakeConsumerGroup()]));

const builders = { messageOutcomeChart, consumerLagChart };

describe('messagingSection', () => {
  itIsAnItemSection({
    id: 'messaging',
    title: 'Messaging',
    section: messagingSection,
    items: 'consumer groups',
    fields: ['consumers'],
    rows: consumerGroupRows,
    several: two,
    single: one,
    tables: {
      what: 'every variant × group: semantics, outcomes, lag and end-to-end time',
      hold: [
        // ack, idempotency, produced/s, delivered, duplicates, applied once (990 − 25), twice, skipped, lost, DLQ
        'sticky</span><span class="sub">billing ← orders</span></td><td>at-least-once<span class="sub">none</span></td><td>500/s</td><td>1,040</td><td>37</td><td>965</td><td>25</td><td>0</td><td>3</td><td>4</td>',
        '<span class="sub">dedup</span></td><td>500/s</td><td>1,040</td><td>37</td><td>990</td>',
        '<td>billing/charge</td><td>6</td><td>12.5 / 80 / 7</td><td>42.3 ms / 1,300 ms</td><td>495/s</td><td>14</td><td>21</td><td>2</td>',
      ],
    },
    keyMetrics: { what: 'group', better: ['applied twice'] },
    compared: [/<strong>billing<\/strong> · applied twice −100\.0 %/],
    eachItem: {
      data: dataOf(
        cg.withConsumers(replicated, (v, r) => [
          ...semantics(v, r),
          cg.fakeConsumerGroup({ group: 'audit', lost: v === 0 ? 10 : 2 }),
        ]),
      ),
      items: ['billing', 'audit'],
      label: 'messages lost',
    },
    hostile: cg.withConsumers(replicated, () => [
      cg.fakeConsumerGroup({
        group: HOSTILE,
        topic: HOSTILE,
        service: HOSTILE,
        endpoint: HOSTILE,
        ack: HOSTILE,
        idempotency: HOSTILE,
        examples: { appliedTwice: HOSTILE, lost: HOSTILE },
      }),
    ]),
    escaped: 'the group, topic, services',
    charts: builders,
  });

  it('lists one example of each data anomaly', () => {
    const html = String(
      messagingSection(
        dataOf(
          cg.withConsumers(replicated, () => [
            cg.fakeConsumerGroup({ examples: { appliedTwice: 'message #9 again', lost: null } }),
          ]),
        ),
      )[0].html ?? '',
    );
    expect(html).toMatch(
      /<h3>One example of each<\/h3><ul><li><b>[^<]+<\/b>, applied twice: message #9 again<\/li>/,
    );
    const none = messagingSection(
      dataOf(cg.withConsumers(replicated, () => [cg.fakeConsumerGroup()])),
    );
    expect(String(none[0].html)).not.toContain('One example');
  });
});

describe('messaging charts', () => {
  it('messageOutcomeChart: messages applied once, lost, dead-lettered; duplicates applied or skipped', () => {
    const spec = messageOutcomeChart(two) as Json;
    expectStackedBars(spec, {
      sticky:
        'messages: applied once 965, lost 3, dead-lettered 4 | duplicates: applied twice 25, duplicates skipped 0',
      store:
        'messages: applied once 990, lost 3, dead-lettered 4 | duplicates: applied twice 0, duplicates skipped 25',
    });
    expect(spec.resolve.scale.color).toBe('independent');
  });

  it('messageOutcomeChart: names each bar “variant · group” when there are several groups', () => {
    const data = dataOf(
      cg.withConsumers(plain, (v) => [...semantics(v), cg.fakeConsumerGroup({ group: 'audit' })]),
    );
    const spec = messageOutcomeChart(data) as Json;
    expectBarNames(spec, ['sticky', 'store'], ['billing', 'audit']);
  });

  it('consumerLagChart: one point per second and group at the instant it was sampled (the end of its second), variant colours, the warm-up shaded', () => {
    const spec = consumerLagChart(two) as Json;
    expect(spec.data.values.filter((r: Json) => r.variant === 'sticky')).toEqual([
      { variant: 'sticky', group: 'billing', second: 1, lag: 0 },
      { variant: 'sticky', group: 'billing', second: 2, lag: 5 },
      { variant: 'sticky', group: 'billing', second: 3, lag: 80 },
      { variant: 'sticky', group: 'billing', second: 4, lag: 7 },
    ]);
    expect(spec.layer.at(-1).mark).toMatchObject({ interpolate: 'linear' });
    const line = spec.layer.at(-1);
    expect(line.encoding.color.scale.range).toEqual(VARIANT_COLOURS.slice(0, 2));
    expect(line.encoding.strokeDash).toBeUndefined(); // one group: no dashes
    expect(spec.layer[0].mark.type).toBe('rect'); // the warm-up (1 s)
    expect(spec.layer[0].data.values[0]).toMatchObject({ start: 0, end: 1, kind: 'warm-up' });
  });

  it('consumerLagChart: dashes per group when there are several, and shades faults', () => {
    const data = dataOf(
      cg.withConsumers(plain, (v) => [...semantics(v), cg.fakeConsumerGroup({ group: 'audit' })]),
    );
    const faults = [{ startMs: 1000, endMs: 2000, label: 'crash: crash on billing' }];
    const spec = consumerLagChart(data, { faults }) as Json;
    expect(spec.layer.at(-1).encoding.strokeDash.field).toBe('group');
    expect(spec.layer.map((l: Json) => l.mark.type)).toEqual(['rect', 'rect', 'line']);
    expect(spec.title.subtitle[0]).toContain('red: faults');
    expect(compileWarnings(spec)).toEqual([]);
  });

  it('consumerLagChart: thins long series to at most ~2,000 points, averaging buckets', () => {
    const long = Array.from({ length: 5000 }, (_, s) => s % 4);
    const data = dataOf(
      cg.withConsumers(plain, () => [cg.fakeConsumerGroup({ lagBySecond: long })]),
    );
    const spec = consumerLagChart(data) as Json;
    // 10,000 points over two variants: buckets of 5 s
    expect(spec.data.values.length).toBeLessThanOrEqual(MAX_POINTS_PER_CHART);
    expect(spec.data.values.slice(0, 2)).toEqual([
      { variant: 'sticky', group: 'billing', second: 3, lag: 1.2 }, // (0+1+2+3+0)/5 at 1..5
      { variant: 'sticky', group: 'billing', second: 8, lag: 1.4 }, // (1+2+3+0+1)/5 at 6..10
    ]);
    expect(spec.title.subtitle).toContain('each point is the mean of 5 simulated seconds');
    expect(compileWarnings(spec)).toEqual([]);
  });

  it('leave out a variant without groups but keep the others’ colours', () => {
    const mixed = dataOf(cg.withConsumers(plain, (v) => (v === 0 ? [] : semantics(1))));
    const spec = consumerLagChart(mixed) as Json;
    expectSecondVariantOnly(spec, spec.layer.at(-1).encoding.color.scale, 'store', builders, mixed);
    expect(String(messagingSection(mixed)[0].html)).not.toContain(
      'sticky</span><span class="sub">billing',
    );
  });
});
