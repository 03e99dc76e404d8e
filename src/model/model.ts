/**
 * Builds a runnable model from a normalized Scenario and runs it. Building resolves every
 * reference into an object (no lookups by name on the hot path), compiles steps, and names
 * every random stream after its component and purpose (so adding a component leaves other
 * components' draws unchanged).
 */
import {
  createDistribution,
  createKeySampler,
  type DistributionSpec,
  Priority,
  RandomSource,
  Simulation,
  type StopReason,
  TimeoutQueue,
} from '../engine/index.ts';
import { Metrics } from '../metrics/recorder.ts';
import type { ListStepDef, SagaStepDef, Scenario, ServiceDef, StepDef } from '../scenario/types.ts';
import { CLIENT_ID } from '../scenario/types.ts';
import { Autoscaler, scheduleScaling } from './autoscaler.ts';
import { BrokerRuntime, Producer } from './broker.ts';
import { CacheRuntime } from './cache/cache-runtime.ts';
import { DistributedCache, KvClient } from './cache/distributed-cache.ts';
import { CallPolicy } from './call-policy.ts';
import { DatabaseRuntime } from './database.ts';
import { startFaults } from './fault-wiring.ts';
import { startGarbageCollection } from './gc.ts';
import {
  advance,
  arriveAtService,
  callTimedOut,
  isCallPending,
  onConnectionGranted,
  onCoreGranted,
  onThreadGranted,
} from './journey.ts';
import { KeySpaceRuntime } from './key-space.ts';
import { type ListRuntime, remoteAnswer } from './list.ts';
import { createPicker, withHealthCheck } from './load-balancer.ts';
import { ConsumeOp, ConsumerGroup, TopicRuntime } from './messaging.ts';
import { Hop, Network } from './network.ts';
import { ReadModelReader, SagaReader } from './readers.ts';
import { RefreshRuntime } from './refresh.ts';
import { Request } from './request.ts';
import { actionTimeouts, type SagaAction, SagaRuntime } from './saga.ts';
import {
  EndpointRuntime,
  Instance,
  memoryOf,
  ServiceRuntime,
  StepKind,
  StepRuntime,
  TokenBucket,
} from './service.ts';
import { type AuthLinks, AuthPoint, SessionRuntime } from './sessions.ts';
import { RowTable, TransactionRuntime } from './transaction.ts';
import { UserWorkload } from './users.ts';
import {
  ClosedWorkload,
  createChooser,
  EntryRuntime,
  OpenWorkload,
  RequestIds,
} from './workload.ts';

/** The longest wait queue of a component, summed over its instances. */
export interface QueueLength {
  /** 'service', 'database', 'cache' or 'broker'. */
  kind: string;
  id: string;
  /** Visits (queries, operations, messages) waiting. */
  waiting: number;
}

/**
 * What the runaway guards may read at a checkpoint, beside the simulation's clock and pending
 * events: counts only (memory itself is measured by the caller, the model stays pure).
 */
export interface RunProbe {
  readonly sim: Simulation;
  /** The component whose wait queue is longest now (null when nothing waits anywhere). */
  longestQueue(): QueueLength | null;
}

/** Options of a run beyond the scenario. */
export interface ModelOptions {
  /** Overrides the scenario's seed. */
  seed?: number | string;
  /** Stop the run with reason 'budget' after this many events (runaway guard). */
  maxEvents?: number;
  /**
   * Called every `checkEvery` events; return false to stop (wall-time, memory and backlog
   * guards, progress). `probe` reads the model's counts.
   */
  onCheckpoint?: (sim: Simulation, probe: RunProbe) => boolean;
  /** Events between checkpoints. Default: the simulation's (1,000,000). */
  checkEvery?: number;
}

/** A built model, ready to run once. */
export class Model implements RunProbe {
  readonly sim = new Simulation();
  readonly metrics = new Metrics();
  readonly rng: RandomSource;
  readonly services = new Map<string, ServiceRuntime>();
  readonly databases = new Map<string, DatabaseRuntime>();
  readonly keySpaces = new Map<string, KeySpaceRuntime>();
  readonly shards = new Map<string, { runtimes: DatabaseRuntime[]; by: 'range' | 'hash' }>();
  readonly caches = new Map<string, CacheRuntime>();
  readonly brokers = new Map<string, BrokerRuntime>();
  /** Topics by `broker/topic`. */
  readonly topics = new Map<string, TopicRuntime>();
  readonly consumerGroups = new Map<string, ConsumerGroup>();
  /** Sagas by name (their step's name, or where they are). */
  readonly sagas = new Map<string, SagaRuntime>();
  readonly #producers: [string, Producer][] = [];
  readonly network: Network;
  readonly ids = new RequestIds();
  /** Users' sessions and credentials (null without logged-in users). */
  sessions: SessionRuntime | null = null;
  #starters: (() => void)[] = [];
  /** Rows (versions, locks) of the key spaces transactions work on. */
  readonly #rowTables = new Map<string, RowTable>();
  /** Run once the faults are wired (hooks on the fault states). */
  #afterFaults: (() => void)[] = [];

