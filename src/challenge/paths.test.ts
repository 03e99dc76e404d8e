/** Path globs and the document diff behind a challenge's constraints. */
import { describe, expect, it } from 'vitest';
import { diffDocuments, globAllows, parseGlob } from './paths.ts';

const allows = (glob: string, path: (string | number)[]) =>
  globAllows(parseGlob(glob) as string[], path);

describe('path globs', () => {
  it('parse dotted paths with indices, * and **; refuse malformed ones', () => {
    expect(parseGlob('services.*.endpoints.get.steps[1].call')).toEqual([
      'services',
      '*',
      'endpoints',
      'get',
      'steps',
      '1',
      'call',
    ]);
    expect(parseGlob('a.steps[*].**')).toEqual(['a', 'steps', '*', '**']);
    expect(parseGlob('a..b')).toBeUndefined();
    expect(parseGlob('a.b c')).toBeUndefined();
    expect(parseGlob('a[x]')).toBeUndefined();
  });

  it('match a path, everything below it, * one segment and ** any number', () => {
    expect(allows('services.orders.instances', ['services', 'orders', 'instances'])).toBe(true);
    expect(allows('services.orders', ['services', 'orders', 'instances'])).toBe(true);
    expect(allows('services.orders.instances', ['services', 'orders'])).toBe(false);
    expect(allows('services.*.instances', ['services', 'cart', 'instances'])).toBe(true);
    expect(allows('services.*.instances', ['services', 'cart', 'threads'])).toBe(false);
    expect(allows('**.db', ['services', 'a', 'endpoints', 'e', 'steps', 0, 'query', 'db'])).toBe(
      true,
    );
    expect(allows('steps[*].query.db', ['steps', 3, 'query', 'db'])).toBe(true);
    expect(allows('steps[1].query.db', ['steps', 3, 'query', 'db'])).toBe(false);
  });
});

describe('the document diff', () => {
  it('lists every changed, added and removed leaf, ignoring $schema', () => {
    const before = { $schema: 'x', a: 1, b: { c: [1, 2], d: 'x' }, gone: { e: 1 } };
    const after = { a: 2, b: { c: [1, 2, 3], d: 'x', new: { f: true } } };
    expect(diffDocuments(before, after)).toEqual([
      { path: ['a'], before: 1, after: 2 },
      { path: ['b', 'c', 2], before: undefined, after: 3 },
      { path: ['b', 'new', 'f'], before: undefined, after: true },
      { path: ['gone', 'e'], before: 1, after: undefined },
    ]);
  });

  it('sees a value replaced by a map, and nothing when the documents are equal', () => {
    expect(diffDocuments({ a: 1 }, { a: { b: 1 } })).toEqual([
      { path: ['a'], before: 1, after: { b: 1 } },
    ]);
    expect(diffDocuments({ a: [{ b: 1 }] }, { a: [{ b: 1 }] })).toEqual([]);
  });
});
