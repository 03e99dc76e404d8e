/**
 * The scenario language, version 1, as zod schemas. These describe what a user may write (the
 * input side: durations as "2ms", rates as "200/s", shorthands); normalize.ts turns a valid
 * document into the canonical Scenario the model is built from. `msasim schema` prints the
 * JSON Schema generated from here, so editors autocomplete the same language. Each step kind
 * brings its own schema (model/steps/, given to the pipeline): `stepUnion` joins them and
 * `scenarioDocument` builds the whole document around that union; the building blocks the
 * kinds share (durations, distributions, ids, key access) are here.
 */
import * as z from 'zod';
import { HIGHLIGHT_CATALOGUE } from './highlight-catalogue.ts';
import { ENDPOINT_REF_RE, ID_EXPECTATION, ID_RE, NOT_NFC } from './identifiers.ts';
import { LIMITS } from './limits.ts';
import { BANDWIDTH_RE, BYTES_RE, DURATION_RE, PERCENT_RE, RATE_RE } from './units.ts';

export { ENDPOINT_REF_RE, ID_RE } from './identifiers.ts';
export { BANDWIDTH_RE, BYTES_RE, DURATION_RE, PERCENT_RE, RATE_RE } from './units.ts';

/** A text in NFC form (a name or a reference; identifiers.ts says why). */
const inNfc = (v: string): boolean => v === v.normalize('NFC');

/**
 * Component, workload and endpoint identifiers: letters of any script (identifiers.ts has the
 * rule and why), in NFC form. `constructor` and `prototype` are refused: a `set:` path cannot go
 * through them (they would reach JavaScript internals), so a component with such a name could
 * not be changed by a variant.
 */
export const id = z
  .string()
  .regex(ID_RE, ID_EXPECTATION)
  .refine((v) => !ID_RE.test(v) || inNfc(v), NOT_NFC);

/**
 * The language of the scenario's names and texts, as a BCP 47 tag ("ko", "en", "ko-KR"): the
 * HTML report's `<html lang>` (fonts, hyphenation, screen readers). Without it the report says
 * "ko" when a name has Hangul in it, else "en".
 */
export const LanguageTag = z
  .string()
  .regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/, 'expected a language tag such as "ko" or "en"');

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

/**
 * The sizes of what a call or a client request carries (issue 18, bytes moved): its request
 * (`call`) and its reply, the vocabulary of a saga's `payload:`. A key left out takes the
 * saga's default (a request 1 KB, a reply a status of 256 B).
 */
export const CallPayload = z.strictObject({
  call: Bytes.default('1KB'),
  reply: Bytes.default('256B'),
});

/** A link's bandwidth: bytes per second, or a string with a unit ("100Mbit/s", "12.5MB/s"). */
export const Bandwidth = z.union([
  z.number().positive(),
  z
    .string()
    .regex(
      BANDWIDTH_RE,
      'expected a bandwidth above 0 such as "100Mbit/s", "1Gbit/s", "12.5MB/s" or a number of bytes per second',
    ),
]);

/** A share: a fraction from 0 to 1 or a percentage string such as "99.9%". */
export const Percent = z.union([
  z.number().min(0).max(1),
  z.string().regex(PERCENT_RE, 'expected a percentage such as "99.9%" or a fraction from 0 to 1'),
]);

export const positive = z.number().positive();
export const probability = z.number().min(0).max(1);

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

export const EndpointRef = z
  .string()
  .regex(
    ENDPOINT_REF_RE,
    'expected an endpoint reference "service/endpoint", such as "orders/create"',
  )
  .refine((v) => !ENDPOINT_REF_RE.test(v) || inNfc(v), NOT_NFC);

/** A step as parsed: an object keyed by its kind (`{ cpu: 2ms }`, `{ call: orders/get, … }`). */
export type RawStep = { readonly [key: string]: unknown };

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

/** The step unions the language builds (see `stepUnion`), for explaining a failed parse. */
const STEP_UNIONS = new WeakSet<object>();

/**
 * The schema of one step: the union of `kinds` (each `{ <kind>: … }`), in their order. It is
 * lazy because kinds such as `parallel` hold steps: each kind's schema is made with this one.
 */
export function stepUnion(
  kinds: readonly { kind: string; schema(step: z.ZodType<RawStep>): z.ZodType }[],
): z.ZodType<RawStep> {
  const step: z.ZodType<RawStep> = z.lazy(() => {
    const options = kinds.map((k) => {
      const option = k.schema(step);
      // errors are explained by the kind the user wrote: the first key of each option
      if (Object.keys((option as z.ZodObject).shape ?? {})[0] !== k.kind)
        throw new Error(`the schema of step kind ${k.kind} must start with the key ${k.kind}`);
      return option;
    });
    const union = z.union(options as [z.ZodType, ...z.ZodType[]]);
    STEP_UNIONS.add(union);
    return union;
  }) as unknown as z.ZodType<RawStep>;
  return step;
}

