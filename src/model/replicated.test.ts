/**
 * Replicated data on scripted cases with exact times (model/replicated.ts driven directly on a
 * Simulation, sync a constant 10 ms): two copies of one key, updates at set times, then the
 * lost updates, the final values and the reads against the truth; and a theory check of
 * last-write-wins' losses under Poisson updates.
 */
import { describe, expect, it } from 'vitest';
import { RandomStream } from '../engine/index.ts';
import {
  type Merge,
  type ReplicatedRigOptions,
  replicatedRig,
} from '../test-support/model-replicated.ts';

/**
 * Two copies (a = 0, b = 1) of one key, synced after a constant 10 ms, the statistics window
 * open from the start; `o` changes any of that.
 */
const pair = (merge: Merge, o: Partial<ReplicatedRigOptions> = {}) =>
  replicatedRig({ merge, copies: ['orders', 'returns'], sync: 10, ...o });

/** A pair (changed by `o`) where a adds 1 to key 0 at 0 and b adds 1 at `bMs`. */
function twoUpdates(merge: Merge, bMs = 5, o: Partial<ReplicatedRigOptions> = {}) {
  const p = pair(merge, o);
  p.at(0, () => p.data.update(0, 0, 1));
  p.at(bMs, () => p.data.update(1, 0, 1));
  return p;
}

describe('replicated data, scripted (two copies, sync 10 ms)', () => {
  it('lww: a at 0, b at 5 → a’s update is lost (b’s write is later and b had not seen a’s)', () => {
    const { data, values, run } = twoUpdates('lww');
    // a receives b's state at 15 (later: replaces its own); b receives a's at 10 (older: dropped)
    expect(run()).toMatchObject({
      updates: 2,
      lost: 1,
      lostShare: 0.5,
      syncs: 2,
      merges: 1,
      discarded: 1,
    });
    expect([...values(), data.truth(0)]).toEqual([1, 1, 2]);
  });

  it('crdt: the same updates lose none; both copies end at +2', () => {
    const { values, run } = twoUpdates('crdt');
    expect(run()).toMatchObject({ updates: 2, lost: 0, merges: 2 });
    expect(values()).toEqual([2, 2]);
  });

  it.each<Merge>(['lww', 'crdt'])('%s: updates 20 ms apart lose nothing', (merge) => {
    const { values, run } = twoUpdates(merge, 20);
    expect(run().lost).toBe(0);
    expect(values()).toEqual([2, 2]);
  });

  it('crdt: increments and decrements of several copies converge to their sum', () => {
    const { data, at, values, run } = pair('crdt');
    at(0, () => data.update(0, 0, -1));
    at(1, () => data.update(1, 0, 3));
    at(2, () => data.update(0, 0, -1));
    run();
    expect([...values(), data.truth(0)]).toEqual([1, 1, 1]);
  });

  it('lww ties: at the same instant the origin whose name sorts later wins, whatever its place', () => {
    for (const copies of [
      ['orders', 'returns'],
      ['returns', 'orders'],
    ]) {
      const { data, at, values, run } = pair('lww', { copies });
      const orders = copies.indexOf('orders');
      at(0, () => data.update(orders, 0, 1));
      at(0, () => data.update(1 - orders, 0, 5));
      expect(run().lost).toBe(1);
      // returns' +5 won on both copies
      expect(values()).toEqual([5, 5]);
    }
  });

  it('lww: a copy’s own updates are never lost to each other; a later update includes the earlier', () => {
    const { data, at, values, run } = pair('lww');
    at(0, () => data.update(0, 0, 1));
    at(0, () => data.update(0, 0, 1));
    at(3, () => data.update(0, 0, 1));
    expect(run().lost).toBe(0);
    expect(values()).toEqual([3, 3]);
  });

  it('reads: divergent when the copy differs from the truth, with the mean |difference|', () => {
    const { data, at, run } = twoUpdates('lww');
    at(7, () => data.read(0, 0)); // a: 1, truth 2
    at(12, () => data.read(1, 0)); // b: 1 (a's state dropped), truth 2
    at(30, () => data.read(0, 0)); // after the syncs: still 1, the lost update never comes back
    expect(run()).toMatchObject({ reads: 3, divergentReads: 3, meanDivergence: 1 });
    const c = pair('crdt');
    c.at(0, () => c.data.update(0, 0, 1));
    c.at(5, () => c.data.read(1, 0)); // b has not received a's +1 yet
    c.at(11, () => c.data.read(1, 0)); // it arrived at 10
    const t = c.run();
    expect([t.reads, t.divergentReads, t.divergentShare]).toEqual([2, 1, 0.5]);
  });

  it('lww with no sync delay: an update made on a state just received is later, whatever the names', () => {
    // b (whose name sorts later) adds 5 at 10; a receives it at 10, then adds 1 at 10: a's
    // state includes b's change and must win (a timestamp and the names alone kept b's, and the
    // copies stayed at 6 and 5 for good)
    const { sim, data, at, values, run } = pair('lww', { copies: ['a', 'b'], sync: 0 });
    at(10, () => {
      data.update(1, 0, 5);
      sim.schedule(0, () => data.update(0, 0, 1));
    });
    const s = run();
    expect([...values(), data.truth(0)]).toEqual([6, 6, 6]);
    expect(s.lost).toBe(0);
  });

  it('the warm-up cut is exact when an update made before it survives only through a third copy', () => {
    // a adds at 0 (to b in 100 ms, to c in 1); b adds at 0.5 (to a in 1, to c in 100): a takes
    // b's later state and drops its own change, which c already holds; c adds at 2 (a's change
    // and its own). The window opens at 3; c adds at 4, the latest state: a's change survives
    // through c, b's is lost before the window. One update in the window, kept: lost 0
    // (subtracting each copy's own count at the window's start said −1)
    const slow = [100, 1, 1, 100, 100, 100, 100, 100];
    const { data, stats, at, values, run } = pair('lww', {
      copies: ['a', 'b', 'c'],
      sync: slow,
      open: false,
    });
    at(0, () => data.update(0, 0, 1));
    at(0.5, () => data.update(1, 0, 1));
    at(2, () => data.update(2, 0, 1));
    at(3, () => {
      stats.reset(3);
      data.startWindow();
    });
    at(4, () => data.update(2, 0, 1));
    const s = run();
    expect([s.updates, s.lost]).toEqual([1, 0]);
    expect(values()).toEqual([3, 3, 3]);
  });

  it('the warm-up: updates made before it count neither as made nor as lost', () => {
    const { data, stats, at, run } = twoUpdates('lww', 5, { open: false });
    at(1, () => {
      stats.reset(1);
      data.startWindow();
    });
    // a's update (before the window) is lost but not counted; b's is made and kept
    const s = run();
    expect([s.updates, s.lost]).toEqual([1, 0]);
    // and an update made in the window that a later one overwrites is counted
    const p = pair('lww', { open: false });
    p.at(0, () => p.data.update(1, 0, 1));
    p.at(1, () => {
      p.stats.reset(1);
      p.data.startWindow();
    });
    p.at(2, () => p.data.update(0, 0, 1));
    p.at(6, () => p.data.update(1, 0, 1));
    expect([p.run().updates, p.stats.updates - p.stats.included]).toEqual([2, 1]);
  });

  it('the keys are apart: concurrent updates of two keys lose nothing', () => {
    const { data, at, run } = pair('lww', { keys: 2 });
    at(0, () => data.update(0, 0, 1));
    at(5, () => data.update(1, 1, 1));
    expect(run().lost).toBe(0);
    expect([data.value(1, 0), data.value(0, 1)]).toEqual([1, 1]);
  });
});

