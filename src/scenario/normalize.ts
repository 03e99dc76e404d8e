/**
 * Turns a valid scenario document (zod output) into the canonical Scenario: units converted to
 * ms and per-ms, distributions to DistributionSpecs, shorthands expanded, defaults applied.
 * Assumes the document passed schema and reference checks; it does not re-validate.
 */
import { normalizeCosts } from './costs.ts';
import { durationDist } from './dist-spec.ts';
import { splitLinks } from './fault-links.ts';
import { faultWindows, rememberTiming } from './fault-windows.ts';
import { normalizeSlo } from './normalize-slo.ts';
import type * as S from './schema.ts';
import type { RawStep, ScenarioParsed } from './schema.ts';
import type { NormalizeContext, StepLanguage } from './step-syntax.ts';
import type {
  DatabaseDef,
  EndpointDef,
  FaultDef,
  ListStrategy,
  NetworkDef,
  PayloadDef,
  RatePiece,
  RuntimeDef,
  Scenario,
  ServiceDef,
  SessionsDef,
  WorkloadDef,
  WorkloadTarget,
} from './types.ts';
import {
  parseBandwidth,
  parseBytes,
  parseDurationMs,
  parsePercent,
  parseRatePerSec,
} from './units.ts';

type Z<T> = import('zod').output<T>;

/** Normalizes a validated document (one variant of it); its steps with their kinds. */
export function normalizeScenario(
  doc: ScenarioParsed,
  file: string,
  language: StepLanguage,
  variant?: { name: string; description?: string },
): Scenario {
  const durationMs = parseDurationMs(doc.duration);
  const services = Object.entries(doc.services).map(([id, s]) =>
    normalizeService(id, s, doc.strategy, language),
  );
  return {
    file,
    name: doc.name,
    description: doc.description,
    variant: variant?.name,
    variantDescription: variant?.description,
    seed: doc.seed,
    durationMs,
    warmupMs: parseDurationMs(doc.warmup),
    ...(doc.trace === undefined ? {} : { trace: { ...doc.trace } }),
    network: normalizeNetwork(doc.network),
    workloads: Object.entries(doc.workloads).map(([id, w]) => normalizeWorkload(id, w)),
    services,
    databases: Object.entries(doc.databases).map(([id, d]) => normalizeDatabase(id, d)),
    keys: named(doc.keys, (k) => ({
      size: k.size,
      owner: k.owner,
      rowBytes: parseBytes(k.rowBytes),
      updatesPerMs: parseRatePerSec(k.updates) / 1000,
    })),
    caches: named(doc.caches, (c) => ({
      type: c.type,
      maxEntries: c.maxEntries,
      maxBytes: c.maxBytes === undefined ? undefined : parseBytes(c.maxBytes),
      eviction: c.eviction,
      ttlMs: c.ttl === undefined ? undefined : parseDurationMs(c.ttl),
      syncCpuMs: parseDurationMs(c.syncCpu),
      instances: c.instances,
      threads: c.threads,
      opTime: durationDist(c.opTime),
      queueCapacity: capacity(c.queueCapacity),
      client:
        c.client === undefined
          ? null
          : {
              onUnavailable: c.client.onUnavailable,
              blockLimitMs: parseDurationMs(c.client.blockLimit),
              queueLimit: c.client.queueLimit,
              backoffMs: parseDurationMs(c.client.reconnect.backoff),
              growth: c.client.reconnect.growth,
              maxMs:
                c.client.reconnect.max === undefined
                  ? Math.max(2000, parseDurationMs(c.client.reconnect.backoff))
                  : parseDurationMs(c.client.reconnect.max),
            },
    })),
    brokers: named(doc.brokers, (b) => ({
      instances: b.instances,
      threads: b.threads,
      publishTime: durationDist(b.publishTime),
      queueCapacity: capacity(b.queueCapacity),
      timeoutMs: parseDurationMs(b.timeout),
      onUnavailable: b.onUnavailable,
      retryEveryMs: parseDurationMs(b.retryEvery),
      blockForMs: parseDurationMs(b.blockFor),
      bufferSize: b.bufferSize,
      topics: Object.entries(b.topics).map(([tid, t]) => ({
        id: tid,
        partitions: t.partitions,
        keys: t.keys,
      })),
    })),
    readers: named(doc.readers, (r) => ({
      everyMs: parseDurationMs(r.every),
      target:
        r.saga !== undefined
          ? { kind: 'saga' as const, saga: r.saga }
          : { kind: 'consumer' as const, group: r.consumer ?? '' },
      cutoffMs: parseDurationMs(r.cutoff),
      reads: r.reads,
    })),
    // copies, keys, merge and delivery as written
    replicated: named(doc.replicated, ({ description: _, sync, reconcile, ...asWritten }) => ({
      ...asWritten,
      sync: durationDist(sync),
      reconcileMs: reconcile === undefined ? null : parseDurationMs(reconcile),
    })),
    consumers: named(doc.consumers, (c) => ({
      broker: c.broker,
      topic: c.topic,
      ...splitRef(c.handler),
      ack: c.ack,
      idempotency:
        typeof c.idempotency === 'string'
          ? { kind: c.idempotency }
          : 'store' in c.idempotency
            ? { kind: 'store' as const, store: c.idempotency.store }
            : { kind: 'db' as const, db: c.idempotency.db },
      commitTimeMs: parseDurationMs(c.commitTime),
      commitEveryMs: c.commitEvery === undefined ? null : parseDurationMs(c.commitEvery),
      batch: c.batch,
      transactionTimeMs: parseDurationMs(c.transactionTime),
      maxDeliveries: c.maxDeliveries,
      retryBackoffMs: parseDurationMs(c.retryBackoff),
      ackTimeoutMs: parseDurationMs(c.ackTimeout),
      rebalanceAfterMs: parseDurationMs(c.rebalanceAfter),
    })),
    sessions: doc.sessions === undefined ? null : normalizeSessions(doc.sessions, doc),
    faults: Object.entries(doc.faults).map(([id, f]) => normalizeFault(id, f, durationMs)),
    slos: Object.entries(doc.slos).flatMap(([name, s]) => normalizeSlo(name, s)),
    ...(doc.costs === undefined
      ? {}
      : { costs: normalizeCosts(doc.costs, Object.keys(doc.services)) }),
  };
}

