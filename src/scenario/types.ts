/**
 * The canonical scenario the model is built from: every duration in ms, every rate per ms,
 * every distribution a DistributionSpec, every default filled and every shorthand expanded.
 * Produced by normalize.ts from a valid document; nothing downstream reads the raw document.
 */

import type { DistributionSpec } from '../engine/index.ts';
import type { CostsDef } from './costs.ts';
import type { FaultDef } from './types-faults.ts';

export type { FaultDef, FaultKind, FaultWindow } from './types-faults.ts';
export type { CostsDef };

/**
 * One step of an endpoint's behaviour, normalized: `kind` names the step kind (a module of
 * model/steps/), whose definition (`KvDef`, `ListStepDef` …) holds the rest.
 */
export interface StepDef {
  readonly kind: string;
}

/** The four ways a list screen resolves the keys its rows reference. */
export type ListStrategy = 'join' | 'n+1' | 'batch' | 'batch+cache';

/** A key space: the rows of one table, owned by one service. */
export interface KeySpaceDef {
  id: string;
  description: string;
  size: number;
  owner: string;
  rowBytes: number;
  /** Writes per ms, each bumping the version of one key (uniformly chosen). */
  updatesPerMs: number;
}

/** A cache component. */
export interface CacheDef {
  id: string;
  description: string;
  type: 'local' | 'replicated' | 'distributed';
  maxEntries?: number;
  maxBytes?: number;
  eviction: 'lru' | 'lfu' | 'none';
  ttlMs?: number;
  /** replicated: CPU ms to apply one sync message. */
  syncCpuMs: number;
  /** distributed: servers, threads each, time per key operation (ms), waiting operations. */
  instances: number;
  threads: number;
  opTime: DistributionSpec;
  queueCapacity: number;
  /** distributed: its clients' behaviour while it is unreachable (null: none modelled). */
  client: KvClientDef | null;
}

/**
 * What a client of a key-value store does while the store is unreachable (after an operation
 * came back refused or reset): fail at once, block up to `blockLimitMs`, or queue up to
 * `queueLimit` operations until it reconnects. It tries to reconnect after `backoffMs`, then
 * after delays growing by `growth` up to `maxMs`.
 */
export interface KvClientDef {
  onUnavailable: 'fail' | 'block' | 'queue';
  blockLimitMs: number;
  queueLimit: number;
  backoffMs: number;
  growth: 'constant' | 'linear' | 'exponential';
  maxMs: number;
}

export interface EndpointDef {
  name: string;
  description: string;
  steps: StepDef[];
}

export type LoadBalancerKind = 'round-robin' | 'random' | 'least-outstanding' | 'power-of-two';

export interface ServiceDef {
  type: 'service';
  id: string;
  description: string;
  instances: number;
  threads: number;
  /** CPU cores per instance; Infinity = every thread runs its cpu steps at once. */
  cores: number;
  /** Waiting requests per instance; Infinity = unbounded. */
  queueCapacity: number;
  loadBalancer: LoadBalancerKind;
  /** Garbage-collection pauses (undefined: none modelled). */
  gc?: { everyMs: number; pauseMs: number; pausePerGBMs: number };
  /** Horizontal autoscaling (undefined: a fixed number of instances). */
  autoscale?: {
    min: number;
    max: number;
    target: number;
    everyMs: number;
    bootMs: number;
    scaleDownAfterMs: number;
  };
  /** A token bucket in front of the service: arrivals beyond it are rejected (429). */
  rateLimit?: { perSec: number; burst: number };
  /** Time for the balancer to notice a crashed instance and skip it (undefined: never). */
  healthCheckMs?: number;
  /** Scheduled scaling: from `atMs`, the service runs `instances` instances (in time order). */
  scale?: { atMs: number; instances: number }[];
  /** Default database of the service's query steps. */
  database?: string;
  /** Runtime effects (undefined: none; model/runtime-effects.ts). */
  runtime?: RuntimeDef;
  endpoints: EndpointDef[];
}

/** A service's runtime effects, each null when off. */
export interface RuntimeDef {
  /** The event loop's cost of each message received (the instance has one core). */
  perMessage: DistributionSpec | null;
  /** Noisy neighbours: CPU work × factor while noisy; mean sojourn times in each state. */
  noise: { factor: number; calmMs: number; noisyMs: number } | null;
  /** Timer granularity of sleeps: rounded down to tickMs (at least one tick), then late. */
  timers: { tickMs: number; late: DistributionSpec } | null;
}

export interface DatabaseDef {
  type: 'database';
  id: string;
  description: string;
  connections: number;
  queueCapacity: number;
  queryTime: DistributionSpec;
  rowTime: DistributionSpec;
  joinTime: DistributionSpec;
  /** Shards (lookups are routed by key; other queries run on the first shard). */
  shards?: { count: number; by: 'range' | 'hash' };
}

