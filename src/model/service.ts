/**
 * Runtime of a service: its instances (each a thread pool with a bounded FIFO queue, optionally
 * a set of CPU cores), its endpoints with their compiled steps, and its load balancer.
 * A visit holds one thread for its whole stay, including while it waits for downstream calls
 * and queries: thread blocking is a central lesson of the source document.
 */

import { Grant, Resource, type Simulation } from '../engine/index.ts';
import type { VisitStats } from '../metrics/entry-stats.ts';
import type { StationStats } from '../metrics/station-stats.ts';
import type { TimeWeighted } from '../metrics/time-weighted.ts';
import type { Frame, Invocation, StepRuntime } from './frame.ts';
import type { Picker } from './load-balancer.ts';
import { Server } from './server.ts';

/** What an instance holds in its memory for a component (a cache's stores, a session table). */
export interface MemoryHolder {
  /** Bytes it holds in `inst`. */
  bytesOf(inst: Instance): number;
}

/** One endpoint of a service. */
export class EndpointRuntime {
  steps: StepRuntime[] = [];
  constructor(
    readonly service: ServiceRuntime,
    readonly name: string,
    readonly visits: VisitStats,
  ) {}
}

/**
 * One instance of a service: a server (server.ts: its threads with their FIFO queue, the slots
 * that GC pauses and capacity faults take away, the faults striking it, its busy and queue
 * levels) with, optionally, a set of CPU cores. The journey (journey.ts) admits its visits and
 * records its levels one at a time (observeBusy, observeQueue), not through `admit`.
 */
export class Instance extends Server<Invocation> {
  /** Visits queued or in service here (for least-outstanding balancing). */
  outstanding = 0;
  readonly cores: Resource<Frame> | null;
  constructor(
    readonly service: ServiceRuntime,
    readonly index: number,
    threads: number,
    queueCapacity: number,
    cores: number,
    onThread: (inv: Invocation) => void,
    onCore: (f: Frame) => void,
    busy: TimeWeighted,
    queue: TimeWeighted,
  ) {
    super(threads, queueCapacity, onThread, busy, queue);
    this.cores = Number.isFinite(cores)
      ? new Resource<Frame>(cores, Number.POSITIVE_INFINITY, onCore)
      : null;
  }

  /** Records the slots in use at `nowMs` (after a grant or a release). */
  observeBusy(nowMs: number): void {
    this.busy.set(nowMs, this.threads.inUse);
  }

  /** Records the queue length at `nowMs` (after a visit joined or left the queue). */
  observeQueue(nowMs: number): void {
    this.queue.set(nowMs, this.threads.queueLength);
  }
}

/** A service: instances behind a load balancer. */
export class ServiceRuntime {
  readonly instances: Instance[] = [];
  /** Caches whose stores live in this service's instances (local, replicated). */
  readonly caches = new Set<MemoryHolder>();
  /** Bytes of the refreshed reference tables every instance holds. */
  tableBytes = 0;
  readonly endpoints = new Map<string, EndpointRuntime>();
  pick!: Picker<Instance>;
  /** Cause texts, built once. */
  readonly rejectedCause: string;
  readonly limitedCause: string;
  /** Rate limit (token bucket) in front of the service; null without. */
  limiter: TokenBucket | null = null;
  /** Called when an instance stops serving (scale-in): what its memory held is gone. */
  onStop: ((inst: Instance) => void) | null = null;
  /** Called when scaling creates an instance (not for those the service starts with). */
  onCreate: ((inst: Instance) => void) | null = null;
  /** Bytes of sessions or cached tokens an instance holds (null: none). */
  sessionBytes: ((inst: Instance) => number) | null = null;
  constructor(
    readonly id: string,
    readonly sim: Simulation,
    readonly stats: StationStats,
  ) {
    this.rejectedCause = `rejected: ${id} queue full`;
    this.limitedCause = `rate limited: ${id} (429)`;
  }
}

/** A token bucket: `perMs` tokens a millisecond, at most `burst`; one token per admission. */
export class TokenBucket {
  #tokens: number;
  #lastMs = 0;
  constructor(
    private readonly perMs: number,
    private readonly burst: number,
  ) {
    this.#tokens = burst;
  }

  /** Takes a token at `nowMs` if there is one. */
  take(nowMs: number): boolean {
    this.#tokens = Math.min(this.burst, this.#tokens + (nowMs - this.#lastMs) * this.perMs);
    this.#lastMs = nowMs;
    if (this.#tokens < 1) return false;
    this.#tokens -= 1;
    return true;
  }
}

/** Heap an instance holds for its caches and reference tables, bytes. */
export function memoryOf(inst: Instance): number {
  let bytes = inst.service.tableBytes;
  if (inst.service.sessionBytes !== null) bytes += inst.service.sessionBytes(inst);
  for (const cache of inst.service.caches) bytes += cache.bytesOf(inst);
  return bytes;
}

export { Grant };
