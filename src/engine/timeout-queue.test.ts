/**
 * Tests of timeout-queue.ts: a pending item times out after the delay, a settled one never; one
 * event is armed at a time; and dropping settled entries at every add (items settled for good)
 * changes nothing that happens: the same timeouts fire at the same times, and the queue's own
 * events are scheduled at the same times in the same order.
 */
import fc from 'fast-check';
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
      true,
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

  it('drops settled entries at each add when items settle for good, not otherwise', () => {
    const sim = new Simulation();
    const make = (forGood: boolean) =>
      new TimeoutQueue<Item>(
        sim,
        100,
        (x) => x.pending,
        () => {},
        forGood,
      );
    const eager = make(true);
    const lazy = make(false);
    for (let i = 0; i < 10; i++) {
      const x = { id: i, pending: true };
      eager.add(x);
      lazy.add(x);
      x.pending = false;
    }
    // the first entry armed the event while pending; the others settled before the next add
    expect(eager.size).toBe(1);
    expect(lazy.size).toBe(10);
  });

  it('fires the same timeouts at the same times, with its events in the same order, whether settled entries go at each add or not', () => {
    // ops at integer times (ties are common): add a new item, settle the k-th oldest item
    const opArb = fc.record({
      at: fc.integer({ min: 0, max: 60 }),
      add: fc.boolean(),
      k: fc.nat({ max: 8 }),
    });
    fc.assert(
      fc.property(
        fc.array(opArb, { maxLength: 120 }),
        fc.integer({ min: 0, max: 12 }),
        (ops, delay) => {
          /** The run's log: every timeout fired and every event the queue scheduled, in order. */
          const run = (dropOnAdd: boolean): string[] => {
            const sim = new Simulation();
            const log: string[] = [];
            const scheduleAt = sim.scheduleAt.bind(sim);
            sim.scheduleAt = (t, h, arg, p) => {
              log.push(`armed ${t} at ${sim.now}`);
              scheduleAt(t, h, arg, p);
            };
            const items: Item[] = [];
            const q = new TimeoutQueue<Item>(
              sim,
              delay,
              (x) => x.pending,
              (x) => {
                x.pending = false;
                log.push(`timed out ${x.id} at ${sim.now}`);
                // a timeout that starts another timed wait at once, as a caller's next call does
                if (x.id % 3 === 0) {
                  const y = { id: items.length, pending: true };
                  items.push(y);
                  q.add(y);
                }
              },
              dropOnAdd,
            );
            for (const op of ops)
              sim.schedule(op.at, () => {
                if (op.add) {
                  const x = { id: items.length, pending: true };
                  items.push(x);
                  q.add(x);
                } else {
                  const open = items.filter((x) => x.pending);
                  if (open.length > 0) open[op.k % open.length].pending = false;
                }
                log.push(`op at ${sim.now}`);
              });
            sim.run();
            return log;
          };
          expect(run(true)).toEqual(run(false));
        },
      ),
      { seed: 20261207, numRuns: 300 },
    );
  });
});
