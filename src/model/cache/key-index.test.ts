/** Tests of key-index.ts: random adds, deletes and lookups agree with a Map, through growth. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KeyIndex } from './key-index.ts';

type Op = { kind: 'add' | 'delete' | 'get'; key: number };

// a narrow key range makes long probe runs and wrap-around deletions common; a wide one spreads
const opArb = (maxKey: number): fc.Arbitrary<Op> =>
  fc.record({
    kind: fc.constantFrom('add' as const, 'delete' as const, 'get' as const),
    key: fc.integer({ min: 0, max: maxKey }),
  });

describe('KeyIndex', () => {
  for (const maxKey of [40, 2 ** 31 - 1]) {
    it(`agrees with a Map after every operation (keys 0..${maxKey})`, () => {
      fc.assert(
        fc.property(fc.array(opArb(maxKey), { maxLength: 400, size: 'max' }), (ops) => {
          const index = new KeyIndex(1);
          const map = new Map<number, number>();
          // plain comparisons: expect() per operation would dominate the run time
          const seen: unknown[] = [];
          const want: unknown[] = [];
          ops.forEach((op, i) => {
            if (op.kind === 'add' && !map.has(op.key)) {
              index.add(op.key, i);
              map.set(op.key, i);
            } else if (op.kind === 'delete') {
              seen.push(index.delete(op.key));
              want.push(map.delete(op.key));
            }
            seen.push(index.get(op.key), index.size);
            want.push(map.get(op.key) ?? -1, map.size);
          });
          for (const [k, v] of map) {
            seen.push(index.get(k));
            want.push(v);
          }
          expect(seen).toEqual(want);
        }),
        { seed: 31, numRuns: 200 },
      );
    });
  }

  it('never finds key -1, even in buckets emptied by deletion', () => {
    const index = new KeyIndex();
    for (let k = 0; k < 100; k++) index.add(k, k);
    for (let k = 0; k < 100; k += 2) index.delete(k);
    expect(index.get(-1)).toBe(-1);
    expect(index.delete(-1)).toBe(false);
  });

  it('clear empties it and keeps it usable', () => {
    const index = new KeyIndex();
    for (let k = 1; k <= 50; k++) index.add(k * 1_000_003, k);
    index.clear();
    expect([index.size, index.get(1_000_003)]).toEqual([0, -1]);
    index.add(7, 70);
    expect(index.get(7)).toBe(70);
  });
});
