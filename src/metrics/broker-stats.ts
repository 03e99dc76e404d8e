/**
 * Counters of a broker's producers over the statistics window: messages acknowledged,
 * publishes that failed, retries, buffer-full rejections, time blocked, the buffer's peak.
 */
export class BrokerStats {
  published = 0;
  failed = 0;
  retries = 0;
  bufferFull = 0;
  /** Sum over blocked publishes of the time they waited beyond the first attempt, ms. */
  blockedMs = 0;
  maxBuffered = 0;
  /** Messages buffered by producers now (set by the model). */
  bufferedNow: () => number = () => 0;
  constructor(
    readonly id: string,
    readonly onUnavailable: string,
  ) {}

  observeBuffered(total: number): void {
    if (total > this.maxBuffered) this.maxBuffered = total;
  }

  reset(): void {
    this.published = 0;
    this.failed = 0;
    this.retries = 0;
    this.bufferFull = 0;
    this.blockedMs = 0;
    this.maxBuffered = this.bufferedNow();
  }
}
