/**
 * Reused requests (model/request-pool.ts): which entries take the pool, that a reused request
 * is a fresh one field by field, and that a model gives the same results with the pool as
 * without it (ModelOptions.fastPaths false), on the models it applies to.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { prepareHistograms } from '../metrics/histogram.ts';
import { scenarioFromYaml } from '../test-support/scenarios.ts';
import { Request, StepKind, StepRuntime } from './frame.ts';
import { Model } from './model.ts';
import { POOL_LIMIT, RequestPool, type ReuseFacts, reusesRequests } from './request-pool.ts';
import { runScenario } from './run.ts';
import type { EntryRuntime } from './workload.ts';

const cpu = new StepRuntime(StepKind.cpu);
const sleep = new StepRuntime(StepKind.sleep);

/** The facts of M/M/1: every condition for reuse holds. */
const MM1: ReuseFacts = {
  fastPaths: true,
  scenario: { faults: [] },
  traced: false,
  maxInstances: 1,
  timeoutMs: Number.POSITIVE_INFINITY,
  steps: [cpu],
};

describe('which entries reuse their requests', () => {
  it('an entry whose steps are cpu and sleep only, with nothing else in the way, does', () => {
    expect(reusesRequests(MM1)).toBe(true);
    expect(reusesRequests({ ...MM1, steps: [cpu, sleep, cpu] })).toBe(true);
  });

  it('anything that could keep a request past its answer turns it off', () => {
    const off: [string, Partial<ReuseFacts>][] = [
      ['fast paths off', { fastPaths: false }],
      ['traced', { traced: true }],
      ['a fault', { scenario: { faults: [{} as never] } }],
      ['two instances (or autoscaling to two)', { maxInstances: 2 }],
      ['a client timeout', { timeoutMs: 1000 }],
      ['a call', { steps: [cpu, new StepRuntime(StepKind.call)] }],
      ['a query', { steps: [new StepRuntime(StepKind.query)] }],
      ['a parallel step', { steps: [new StepRuntime(StepKind.parallel)] }],
      [
        'another kind (a credential check, a trace marker)',
        { steps: [new StepRuntime(StepKind.handler), cpu] },
      ],
    ];
    for (const [what, change] of off)
      expect(reusesRequests({ ...MM1, ...change }), what).toBe(false);
  });
});

/** A two-stage model of the kinds the pool covers, in YAML (`workload` replaces the workload). */
const scenario = (workload: string, extra = '') => `
version: 1
name: pool
seed: 7
duration: 40s
warmup: 5s
workloads:
${workload}
services:
  server:
    threads: 2
    queueCapacity: 6
    endpoints:
      serve:
        steps:
          - cpu: { dist: exponential, mean: 3ms }
          - sleep: { dist: uniform, min: 1ms, max: 2ms }
          - cpu: { dist: lognormal, median: 1ms, sigma: 0.5 }
      quick:
        steps:
          - cpu: 1ms
${extra}`;

const OPEN = '  arrivals: { rate: 550/s, mix: { server/serve: 3, server/quick: 1 } }';
const CLOSED =
  '  users: { users: 12, thinkTime: { dist: exponential, mean: 20ms }, target: server/serve }';

/** The whole result of a run (summary, series, distributions) as JSON, maps as their entries. */
async function resultOf(text: string, fastPaths: boolean): Promise<string> {
  const result = await runScenario(scenarioFromYaml(text), { fastPaths });
  const json = JSON.stringify(result, (_, v) => (v instanceof Map ? [...v] : v));
  expect(json).toContain('"overall",[{"second":0'); // the series are in
  return json;
}

