/**
 * Turns the Metrics of a finished run into a plain, JSON-ready RunSummary: per entry endpoint,
 * per workload and overall (latency percentiles of successful requests, outcomes and causes,
 * throughput, work per request), per component (load, utilisation, queues, waits), per service
 * endpoint, and a Little's-law check. Numbers are not rounded here (writers round).
 */

import type { CostsDef, FaultDef, SloDef } from '../scenario/types.ts';
import { type BrokerSummary, summarizeBroker } from './broker-stats.ts';
import { type CacheSummary, summarizeCache } from './cache-stats.ts';
import { type CallPolicySummary, summarizeCallPolicy } from './call-policy-stats.ts';
import { type CallAllTimedOut, callsAllTimedOut } from './call-timeout-stats.ts';
import { type ConsumerGroupSummary, summarizeConsumerGroup } from './consumer-stats.ts';
import type { EntryStats } from './entry-stats.ts';
import { type EventStoreSummary, summarizeEventStore } from './event-store-stats.ts';
import { type FreezeSummary, summarizeFreeze } from './freeze-stats.ts';
import { LatencyHistogram, type LatencyQuantile, type LatencyStats } from './histogram.ts';
import type { KindFigures } from './kind-figures.ts';
import { OUTCOME_NAMES, type OutcomeName } from './outcome.ts';
import { type PendingSummary, summarizePending } from './pending-stats.ts';
import { type ReaderSummary, summarizeReader } from './reader-stats.ts';
import type { Metrics } from './recorder.ts';
import { type RefreshSummary, summarizeRefresh } from './refresh-stats.ts';
import { type ReplicatedSummary, summarizeReplicated } from './replicated-stats.ts';
import { type RuntimeSummary, summarizeRuntime } from './runtime-stats.ts';
import { type SagaSummary, summarizeSaga } from './saga-stats.ts';
import type { SeriesPoint } from './series.ts';
import { type SessionSummary, summarizeSessions } from './session-stats.ts';
import type { StationPoint } from './station-stats.ts';
import type { RequestTrace } from './traces.ts';
import { summarizeTransaction, type TransactionSummary } from './transaction-stats.ts';
import { summarizeTwoPhase, type TwoPhaseSummary } from './two-phase-stats.ts';

export type { BrokerSummary } from './broker-stats.ts';
export type { CacheSummary } from './cache-stats.ts';
export type { CallPolicySummary } from './call-policy-stats.ts';
export type { RefreshSummary } from './refresh-stats.ts';

/** Request figures of one group of requests (an endpoint, a workload, or everything). */
export interface RequestGroupSummary {
  arrivals: number;
  finished: number;
  inFlight: number;
  outcomes: Record<OutcomeName, number>;
  /** Successful requests finished per second of the statistics window (whenever they arrived). */
  throughputPerSec: number;
  /** (rejected + timedOut + failed) / finished. */
  errorRate: number;
  /** Successful requests answered in part by a fallback (degraded responses). */
  degraded: number;
  /** Latency of successful requests, ms. */
  latency: LatencyStats;
  /** Mean latency of every finished request, whatever its outcome, ms. */
  meanLatencyAllMs: number;
  causes: { cause: string; count: number }[];
  perRequest: {
    callsMean: number;
    callsMax: number;
    queriesMean: number;
    queriesMax: number;
    rowsMean: number;
    rowsMax: number;
    /** Bytes of key-space rows returned by the request's queries. */
    bytesMean: number;
  };
}

export interface EndpointSummary extends RequestGroupSummary {
  endpoint: string;
  workloads: string[];
}

export interface WorkloadSummary extends RequestGroupSummary {
  workload: string;
  endpoints: string[];
}

