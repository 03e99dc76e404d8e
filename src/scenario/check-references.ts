/**
 * Checks that a schema-valid scenario makes sense as a whole, which zod cannot see: names refer
 * to things that exist, options that go together appear together, numbers are consistent, and
 * calls do not loop for ever. Every problem is collected; none is fixed silently.
 * Runs on the parsed document (defaults filled, units not yet converted).
 */
import { findCallCycles } from './call-graph.ts';
import { checkConsumers } from './check-consumers.ts';
import { checkLimits } from './check-limits.ts';
import { checkSessions } from './check-sessions.ts';
import { checkWorkloads } from './check-workloads.ts';
import type { DocPath, UnlocatedIssue } from './issues.ts';
import * as msg from './messages.ts';
import { checkDatabaseRef, checkEndpointRef, collectNames, type Names } from './names.ts';
import { setPathProblem } from './overrides.ts';
import { type ScenarioParsed, SLO_BOUNDS } from './schema.ts';
import { isRecord } from './schema-walk.ts';
import { CLIENT_ID } from './types.ts';
import { parseDurationMs } from './units.ts';
import { listSteps, type StepVisit } from './walk-steps.ts';

/** Largest p99/mean of a lognormal: max over σ of exp(zσ − σ²/2) is exp(z²/2) ≈ 14.97 for
 * z = 2.326 (the 99th percentile of N(0,1)); 14.9 leaves room for a stable numeric solve. */
const MAX_P99_OVER_MEAN = 14.9;

/** Slack when adding branch probabilities written as decimals (0.1 + 0.2 > 0.3 in floats). */
const PROBABILITY_EPSILON = 1e-9;

/**
 * Every semantic problem of a schema-valid document: unknown or ambiguous ids, misplaced
 * options, inconsistent numbers and call loops (a loop through a branch is a warning).
 */
export function checkReferences(doc: ScenarioParsed): UnlocatedIssue[] {
  const names = collectNames(doc);
  return [
    ...checkTiming(doc),
    ...checkLimits(doc),
    ...checkIds(names),
    ...checkServices(doc, names),
    ...checkKeySpaces(doc, names),
    ...checkWorkloads(doc, names),
    ...checkLinks(doc, names),
    ...checkDistributions(doc),
    ...checkCallLoops(doc, names),
    ...checkListStrategies(doc, names),
    ...checkVariants(doc),
    ...checkSlos(doc, names),
    ...checkFaults(doc, names),
    ...checkCallPolicies(doc),
    ...checkSessions(doc, names),
    ...checkConsumers(doc, names),
  ];
}

