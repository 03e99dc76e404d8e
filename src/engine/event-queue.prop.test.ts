/** Property tests of event-queue.ts: any interleaving of pushes and pops matches a stable sort. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EventQueue } from './event-queue.ts';

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
});