export interface ComponentSummary {
  id: string;
  kind: string;
  instances: number;
  /** Slots per instance: threads of a service, connections of a database. */
  capacityPerInstance: number;
  arrivals: number;
  /** The load on this component: visits per second of the statistics window. */
  arrivalsPerSec: number;
  completed: number;
  rejected: number;
  failed: number;
  /** Time-weighted busy slots / capacity, over the window. */
  utilisation: number;
  utilisationByInstance: number[];
  /** Time-weighted mean and maximum of waiting visits (all instances). */
  queueMean: number;
  queueMax: number;
  waitMeanMs: number;
  waitMaxMs: number;
  rowsRead: number;
  bytesRead: number;
  /** Services: heap held per instance for caches and reference tables at the end, bytes. */
  memoryBytesPerInstance: number;
  /** Services with garbage collection: pauses, and the share of time paused (per instance). */
  gcPauses: number;
  gcPausedFraction: number;
  /** Autoscaled services: instances serving (time-weighted mean, max) and scaling actions. */
  scaling: {
    meanInstances: number;
    maxInstances: number;
    scaleUps: number;
    scaleDowns: number;
  } | null;
}

export interface VisitSummary {
  component: string;
  name: string;
  visits: number;
  outcomes: Record<OutcomeName, number>;
  latency: LatencyStats;
}

export interface LittlesLaw {
  /** Time-average number of requests in the system over the window. */
  meanInSystem: number;
  /** Arrival rate over the window, per ms. */
  arrivalRatePerMs: number;
  /** Mean time in system of finished requests, ms. */
  meanTimeInSystemMs: number;
  /** |L − λW| / L. */
  relativeError: number;
}

/** Everything the run measured, ready for JSON. */
export interface MetricsSummary {
  windowMs: number;
  overall: RequestGroupSummary;
  endpoints: EndpointSummary[];
  workloads: WorkloadSummary[];
  components: ComponentSummary[];
  serviceEndpoints: VisitSummary[];
  caches: CacheSummary[];
  refreshes: RefreshSummary[];
  callPolicies: CallPolicySummary[];
  brokers: BrokerSummary[];
  /** Users' sessions and credentials (null in runs without logged-in users). */
  sessions: SessionSummary | null;
  /** Consumer groups: delivery semantics, lost / duplicated / applied-twice messages, lag. */
  consumers: ConsumerGroupSummary[];
  /** Sagas: completed, compensated, inconsistent, alerts, messages, inconsistency window. */
  sagas: SagaSummary[];
  /** Transactions with row locks or version checks: waits, timeouts, conflicts, retries. */
  transactions: TransactionSummary[];
  /** Third-party readers: dirty or stale reads, with one example each. */
  readers: ReaderSummary[];
  /** Two-phase commits (absent in runs without one): outcomes, lock holds, blocked participants. */
  twoPhaseCommits?: TwoPhaseSummary[];
  /** Call steps every call of which timed out in the window (absent when none). */
  callsAllTimedOut?: CallAllTimedOut[];
  /** Pending states (absent in runs without one): confirmed, cancelled, reads that saw pending. */
  pendingStates?: PendingSummary[];
  /** Replicated data (absent in runs without one): updates, lost updates, divergent reads. */
  replicated?: ReplicatedSummary[];
  /** Event stores (absent in runs without one): appends, rebuilds, rows replayed, snapshots. */
  eventStores?: EventStoreSummary[];
  /** Instances a `crash: freeze` struck (absent without one). */
  freezes?: FreezeSummary[];
  /** Services with runtime effects (absent without `runtime:`). */
  runtimes?: RuntimeSummary[];
  littlesLaw: LittlesLaw;
}

function outcomesRecord(o: Float64Array): Record<OutcomeName, number> {
  return Object.fromEntries(OUTCOME_NAMES.map((n, i) => [n, o[i]])) as Record<OutcomeName, number>;
}

/** Latency distributions of successful requests: entry endpoint ('overall' for all) → quantiles. */
export type Distributions = Map<string, LatencyQuantile[]>;

/**
 * Summarizes a group of entry statistics (merging histograms and counters); the group's
 * latency distribution goes into `distributions` (when given) under `key`.
 */
