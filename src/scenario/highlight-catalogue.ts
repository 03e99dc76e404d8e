/**
 * The names of the key metrics a scenario's `highlights:` may refer to, by scope: the language's
 * copy of what the report features declare (report/features/<name>/…-metrics.ts). The report
 * sits above the scenario language and may not be imported by it, so the names are listed here,
 * and `report/highlights.test.ts` checks that this list and the features' key metrics agree in
 * both directions (every metric here is produced by a feature with the same scope, name and
 * label; every key metric a feature declares is here).
 *
 * A scope's `items` says which items of a scenario document it measures: '' alone for a scope of
 * the whole run (overall figures, sessions), else the names of the endpoints, components, caches,
 * consumer groups, sagas, transaction steps or readers; `undefined` when the scenario has none.
 */

/**
 * What the catalogue reads of a parsed document (schema.ts `ScenarioParsed` is one): its own
 * shape, so that the schema, which lists these names for editors, does not import back.
 */
export interface HighlightDocument {
  workloads: Record<
    string,
    {
      target?: string;
      mix?: Record<string, unknown>;
      session?: { login: string; logout?: string };
      payload?: unknown;
    }
  >;
  network?: { payload?: unknown };
  services: Record<string, unknown>;
  databases: Record<string, { shards?: { count: number } }>;
  caches: Record<string, { type: string }>;
  brokers: Record<string, unknown>;
  consumers: Record<string, unknown>;
  readers: Record<string, unknown>;
  replicated?: Record<string, unknown>;
  sessions?: unknown;
  costs?: unknown;
}

/** A key metric as a highlight names it: its name in the report and its label (both accepted). */
export interface CatalogueMetric {
  metric: string;
  label: string;
  /** More words for it ("availability" of "error rate" is not one: it is its own metric). */
  aliases?: readonly string[];
}

/** What the highlight checker knows of a document: the document and its steps. */
export interface HighlightContext {
  doc: HighlightDocument;
  /** Every step of every endpoint (walk-steps.ts `everyStep`). */
  steps: readonly { step: unknown }[];
}

/** One scope of key metrics (the `scope` of report/key-metrics.ts). */
export interface CatalogueScope {
  scope: string;
  /** What an item is, in messages: "entry endpoint", "component" … (null: the run as a whole). */
  item: string | null;
  /** Words a reference may put before `:` to name this scope ("component:redis utilisation"). */
  prefixes: readonly string[];
  metrics: readonly CatalogueMetric[];
  /** The named items of a document ([''] for the run as a whole); empty when it has none. */
  items(c: HighlightContext): string[];
  /** How many items it has, named or not (default: as many as `items`). */
  count?(c: HighlightContext): number;
}

const m = (metric: string, label: string, ...aliases: string[]): CatalogueMetric => ({
  metric,
  label,
  ...(aliases.length > 0 ? { aliases } : {}),
});

/**
 * The entry endpoints of a document: every workload's target and the endpoints of its mix, and
 * the login and logout endpoints of logged-in users (measured as entry endpoints too).
 */
export function entryEndpointsOf(doc: HighlightDocument): string[] {
  const all = Object.values(doc.workloads).flatMap((w) => [
    ...(w.target === undefined ? [] : [w.target]),
    ...Object.keys(w.mix ?? {}),
    ...(w.session === undefined ? [] : [w.session.login]),
    ...(w.session?.logout === undefined ? [] : [w.session.logout]),
  ]);
  return [...new Set(all)];
}

/** Names given to the steps of one kind (`saga: {name}`, `transaction: {name}`). */
function namedSteps(c: HighlightContext, kind: string): string[] {
  const names = c.steps.flatMap((v) => {
    const body = (v.step as Record<string, unknown>)[kind];
    if (body === null || typeof body !== 'object') return [];
    const name = (body as { name?: unknown }).name;
    return typeof name === 'string' ? [name] : [];
  });
  return [...new Set(names)];
}

/** How many steps of one kind the document has (named or not). */
function stepsOfKind(c: HighlightContext, kind: string): number {
  return c.steps.filter((v) => {
    const body = (v.step as Record<string, unknown>)[kind];
    return body !== null && typeof body === 'object';
  }).length;
}

/** The items of a scope of step `kind`: its named steps, counted with the unnamed ones. */
const stepsNamed = (kind: string): Pick<CatalogueScope, 'items' | 'count'> => ({
  items: (c) => namedSteps(c, kind),
  count: (c) => stepsOfKind(c, kind),
});

