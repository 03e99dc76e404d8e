/**
 * Checks that a schema-valid scenario makes sense as a whole, which zod cannot see: names refer
 * to things that exist, options that go together appear together, numbers are consistent, and
 * calls do not loop for ever. Every problem is collected; none is fixed silently.
 * Runs on the parsed document (defaults filled, units not yet converted).
 */
import { findCallCycles } from './call-graph.ts';
import { checkConsumers } from './check-consumers.ts';
import { checkLimits } from './check-limits.ts';
import { checkReplicated } from './check-replicated.ts';
import { checkSessions } from './check-sessions.ts';
import { checkWorkloads } from './check-workloads.ts';
import { checkCosts } from './costs.ts';
import type { DocPath, UnlocatedIssue } from './issues.ts';
import * as msg from './messages.ts';
import { checkDatabaseRef, checkEndpointRef, collectNames, type Names } from './names.ts';
import { setPathProblem, setPathProblemKo } from './overrides.ts';
import { type ScenarioParsed, SLO_BOUNDS } from './schema.ts';
import { isRecord } from './schema-walk.ts';
import type { StepLanguage } from './step-syntax.ts';
import { CLIENT_ID } from './types.ts';
import { parseDurationMs } from './units.ts';
import { everyStep } from './walk-steps.ts';

/** A step of some endpoint of the document, with its kind and its service. */
type ServiceStep = ReturnType<typeof everyStep>[number];

/** Largest p99/mean of a lognormal: max over σ of exp(zσ − σ²/2) is exp(z²/2) ≈ 14.97 for
 * z = 2.326 (the 99th percentile of N(0,1)); 14.9 leaves room for a stable numeric solve. */
const MAX_P99_OVER_MEAN = 14.9;

/**
 * Every semantic problem of a schema-valid document (parsed with `language`): unknown or
 * ambiguous ids, misplaced options, inconsistent numbers and call loops (a loop through a
 * branch is a warning). Each step is checked by its kind.
 */
export function checkReferences(doc: ScenarioParsed, language: StepLanguage): UnlocatedIssue[] {
  const names = collectNames(doc);
  const steps = everyStep(language, doc.services);
  const byService = new Map<string, ServiceStep[]>();
  for (const v of steps) {
    const own = byService.get(v.serviceId);
    if (own === undefined) byService.set(v.serviceId, [v]);
    else own.push(v);
  }
  return [
    ...checkTiming(doc),
    ...checkLimits(doc, language.document),
    ...checkIds(names),
    ...checkServices(doc, names, byService),
    ...checkKeySpaces(doc, names),
    ...checkWorkloads(doc, names),
    ...checkLinks(doc, names),
    ...checkDistributions(doc),
    ...checkCallLoops(names, steps),
    ...checkVariants(doc),
    ...checkSlos(doc, names),
    ...checkCosts(doc, names),
    ...checkFaults(doc, names),
    ...checkSessions(doc, names),
    ...checkConsumers(doc, names, steps),
    ...checkReplicated(doc, names),
    ...checkCacheClients(doc),
    ...checkRuntimes(doc),
  ];
}

/** A service's `runtime:`: an event loop is one core; the noise and timer periods are not 0. */
function checkRuntimes(doc: ScenarioParsed): UnlocatedIssue[] {
  const issues: UnlocatedIssue[] = [];
  for (const [id, s] of Object.entries(doc.services)) {
    const r = s.runtime;
    if (r === undefined) continue;
    const path: DocPath = ['services', id, 'runtime'];
    if (r.eventLoop !== undefined && s.cores !== undefined && s.cores !== 1)
      issues.push(error(msg.eventLoopCores(id, s.cores), ['services', id, 'cores']));
    const n = r.noisyNeighbour;
    if (n !== undefined)
      for (const key of ['calm', 'noisy'] as const)
        if (parseDurationMs(n[key]) <= 0)
          issues.push(error(msg.runtimePeriodZero(key), [...path, 'noisyNeighbour', key]));
    if (r.timers !== undefined && parseDurationMs(r.timers.tick) <= 0)
      issues.push(error(msg.runtimePeriodZero('tick'), [...path, 'timers', 'tick']));
  }
  return issues;
}

