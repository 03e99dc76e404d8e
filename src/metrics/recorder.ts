/**
 * The Metrics recorder: what the model reports to while it runs (request arrivals and
 * finishes, per-second ticks, the end of warm-up). It owns every statistic and is read by
 * summarize(). Nothing here formats output.
 */

import { DOUBLE_ZERO } from '../engine/double-zero.ts';
import { BrokerStats } from './broker-stats.ts';
import { CacheStats } from './cache-stats.ts';
import { CallPolicyStats } from './call-policy-stats.ts';
import { CallTimeoutStats } from './call-timeout-stats.ts';
import { ConsumerGroupStats } from './consumer-stats.ts';
import { EntryStats, type FinishedRequest, VisitStats } from './entry-stats.ts';
import { EventStoreStats } from './event-store-stats.ts';
import { FreezeStats } from './freeze-stats.ts';
import { Outcome } from './outcome.ts';
import { PendingStats } from './pending-stats.ts';
import { ReaderStats } from './reader-stats.ts';
import { RefreshStats } from './refresh-stats.ts';
import { ReplicatedStats } from './replicated-stats.ts';
import { RuntimeStats } from './runtime-stats.ts';
import { SagaStats } from './saga-stats.ts';
import { RequestSeries } from './series.ts';
import { SessionStats } from './session-stats.ts';
import { StationStats } from './station-stats.ts';
import { TimeWeighted } from './time-weighted.ts';
import { TransactionStats } from './transaction-stats.ts';
import { TwoPhaseStats } from './two-phase-stats.ts';

/** Everything measured during one run. */
export class Metrics {
  readonly entries: EntryStats[] = [];
  readonly stations: StationStats[] = [];
  readonly visits: VisitStats[] = [];
  readonly caches: CacheStats[] = [];
  readonly callPolicies: CallPolicyStats[] = [];
  /** Call steps with a timeout. */
  readonly callTimeouts: CallTimeoutStats[] = [];
  readonly brokers: BrokerStats[] = [];
  readonly refreshes: RefreshStats[] = [];
  readonly consumers: ConsumerGroupStats[] = [];
  readonly sagas: SagaStats[] = [];
  readonly transactions: TransactionStats[] = [];
  readonly readers: ReaderStats[] = [];
  /** Two-phase commit steps (issue 18). */
  readonly twoPhase: TwoPhaseStats[] = [];
  /** Pending states (issue 18). */
  readonly pending: PendingStats[] = [];
  /** Replicated data (copies in several services merged by lww or a CRDT). */
  readonly replicated: ReplicatedStats[] = [];
  /** Event stores (issue 18). */
  readonly eventStores: EventStoreStats[] = [];
  readonly freezes: FreezeStats[] = [];
  readonly runtimes: RuntimeStats[] = [];
  /** Users' sessions and credentials (null without a workload of logged-in users). */
  sessions: SessionStats | null = null;
  readonly #windowResets: (() => void)[] = [];
  /** Per-second series per entry endpoint ("service/endpoint"). */
  readonly series = new Map<string, RequestSeries>();
  /** The series when there is exactly one (tick() then copies its points), else null. */
  #onlySeries: RequestSeries | null = null;
  /** Per-second series of every request: the sum of `series`, formed at each tick. */
  readonly overall = new RequestSeries();
  /** Requests in flight (arrived, not finished), time-weighted, for Little's law. */
  readonly inFlight = new TimeWeighted();
  /** Requests that arrived in the statistics window (after warm-up). */
  arrivals = 0;
  /** Requests that arrived in the window and finished. */
  finished = 0;
  /** Start of the statistics window (ms). */
  windowStartMs = DOUBLE_ZERO;
  /** True once the statistics window has started (at 0 when there is no warm-up). */
  windowOpen = true;

  /** Registers statistics for one workload × entry endpoint. */
  addEntry(
    workload: string,
    service: string,
    endpoint: string,
  ): { stats: EntryStats; series: RequestSeries } {
    const stats = new EntryStats(workload, service, endpoint);
    this.entries.push(stats);
    const key = `${service}/${endpoint}`;
    let series = this.series.get(key);
    if (series === undefined) {
      series = new RequestSeries();
      this.series.set(key, series);
      this.#onlySeries = this.series.size === 1 ? series : null;
    }
    return { stats, series };
  }

  /** Registers server-side statistics of one service endpoint (or database query label). */
  addVisits(component: string, name: string): VisitStats {
    const v = new VisitStats(component, name);
    this.visits.push(v);
    return v;
  }

  /** Registers the counters of one cache component (the model resets them with its stores). */
  addCache(id: string, type: string): CacheStats {
    const c = new CacheStats(id, type);
    this.caches.push(c);
    return c;
  }

  /** Registers the producer counters of one broker. */
  addBroker(id: string, onUnavailable: string): BrokerStats {
    return this.#windowed(this.brokers, new BrokerStats(id, onUnavailable));
  }

  /** Registers the counters of the policies of one call step. */
  addCallPolicy(id: string, from: string, to: string): CallPolicyStats {
    return this.#windowed(this.callPolicies, new CallPolicyStats(id, from, to));
  }

  /** Registers the counters of one call step's timeout. */
  addCallTimeout(id: string, from: string, to: string): CallTimeoutStats {
    return this.#windowed(this.callTimeouts, new CallTimeoutStats(id, from, to));
  }

  /** Registers the counters of one refreshed reference table. */
  addRefresh(...args: ConstructorParameters<typeof RefreshStats>): RefreshStats {
    return this.#windowed(this.refreshes, new RefreshStats(...args));
  }

