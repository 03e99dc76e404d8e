/**
 * The key metrics of each consumer group (scope `consumers`, id = the group), in order. Lower is
 * better for all: messages lost, delivered again, applied twice or given up on are harms, and so
 * are a long backlog and a late effect. The end-to-end time is missing (left out of the
 * estimates) in a run where the group applied nothing. All are shown in the console's
 * replication table.
 */
import type { ConsumerGroupSummary } from '../../../metrics/consumer-stats.ts';
import { keyMetricSource, lowerIsBetter as m } from '../../key-metrics.ts';

export const CONSUMER_METRICS = keyMetricSource<ConsumerGroupSummary>(
  'consumers',
  (s) => (s.consumers ?? []).map((c) => [c.group, c]),
  [
    m('lost', 'messages lost', 'count', (c) => c.lost),
    m('duplicateDeliveries', 'duplicate deliveries', 'count', (c) => c.duplicateDeliveries),
    m('appliedTwice', 'applied twice', 'count', (c) => c.appliedTwice),
    m('deadLettered', 'dead-lettered', 'count', (c) => c.deadLettered),
    m('lagMax', 'max consumer lag', 'count', (c) => c.lagMax),
    m('endToEndMeanMs', 'mean end-to-end time', 'ms', (c) =>
      c.applied > 0 ? c.endToEndMeanMs : null,
    ),
  ],
  true,
);