/** A cache's `client:` (distributed caches only; reconnect delays that can grow). */
function checkCacheClients(doc: ScenarioParsed): UnlocatedIssue[] {
  const issues: UnlocatedIssue[] = [];
  for (const [id, c] of Object.entries(doc.caches)) {
    if (c.client === undefined) continue;
    if (c.type !== 'distributed')
      issues.push(error(msg.clientOnInProcessCache(id, c.type), ['caches', id, 'client'], true));
    const r = c.client.reconnect;
    if (r.max !== undefined && parseDurationMs(r.max) < parseDurationMs(r.backoff))
      issues.push(
        error(msg.reconnectMaxBelowBackoff(String(r.max), String(r.backoff)), [
          'caches',
          id,
          'client',
          'reconnect',
          'max',
        ]),
      );
  }
  return issues;
}

/** Fault kinds that strike a component only, and the one that strikes a link only. */
const COMPONENT_ONLY_FAULTS = new Set(['crash', 'capacity-loss', 'gc-pause', 'cpu-hog']);

/** Units of a component: a service's instances, a database's shards, a cache's servers. */
function instanceCount(doc: ScenarioParsed, id: string): number {
  return (
    doc.services[id]?.instances ??
    doc.databases[id]?.shards?.count ??
    doc.caches[id]?.instances ??
    doc.brokers[id]?.instances ??
    1
  );
}

/**
 * Faults: one target (a component or a link) that exists and suits the kind, instances that
 * exist, a latency that adds or multiplies something, and recurrences that do not overlap.
 */
function checkFaults(doc: ScenarioParsed, names: Names): UnlocatedIssue[] {
  const issues: UnlocatedIssue[] = [];
  const components = [...names.services, ...names.databases, ...names.caches, ...names.brokers];
  const isComponent = new Set(components);
  const durationMs = parseDurationMs(doc.duration);
  for (const [name, f] of Object.entries(doc.faults)) {
    const path: DocPath = ['faults', name];
    if (f.target !== undefined && f.link !== undefined) {
      issues.push(error(msg.faultTwoTargets(name), [...path, 'link'], true));
    } else if (f.target === undefined && f.link === undefined) {
      issues.push(error(msg.faultWithoutTarget(name, f.kind), path, true));
    } else if (f.target !== undefined) {
      if (!isComponent.has(f.target))
        issues.push(
          error(msg.unknownReference('component', f.target, components), [...path, 'target']),
        );
      else if (doc.caches[f.target] !== undefined && doc.caches[f.target].type !== 'distributed')
        issues.push(
          error(msg.faultOnInProcessCache(f.target, doc.caches[f.target].type), [
            ...path,
            'target',
          ]),
        );
      else if (f.instances !== undefined) {
        const count = instanceCount(doc, f.target);
        const bad =
          typeof f.instances === 'number'
            ? f.instances > count
            : f.instances.some((i) => i >= count);
        if (bad) issues.push(error(msg.faultInstances(f.target, count), [...path, 'instances']));
      }
      if (f.kind === 'partition')
        issues.push(error(msg.faultNeedsLink(name), [...path, 'target'], true));
    } else if (f.link !== undefined) {
      for (const end of ['from', 'to'] as const) {
        // one component, or a list of them (a split): each must exist
        const ends = f.link[end];
        const named =
          typeof ends === 'string'
            ? [[ends, [end]] as const]
            : ends.map((c, i) => [c, [end, i]] as const);
        for (const [c, at] of named)
          if (!isComponent.has(c) && c !== CLIENT_ID)
            issues.push(
              error(msg.unknownReference('component', c, [...components, CLIENT_ID]), [
                ...path,
                'link',
                ...at,
              ]),
            );
      }
      if (COMPONENT_ONLY_FAULTS.has(f.kind))
        issues.push(error(msg.faultNeedsComponent(name, f.kind), [...path, 'link'], true));
      if (f.instances !== undefined)
        issues.push(error(msg.faultInstancesOnLink(), [...path, 'instances'], true));
    }
    if (f.direction !== undefined && f.link === undefined)
      issues.push(error(msg.directionWithoutLink(name), [...path, 'direction']));
    if (f.kind === 'crash' && f.mode === 'freeze' && f.target !== undefined) {
      if (isComponent.has(f.target) && doc.services[f.target] === undefined)
        issues.push(error(msg.freezeNotOnService(name, f.target), [...path, 'mode']));
    }
    if (f.kind === 'crash' && f.backlog !== undefined && f.mode !== 'freeze')
      issues.push(error(msg.backlogWithoutFreeze(name, f.mode), [...path, 'backlog']));
    if (f.kind === 'latency' && f.add === undefined && f.factor === undefined)
      issues.push(error(msg.latencyFaultWithoutDelay(name), path, true));
    const atMs = parseDurationMs(f.at);
    if (atMs >= durationMs)
      issues.push({
        ...msg.faultNeverStrikes(f.at, doc.duration),
        severity: 'warning',
        path: [...path, 'at'],
      });
    else if (
      f.for !== undefined &&
      f.every === undefined &&
      atMs + parseDurationMs(f.for) <= parseDurationMs(doc.warmup)
    )
      issues.push({
        ...msg.faultOnlyInWarmup(f.at, f.for, doc.warmup),
        severity: 'warning',
        path: [...path, 'at'],
      });
    if (f.every !== undefined) {
      if (f.for === undefined)
        issues.push(error(msg.recurringFaultWithoutLength(), [...path, 'every'], true));
      else if (parseDurationMs(f.for) >= parseDurationMs(f.every))
        issues.push(error(msg.faultWindowsOverlap(f.for, f.every), [...path, 'for']));
    } else if (f.times !== undefined) {
      issues.push(error(msg.faultTimesWithoutEvery(), [...path, 'times'], true));
    }
  }
  return issues;
}

