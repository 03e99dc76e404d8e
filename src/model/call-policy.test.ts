/**
 * Resilience policies on hand-checkable models: a breaker's transitions over a scripted
 * sequence, retries exactly as configured (and visible as load on the callee), backoff times,
 * the retry budget, the bulkhead, fallbacks, and abandoned work still holding the callee.
 */
import { describe, expect, it } from 'vitest';
import { CallPolicyStats } from '../metrics/call-policy-stats.ts';
import { runYaml } from '../test-support/scenarios.ts';
import { scenarioHead } from '../test-support/yaml.ts';
import { CircuitBreaker } from './call-policy.ts';

const BREAKER = {
  failureRate: 0.5,
  slowCallMs: null,
  slowRate: 1,
  window: 4,
  minCalls: 4,
  openForMs: 1000,
  halfOpenCalls: 2,
};

describe('circuit breaker', () => {
  it('opens at the failure share, half-opens after openFor, closes or reopens on the trials', () => {
    const stats = new CallPolicyStats('s', 'a', 'b');
    const b = new CircuitBreaker(BREAKER, stats);
    const t = 0;
    // three outcomes are not enough (minCalls 4), even all failed
    for (let i = 0; i < 3; i++) {
      expect(b.allow(t)).toBe(true);
      b.record(true, 1, t);
    }
    expect(b.state).toBe(0);
    b.record(false, 1, t); // 3 of 4 failed ≥ 50 %: open
    expect(b.state).toBe(1);
    expect(stats.breakerOpened).toBe(1);
    expect(b.allow(500)).toBe(false); // open for 1000 ms
    expect(b.allow(1000)).toBe(true); // half-open: trial 1
    expect(b.allow(1000)).toBe(true); // trial 2
    expect(b.allow(1000)).toBe(false); // no third trial
    b.record(true, 1, 1010);
    b.record(true, 1, 1020); // both trials failed: open again
    expect(b.state).toBe(1);
    expect(stats.breakerOpened).toBe(2);
    expect(b.allow(2020)).toBe(true);
    expect(b.allow(2020)).toBe(true);
    b.record(false, 1, 2030);
    b.record(false, 1, 2030); // trials succeeded: closed, with an empty window
    expect(b.state).toBe(0);
    b.record(true, 1, 2040);
    b.record(true, 1, 2040);
    b.record(true, 1, 2040);
    expect(b.state).toBe(0); // 3 outcomes only
    expect(stats.openUntil(2030)).toBe(1000 + 1000); // open 0–1000 and 1020–2020
  });

  it('counts slow calls when slowCall is set', () => {
    const stats = new CallPolicyStats('s', 'a', 'b');
    const b = new CircuitBreaker({ ...BREAKER, slowCallMs: 100, slowRate: 0.75 }, stats);
    for (const d of [50, 150, 150, 150]) b.record(false, d, 0);
    expect(b.state).toBe(1);
  });
});

/** front/get calls back/get (with `policy`), back answers after `work`. */
function pair(policy: string, opts: { work?: string; fault?: string; rate?: string } = {}) {
  return `${scenarioHead('policies', 5, '20s')}  users: { rate: ${opts.rate ?? '100/s'}, target: front/get }
services:
  front:
    endpoints:
      get:
        steps:
          - call: back/get
${policy
  .split('\n')
  .map((l) => `            ${l}`)
  .join('\n')}
  back:
    threads: 50
    endpoints:
      get: { steps: [{ sleep: ${opts.work ?? '1ms'} }] }
${opts.fault ? `faults:\n  f: ${opts.fault}` : ''}
`;
}

