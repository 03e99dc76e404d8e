/**
 * Tests of zod-issues.ts: each zod issue shape becomes a message a user can act on. Messages are
 * inline snapshots so that every change of wording is reviewed.
 */
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { BUILTIN_STEP_KINDS } from '../model/steps/registry.ts';
import { toDotPath } from './issues.ts';
import { stepLanguage } from './step-syntax.ts';

const LANGUAGE = stepLanguage(BUILTIN_STEP_KINDS);
const ScenarioDocument = LANGUAGE.document;

import * as msg from './messages.ts';
import { knownKeysAt } from './schema-walk.ts';
import { fromZodIssues } from './zod-issues.ts';

/** A minimal valid scenario; tests override parts of it. */
function scenario(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    version: 1,
    name: 'shop',
    duration: '10s',
    workloads: { browse: { rate: '10/s', target: 'orders/get' } },
    services: { orders: { endpoints: { get: { steps: [{ cpu: '2ms' }] } } } },
    ...overrides,
  };
}

function withSteps(steps: unknown[]): Record<string, unknown> {
  return scenario({ services: { orders: { endpoints: { get: { steps } } } } });
}

/** Each issue as `path: message → hint`, with `(key)` marking issues placed on a map key. */
function explain(input: unknown): string[] {
  const result = ScenarioDocument.safeParse(input);
  if (result.success) return [];
  return fromZodIssues(result.error.issues, input, ScenarioDocument).map((issue) => {
    const where = `${toDotPath(issue.path)}${issue.onKey ? ' (key)' : ''}`;
    return `${where}: ${issue.message}${issue.hint ? ` → ${issue.hint}` : ''}`;
  });
}