/** The entry endpoints: every workload's target and the endpoints of its mix. */
function entryEndpoints(doc: ScenarioParsed): string[] {
  return Object.values(doc.workloads).flatMap((w) => [
    ...(w.target === undefined ? [] : [w.target]),
    ...Object.keys(w.mix ?? {}),
  ]);
}

/**
 * SLOs: one target at most (an entry endpoint, a component, or neither for all endpoints), at
 * least one bound, and bounds that fit the target (utilisation for components only).
 */
function checkSlos(doc: ScenarioParsed, names: Names): UnlocatedIssue[] {
  const issues: UnlocatedIssue[] = [];
  // a workload's target that names no endpoint is reported at the workload; an SLO on the
  // endpoint it meant is no second problem, and the list of entries never offers the typo
  const allEntries = entryEndpoints(doc);
  const entries = allEntries.filter((e) => checkEndpointRef(e, [], names).length === 0);
  const entriesKnown = entries.length === allEntries.length;
  const isEntry = new Set(entries);
  const components = [...names.services, ...names.databases, ...names.caches, ...names.brokers];
  const isComponent = new Set(components);
  for (const [name, slo] of Object.entries(doc.slos)) {
    const path: DocPath = ['slos', name];
    const bounds = SLO_BOUNDS.filter((b) => slo[b] !== undefined);
    if (bounds.length === 0) issues.push(error(msg.sloWithoutBound(name, SLO_BOUNDS), path, true));
    if (slo.endpoint !== undefined && slo.component !== undefined) {
      issues.push(error(msg.sloTwoTargets(name), [...path, 'component'], true));
      continue;
    }
    if (slo.component !== undefined) {
      if (!isComponent.has(slo.component))
        issues.push(
          error(msg.unknownReference('component', slo.component, components), [
            ...path,
            'component',
          ]),
        );
      for (const b of bounds.filter((b) => b !== 'utilisation'))
        issues.push(error(msg.sloBoundNeedsEndpoint(b, slo.component), [...path, b], true));
      continue;
    }
    if (slo.utilisation !== undefined)
      issues.push(
        error(msg.sloUtilisationNeedsComponent(components), [...path, 'utilisation'], true),
      );
    if (slo.endpoint !== undefined) {
      const refIssues = checkEndpointRef(slo.endpoint, [...path, 'endpoint'], names);
      issues.push(...refIssues);
      if (refIssues.length === 0 && entriesKnown && !isEntry.has(slo.endpoint))
        issues.push(error(msg.sloNotEntry(slo.endpoint, entries), [...path, 'endpoint']));
    }
  }
  return issues;
}

