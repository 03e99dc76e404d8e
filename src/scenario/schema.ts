/**
 * The scenario language, version 1, as zod schemas. These describe what a user may write (the
 * input side: durations as "2ms", rates as "200/s", shorthands); normalize.ts turns a valid
 * document into the canonical Scenario the model is built from. `msasim schema` prints the
 * JSON Schema generated from here, so editors autocomplete the same language.
 * Later capabilities add sections (caches, keys, faults, sessions, brokers) and step kinds.
 */
import * as z from 'zod';
import { LIMITS } from './limits.ts';

/** Matches "2ms", "1.5s", "250us", "1m", "0.5h". */
export const DURATION_RE = /^\s*(\d+(\.\d+)?|\.\d+)\s*(us|µs|ms|s|m|min|h)\s*$/;
/** Matches "200/s", "3/ms", "12000/min", "5/h". */
export const RATE_RE = /^\s*(\d+(\.\d+)?|\.\d+)\s*\/\s*(ms|s|sec|min|m|h)\s*$/;
/** Matches "512B", "64KB", "1.5MB", "2GB" (powers of 1024). */
export const PERCENT_RE = /^\s*(\d+(\.\d+)?|\.\d+)\s*%\s*$/;
/** A size: a number, then B, KB, MB or GB. */
export const BYTES_RE = /^\s*(\d+(\.\d+)?|\.\d+)\s*(B|KB|MB|GB)\s*$/;
/**
 * Component, workload and endpoint identifiers. `constructor` and `prototype` are refused: a
 * `set:` path cannot go through them (they would reach JavaScript internals), so a component
 * with such a name could not be changed by a variant.
 */
export const ID_RE = /^(?!(?:constructor|prototype)$)[A-Za-z][A-Za-z0-9_-]*$/;
/** A reference to an endpoint: "service/endpoint". */
export const ENDPOINT_REF_RE = /^[A-Za-z][A-Za-z0-9_-]*\/[A-Za-z][A-Za-z0-9_-]*$/;

const id = z
  .string()
  .regex(ID_RE, 'expected an identifier: a letter, then letters, digits, "-" or "_"');

/** A duration: a number of milliseconds or a string with a unit. */
export const Duration = z.union([
  z.number().nonnegative(),
  z
    .string()
    .regex(DURATION_RE, 'expected a duration such as "2ms", "1.5s", "250us" or a number of ms'),
]);

/** A rate: a number per second or a string such as "200/s". */
export const Rate = z.union([
  z.number().nonnegative(),
  z
    .string()
    .regex(RATE_RE, 'expected a rate such as "200/s", "3/ms", "1200/min" or a number per second'),
]);

/** A size in bytes: a number of bytes or a string with a unit. */
export const Bytes = z.union([
  z.number().nonnegative(),
  z
    .string()
    .regex(BYTES_RE, 'expected a size such as "200B", "64KB", "1.5MB" or a number of bytes'),
]);

/** A share: a fraction from 0 to 1 or a percentage string such as "99.9%". */
export const Percent = z.union([
  z.number().min(0).max(1),
  z.string().regex(PERCENT_RE, 'expected a percentage such as "99.9%" or a fraction from 0 to 1'),
]);

const positive = z.number().positive();
const probability = z.number().min(0).max(1);

function distributionOf<V extends z.ZodType>(value: V) {
  return z.discriminatedUnion('dist', [
    z.strictObject({ dist: z.literal('constant'), value }),
    z.strictObject({ dist: z.literal('uniform'), min: value, max: value }),
    z.strictObject({ dist: z.literal('exponential'), mean: value }),
    z.strictObject({ dist: z.literal('normal'), mean: value, sd: value }),
    z.strictObject({
      dist: z.literal('lognormal'),
      mean: value.optional(),
      p99: value.optional(),
      median: value.optional(),
      sigma: positive.optional(),
    }),
    z.strictObject({ dist: z.literal('gamma'), shape: positive, mean: value }),
    z.strictObject({ dist: z.literal('erlang'), k: z.number().int().min(1), mean: value }),
    z.strictObject({ dist: z.literal('pareto'), shape: positive, scale: value }),
    z.strictObject({
      dist: z.literal('empirical'),
      values: z.array(value).min(1),
      weights: z.array(z.number().nonnegative()).min(1).optional(),
    }),
  ]);
}

