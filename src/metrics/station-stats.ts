/**
 * Load statistics of one component (a service or a database): arrivals (the load on a shared
 * service), completions, rejections, waiting times, and time-weighted busy slots and queue
 * lengths per instance, plus a per-second series of each. Bounded memory.
 */
import { DOUBLE_ZERO } from '../engine/double-zero.ts';
import { TimeWeighted } from './time-weighted.ts';

/** One closed second of a component's series. */
export interface StationPoint {
  second: number;
  arrivals: number;
  completed: number;
  rejected: number;
  /** Mean busy slots / capacity over the second. */
  utilisation: number;
  /** Mean number waiting over the second. */
  queueMean: number;
  /** Instances serving at the end of the second. */
  instances: number;
}

/** Counters of one component; the model increments the fields directly (hot path). */
export class StationStats {
  arrivals = 0;
  completed = 0;
  rejected = 0;
  failed = 0;
  /** Mean heap held per instance for caches and tables, bytes (set by the model for services). */
  memoryBytesPerInstance: () => number = () => 0;
  /** Garbage-collection pauses and their total length (services with `gc`). */
  gcPauses = 0;
  gcPauseMs = 0;
  /** Rows read and bytes returned (databases). */
  rowsRead = 0;
  bytesRead = 0;
  /** Sum and count of waiting times (queue → slot), ms. */
  waitSumMs = DOUBLE_ZERO;
  waitCount = 0;
  waitMaxMs = DOUBLE_ZERO;
  /** Busy slots per instance. */
  readonly busy: TimeWeighted[];
  /** Waiting holders per instance. */
  readonly queue: TimeWeighted[];
  readonly points: StationPoint[] = [];
  /** The counters when the open second started. */
  #secondArrivals = 0;
  #secondCompleted = 0;
  #secondRejected = 0;
  /** Instances serving (autoscaled components only; null: every instance serves all along). */
  instancesLevel: TimeWeighted | null = null;
  scaleUps = 0;
  scaleDowns = 0;

  constructor(
    readonly id: string,
    readonly kind: string,
    instances: number,
    /** Slots per instance (threads or connections). */
    readonly capacityPerInstance: number,
  ) {
    this.busy = Array.from({ length: instances }, () => new TimeWeighted());
    this.queue = Array.from({ length: instances }, () => new TimeWeighted());
  }

  /** Adds the statistics of an instance created during the run (autoscaling). */
  addInstance(nowMs: number): number {
    this.busy.push(new TimeWeighted(nowMs));
    this.queue.push(new TimeWeighted(nowMs));
    return this.busy.length - 1;
  }

  /** Records a waiting time. */
  recordWait(ms: number): void {
    this.waitSumMs += ms;
    this.waitCount++;
    if (ms > this.waitMaxMs) this.waitMaxMs = ms;
  }

  /** Closes the per-second bucket ending at `nowMs`. */
  closeSecond(second: number, nowMs: number, spanMs: number): void {
    let busyArea = 0;
    let queueArea = 0;
    // indexed loops: this runs once a simulated second, mostly before V8 optimizes it, where
    // for-of pays for an iterator
    const busy = this.busy;
    const queue = this.queue;
    for (let i = 0; i < busy.length; i++) busyArea += busy[i].closeBucket(nowMs);
    for (let i = 0; i < queue.length; i++) queueArea += queue[i].closeBucket(nowMs);
    const serving = this.instancesLevel;
    // with autoscaling the capacity is the slots of the instances serving, second by second
    const capArea =
      serving === null
        ? this.capacityPerInstance * this.busy.length * spanMs
        : this.capacityPerInstance * serving.closeBucket(nowMs);
    this.points.push({
      second,
      arrivals: this.arrivals - this.#secondArrivals,
      completed: this.completed - this.#secondCompleted,
      rejected: this.rejected - this.#secondRejected,
      utilisation: capArea > 0 ? busyArea / capArea : 0,
      queueMean: spanMs > 0 ? queueArea / spanMs : 0,
      instances: serving === null ? this.busy.length : serving.level,
    });
    this.#secondArrivals = this.arrivals;
    this.#secondCompleted = this.completed;
    this.#secondRejected = this.rejected;
  }

  /**
   * Starts the statistics window (end of warm-up): counters to zero, levels kept. The open
   * bucket of the series keeps what it counted before (a bucket of a long run's coarser series
   * may straddle the warm-up's end; at one second per point the window opens on a boundary).
   */
  reset(nowMs: number): void {
    this.#secondArrivals -= this.arrivals;
    this.#secondCompleted -= this.completed;
    this.#secondRejected -= this.rejected;
    this.arrivals = 0;
    this.completed = 0;
    this.rejected = 0;
    this.failed = 0;
    this.rowsRead = 0;
    this.bytesRead = 0;
    this.gcPauses = 0;
    this.gcPauseMs = 0;
    this.waitSumMs = 0;
    this.waitCount = 0;
    this.waitMaxMs = 0;
    for (const b of this.busy) b.reset(nowMs);
    for (const q of this.queue) q.reset(nowMs);
    this.instancesLevel?.reset(nowMs);
    this.scaleUps = 0;
    this.scaleDowns = 0;
  }
}