function error(text: msg.IssueText, path: DocPath, onKey = false): UnlocatedIssue {
  return { ...text, severity: 'error', path, ...(onKey ? { onKey } : {}) };
}

function checkTiming(doc: ScenarioParsed): UnlocatedIssue[] {
  const durationMs = parseDurationMs(doc.duration);
  if (durationMs <= 0) return [error(msg.zeroDuration(), ['duration'])];
  if (parseDurationMs(doc.warmup) >= durationMs) {
    return [error(msg.warmupTooLong(doc.warmup, doc.duration), ['warmup'])];
  }
  // `duration: 60` is 60 ms, which users rarely mean
  if (typeof doc.duration === 'number' && durationMs < 1000)
    return [
      {
        ...msg.shortDuration(`duration: ${doc.duration}`, durationMs),
        severity: 'warning',
        path: ['duration'],
      },
    ];
  return [];
}

/** Services and databases share one namespace of component ids, without 'client'. */
function checkIds(names: Names): UnlocatedIssue[] {
  const issues: UnlocatedIssue[] = [];
  for (const id of names.databases) {
    if (names.has.services.has(id))
      issues.push(error(msg.duplicateId(id), ['databases', id], true));
  }
  for (const id of names.services) {
    if (id === CLIENT_ID) issues.push(error(msg.reservedId(id), ['services', id], true));
  }
  for (const id of names.brokers) {
    if (names.has.services.has(id) || names.has.databases.has(id) || names.has.caches.has(id))
      issues.push(error(msg.duplicateId(id), ['brokers', id], true));
    if (id === CLIENT_ID) issues.push(error(msg.reservedId(id), ['brokers', id], true));
  }
  for (const id of names.databases) {
    if (id === CLIENT_ID) issues.push(error(msg.reservedId(id), ['databases', id], true));
  }
  return issues;
}

function checkServices(
  doc: ScenarioParsed,
  names: Names,
  steps: Map<string, ServiceStep[]>,
): UnlocatedIssue[] {
  const issues: UnlocatedIssue[] = [];
  for (const [id, service] of Object.entries(doc.services)) {
    const a = service.autoscale;
    if (a !== undefined && !(a.min <= service.instances && service.instances <= a.max))
      issues.push(
        error(
          msg.autoscaleRange(service.instances, a.min, a.max),
          ['services', id, 'autoscale'],
          true,
        ),
      );
    if (service.database !== undefined) {
      issues.push(...checkDatabaseRef(service.database, ['services', id, 'database'], names));
    }
    for (const v of steps.get(id) ?? [])
      issues.push(...(v.kind.check?.(v.step, v.path, { doc, names, serviceId: id }) ?? []));
  }
  return issues;
}

/** Caches number keys of every key space in one 32-bit range (see model/key-space.ts). */
const MAX_TOTAL_KEYS = 2 ** 31 - 1;

/** A key space is owned by a service; all key spaces together fit the caches' key range. */
function checkKeySpaces(doc: ScenarioParsed, names: Names): UnlocatedIssue[] {
  const issues = Object.entries(doc.keys).flatMap(([id, k]) =>
    names.has.services.has(k.owner)
      ? []
      : [error(msg.unknownReference('service', k.owner, names.services), ['keys', id, 'owner'])],
  );
  const total = Object.values(doc.keys).reduce((a, k) => a + k.size, 0);
  if (total > MAX_TOTAL_KEYS) issues.push(error(msg.tooManyKeys(total, MAX_TOTAL_KEYS), ['keys']));
  return issues;
}

function checkLinks(doc: ScenarioParsed, names: Names): UnlocatedIssue[] {
  const known = [...names.services, ...names.databases, ...names.caches, CLIENT_ID];
  const isKnown = new Set(known);
  return doc.network.links.flatMap((link, i) =>
    (['from', 'to'] as const)
      .filter((end) => !isKnown.has(link[end]))
      .map((end) =>
        error(msg.unknownReference('component', link[end], known), ['network', 'links', i, end]),
      ),
  );
}

