/**
 * A time-weighted level (salabim's Monitor(level=True)): the number of busy threads, the queue
 * length. Keeps the area under the level since the last reset and per open time bucket, so the
 * mean over any window is area / window. Updating is O(1); nothing is stored per change.
 */
import { DOUBLE_ZERO } from '../engine/double-zero.ts';

/** A level that changes at event times, with its time integral. */
export class TimeWeighted {
  /** Current value. */
  level = 0;
  /** Largest value since the last reset. */
  max = 0;
  // Times start as doubles: a field declared without a value is born undefined and then holds
  // its numbers tagged, allocating a heap number at every write (set() writes #lastMs often).
  #lastMs = DOUBLE_ZERO;
  #area = DOUBLE_ZERO;
  #bucketArea = DOUBLE_ZERO;
  #resetMs = DOUBLE_ZERO;

  constructor(startMs = 0) {
    this.#lastMs = startMs;
    this.#resetMs = startMs;
  }

  /** Sets the level at time `nowMs` (≥ the previous update). */
  set(nowMs: number, level: number): void {
    const dt = nowMs - this.#lastMs;
    if (dt > 0) {
      const a = this.level * dt;
      this.#area += a;
      this.#bucketArea += a;
      this.#lastMs = nowMs;
    }
    this.level = level;
    if (level > this.max) this.max = level;
  }

  /** Mean level from the last reset to `nowMs` (0 for an empty window). */
  mean(nowMs: number): number {
    const span = nowMs - this.#resetMs;
    if (!(span > 0)) return 0;
    return (this.#area + this.level * (nowMs - this.#lastMs)) / span;
  }

  /** Area (level × ms) since the last reset, up to `nowMs` (does not change anything). */
  areaUntil(nowMs: number): number {
    return this.#area + this.level * (nowMs - this.#lastMs);
  }

  /** Area (level × ms) accumulated since the last bucket close; closes the bucket. */
  closeBucket(nowMs: number): number {
    this.set(nowMs, this.level);
    const a = this.#bucketArea;
    this.#bucketArea = 0;
    return a;
  }

  /** Starts a new statistics window at `nowMs` (e.g. the end of warm-up); keeps the level. */
  reset(nowMs: number): void {
    this.set(nowMs, this.level);
    this.#area = 0;
    this.#resetMs = nowMs;
    this.max = this.level;
  }
}