describe('fromZodIssues', () => {
  it('accepts the minimal scenario used by these tests', () => {
    expect(explain(scenario())).toEqual([]);
  });

  it('reports each unknown key on its key, with the valid keys and a suggestion', () => {
    expect(explain(scenario({ durration: '5s', extra: 1 }))).toMatchInlineSnapshot(`
      [
        "durration (key): unknown key "durration" → valid keys here: $schema, brokers, caches, consumers, costs, databases, description, duration, faults, highlights, keys, lang, …; did you mean "duration"?",
        "extra (key): unknown key "extra" → valid keys here: $schema, brokers, caches, consumers, costs, databases, description, duration, faults, highlights, keys, lang, …",
      ]
    `);
  });

  it('finds the valid keys of an object inside a union', () => {
    expect(
      explain(withSteps([{ call: 'orders/get', timout: '1s' }, { query: { db: 'x', rowz: 3 } }])),
    ).toMatchInlineSnapshot(`
      [
        "services.orders.endpoints.get.steps[0].timout (key): unknown key "timout" → valid keys here: breaker, bulkhead, call, fallback, payload, retry, timeout; did you mean "timeout"?",
        "services.orders.endpoints.get.steps[1].query.rowz (key): unknown key "rowz" → valid keys here: db, label, rows, time; did you mean "rows"?",
      ]
    `);
  });

  it('says which required key is missing instead of "received undefined"', () => {
    const { duration: _, ...noDuration } = scenario();
    expect(explain(noDuration)).toMatchInlineSnapshot(`
      [
        "duration: missing required key "duration"",
      ]
    `);
    expect(
      explain(scenario({ services: { orders: { endpoints: { get: {} } } } })),
    ).toMatchInlineSnapshot(`
        [
          "services.orders.endpoints.get.steps: missing required key "steps"",
        ]
      `);
  });

  it('names a step without a kind key and suggests the kind it resembles', () => {
    expect(explain(withSteps([{ cpus: '2ms' }, {}]))).toMatchInlineSnapshot(`
      [
        "services.orders.endpoints.get.steps[0]: a step needs exactly one of: cpu, sleep, call, query, parallel, branch, list, lookup, publish, kv, saga, transaction, twoPhaseCommit, pending, readPending, eventStore, updateCopy, readCopy; it has cpus → did you mean "cpu" instead of "cpus"?",
        "services.orders.endpoints.get.steps[1]: a step needs exactly one of: cpu, sleep, call, query, parallel, branch, list, lookup, publish, kv, saga, transaction, twoPhaseCommit, pending, readPending, eventStore, updateCopy, readCopy; it is empty",
      ]
    `);
  });

  it('rejects a step with two kind keys', () => {
    expect(
      explain(
        withSteps([
          { cpu: '1ms', sleep: '2ms' },
          { cpu: 1, sleep: 1, query: 'db' },
        ]),
      ),
    ).toMatchInlineSnapshot(`
      [
        "services.orders.endpoints.get.steps[0]: a step needs exactly one of: cpu, sleep, call, query, parallel, branch, list, lookup, publish, kv, saga, transaction, twoPhaseCommit, pending, readPending, eventStore, updateCopy, readCopy; this one has cpu and sleep → split it into one step per kind",
        "services.orders.endpoints.get.steps[1]: a step needs exactly one of: cpu, sleep, call, query, parallel, branch, list, lookup, publish, kv, saga, transaction, twoPhaseCommit, pending, readPending, eventStore, updateCopy, readCopy; this one has cpu, sleep and query → split it into one step per kind",
      ]
    `);
  });

  it('rejects a step with two kind keys even when zod blames one of them as unknown', () => {
    expect(explain(withSteps([{ call: 'orders/get', cpu: '1ms' }]))).toMatchInlineSnapshot(`
      [
        "services.orders.endpoints.get.steps[0]: a step needs exactly one of: cpu, sleep, call, query, parallel, branch, list, lookup, publish, kv, saga, transaction, twoPhaseCommit, pending, readPending, eventStore, updateCopy, readCopy; this one has cpu and call → split it into one step per kind",
      ]
    `);
  });

  it('lists the keys of the step kind that was written, not of a kind sharing an option', () => {
    expect(explain(withSteps([{ cpu: '1ms', timeout: '1s' }]))).toMatchInlineSnapshot(`
      [
        "services.orders.endpoints.get.steps[0].timeout (key): unknown key "timeout" → valid keys here: cpu",
      ]
    `);
  });

  it('explains steps nested in parallel lanes', () => {
    expect(
      explain(withSteps([{ parallel: [[{ cpu: '1ms' }, { slep: '1ms' }]] }])),
    ).toMatchInlineSnapshot(`
      [
        "services.orders.endpoints.get.steps[0].parallel[0][1]: a step needs exactly one of: cpu, sleep, call, query, parallel, branch, list, lookup, publish, kv, saga, transaction, twoPhaseCommit, pending, readPending, eventStore, updateCopy, readCopy; it has slep → did you mean "sleep" instead of "slep"?",
      ]
    `);
  });

  it('lists the known distributions for an unknown dist', () => {
    expect(explain(withSteps([{ cpu: { dist: 'expo', mean: '2ms' } }]))).toMatchInlineSnapshot(`
      [
        "services.orders.endpoints.get.steps[0].cpu.dist: unknown distribution "expo"; known: constant, empirical, erlang, exponential, gamma, lognormal, normal, pareto, uniform → did you mean "exponential"?",
      ]
    `);
  });

  it('names a fault kind it does not know as a fault kind, not a distribution', () => {
    const fault = (f: Record<string, unknown>) =>
      scenario({ faults: { down: { target: 'orders', at: '1s', for: '1s', ...f } } });
    expect(explain(fault({ kind: 'outage' }))).toEqual([
      'faults.down.kind: unknown fault kind "outage"; known: capacity-loss, cpu-hog, crash, error-rate, gc-pause, latency, partition',
    ]);
    expect(explain(fault({ kind: 'crahs' }))).toEqual([
      'faults.down.kind: unknown fault kind "crahs"; known: capacity-loss, cpu-hog, crash, error-rate, gc-pause, latency, partition → did you mean "crash"?',
    ]);
    expect(explain(fault({}))).toEqual([
      'faults.down.kind: missing required key "kind" → add kind: one of capacity-loss, cpu-hog, crash, error-rate, gc-pause, latency, partition',
    ]);
  });

  it('says how to write a share given as a number of per cent (availability: 99.9)', () => {
    const slo = (bound: Record<string, unknown>) =>
      scenario({ slos: { up: { endpoint: 'orders/get', ...bound } } });
    expect(explain(slo({ availability: 99.9 }))).toEqual([
      'slos.up.availability: must be <= 1, received 99.9 → a share is a fraction from 0 to 1 or a percentage string: write 0.999 or "99.9%"',
    ]);
    expect(explain(slo({ errorRate: 5 }))).toEqual([
      'slos.up.errorRate: must be <= 1, received 5 → a share is a fraction from 0 to 1 or a percentage string: write 0.05 or "5%"',
    ]);
    // a probability is a fraction only: no percentage string to suggest
    expect(
      explain(withSteps([{ branch: [{ probability: 20, steps: [{ cpu: '1ms' }] }] }])),
    ).toEqual([
      'services.orders.endpoints.get.steps[0].branch[0].probability: must be <= 1, received 20',
    ]);
  });

  it('suggests the service of an endpoint named without it (endpoint: checkout)', () => {
    const services = {
      gateway: { endpoints: { checkout: { steps: [{ call: 'orders/get' }] } } },
      orders: {
        endpoints: { get: { steps: [{ cpu: '2ms' }] }, list: { steps: [{ cpu: '2ms' }] } },
      },
    };
    const slo = (endpoint: string) =>
      explain(scenario({ services, slos: { fast: { endpoint, p99: '50ms' } } }));
    const expected =
      'slos.fast.endpoint: expected an endpoint reference "service/endpoint", such as "orders/create", received "';
    expect(slo('checkout')).toEqual([
      `${expected}checkout" → write the service before the endpoint: did you mean "gateway/checkout"?`,
    ]);
    expect(slo('orders')).toEqual([
      `${expected}orders" → "orders" is a service: name one of its endpoints, "orders/get", "orders/list"`,
    ]);
    expect(slo('gateway-checkout')).toEqual([
      `${expected}gateway-checkout" → did you mean "gateway/checkout"?`,
    ]);
    expect(
      explain(scenario({ services, workloads: { w: { rate: '1/s', target: 'checkout' } } })),
    ).toEqual([
      `workloads.w.target: ${expected.slice('slos.fast.endpoint: '.length)}checkout" → write the service before the endpoint: did you mean "gateway/checkout"?`,
    ]);
    // a call to a database by its bare name is told what reaches a database
    const databases = { pg: { connections: 4 } };
    expect(
      explain(
        scenario({
          databases,
          services: {
            ...services,
            gateway: { endpoints: { checkout: { steps: [{ call: 'pg' }] } } },
          },
        }),
      ),
    ).toEqual([
      'services.gateway.endpoints.checkout.steps[0].call: "pg" is a database; only service endpoints can be called → query it from an endpoint with a step such as: query: pg',
    ]);
  });

  it('says a key written beside the entries, not under one, is indented one level short', () => {
    const workloads = { browse: { rate: '10/s' }, target: 'orders/get' };
    expect(explain(scenario({ workloads }))).toEqual([
      'workloads.target: expected an object, received string "orders/get" → "target" is a key of each entry of workloads, not an entry\'s name: indent it under "browse"',
    ]);
    // a plain value under a name that is no entry's key: the type alone
    expect(explain(scenario({ workloads: { browse: 'orders/get' } }))).toEqual([
      'workloads.browse: expected an object, received string "orders/get"',
    ]);
  });

  it("offers the key another tool's word means (replicas: instances, poolSize: connections)", () => {
    expect(
      explain(
        scenario({
          services: { orders: { replicas: 3, endpoints: { get: { steps: [{ cpu: '2ms' }] } } } },
          databases: { db: { poolSize: 10 } },
          workloads: { browse: { rps: 10, target: 'orders/get' } },
        }),
      ).map((line) => line.replace(/valid keys here: .*; /, '')),
    ).toEqual([
      'workloads.browse.rps (key): unknown key "rps" → did you mean "rate"?',
      'services.orders.replicas (key): unknown key "replicas" → did you mean "instances"?',
      'databases.db.poolSize (key): unknown key "poolSize" → did you mean "connections"?',
    ]);
    // a name of Object.prototype is no alias (the fuzz test found it one)
    for (const key of ['constructor', 'toString', '__proto__'])
      expect(msg.unknownKey(key, ['instances']).hint).toBe('valid keys here: instances');
  });

  it('says YAML needs a space after a colon (cpu:1ms is one string)', () => {
    expect(explain(withSteps([{ cpu: '1ms' }, 'cpu:1ms']))).toEqual([
      'services.orders.endpoints.get.steps[1]: expected a step such as { cpu: 2ms } or { call: orders/get }, received string "cpu:1ms" → YAML needs a space after the colon: write "cpu: 1ms"',
    ]);
    expect(explain(scenario({ databases: { db: 'connections:4' } }))).toEqual([
      'databases.db: expected an object, received string "connections:4" → YAML needs a space after the colon: write "connections: 4"',
    ]);
    // an address is no pair
    expect(explain(withSteps(['http://x']))[0]).not.toContain('space after the colon');
  });

  it('says how to write a list given as a map, and an endpoint given as a list of steps', () => {
    expect(
      explain(
        scenario({ services: { orders: { endpoints: { get: { steps: { cpu: '2ms' } } } } } }),
      ),
    ).toEqual([
      'services.orders.endpoints.get.steps: expected a list, received an object → write each item of the list on a line of its own starting with "- " (steps:, then - cpu: …)',
    ]);
    expect(
      explain(scenario({ services: { orders: { endpoints: { get: [{ cpu: '2ms' }] } } } })),
    ).toEqual([
      'services.orders.endpoints.get: expected an object, received a list → put the list under "steps:" (get:, then steps:, then - cpu: …)',
    ]);
  });

  it('asks for dist when a distribution object has none', () => {
    expect(explain(withSteps([{ sleep: { mean: '2ms' } }]))).toMatchInlineSnapshot(`
      [
        "services.orders.endpoints.get.steps[0].sleep.dist: missing required key "dist" → add dist: one of constant, empirical, erlang, exponential, gamma, lognormal, normal, pareto, uniform",
      ]
    `);
  });

  it('explains the parameters of the distribution that was named', () => {
    expect(
      explain(withSteps([{ cpu: { dist: 'uniform', min: '1ms', mean: 3 } }])),
    ).toMatchInlineSnapshot(`
        [
          "services.orders.endpoints.get.steps[0].cpu.max: missing required key "max"",
          "services.orders.endpoints.get.steps[0].cpu.mean (key): unknown key "mean" → valid keys here: dist, max, min",
        ]
      `);
  });

  it('describes every option of a union when the value fits none of their types', () => {
    expect(explain(withSteps([{ cpu: true }, 'cpu']))).toMatchInlineSnapshot(`
      [
        "services.orders.endpoints.get.steps[0].cpu: expected a duration such as "2ms" or a distribution object { dist: … }, received boolean true",
        "services.orders.endpoints.get.steps[1]: expected a step such as { cpu: 2ms } or { call: orders/get }, received string "cpu"",
      ]
    `);
  });

  it('suggests the word a union accepts when a string is misspelt', () => {
    const services = { orders: { queueCapacity: 'unbouded', endpoints: {} } };
    expect(explain(scenario({ services }))).toMatchInlineSnapshot(`
      [
        "services.orders.queueCapacity: expected a whole number or "unbounded", received string "unbouded" → did you mean "unbounded"?",
      ]
    `);
  });

  it('gives the expected and received type for a plain wrong type', () => {
    const services = { orders: { instances: 'two', threads: 1.5, endpoints: {} } };
    expect(explain(scenario({ services, name: 42 }))).toMatchInlineSnapshot(`
      [
        "name: expected a string, received number 42",
        "services.orders.instances: expected a number, received string "two"",
        "services.orders.threads: expected a whole number, received number 1.5",
      ]
    `);
  });

  it('states bounds with the value received', () => {
    const branch = [{ probability: 1.5, steps: [] }];
    expect(explain(withSteps([{ cpu: -5 }, { branch }, { parallel: [] }]))).toMatchInlineSnapshot(`
      [
        "services.orders.endpoints.get.steps[0].cpu: must be >= 0, received -5",
        "services.orders.endpoints.get.steps[1].branch[0].probability: must be <= 1, received 1.5",
        "services.orders.endpoints.get.steps[2].parallel: must have at least 1 item, received 0",
      ]
    `);
    const gamma = { dist: 'gamma', shape: 0, mean: '1ms' };
    expect(explain(withSteps([{ cpu: gamma }]))).toMatchInlineSnapshot(`
      [
        "services.orders.endpoints.get.steps[0].cpu.shape: must be > 0, received 0",
      ]
    `);
  });

  it('shows the schema message, the value and the units for a malformed duration or rate', () => {
    const workloads = { browse: { rate: '10 per sec', target: 'orders' } };
    expect(explain(scenario({ duration: '5 sec', workloads }))).toMatchInlineSnapshot(`
      [
        "duration: expected a duration such as "2ms", "1.5s", "250us" or a number of ms, received "5 sec" → duration units: us, µs, ms, s, m or min, h",
        "workloads.browse.rate: expected a rate such as "200/s", "3/ms", "1200/min" or a number per second, received "10 per sec" → rate units: /ms, /s or /sec, /min or /m, /h",
        "workloads.browse.target: expected an endpoint reference "service/endpoint", such as "orders/create", received "orders" → "orders" is a service: name one of its endpoints, "orders/get"",
      ]
    `);
  });

  it('says that a duration or a rate cannot be negative, rather than list units it has right', () => {
    const workloads = { browse: { rate: '-10/s', target: 'orders/get' } };
    const issues = explain(scenario({ duration: '-5s', workloads }));
    expect(issues[0]).toBe(
      'duration: expected a duration such as "2ms", "1.5s", "250us" or a number of ms, received "-5s" → a duration cannot be negative',
    );
    expect(issues[1]).toMatch(
      /^workloads\.browse\.rate: .*received "-10\/s" → a rate cannot be negative$/,
    );
    const input = scenario({ duration: '-5s' });
    const result = ScenarioDocument.safeParse(input);
    if (result.success) throw new Error('a negative duration was accepted');
    const [issue] = fromZodIssues(result.error.issues, input, ScenarioDocument);
    expect(issue.ko?.hint).toBe('시간은 음수일 수 없습니다');
  });

  it('says that a number YAML read as Infinity (1e400) is too large', () => {
    const input = withSteps([{ cpu: '1ms' }]);
    (input.services as Record<string, Record<string, unknown>>).orders.threads =
      Number.POSITIVE_INFINITY;
    const result = ScenarioDocument.safeParse(input);
    if (result.success) throw new Error('Infinity was accepted');
    const [issue] = fromZodIssues(result.error.issues, input, ScenarioDocument);
    expect(issue.message).toBe('expected a number, received number Infinity');
    expect(issue.hint).toBe('the number is too large to be held (a finite number is needed)');
    expect(issue.ko?.hint).toBe('수가 너무 커서 담을 수 없습니다 (유한한 수가 필요합니다)');
  });

  it('says which version of the language it reads when `version:` is another', () => {
    const input = scenario({ version: 2 });
    const result = ScenarioDocument.safeParse(input);
    if (result.success) throw new Error('version 2 was accepted');
    const [issue] = fromZodIssues(result.error.issues, input, ScenarioDocument);
    expect(issue.message).toBe('expected 1, received 2');
    expect(issue.hint).toBe(
      'this msasim reads version 1 of the scenario language, the only one so far: write version: 1',
    );
    expect(issue.ko?.message).toBe('1 값이 필요한데 2 값입니다');
    expect(issue.ko?.hint).toContain('버전 1');
  });

  it('lists the valid values of an enum or literal, with a suggestion', () => {
    const services = { orders: { loadBalancer: 'round-robbin', endpoints: {} } };
    expect(explain(scenario({ version: 2, services }))).toMatchInlineSnapshot(`
      [
        "version: expected 1, received 2 → this msasim reads version 1 of the scenario language, the only one so far: write version: 1",
        "services.orders.loadBalancer: expected one of: least-outstanding, power-of-two, random, round-robin, received "round-robbin" → did you mean "round-robin"?",
      ]
    `);
  });

  it('reports a map key that is not an identifier on the key', () => {
    expect(
      explain(scenario({ services: { '1orders': { endpoints: {} } } })),
    ).toMatchInlineSnapshot(`
      [
        "services["1orders"] (key): invalid name "1orders": expected an identifier: a letter (of any script), then letters, digits, "-" or "_"; it starts with "1", not a letter",
      ]
    `);
  });

  it('explains a document that is not a map at all', () => {
    expect(explain(null)).toMatchInlineSnapshot(`
      [
        "(document): expected an object, received an empty value",
      ]
    `);
    expect(explain(['a'])).toMatchInlineSnapshot(`
      [
        "(document): expected an object, received a list",
      ]
    `);
  });

  it('never reports the same problem twice', () => {
    const issues = explain(withSteps([{ cpus: 1 }]));
    expect(new Set(issues).size).toBe(issues.length);
  });

  it('accepts another root schema for small cases', () => {
    const root = z.strictObject({ size: z.union([z.number(), z.literal('auto')]) });
    const input = { size: true, sise: 1 };
    const result = root.safeParse(input);
    expect(result.success).toBe(false);
    const issues = result.success ? [] : fromZodIssues(result.error.issues, input, root);
    expect(issues.map((i) => [i.message, i.hint])).toEqual([
      ['expected a number or "auto", received boolean true', undefined],
      ['unknown key "sise"', 'valid keys here: size; did you mean "size"?'],
    ]);
  });
});

describe('knownKeysAt', () => {
  it('follows records, arrays and lazy unions to the object at a path', () => {
    const input = withSteps([{ call: 'orders/get' }]);
    const path = ['services', 'orders', 'endpoints', 'get', 'steps', 0];
    expect(knownKeysAt(ScenarioDocument, path, input)).toEqual([
      'call',
      'timeout',
      'retry',
      'breaker',
      'bulkhead',
      'fallback',
      'payload',
    ]);
    expect(knownKeysAt(ScenarioDocument, ['services', 'orders'], input)).toContain('loadBalancer');
  });

  it('picks a distribution by its dist value', () => {
    const input = withSteps([{ cpu: { dist: 'normal', mean: 1 } }]);
    const path = ['services', 'orders', 'endpoints', 'get', 'steps', 0, 'cpu'];
    expect(knownKeysAt(ScenarioDocument, path, input)).toEqual(['dist', 'mean', 'sd']);
  });

  it('returns no keys where there is no object schema', () => {
    expect(knownKeysAt(ScenarioDocument, ['duration'], scenario())).toEqual([]);
    expect(knownKeysAt(ScenarioDocument, ['nowhere', 'at', 'all'], scenario())).toEqual([]);
  });
});