describe('theory: last-write-wins under Poisson updates', () => {
  // Two copies of one key, each updating it as a Poisson process of rate λ, constant sync D,
  // λD = 0.01. An update is lost when the other copy writes within D after it (that copy had
  // not seen it, and its timestamp is later): to first order P = 1 − e^(−λD) ≈ 0.00995.
  // Chains of concurrent updates (a third write that brings the lost one back, or loses
  // another) change it by O((λD)²) = 1e-4. Tolerance: 4 binomial standard deviations of the
  // share over n ≈ 200,000 updates (√(p(1−p)/n) ≈ 2.2e-4, so 8.9e-4) plus 2 (λD)².
  const lambda = 0.01; // per ms
  const D = 1; // ms
  const untilMs = 10_000_000;

  function poisson(merge: Merge) {
    const { sim, data, run } = pair(merge, { copies: ['a', 'b'], sync: D });
    const rng = new RandomStream('theory', 'updates');
    for (const copy of [0, 1]) {
      const next = (): void => {
        data.update(copy, 0, 1);
        const gap = -Math.log(1 - rng.next()) / lambda;
        if (sim.now + gap < untilMs) sim.schedule(gap, next);
      };
      sim.schedule(-Math.log(1 - rng.next()) / lambda, next);
    }
    return { s: run(), data };
  }

  it('lww loses 1 − e^(−λD) of the updates, within the stated tolerance', () => {
    const { s } = poisson('lww');
    const p = 1 - Math.exp(-lambda * D);
    const sd = Math.sqrt((p * (1 - p)) / s.updates);
    expect(s.updates).toBeGreaterThan(190_000);
    expect(Math.abs(s.lostShare - p)).toBeLessThan(4 * sd + 2 * (lambda * D) ** 2);
  });

  it('the PN-counter loses none, and both copies end at the number of updates', () => {
    const { s, data } = poisson('crdt');
    expect(s.lost).toBe(0);
    expect(data.value(0, 0)).toBe(s.updates);
    expect(data.value(1, 0)).toBe(s.updates);
  });
});