function summarizeGroup(
  group: EntryStats[],
  windowMs: number,
  distributions: Distributions | null,
  key: string,
): RequestGroupSummary {
  const hist = new LatencyHistogram();
  const outcomes = new Float64Array(4);
  const causes = new Map<string, number>();
  let arrivals = 0;
  let okInWindow = 0;
  let latencySum = 0;
  let degraded = 0;
  const work = { calls: 0, queries: 0, rows: 0, bytes: 0, callsMax: 0, queriesMax: 0, rowsMax: 0 };
  for (const e of group) {
    hist.add(e.okLatency);
    for (let i = 0; i < 4; i++) outcomes[i] += e.outcomes[i];
    for (const [c, n] of e.causes) causes.set(c, (causes.get(c) ?? 0) + n);
    arrivals += e.arrivals;
    okInWindow += e.okInWindow;
    degraded += e.degraded;
    latencySum += e.latencySumMs;
    work.calls += e.callsSum;
    work.queries += e.queriesSum;
    work.rows += e.rowsSum;
    work.bytes += e.bytesSum;
    work.callsMax = Math.max(work.callsMax, e.callsMax);
    work.queriesMax = Math.max(work.queriesMax, e.queriesMax);
    work.rowsMax = Math.max(work.rowsMax, e.rowsMax);
  }
  const latency = hist.stats();
  distributions?.set(key, hist.distribution());
  hist.dispose();
  const finished = outcomes[0] + outcomes[1] + outcomes[2] + outcomes[3];
  const per = (x: number) => (finished > 0 ? x / finished : 0);
  return {
    arrivals,
    finished,
    inFlight: arrivals - finished,
    outcomes: outcomesRecord(outcomes),
    throughputPerSec: windowMs > 0 ? (okInWindow * 1000) / windowMs : 0,
    errorRate: per(finished - outcomes[0]),
    degraded,
    latency,
    meanLatencyAllMs: per(latencySum),
    causes: [...causes]
      .map(([cause, count]) => ({ cause, count }))
      .sort((a, b) => b.count - a.count || (a.cause < b.cause ? -1 : 1)),
    perRequest: {
      callsMean: per(work.calls),
      callsMax: work.callsMax,
      queriesMean: per(work.queries),
      queriesMax: work.queriesMax,
      rowsMean: per(work.rows),
      rowsMax: work.rowsMax,
      bytesMean: per(work.bytes),
    },
  };
}

function groupBy<K>(items: EntryStats[], key: (e: EntryStats) => K): Map<K, EntryStats[]> {
  const m = new Map<K, EntryStats[]>();
  for (const e of items) {
    const k = key(e);
    const list = m.get(k);
    if (list) list.push(e);
    else m.set(k, [e]);
  }
  return m;
}