/** A duration distribution: a fixed duration, or `{ dist: …, … }` with durations as parameters. */
export const DurationDist = z.union([Duration, distributionOf(Duration)]);
/** A count distribution (rows, items): a fixed count, or `{ dist: …, … }`. */
export const CountDist = z.union([
  z.number().nonnegative(),
  distributionOf(z.number().nonnegative()),
]);

/** `unbounded` or a non-negative integer capacity. */
export const Capacity = z.union([z.number().int().nonnegative(), z.literal('unbounded')]);

const EndpointRef = z
  .string()
  .regex(
    ENDPOINT_REF_RE,
    'expected an endpoint reference "service/endpoint", such as "orders/create"',
  );

// Steps are objects keyed by their kind (`- cpu: 2ms`, `- call: orders/create`), with options
// beside the kind key. They nest (parallel, branch), hence the lazy recursion.
type KeyAccessInput = 'uniform' | 'sequential' | { dist: string; [k: string]: unknown };
type ListInput = {
  rows?: z.input<typeof CountDist>;
  db?: string;
  refs: {
    keys: string;
    access?: KeyAccessInput;
    via: string;
    refresh?: number | string;
    conditional?: boolean;
  }[];
  strategy?: string;
  joinDb?: string;
  cache?: string;
  label?: string;
};
type StepInput =
  | { cpu: z.input<typeof DurationDist> }
  | { sleep: z.input<typeof DurationDist> }
  | {
      call: string;
      timeout?: z.input<typeof Duration>;
      retry?: z.input<typeof Retry>;
      breaker?: z.input<typeof Breaker>;
      bulkhead?: number;
      fallback?: z.input<typeof Fallback>;
    }
  | { query: string | QueryInput }
  | { parallel: (StepInput | StepInput[])[] }
  | { branch: { probability: number; steps: StepInput[] }[] }
  | { list: ListInput }
  | { lookup: string | { keys: string; db?: string } }
  | { publish: string | { broker: string; topic?: string } }
  | {
      kv:
        | string
        | { store: string; op?: 'get' | 'set'; keys?: number; timeout?: z.input<typeof Duration> };
    }
  | { saga: z.input<typeof Saga> }
  | {
      transaction: {
        name?: string;
        keys: string;
        access?: z.input<typeof KeyAccess>;
        locking?: 'pessimistic' | 'optimistic';
        lockWait?: z.input<typeof Duration>;
        retries?: number;
        steps: StepInput[];
        compensate?: StepInput[];
      };
    };
type QueryInput = {
  db?: string;
  rows?: z.input<typeof CountDist>;
  time?: z.input<typeof DurationDist>;
  label?: string;
};

export const CpuStep = z.strictObject({ cpu: DurationDist });
export const SleepStep = z.strictObject({ sleep: DurationDist });
/** Retries of a failed call: `attempts` in all, waits growing from `backoff` by `multiplier`. */
export const Retry = z.strictObject({
  attempts: z.number().int().min(1).max(100),
  backoff: Duration.default('50ms'),
  multiplier: z.number().min(1).max(100).default(2),
  maxBackoff: Duration.optional(),
  jitter: z.enum(['none', 'full', 'equal']).default('full'),
  /** Retries allowed per first attempt (a token bucket: each call adds `budget`, a retry takes 1). */
  budget: Percent.optional(),
  on: z
    .array(z.enum(['timedOut', 'failed', 'rejected']))
    .min(1)
    .optional(),
});

/** A circuit breaker on a call: count-based window, failure-rate and slow-call thresholds. */
export const Breaker = z.strictObject({
  failureRate: Percent.default('50%'),
  slowCall: Duration.optional(),
  slowRate: Percent.default('100%'),
  window: z.number().int().min(1).max(LIMITS.calls).default(20),
  minCalls: z.number().int().min(1).max(LIMITS.calls).default(10),
  openFor: Duration.default('5s'),
  halfOpenCalls: z.number().int().min(1).max(LIMITS.calls).default(3),
});

