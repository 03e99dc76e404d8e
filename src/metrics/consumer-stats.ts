/**
 * Counters of one consumer group over the statistics window (issue 7): what reached the topic,
 * what was delivered, processed and applied, and what went wrong — messages lost (at-most-once),
 * delivered again (at-least-once after a crash, a failure or an ack timeout), applied twice (a
 * duplicate that changed state because the consumer was not idempotent), skipped as duplicates
 * by an idempotency check, sent to the dead-letter topic — and the group's lag second by second.
 */
import { TimeWeighted } from './time-weighted.ts';

export class ConsumerGroupStats {
  /** Messages appended to the group's topic. */
  produced = 0;
  /** Deliveries to a consumer, first ones and again. */
  delivered = 0;
  /** Deliveries of a message that had been delivered before. */
  duplicateDeliveries = 0;
  /** Handler runs that completed (the message's effect was made). */
  processed = 0;
  /** Effects that stuck (after the transaction, for exactly-once). */
  applied = 0;
  /** Effects of a message applied once already: the damage of a non-idempotent consumer. */
  appliedTwice = 0;
  /** Deliveries an idempotency check recognised and skipped. */
  skippedDuplicates = 0;
  /** Messages committed without their effect ever applied (at-most-once). */
  lost = 0;
  /** Messages given up on after maxDeliveries failed deliveries. */
  deadLettered = 0;
  /** Handler runs that failed (the message is delivered again, lost, or dead-lettered). */
  failedDeliveries = 0;
  /** Deliveries abandoned by a consumer crash or an ack timeout. */
  abandoned = 0;
  /** Partition reassignments (rebalances) and the time partitions spent unassigned, ms. */
  rebalances = 0;
  /** Time from a message's publication to its effect (first application), ms: sum and max. */
  endToEndSumMs = 0;
  endToEndCount = 0;
  endToEndMaxMs = 0;
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
  ) {}

  reset(nowMs: number): void {
    this.produced = 0;
    this.delivered = 0;
    this.duplicateDeliveries = 0;
    this.processed = 0;
    this.applied = 0;
    this.appliedTwice = 0;
    this.skippedDuplicates = 0;
    this.lost = 0;
    this.deadLettered = 0;
    this.failedDeliveries = 0;
    this.abandoned = 0;
    this.rebalances = 0;
    this.endToEndSumMs = 0;
    this.endToEndCount = 0;
    this.endToEndMaxMs = 0;
    this.firstAppliedTwice = null;
    this.firstLost = null;
    this.lag.reset(nowMs);
  }
}

/** A consumer group over the statistics window, ready for JSON. */
export interface ConsumerGroupSummary {
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
  produced: number;
  delivered: number;
  duplicateDeliveries: number;
  processed: number;
  applied: number;
  appliedTwice: number;
  skippedDuplicates: number;
  lost: number;
  deadLettered: number;
  failedDeliveries: number;
  abandoned: number;
  rebalances: number;
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
    group: s.group,
    broker: s.broker,
    topic: s.topic,
    service: s.service,
    endpoint: s.endpoint,
    ack: s.ack,
    idempotency: s.idempotency,
    partitions: s.partitions,
    produced: s.produced,
    delivered: s.delivered,
    duplicateDeliveries: s.duplicateDeliveries,
    processed: s.processed,
    applied: s.applied,
    appliedTwice: s.appliedTwice,
    skippedDuplicates: s.skippedDuplicates,
    lost: s.lost,
    deadLettered: s.deadLettered,
    failedDeliveries: s.failedDeliveries,
    abandoned: s.abandoned,
    rebalances: s.rebalances,
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