/** Summarizes the metrics of a run that ended at `endMs`, with its latency distributions. */
export function summarizeMetrics(
  m: Metrics,
  endMs: number,
): { summary: MetricsSummary; distributions: Distributions } {
  const windowMs = endMs - m.windowStartMs;
  const distributions: Distributions = new Map();
  const endpoints = [...groupBy(m.entries, (e) => `${e.service}/${e.endpoint}`)].map(
    ([endpoint, g]) => ({
      endpoint,
      workloads: [...new Set(g.map((e) => e.workload))],
      ...summarizeGroup(g, windowMs, distributions, endpoint),
    }),
  );
  const workloads = [...groupBy(m.entries, (e) => e.workload)].map(([workload, g]) => ({
    workload,
    endpoints: g.map((e) => `${e.service}/${e.endpoint}`),
    ...summarizeGroup(g, windowMs, null, workload),
  }));
  const overall = summarizeGroup(m.entries, windowMs, distributions, 'overall');
  const components = m.stations.map((s): ComponentSummary => {
    const byInstance = s.busy.map((b) =>
      windowMs > 0 ? b.mean(endMs) / s.capacityPerInstance : 0,
    );
    const serving = s.instancesLevel;
    // autoscaled: busy slots over the slots of the instances serving, both time-weighted
    const utilisation =
      serving === null
        ? byInstance.reduce((a, b) => a + b, 0) / byInstance.length
        : serving.areaUntil(endMs) > 0
          ? s.busy.reduce((a, b) => a + b.areaUntil(endMs), 0) /
            (serving.areaUntil(endMs) * s.capacityPerInstance)
          : 0;
    return {
      id: s.id,
      kind: s.kind,
      instances: s.busy.length,
      capacityPerInstance: s.capacityPerInstance,
      arrivals: s.arrivals,
      arrivalsPerSec: windowMs > 0 ? (s.arrivals * 1000) / windowMs : 0,
      completed: s.completed,
      rejected: s.rejected,
      failed: s.failed,
      utilisation,
      utilisationByInstance: byInstance,
      queueMean: s.queue.reduce((a, q) => a + q.mean(endMs), 0),
      queueMax: s.queue.reduce((a, q) => Math.max(a, q.max), 0),
      waitMeanMs: s.waitCount > 0 ? s.waitSumMs / s.waitCount : 0,
      waitMaxMs: s.waitMaxMs,
      rowsRead: s.rowsRead,
      bytesRead: s.bytesRead,
      memoryBytesPerInstance: s.memoryBytesPerInstance(),
      gcPauses: s.gcPauses,
      gcPausedFraction: windowMs > 0 ? s.gcPauseMs / (windowMs * s.busy.length) : 0,
      scaling:
        serving === null
          ? null
          : {
              meanInstances: serving.mean(endMs),
              maxInstances: serving.max,
              scaleUps: s.scaleUps,
              scaleDowns: s.scaleDowns,
            },
    };
  });
  const caches = m.caches.map((c) => summarizeCache(c, windowMs));
  const serviceEndpoints = m.visits.map((v) => ({
    component: v.component,
    name: v.name,
    visits: v.outcomes.reduce((a, b) => a + b, 0),
    outcomes: outcomesRecord(v.outcomes),
    latency: v.okLatency.stats(),
  }));
  const meanInSystem = m.inFlight.mean(endMs);
  const arrivalRatePerMs = windowMs > 0 ? m.arrivals / windowMs : 0;
  const meanTimeInSystemMs = overall.meanLatencyAllMs;
  const lw = arrivalRatePerMs * meanTimeInSystemMs;
  const summary: MetricsSummary = {
    windowMs,
    overall,
    endpoints,
    workloads,
    components,
    serviceEndpoints,
    caches,
    refreshes: m.refreshes.map(summarizeRefresh),
    brokers: m.brokers.map((b) => summarizeBroker(b, windowMs)),
    sessions: m.sessions === null ? null : summarizeSessions(m.sessions, windowMs, endMs),
    consumers: m.consumers.map((c) => summarizeConsumerGroup(c, windowMs, endMs)),
    sagas: m.sagas.map(summarizeSaga),
    transactions: m.transactions.map(summarizeTransaction),
    readers: m.readers.map(summarizeReader),
    callPolicies: m.callPolicies.map((c) => summarizeCallPolicy(c, windowMs, endMs)),
    ...(m.twoPhase.length > 0 ? { twoPhaseCommits: m.twoPhase.map(summarizeTwoPhase) } : {}),
    ...optional('callsAllTimedOut', callsAllTimedOut(m.callTimeouts)),
    ...(m.pending.length > 0 ? { pendingStates: m.pending.map(summarizePending) } : {}),
    ...(m.replicated.length > 0 ? { replicated: m.replicated.map(summarizeReplicated) } : {}),
    ...(m.eventStores.length > 0 ? { eventStores: m.eventStores.map(summarizeEventStore) } : {}),
    ...(m.freezes.length > 0 ? { freezes: m.freezes.map(summarizeFreeze) } : {}),
    ...(m.runtimes.length > 0
      ? { runtimes: m.runtimes.map((r) => summarizeRuntime(r, m.windowStartMs, endMs)) }
      : {}),
    littlesLaw: {
      meanInSystem,
      arrivalRatePerMs,
      meanTimeInSystemMs,
      relativeError: meanInSystem > 0 ? Math.abs(meanInSystem - lw) / meanInSystem : 0,
    },
  };
  return { summary, distributions };
}

