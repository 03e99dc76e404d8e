/** The test files' start order (sequencer.ts): the long e2e files first, the rest as vitest had them. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LONG_FIRST, longFirst } from './sequencer.ts';

const ROOT = join(import.meta.dirname, '..', '..');

describe('longFirst', () => {
  it('puts LONG_FIRST in front, in its order, and keeps the order of every other file', () => {
    const file = (p: string) => ({ moduleId: join(ROOT, p) });
    const order = [
      file('src/a.test.ts'),
      file(LONG_FIRST[2]),
      file('src/b.e2e.test.ts'),
      file(LONG_FIRST[0]),
      file('src/c.test.ts'),
    ];
    expect(longFirst(order).map((f) => f.moduleId)).toEqual(
      [LONG_FIRST[0], LONG_FIRST[2], 'src/a.test.ts', 'src/b.e2e.test.ts', 'src/c.test.ts'].map(
        (p) => join(ROOT, p),
      ),
    );
  });

  it('names files that exist (a renamed file would silently lose its place)', () => {
    for (const p of LONG_FIRST) expect(existsSync(join(ROOT, p)), p).toBe(true);
  });
});
