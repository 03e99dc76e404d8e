/**
 * Hand-checkable cases of the five session strategies: sessions lost on a crash or a scale-in
 * are exactly the users pinned to the instance; clustering sends changes × (instances − 1)
 * messages; revocation takes effect within the sync period (reference tokens) or the token's
 * lifetime (value tokens); IdP and store load with and without a local cache.
 */
import { describe, expect, it } from 'vitest';
import { Priority } from '../engine/index.ts';
import { prepareHistograms } from '../metrics/histogram.ts';
import type { SessionSummary } from '../metrics/session-stats.ts';
import { type RunResult, summarizeMetrics } from '../metrics/summary.ts';
import { runYaml, scenarioFromYaml } from '../test-support/scenarios.ts';
import { GATEWAY_HOME, scenarioHead } from '../test-support/yaml.ts';
import type { AuthPoint } from './auth-point.ts';
import { Model } from './model.ts';

interface Options {
  strategy: string;
  users?: number;
  instances?: number;
  extraSessions?: string;
  extraSession?: string;
  extraWeb?: string;
  faults?: string;
  duration?: string;
}

/** Users of one web tier (validating) calling an api, an IdP and a Redis; no network latency. */
function yaml(o: Options): string {
  return `${scenarioHead('sessions', 5, o.duration ?? '60s')}  people:
    users: ${o.users ?? 300}
    thinkTime: { dist: exponential, mean: 500ms }
    target: web/page
    session:
      login: web/login
      logout: web/logout
      requests: 10
      offTime: { dist: exponential, mean: 2s }
      ${o.extraSession ?? ''}
services:
  web:
    instances: ${o.instances ?? 4}
    threads: 50
    ${o.extraWeb ?? ''}
    endpoints:
      login: { steps: [{ cpu: 1ms }] }
      logout: { steps: [{ cpu: 0.2ms }] }
      page: { steps: [{ cpu: 1ms }, { call: api/get }] }
  api:
    endpoints:
      get: { steps: [{ cpu: 0.5ms }] }
  idp:
    instances: 2
    endpoints:
      issue: { steps: [{ cpu: 2ms }] }
      resolve: { steps: [{ cpu: 0.3ms }] }
      sync: { steps: [{ cpu: 1ms }] }
caches:
  redis: { type: distributed, threads: 8, opTime: 0.05ms }
sessions:
  strategy: ${o.strategy}
  store: redis
  idp: { service: idp }
  ${o.extraSessions ?? ''}
${o.faults ?? ''}
`;
}

/** The sessions summary of a run (which must have one). */
function sessionsOf(r: RunResult): SessionSummary {
  const s = r.summary.sessions;
  if (s === null) throw new Error('no sessions');
  return s;
}

/** Runs the scenario of `o`: its session summary and the run. */
async function runSessions(o: Options): Promise<[SessionSummary, RunResult]> {
  const r = await runYaml(yaml(o));
  return [sessionsOf(r), r];
}

/** Builds the model of the scenario of `o` (to look inside it while it runs). */
async function build(o: Options): Promise<Model> {
  await prepareHistograms();
  return new Model(scenarioFromYaml(yaml(o)));
}

/** Users whose live session is held by instance `index` of the sticky web tier, now. */
function pinnedTo(model: Model, index: number): number {
  const rt = model.sessions;
  if (rt === null) throw new Error('no sessions');
  const point = rt.points[0] as AuthPoint;
  let n = 0;
  for (let u = 0; u < point.pinned.length; u++)
    if (point.pinned[u] === index && rt.cred[u] !== 0) n++;
  return n;
}

describe('sticky sessions', () => {
  it('lose exactly the sessions of the users pinned to a crashed instance', async () => {
    const model = await build({
      strategy: 'sticky',
      faults: 'faults:\n  crash: { kind: crash, target: web, instances: [1], at: 20s, for: 5s }',
    });
    let pinned = -1;
    // scheduled before the fault's own start event at the same instant, so it runs first
    model.sim.scheduleAt(20_000, () => (pinned = pinnedTo(model, 1)), undefined, Priority.urgent);
    model.run();
    const s = model.metrics.sessions;
    expect(pinned).toBeGreaterThan(30);
    expect(s?.lostOnCrash).toBe(pinned);
    expect(s?.lostOnScaleIn).toBe(0);
    // the users who came back were refused (401 "lost") and logged in again
    expect(s?.unauthorized[0]).toBeGreaterThan(0);
    expect(s?.unauthorized[0]).toBeLessThanOrEqual(pinned);
    expect(s?.reLogins).toBe(s?.unauthorized.reduce((a, b) => a + b, 0));
    model.metrics.dispose();
  });

  it('lose the sessions of stopped instances on scale-in, and never rebalance on scale-out', async () => {
    const model = await build({
      strategy: 'sticky',
      extraWeb: 'scale: [{ at: 20s, instances: 2 }, { at: 40s, instances: 6 }]',
    });
    let onStopped = -1;
    model.sim.scheduleAt(
      20_000,
      () => (onStopped = pinnedTo(model, 2) + pinnedTo(model, 3)),
      undefined,
      Priority.urgent,
    );
    let before = -1;
    let after = -1;
    model.sim.scheduleAt(40_000, () => (before = pinnedTo(model, 0)), undefined, Priority.urgent);
    model.sim.scheduleAt(40_001, () => (after = pinnedTo(model, 0)));
    model.run();
    expect(onStopped).toBeGreaterThan(30);
    expect(model.metrics.sessions?.lostOnScaleIn).toBe(onStopped);
    expect(model.metrics.sessions?.lostOnCrash).toBe(0);
    // scale-out moves no one: instance 0 keeps its users, the new ones start empty
    expect(after).toBe(before);
    expect(pinnedTo(model, 5)).toBeLessThan(pinnedTo(model, 0));
    model.metrics.dispose();
  });
});