/** What a call answers when it finally fails: a default, a cached value, or a degraded response. */
export const Fallback = z.union([
  z.enum(['default', 'cached', 'degraded']),
  z.strictObject({
    kind: z.enum(['default', 'cached', 'degraded']),
    time: DurationDist.optional(),
  }),
]);

export const CallStep = z.strictObject({
  call: EndpointRef,
  timeout: Duration.optional(),
  retry: Retry.optional(),
  breaker: Breaker.optional(),
  /** At most this many calls of this step in flight per caller instance; more fail at once. */
  bulkhead: z.number().int().min(1).max(LIMITS.calls).optional(),
  fallback: Fallback.optional(),
});
export const QueryStep = z.strictObject({
  query: z.union([
    id,
    z.strictObject({
      db: id.optional(),
      rows: CountDist.optional(),
      time: DurationDist.optional(),
      label: z.string().optional(),
    }),
  ]),
});
/** How requests pick keys in a key space: uniform, sequential, Zipf or a hot set. */
export const KeyAccess = z.union([
  z.enum(['uniform', 'sequential']),
  z.discriminatedUnion('dist', [
    z.strictObject({ dist: z.literal('uniform') }),
    z.strictObject({ dist: z.literal('sequential') }),
    z.strictObject({ dist: z.literal('zipf'), s: positive }),
    z.strictObject({
      dist: z.literal('hot-set'),
      keys: z.number().gt(0).lt(1),
      accesses: z.number().gt(0).lt(1),
    }),
  ]),
]);

/** The four ways to resolve the keys a list screen references. */
export const ListStrategy = z.enum(['join', 'n+1', 'batch', 'batch+cache']);

export const ListStep = z.strictObject({
  list: z.strictObject({
    rows: CountDist.default(20),
    db: id.optional(),
    refs: z
      .array(
        z.strictObject({
          keys: id,
          access: KeyAccess.default('uniform'),
          via: EndpointRef,
          /** Keep the whole table in memory, refreshed every period (for small reference tables). */
          refresh: Duration.optional(),
          /** Ask only for rows changed since the last refresh (answered 304 when none). */
          conditional: z.boolean().default(true),
        }),
      )
      .min(1),
    strategy: ListStrategy.optional(),
    joinDb: id.optional(),
    cache: id.optional(),
    label: z.string().optional(),
  }),
});

/** Publishing to a broker: wait for its acknowledgement (acks=all). */
export const PublishStep = z.strictObject({
  publish: z.union([id, z.strictObject({ broker: id, topic: z.string().optional() })]),
});

/** A GET or SET on a distributed cache used as a key-value store (sessions, tokens). */
export const KvStep = z.strictObject({
  kv: z.union([
    id,
    z.strictObject({
      store: id,
      op: z.enum(['get', 'set']).default('get'),
      keys: z.number().int().min(1).max(LIMITS.rows).default(1),
      timeout: Duration.default('1s'),
    }),
  ]),
});

/**
 * One action of a saga: a call to a participant, which fails as a business outcome with
 * probability `fails` (or by a fault), and the call that undoes it (`compensate`; none: the
 * action cannot be undone, like an SMS), which fails with `compensationFails`.
 */
export const SagaAction = z.strictObject({
  call: EndpointRef,
  timeout: Duration.optional(),
  fails: Percent.default(0),
  compensate: EndpointRef.optional(),
  compensationFails: Percent.default(0),
});

/**
 * A saga: actions in several services without a shared transaction. On a failure the actions
 * already done are compensated in reverse order; a compensation that fails, or an action that
 * cannot be undone, leaves the data inconsistent and raises an operator alert. `orchestrated`:
 * this endpoint calls each participant and waits (holding its thread); `choreographed`: each
 * participant reacts to the previous one's event through `broker`, and the request returns
 * after the first action (the rest completes in the background).
 */
