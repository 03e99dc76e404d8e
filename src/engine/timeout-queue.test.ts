/**
 * Tests of timeout-queue.ts: a pending item times out after the delay, a settled one never; one
 * event is armed at a time, whatever the number of entries.
 */
import { describe, expect, it } from 'vitest';
import { Simulation } from './simulation.ts';
import { TimeoutQueue } from './timeout-queue.ts';

interface Item {
  id: number;
  pending: boolean;
}

describe('TimeoutQueue', () => {
  it('times out a pending item after the delay, and never a settled one', () => {
    const sim = new Simulation();
    const fired: string[] = [];
    const q = new TimeoutQueue<Item>(
      sim,
      10,
      (x) => x.pending,
      (x) => fired.push(`${x.id}@${sim.now}`),
    );
    const a = { id: 1, pending: true };
    const b = { id: 2, pending: true };
    sim.schedule(0, () => q.add(a));
    sim.schedule(3, () => q.add(b));
    sim.schedule(5, () => {
      a.pending = false;
    });
    sim.run();
    expect(fired).toEqual(['2@13']);
  });

  it('keeps one event pending for all its entries', () => {
    const sim = new Simulation();
    const q = new TimeoutQueue<Item>(
      sim,
      100,
      (x) => x.pending,
      () => {},
    );
    for (let i = 0; i < 50; i++) q.add({ id: i, pending: true });
    expect(q.size).toBe(50);
    expect(sim.pending).toBe(1);
  });
});
