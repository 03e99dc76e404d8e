/**
 * The largest sizes and the shortest periods a scenario may ask for: generous (far beyond any
 * architecture a workshop or a capacity study models) but finite, so that a typo such as
 * `users: 1000000000` is refused with a message instead of exhausting the machine, and a period
 * of 0 is refused instead of repeating for ever at one instant. The schema (schema.ts) and the
 * checks (check-limits.ts) read them; README.md lists them.
 */

/** Largest counts, by what they count. */
export const LIMITS = {
  /** Logged-in or closed-workload users, over all workloads (state is kept per user). */
  users: 1_000_000,
  /** Instances of a service, cache or broker (each has its own queues and statistics). */
  instances: 10_000,
  /** Threads, cores or connections of one unit (a number, not objects). */
  threads: 1_000_000,
  /** Shards of a database. */
  shards: 1_000,
  /** Partitions of a topic. */
  partitions: 10_000,
  /** Message keys of a topic, rows of a key space. */
  keys: 2 ** 31 - 1,
  /** Entries of a cache. */
  cacheEntries: 100_000_000,
  /** Messages a producer instance buffers; messages a consumer takes at once. */
  buffer: 10_000_000,
  /** Deliveries of one message, retries of a transaction, attempts of a call. */
  retries: 1_000,
  /** Keys a reader reads or a kv step touches at once; rows a list step shows. */
  rows: 100_000,
  /** Rows one query reads (a mean; a draw above is cut there). */
  queryRows: 1_000_000_000,
  /** Calls a breaker's window or half-open state counts, calls a bulkhead admits. */
  calls: 1_000_000,
  /** Occurrences of one recurring fault. */
  faultWindows: 100_000,
  /** Connections a frozen instance's accept queue holds (`crash: freeze`, `backlog`). */
  freezeBacklog: 1_000_000,
  /** Replications of each variant (each is a whole run); the CLI's --replications has the same bound. */
  replications: 10_000,
  /** Highlights of a scenario (the key metrics its report shows first). */
  highlights: 24,
  /**
   * Copies of one replicated data and its keys (`replicated:`): the model keeps, per key and
   * copy, 5 numbers (lww) or 2 per copy (crdt: increments and decrements per origin), so at
   * most keys × 2·copies² numbers (8 copies and 100,000 keys: 12.8 million numbers, about
   * 100 MB), plus the states in flight (one per update, shared by its messages).
   */
  copies: 8,
  replicatedKeys: 100_000,
  /**
   * The numbers of state of every replicated data together (keys × copies × 5 for lww, × 2·copies
   * for crdt): one data at both limits above and no more, about 100 MB.
   */
  replicatedState: 12_800_000,
  /**
   * Keys merged by the reconciliations of every replicated data over the run (`reconcile`:
   * keys × copies × (copies − 1) per period): each is a merge of one key's state, about as
   * costly as an event, so this bounds them as the run's events are bounded in practice.
   */
  reconcileMerges: 200_000_000,
} as const;

/** Shortest period of a reconciliation of replicated data (`reconcile`), ms. */
export const MIN_RECONCILE_MS = 100;

/** Largest rate of any arrival or update process, per second. */
export const MAX_RATE_PER_SEC = 10_000_000;

/**
 * Longest simulated duration, ms (a week). The time series adapt their resolution to the
 * duration (metrics/resolution.ts), so a long run's memory and outputs stay bounded.
 */
export const MAX_DURATION_MS = 7 * 24 * 3_600_000;

/** Shortest period of anything that repeats (or a lifetime that, at 0, would loop), ms. */
export const MIN_PERIOD_MS = 1;