export const Saga = z.strictObject({
  name: id.optional(),
  mode: z.enum(['orchestrated', 'choreographed']).default('orchestrated'),
  broker: id.optional(),
  steps: z.array(SagaAction).min(1),
});

export const SagaStep = z.strictObject({ saga: Saga });

export const LookupStep = z.strictObject({
  lookup: z.union([id, z.strictObject({ keys: id, db: id.optional() })]),
});

export const Step: z.ZodType<StepInput> = z.lazy(() =>
  z.union([
    CpuStep,
    SleepStep,
    CallStep,
    QueryStep,
    z.strictObject({ parallel: z.array(z.union([Step, z.array(Step).min(1)])).min(1) }),
    z.strictObject({
      branch: z.array(z.strictObject({ probability, steps: z.array(Step) })).min(1),
    }),
    ListStep,
    LookupStep,
    PublishStep,
    KvStep,
    SagaStep,
    // A local transaction on one row of a key space (`keys`, drawn by `access`: hot keys with a
    // skew) around `steps`, which may call other services. pessimistic: the row is locked before
    // the steps and until the end; a transaction waits for it up to `lockWait` (0: fail fast), and
    // holds its thread meanwhile. optimistic: no lock; the row's version is checked at commit, and
    // a conflict (another transaction committed the row meanwhile) runs `compensate` (undoing
    // what the steps did elsewhere) and starts again, up to `retries` times, then fails.
    z.strictObject({
      transaction: z.strictObject({
        name: id.optional(),
        keys: id,
        access: KeyAccess.default('uniform'),
        locking: z.enum(['pessimistic', 'optimistic']).default('pessimistic'),
        lockWait: Duration.default('1s'),
        retries: z.number().int().min(0).max(LIMITS.retries).default(2),
        steps: z.array(Step),
        compensate: z.array(Step).default(() => []),
      }),
    }),
  ]),
);

/** Step kinds, in the order they are tried. */
export const STEP_KINDS = [
  'cpu',
  'sleep',
  'call',
  'query',
  'parallel',
  'branch',
  'list',
  'lookup',
  'publish',
  'kv',
  'saga',
  'transaction',
] as const;

export const Endpoint = z.strictObject({
  description: z.string().optional(),
  steps: z.array(Step),
});

export const LoadBalancer = z.enum(['round-robin', 'random', 'least-outstanding', 'power-of-two']);

export const Service = z.strictObject({
  description: z.string().optional(),
  instances: z.number().int().min(1).max(LIMITS.instances).default(1),
  threads: z.number().int().min(1).max(LIMITS.threads).default(200),
  cores: z.number().int().min(1).max(LIMITS.threads).optional(),
  queueCapacity: Capacity.default('unbounded'),
  loadBalancer: LoadBalancer.default('round-robin'),
  database: id.optional(),
  /**
   * Horizontal autoscaling (Kubernetes HPA-like): every `every`, desired = ⌈ready × utilisation
   * / target⌉ within [min, max]; new instances serve after `bootTime`; scale-in waits until the
   * desired count has stayed lower for `scaleDownAfter`.
   */
  autoscale: z
    .strictObject({
      min: z.number().int().min(1).max(LIMITS.instances),
      max: z.number().int().min(1).max(LIMITS.instances),
      targetUtilisation: Percent.default('60%'),
      every: Duration.default('15s'),
      bootTime: Duration.default('30s'),
      scaleDownAfter: Duration.default('60s'),
    })
    .optional(),
  /**
   * Health checks: the load balancer stops sending to a crashed instance `healthCheck` after it
   * went down (the time to detect it) and sends to it again once it is back.
   */
  healthCheck: Duration.optional(),
  /** Scheduled scaling (a manual `kubectl scale` or a cron): from `at`, serve with `instances`. */
  scale: z
    .array(
      z.strictObject({ at: Duration, instances: z.number().int().min(1).max(LIMITS.instances) }),
    )
    .optional(),
  /** Load shedding: a token bucket of `rate` per second and `burst` tokens for the whole service. */
  rateLimit: z
    .strictObject({ rate: Rate, burst: z.number().int().min(1).max(LIMITS.calls).optional() })
    .optional(),
  /** Stop-the-world garbage collection: every `every`, a pause of `pause` + `pausePerGB` × heap held by caches. */
  gc: z
    .strictObject({
      every: Duration.default('10s'),
      pause: Duration.default('2ms'),
      pausePerGB: Duration.default('100ms'),
    })
    .optional(),
  endpoints: z.record(id, Endpoint),
});

