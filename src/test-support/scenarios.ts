/**
 * Test helpers: build scenarios from YAML text through the real loader, and run them; check
 * a scenario document's references; the problems of a text as `msasim validate` prints them.
 */

import type { RunResult } from '../metrics/summary.ts';
import { type LanguageOptions, parseScenario } from '../model/language.ts';
import { runScenario } from '../model/run.ts';
import { BUILTIN_STEP_KINDS } from '../model/steps/registry.ts';
import { checkReferences } from '../scenario/check-references.ts';
import { formatIssues } from '../scenario/format.ts';
import { ScenarioError, type UnlocatedIssue } from '../scenario/issues.ts';
import { stepLanguage } from '../scenario/step-syntax.ts';
import type { Scenario } from '../scenario/types.ts';

/** The first (or only) variant of a scenario written as YAML. */
export function scenarioFromYaml(text: string, variant = 0): Scenario {
  return parseScenario(text, 'test.yaml').variants[variant];
}

/** Runs a YAML scenario with an optional seed. */
export function runYaml(text: string, seed?: number): Promise<RunResult> {
  return runScenario(scenarioFromYaml(text), { seed });
}

/** A one-service queue: `threads` servers, Poisson arrivals at `ratePerSec`, exponential work of `meanMs`. */
export function queueYaml(opts: {
  ratePerSec: number;
  meanMs: number;
  threads: number;
  duration: string;
  warmup: string;
}): string {
  return `
version: 1
name: queue
duration: ${opts.duration}
warmup: ${opts.warmup}
workloads:
  arrivals: { rate: ${opts.ratePerSec}, target: server/serve }
services:
  server:
    threads: ${opts.threads}
    endpoints:
      serve:
        steps:
          - cpu: { dist: exponential, mean: ${opts.meanMs}ms }
`;
}

/**
 * The middle of a scripted test scenario: `users` closed users calling front/go, each thinking
 * `think` after its answer, then `services:` down to front/go's `steps:`; the steps follow
 * (10 spaces in), then the other services.
 */
export function frontGo(users = 1, think = '10s'): string {
  return `workloads:
  w: { users: ${users}, thinkTime: { dist: constant, value: ${think} }, target: front/go }
services:
  front:
    endpoints:
      go:
        steps:`;
}

/**
 * The top of a scripted test scenario, down to its first service's `endpoints:`: `name`, seed 1,
 * `duration`, and one closed user per workload, thinking a constant time after each answer
 * (`{ reads: ['500ms', 'ledger/balance'] }`); the first service is the first workload's target's.
 */
export function scriptedUsers(
  name: string,
  duration: string,
  users: Record<string, [think: string, target: string]>,
): string {
  const workloads = Object.entries(users).map(
    ([id, [think, target]]) =>
      `  ${id}: { users: 1, thinkTime: { dist: constant, value: ${think} }, target: ${target} }`,
  );
  const service = Object.values(users)[0][1].split('/')[0];
  return `version: 1
name: ${name}
seed: 1
duration: ${duration}
workloads:
${workloads.join('\n')}
services:
  ${service}:
    endpoints:`;
}

/**
 * The end of a test scenario's YAML: the last service, `service` (with `threads`, and a
 * `queueCapacity` when given), whose endpoint `endpoint` works an exponential `cpuMs` then reads
 * `rows` rows of database `db`; then `databases:` with `db` alone (`connections`, exponential
 * query time of `queryMs`). Two spaces in, after the other services; what follows is top-level.
 */
export function workThenQuery(o: {
  service: string;
  threads: number;
  queueCapacity?: number;
  endpoint: string;
  cpuMs: number;
  db: string;
  rows: number;
  connections: number;
  queryMs: number;
}): string {
  const queue = o.queueCapacity === undefined ? '' : `\n    queueCapacity: ${o.queueCapacity}`;
  return `  ${o.service}:
    threads: ${o.threads}${queue}
    endpoints:
      ${o.endpoint}:
        steps:
          - cpu: { dist: exponential, mean: ${o.cpuMs}ms }
          - query: { db: ${o.db}, rows: ${o.rows} }
databases:
  ${o.db}:
    connections: ${o.connections}
    queryTime: { dist: exponential, mean: ${o.queryMs}ms }`;
}

/**
 * A tiny scenario (tiny.yaml): one service of 4 threads, 200 requests a second for 3 s (1 s
 * warm-up), exponential work of 2 ms: the playground's worker tests run it.
 */
export const TINY_YAML = `
version: 1
name: tiny
duration: 3s
warmup: 1s
workloads:
  users: { rate: 200/s, target: api/get }
services:
  api:
    threads: 4
    endpoints:
      get:
        steps:
          - cpu: { dist: exponential, mean: 2ms }
`;

/**
 * The formatted problems of a scenario text, as `msasim validate` prints them, or `valid` ('' by
 * default) when there are none; `options` as parseScenario's (overrides, the step kinds).
 */
export function scenarioProblems(
  text: string,
  file = 'shop.yaml',
  valid = '',
  options: LanguageOptions = {},
): string {
  try {
    parseScenario(text, file, options);
    return valid;
  } catch (e) {
    if (e instanceof ScenarioError) return formatIssues(e.issues);
    throw e;
  }
}

const LANGUAGE = stepLanguage(BUILTIN_STEP_KINDS);

/**
 * A scenario document (the object YAML gives) of a shop: gateway/home calls orders/get, which
 * queries orders-db; `instances` gives the two services theirs (none: the default).
 */
export function shopDocument(duration: string, instances?: [number, number]) {
  const [gateway, orders] =
    instances === undefined ? [{}, {}] : instances.map((n) => ({ instances: n }));
  return {
    version: 1,
    name: 'shop',
    duration,
    workloads: { browse: { rate: '10/s', target: 'gateway/home' } },
    services: {
      gateway: { ...gateway, endpoints: { home: { steps: [{ call: 'orders/get' }] } } },
      orders: { ...orders, endpoints: { get: { steps: [{ query: 'orders-db' }] } } },
    },
    databases: { 'orders-db': {} },
  };
}

/** The reference checks' issues of a document the schema accepts (throws when it does not). */
export function referenceIssues(doc: unknown): UnlocatedIssue[] {
  const parsed = LANGUAGE.document.safeParse(doc);
  if (!parsed.success) throw new Error(`test scenario is invalid: ${parsed.error.message}`);
  return checkReferences(parsed.data, LANGUAGE);
}
