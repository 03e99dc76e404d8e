/**
 * Test helpers for the report side of sessions: a SessionSummary with made-up figures (every
 * figure distinct, so a test can tell columns apart), and the results of a tiny scenario with
 * such summaries put in place of the run's own (the model's sessions are not needed).
 */
import type { SessionSummary } from '../metrics/session-stats.ts';
import type { RunSummary } from '../metrics/summary.ts';
import type { ScenarioResults } from '../report/results.ts';
import { replicate } from './replicate.ts';

/** A SessionSummary with made-up, distinct figures; `fields` replace whole top-level fields. */
export function fakeSessionSummary(fields: Partial<SessionSummary> = {}): SessionSummary {
  return {
    strategy: 'store',
    validateAt: ['api', 'orders'],
    resolvedBy: null,
    users: 500,
    meanLoggedIn: 412.5,
    logins: 300,
    loginsPerSec: 15,
    loginFailures: 2,
    reLogins: 11,
    refreshes: 0,
    logouts: 40,
    expiries: 25,
    forcedLogouts: 6,
    roleChanges: 4,
    validations: 9000,
    unauthorized: { lost: 3, revoked: 5, expired: 7, unknown: 1, total: 16 },
    unavailable: 8,
    sessionsLost: { crash: 12, scaleIn: 9, total: 21 },
    revocation: {
      episodes: 6,
      acceptedAfter: 13,
      delayMeanMs: 120.25,
      delayP50Ms: 100,
      delayP99Ms: 850,
      delayMaxMs: 900,
    },
    staleRoleRequests: 17,
    replication: {
      messages: 600,
      messagesPerSec: 30,
      bytes: 61_440,
      bytesPerSec: 3072,
      cpuMs: 45.5,
    },
    tokenCache: { hits: 750, misses: 250, hitRatio: 0.75 },
    idp: { issues: 10, resolves: 20, syncs: 5, syncFailures: 1 },
    storeOps: 1800,
    storeOpsPerSec: 90,
    authTime: { meanMs: 1.5, p50Ms: 1.2, p99Ms: 4.75, maxMs: 9 },
    memory: [
      { service: 'api', meanBytesPerInstance: 2048, maxBytesPerInstance: 4096 },
      { service: 'orders', meanBytesPerInstance: 512, maxBytesPerInstance: 1024 },
    ],
    ...fields,
  };
}

/** A front service and a database; two variants that differ in the database's speed. */
const TINY = `
version: 1
name: logged-in
description: users of a tiny shop
duration: 3s
warmup: 1s
workloads:
  visitors: { rate: 50/s, target: api/get }
services:
  api:
    threads: 8
    database: db
    endpoints:
      get:
        steps:
          - cpu: 0.2ms
          - query: { rows: 1 }
databases:
  db: { connections: 4, queryTime: 1ms }
variants:
  sticky: {}
  store:
    set: { databases.db.queryTime: 2ms }
`;

const runs = new Map<number, Promise<ScenarioResults>>();

/**
 * The results of the tiny two-variant scenario with `replications` per variant, without
 * sessions (memoized; clone before changing, or use withSessions).
 */
export function tinyResults(replications = 1): Promise<ScenarioResults> {
  let results = runs.get(replications);
  if (results === undefined) {
    results = replicate(TINY, 'logged-in.yaml', replications);
    runs.set(replications, results);
  }
  return results;
}

/**
 * The tiny results as a section test uses them: `plain`, one replication per variant, and
 * `replicated`, two per variant (what key metrics' intervals and changes need).
 */
export async function tinyRuns(): Promise<{ plain: ScenarioResults; replicated: ScenarioResults }> {
  return { plain: await tinyResults(), replicated: await tinyResults(2) };
}

/**
 * A copy of `results` in which replication r of every variant v gets `put(summary, v, r)`
 * (the first replication is also the variant's run).
 */
function withEach(
  results: ScenarioResults,
  put: (s: RunSummary, variant: number, replication: number) => void,
): ScenarioResults {
  const copy = structuredClone(results);
  const reps = copy.replications ?? copy.runs.map((r) => [r.summary]);
  reps.forEach((summaries, v) => {
    summaries.forEach((s, r) => {
      put(s, v, r);
    });
    put(copy.runs[v].summary, v, 0);
  });
  return copy;
}

/** What a test puts in summary field K of replication r of variant v. */
export type Items<K extends keyof RunSummary> = (
  variant: number,
  replication: number,
) => RunSummary[K];

/**
 * The maker of copies of results in which summary field `key` of replication r of variant v is
 * `items(v, r)` (the first replication is also the variant's run).
 */
export const withField =
  <K extends keyof RunSummary>(key: K) =>
  (results: ScenarioResults, items: Items<K>): ScenarioResults =>
    withEach(results, (s, v, r) => {
      s[key] = items(v, r);
    });

/** A copy of `results` whose replication r of variant v has `sessions(v, r)` as its sessions; null: no users. */
export const withSessions = withField('sessions');

/** A copy of `results` with only the first variant (a scenario without variants). */
export function firstVariantOnly(results: ScenarioResults): ScenarioResults {
  const copy = structuredClone(results);
  copy.runs = copy.runs.slice(0, 1);
  copy.runs[0].summary.scenario.variant = null;
  copy.replications = copy.replications?.slice(0, 1);
  for (const s of copy.replications?.[0] ?? []) s.scenario.variant = null;
  return copy;
}