/** Distribution objects anywhere in the document except variant overrides (checked per variant). */
function checkDistributions(doc: ScenarioParsed): UnlocatedIssue[] {
  const issues: UnlocatedIssue[] = [];
  const visit = (value: unknown, path: DocPath): void => {
    if (Array.isArray(value)) {
      for (const [i, item] of value.entries()) visit(item, [...path, i]);
    }
    if (!isRecord(value)) return;
    if (typeof value.dist === 'string') issues.push(...checkDistribution(value, path));
    for (const [key, child] of Object.entries(value)) {
      if (!(path.length === 0 && key === 'variants')) visit(child, [...path, key]);
    }
  };
  visit(doc, []);
  return issues;
}

/** Parameters of one `{ dist: … }` that zod accepts one by one but not together. */
function checkDistribution(dist: Record<string, unknown>, path: DocPath): UnlocatedIssue[] {
  const num = (key: string) => parseDurationMs(dist[key] as number | string);
  if (dist.dist === 'uniform' && num('min') > num('max')) {
    return [error(msg.uniformRange(dist.min, dist.max), [...path, 'min'])];
  }
  if (dist.dist === 'empirical' && Array.isArray(dist.weights) && Array.isArray(dist.values)) {
    if (dist.weights.length !== dist.values.length) {
      return [
        error(msg.empiricalWeights(dist.values.length, dist.weights.length), [...path, 'weights']),
      ];
    }
    if (!(dist.weights as number[]).some((w) => w > 0))
      return [error(msg.empiricalZeroWeights(), [...path, 'weights'])];
  }
  if (dist.dist !== 'lognormal') return [];
  const given = ['mean', 'p99', 'median', 'sigma'].filter((key) => dist[key] !== undefined);
  const form = given.join(',');
  if (form === 'median,sigma') return [];
  if (form !== 'mean,p99') return [error(msg.lognormalParams(given), path)];
  const ratio = num('p99') / num('mean');
  if (!(ratio > 1 && ratio <= MAX_P99_OVER_MEAN)) {
    return [error(msg.lognormalP99(dist.mean, dist.p99, MAX_P99_OVER_MEAN), [...path, 'p99'])];
  }
  return [];
}

/** Call loops: an endless one is an error, one through a branch a warning. */
function checkCallLoops(names: Names, steps: readonly ServiceStep[]): UnlocatedIssue[] {
  const endpoints = [...names.endpoints].flatMap(([service, eps]) =>
    eps.map((endpoint) => ({ service, endpoint, ref: `${service}/${endpoint}` })),
  );
  const nodes = endpoints.map((e) => e.ref);
  const isNode = new Set(nodes);
  // the calls each step makes (a call, a saga's participants, a list's references)
  const edges = steps.flatMap(({ step, kind, path, conditional, serviceId, endpoint }) => {
    const from = `${serviceId}/${endpoint}`;
    return (kind.calls?.(step, path) ?? [])
      .filter((c) => isNode.has(c.to))
      .map((c) => ({ from, to: c.to, path: c.path, conditional: c.conditional || conditional }));
  });
  return findCallCycles(nodes, edges).map(({ cycle, path, throughBranch }) => ({
    ...msg.callCycle(cycle, throughBranch),
    severity: throughBranch ? 'warning' : 'error',
    path,
  }));
}

/** Variant `set:` keys must be dotted paths; what they point at is checked per variant. */
function checkVariants(doc: ScenarioParsed): UnlocatedIssue[] {
  return Object.entries(doc.variants ?? {}).flatMap(([name, variant]) =>
    Object.keys(variant.set).flatMap((key) => {
      const problem = setPathProblem(key);
      return problem === undefined
        ? []
        : [
            error(
              {
                code: 'bad-set-path',
                message: problem,
                ko: { message: setPathProblemKo(key) ?? problem },
              },
              ['variants', name, 'set', key],
              true,
            ),
          ];
    }),
  );
}