/** A piece of a piecewise-linear arrival-rate curve on [startMs, endMs); the last piece never ends. */
export interface RatePiece {
  startMs: number;
  endMs: number;
  /** Rates in requests per ms at the start and end of the piece. */
  fromPerMs: number;
  toPerMs: number;
}

export interface WorkloadTarget {
  service: string;
  endpoint: string;
  weight: number;
}

/**
 * Arrivals replayed from a file, as the scenario names it: the CLI reads the file (the model is
 * given its rows, ModelOptions.data) so the scenario layer does no I/O.
 */
export interface ReplayDef {
  /** The path as written, relative to the scenario file. */
  file: string;
  format: 'csv' | 'otlp';
  /** Arrival times are divided by it (3: the same day three times faster). */
  speed: number;
  /** Column names: the time (required), the endpoint and the key (optional). */
  time: string;
  unit: 's' | 'ms';
  endpoint: string | null;
  key: string | null;
}

/** An open workload's rate read from a CSV of (time, rate) points (read by the CLI). */
export interface RateProfileDef {
  file: string;
  speed: number;
  time: string;
  rate: string;
  unit: 's' | 'ms';
}

export type WorkloadDef = (
  | {
      kind: 'open';
      id: string;
      description: string;
      /** The rate curve (empty when `profile` gives it: the model is given the file's). */
      rate: RatePiece[];
      /** The rate from a file of points, or null. */
      profile: RateProfileDef | null;
      targets: WorkloadTarget[];
      timeoutMs: number;
    }
  | {
      kind: 'replay';
      id: string;
      description: string;
      replay: ReplayDef;
      targets: WorkloadTarget[];
      timeoutMs: number;
    }
  | {
      kind: 'closed';
      id: string;
      description: string;
      users: number;
      thinkTime: DistributionSpec;
      targets: WorkloadTarget[];
      timeoutMs: number;
      /** Logged-in users: their session lifecycle (null: anonymous users). */
      session: UserSessionDef | null;
    }
) & {
  /** The size of each request and its answer (absent: none declared, not counted). */
  payload?: PayloadDef;
};

/** The session lifecycle of a closed workload's users. */
export interface UserSessionDef {
  login: { service: string; endpoint: string };
  logout: { service: string; endpoint: string } | null;
  /** Mean requests per session (geometric). */
  requests: number;
  /** Share of sessions ended by a logout request (the rest expire). */
  logoutShare: number;
  offTime: DistributionSpec;
  forcedLogoutsPerMs: number;
  roleChangesPerMs: number;
  /** Users' first logins spread over [0, rampUpMs) (0: within their first think time). */
  rampUpMs: number;
}

export type SessionStrategy = 'sticky' | 'clustering' | 'store' | 'reference-token' | 'value-token';

/** How users stay logged in (see `sessions:` in schema.ts). */
export interface SessionsDef {
  description: string;
  strategy: SessionStrategy;
  validateAt: string[];
  checkCpu: DistributionSpec;
  sessionBytes: number;
  idleTimeoutMs: number;
  replicationCpuMs: number;
  replicateOnAccess: boolean;
  store: string | null;
  touchOnAccess: boolean;
  idp: { service: string; issue: string; resolve: string; sync: string } | null;
  resolveVia: 'idp' | 'store';
  tokenCache: 'per-instance' | 'per-service' | 'none';
  syncEveryMs: number;
  tokenBytes: number;
  tokenTtlMs: number;
  verifyCpu: DistributionSpec;
  timeoutMs: number;
}

export interface LinkDef {
  from: string;
  to: string;
  latency: DistributionSpec;
}

export interface NetworkDef {
  latency: DistributionSpec;
  links: LinkDef[];
  /** The size of every call's request and reply (absent: none declared, calls carry nothing counted). */
  payload?: PayloadDef;
  /** Bytes each link sends per ms (absent: no transmission time), `network.bandwidth`. */
  bandwidthBytesPerMs?: number;
}

/** The sizes of a call's (or a client request's) messages, bytes (`payload:`, issue 18). */
export interface PayloadDef {
  callBytes: number;
  replyBytes: number;
}

/** A Kafka-like broker and its producers' behaviour while it is unavailable. */
export interface BrokerDef {
  id: string;
  description: string;
  instances: number;
  threads: number;
  publishTime: DistributionSpec;
  queueCapacity: number;
  timeoutMs: number;
  onUnavailable: 'fail' | 'block' | 'buffer';
  retryEveryMs: number;
  blockForMs: number;
  bufferSize: number;
  topics: TopicDef[];
}

/** A topic of a broker: partitions by message key. */
export interface TopicDef {
  id: string;
  partitions: number;
  /** Message keys are drawn uniformly from 1..keys. */
  keys: number;
}