function normalizeSessions(x: Z<typeof S.Sessions>, doc: ScenarioParsed): SessionsDef {
  // by default, the services users log in at check the credential
  const loginServices = Object.values(doc.workloads).flatMap((w) =>
    w.session === undefined ? [] : [splitRef(w.session.login).service],
  );
  return {
    description: x.description ?? '',
    strategy: x.strategy,
    validateAt: x.validateAt ?? [...new Set(loginServices)],
    checkCpu: durationDist(x.checkCpu),
    sessionBytes: parseBytes(x.sessionBytes),
    idleTimeoutMs: parseDurationMs(x.idleTimeout),
    replicationCpuMs: parseDurationMs(x.replicationCpu),
    replicateOnAccess: x.replicateOnAccess,
    store: x.store ?? null,
    touchOnAccess: x.touchOnAccess,
    idp: x.idp ?? null,
    resolveVia: x.resolveVia,
    tokenCache: x.tokenCache,
    syncEveryMs: parseDurationMs(x.syncEvery),
    tokenBytes: parseBytes(x.tokenBytes),
    tokenTtlMs: parseDurationMs(x.tokenTtl),
    verifyCpu: durationDist(x.verifyCpu),
    timeoutMs: parseDurationMs(x.timeout),
  };
}

/**
 * The accept queue of a frozen instance when the scenario names none: 511, the backlog Node's
 * `server.listen` asks for (Linux caps it at net.core.somaxconn, 4096 since kernel 5.4).
 */
export const DEFAULT_FREEZE_BACKLOG = 511;

/**
 * A fault's `link` (its first link) and, when it names lists or `direction: both`, its `split`
 * (fault-links.ts); one link one way stays as it always was.
 */
