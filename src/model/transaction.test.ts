/**
 * Locking checked against queueing theory on one hot row: a pessimistic lock held for a
 * constant time D by Poisson arrivals is an M/D/1 queue (lock waits follow Pollaczek–Khinchine),
 * and failing fast instead is an Erlang loss system with one server (Erlang B). Optimistic
 * transactions never wait; their conflicts run the compensations and retries exactly as
 * counted; a failure inside a transaction releases its lock.
 */
import { describe, expect, it } from 'vitest';
import { runYaml } from '../test-support/scenarios.ts';

/** One row (`size: 1`), transactions holding it for exactly `hold` (a sleep inside). */
function yaml(o: { tx: string; rate: string; hold?: string; duration?: string; faults?: string }) {
  return `
version: 1
name: locks
seed: 8
duration: ${o.duration ?? '200s'}
warmup: 10s
workloads:
  w: { rate: ${o.rate}, target: shop/buy }
services:
  shop:
    threads: 1000
    endpoints:
      buy:
        steps:
          - transaction:
              keys: row
              ${o.tx}
              steps:
                - call: other/work
              compensate:
                - call: other/undo
  other:
    threads: 1000
    endpoints:
      work: { steps: [{ sleep: ${o.hold ?? '10ms'} }] }
      undo: { steps: [{ sleep: 1ms }] }
keys:
  row: { size: 1, owner: shop }
${o.faults ?? ''}
`;
}

/** Runs `yaml(o)` with the transaction's settings `tx` (one per line): the run and its transaction. */
async function runLocks(tx: string[], o: { rate: string; duration?: string; faults?: string }) {
  const r = await runYaml(yaml({ ...o, tx: tx.join('\n              ') }));
  return { r, t: r.summary.transactions[0] };
}

describe('pessimistic locks', () => {
  it('queue like M/D/1: mean lock wait = ρD / (2(1 − ρ)) (Pollaczek–Khinchine)', async () => {
    // λ = 50/s, D = 10 ms: ρ = 0.5, Wq = 0.5 × 10 / (2 × 0.5) = 5 ms
    const { t } = await runLocks(['locking: pessimistic', 'lockWait: 10s'], { rate: '50/s' });
    expect(t.started).toBeGreaterThan(9000);
    expect(t.failed).toBe(0);
    // ~9,500 transactions: the mean of M/D/1 waits has a relative standard error of ~5 % here
    expect(t.lockWaitMeanMs).toBeGreaterThan(5 * 0.85);
    expect(t.lockWaitMeanMs).toBeLessThan(5 * 1.15);
    // P(wait) = ρ (PASTA)
    expect(t.lockWaits / t.started).toBeCloseTo(0.5, 1);
  });

  it('failing fast loses like Erlang B with one server: B = a / (1 + a)', async () => {
    // a = λD = 0.5: B = 1/3, whatever the hold-time distribution (insensitivity)
    const { r, t } = await runLocks(['locking: pessimistic', 'lockWait: 0'], { rate: '50/s' });
    const b = t.lockTimeouts / t.started;
    const n = t.started;
    expect(Math.abs(b - 1 / 3)).toBeLessThan(4 * Math.sqrt(((1 / 3) * (2 / 3)) / n) + 0.01);
    expect(t.failed).toBe(t.lockTimeouts);
    expect(r.summary.overall.causes[0].cause).toBe('lock busy: shop/buy/0 (failed fast)');
  });

  it('release the lock when the work inside fails', async () => {
    const { t } = await runLocks(['locking: pessimistic', 'lockWait: 10s'], {
      rate: '20/s',
      duration: '60s',
      faults:
        'faults:\n  broken: { kind: error-rate, target: other, rate: 100%, at: 20s, for: 5s }',
    });
    expect(t.failed).toBeGreaterThan(50); // the 5 s of errors
    // after the fault, transactions commit again: nobody kept the lock
    expect(t.committed).toBeGreaterThan(0.85 * t.started - t.failed);
    expect(t.lockTimeouts).toBe(0);
  });
});

describe('optimistic transactions', () => {
  it('never wait, find conflicts at commit, compensate and retry', async () => {
    const { r, t } = await runLocks(['locking: optimistic', 'retries: 2'], { rate: '50/s' });
    expect(t.lockWaits).toBe(0);
    expect(t.conflicts).toBeGreaterThan(1000);
    expect(t.compensations).toBe(t.conflicts);
    // a conflict is retried unless it was the third attempt's
    expect(t.conflicts).toBe(t.retries + t.failed);
    // each conflict runs other/undo once
    const undo = r.summary.serviceEndpoints.find(
      (v) => v.component === 'other' && v.name === 'undo',
    );
    expect(Math.abs((undo?.visits ?? 0) - t.compensations)).toBeLessThanOrEqual(2);
    expect(r.summary.overall.causes[0].cause).toBe(
      'version conflict: shop/buy/0 (after 2 retries)',
    );
  });
});