/** Why a run stopped (mirrors the kernel's StopReason). */
export type RunStopReason = 'until' | 'empty' | 'budget' | 'stopped';

/** JSON-ready summary of one run. */
export interface RunSummary extends MetricsSummary {
  scenario: {
    name: string;
    variant: string | null;
    description: string;
    seed: number | string;
    durationMs: number;
    warmupMs: number;
    /** The scenario's SLO bounds (evaluated by the report). */
    slos: SloDef[];
    /** The fault timeline (the report analyses its propagation). */
    faults: FaultDef[];
    /** Prices of the cost model (absent without `costs:`; the report computes the costs). */
    costs?: CostsDef;
    /**
     * When the load starts to change on purpose (an open workload's schedule, a ramp-up of
     * logged-in users: 0), ms: the warm-up check reads the series before the first only.
     */
    loadChangesMs: number[];
  };
  run: { stopReason: RunStopReason; simulatedMs: number; events: number; requests: number };
  /** Messages sent over each link (caller → callee) in the statistics window. */
  links: LinkSummary[];
}

/** What travels over a link: client requests, service calls, queries, cache operations, cache sync, messages published to and delivered from a broker. */
export type LinkKind = 'request' | 'call' | 'query' | 'cache' | 'sync' | 'publish' | 'consume';

/** One directed link of the topology with the messages sent over it (replies not counted). */
export interface LinkSummary {
  from: string;
  to: string;
  kind: LinkKind;
  messages: number;
  perSec: number;
  /**
   * Messages sent over the link in the warm-up, given only when none was sent after it (a fault
   * from the start that loses them, a workload that stops): such a link is not one nothing uses.
   */
  warmupMessages?: number;
  /**
   * Bytes carried from `from` to `to` (requests, events) and back (replies, rows read), in the
   * statistics window; present only when the scenario declares sizes (model/network.ts).
   */
  bytesOut?: number;
  bytesBack?: number;
}

/** The outcome of one run of one variant. */
export interface RunResult {
  summary: RunSummary;
  /**
   * Time series: per entry endpoint ("overall" for everything) and per component, one point per
   * second, or per `resolutionS` seconds when the run was long (metrics/resolution.ts; absent
   * means 1). The consumer groups' `lagBySecond` follows the same resolution.
   */
  series: {
    requests: Map<string, SeriesPoint[]>;
    components: Map<string, StationPoint[]>;
    resolutionS?: number;
  };
  /** Latency distributions of successful requests per entry endpoint and 'overall'. */
  distributions: Distributions;
  /** The requests traced (slowest first), when the run was traced. */
  traces?: RequestTrace[];
  /** What the charts of two-phase commits, pending states and event stores draw (when present). */
  figures?: KindFigures;
  /**
   * How long the simulation loop took on this machine, when the caller gave a clock
   * (ModelOptions.clock). Not an output: it changes from run to run, so no file that must be
   * byte-identical holds it (the CLI prints it on its closing line).
   */
  loop?: LoopTiming;
}

/** The simulation loop's cost on this machine (Model.run() alone: no build, no summary). */
export interface LoopTiming {
  wallMs: number;
  /** CPU time of the thread that ran the loop, ms (see LoopClock.cpuMs). */
  cpuMs: number;
  events: number;
}

/**
 * Clocks the caller lends to a run to time its loop (the model itself reads no clock): wall
 * time and the CPU time of the running thread, both in ms from any origin.
 */
export interface LoopClock {
  wallMs(): number;
  cpuMs(): number;
}

/** `{ [key]: list }`, or nothing when the list is empty (a summary field present only when it says something). */
function optional<K extends string, T>(key: K, list: T[]): { [k in K]?: T[] } {
  return (list.length > 0 ? { [key]: list } : {}) as { [k in K]?: T[] };
}