describe('session clustering', () => {
  it('sends changes × (instances − 1) replication messages', async () => {
    const [s] = await runSessions({
      strategy: 'clustering',
      instances: 5,
      // everyone logs out (no session is left to expire or be replaced by a new login)
      extraSession: 'logoutShare: 100%\n      forcedLogouts: 2/s\n      roleChanges: 3/s',
    });
    const changes = s.logins + s.logouts + s.forcedLogouts + s.roleChanges;
    expect(s.forcedLogouts).toBeGreaterThan(50);
    expect(s.roleChanges).toBeGreaterThan(100);
    expect(s.replication.messages).toBe(changes * 4);
    expect(s.replication.bytes).toBe(changes * 4 * 2048);
    expect(s.replication.cpuMs).toBeCloseTo(changes * 4 * 0.05, 6);
    // every instance holds every session: memory per instance = logged-in users × 2 KB
    // (sampled once a second, so within a few per cent of the exact time average)
    const mem = s.memory[0].meanBytesPerInstance;
    expect(Math.abs(mem / (s.meanLoggedIn * 2048) - 1)).toBeLessThan(0.05);
    // a revoked user is refused at once: no request gets through after the revocation
    expect(s.revocation.acceptedAfter).toBe(0);
  });

  it('replicate to more instances as the cluster grows', async () => {
    const small = await runYaml(yaml({ strategy: 'clustering', instances: 2 }));
    const large = await runYaml(yaml({ strategy: 'clustering', instances: 8 }));
    const per = (x: typeof small) =>
      (x.summary.sessions?.replication.messages ?? 0) /
      ((x.summary.sessions?.logins ?? 1) + (x.summary.sessions?.logouts ?? 0));
    expect(per(large) / per(small)).toBeGreaterThan(6); // ≈ 7 / 1 (replaced sessions add a little)
  });
});

describe('session storage', () => {
  it('reads the store on every check, writes it on login and logout, and fails when it is down', async () => {
    const [s, r] = await runSessions({ strategy: 'store' });
    expect(s.storeOps).toBe(s.validations + s.logins + s.loginFailures + s.logouts);
    const redis = r.summary.components.find((c) => c.id === 'redis');
    expect(redis?.arrivals).toBe(s.storeOps);
    // a check is a round trip of 2 operations (GET + touch) at 0.05 ms each
    expect(s.authTime.meanMs).toBeCloseTo(0.1, 2);
    const down = await runYaml(
      yaml({
        strategy: 'store',
        faults: 'faults:\n  down: { kind: crash, target: redis, at: 20s, for: 10s }',
      }),
    );
    const d = down.summary.sessions;
    expect(d?.unavailable).toBeGreaterThan(1000);
    const causes = down.summary.overall.causes.map((c) => c.cause);
    expect(causes).toContain('unavailable: redis could not check the credential (web)');
  });
});

