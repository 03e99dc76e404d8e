/**
 * A rate limit (token bucket) in front of a service: over a long run the admitted rate is the
 * bucket's rate, the rest is rejected at once with a 429 cause; under the limit nothing is.
 */
import { describe, expect, it } from 'vitest';
import { runYaml } from '../test-support/scenarios.ts';
import { TokenBucket } from './service.ts';

const gateway = (rate: string) => `
version: 1
name: limited
seed: 2
duration: 60s
workloads:
  users: { rate: ${rate}, target: gateway/get }
services:
  gateway:
    rateLimit: { rate: 100/s, burst: 10 }
    endpoints:
      get: { steps: [{ cpu: 1ms }] }
`;

describe('rate limit', () => {
  it('a bucket refills continuously up to its burst', () => {
    const b = new TokenBucket(0.1, 2); // 100/s, burst 2
    expect([b.take(0), b.take(0), b.take(0)]).toEqual([true, true, false]);
    expect(b.take(5)).toBe(false); // half a token
    expect(b.take(10)).toBe(true); // one token after 10 ms
    expect([b.take(1000), b.take(1000), b.take(1000)]).toEqual([true, true, false]); // capped at 2
  });

  it('admits the bucket rate and rejects the rest with a 429', async () => {
    const r = await runYaml(gateway('300/s'));
    const o = r.summary.overall;
    // admitted = 100/s × 60 s + the initial burst of 10; Poisson arrivals at 3× the rate
    // almost never leave the bucket full, so the bound is tight
    expect(o.outcomes.ok).toBeLessThanOrEqual(6010);
    expect(o.outcomes.ok).toBeGreaterThan(5900);
    expect(o.outcomes.rejected).toBe(o.finished - o.outcomes.ok);
    expect(o.causes[0].cause).toBe('rate limited: gateway (429)');
  });

  it('lets a load under the limit through', async () => {
    const r = await runYaml(gateway('50/s'));
    expect(r.summary.overall.errorRate).toBe(0);
  });
});
