/**
 * Pending states on scripted cases with exact times: one buyer places an order at t = 10 s; the
 * payment confirms it 2,050 ms later (no network latency); a reader looks at the order every
 * 300 ms. The reads between 10 s and 12.05 s see it pending, the later ones confirmed (or
 * cancelled); a confirmation that does not come in time cancels the order at the timeout.
 */
import { describe, expect, it } from 'vitest';
import type { PendingSummary } from '../metrics/pending-stats.ts';
import { pendingYaml } from '../test-support/kind-scenarios.ts';
import { runYaml, scenarioProblems } from '../test-support/scenarios.ts';

async function pending(o: Parameters<typeof pendingYaml>[0] = {}): Promise<PendingSummary> {
  const r = await runYaml(pendingYaml(o));
  const s = r.summary.pendingStates;
  expect(s).toHaveLength(1);
  return (s as PendingSummary[])[0];
}

describe('pending states', () => {
  it('reads see the order pending exactly until the confirmation arrives', async () => {
    const s = await pending();
    // orders at 10 s and 20 s (the buyer is answered at once and thinks 10 s), each confirmed
    // 2,050 ms later
    expect(s.created).toBe(2);
    expect(s.confirmed).toBe(2);
    expect(s.cancelled).toBe(0);
    expect(s.pendingMaxMs).toBe(2050);
    // reads every 300 ms see the orders of the last 3.35 s: the first order at 10.2 … 13.2 s
    // (11 reads), the second at 20.1 … 23.1 s (11 reads); 74 reads find none
    expect(s.emptyReads).toBe(74);
    expect(s.reads).toBe(22);
    // pending at 10.2 … 12.0 and 20.1 … 21.9 s: 7 reads each (not at 12.3 nor 22.2 s)
    expect(s.pendingReads).toBe(14);
    expect(s.cancelledReads).toBe(0);
    expect(s.pendingShare).toBeCloseTo(14 / 22, 12);
  });

  it('a refused payment cancels the order; reads then see it cancelled', async () => {
    const s = await pending({ cancels: '100%' });
    expect(s.confirmed).toBe(0);
    expect(s.cancelled).toBe(2);
    expect(s.pendingMaxMs).toBe(2050);
    expect(s.pendingReads).toBe(14);
    expect(s.cancelledReads).toBe(8);
  });

  it('a confirmation that does not come within the timeout cancels the order then', async () => {
    const s = await pending({ timeout: '1s' });
    expect(s.cancelled).toBe(2);
    expect(s.timedOut).toBe(2);
    expect(s.pendingMaxMs).toBe(1000);
  });

  it('an unknown pending state is a located error with did-you-mean', () => {
    const text = scenarioProblems(pendingYaml({ of: 'ordr' }), 'p.yaml');
    expect(text).toContain('services.orders.endpoints.status.steps[0].readPending.of');
    expect(text).toContain('unknown pending state "ordr"; known: order');
    expect(text).toContain('did you mean "order"?');
    expect(text).toMatch(/^p\.yaml:\d+:\d+/);
  });
});
