/**
 * Replications, confidence intervals and paired comparisons on real runs: the CI of the M/M/1
 * mean time in system covers the exact value, common random numbers give variants the same
 * arrivals, pairing narrows the interval of a difference, and the outputs carry the bounds;
 * the session key metrics (on made-up SessionSummary figures).
 */
import { describe, expect, it } from 'vitest';
import type { RunSummary } from '../metrics/summary.ts';
import { estimate } from '../stats/index.ts';
import { replicate } from '../test-support/replicate.ts';
import { workThenQuery } from '../test-support/scenarios.ts';
import { fakeSessionSummary, tinyResults, withSessions } from '../test-support/sessions.ts';
import { compareVariants, estimateMetrics, keyMetricValues, signedPercent } from './estimates.ts';
import { SESSION_METRICS } from './features/sessions/session-metrics.ts';
import { buildOutputs } from './outputs.ts';
import { buildReportData } from './report-data.ts';
import { formatSummary } from './table.ts';

/** front/get: 8 threads, ~1 ms of work, then a query of db (4 connections, ~2 ms). */
const FRONT_AND_DB = workThenQuery({
  service: 'front',
  threads: 8,
  endpoint: 'get',
  cpuMs: 1,
  db: 'db',
  rows: 1,
  connections: 4,
  queryMs: 2,
});

const TWO_DESIGNS = `
version: 1
name: two-designs
seed: 7
duration: 12s
warmup: 2s
workloads:
  arrivals: { rate: 400/s, target: front/get }
services:
${FRONT_AND_DB}
variants:
  slow-db: {}
  fast-db:
    set: { databases.db.queryTime: { dist: exponential, mean: 1ms } }
`;