function linkOf(f: Z<typeof S.Fault>): Pick<FaultDef, 'link' | 'split'> {
  if (f.link === undefined) return { link: null };
  // each name once, in its first place (a list that repeats a name strikes its links once)
  const from = [...new Set([f.link.from].flat())];
  const to = [...new Set([f.link.to].flat())];
  const both = f.direction === 'both';
  if (from.length === 1 && to.length === 1 && !both) return { link: { from: from[0], to: to[0] } };
  const links = splitLinks(from, to, both);
  return { link: links[0] ?? null, split: { from, to, both, links } };
}

/** A fault as the run needs it, its timing remembered for another duration (fault-windows.ts). */
function normalizeFault(id: string, f: Z<typeof S.Fault>, durationMs: number): FaultDef {
  const opt = (v: number | string | undefined) =>
    v === undefined ? undefined : parseDurationMs(v);
  const timing = {
    atMs: parseDurationMs(f.at),
    forMs: opt(f.for),
    everyMs: opt(f.every),
    times: f.times,
  };
  return rememberTiming(faultDefOf(id, f, durationMs), timing);
}

function faultDefOf(id: string, f: Z<typeof S.Fault>, durationMs: number): FaultDef {
  const instances =
    f.instances === undefined
      ? null
      : typeof f.instances === 'number'
        ? Array.from({ length: f.instances }, (_, i) => i)
        : [...new Set(f.instances)].sort((a, b) => a - b);
  const opt = (v: number | string | undefined) =>
    v === undefined ? undefined : parseDurationMs(v);
  const base: FaultDef = {
    id,
    description: f.description ?? '',
    kind: f.kind,
    component: f.link === undefined ? (f.target ?? null) : null,
    instances,
    ...linkOf(f),
    windows: faultWindows(parseDurationMs(f.at), opt(f.for), opt(f.every), f.times, durationMs),
    mode: null,
    add: null,
    factor: 1,
    rate: 0,
    remaining: 1,
    pause: null,
    interval: null,
  };
  switch (f.kind) {
    case 'crash':
      return f.mode === 'freeze'
        ? { ...base, mode: f.mode, backlog: f.backlog ?? DEFAULT_FREEZE_BACKLOG }
        : { ...base, mode: f.mode };
    case 'partition':
      return { ...base, mode: f.mode };
    case 'latency':
      return {
        ...base,
        add: f.add === undefined ? null : durationDist(f.add),
        factor: f.factor ?? 1,
      };
    case 'error-rate':
      return { ...base, rate: parsePercent(f.rate) };
    case 'capacity-loss':
      return { ...base, remaining: parsePercent(f.remaining) };
    case 'gc-pause':
      return { ...base, pause: durationDist(f.pause), interval: durationDist(f.interval) };
    case 'cpu-hog':
      return { ...base, factor: f.factor };
  }
}

/**
 * The entries of a section of named parts (keys, caches, brokers …), each as its id, its
 * description ('' when none) and the fields `rest` normalizes.
 */
function named<T extends { description?: string }, R>(
  section: Record<string, T>,
  rest: (x: T) => R,
): ({ id: string; description: string } & R)[] {
  return Object.entries(section).map(([id, x]) => ({
    id,
    description: x.description ?? '',
    ...rest(x),
  }));
}

function capacity(value: number | 'unbounded'): number {
  return value === 'unbounded' ? Number.POSITIVE_INFINITY : value;
}

/** `service/endpoint` split in two. */
export function splitRef(ref: string): { service: string; endpoint: string } {
  const slash = ref.indexOf('/');
  return { service: ref.slice(0, slash), endpoint: ref.slice(slash + 1) };
}

function normalizeRuntime(
  r: NonNullable<ScenarioParsed['services'][string]['runtime']>,
): RuntimeDef {
  return {
    perMessage: r.eventLoop === undefined ? null : durationDist(r.eventLoop.perMessage),
    noise:
      r.noisyNeighbour === undefined
        ? null
        : {
            factor: r.noisyNeighbour.slowdown,
            calmMs: parseDurationMs(r.noisyNeighbour.calm),
            noisyMs: parseDurationMs(r.noisyNeighbour.noisy),
          },
    timers:
      r.timers === undefined
        ? null
        : { tickMs: parseDurationMs(r.timers.tick), late: durationDist(r.timers.late) },
  };
}