export const Database = z.strictObject({
  description: z.string().optional(),
  connections: z.number().int().min(1).max(LIMITS.threads).default(20),
  queueCapacity: Capacity.default('unbounded'),
  queryTime: DurationDist.default('1ms'),
  rowTime: DurationDist.default(0),
  joinTime: DurationDist.default(0),
  /** Split into shards by key range or by hash; lookups go to the shards of their keys. */
  shards: z
    .strictObject({
      count: z.number().int().min(2).max(LIMITS.shards),
      by: z.enum(['range', 'hash']),
    })
    .optional(),
});

/**
 * A Kafka-like broker: servers that append published messages (publishTime each, acks=all),
 * and what producers do while it is unavailable: fail the step, block (retrying every
 * `retryEvery`, up to `blockFor`), or buffer up to `bufferSize` messages per producer instance
 * and send them in the background.
 */
export const Broker = z.strictObject({
  description: z.string().optional(),
  instances: z.number().int().min(1).max(LIMITS.instances).default(3),
  threads: z.number().int().min(1).max(LIMITS.threads).default(8),
  publishTime: DurationDist.default('2ms'),
  queueCapacity: Capacity.default('unbounded'),
  /** How long a producer waits for an acknowledgement before it counts the broker unavailable. */
  timeout: Duration.default('1s'),
  onUnavailable: z.enum(['fail', 'block', 'buffer']).default('fail'),
  retryEvery: Duration.default('100ms'),
  blockFor: Duration.default('60s'),
  bufferSize: z.number().int().min(1).max(LIMITS.buffer).default(10000),
  /**
   * Topics: each a log split into `partitions` by message key (keys drawn uniformly from
   * 1..`keys`); partition p is led by server p mod instances. Without topics, publishes are
   * appended nowhere (no consumer can read them).
   */
  topics: z
    .record(
      id,
      z.strictObject({
        description: z.string().optional(),
        partitions: z.number().int().min(1).max(LIMITS.partitions).default(6),
        keys: z.number().int().min(1).max(LIMITS.keys).default(10000),
      }),
    )
    .default({}),
});

/**
 * A third party reading data while services update it, every `every`. On a saga (by its
 * name): a settlement job reading the entities the saga writes in several services, those
 * started in the last period before `cutoff` ago; a read that sees some of the saga's changes
 * without the others is a cross-service dirty read. On a consumer group: a screen reading
 * `reads` random keys of the read model the group keeps (CQRS); a key with updates still
 * pending is a stale read.
 */
export const Reader = z.strictObject({
  description: z.string().optional(),
  every: Duration.default('1s'),
  saga: id.optional(),
  cutoff: Duration.default(0),
  consumer: id.optional(),
  reads: z.number().int().min(1).max(LIMITS.rows).default(20),
});

/** Where a consumer keeps the ids of the messages it processed (to skip a duplicate). */
export const Idempotency = z.union([
  z.enum(['none', 'memory']),
  z.strictObject({ store: id }),
  z.strictObject({ db: id }),
]);

/**
 * A consumer group: the instances of the service of `handler` share the partitions of `topic`
 * (each partition read by one instance, in order, one message at a time) and run the handler
 * endpoint's steps for each message. `ack` decides when the offset is committed: before
 * processing (at-most-once: a crash loses the message), after it (at-least-once: a crash
 * between the effect and the commit delivers it again), or with the effect in one transaction
 * (exactly-once, `transactionTime` more per message). A failed message is delivered again after
 * `retryBackoff`, and dead-lettered after `maxDeliveries`. A consumer that crashed loses its
 * partitions to the others after `rebalanceAfter`; one that holds a message longer than
 * `ackTimeout` is presumed dead and the message goes again.
 */
