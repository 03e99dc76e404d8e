/** Property tests of event-queue.ts: any interleaving of pushes and pops matches a stable sort. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EventQueue, FRONT_MAX } from './event-queue.ts';

type Op = { kind: 'push'; timeMs: number; priority: number } | { kind: 'pop' };

// few distinct times and priorities so that ties are common
const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    kind: fc.constant('push' as const),
    timeMs: fc.integer({ min: 0, max: 5 }),
    priority: fc.integer({ min: 0, max: 2 }),
  }),
  fc.constant({ kind: 'pop' as const }),
);

/** Three distinct handlers: an event's handler must come back with its argument. */
const handlers = [(): void => {}, (): void => {}, (): void => {}];

describe('EventQueue properties', () => {
  it('pops the same sequence as a stable sort on (time, priority) of the pending events, each with its handler', () => {
    fc.assert(
      fc.property(
        fc.array(opArb, { maxLength: 300 }),
        fc.integer({ min: 0, max: 8 }),
        (ops, initialCapacity) => {
          const q = new EventQueue(initialCapacity);
          // reference: pending events in insertion order; a pop takes the first minimum, which is
          // what a stable sort by (time, priority) would put first
          let pending: { timeMs: number; priority: number; id: number }[] = [];
          const popped: number[] = [];
          const expected: number[] = [];
          let nextId = 0;
          const popReference = (): void => {
            const sorted = [...pending].sort(
              (a, b) => a.timeMs - b.timeMs || a.priority - b.priority,
            );
            const first = sorted[0];
            expected.push(first.id);
            pending = pending.filter((e) => e !== first);
          };
          // the queue's pop, checking that the handler is the one pushed with that argument
          const popOne = (): void => {
            const id = q.pop() as number;
            expect(q.poppedHandler).toBe(handlers[id % 3]);
            popped.push(id);
            popReference();
          };
          for (const op of ops) {
            if (op.kind === 'push') {
              const id = nextId++;
              q.push(op.timeMs, op.priority, handlers[id % 3], id);
              pending.push({ timeMs: op.timeMs, priority: op.priority, id });
            } else if (q.size > 0) popOne();
          }
          while (q.size > 0) popOne();
          expect(popped).toEqual(expected);
          expect(pending).toEqual([]);
        },
      ),
      { seed: 20240601, numRuns: 300 },
    );
  });
  it('pops in (time, priority, schedule) order with events in the list, in the heap, or both', () => {
    // runs of pushes then runs of pops, long enough to fill the list and spill into the heap
    const phaseArb = fc.record({
      pushes: fc.integer({ min: 0, max: 3 * FRONT_MAX }),
      pops: fc.integer({ min: 0, max: 3 * FRONT_MAX }),
    });
    // the states seen over all runs (each must happen, or the test shows less than it says)
    const seen = new Set<string>();
    const look = (q: EventQueue): void => {
      const list = q.listSize;
      const heap = q.size - list;
      if (list === FRONT_MAX) seen.add('list full');
      if (list > 0 && heap > 0) seen.add('list and heap');
      if (list === 0 && heap > 0) seen.add('heap alone');
    };
    fc.assert(
      fc.property(
        fc.array(phaseArb, { minLength: 1, maxLength: 8 }),
        fc.array(fc.integer({ min: 0, max: 40 }), { minLength: 1, maxLength: 64 }),
        (phases, delays) => {
          const q = new EventQueue(4);
          // reference: the pending events sorted by (time, priority, id) at each pop
          const pending: { timeMs: number; priority: number; id: number }[] = [];
          let now = 0;
          let nextId = 0;
          const popOne = (): void => {
            pending.sort((a, b) => a.timeMs - b.timeMs || a.priority - b.priority || a.id - b.id);
            const first = pending.shift() as { timeMs: number; id: number };
            expect(q.peekTime()).toBe(first.timeMs);
            expect(q.pop()).toBe(first.id);
            expect(q.poppedHandler).toBe(handlers[first.id % 3]);
            expect(q.poppedTime).toBe(first.timeMs);
            now = first.timeMs;
          };
          for (const { pushes, pops } of phases) {
            for (let i = 0; i < pushes; i++) {
              const id = nextId++;
              // times never go back (as in a run), with ties at a few distinct delays
              const timeMs = now + delays[id % delays.length];
              const priority = id % 2;
              q.push(timeMs, priority, handlers[id % 3], id);
              pending.push({ timeMs, priority, id });
              look(q);
            }
            for (let i = 0; i < pops && q.size > 0; i++) popOne();
            look(q);
            expect(q.size).toBe(pending.length);
          }
          while (q.size > 0) popOne();
          expect(pending).toEqual([]);
          expect(q.peekTime()).toBe(Number.POSITIVE_INFINITY);
          return true;
        },
      ),
      { seed: 20261207, numRuns: 200 },
    );
    expect([...seen].sort()).toEqual(['heap alone', 'list and heap', 'list full']);
  });
});