function normalizeService(
  id: string,
  s: ScenarioParsed['services'][string],
  strategy: ListStrategy,
  language: StepLanguage,
): ServiceDef {
  const ctx: NormalizeContext = {
    serviceDb: s.database,
    strategy,
    steps: (raw: readonly RawStep[]) =>
      raw.map((step) => language.kindOf(step).normalize(step, ctx)),
  };
  const endpoints: EndpointDef[] = Object.entries(s.endpoints).map(([name, e]) => ({
    name,
    description: e.description ?? '',
    steps: ctx.steps(e.steps),
  }));
  return {
    type: 'service',
    id,
    description: s.description ?? '',
    instances: s.instances,
    threads: s.threads,
    // an event loop is one CPU (check-references.ts refuses another count of cores)
    cores: s.cores ?? (s.runtime?.eventLoop !== undefined ? 1 : Number.POSITIVE_INFINITY),
    queueCapacity: capacity(s.queueCapacity),
    loadBalancer: s.loadBalancer,
    gc:
      s.gc === undefined
        ? undefined
        : {
            everyMs: parseDurationMs(s.gc.every),
            pauseMs: parseDurationMs(s.gc.pause),
            pausePerGBMs: parseDurationMs(s.gc.pausePerGB),
          },
    database: s.database,
    ...(s.runtime === undefined ? {} : { runtime: normalizeRuntime(s.runtime) }),
    healthCheckMs: s.healthCheck === undefined ? undefined : parseDurationMs(s.healthCheck),
    scale: s.scale?.map((x) => ({ atMs: parseDurationMs(x.at), instances: x.instances })),
    autoscale:
      s.autoscale === undefined
        ? undefined
        : {
            min: s.autoscale.min,
            max: s.autoscale.max,
            target: parsePercent(s.autoscale.targetUtilisation),
            everyMs: parseDurationMs(s.autoscale.every),
            bootMs: parseDurationMs(s.autoscale.bootTime),
            scaleDownAfterMs: parseDurationMs(s.autoscale.scaleDownAfter),
          },
    rateLimit:
      s.rateLimit === undefined
        ? undefined
        : {
            perSec: parseRatePerSec(s.rateLimit.rate),
            // default burst: a tenth of a second of the rate (at least one request)
            burst:
              s.rateLimit.burst ?? Math.max(1, Math.ceil(parseRatePerSec(s.rateLimit.rate) / 10)),
          },
    endpoints,
  };
}

function normalizeDatabase(id: string, d: Z<typeof S.Database>): DatabaseDef {
  return {
    type: 'database',
    id,
    description: d.description ?? '',
    connections: d.connections,
    queueCapacity: capacity(d.queueCapacity),
    queryTime: durationDist(d.queryTime),
    rowTime: durationDist(d.rowTime),
    joinTime: durationDist(d.joinTime),
    shards: d.shards,
  };
}

function normalizeNetwork(n: Z<typeof S.Network>): NetworkDef {
  return {
    latency: durationDist(n.latency),
    links: n.links.map((l) => ({ from: l.from, to: l.to, latency: durationDist(l.latency) })),
    ...(n.payload === undefined ? {} : { payload: normalizePayload(n.payload) }),
    ...(n.bandwidth === undefined
      ? {}
      : { bandwidthBytesPerMs: parseBandwidth(n.bandwidth) / 1000 }),
  };
}

/** A `payload:` of a call, a workload or the network, in bytes. */
export function normalizePayload(p: Z<typeof S.CallPayload>): PayloadDef {
  return { callBytes: parseBytes(p.call), replyBytes: parseBytes(p.reply) };
}

function normalizeWorkload(id: string, w: Z<typeof S.Workload>): WorkloadDef {
  const def = normalizeWorkloadKind(id, w);
  return w.payload === undefined ? def : { ...def, payload: normalizePayload(w.payload) };
}