export const Consumer = z.strictObject({
  description: z.string().optional(),
  broker: id,
  topic: id,
  handler: EndpointRef,
  ack: z.enum(['at-most-once', 'at-least-once', 'exactly-once']).default('at-least-once'),
  idempotency: Idempotency.default('none'),
  commitTime: Duration.default('2ms'),
  /**
   * at-least-once: commit the processed offsets every `commitEvery` (Kafka's auto-commit,
   * `auto.commit.interval.ms`) instead of after each message: faster, but a crash delivers
   * everything processed since the last commit again.
   */
  commitEvery: Duration.optional(),
  /**
   * at-most-once: messages taken (and committed) at once, then processed one by one (Kafka's
   * `max.poll.records`): a crash loses the rest of the batch.
   */
  batch: z.number().int().min(1).max(LIMITS.buffer).default(100),
  transactionTime: Duration.default('5ms'),
  maxDeliveries: z.number().int().min(1).max(LIMITS.retries).default(5),
  retryBackoff: Duration.default('1s'),
  ackTimeout: Duration.default('30s'),
  rebalanceAfter: Duration.default('10s'),
});

/** A key space: the rows of one table, owned by one service (and stored in its database). */
export const KeySpace = z.strictObject({
  description: z.string().optional(),
  size: z.number().int().min(1).max(LIMITS.keys),
  owner: id,
  rowBytes: Bytes.default(100),
  updates: Rate.default(0),
});

/** A cache: local (per instance), replicated (every instance a copy) or distributed. */
export const Cache = z.strictObject({
  description: z.string().optional(),
  type: z.enum(['local', 'replicated', 'distributed']),
  maxEntries: z.number().int().min(1).max(LIMITS.cacheEntries).optional(),
  maxBytes: Bytes.optional(),
  eviction: z.enum(['lru', 'lfu', 'none']).default('lru'),
  ttl: Duration.optional(),
  /** replicated: CPU time to apply one sync message on the receiving instance. */
  syncCpu: Duration.default('0.05ms'),
  /** distributed: servers, threads per server, time per key operation, waiting operations. */
  instances: z.number().int().min(1).max(LIMITS.instances).default(1),
  threads: z.number().int().min(1).max(LIMITS.threads).default(8),
  opTime: DurationDist.default('0.02ms'),
  queueCapacity: Capacity.default('unbounded'),
});

const ScheduleItem = z.strictObject({
  at: Duration,
  rate: Rate.optional(),
  rampTo: Rate.optional(),
  over: Duration.optional(),
  spike: Rate.optional(),
  for: Duration.optional(),
});

/**
 * Logged-in users (a closed workload): each logs in at `login`, sends a session of about
 * `requests` requests (geometric, think time between them), then logs out at `logout` (a share
 * `logoutShare` of sessions) or leaves (the session expires), stays away `offTime` and logs in
 * again. An administrator revokes a random logged-in user at `forcedLogouts` per second and
 * changes one's role at `roleChanges` per second. With `rampUp`, users first log in spread
 * evenly over that time (a growing population) instead of within their first think time.
 */
export const UserSession = z.strictObject({
  login: EndpointRef,
  logout: EndpointRef.optional(),
  requests: z.number().min(1).default(20),
  logoutShare: Percent.default('70%'),
  offTime: DurationDist.default('1m'),
  forcedLogouts: Rate.optional(),
  roleChanges: Rate.optional(),
  /** Users arrive over this time (each one's first login at a uniform moment in it): traffic grows. */
  rampUp: Duration.optional(),
});

export const Workload = z.strictObject({
  description: z.string().optional(),
  rate: Rate.optional(),
  schedule: z.array(ScheduleItem).optional(),
  users: z.number().int().min(1).max(LIMITS.users).optional(),
  thinkTime: DurationDist.optional(),
  target: EndpointRef.optional(),
  mix: z.record(EndpointRef, z.number().nonnegative()).optional(),
  timeout: Duration.optional(),
  session: UserSession.optional(),
});