describe('replications', () => {
  it('the 95 % CI of the M/M/1 mean time in system covers W = 1/(μ − λ)', async () => {
    // M/M/1 with λ = 0.8/ms, μ = 1/ms: W = 1/(μ − λ) = 5 ms (Kleinrock, Queueing Systems I,
    // eq. 3.26). Five replications of 60 s after a 5 s warm-up; the interval must contain 5 ms
    // and be tight (half-width < 10 % of W), or the replications are not independent/unbiased.
    const mm1 = `
version: 1
name: mm1
seed: 3
duration: 65s
warmup: 5s
workloads:
  arrivals: { rate: 800/s, target: server/serve }
services:
  server:
    threads: 1
    endpoints:
      serve:
        steps:
          - cpu: { dist: exponential, mean: 1ms }
`;
    const results = await replicate(mm1, 'test.yaml', 5);
    const reps = results.replications as RunSummary[][];
    const seeds = reps[0].map((s) => s.scenario.seed);
    expect(seeds).toEqual([3, '3/2', '3/3', '3/4', '3/5']);
    const w = estimateMetrics(reps[0]).find((e) => e.key === 'overall||meanMs');
    expect(w).toBeDefined();
    const e = w!.estimate;
    expect(e.n).toBe(5);
    expect(e.lo as number).toBeLessThanOrEqual(5);
    expect(e.hi as number).toBeGreaterThanOrEqual(5);
    expect(e.halfWidth as number).toBeLessThan(0.5);
    // distinct seeds give distinct replications
    expect(new Set(w!.values).size).toBe(5);
  }, 30_000);

  it('common random numbers: replication r of every variant sees the same arrivals', async () => {
    const results = await replicate(TWO_DESIGNS, 'test.yaml', 4);
    const [slow, fast] = results.replications as RunSummary[][];
    for (let r = 0; r < 4; r++) expect(fast[r].overall.arrivals).toBe(slow[r].overall.arrivals);
    expect(new Set(slow.map((s) => s.overall.arrivals)).size).toBeGreaterThan(1);
  });

  it('pairing narrows the interval of a difference and finds it significant', async () => {
    const results = await replicate(TWO_DESIGNS, 'test.yaml', 5);
    const reps = results.replications as RunSummary[][];
    const [cmp] = compareVariants(['slow-db', 'fast-db'], reps);
    expect(cmp.baseline).toBe('slow-db');
    const p99 = cmp.metrics.find((m) => m.key === 'overall||p99Ms')!;
    expect(p99.difference.significant).toBe(true);
    expect(p99.better).toBe(true);
    expect(p99.difference.diff.mean).toBeLessThan(0);
    expect(p99.sentence).toMatch(
      /^fast-db: p99 −\d+\.\d % vs slow-db, 95 % CI \[−\d+\.\d %, −\d+\.\d %\]$/,
    );
    // the unpaired interval (independent samples, Welch-style half-widths added) is wider
    const slowMean = estimate(reps[0].map((s) => s.overall.latency.meanMs));
    const fastMean = estimate(reps[1].map((s) => s.overall.latency.meanMs));
    const paired = cmp.metrics.find((m) => m.key === 'overall||meanMs')!.difference.diff;
    expect(paired.halfWidth as number).toBeLessThan(
      Math.hypot(slowMean.halfWidth as number, fastMean.halfWidth as number),
    );
    // arrivals are identical, so the throughput difference is tiny and the words say so
    const thr = cmp.metrics.find((m) => m.key === 'overall||throughputPerSec')!;
    expect(Math.abs(thr.difference.relative!.mean)).toBeLessThan(0.01);
  }, 30_000);

  it('one replication gives means without intervals, and says so once, not per metric', async () => {
    const results = await replicate(TWO_DESIGNS, 'test.yaml', 1);
    const [cmp] = compareVariants(['slow-db', 'fast-db'], results.replications!);
    const p99 = cmp.metrics.find((m) => m.key === 'overall||p99Ms')!;
    expect(p99.difference.significant).toBeNull();
    expect(p99.sentence).toMatch(/^fast-db: p99 −\d+\.\d % vs slow-db$/);
    const text = formatSummary(results);
    expect(text).not.toContain('replications: mean ±');
    expect(text.match(/One replication: no confidence intervals/g)).toHaveLength(1);
    expect(text).not.toContain('no confidence interval)');
  });

  it('summary.json, estimates.csv and differences.csv carry the bounds', async () => {
    const results = await replicate(TWO_DESIGNS, 'test.yaml', 3);
    const files = buildOutputs(results);
    const summary = JSON.parse(files.get('summary.json') as string);
    expect(summary.replications).toBe(3);
    expect(summary.seeds).toEqual([7, '7/2', '7/3']);
    const p99 = summary.runs[1].estimates.find((e: { key: string }) => e.key === 'overall||p99Ms');
    expect(p99.estimate.lo).toBeLessThan(p99.estimate.mean);
    expect(p99.estimate.hi).toBeGreaterThan(p99.estimate.mean);
    expect(summary.comparisons[0].variant).toBe('fast-db');
    const est = (files.get('estimates.csv') as string).split('\n');
    expect(est[0]).toBe('variant,scope,id,metric,n,mean,sd,lo,hi');
    expect(est.some((l) => /^fast-db,overall,,p99Ms,3,[\d.]+,[\d.]+,[\d.]+,[\d.]+$/.test(l))).toBe(
      true,
    );
    const diff = (files.get('differences.csv') as string).split('\n');
    expect(diff[0]).toContain('diffLo,diffHi,relativeMean');
    expect(
      diff.some((l) => l.startsWith('fast-db,slow-db,overall,,p99Ms,3,') && l.endsWith(',true')),
    ).toBe(true);
    const table = formatSummary(results);
    expect(table).toContain('■ 3 replications: mean ± half-width of the 95 % confidence interval');
    expect(table).toMatch(/• fast-db: p99 −/);
    // the report data holds the same comparisons, rounded
    const data = buildReportData(results);
    expect(data.replications).toBe(3);
    expect(data.comparisons[0].metrics.length).toBeGreaterThan(5);
    expect(data.variants[0].distributions.overall.at(-1)?.p).toBe(100);
  }, 30_000);

  it('key metrics cover overall, components and skip what a run lacks', async () => {
    const results = await replicate(TWO_DESIGNS, 'test.yaml', 1);
    const keys = keyMetricValues(results.runs[0].summary).map((k) => k.metric.key);
    expect(keys).toContain('overall||p99Ms');
    expect(keys).toContain('component|db|utilisation');
    expect(keys).not.toContain('overall||cacheHitRatio'); // no caches
    expect(keys).not.toContain('endpoint|front/get|p99Ms'); // one endpoint: overall says it
  });

  it('formats signed percentages with a real minus sign', () => {
    expect(signedPercent(-0.6312)).toBe('−63.1 %');
    expect(signedPercent(0.05)).toBe('+5.0 %');
    expect(signedPercent(0)).toBe('0.0 %');
  });
});