function normalizeWorkloadKind(id: string, w: Z<typeof S.Workload>): WorkloadDef {
  const targets: WorkloadTarget[] =
    w.target !== undefined
      ? [{ ...splitRef(w.target), weight: 1 }]
      : Object.entries(w.mix ?? {}).map(([ref, weight]) => ({ ...splitRef(ref), weight }));
  const timeoutMs = w.timeout === undefined ? Number.POSITIVE_INFINITY : parseDurationMs(w.timeout);
  const description = w.description ?? '';
  if (w.users !== undefined) {
    const thinkTime =
      w.thinkTime === undefined
        ? { kind: 'constant' as const, value: 0 }
        : durationDist(w.thinkTime);
    const u = w.session;
    const session =
      u === undefined
        ? null
        : {
            login: splitRef(u.login),
            logout: u.logout === undefined ? null : splitRef(u.logout),
            requests: u.requests,
            logoutShare: parsePercent(u.logoutShare),
            offTime: durationDist(u.offTime),
            forcedLogoutsPerMs: parseRatePerSec(u.forcedLogouts ?? 0) / 1000,
            roleChangesPerMs: parseRatePerSec(u.roleChanges ?? 0) / 1000,
            rampUpMs: u.rampUp === undefined ? 0 : parseDurationMs(u.rampUp),
          };
    return {
      kind: 'closed',
      id,
      description,
      users: w.users,
      thinkTime,
      targets,
      timeoutMs,
      session,
    };
  }
  if (w.replay !== undefined) {
    const r = w.replay;
    const format = r.format ?? (/\.json$/i.test(r.file) ? 'otlp' : 'csv');
    const replay = {
      file: r.file,
      format,
      speed: r.speed,
      time: r.time,
      unit: r.unit,
      endpoint: r.endpoint ?? null,
      key: r.key ?? null,
    };
    return { kind: 'replay', id, description, replay, targets, timeoutMs };
  }
  if (w.rateProfile !== undefined) {
    const p = w.rateProfile;
    const profile = { file: p.file, speed: p.speed, time: p.time, rate: p.rate, unit: p.unit };
    return { kind: 'open', id, description, rate: [], profile, targets, timeoutMs };
  }
  return { kind: 'open', id, description, rate: ratePieces(w), profile: null, targets, timeoutMs };
}

/** The piecewise-linear rate curve (per ms) of an open workload: base rate, steps, ramps, spikes. */
export function ratePieces(w: Z<typeof S.Workload>): RatePiece[] {
  const pieces: RatePiece[] = [];
  let startMs = 0;
  let perMs = parseRatePerSec(w.rate ?? 0) / 1000;
  const items = [...(w.schedule ?? [])].sort(
    (a, b) => parseDurationMs(a.at) - parseDurationMs(b.at),
  );
  for (const item of items) {
    const at = Math.max(parseDurationMs(item.at), startMs);
    if (at > startMs) pieces.push({ startMs, endMs: at, fromPerMs: perMs, toPerMs: perMs });
    if (item.rate !== undefined) {
      startMs = at;
      perMs = parseRatePerSec(item.rate) / 1000;
    } else if (item.rampTo !== undefined) {
      const end = at + parseDurationMs(item.over ?? 0);
      const to = parseRatePerSec(item.rampTo) / 1000;
      if (end > at) pieces.push({ startMs: at, endMs: end, fromPerMs: perMs, toPerMs: to });
      startMs = end;
      perMs = to;
    } else if (item.spike !== undefined) {
      // a spike sets the rate for its length (absolute, not added to the rate before it)
      const end = at + parseDurationMs(item.for ?? 0);
      const spike = parseRatePerSec(item.spike) / 1000;
      if (end > at) pieces.push({ startMs: at, endMs: end, fromPerMs: spike, toPerMs: spike });
      startMs = end;
    }
  }
  // the last rate holds until the run ends, whatever duration it is given (e.g. --duration)
  pieces.push({ startMs, endMs: Number.POSITIVE_INFINITY, fromPerMs: perMs, toPerMs: perMs });
  return pieces;
}