  constructor(
    readonly scenario: Scenario,
    readonly options: ModelOptions = {},
  ) {
    this.rng = new RandomSource(options.seed ?? scenario.seed);
    this.network = new Network(scenario.network, this.rng);
    this.metrics.onStartWindow(() => this.network.resetCounts());
    this.#buildComponents();
    this.#buildSessions();
    this.#buildConsumers();
    this.#buildReaders();
    this.#buildWorkloads();
  }

  /** The most instances a service can have (its count, or its autoscaling maximum). */
  #maxInstancesOf(serviceId: string): number {
    const s = this.scenario.services.find((x) => x.id === serviceId);
    return s === undefined ? 1 : maxInstances(s);
  }

  /** The random draws of `stream` come from `rng.stream(name)`. */
  #dist(spec: DistributionSpec, stream: string) {
    return createDistribution(spec, this.rng.stream(stream));
  }

  #buildComponents(): void {
    const { sim, metrics } = this;
    for (const s of this.scenario.services) {
      const stats = metrics.addStation(s.id, 'service', s.instances, s.threads);
      const svc = new ServiceRuntime(s.id, sim, stats);
      if (s.rateLimit !== undefined)
        svc.limiter = new TokenBucket(s.rateLimit.perSec / 1000, s.rateLimit.burst);
      stats.memoryBytesPerInstance = () =>
        svc.instances.reduce((a, inst) => a + memoryOf(inst), 0) / svc.instances.length;
      const pick = createPicker<Instance>(
        s.loadBalancer,
        this.rng.stream(`${s.id}/load-balancer`),
        maxInstances(s),
      );
      svc.pick =
        s.healthCheckMs === undefined
          ? pick
          : withHealthCheck(pick, s.healthCheckMs, () => sim.now);
      const makeInstance = (i: number) =>
        new Instance(
          svc,
          i,
          s.threads,
          s.queueCapacity,
          s.cores,
          onThreadGranted,
          onCoreGranted,
          stats.busy[i],
          stats.queue[i],
        );
      for (let i = 0; i < s.instances; i++) svc.instances.push(makeInstance(i));
      if (s.autoscale !== undefined) {
        const scaler = new Autoscaler(sim, svc, s.autoscale, stats, () =>
          makeInstance(stats.addInstance(sim.now)),
        );
        this.#starters.push(() => scaler.start());
      }
      if (s.scale !== undefined) {
        const plan = s.scale;
        this.#starters.push(() =>
          scheduleScaling(sim, svc, plan, stats, () => makeInstance(stats.addInstance(sim.now))),
        );
      }
      for (const e of s.endpoints)
        svc.endpoints.set(
          e.name,
          new EndpointRuntime(svc, e.name, metrics.addVisits(s.id, e.name)),
        );
      this.services.set(s.id, svc);
    }
    for (const d of this.scenario.databases) {
      // a sharded database is its shards, `id[0]`, `id[1]`, …: each its own pool, queue and load;
      // queries that do not route by key run on the first shard
      const names =
        d.shards === undefined
          ? [d.id]
          : Array.from({ length: d.shards.count }, (_, i) => `${d.id}[${i}]`);
      const shards = names.map((name) => {
        const stats = metrics.addStation(name, 'database', 1, d.connections);
        return new DatabaseRuntime(
          name,
          sim,
          stats,
          d.connections,
          d.queueCapacity,
          this.#dist(d.queryTime, `${name}/query-time`),
          this.#dist(d.rowTime, `${name}/row-time`),
          this.#dist(d.joinTime, `${name}/join-time`),
          onConnectionGranted,
          stats.busy[0],
          stats.queue[0],
        );
      });
      this.databases.set(d.id, shards[0]);
      if (d.shards !== undefined) this.shards.set(d.id, { runtimes: shards, by: d.shards.by });
    }
    let cacheKeyBase = 0;
    for (const k of this.scenario.keys) {
      this.keySpaces.set(
        k.id,
        new KeySpaceRuntime(
          k,
          sim,
          this.rng.stream(`${k.id}/updates`),
          k.updatesPerMs,
          cacheKeyBase,
        ),
      );
      cacheKeyBase += k.size;
    }
    for (const c of this.scenario.caches) {
      const cache = new CacheRuntime(
        c,
        metrics.addCache(c.id, c.type),
        sim,
        (service) => this.network.link(service, service, 'sync').out,
      );
      if (c.type === 'distributed') {
        const stats = metrics.addStation(c.id, 'cache', c.instances, c.threads);
        cache.remote = new DistributedCache(
          cache,
          sim,
          stats,
          this.#dist(c.opTime, `${c.id}/op-time`),
          remoteAnswer,
        );
      }
      metrics.onStartWindow(() => cache.resetCounters());
      this.caches.set(c.id, cache);
    }
    for (const b of this.scenario.brokers) {
      const stats = metrics.addStation(b.id, 'broker', b.instances, b.threads);
      const brokerStats = metrics.addBroker(b.id, b.onUnavailable);
      brokerStats.bufferedNow = () =>
        this.#producers.reduce((a, [id, p]) => a + (id === b.id ? p.totalBuffered() : 0), 0);
      this.brokers.set(
        b.id,
        new BrokerRuntime(
          b,
          sim,
          stats,
          brokerStats,
          this.#dist(b.publishTime, `${b.id}/publish-time`),
        ),
      );
      for (const t of b.topics)
        this.topics.set(
          `${b.id}/${t.id}`,
          new TopicRuntime(t, this.rng.stream(`${b.id}/${t.id}/keys`)),
        );
    }
    // steps last: calls need every endpoint to exist
    for (const s of this.scenario.services) {
      const svc = this.services.get(s.id) as ServiceRuntime;
      for (const e of s.endpoints) {
        const ep = svc.endpoints.get(e.name) as EndpointRuntime;
        ep.steps = this.#compileSteps(e.steps, s.id, `${s.id}/${e.name}/`);
      }
    }
  }

  #compileSteps(defs: StepDef[], serviceId: string, prefix: string): StepRuntime[] {
    return defs.map((d, i) => this.#compileStep(d, serviceId, `${prefix}${i}`));
  }

  #compileStep(d: StepDef, serviceId: string, where: string): StepRuntime {
    const step = new StepRuntime(StepKind[d.kind]);
    switch (d.kind) {
      case 'cpu':
      case 'sleep':
        step.duration = this.#dist(d.duration, `${where}/${d.kind}`);
        break;
      case 'call': {
        step.target = this.services.get(d.service)?.endpoints.get(d.endpoint) ?? null;
        if (step.target === null) throw new Error(`unresolved call ${d.service}/${d.endpoint}`);
        const link = this.network.link(serviceId, d.service, 'call');
        step.hopOut = link.out;
        step.hopBack = link.back;
        step.timeoutMs = d.timeoutMs;
        if (d.timeoutMs !== Number.POSITIVE_INFINITY) {
          step.timeouts = new TimeoutQueue(this.sim, d.timeoutMs, isCallPending, callTimedOut);
        }
        step.timeoutCause = `timeout: ${serviceId} → ${d.service}/${d.endpoint}`;
        if (d.policy !== null) {
          const p = d.policy;
          step.policy = new CallPolicy(
            p,
            this.sim,
            this.metrics.addCallPolicy(where, serviceId, `${d.service}/${d.endpoint}`),
            step.target,
            link.out,
            link.back,
            step.timeouts,
            step.timeoutCause,
            this.#maxInstancesOf(serviceId),
            this.rng.stream(`${where}/retry-jitter`),
            p.fallback?.time ? this.#dist(p.fallback.time, `${where}/fallback-time`) : null,
            arriveAtService,
            advance,
          );
        }
        break;
      }
      case 'query': {
        step.db = this.databases.get(d.db) ?? null;
        if (step.db === null) throw new Error(`unresolved database ${d.db}`);
        step.rows = this.#dist(d.rows, `${where}/rows`);
        step.queryTime = d.time === undefined ? null : this.#dist(d.time, `${where}/query-time`);
        const link = this.network.link(serviceId, d.db, 'query');
        step.hopOut = link.out;
        step.hopBack = link.back;
        break;
      }
      case 'list':
        step.list = this.#compileList(d, serviceId, where);
        break;
      case 'kv': {
        const remote = this.caches.get(d.store)?.remote ?? null;
        if (remote === null) throw new Error(`unresolved store ${d.store}`);
        const link = this.network.link(serviceId, d.store, 'cache');
        step.kv = new KvClient(remote, this.sim, d.keys, link.out, link.back, d.timeoutMs, advance);
        break;
      }
      case 'publish': {
        const broker = this.brokers.get(d.broker);
        if (broker === undefined) throw new Error(`unresolved broker ${d.broker}`);
        const link = this.network.link(serviceId, d.broker, 'publish');
        step.producer = new Producer(
          broker,
          this.sim,
          link.out,
          link.back,
          this.#maxInstancesOf(serviceId),
          advance,
          this.topics.get(`${d.broker}/${d.topic}`) ?? null,
        );
        this.#producers.push([d.broker, step.producer]);
        break;
      }
      case 'lookup': {
        step.keySpace = this.keySpaces.get(d.keys) ?? null;
        step.db = this.databases.get(d.db) ?? null;
        if (step.keySpace === null || step.db === null)
          throw new Error(`unresolved lookup ${d.keys} in ${d.db}`);
        const link = this.network.link(serviceId, d.db, 'query');
        step.hopOut = link.out;
        step.hopBack = link.back;
        step.bytesPerRow = step.keySpace.rowBytes;
        const sharded = this.shards.get(d.db);
        if (sharded !== undefined) {
          step.shardSteps = sharded.runtimes.map((db) => {
            const q = new StepRuntime(StepKind.query);
            q.db = db;
            q.hopOut = step.hopOut;
            q.hopBack = step.hopBack;
            q.bytesPerRow = step.bytesPerRow;
            return q;
          });
          step.shardOf = shardRule(sharded.by, sharded.runtimes.length, step.keySpace.size);
        }
        break;
      }
      case 'saga':
        step.saga = this.#compileSaga(d, serviceId, where);
        break;
      case 'transaction': {
        const ks = this.keySpaces.get(d.keys);
        if (ks === undefined) throw new Error(`unresolved key space ${d.keys}`);
        let rows = this.#rowTables.get(d.keys);
        if (rows === undefined) {
          rows = new RowTable();
          this.#rowTables.set(d.keys, rows);
        }
        const name = d.name === '' ? where : d.name;
        const tx = new TransactionRuntime(
          name,
          d.locking === 'optimistic',
          d.lockWaitMs,
          d.retries,
          this.sim,
          this.metrics.addTransaction(name, d.locking, d.keys),
          rows,
          createKeySampler(d.access, ks.size, this.rng.stream(`${where}/tx-keys`)),
          advance,
        );
        const begin = new StepRuntime(StepKind.txBegin);
        const end = new StepRuntime(StepKind.txEnd);
        begin.tx = tx;
        end.tx = tx;
        tx.steps = [begin, ...this.#compileSteps(d.steps, serviceId, `${where}/tx/`), end];
        tx.compensate = this.#compileSteps(d.compensate, serviceId, `${where}/compensate/`);
        step.tx = tx;
        break;
      }
      case 'parallel':
        step.branches = d.branches.map((b, j) =>
          this.#compileSteps(b, serviceId, `${where}/parallel${j}/`),
        );
        break;
      case 'branch': {
        step.branches = d.options.map((o, j) =>
          this.#compileSteps(o.steps, serviceId, `${where}/option${j}/`),
        );
        let acc = 0;
        step.cumulative = Float64Array.from(d.options, (o) => (acc += o.probability));
        const rng = this.rng.stream(`${where}/branch`);
        step.pick = () => rng.next();
        break;
      }
    }
    return step;
  }

  /** A saga step: its actions' participants and compensations, reached by calls or events. */
  #compileSaga(d: SagaStepDef, serviceId: string, where: string): SagaRuntime {
    const endpoint = (service: string, name: string) => {
      const ep = this.services.get(service)?.endpoints.get(name);
      if (ep === undefined) throw new Error(`unresolved saga action ${service}/${name}`);
      return ep;
    };
    const choreographed = d.mode === 'choreographed';
    const broker = d.broker === null ? undefined : this.brokers.get(d.broker);
    if (choreographed && broker === undefined) throw new Error(`unresolved broker ${d.broker}`);
    const zero = this.#zeroHop();
    // orchestrated: calls from this service; choreographed: events through the broker
    const reach = (service: string): { out: Hop; back: Hop } =>
      choreographed
        ? { out: this.network.link(d.broker as string, service, 'consume').out, back: zero }
        : this.network.link(serviceId, service, 'call');
    const actions: SagaAction[] = d.steps.map((a) => {
      const there = reach(a.service);
      const undo = a.compensate === null ? null : reach(a.compensate.service);
      return {
        target: endpoint(a.service, a.endpoint),
        hopOut: there.out,
        hopBack: there.back,
        timeouts: actionTimeouts(this.sim, a.timeoutMs),
        fails: a.fails,
        compensate:
          a.compensate === null ? null : endpoint(a.compensate.service, a.compensate.endpoint),
        compensateOut: undo?.out ?? null,
        compensateBack: undo?.back ?? null,
        compensationFails: a.compensationFails,
        toBroker: choreographed
          ? this.network.link(a.service, d.broker as string, 'publish').out
          : null,
      };
    });
    const background = new Request(
      { endpoint: actions[0].target, hopBack: zero } as unknown as EntryRuntime,
      0,
    );
    const name = d.name === '' ? where : d.name;
    const saga = new SagaRuntime(
      name,
      choreographed,
      this.sim,
      this.metrics.addSaga(name, d.mode, d.steps.length),
      actions,
      this.rng.stream(`${where}/saga-failures`),
      broker === undefined ? null : this.#dist(broker.def.publishTime, `${where}/saga-events`),
      choreographed ? this.network.link(serviceId, d.broker as string, 'publish').out : null,
      background,
      advance,
    );
    this.sagas.set(name, saga);
    return saga;
  }

  /** A hop that takes no time and is no link of the topology (a reply to the model itself). */
  #zeroHop(): Hop {
    return new Hop(createDistribution({ kind: 'constant', value: 0 }, this.rng.stream('zero')));
  }

  /** A query step for a list's own table or its JOIN, with its hops. */
  #queryStep(serviceId: string, dbId: string): StepRuntime {
    const step = new StepRuntime(StepKind.query);
    step.db = this.databases.get(dbId) ?? null;
    if (step.db === null) throw new Error(`unresolved database ${dbId}`);
    const link = this.network.link(serviceId, dbId, 'query');
    step.hopOut = link.out;
    step.hopBack = link.back;
    return step;
  }

  #compileList(d: ListStepDef, serviceId: string, where: string): ListRuntime {
    const refs = d.refs.map((r, i) => {
      const keySpace = this.keySpaces.get(r.keys);
      const target = this.services.get(r.service)?.endpoints.get(r.endpoint);
      if (keySpace === undefined || target === undefined)
        throw new Error(`unresolved list reference ${r.keys}`);
      const { out: hopOut, back: hopBack } = this.network.link(serviceId, r.service, 'call');
      const refresh =
        r.refreshMs === undefined
          ? null
          : this.#refreshTable(
              `${where}/ref${i}`,
              serviceId,
              keySpace,
              target,
              hopOut,
              hopBack,
              r.refreshMs,
              r.conditional,
            );
      const stream = this.rng.stream(`${where}/ref${i}/keys`);
      return {
        keySpace,
        sampler: createKeySampler(r.access, keySpace.size, stream),
        target,
        hopOut,
        hopBack,
        refresh,
        carryKeys: this.shards.size > 0,
      };
    });
    const strategy = { join: 0, 'n+1': 1, batch: 2, 'batch+cache': 3 }[d.strategy];
    const cache =
      d.strategy === 'batch+cache' ? (this.caches.get(d.cache as string) ?? null) : null;
    if (cache !== null && cache.remote === null)
      (this.services.get(serviceId) as ServiceRuntime).caches.add(cache);
    let joinQuery: StepRuntime | null = null;
    if (d.strategy === 'join') {
      // one query reading rows × (1 + R) rows with R joins; it returns the referenced rows' bytes
      joinQuery = this.#queryStep(serviceId, d.joinDb as string);
      joinQuery.joins = refs.length;
      joinQuery.bytesPerRow = refs.reduce((a, r) => a + r.keySpace.rowBytes, 0) / (1 + refs.length);
    }
    return {
      strategy,
      rows: this.#dist(d.rows, `${where}/rows`),
      refs,
      ownQuery:
        d.strategy !== 'join' && d.db !== undefined ? this.#queryStep(serviceId, d.db) : null,
      joinQuery,
      cache,
      cacheHopOut: cache?.remote ? this.network.link(serviceId, cache.def.id, 'cache').out : null,
      cacheHopBack: cache?.remote ? this.network.link(serviceId, cache.def.id, 'cache').back : null,
    };
  }

  /** An in-memory copy of a reference table in every instance of `serviceId`, refreshed periodically. */
  #refreshTable(
    id: string,
    serviceId: string,
    keySpace: KeySpaceRuntime,
    target: EndpointRuntime,
    hopOut: Hop,
    hopBack: Hop,
    periodMs: number,
    conditional: boolean,
  ): RefreshRuntime {
    const svc = this.services.get(serviceId) as ServiceRuntime;
    const bytes = keySpace.size * keySpace.rowBytes;
    svc.tableBytes += bytes;
    const stats = this.metrics.addRefresh(
      id,
      keySpace.id,
      periodMs,
      conditional,
      bytes,
      svc.instances.length,
    );
    // refresh calls belong to no client request: their work is counted on a request never reported
    const background = new Request({ endpoint: target, hopBack } as unknown as EntryRuntime, 0);
    const phase = this.rng.stream(`${id}/refresh-phase`);
    const rt = new RefreshRuntime(
      this.sim,
      keySpace,
      target,
      hopOut,
      hopBack,
      periodMs,
      conditional,
      stats,
      phase,
      background,
    );
    this.#starters.push(() => rt.start(svc.instances));
    return rt;
  }

  /**
   * The session state and, in every validating service, the credential check: an `auth` step
   * before each endpoint's steps; sticky sessions also route by user and lose what a crashed
   * or stopped instance held.
   */
  #buildSessions(): void {
    const def = this.scenario.sessions;
    if (def === null) return;
    const { sim, metrics } = this;
    const userWorkloads = this.scenario.workloads.filter(
      (w) => w.kind === 'closed' && w.session !== null,
    );
    const users = userWorkloads.reduce((a, w) => a + (w.kind === 'closed' ? w.users : 0), 0);
    const stats = metrics.addSessions(
      def.strategy,
      def.validateAt,
      users,
      def.strategy === 'reference-token' ? def.resolveVia : null,
    );
    const rt = new SessionRuntime(sim, metrics, stats, def, users);
    this.sessions = rt;
    const homes = new Set(
      userWorkloads.map((w) => (w.kind === 'closed' ? w.session?.login.service : undefined)),
    );
    const tokens = def.strategy === 'reference-token' || def.strategy === 'value-token';
    const viaStore =
      def.strategy === 'store' ||
      (def.strategy === 'reference-token' && def.resolveVia === 'store');
    for (const id of def.validateAt) {
      const svc = this.services.get(id) as ServiceRuntime;
      const links: AuthLinks = {
        idpOut: null,
        idpBack: null,
        issue: null,
        resolve: null,
        sync: null,
        store: null,
        storeOut: null,
        storeBack: null,
      };
      if (tokens && def.idp !== null) {
        const idp = this.services.get(def.idp.service);
        const link = this.network.link(id, def.idp.service, 'call');
        links.idpOut = link.out;
        links.idpBack = link.back;
        links.issue = idp?.endpoints.get(def.idp.issue) ?? null;
        links.resolve = idp?.endpoints.get(def.idp.resolve) ?? null;
        links.sync = idp?.endpoints.get(def.idp.sync) ?? null;
      }
      if (viaStore && def.store !== null) {
        links.store = this.caches.get(def.store)?.remote ?? null;
        const link = this.network.link(id, def.store, 'cache');
        links.storeOut = link.out;
        links.storeBack = link.back;
      }
      // syncs belong to no client request: their work is counted on a request never reported
      const anyEndpoint = links.sync ?? [...svc.endpoints.values()][0];
      const background = new Request(
        { endpoint: anyEndpoint, hopBack: links.idpBack } as unknown as EntryRuntime,
        0,
      );
      const point = new AuthPoint(
        rt,
        svc,
        this.#dist(def.checkCpu, `sessions/${id}/check-cpu`),
        this.#dist(def.verifyCpu, `sessions/${id}/verify-cpu`),
        links,
        background,
        this.rng.stream(`sessions/${id}/sync-phase`),
      );
      point.home = homes.has(id);
      rt.points.push(point);
      const step = new StepRuntime(StepKind.auth);
      step.auth = point;
      for (const ep of svc.endpoints.values()) ep.steps = [step, ...ep.steps];
      if (def.strategy === 'sticky' && point.home) {
        const s = this.scenario.services.find((x) => x.id === id) as ServiceDef;
        const detectMs = s.healthCheckMs;
        const healthy =
          detectMs === undefined
            ? () => true
            : (inst: Instance) =>
                inst.fault === null ||
                inst.fault.down === 0 ||
                sim.now - inst.fault.downSinceMs < detectMs;
        svc.pick = point.stickyPicker(svc.pick, healthy);
        svc.onStop = (inst) => point.lose(inst, 'scaleIn');
        this.#afterFaults.push(() => {
          for (const inst of svc.instances) {
            const fs = inst.fault;
            if (fs !== null) fs.onDown.push(() => point.lose(inst, 'crash'));
          }
        });
      }
    }
    this.#starters.push(() => rt.start());
  }

  /**
   * Consumer groups: each reads its topic's partitions with the instances of its handler's
   * service, running the handler's steps wrapped in the group's bookkeeping (duplicate check,
   * effect, id mark); a crash of one of those instances kills its deliveries.
   */
  #buildConsumers(): void {
    const { sim, metrics } = this;
    for (const c of this.scenario.consumers) {
      const svc = this.services.get(c.service) as ServiceRuntime;
      const ep = svc.endpoints.get(c.endpoint) as EndpointRuntime;
      const broker = this.brokers.get(c.broker) as BrokerRuntime;
      const topic = this.topics.get(`${c.broker}/${c.topic}`) as TopicRuntime;
      const idem = c.idempotency;
      const stats = metrics.addConsumerGroup(
        c.id,
        c.broker,
        c.topic,
        c.service,
        c.endpoint,
        c.ack,
        idem.kind === 'store' ? idem.store : idem.kind === 'db' ? idem.db : idem.kind,
        topic.def.partitions,
      );
      const zero = this.#zeroHop();
      const background = new Request({ endpoint: ep, hopBack: zero } as unknown as EntryRuntime, 0);
      const group = new ConsumerGroup(
        c,
        sim,
        stats,
        svc,
        broker,
        topic.def.partitions,
        this.network.link(c.broker, c.service, 'consume').out,
        zero,
        background,
      );
      const op = (o: number) => {
        const s = new StepRuntime(StepKind.consume);
        s.consumer = group;
        s.consumeOp = o;
        return s;
      };
      const before: StepRuntime[] = [];
      const after: StepRuntime[] = [];
      if (idem.kind === 'store') {
        const remote = this.caches.get(idem.store)?.remote ?? null;
        if (remote === null) throw new Error(`unresolved store ${idem.store}`);
        const link = this.network.link(c.service, idem.store, 'cache');
        const kv = () => {
          const s = new StepRuntime(StepKind.kv);
          s.kv = new KvClient(remote, sim, 1, link.out, link.back, 1000, advance);
          return s;
        };
        before.push(kv());
        after.push(kv());
      } else if (idem.kind === 'db') {
        const q = this.#queryStep(c.service, idem.db);
        q.rows = createDistribution({ kind: 'constant', value: 1 }, this.rng.stream('unused'));
        before.push(q);
      }
      if (idem.kind !== 'none') before.push(op(ConsumeOp.decide));
      if (idem.kind === 'memory' || idem.kind === 'store') after.push(op(ConsumeOp.mark));
      group.handler = new EndpointRuntime(svc, ep.name, ep.visits);
      group.handler.steps = [...before, ...ep.steps, op(ConsumeOp.apply), ...after];
      topic.groups.push(group);
      this.consumerGroups.set(c.id, group);
      this.#starters.push(() => group.start());
      this.#afterFaults.push(() => {
        for (const inst of svc.instances) inst.fault?.onDown.push(() => group.lose(inst));
      });
    }
  }

  /** Third-party readers of a saga's entities or a consumer group's read model. */
  #buildReaders(): void {
    for (const r of this.scenario.readers) {
      const target = r.target;
      if (target.kind === 'saga') {
        const saga = this.sagas.get(target.saga);
        if (saga === undefined) throw new Error(`unresolved saga ${target.saga}`);
        const stats = this.metrics.addReader(r.id, 'saga', target.saga, r.cutoffMs);
        const reader = new SagaReader(this.sim, stats, saga, r.everyMs, r.cutoffMs);
        this.#starters.push(() => reader.start());
      } else {
        const group = this.consumerGroups.get(target.group);
        if (group === undefined) throw new Error(`unresolved consumer group ${target.group}`);
        const stats = this.metrics.addReader(r.id, 'consumer', target.group, r.cutoffMs);
        const topic = this.topics.get(`${group.def.broker}/${group.def.topic}`) as TopicRuntime;
        const reader = new ReadModelReader(
          this.sim,
          stats,
          group,
          r.everyMs,
          r.reads,
          topic.def.keys,
          this.rng.stream(`${r.id}/keys`),
        );
        this.#starters.push(() => reader.start());
      }
    }
  }

  /** A client entry: workload `w` sends to `service/endpoint`, with its statistics. */
  #entry(w: { id: string; timeoutMs: number }, service: string, endpoint: string): EntryRuntime {
    const { sim, metrics, scenario } = this;
    const ep = this.services.get(service)?.endpoints.get(endpoint);
    if (ep === undefined) throw new Error(`unresolved workload target ${service}/${endpoint}`);
    const { stats, series } = metrics.addEntry(w.id, service, endpoint);
    const link = this.network.link(CLIENT_ID, service, 'request');
    return new EntryRuntime(
      sim,
      metrics,
      ep,
      stats,
      series,
      link.out,
      link.back,
      w.timeoutMs,
      scenario.warmupMs,
      this.ids,
    );
  }

  /** Poisson events at `perMs` (administrators' forced logouts, role changes). */
  #poisson(perMs: number, stream: string, act: () => void): void {
    if (!(perMs > 0)) return;
    const rng = this.rng.stream(stream);
    const fire = () => {
      act();
      this.sim.schedule(-Math.log(1 - rng.next()) / perMs, fire);
    };
    this.#starters.push(() => this.sim.schedule(-Math.log(1 - rng.next()) / perMs, fire));
  }

  #buildWorkloads(): void {
    const { sim, scenario } = this;
    let firstUser = 0;
    for (const w of scenario.workloads) {
      const entries = w.targets.map((t) => this.#entry(w, t.service, t.endpoint));
      const weights = w.targets.map((t) => t.weight);
      const mix = this.rng.stream(`${w.id}/mix`);
      if (w.kind === 'closed' && w.session !== null && this.sessions !== null) {
        const u = w.session;
        const rt = this.sessions;
        const users = new UserWorkload(
          sim,
          rt,
          firstUser,
          w.users,
          this.#dist(w.thinkTime, `${w.id}/think-time`),
          this.#dist(u.offTime, `${w.id}/off-time`),
          u.requests,
          u.logoutShare,
          createChooser(entries, weights, mix),
          entries,
          this.#entry(w, u.login.service, u.login.endpoint),
          u.logout === null ? null : this.#entry(w, u.logout.service, u.logout.endpoint),
          this.rng.stream(`${w.id}/sessions`),
        );
        firstUser += w.users;
        const arrivals = this.rng.stream(`${w.id}/ramp-up`);
        this.#starters.push(() => users.start(u.rampUpMs, arrivals));
        const pick = this.rng.stream(`${w.id}/admin-picks`);
        this.#poisson(u.forcedLogoutsPerMs, `${w.id}/forced-logouts`, () => rt.forceLogout(pick));
        this.#poisson(u.roleChangesPerMs, `${w.id}/role-changes`, () => rt.changeRole(pick));
        continue;
      }
      if (w.kind === 'open') {
        const wl = new OpenWorkload(
          sim,
          w.rate,
          entries,
          weights,
          this.rng.stream(`${w.id}/arrivals`),
          mix,
        );
        this.#starters.push(() => wl.start());
      } else {
        const think = this.#dist(w.thinkTime, `${w.id}/think-time`);
        const wl = new ClosedWorkload(sim, w.users, think, entries, weights, mix);
        this.#starters.push(() => wl.start());
      }
    }
  }

  /** The component whose wait queue is longest now, from the stations' queue levels. */
  longestQueue(): QueueLength | null {
    let longest: QueueLength | null = null;
    for (const station of this.metrics.stations) {
      let waiting = 0;
      for (const q of station.queue) waiting += q.level;
      if (waiting > (longest?.waiting ?? 0))
        longest = { kind: station.kind, id: station.id, waiting };
    }
    return longest;
  }

  /** Runs the scenario to its duration (or a guard). Returns why it stopped. */
  run(): StopReason {
    const { sim, metrics, scenario } = this;
    const durationMs = scenario.durationMs;
    // per-second buckets, closed before anything else happening at the same instant
    const tick = (second: number) => {
      const end = Math.min((second + 1) * 1000, durationMs);
      metrics.tick(second, sim.now, end - second * 1000);
      if (end < durationMs)
        sim.scheduleAt(
          Math.min((second + 2) * 1000, durationMs),
          tick,
          second + 1,
          Priority.urgent,
        );
    };
    sim.scheduleAt(Math.min(1000, durationMs), tick, 0, Priority.urgent);
    metrics.windowOpen = scenario.warmupMs === 0;
    if (scenario.warmupMs > 0)
      sim.scheduleAt(
        scenario.warmupMs,
        () => metrics.startWindow(sim.now),
        undefined,
        Priority.urgent,
      );
    for (const start of this.#starters) start();
    for (const k of this.keySpaces.values()) k.start();
    for (const s of scenario.services) {
      if (s.gc === undefined) continue;
      const svc = this.services.get(s.id) as ServiceRuntime;
      startGarbageCollection(sim, svc, s.gc, this.rng.stream(`${s.id}/gc-phase`));
    }
    startFaults(this);
    for (const hook of this.#afterFaults) hook();
    const check = this.options.onCheckpoint;
    const reason = sim.run({
      untilMs: durationMs,
      maxEvents: this.options.maxEvents,
      onCheckpoint: check === undefined ? undefined : (s) => check(s, this),
      checkEvery: this.options.checkEvery,
    });
    this.sessions?.finish();
    return reason;
  }
}

/** The most instances a service can have: its count, or its autoscaling maximum. */
function maxInstances(s: ServiceDef): number {
  return Math.max(s.instances, s.autoscale?.max ?? 0, ...(s.scale ?? []).map((x) => x.instances));
}

/**
 * Which shard a key lives on: by range, keys 1..size in `count` equal consecutive ranges (so a
 * skew towards low keys makes a hot shard); by hash, a multiplicative hash of the key modulo
 * `count` (Knuth's 2654435761), which spreads neighbouring keys.
 */
export function shardRule(
  by: 'range' | 'hash',
  count: number,
  size: number,
): (key: number) => number {
  if (by === 'range') return (key) => Math.min(count - 1, Math.floor(((key - 1) * count) / size));
  return (key) => (Math.imul(key, 2654435761) >>> 0) % count;
}