export const Link = z.strictObject({ from: id, to: id, latency: DurationDist });

export const Network = z.strictObject({
  latency: DurationDist.default(0),
  links: z.array(Link).default(() => []),
});

/** The five ways to keep a user logged in. */
export const SessionStrategy = z.enum([
  'sticky',
  'clustering',
  'store',
  'reference-token',
  'value-token',
]);

/**
 * How users stay logged in (with workloads of logged-in users). sticky: the balancer pins each
 * user to an instance holding the session in memory. clustering: every instance holds every
 * session, each change replicated to all others. store: sessions in a key-value store (a
 * distributed cache) read on every check. reference-token: the client holds a random token that
 * the identity provider (or the token store) resolves, through a local token cache kept in sync
 * every `syncEvery`. value-token: a signed token verified locally until it expires, never
 * revocable. `validateAt` lists the services that check the credential on every visit.
 */
export const Sessions = z.strictObject({
  description: z.string().optional(),
  strategy: SessionStrategy,
  validateAt: z.array(id).min(1).optional(),
  /** An in-memory check: a session lookup, a cached token, the role. */
  checkCpu: DurationDist.default('0.02ms'),
  sessionBytes: Bytes.default('2KB'),
  idleTimeout: Duration.default('30m'),
  /** clustering: CPU to apply one replicated change on a receiving instance. */
  replicationCpu: Duration.default('0.05ms'),
  /** clustering: replicate the last-access time on every request, not only real changes. */
  replicateOnAccess: z.boolean().default(false),
  /** store, or reference tokens resolved by a token store: the distributed cache holding them. */
  store: id.optional(),
  /** store: every check also writes the last-access time (sliding expiry), in the same round trip. */
  touchOnAccess: z.boolean().default(true),
  /** The identity provider: a service, and its endpoints that issue, resolve and sync tokens. */
  idp: z
    .strictObject({
      service: id,
      issue: id.default('issue'),
      resolve: id.default('resolve'),
      sync: id.default('sync'),
    })
    .optional(),
  /** reference-token: who resolves a token the local cache does not hold. */
  resolveVia: z.enum(['idp', 'store']).default('idp'),
  /** reference-token: a token cache in each instance, one per service, or none. */
  tokenCache: z.enum(['per-instance', 'per-service', 'none']).default('per-instance'),
  syncEvery: Duration.default('30s'),
  tokenBytes: Bytes.default('1KB'),
  /** value-token: lifetime of a token (the client logs in again when it expires). */
  tokenTtl: Duration.default('15m'),
  /** value-token: CPU to verify a token's signature. */
  verifyCpu: DurationDist.default('0.1ms'),
  /** Calls to the IdP and store operations fail after this long without an answer. */
  timeout: Duration.default('2s'),
});

/**
 * Where and when a fault strikes (every kind has these): a component (`target`, optionally only
 * some of its instances) or a link between two components (`link`), from `at` for `for`
 * (until the end without it), repeated `every` period (`times` times, or until the end).
 */
const faultCommon = {
  description: z.string().optional(),
  target: id.optional(),
  instances: z
    .union([z.number().int().min(1), z.array(z.number().int().nonnegative()).min(1)])
    .optional(),
  link: z.strictObject({ from: id, to: id }).optional(),
  at: Duration,
  for: Duration.optional(),
  every: Duration.optional(),
  times: z.number().int().min(1).max(LIMITS.faultWindows).optional(),
};

/** The fault kinds, in the chaos-engineering vocabulary (Chaos Mesh, LitmusChaos). */
export const FAULT_KINDS = [
  'crash',
  'latency',
  'error-rate',
  'capacity-loss',
  'partition',
  'gc-pause',
  'cpu-hog',
] as const;