describe('call policies in the model', () => {
  it('retries exactly as configured, and the callee sees every attempt', async () => {
    const r = await runYaml(
      pair('retry: { attempts: 3, backoff: 10ms, multiplier: 2, jitter: none }', {
        fault: '{ kind: error-rate, target: back, at: 0s, rate: 100% }',
      }),
    );
    const p = r.summary.callPolicies[0];
    expect(p.id).toBe('front/get/0');
    // (a call or two may still be between attempts when the run ends)
    expect(p.attempts).toBeLessThanOrEqual(3 * p.calls);
    expect(p.attempts).toBeGreaterThanOrEqual(3 * p.calls - 4);
    expect(p.retries).toBeGreaterThanOrEqual(2 * p.calls - 2);
    expect(p.amplification).toBeCloseTo(3, 2);
    const back = r.summary.components.find((c) => c.id === 'back');
    expect(back?.arrivals).toBe(p.attempts);
    // no jitter: every failed request takes 0 + 10 + 20 ms of backoff (refusals are instant)
    expect(r.summary.overall.meanLatencyAllMs).toBeCloseTo(30, 6);
    expect(r.summary.overall.perRequest.callsMean).toBe(3); // finished requests made 3 each
  });

  it('a retry budget bounds the retries to a share of the calls', async () => {
    const r = await runYaml(
      pair('retry: { attempts: 5, backoff: 1ms, budget: 10% }', {
        fault: '{ kind: error-rate, target: back, at: 0s, rate: 100% }',
      }),
    );
    const p = r.summary.callPolicies[0];
    // tokens: 10 at the start + 0.1 per call
    expect(p.retries).toBeLessThanOrEqual(Math.ceil(10 + 0.1 * p.calls));
    expect(p.retries).toBeGreaterThanOrEqual(Math.floor(0.1 * p.calls));
    expect(p.retriesDenied).toBeGreaterThan(0);
  });

  it('the breaker opens during an outage and sheds the calls', async () => {
    const r = await runYaml(
      pair(
        'breaker: { failureRate: 50%, window: 20, minCalls: 10, openFor: 2s, halfOpenCalls: 3 }',
        {
          fault: '{ kind: crash, target: back, at: 5s, for: 10s }',
        },
      ),
    );
    const p = r.summary.callPolicies[0];
    expect(p.breakerOpened).toBeGreaterThanOrEqual(4); // reopens every ~2 s of a 10 s outage
    expect(p.shortCircuited).toBeGreaterThan(700);
    expect(p.openFraction).toBeGreaterThan(0.35);
    expect(r.summary.overall.causes.map((c) => c.cause)).toContain(
      'circuit open: front → back/get',
    );
  });

  it('the bulkhead caps the calls in flight and fails the rest at once', async () => {
    // 100/s × 100 ms = 10 calls in flight on average; the bulkhead allows 4
    const r = await runYaml(pair('bulkhead: 4', { work: '100ms' }));
    const p = r.summary.callPolicies[0];
    expect(p.bulkheadRejected).toBeGreaterThan(0.4 * p.calls);
    const back = r.summary.components.find((c) => c.id === 'back');
    expect(back?.utilisation).toBeLessThanOrEqual(4 / 50 + 1e-9);
    expect(r.summary.overall.causes[0].cause).toBe('bulkhead full: front → back/get');
  });

  it('a fallback answers for a failed call and marks the response degraded', async () => {
    const r = await runYaml(
      pair('fallback: { kind: cached, time: 2ms }', {
        fault: '{ kind: crash, target: back, at: 0s }',
      }),
    );
    const o = r.summary.overall;
    expect(o.outcomes.failed).toBe(0);
    expect(o.degraded).toBe(o.outcomes.ok);
    expect(o.latency.p50Ms).toBeCloseTo(2, 1);
    expect(r.summary.callPolicies[0].fallbacks).toBe(o.finished);
  });

  it('an abandoned call keeps the callee busy (the work is not cancelled)', async () => {
    // the caller gives up after 50 ms; the callee still sleeps 200 ms: 100/s × 0.2 s = 20 busy
    const r = await runYaml(pair('timeout: 50ms', { work: '200ms' }));
    const back = r.summary.components.find((c) => c.id === 'back');
    expect(back?.utilisation).toBeCloseTo(20 / 50, 1);
    expect(r.summary.overall.outcomes.timedOut).toBe(r.summary.overall.finished);
  });
});
