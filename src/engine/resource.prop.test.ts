/**
 * Property tests of resource.ts: over random requests, releases (some from inside onGrant) and
 * capacity changes, no grant ever exceeds the capacity, grants follow arrival order, and once
 * every holder releases, each queued item has been granted exactly once.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Grant, Resource } from './resource.ts';

type Op =
  | { kind: 'request'; releaseOnGrant: boolean }
  | { kind: 'release'; pick: number }
  | { kind: 'setCapacity'; capacity: number };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({ kind: fc.constant('request' as const), releaseOnGrant: fc.boolean() }),
  },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('release' as const), pick: fc.nat() }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('setCapacity' as const),
      capacity: fc.integer({ min: 0, max: 4 }),
    }),
  },
);

describe('Resource properties', () => {
  it('never grants above capacity, grants in arrival order and grants each queued item once', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }),
        fc.oneof(fc.integer({ min: 0, max: 5 }), fc.constant(Number.POSITIVE_INFINITY)),
        fc.array(opArb, { maxLength: 200 }),
        (capacity, queueCapacity, ops) => {
          const holders = new Set<number>();
          const queuedOrder: number[] = [];
          const grantedFromQueue: number[] = [];
          const releaseOnGrant = new Set<number>();
          const res = new Resource<number>(capacity, queueCapacity, (item) => {
            expect(res.inUse).toBeLessThanOrEqual(res.capacity);
            grantedFromQueue.push(item);
            if (releaseOnGrant.has(item)) res.release();
            else holders.add(item);
          });
          const checkIdle = (): void => {
            expect(res.inUse).toBe(holders.size);
            // work conserving: nobody waits while a slot is free
            if (res.queueLength > 0) expect(res.inUse).toBeGreaterThanOrEqual(res.capacity);
            expect(res.queueLength).toBeLessThanOrEqual(queueCapacity);
          };
          let nextItem = 0;
          for (const op of ops) {
            if (op.kind === 'request') {
              const item = nextItem++;
              if (op.releaseOnGrant) releaseOnGrant.add(item);
              const g = res.request(item);
              if (g === Grant.granted) {
                expect(res.inUse).toBeLessThanOrEqual(res.capacity);
                holders.add(item);
              } else if (g === Grant.queued) {
                queuedOrder.push(item);
              }
            } else if (op.kind === 'release') {
              if (holders.size === 0) continue;
              const item = [...holders][op.pick % holders.size];
              holders.delete(item);
              res.release();
            } else {
              res.setCapacity(op.capacity);
            }
            checkIdle();
          }
          // drain: every holder eventually releases, with at least one slot available
          if (res.capacity < 1) res.setCapacity(1);
          while (holders.size > 0) {
            const item = holders.values().next().value as number;
            holders.delete(item);
            res.release();
            checkIdle();
          }
          expect(res.queueLength).toBe(0);
          expect(res.inUse).toBe(0);
          expect(grantedFromQueue).toEqual(queuedOrder);
        },
      ),
      { seed: 424242, numRuns: 300 },
    );
  });
});