/**
 * A fault on the timeline. crash: instances down, calls refused at once (`refuse`) or left
 * hanging until the caller's timeout (`hang`). latency: every visit (or message on a link)
 * delayed by `add` and/or slowed by `factor`. error-rate: a share `rate` of visits fail.
 * capacity-loss: only `remaining` of the threads/connections stay. partition: a link drops
 * calls (fail at once) or blackholes them (no answer). gc-pause: stop-the-world pauses of
 * `pause` every `interval`. cpu-hog: service times × `factor`.
 */
export const Fault = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('crash'),
    ...faultCommon,
    mode: z.enum(['refuse', 'hang']).default('refuse'),
  }),
  z.strictObject({
    kind: z.literal('latency'),
    ...faultCommon,
    add: DurationDist.optional(),
    factor: z.number().min(1).optional(),
  }),
  z.strictObject({ kind: z.literal('error-rate'), ...faultCommon, rate: Percent }),
  z.strictObject({ kind: z.literal('capacity-loss'), ...faultCommon, remaining: Percent }),
  z.strictObject({
    kind: z.literal('partition'),
    ...faultCommon,
    mode: z.enum(['drop', 'blackhole']).default('drop'),
  }),
  z.strictObject({
    kind: z.literal('gc-pause'),
    ...faultCommon,
    pause: DurationDist.default('200ms'),
    interval: DurationDist.default('1s'),
  }),
  z.strictObject({
    kind: z.literal('cpu-hog'),
    ...faultCommon,
    factor: z.number().min(1).default(2),
  }),
]);

/**
 * A service-level objective (a steady-state hypothesis): bounds on an entry endpoint's (or all
 * endpoints', without `endpoint`) latency, availability, errors and throughput, or on a
 * component's utilisation. Latency bounds are maxima, availability and throughput minima.
 */
export const Slo = z.strictObject({
  description: z.string().optional(),
  endpoint: EndpointRef.optional(),
  component: id.optional(),
  p50: Duration.optional(),
  p90: Duration.optional(),
  p99: Duration.optional(),
  p999: Duration.optional(),
  mean: Duration.optional(),
  availability: Percent.optional(),
  errorRate: Percent.optional(),
  throughput: Rate.optional(),
  utilisation: Percent.optional(),
});

/** The bounds an SLO can set, in the order they are checked and printed. */
export const SLO_BOUNDS = [
  'p50',
  'p90',
  'p99',
  'p999',
  'mean',
  'availability',
  'errorRate',
  'throughput',
  'utilisation',
] as const;

export const Variant = z.strictObject({
  description: z.string().optional(),
  set: z.record(z.string(), z.unknown()).default({}),
});

/**
 * A whole scenario document. Defaults that hold a list are factories: zod copies a default map
 * one level deep only, so a list inside it would be one array shared by every document parsed.
 */
export const ScenarioDocument = z.strictObject({
  $schema: z.string().optional(),
  version: z.literal(1),
  name: id,
  description: z.string().default(''),
  seed: z.union([z.number().int(), z.string().min(1)]).default(1),
  duration: Duration,
  warmup: Duration.default(0),
  network: Network.default(() => ({ latency: 0, links: [] })),
  workloads: z.record(id, Workload),
  services: z.record(id, Service),
  databases: z.record(id, Database).default({}),
  keys: z.record(id, KeySpace).default({}),
  caches: z.record(id, Cache).default({}),
  brokers: z.record(id, Broker).default({}),
  consumers: z.record(id, Consumer).default({}),
  readers: z.record(id, Reader).default({}),
  sessions: Sessions.optional(),
  strategy: ListStrategy.default('batch'),
  faults: z.record(id, Fault).default({}),
  slos: z.record(id, Slo).default({}),
  variants: z.record(id, Variant).optional(),
});

/** The document as written (before defaults). */
export type ScenarioInput = z.input<typeof ScenarioDocument>;
/** The document after zod (defaults filled, still unnormalized units). */
export type ScenarioParsed = z.output<typeof ScenarioDocument>;

/** JSON Schema (draft 2020-12) of the input language, for editors. */
export function scenarioJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(ScenarioDocument, { io: 'input', unrepresentable: 'any' }) as Record<
    string,
    unknown
  >;
}
