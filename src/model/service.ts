/**
 * Runtime of a service: its instances (each a thread pool with a bounded FIFO queue, optionally
 * a set of CPU cores), its endpoints with their compiled steps, and its load balancer.
 * A visit holds one thread for its whole stay, including while it waits for downstream calls
 * and queries: thread blocking is a central lesson of the source document.
 */

import {
  type Distribution,
  Grant,
  Resource,
  type Simulation,
  type TimeoutQueue,
} from '../engine/index.ts';
import type { VisitStats } from '../metrics/entry-stats.ts';
import type { StationStats } from '../metrics/station-stats.ts';
import type { TimeWeighted } from '../metrics/time-weighted.ts';
import type { Producer } from './broker.ts';
import type { CacheRuntime } from './cache/cache-runtime.ts';
import type { KvClient } from './cache/distributed-cache.ts';
import type { CallPolicy } from './call-policy.ts';
import type { DatabaseRuntime } from './database.ts';
import { type FaultState, Slots } from './faults.ts';
import type { Frame } from './frame.ts';
import type { KeySpaceRuntime } from './key-space.ts';
import type { ListRuntime } from './list.ts';
import type { Picker } from './load-balancer.ts';
import type { ConsumerGroup } from './messaging.ts';
import type { Hop } from './network.ts';
import type { Invocation } from './request.ts';
import type { SagaRuntime } from './saga.ts';
import type { AuthPoint } from './sessions.ts';
import type { TransactionRuntime } from './transaction.ts';

/** Step kinds as small integers (the interpreter switches on them). */
export const StepKind = {
  cpu: 0,
  sleep: 1,
  call: 2,
  query: 3,
  parallel: 4,
  branch: 5,
  list: 6,
  lookup: 7,
  publish: 8,
  kv: 9,
  /** The credential check of a validating service (inserted before an endpoint's steps). */
  auth: 10,
  /** A consumer's bookkeeping around its handler: the duplicate check, the effect, the mark. */
  consume: 11,
  saga: 12,
  /** A local transaction: its own frame, between a begin (lock / read version) and an end. */
  transaction: 13,
  txBegin: 14,
  txEnd: 15,
} as const;

/**
 * One compiled step. A single class for every kind keeps the interpreter's property accesses
 * monomorphic; fields a kind does not use stay null.
 */
export class StepRuntime {
  duration: Distribution | null = null;
  /** call: the endpoint called, the hops there and back, the timeout. */
  target: EndpointRuntime | null = null;
  hopOut: Hop | null = null;
  hopBack: Hop | null = null;
  timeoutMs = Number.POSITIVE_INFINITY;
  /** The call's pending timeouts (null without a timeout). */
  timeouts: TimeoutQueue<Invocation> | null = null;
  /** query: the database, rows read and an optional fixed query time. */
  db: DatabaseRuntime | null = null;
  rows: Distribution | null = null;
  queryTime: Distribution | null = null;
  /** parallel branches, or branch options (with cumulative probabilities). */
  branches: StepRuntime[][] = [];
  cumulative: Float64Array | null = null;
  pick: (() => number) | null = null;
  /** list: the compiled list screen. */
  list: ListRuntime | null = null;
  /** lookup: the key space read (rows = keys the visit carries). */
  keySpace: KeySpaceRuntime | null = null;
  /** query: joins made, and bytes returned per row read (key-space rows). */
  joins = 0;
  bytesPerRow = 0;
  /** lookup on a sharded database: one query step per shard, and the key → shard rule. */
  shardSteps: StepRuntime[] | null = null;
  shardOf: ((key: number) => number) | null = null;
  /** Cause text used when this call times out. */
  timeoutCause = '';
  /** call: resilience policies (null without: the plain, fast path). */
  policy: CallPolicy | null = null;
  /** publish: the producer of this step. */
  producer: Producer | null = null;
  /** kv: the client of the key-value store. */
  kv: KvClient | null = null;
  /** auth: the service's credential check. */
  auth: AuthPoint | null = null;
  /** consume: the consumer group, and which of its operations (ConsumeOp). */
  consumer: ConsumerGroup | null = null;
  consumeOp = 0;
  /** saga: the saga of this step. */
  saga: SagaRuntime | null = null;
  /** transaction, txBegin, txEnd: the transaction. */
  tx: TransactionRuntime | null = null;
  constructor(readonly kind: number) {}
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

/** One instance of a service. */
export class Instance {
  /** Visits queued or in service here (for least-outstanding balancing). */
  outstanding = 0;
  readonly threads: Resource<Invocation>;
  readonly cores: Resource<Frame> | null;
  /** The threads that GC pauses and capacity faults take away. */
  readonly slots: Slots;
  /** Faults striking this instance (null when none ever does). */
  fault: FaultState | null = null;
  constructor(
    readonly service: ServiceRuntime,
    readonly index: number,
    threads: number,
    queueCapacity: number,
    cores: number,
    onThread: (inv: Invocation) => void,
    onCore: (f: Frame) => void,
    private readonly busy: TimeWeighted,
    private readonly queue: TimeWeighted,
  ) {
    this.threads = new Resource<Invocation>(threads, queueCapacity, onThread);
    this.slots = new Slots(threads, this.threads as Resource<unknown>, (now) => {
      this.observeBusy(now);
      this.observeQueue(now);
    });
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
  readonly caches = new Set<CacheRuntime>();
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