describe('session key metrics', () => {
  const sessionValues = (s: RunSummary) =>
    Object.fromEntries(
      keyMetricValues(s)
        .filter((k) => k.metric.scope === 'sessions')
        .map((k) => [k.metric.metric, k.value]),
    );

  it('are absent from runs without logged-in users', async () => {
    const results = await tinyResults();
    expect(sessionValues(results.runs[0].summary)).toEqual({});
  });

  it('read every figure from the SessionSummary, rates per second of the window', async () => {
    const results = withSessions(await tinyResults(), () => fakeSessionSummary());
    const s = results.runs[0].summary;
    expect(s.windowMs).toBe(2000);
    expect(sessionValues(s)).toEqual({
      revocationDelayMaxMs: 900,
      acceptedAfterRevocation: 13,
      sessionsLost: 21,
      unauthorized: 16,
      storeOpsPerSec: 90,
      idpCallsPerSec: 17.5, // (10 issues + 20 resolves + 5 syncs) / 2 s
      replicationMessagesPerSec: 30,
      authTimeMeanMs: 1.5,
      memoryBytesPerInstance: 2048, // api's, the larger of api and orders
    });
    const keys = keyMetricValues(s).filter((k) => k.metric.scope === 'sessions');
    expect(keys.map((k) => k.metric.key)).toEqual(
      SESSION_METRICS.metrics.map((d) => `sessions||${d.metric}`),
    );
    expect(keys.every((k) => k.metric.lowerIsBetter === true && k.metric.id === '')).toBe(true);
    expect(keys.find((k) => k.metric.metric === 'memoryBytesPerInstance')?.metric.unit).toBe(
      'bytes',
    );
  });

  it('compare variants replication by replication, lower being better', async () => {
    // the store variant resolves every token at the IdP: more IdP calls, but no late revocation
    const results = withSessions(await tinyResults(3), (v, r) =>
      v === 0
        ? fakeSessionSummary({ idp: { issues: 10 + r, resolves: 0, syncs: 0, syncFailures: 0 } })
        : fakeSessionSummary({
            idp: { issues: 10 + r, resolves: 400 + 10 * r, syncs: 0, syncFailures: 0 },
            revocation: { ...fakeSessionSummary().revocation, delayMaxMs: 0, acceptedAfter: 0 },
          }),
    );
    const reps = results.replications as RunSummary[][];
    const idp = estimateMetrics(reps[1]).find((e) => e.key === 'sessions||idpCallsPerSec');
    expect(idp?.values).toEqual([205, 210.5, 216]); // (10 + r + 400 + 10r) / 2 s
    expect(idp?.estimate.lo).toBeLessThan(210.5);
    const [cmp] = compareVariants(['sticky', 'store'], reps);
    const by = (metric: string) => cmp.metrics.find((m) => m.key === `sessions||${metric}`);
    expect(by('idpCallsPerSec')?.better).toBe(false);
    expect(by('idpCallsPerSec')?.difference.significant).toBe(true);
    expect(by('revocationDelayMaxMs')?.better).toBe(true);
    expect(by('revocationDelayMaxMs')?.sentence).toMatch(/^store: revocation delay max −100\.0 %/);
    expect(by('sessionsLost')?.better).toBeNull(); // the same in both
  });
});