describe('a model gives the same results with reused requests as without', () => {
  afterEach(() => vi.restoreAllMocks());

  it.each([
    ['open workload, two entries, a bounded queue that rejects', scenario(OPEN)],
    ['closed workload', scenario(CLOSED)],
    [
      'rate-limited service',
      scenario(OPEN).replace('    threads: 2', '    threads: 2\n    rateLimit: { rate: 400/s }'),
    ],
  ])('%s', async (_, text) => {
    const reuse = vi.spyOn(Request.prototype, 'reuse');
    const on = await resultOf(text, true);
    // the pool was in use: most requests were reused objects
    expect(reuse.mock.calls.length).toBeGreaterThan(10_000);
    reuse.mockClear();
    const off = await resultOf(text, false);
    expect(reuse).not.toHaveBeenCalled();
    expect(on).toBe(off);
  });

  it('a model the pool does not cover builds no pool (a client timeout)', async () => {
    await prepareHistograms();
    const text = scenario(OPEN.replace('arrivals: {', 'arrivals: { timeout: 50ms,'));
    const attach = vi.spyOn(RequestPool.prototype, 'attach');
    const reuse = vi.spyOn(Request.prototype, 'reuse');
    const model = new Model(scenarioFromYaml(text));
    model.run();
    model.metrics.dispose();
    expect(attach).not.toHaveBeenCalled();
    expect(reuse).not.toHaveBeenCalled();
  });
});

describe('a reused request', () => {
  it('is a fresh request of its entry, field by field, whatever its journey left in it', async () => {
    await prepareHistograms();
    const model = new Model(scenarioFromYaml(scenario(CLOSED)));
    const entry = {
      endpoint: model.endpoint('server', 'serve', 'test'),
      hopBack: model.zeroHop(),
      warmupMs: 0,
      onFinish: null,
      pool: null,
    } as unknown as EntryRuntime;
    const used = new Request(entry, 5);
    // what a journey (and a failure) writes
    used.pc = 3;
    used.error = 2;
    used.cause = 'rejected: server queue full';
    used.workMs = 4; // creates the aside record
    used.callCount = 2; // creates the work record
    used.pending = 1;
    used.rows = 9;
    used.sinceMs = 1.5;
    used.instance = model.services.get('server')?.instances[0] ?? null;
    used.arrivalMs = 7.25;
    used.callerWaiting = false;
    used.replyHop = null;
    used.finished = true;
    used.reuse(42.5);
    const fresh = new Request(entry, 42.5);
    expect(Object.keys(used)).toEqual(Object.keys(fresh));
    for (const k of Object.keys(fresh))
      expect((used as unknown as Record<string, unknown>)[k], k).toBe(
        (fresh as unknown as Record<string, unknown>)[k],
      );
    model.metrics.dispose();
  });

  it('comes from the pool last in, first out, and the pool keeps at most POOL_LIMIT', () => {
    const entry = { endpoint: { steps: [] }, hopBack: null } as unknown as EntryRuntime;
    const pool = new RequestPool();
    const a = pool.take(entry, 1);
    const b = pool.take(entry, 2);
    expect(a).not.toBe(b);
    pool.give(a);
    pool.give(b);
    expect(pool.size).toBe(2);
    expect(pool.take(entry, 3)).toBe(b);
    expect(b.sentMs).toBe(3);
    expect(pool.take(entry, 4)).toBe(a);
    expect(pool.take(entry, 5)).not.toBe(a);
    for (let i = 0; i < POOL_LIMIT + 10; i++) pool.give(new Request(entry, i));
    expect(pool.size).toBe(POOL_LIMIT);
  });

  it('goes back to the pool after what the workload runs on an answer', () => {
    const pool = new RequestPool();
    const seen: number[] = [];
    // a closed workload's next think time: the request is not in the pool yet
    const entry = {
      endpoint: { steps: [] },
      onFinish: () => seen.push(pool.size),
      pool: null,
    } as unknown as EntryRuntime;
    pool.attach(entry);
    entry.onFinish?.(new Request(entry, 0), 0);
    expect(seen).toEqual([0]);
    expect(pool.size).toBe(1);
    expect(entry.pool).toBe(pool);
    // an open workload's entry (no onFinish of its own): the pool's give itself
    const open = { onFinish: null, pool: null } as unknown as EntryRuntime;
    pool.attach(open);
    expect(open.onFinish).toBe(pool.give);
  });
});