/** True for a union of step kinds made by `stepUnion` (unwrapped). */
export function isStepKindUnion(schema: object): boolean {
  return STEP_UNIONS.has(schema);
}

function endpointSchema(step: z.ZodType<RawStep>) {
  return z.strictObject({
    description: z.string().optional(),
    steps: z.array(step),
  });
}

export const LoadBalancer = z.enum(['round-robin', 'random', 'least-outstanding', 'power-of-two']);

/** A service: its instances, threads, queue, balancer, scaling, and endpoints of `step`s. */
function serviceSchema(step: z.ZodType<RawStep>) {
  return z.strictObject({
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
    /**
     * Runtime effects, each off unless given (runtime-effects.ts). eventLoop: the instance is one
     * CPU (an event loop) and every message it receives (a request, a call's answer, a query's
     * rows, a kv reply, a publish's acknowledgement, an event store's answer) costs `perMessage` there first, so hop latency grows with load. noisyNeighbour: a
     * two-state Markov process per instance, calm then noisy for exponential times of mean
     * `calm` and `noisy`, its CPU work × `slowdown` while noisy. timers: sleeps rounded down to
     * a `tick` (at least one) and fired `late` after it (a distribution); call timeouts rounded.
     */
    runtime: z
      .strictObject({
        eventLoop: z.strictObject({ perMessage: DurationDist }).optional(),
        noisyNeighbour: z
          .strictObject({
            slowdown: z.number().min(1).max(1000),
            calm: Duration,
            noisy: Duration,
          })
          .optional(),
        timers: z
          .strictObject({ tick: Duration.default('1ms'), late: DurationDist.default(0) })
          .optional(),
      })
      .optional(),
    /** Load shedding: a token bucket of `rate` per second and `burst` tokens for the whole service. */
    rateLimit: z
      .strictObject({ rate: Rate, burst: z.number().int().min(1).max(LIMITS.calls).optional() })
      .optional(),
    /**
     * Stop-the-world garbage collection: a pause of `pause` + `pausePerGB` × heap held by caches,
     * then `every` until the next one (the gap after a pause ends, not the period between starts).
     */
    gc: z
      .strictObject({
        every: Duration.default('10s'),
        pause: Duration.default('2ms'),
        pausePerGB: Duration.default('100ms'),
      })
      .optional(),
    endpoints: z.record(id, endpointSchema(step)),
  });
}

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

/**
 * Data duplicated across services (`replicated:`): each service of `copies` holds its own copy of
 * `keys` entities (a stock count per product); an `updateCopy` step changes the local copy at
 * once and sends the copy's state to every other copy, which receives it after `sync` (drawn
 * per destination) and merges it: `lww` keeps the newer write (last-write-wins, what a
 * denormalised copy carried in an event does), `crdt` merges a PN-counter (nothing lost).
 * `delivery`: `durable` (a broker's topic: a partition holds the states, an error retries
 * them) or `lossy` (an HTTP push, a fire-and-forget event: both lose them). `reconcile`: every
 * period, each copy sends its whole state to every other copy (anti-entropy), which repairs
 * what the pipeline lost.
 */
export const Replicated = z.strictObject({
  description: z.string().optional(),
  copies: z.array(id).min(1).max(LIMITS.copies),
  keys: z.number().int().min(1).max(LIMITS.replicatedKeys).default(1000),
  merge: z.enum(['lww', 'crdt']),
  sync: DurationDist,
  delivery: z.enum(['durable', 'lossy']).default('durable'),
  reconcile: Duration.optional(),
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
  /**
   * distributed: what its clients (kv steps, session and token stores, idempotency stores) do
   * while the store is unreachable (model/cache/kv-connection.ts). Absent: every operation
   * goes to the store, as a client that reconnects at once.
   */
  client: z
    .strictObject({
      onUnavailable: z.enum(['fail', 'block', 'queue']).default('fail'),
      blockLimit: Duration.default('1s'),
      queueLimit: z.number().int().min(1).max(LIMITS.buffer).default(10000),
      reconnect: z
        .strictObject({
          backoff: Duration.default('50ms'),
          growth: z.enum(['constant', 'linear', 'exponential']).default('linear'),
          /** The longest delay between two attempts (default: 2 s, or the backoff if longer). */
          max: Duration.optional(),
        })
        .default({ backoff: '50ms', growth: 'linear' }),
    })
    .optional(),
});

