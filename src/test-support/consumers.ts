/**
 * Test helpers for the report side of messaging (issue 7): a ConsumerGroupSummary with made-up
 * figures (every figure distinct, so a test can tell columns apart), and a copy of some results
 * with such groups put in place of the runs' own (the model's consumers are not needed; the
 * tiny two-variant scenario is the one of test-support/sessions.ts).
 */
import type { ConsumerGroupSummary } from '../metrics/consumer-stats.ts';
import { withField } from './sessions.ts';

export { firstVariantOnly, tinyResults, tinyRuns } from './sessions.ts';

/** A ConsumerGroupSummary with made-up, distinct figures; `fields` replace whole fields. */
export function fakeConsumerGroup(
  fields: Partial<ConsumerGroupSummary> = {},
): ConsumerGroupSummary {
  return {
    group: 'billing',
    broker: 'kafka',
    topic: 'orders',
    service: 'billing',
    endpoint: 'charge',
    ack: 'at-least-once',
    idempotency: 'none',
    partitions: 6,
    produced: 1000,
    delivered: 1040,
    duplicateDeliveries: 37,
    processed: 1010,
    applied: 990,
    appliedTwice: 25,
    skippedDuplicates: 9,
    lost: 3,
    deadLettered: 4,
    failedDeliveries: 14,
    abandoned: 21,
    rebalances: 2,
    producedPerSec: 500,
    appliedPerSec: 495,
    lagMean: 12.5,
    lagMax: 80,
    lagAtEnd: 7,
    endToEndMeanMs: 42.25,
    endToEndMaxMs: 1300,
    lagBySecond: [0, 5, 80, 7],
    examples: { appliedTwice: null, lost: null },
    ...fields,
  };
}

/** A copy of `results` whose replication r of variant v has `groups(v, r)` as its consumer groups; []: none. */
export const withConsumers = withField('consumers');