/** A third-party reader of a saga's entities or of a consumer group's read model. */
export interface ReaderDef {
  id: string;
  description: string;
  everyMs: number;
  target: { kind: 'saga'; saga: string } | { kind: 'consumer'; group: string };
  cutoffMs: number;
  reads: number;
}

/** Data duplicated across services (see `replicated:` in schema.ts, model/replicated.ts). */
export interface ReplicatedDef {
  id: string;
  description: string;
  /** The services that hold a copy, in the order written (a copy's index is its origin's rank for lww ties). */
  copies: string[];
  keys: number;
  merge: 'lww' | 'crdt';
  /** One-way delay of a copy's state to each other copy, ms. */
  sync: DistributionSpec;
  /** Whether a partition or an error-rate fault holds and retries a state (durable) or loses it. */
  delivery: 'durable' | 'lossy';
  /** The period of the reconciliation (each copy sends its whole state), ms; null: none. */
  reconcileMs: number | null;
}

export type AckMode = 'at-most-once' | 'at-least-once' | 'exactly-once';

/** A consumer group (see `consumers:` in schema.ts). */
export interface ConsumerDef {
  id: string;
  description: string;
  broker: string;
  topic: string;
  service: string;
  endpoint: string;
  ack: AckMode;
  idempotency:
    | { kind: 'none' }
    | { kind: 'memory' }
    | { kind: 'store'; store: string }
    | { kind: 'db'; db: string };
  commitTimeMs: number;
  /** at-least-once: periodic commits (null: after each message). */
  commitEveryMs: number | null;
  /** at-most-once: messages taken and committed at once. */
  batch: number;
  transactionTimeMs: number;
  maxDeliveries: number;
  retryBackoffMs: number;
  ackTimeoutMs: number;
  rebalanceAfterMs: number;
}

/** What an SLO bounds: a latency percentile or mean (ms), a share, a rate (per second). */
export type SloMetric =
  | 'p50Ms'
  | 'p90Ms'
  | 'p99Ms'
  | 'p999Ms'
  | 'meanMs'
  | 'availability'
  | 'errorRate'
  | 'throughputPerSec'
  | 'utilisation';

/** One bound of a service-level objective (an SLO with several bounds gives several). */
export interface SloDef {
  /** The SLO's name in the scenario. */
  name: string;
  description: string;
  /** overall: every entry endpoint together. */
  scope: 'overall' | 'endpoint' | 'component';
  /** The entry endpoint (service/endpoint) or component id; '' for overall. */
  id: string;
  metric: SloMetric;
  /** max: the value must stay at or below the threshold; min: at or above. */
  bound: 'max' | 'min';
  /** In the metric's unit: ms, a fraction, or per second. */
  threshold: number;
  /** The bound as written: "p99 ≤ 300ms", "availability ≥ 99.9%". */
  text: string;
}

/** A normalized scenario (one variant of it, when it has variants). */
export interface Scenario {
  file: string;
  name: string;
  description: string;
  /** The variant's name, or undefined for a scenario without variants. */
  variant?: string;
  variantDescription?: string;
  seed: number | string;
  durationMs: number;
  warmupMs: number;
  network: NetworkDef;
  workloads: WorkloadDef[];
  services: ServiceDef[];
  databases: DatabaseDef[];
  keys: KeySpaceDef[];
  caches: CacheDef[];
  brokers: BrokerDef[];
  consumers: ConsumerDef[];
  readers: ReaderDef[];
  replicated: ReplicatedDef[];
  /** How users stay logged in (null: no logged-in users). */
  sessions: SessionsDef | null;
  faults: FaultDef[];
  slos: SloDef[];
  /** Prices for the report's cost model (absent: no costs shown). */
  costs?: CostsDef;
  /** Request traces to keep (absent: none, unless the run is given some). */
  trace?: TraceDef;
}

/** Which requests keep their traces (metrics/traces.ts). */
export interface TraceDef {
  /** The slowest requests kept per entry endpoint. */
  slowest: number;
  /** Failed requests kept (the first ones). */
  failed: number;
  /** One request in `every` answered is kept (0: none) … */
  every: number;
  /** … at most `sampled` of them. */
  sampled: number;
  /** The replication traced (absent: the first), or every one (`--trace-replication` overrides it). */
  replication?: number | 'all';
}

/**
 * A key metric the scenario highlights (`highlights:`, resolved by highlights.ts): the
 * `scope|id|metric` of a key metric of the report. `id` is null for "the only item of the
 * scope" (a scenario's one consumer group, or its one saga named after its place).
 */
export interface HighlightDef {
  /** As written (whitespace collapsed). */
  text: string;
  scope: string;
  id: string | null;
  metric: string;
  /** The metric's label ("p99", "sessions lost"). */
  label: string;
}

/** Id of the pseudo-component that sends workload requests (usable in network links). */
export const CLIENT_ID = 'client';
