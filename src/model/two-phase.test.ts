/**
 * Two-phase commit on scripted cases with exact times: one closed user (or two) sending at
 * t = 10 s, no network latency, participants whose prepare takes a fixed time. A coordinator
 * crash between prepare and commit blocks exactly the participants that prepared, for exactly
 * the outage; locks are held from prepare to decision; a second transaction on the same row
 * waits for the first's decision; a participant down or a prepare timeout aborts the rest.
 */
import { describe, expect, it } from 'vitest';
import type { TwoPhaseSummary } from '../metrics/two-phase-stats.ts';
import { crashFault, type TwoPhaseCase, twoPhaseYaml } from '../test-support/kind-scenarios.ts';
import { runYaml } from '../test-support/scenarios.ts';

async function tx(o: TwoPhaseCase): Promise<TwoPhaseSummary> {
  const r = await runYaml(twoPhaseYaml(o));
  const s = r.summary.twoPhaseCommits;
  expect(s).toHaveLength(1);
  return (s as TwoPhaseSummary[])[0];
}

const hold = (s: TwoPhaseSummary) => s.participants.map((p) => p.lockHoldMaxMs);

describe('two-phase commit', () => {
  it('commits when every participant votes yes; each lock is held from prepare to the decision', async () => {
    const s = await tx({});
    // requests at 10 s and 20.1 s (think 10 s after the answer at 10.1 s)
    expect(s.started).toBe(2);
    expect(s.committed).toBe(2);
    expect(s.aborted).toBe(0);
    // every lock taken at the prepare's arrival, released when the decision (at 100 ms) arrives
    expect(hold(s)).toEqual([100, 100, 100]);
    expect(s.participants.map((p) => p.prepared)).toEqual([2, 2, 2]);
    expect(s.durationMaxMs).toBeCloseTo(100, 0);
    // prepare + vote + commit + acknowledgement per participant
    expect(s.messagesPerTransaction).toBe(12);
    expect(s.inDoubt).toBe(0);
    expect(s.blocked).toBe(0);
  });

  it('a coordinator crash between prepare and commit blocks exactly the participants that prepared', async () => {
    // a prepared at 10.010, b at 10.020; front crashes at 10.050; c votes no at 10.100 (its own
    // lock goes at once); front is back at 15.050 and aborts: a and b were locked 5,050 ms
    const s = await tx({
      cFails: '100%',
      faults: crashFault('coordinator-down', 'front', '10050ms'),
    });
    expect(s.inDoubt).toBe(1);
    expect(s.blocked).toBe(2);
    expect(s.participants.map((p) => p.blocked)).toEqual([1, 1, 0]);
    expect(s.participants[0].lockHoldMaxMs).toBe(5050);
    expect(s.participants[1].lockHoldMaxMs).toBe(5050);
    expect(s.participants[2].lockHoldMaxMs).toBe(100);
    expect(s.participants[2].votedNo).toBe(2);
    // the second transaction (at 25.050) aborts on c's no at 100 ms, nobody blocked
    expect(s.started).toBe(2);
    expect(s.aborted).toBe(2);
    expect(s.committed).toBe(0);
    expect(s.blockedTimeMaxMs).toBeCloseTo(5050, -1);
  });

  it('a crash after the decision blocks nobody', async () => {
    const s = await tx({
      faults: crashFault('coordinator-down', 'front', '10150ms'),
    });
    expect(s.inDoubt).toBe(0);
    expect(s.blocked).toBe(0);
    expect(s.committed).toBe(2);
    expect(hold(s)).toEqual([100, 100, 100]);
  });

  it('a participant that is down votes no: the others let go as the abort reaches them', async () => {
    const s = await tx({
      faults: crashFault('c-down', 'c', '5s', '20s'),
    });
    // c refuses at once: the abort goes out at 10.000, before a and b finish preparing; they
    // learn it when their prepare ends (they ask the coordinator) and let go then
    expect(s.aborted).toBe(2);
    expect(s.votedNo).toBe(2);
    expect(hold(s)).toEqual([10, 20, 0]);
    expect(s.participants.map((p) => p.prepared)).toEqual([2, 2, 0]);
  });

  it('a prepare timeout aborts; a hung participant keeps its lock until its prepare ends', async () => {
    const s = await tx({ timeout: '1s', cSleep: '5s' });
    expect(s.timeouts).toBe(2);
    expect(s.aborted).toBe(2);
    // a and b prepared and waited for the decision until the timeout at 1 s
    expect(s.participants[0].lockHoldMaxMs).toBe(1000);
    expect(s.participants[1].lockHoldMaxMs).toBe(1000);
    // c prepared at 5 s, found the transaction aborted, let go
    expect(s.participants[2].lockHoldMaxMs).toBe(5000);
  });

  it('a second transaction on the same row waits for the first one’s decision', async () => {
    const s = await tx({ users: 2, aKeys: true });
    // both send at 10 s; the second prepare at a queues until the first decision at 100 ms
    expect(s.lockWaits).toBe(2);
    expect(s.lockWaitMaxMs).toBeCloseTo(100, 0);
    expect(s.committed).toBe(4);
    // the second one locked a at 10.100 and decided at 10.110 + … : c's 100 ms started at 10 s
    expect(s.participants[0].lockHoldMaxMs).toBe(100);
  });
});