/** Call policies whose numbers contradict each other. */
function checkCallPolicies(doc: ScenarioParsed): UnlocatedIssue[] {
  const issues: UnlocatedIssue[] = [];
  for (const [service, s] of Object.entries(doc.services))
    for (const [name, endpoint] of Object.entries(s.endpoints))
      for (const visit of listSteps(endpoint.steps, [
        'services',
        service,
        'endpoints',
        name,
        'steps',
      ])) {
        const step = visit.step;
        if (!('call' in step) || step.breaker === undefined) continue;
        const { minCalls = 10, window = 20 } = step.breaker;
        if (minCalls > window)
          issues.push(
            error(msg.breakerMinCallsOverWindow(minCalls, window), [
              ...visit.path,
              'breaker',
              'minCalls',
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
      for (const end of ['from', 'to'] as const)
        if (!isComponent.has(f.link[end]) && f.link[end] !== CLIENT_ID)
          issues.push(
            error(msg.unknownReference('component', f.link[end], [...components, CLIENT_ID]), [
              ...path,
              'link',
              end,
            ]),
          );
      if (COMPONENT_ONLY_FAULTS.has(f.kind))
        issues.push(error(msg.faultNeedsComponent(name, f.kind), [...path, 'link'], true));
      if (f.instances !== undefined)
        issues.push(error(msg.faultInstancesOnLink(), [...path, 'instances'], true));
    }
    if (f.kind === 'latency' && f.add === undefined && f.factor === undefined)
      issues.push(error(msg.latencyFaultWithoutDelay(name), path, true));
    const atMs = parseDurationMs(f.at);
    if (atMs >= durationMs)
      issues.push({
        ...msg.faultNeverStrikes(f.at, doc.duration),
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
  const entries = entryEndpoints(doc);
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
      if (refIssues.length === 0 && !isEntry.has(slo.endpoint))
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

function checkServices(doc: ScenarioParsed, names: Names): UnlocatedIssue[] {
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
    for (const [name, endpoint] of Object.entries(service.endpoints)) {
      const at = ['services', id, 'endpoints', name, 'steps'];
      for (const visit of listSteps(endpoint.steps, at))
        issues.push(...checkStep(visit, id, doc, names));
    }
  }
  return issues;
}

function checkStep(
  visit: StepVisit,
  serviceId: string,
  doc: ScenarioParsed,
  names: Names,
): UnlocatedIssue[] {
  const { step, path } = visit;
  if ('call' in step) return checkEndpointRef(step.call, [...path, 'call'], names);
  if ('query' in step) {
    const query = step.query;
    if (typeof query === 'string') return checkDatabaseRef(query, [...path, 'query'], names);
    if (query.db !== undefined) return checkDatabaseRef(query.db, [...path, 'query', 'db'], names);
    if (doc.services[serviceId].database === undefined) {
      return [error(msg.queryWithoutDatabase(serviceId, names.databases), [...path, 'query'])];
    }
    return [];
  }
  if ('list' in step) return checkList(step.list, [...path, 'list'], names);
  if ('kv' in step) {
    const store = typeof step.kv === 'string' ? step.kv : step.kv.store;
    const at: DocPath = typeof step.kv === 'string' ? [...path, 'kv'] : [...path, 'kv', 'store'];
    if (doc.caches[store]?.type === 'distributed') return [];
    const stores = Object.entries(doc.caches)
      .filter(([, c]) => c.type === 'distributed')
      .map(([id]) => id);
    if (doc.caches[store] !== undefined)
      return [error(msg.kvOnInProcessCache(store, doc.caches[store].type), at)];
    return [error(msg.unknownReference('cache', store, stores), at)];
  }
  if ('transaction' in step) {
    const keys = step.transaction.keys;
    return names.has.keys.has(keys)
      ? []
      : [
          error(msg.unknownReference('key space', keys, names.keys), [
            ...path,
            'transaction',
            'keys',
          ]),
        ];
  }
  if ('saga' in step) {
    const s = step.saga;
    const at: DocPath = [...path, 'saga'];
    const issues = s.steps.flatMap((a, i) => [
      ...checkEndpointRef(a.call, [...at, 'steps', i, 'call'], names),
      ...(a.compensate === undefined
        ? []
        : checkEndpointRef(a.compensate, [...at, 'steps', i, 'compensate'], names)),
    ]);
    if (s.broker !== undefined && !names.has.brokers.has(s.broker))
      issues.push(
        error(msg.unknownReference('broker', s.broker, names.brokers), [...at, 'broker']),
      );
    if (s.mode === 'choreographed' && s.broker === undefined)
      issues.push(
        error(
          msg.missingKey(
            'broker',
            'a choreographed saga passes events through a broker: broker: kafka',
          ),
          at,
        ),
      );
    return issues;
  }
  if ('publish' in step) {
    const broker = typeof step.publish === 'string' ? step.publish : step.publish.broker;
    const at: DocPath =
      typeof step.publish === 'string' ? [...path, 'publish'] : [...path, 'publish', 'broker'];
    if (!names.has.brokers.has(broker))
      return [error(msg.unknownReference('broker', broker, names.brokers), at)];
    const topics = Object.keys(doc.brokers[broker].topics);
    if (topics.length === 0) return [];
    const topic = typeof step.publish === 'string' ? undefined : step.publish.topic;
    if (topic === undefined)
      return [error(msg.publishWithoutTopic(broker, topics), [...path, 'publish'])];
    return topics.includes(topic)
      ? []
      : [
          error(msg.unknownReference('topic', topic, topics, broker), [
            ...path,
            'publish',
            'topic',
          ]),
        ];
  }
  if ('lookup' in step) {
    const l = typeof step.lookup === 'string' ? { keys: step.lookup } : step.lookup;
    const at: DocPath =
      typeof step.lookup === 'string' ? [...path, 'lookup'] : [...path, 'lookup', 'keys'];
    const issues = names.has.keys.has(l.keys)
      ? []
      : [error(msg.unknownReference('key space', l.keys, names.keys), at)];
    if ('db' in l && l.db !== undefined)
      issues.push(...checkDatabaseRef(l.db, [...path, 'lookup', 'db'], names));
    else if (doc.services[serviceId].database === undefined) {
      issues.push(error(msg.queryWithoutDatabase(serviceId, names.databases), [...path, 'lookup']));
    }
    return issues;
  }
  if ('branch' in step) {
    const sum = step.branch.reduce((total, option) => total + option.probability, 0);
    if (sum > 1 + PROBABILITY_EPSILON)
      return [error(msg.branchProbabilities(sum), [...path, 'branch'])];
  }
  return [];
}

type ListInput = Extract<StepVisit['step'], { list: unknown }>['list'];

/** A list step: its key spaces, the endpoints serving them, and its strategy's options. */
function checkList(list: ListInput, path: DocPath, names: Names): UnlocatedIssue[] {
  const issues: UnlocatedIssue[] = [];
  list.refs.forEach((ref, i) => {
    if (!names.has.keys.has(ref.keys)) {
      issues.push(
        error(msg.unknownReference('key space', ref.keys, names.keys), [
          ...path,
          'refs',
          i,
          'keys',
        ]),
      );
    }
    issues.push(...checkEndpointRef(ref.via, [...path, 'refs', i, 'via'], names));
  });
  if (list.db !== undefined) issues.push(...checkDatabaseRef(list.db, [...path, 'db'], names));
  if (list.joinDb !== undefined)
    issues.push(...checkDatabaseRef(list.joinDb, [...path, 'joinDb'], names));
  if (list.cache !== undefined && !names.has.caches.has(list.cache)) {
    issues.push(error(msg.unknownReference('cache', list.cache, names.caches), [...path, 'cache']));
  }
  return issues;
}

/** Strategy options that must be present: the JOIN's database, the cache of batch+cache. */
function checkListStrategies(doc: ScenarioParsed, names: Names): UnlocatedIssue[] {
  const issues: UnlocatedIssue[] = [];
  for (const [id, service] of Object.entries(doc.services)) {
    for (const [name, endpoint] of Object.entries(service.endpoints)) {
      for (const { step, path } of listSteps(endpoint.steps, [
        'services',
        id,
        'endpoints',
        name,
        'steps',
      ])) {
        if (!('list' in step)) continue;
        const strategy = step.list.strategy ?? doc.strategy;
        if (strategy === 'join' && step.list.joinDb === undefined) {
          issues.push(error(msg.listNeeds(strategy, 'joinDb', names.databases), [...path, 'list']));
        }
        if (strategy === 'batch+cache' && step.list.cache === undefined) {
          issues.push(error(msg.listNeeds(strategy, 'cache', names.caches), [...path, 'list']));
        }
      }
    }
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
function checkCallLoops(doc: ScenarioParsed, names: Names): UnlocatedIssue[] {
  const endpoints = [...names.endpoints].flatMap(([service, eps]) =>
    eps.map((endpoint) => ({ service, endpoint, ref: `${service}/${endpoint}` })),
  );
  const nodes = endpoints.map((e) => e.ref);
  const isNode = new Set(nodes);
  const edges = endpoints.flatMap(({ service, endpoint, ref: from }) => {
    const at = ['services', service, 'endpoints', endpoint, 'steps'];
    return listSteps(doc.services[service].endpoints[endpoint].steps, at).flatMap(
      ({ step, path, conditional }) => {
        if ('call' in step && isNode.has(step.call)) {
          return [{ from, to: step.call, path: [...path, 'call'], conditional }];
        }
        // a saga calls its participants (and, on a failure, their compensations)
        if ('saga' in step) {
          return step.saga.steps.flatMap((a, i) =>
            [a.call, a.compensate]
              .filter((to): to is string => to !== undefined && isNode.has(to))
              .map((to) => ({
                from,
                to,
                path: [...path, 'saga', 'steps', i, to === a.call ? 'call' : 'compensate'],
                conditional: to !== a.call || conditional,
              })),
          );
        }
        // a list step calls the endpoints serving its references (when it has rows)
        if ('list' in step) {
          return step.list.refs.flatMap((ref, i) =>
            isNode.has(ref.via)
              ? [{ from, to: ref.via, path: [...path, 'list', 'refs', i, 'via'], conditional }]
              : [],
          );
        }
        return [];
      },
    );
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
        : [error({ code: 'bad-set-path', message: problem }, ['variants', name, 'set', key], true)];
    }),
  );
}
