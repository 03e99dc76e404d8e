/**
 * A server: threads with a FIFO queue (bounded or not), the slots that GC pauses and capacity
 * faults take away, the faults striking it, and its busy and queue levels. A distributed-cache
 * node and a broker are one; a service's instance (service.ts `Instance`) is one with cores.
 */
import { Grant, Resource } from '../engine/index.ts';
import type { TimeWeighted } from '../metrics/time-weighted.ts';
import { type FaultState, Slots } from './faults.ts';

export class Server<T extends { sinceMs: number }> {
  readonly threads: Resource<T>;
  readonly slots: Slots;
  /** Faults striking this server (null when none ever does). */
  fault: FaultState | null = null;
  constructor(
    threads: number,
    queueCapacity: number,
    onGrant: (item: T) => void,
    protected readonly busy: TimeWeighted,
    protected readonly queue: TimeWeighted,
  ) {
    this.threads = new Resource(threads, queueCapacity, onGrant);
    this.slots = new Slots(threads, this.threads as Resource<unknown>, (now) => this.observe(now));
  }

  /**
   * Operation `op` arrives at `nowMs` (its `sinceMs`) and asks for a thread: granted or queued
   * (the levels recorded), or rejected (the caller refuses it).
   */
  admit(op: T, nowMs: number): Grant {
    op.sinceMs = nowMs;
    const g = this.threads.request(op);
    if (g !== Grant.rejected) this.observe(nowMs);
    return g;
  }

  /** Records busy threads and queue length at `nowMs`. */
  observe(nowMs: number): void {
    this.busy.set(nowMs, this.threads.inUse);
    this.queue.set(nowMs, this.threads.queueLength);
  }
}
