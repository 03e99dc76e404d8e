/**
 * Counters of a broker's producers over the statistics window: messages acknowledged,
 * publishes that failed, retries, buffer-full rejections, time blocked, the buffer's peak; with
 * the summary of a broker.
 */
import { counters, fieldsOf } from './counters.ts';

/** What the model counts for a broker's producers while it runs. */
const BROKER_COUNTERS = {
  published: 'messages acknowledged',
  failed: 'publish steps that failed (unavailable, blocked too long, buffer full)',
  retries: 'publish attempts made again',
  bufferFull: 'publishes refused because the buffer was full',
  blockedMs: 'sum over blocked publishes of the time they waited beyond the first attempt, ms',
  maxBuffered: "the producers' buffers' peak, messages",
} as const;

export class BrokerStats extends counters(BROKER_COUNTERS) {
  /** Messages buffered by producers now (set by the model). */
  bufferedNow: () => number = () => 0;

  constructor(
    readonly id: string,
    readonly onUnavailable: string,
  ) {
    super();
  }

  observeBuffered(total: number): void {
    if (total > this.maxBuffered) this.maxBuffered = total;
  }

  override reset(): void {
    super.reset();
    this.maxBuffered = this.bufferedNow();
  }
}

/** A broker's producers over the statistics window. */
export interface BrokerSummary {
  id: string;
  onUnavailable: string;
  /** Messages acknowledged. */
  published: number;
  publishedPerSec: number;
  /** Publish steps that failed (unavailable, blocked too long, buffer full). */
  failed: number;
  retries: number;
  bufferFull: number;
  /** Total time publishes that had to retry stayed blocked, ms. */
  blockedMsTotal: number;
  maxBuffered: number;
  /** Messages still in producer buffers at the end (lost if those instances crashed). */
  bufferedAtEnd: number;
}

/** The summary of broker `b` over a statistics window of `windowMs`. */
export function summarizeBroker(b: BrokerStats, windowMs: number): BrokerSummary {
  return {
    ...fieldsOf(b, ['id', 'onUnavailable', 'published']),
    publishedPerSec: windowMs > 0 ? (b.published * 1000) / windowMs : 0,
    ...fieldsOf(b, ['failed', 'retries', 'bufferFull']),
    blockedMsTotal: b.blockedMs,
    maxBuffered: b.maxBuffered,
    bufferedAtEnd: b.bufferedNow(),
  };
}
