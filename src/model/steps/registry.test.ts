/**
 * The two lists of the built-in step kinds agree: registry.ts (the whole kinds, for the model)
 * and syntax-registry.ts (their language parts, for the parse), same kinds, same order, and each
 * whole kind carries its language part unchanged.
 */
import { describe, expect, it } from 'vitest';
import { BUILTIN_STEP_KINDS } from './registry.ts';
import { BUILTIN_STEP_SYNTAXES } from './syntax-registry.ts';

const PARTS = ['kind', 'schema', 'normalize', 'check', 'children', 'calls'] as const;

describe('the step kinds registries', () => {
  it('list the same kinds in the same order', () => {
    expect(BUILTIN_STEP_KINDS.map((k) => k.kind)).toEqual(BUILTIN_STEP_SYNTAXES.map((k) => k.kind));
    expect(BUILTIN_STEP_KINDS.length).toBe(18);
  });

  it('give every whole kind its language part unchanged, and a way to compile', () => {
    BUILTIN_STEP_KINDS.forEach((whole, i) => {
      const syntax = BUILTIN_STEP_SYNTAXES[i];
      for (const part of PARTS)
        expect([whole.kind, part, whole[part]]).toEqual([whole.kind, part, syntax[part]]);
      expect('inline' in whole || ('compile' in whole && 'run' in whole)).toBe(true);
    });
  });
});