const ScheduleItem = z.strictObject({
  at: Duration,
  rate: Rate.optional(),
  rampTo: Rate.optional(),
  over: Duration.optional(),
  /** Sets the rate (not added to it) from `at` for `for`, then the schedule resumes. */
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

/** A time column's unit when it holds numbers (date-times need none). */
const TimeUnit = z.enum(['s', 'ms']);

/**
 * Arrivals replayed from a file (the CLI reads it, relative to the scenario file): a CSV with a
 * header row whose `time` column holds seconds (or `unit: ms`) from the start of the run, or
 * ISO 8601 date-times counted from the first row; an optional `endpoint` column names the
 * target of each row (one of the workload's target or mix), an optional `key` column a key
 * (shown in traces). `format: otlp` reads the root spans' start times of an OTLP/JSON trace
 * file. `speed: 3` replays the same log three times faster.
 */
export const ReplaySource = z.strictObject({
  file: z.string().min(1),
  format: z.enum(['csv', 'otlp']).optional(),
  speed: z.number().positive().max(1_000_000).default(1),
  time: z.string().min(1).default('time'),
  unit: TimeUnit.default('s'),
  endpoint: z.string().min(1).optional(),
  key: z.string().min(1).optional(),
});

/**
 * An open workload's rate from a CSV of (time, rate) points, linearly interpolated between
 * them (MiSim's load profiles); before the first point its rate, after the last the last rate.
 * Rates per second; `speed: 3` plays the profile three times faster.
 */
export const RateProfileSource = z.strictObject({
  file: z.string().min(1),
  speed: z.number().positive().max(1_000_000).default(1),
  time: z.string().min(1).default('time'),
  rate: z.string().min(1).default('rate'),
  unit: TimeUnit.default('s'),
});

export const Workload = z.strictObject({
  description: z.string().optional(),
  rate: Rate.optional(),
  replay: ReplaySource.optional(),
  rateProfile: RateProfileSource.optional(),
  schedule: z.array(ScheduleItem).optional(),
  users: z.number().int().min(1).max(LIMITS.users).optional(),
  thinkTime: DurationDist.optional(),
  target: EndpointRef.optional(),
  mix: z.record(EndpointRef, z.number().nonnegative()).optional(),
  timeout: Duration.optional(),
  session: UserSession.optional(),
  /** The size of each request and of its answer (none: not counted in bytes moved). */
  payload: CallPayload.optional(),
});

export const Link = z.strictObject({ from: id, to: id, latency: DurationDist });

export const Network = z.strictObject({
  latency: DurationDist.default(0),
  links: z.array(Link).default(() => []),
  /** The size of every call's request and reply unless the call gives its own `payload:`. */
  payload: CallPayload.optional(),
  /** Off by default: each sized message also takes its size ÷ this to send (model/network.ts). */
  bandwidth: Bandwidth.optional(),
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
 * some of its instances) or a link between two components (`link`: the messages `from` → `to`;
 * with lists, every link from one of `from` to one of `to`; `direction: both` the way back
 * too: a network split in one fault), from `at` for `for` (until the end without it), repeated
 * `every` period (`times` times, or until the end).
 */
const faultCommon = {
  description: z.string().optional(),
  target: id.optional(),
  instances: z
    .union([z.number().int().min(1), z.array(z.number().int().nonnegative()).min(1)])
    .optional(),
  link: z
    .strictObject({
      // one component, or several on a side: a network split strikes every link between them
      from: z.union([id, z.array(id).min(1).max(64)]),
      to: z.union([id, z.array(id).min(1).max(64)]),
    })
    .optional(),
  direction: z.enum(['one-way', 'both']).optional(),
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
 * hanging until the caller's timeout (`hang`), or the process paused (`freeze`: a SIGSTOP, a
 * long GC, a VM pause; services only): arrivals wait in the kernel's accept queue of `backlog`
 * connections per instance (default 511, Node's listen backlog), later ones get no answer,
 * work in progress stops and resumes after, and the queue is served after the resume. latency: every visit (or message on a link)
 * delayed by `add` and/or slowed by `factor`. error-rate: a share `rate` of visits fail.
 * capacity-loss: only `remaining` of the threads/connections stay. partition: a link drops
 * calls (fail at once) or blackholes them (no answer). gc-pause: stop-the-world pauses of
 * `pause` every `interval`. cpu-hog: service times × `factor`.
 */
export const Fault = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('crash'),
    ...faultCommon,
    mode: z.enum(['refuse', 'hang', 'freeze']).default('refuse'),
    backlog: z.number().int().min(0).max(LIMITS.freezeBacklog).optional(),
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

/**
 * A highlight: `[kind:] [item] metric` (highlights.ts). Editors see every metric a highlight may
 * name, by the kind of item it is measured on (highlight-catalogue.ts).
 */
const Highlight = z
  .string()
  .min(1)
  .max(200)
  .meta({
    description: `A key metric the report shows first: [kind:] [item] metric. ${HIGHLIGHT_CATALOGUE.map(
      (s) =>
        `${s.item === null ? s.scope : `per ${s.item} (${s.prefixes[0]}:)`}: ${s.metrics.map((m) => m.label).join(', ')}`,
    ).join('; ')}.`,
    examples: [
      'p99',
      'web/page p99',
      'orders-db utilisation',
      'sessions lost',
      'cache:redis hit ratio',
    ],
  });

export const Variant = z.strictObject({
  description: z.string().optional(),
  set: z.record(z.string(), z.unknown()).default({}),
});

/**
 * Request traces (see metrics/traces.ts): the `slowest` requests of each entry endpoint, the
 * first `failed` failed ones and one in `every` answered (at most `sampled` of those) keep their
 * spans; written as traces.otlp.json and drawn as waterfalls in the report. `--trace` turns it
 * on from the command line. `replication` says which replication is traced (as
 * `--trace-replication`, which overrides it).
 */
export const Trace = z.strictObject({
  slowest: z.number().int().min(0).max(100).default(5),
  failed: z.number().int().min(0).max(1000).default(20),
  every: z.number().int().min(0).max(1_000_000_000).default(1000),
  sampled: z.number().int().min(0).max(1000).default(20),
  /** The replication traced (default 1), or `all` (the CLI's --trace-replication overrides it). */
  replication: z
    .union([z.number().int().min(1).max(LIMITS.replications), z.literal('all')])
    .optional(),
});

/**
 * A whole scenario document. Defaults that hold a list are factories: zod copies a default map
 * one level deep only, so a list inside it would be one array shared by every document parsed.
 */
/**
 * What running the architecture costs (issue 18, the economics of scaling), for the report:
 * instance sizes (a price per hour and the memory they have), the size of each service's
 * instances (default: the first size), and prices per GB-hour of cache memory, per database
 * connection-hour and node-hour, and per GB of rows moved from databases to services.
 */
export const Costs = z.strictObject({
  currency: z.string().max(8).default('$'),
  sizes: z
    .record(
      id,
      z.strictObject({
        perHour: z.number().nonnegative(),
        memoryGB: z.number().nonnegative().default(0),
      }),
    )
    .refine((x) => Object.keys(x).length > 0, { message: 'at least one instance size' }),
  services: z.record(id, id).default({}),
  perGBMemoryHour: z.number().nonnegative().default(0),
  perConnectionHour: z.number().nonnegative().default(0),
  perDatabaseHour: z.number().nonnegative().default(0),
  perGBTransferred: z.number().nonnegative().default(0),
});

export function scenarioDocument(step: z.ZodType<RawStep>) {
  return z.strictObject({
    $schema: z.string().optional(),
    version: z.literal(1),
    name: id,
    description: z.string().default(''),
    lang: LanguageTag.optional(),
    seed: z.union([z.number().int(), z.string().min(1)]).default(1),
    duration: Duration,
    warmup: Duration.default(0),
    network: Network.default(() => ({ latency: 0, links: [] })),
    workloads: z.record(id, Workload),
    services: z.record(id, serviceSchema(step)),
    databases: z.record(id, Database).default({}),
    keys: z.record(id, KeySpace).default({}),
    caches: z.record(id, Cache).default({}),
    brokers: z.record(id, Broker).default({}),
    consumers: z.record(id, Consumer).default({}),
    readers: z.record(id, Reader).default({}),
    replicated: z.record(id, Replicated).default({}),
    sessions: Sessions.optional(),
    strategy: ListStrategy.default('batch'),
    faults: z.record(id, Fault).default({}),
    slos: z.record(id, Slo).default({}),
    costs: Costs.optional(),
    /** The key metrics the lesson is about, shown first (highlights.ts: `[kind:] [item] metric`). */
    highlights: z.array(Highlight).max(LIMITS.highlights).optional(),
    /** Independent replications of each variant (the CLI's --replications overrides it). */
    replications: z.number().int().min(1).max(LIMITS.replications).optional(),
    variants: z.record(id, Variant).optional(),
    trace: Trace.optional(),
  });
}

/** The schema of a whole scenario document (see scenarioDocument). */
export type ScenarioDocumentSchema = ReturnType<typeof scenarioDocument>;

/** The document as written (before defaults). */
export type ScenarioInput = z.input<ScenarioDocumentSchema>;
/** The document after zod (defaults filled, still unnormalized units). */
export type ScenarioParsed = z.output<ScenarioDocumentSchema>;

/** JSON Schema (draft 2020-12) of a scenario document, for editors. */
export function documentJsonSchema(document: ScenarioDocumentSchema): Record<string, unknown> {
  return z.toJSONSchema(document, { io: 'input', unrepresentable: 'any' }) as Record<
    string,
    unknown
  >;
}