  /** Registers the counters of one consumer group. */
  addConsumerGroup(...args: ConstructorParameters<typeof ConsumerGroupStats>): ConsumerGroupStats {
    return this.#windowed(this.consumers, new ConsumerGroupStats(...args));
  }

  /** Registers what one third-party reader sees. */
  addReader(id: string, kind: string, target: string, cutoffMs: number): ReaderStats {
    return this.#windowed(this.readers, new ReaderStats(id, kind, target, cutoffMs));
  }

  /** Registers the counters of one transaction step. */
  addTransaction(id: string, locking: string, keys: string): TransactionStats {
    return this.#windowed(this.transactions, new TransactionStats(id, locking, keys));
  }

  /** Registers the counters of one saga step. */
  addSaga(id: string, mode: string, actions: number): SagaStats {
    return this.#windowed(this.sagas, new SagaStats(id, mode, actions));
  }

  /** Registers the counters of one two-phase commit step. */
  addTwoPhase(
    id: string,
    participants: readonly { service: string; endpoint: string }[],
  ): TwoPhaseStats {
    return this.#windowed(this.twoPhase, new TwoPhaseStats(id, participants));
  }

  /** Registers the counters of one pending state. */
  addPending(id: string): PendingStats {
    return this.#windowed(this.pending, new PendingStats(id));
  }

  /** Registers the counters of one replicated data. */
  addReplicated(...args: ConstructorParameters<typeof ReplicatedStats>): ReplicatedStats {
    return this.#windowed(this.replicated, new ReplicatedStats(...args));
  }

  /** Registers the counters of one event store. */
  addEventStore(id: string, snapshotEvery: number): EventStoreStats {
    return this.#windowed(this.eventStores, new EventStoreStats(id, snapshotEvery));
  }

  /** Registers the counters of one instance a freeze strikes (its accept queue of `backlog`). */
  addFreeze(id: string, backlog: number): FreezeStats {
    return this.#windowed(this.freezes, new FreezeStats(id, backlog));
  }

  /** Registers the counters of one service's runtime effects. */
  addRuntime(...args: ConstructorParameters<typeof RuntimeStats>): RuntimeStats {
    return this.#windowed(this.runtimes, new RuntimeStats(...args));
  }

  /** Registers the session counters of the run (one strategy per run). */
  addSessions(
    strategy: string,
    validateAt: string[],
    users: number,
    resolvedBy: 'idp' | 'store' | null,
  ): SessionStats {
    this.sessions = this.#windowed([], new SessionStats(strategy, validateAt, users, resolvedBy));
    return this.sessions;
  }

  /** `stats`, added to `list` and reset (at the window's start) when the statistics window starts. */
  #windowed<T extends { reset(nowMs: number): void }>(list: T[], stats: T): T {
    list.push(stats);
    this.#windowResets.push(() => stats.reset(this.windowStartMs));
    return stats;
  }

  /** Runs `reset` when the statistics window starts (for statistics kept outside metrics). */
  onStartWindow(reset: () => void): void {
    this.#windowResets.push(reset);
  }

  /** Registers load statistics for one component. */
  addStation(
    id: string,
    kind: string,
    instances: number,
    capacityPerInstance: number,
  ): StationStats {
    const s = new StationStats(id, kind, instances, capacityPerInstance);
    this.stations.push(s);
    return s;
  }

  /** A request arrived from a workload at `nowMs`. */
  arrived(stats: EntryStats, series: RequestSeries, counted: boolean, nowMs: number): void {
    series.arrivals++;
    series.inFlight++;
    this.inFlight.set(nowMs, this.inFlight.level + 1);
    if (counted) {
      stats.arrivals++;
      this.arrivals++;
    }
  }

  /** A request finished (answered or given up) at `nowMs`. */
  finishedRequest(
    stats: EntryStats,
    series: RequestSeries,
    req: FinishedRequest,
    outcome: Outcome,
    cause: string,
    nowMs: number,
  ): void {
    const latencyMs = nowMs - req.sentMs;
    series.finish(outcome, latencyMs);
    series.inFlight--;
    this.inFlight.set(nowMs, this.inFlight.level - 1);
    if (outcome === Outcome.ok && this.windowOpen) stats.okInWindow++;
    if (req.counted) {
      this.finished++;
      stats.finish(req, outcome, cause, latencyMs);
    }
  }

  /** Closes second number `second` (which ended at `nowMs`) of every series. */
  tick(second: number, nowMs: number, spanMs: number): void {
    const overall = this.overall;
    const only = this.#onlySeries;
    if (only !== null) {
      // one entry endpoint: the sum is that series itself, closed once (same point, same bytes)
      only.close(second);
      overall.repeatLast(only);
    } else {
      overall.inFlight = 0;
      for (const s of this.series.values()) overall.absorb(s);
      for (const s of this.series.values()) s.close(second);
      overall.close(second);
    }
    const stations = this.stations;
    for (let i = 0; i < stations.length; i++) stations[i].closeSecond(second, nowMs, spanMs);
    for (const c of this.consumers) c.lagPoints.push(c.lag.level);
    for (const r of this.replicated) r.closeSecond();
  }

  /** Starts the statistics window at `nowMs` (end of warm-up). */
  startWindow(nowMs: number): void {
    this.windowStartMs = nowMs;
    this.windowOpen = true;
    this.inFlight.reset(nowMs);
    for (const st of this.stations) st.reset(nowMs);
    for (const v of this.visits) v.reset();
    for (const reset of this.#windowResets) reset();
  }

  /** Frees histogram memory. */
  dispose(): void {
    for (const e of this.entries) e.dispose();
    for (const list of [this.readers, this.transactions, this.sagas, this.twoPhase, this.pending])
      for (const x of list) x.dispose();
    this.sessions?.dispose();
  }
}