const latency = [
  m('p50Ms', 'p50', 'median'),
  m('p90Ms', 'p90'),
  m('p99Ms', 'p99'),
  m('p999Ms', 'p99.9', 'p999'),
  m('meanMs', 'mean latency'),
];
const requests = [
  m('throughputPerSec', 'throughput'),
  m('errorRate', 'error rate', 'errors'),
  m('availability', 'availability'),
];

/** Every scope, in the report's registry order. */
export const HIGHLIGHT_CATALOGUE: readonly CatalogueScope[] = [
  {
    scope: 'overall',
    item: null,
    prefixes: ['overall'],
    metrics: [
      ...latency,
      ...requests,
      m('callsPerRequest', 'calls per request'),
      m('dbRowsPerRequest', 'DB rows per request', 'rows per request'),
      m('dbQueriesPerSec', 'DB queries/s', 'queries/s'),
      m('cacheHitRatio', 'cache hit ratio'),
      m('syncMessagesPerSec', 'cache sync messages/s', 'sync messages/s', 'sync/s'),
      m('cacheMemoryPerInstanceBytes', 'cache memory per instance', 'MB/inst'),
    ],
    items: () => [''],
  },
  {
    scope: 'endpoint',
    item: 'entry endpoint',
    prefixes: ['endpoint'],
    metrics: [m('p50Ms', 'p50', 'median'), m('p99Ms', 'p99'), ...requests],
    items: (c) => entryEndpointsOf(c.doc),
  },
  {
    scope: 'component',
    item: 'component',
    prefixes: ['component'],
    metrics: [
      m('utilisation', 'utilisation', 'utilization'),
      m('arrivalsPerSec', 'load'),
      m('waitMeanMs', 'mean wait'),
    ],
    items: (c) => [
      ...Object.keys(c.doc.services),
      // a sharded database is measured shard by shard: orders-db[0], orders-db[1] …
      ...Object.entries(c.doc.databases).flatMap(([id, d]) =>
        d.shards === undefined
          ? [id]
          : Array.from({ length: d.shards.count }, (_, i) => `${id}[${i}]`),
      ),
      ...Object.entries(c.doc.caches)
        .filter(([, x]) => x.type === 'distributed')
        .map(([id]) => id),
      ...Object.keys(c.doc.brokers),
    ],
  },
  {
    scope: 'cache',
    item: 'cache',
    prefixes: ['cache'],
    metrics: [
      m('hitRatio', 'hit ratio'),
      m('syncMessagesPerSec', 'sync messages/s', 'sync/s'),
      m('memoryBytesPerInstance', 'memory per instance', 'MB/inst'),
    ],
    items: (c) => Object.keys(c.doc.caches),
  },
  {
    scope: 'sessions',
    item: null,
    prefixes: ['sessions'],
    metrics: [
      m('revocationDelayMaxMs', 'revocation delay max', 'revocation delay'),
      m('acceptedAfterRevocation', 'accepted after revocation'),
      m('sessionsLost', 'sessions lost'),
      m('unauthorized', '401s'),
      m('storeOpsPerSec', 'session store ops/s'),
      m('idpCallsPerSec', 'IdP calls/s'),
      m('replicationMessagesPerSec', 'replication msgs/s', 'replication messages/s'),
      m('authTimeMeanMs', 'mean auth time'),
      m('memoryBytesPerInstance', 'session memory per instance'),
    ],
    items: (c) => (c.doc.sessions === undefined ? [] : ['']),
  },
  {
    scope: 'consumers',
    item: 'consumer group',
    prefixes: ['consumers', 'consumer'],
    metrics: [
      m('lost', 'messages lost'),
      m('duplicateDeliveries', 'duplicate deliveries'),
      m('appliedTwice', 'applied twice'),
      m('deadLettered', 'dead-lettered'),
      m('lagMax', 'max consumer lag', 'lag'),
      m('endToEndMeanMs', 'mean end-to-end time'),
    ],
    items: (c) => Object.keys(c.doc.consumers),
  },
  {
    scope: 'sagas',
    item: 'saga',
    prefixes: ['sagas', 'saga'],
    metrics: [
      m('inconsistent', 'inconsistent sagas', 'inconsistent'),
      m('alerts', 'operator alerts'),
      m('windowMeanMs', 'mean inconsistency window'),
      m('completionMeanMs', 'mean saga completion time'),
      m('messagesPerSaga', 'messages per saga'),
      m('messagesPerCompensatedSaga', 'messages per compensated saga'),
      m('bytesPerSaga', 'bytes per saga'),
      m('bytesPerCompensatedSaga', 'bytes per compensated saga'),
    ],
    ...stepsNamed('saga'),
  },
  {
    scope: 'transactions',
    item: 'transaction step',
    prefixes: ['transactions', 'transaction'],
    metrics: [
      m('failed', 'failed transactions'),
      m('conflictRate', 'conflict rate'),
      m('lockWaitMeanMs', 'mean lock wait'),
      m('durationP99Ms', 'p99 transaction time'),
    ],
    ...stepsNamed('transaction'),
  },
  {
    scope: 'readers',
    item: 'reader',
    prefixes: ['readers', 'reader'],
    metrics: [
      m('anomalyRate', 'anomaly rate', 'stale reads'),
      m('stalenessP99Ms', 'p99 staleness'),
    ],
    items: (c) => Object.keys(c.doc.readers),
  },
  {
    scope: 'twoPhaseCommits',
    item: 'two-phase commit',
    prefixes: ['two-phase', '2pc'],
    metrics: [
      m('aborted', 'aborted 2PC transactions'),
      m('blocked', 'participants blocked in doubt', 'blocked'),
      m('lockHoldMeanMs', 'mean 2PC lock hold', 'lock hold'),
      m('inDoubt', '2PC transactions in doubt', 'in doubt'),
      m('lockWaits', '2PC lock waits', 'lock waits'),
      m('lockHoldMaxMs', 'max 2PC lock hold'),
      m('messagesPerTransaction', 'messages per 2PC transaction'),
    ],
    ...stepsNamed('twoPhaseCommit'),
  },
  {
    scope: 'pendingStates',
    item: 'pending state',
    prefixes: ['pending'],
    metrics: [
      m('pendingShare', 'reads that saw pending'),
      m('pendingTimeMeanMs', 'mean time pending', 'time pending'),
      m('cancelled', 'cancelled'),
      m('timedOut', 'cancelled for timeout'),
      m('cancelledReads', 'reads that saw cancelled'),
      m('pendingTimeP99Ms', 'p99 time pending'),
    ],
    ...stepsNamed('pending'),
  },
  {
    scope: 'replicated',
    item: 'replicated data',
    prefixes: ['replicated'],
    metrics: [
      m('lost', 'updates lost', 'lost updates'),
      m('lostShare', 'share of updates lost', 'lost share'),
      m('divergentShare', 'reads that diverged', 'divergent reads'),
      m('unsynced', 'keys left unsynced', 'unsynced keys'),
    ],
    items: (c) => Object.keys(c.doc.replicated ?? {}),
  },
  {
    scope: 'eventStores',
    item: 'event store',
    prefixes: ['event-store', 'eventstore'],
    metrics: [
      m('replayMean', 'rows replayed per rebuild', 'replay'),
      m('recoveryRows', 'rows to replay on recovery', 'recovery rows'),
    ],
    items: (c) => namedSteps(c, 'eventStore'),
  },
  {
    scope: 'costs',
    item: null,
    prefixes: ['costs', 'cost'],
    metrics: [
      m('totalPerHour', 'cost per hour'),
      m('perMillionRequests', 'cost per million ok requests', 'cost per million'),
    ],
    items: (c) => (c.doc.costs === undefined ? [] : ['']),
  },
  {
    scope: 'bytes',
    item: null,
    prefixes: ['bytes'],
    metrics: [
      m('bytesPerRequest', 'bytes moved per request', 'bytes per request'),
      m('gbPerHour', 'GB moved per hour', 'GB per hour'),
    ],
    items: (c) => (declaresSizes(c) ? [''] : []),
  },
];

/**
 * Whether a document declares the size of something that travels (model/network.ts counts
 * bytes then): `network.payload`, a workload's, or a call's or publish's `payload:`.
 */
function declaresSizes(c: HighlightContext): boolean {
  if (c.doc.network?.payload !== undefined) return true;
  if (Object.values(c.doc.workloads).some((w) => w.payload !== undefined)) return true;
  return c.steps.some(({ step }) => typeof step === 'object' && step !== null && 'payload' in step);
}
