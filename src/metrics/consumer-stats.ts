/**
 * Counters of one consumer group over the statistics window (issue 7): what reached the topic,
 * what was delivered, processed and applied, and what went wrong — messages lost (at-most-once),
 * delivered again (at-least-once after a crash, a failure or an ack timeout), applied twice (a
 * duplicate that changed state because the consumer was not idempotent), skipped as duplicates
 * by an idempotency check, sent to the dead-letter topic — and the group's lag second by second.
 */
import { type Counts, counters, countsOf, fieldsOf } from './counters.ts';
import { TimeWeighted } from './time-weighted.ts';

/** What the model counts for a consumer group over the statistics window. */
const CONSUMER_COUNTERS = {
  produced: "messages appended to the group's topic",
  delivered: 'deliveries to a consumer, first ones and again',
  duplicateDeliveries: 'deliveries of a message that had been delivered before',
  processed: "handler runs that completed (the message's effect was made)",
  applied: 'effects that stuck (after the transaction, for exactly-once)',
  appliedTwice:
    'effects of a message applied once already: the damage of a non-idempotent consumer',
  skippedDuplicates: 'deliveries an idempotency check recognised and skipped',
  lost: 'messages committed without their effect ever applied (at-most-once)',
  deadLettered: 'messages given up on after maxDeliveries failed deliveries',
  failedDeliveries:
    'handler runs that failed (the message is delivered again, lost, or dead-lettered)',
  abandoned: 'deliveries abandoned by a consumer crash or an ack timeout',
  rebalances: 'partition reassignments',
  endToEndSumMs: "time from a message's publication to its effect (first application), ms: sum",
  endToEndCount: '… and count',
  endToEndMaxMs: '… and maximum',
} as const;

/** The counters the summary shows through figures derived from them. */
const END_TO_END = ['endToEndSumMs', 'endToEndCount', 'endToEndMaxMs'] as const;

export class ConsumerGroupStats extends counters(CONSUMER_COUNTERS) {
  /** Messages appended and not yet committed, over every partition (time-weighted). */
  readonly lag = new TimeWeighted();
  /** Lag at each second's end (one number per second of the run). */
  readonly lagPoints: number[] = [];
  /** The first message applied twice, and the first lost, in words (null: none). */
  firstAppliedTwice: string | null = null;
  firstLost: string | null = null;

  constructor(
    readonly group: string,
    readonly broker: string,
    readonly topic: string,
    readonly service: string,
    readonly endpoint: string,
    readonly ack: string,
    readonly idempotency: string,
    readonly partitions: number,
  ) {
    super();
  }

  override reset(nowMs: number): void {
    super.reset();
    this.firstAppliedTwice = null;
    this.firstLost = null;
    this.lag.reset(nowMs);
  }
}

/** A consumer group over the statistics window, ready for JSON: its counts, then figures derived from them. */
export interface ConsumerGroupSummary
  extends Counts<Omit<typeof CONSUMER_COUNTERS, (typeof END_TO_END)[number]>> {
  group: string;
  broker: string;
  topic: string;
  /** The consuming service and its handler endpoint. */
  service: string;
  endpoint: string;
  ack: string;
  /** none, memory, or the store or database id holding processed message ids. */
  idempotency: string;
  partitions: number;
  /** Messages per second appended and applied. */
  producedPerSec: number;
  appliedPerSec: number;
  /** Lag (messages appended, not committed): time-average and maximum over the window, at the end. */
  lagMean: number;
  lagMax: number;
  lagAtEnd: number;
  /** Publication (the producer's first try) → first effect, ms. */
  endToEndMeanMs: number;
  endToEndMaxMs: number;
  /** Lag at the end of each second of the run (index = second). */
  lagBySecond: number[];
  /** One example of each data anomaly, in words (null: none in the window). */
  examples: { appliedTwice: string | null; lost: string | null };
}

export function summarizeConsumerGroup(
  s: ConsumerGroupStats,
  windowMs: number,
  endMs: number,
): ConsumerGroupSummary {
  const perSec = (n: number) => (windowMs > 0 ? (n * 1000) / windowMs : 0);
  return {
    ...fieldsOf(s, ['group', 'broker', 'topic', 'service', 'endpoint', 'ack', 'idempotency']),
    partitions: s.partitions,
    ...countsOf(s, CONSUMER_COUNTERS, END_TO_END),
    producedPerSec: perSec(s.produced),
    appliedPerSec: perSec(s.applied),
    lagMean: s.lag.mean(endMs),
    lagMax: s.lag.max,
    lagAtEnd: s.lag.level,
    endToEndMeanMs: s.endToEndCount > 0 ? s.endToEndSumMs / s.endToEndCount : 0,
    endToEndMaxMs: s.endToEndMaxMs,
    lagBySecond: s.lagPoints,
    examples: { appliedTwice: s.firstAppliedTwice, lost: s.firstLost },
  };
}