describe('reference tokens', () => {
  const forced = 'forcedLogouts: 2/s';
  it('resolve every check at the IdP without a cache, only misses with one', async () => {
    const [n, none] = await runSessions({
      strategy: 'reference-token',
      extraSessions: 'tokenCache: none',
      extraSession: forced,
    });
    expect(n.idp.resolves).toBe(n.validations);
    expect(n.tokenCache.hits).toBe(0);
    expect(n.idp.syncs).toBe(0);
    const idp = (x: typeof none) => x.summary.components.find((c) => c.id === 'idp')?.arrivals;
    expect(idp(none)).toBe(n.idp.issues + n.idp.resolves);
    // every check asks the IdP: a revoked token is refused at once
    expect(n.revocation.acceptedAfter).toBe(0);
    expect(n.revocation.delayMaxMs).toBe(0);

    const [c, cached] = await runSessions({
      strategy: 'reference-token',
      extraSessions: 'syncEvery: 5s',
      extraSession: forced,
    });
    expect(c.idp.resolves).toBe(c.tokenCache.misses);
    expect(c.tokenCache.hits + c.tokenCache.misses).toBe(c.validations);
    // a token is cached where the user logged in; each other instance misses it once per
    // session (3 of ~10 requests, round-robin over 4 instances)
    expect(c.tokenCache.hitRatio).toBeGreaterThan(0.65);
    expect(idp(cached)).toBe(c.idp.issues + c.idp.resolves + c.idp.syncs);
    // 4 instances sync every 5 s for 60 s: 4 × 12 (± the phase of the first)
    expect(c.idp.syncs).toBeGreaterThanOrEqual(44);
    expect(c.idp.syncs).toBeLessThanOrEqual(48);
  });

  it('take a forced logout into account within one sync period', async () => {
    const [s] = await runSessions({
      strategy: 'reference-token',
      extraSessions: 'syncEvery: 5s',
      extraSession: 'forcedLogouts: 3/s',
    });
    expect(s.revocation.acceptedAfter).toBeGreaterThan(20);
    expect(s.revocation.delayMaxMs).toBeGreaterThan(1000);
    // bound: the sync period (+ the sync's round trip, a few ms)
    expect(s.revocation.delayMaxMs).toBeLessThanOrEqual(5000 + 20);
    expect(s.unauthorized.revoked).toBeGreaterThan(0);
  });
});

describe('value tokens', () => {
  it('cannot be revoked: a forced logout takes effect only when the token expires', async () => {
    const [s, r] = await runSessions({
      strategy: 'value-token',
      extraSessions: 'tokenTtl: 10s',
      extraSession: 'forcedLogouts: 3/s\n      roleChanges: 3/s',
    });
    expect(s.unauthorized.revoked).toBe(0);
    expect(s.revocation.acceptedAfter).toBeGreaterThan(100);
    expect(s.revocation.delayMaxMs).toBeGreaterThan(5000);
    expect(s.revocation.delayMaxMs).toBeLessThanOrEqual(10_000);
    expect(s.staleRoleRequests).toBeGreaterThan(0);
    expect(s.refreshes).toBeGreaterThan(0);
    // no store or IdP on the request path: only logins and refreshes reach the IdP
    expect(s.idp.resolves).toBe(0);
    expect(s.storeOps).toBe(0);
    const idp = r.summary.components.find((c) => c.id === 'idp');
    expect(idp?.arrivals).toBe(s.idp.issues);
    // logins still waiting for their token at the end are issued but not yet counted
    expect(s.idp.issues - (s.logins + s.loginFailures)).toBeGreaterThanOrEqual(0);
    expect(s.idp.issues - (s.logins + s.loginFailures)).toBeLessThan(5);
    expect(s.authTime.meanMs).toBeCloseTo(0.1, 3);
  });
});

describe('sessions in general', () => {
  it('are deterministic', async () => {
    const text = yaml({ strategy: 'reference-token', extraSession: 'forcedLogouts: 1/s' });
    const a = await runYaml(text);
    const b = await runYaml(text);
    expect(JSON.stringify(a.summary)).toBe(JSON.stringify(b.summary));
    const other = await runYaml(text, 99);
    expect(JSON.stringify(other.summary.sessions)).not.toBe(JSON.stringify(a.summary.sessions));
  });

  it('leave runs without users unchanged (no session summary)', async () => {
    const r = await runYaml(GATEWAY_HOME);
    expect(r.summary.sessions).toBeNull();
  });

  it('health checks stop sending to a crashed instance after the detection time', async () => {
    const crash =
      'faults:\n  crash: { kind: crash, target: web, instances: [0], at: 20s, for: 20s }';
    const failed = async (extraWeb: string) => {
      const r = await runYaml(yaml({ strategy: 'value-token', extraWeb, faults: crash }));
      return r.summary.overall.outcomes.failed;
    };
    const without = await failed('');
    const withCheck = await failed('healthCheck: 1s');
    expect(without).toBeGreaterThan(500);
    // only the first second of the 20 s crash fails, ≈ 1/20 of it
    expect(withCheck).toBeLessThan(without / 10);
    expect(withCheck).toBeGreaterThan(0);
  });

  it('scheduled scaling changes the serving instances at the given times', async () => {
    const model = await build({
      strategy: 'sticky',
      extraWeb: 'scale: [{ at: 10s, instances: 7 }]',
    });
    let serving = 0;
    model.sim.scheduleAt(
      10_001,
      () => (serving = model.services.get('web')?.instances.length ?? 0),
    );
    model.run();
    expect(serving).toBe(7);
    const { summary } = summarizeMetrics(model.metrics, model.sim.now);
    const web = summary.components.find((c) => c.id === 'web');
    expect(web?.scaling?.maxInstances).toBe(7);
    expect(web?.scaling?.scaleUps).toBe(3);
    model.metrics.dispose();
  });
});
