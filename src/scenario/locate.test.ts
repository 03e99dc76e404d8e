/**
 * Tests of locate.ts: document paths to 1-based line:col, for values, keys, paths that are not
 * in the text, aliases, and tab-indented JSON after detab.
 */
import { describe, expect, it } from 'vitest';
import { LineCounter, parseDocument } from 'yaml';
import type { DocPath } from './issues.ts';
import { createLocator, detab } from './locate.ts';

function locatorFor(text: string) {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter });
  expect(doc.errors).toEqual([]);
  const locate = createLocator(doc, lineCounter);
  return (path: DocPath, onKey?: boolean) => {
    const { line, col } = locate(path, onKey);
    return `${line}:${col}`;
  };
}

/** 1-based line:col of the first occurrence of `needle` in `text`. */
function positionOf(text: string, needle: string): string {
  const offset = text.indexOf(needle);
  expect(offset).toBeGreaterThanOrEqual(0);
  const before = text.slice(0, offset).split('\n');
  return `${before.length}:${before[before.length - 1].length + 1}`;
}

const SHOP = `name: shop
services:
  orders:
    instances: 2
    endpoints:
      get:
        steps:
          - cpu: 2ms
          - call: custmer/get
            timeout: 1s
  empty:
databases: {}
`;

describe('createLocator', () => {
  const locate = locatorFor(SHOP);

  it('points at the value of a path', () => {
    expect(locate(['services', 'orders', 'instances'])).toBe('4:16');
    expect(locate(['services', 'orders', 'endpoints', 'get', 'steps', 1, 'call'])).toBe('9:19');
  });

  it('points at a list item by its index', () => {
    expect(locate(['services', 'orders', 'endpoints', 'get', 'steps', 1])).toBe('9:13');
  });

  it('points at the key itself when asked for the key', () => {
    expect(locate(['services', 'orders', 'endpoints', 'get', 'steps', 1, 'timeout'], true)).toBe(
      '10:13',
    );
    expect(locate(['services', 'orders'], true)).toBe('3:3');
  });

  it('finds a key as the checked object names it: `~` as "", a number as its digits', () => {
    const text = 'services:\n  ~: { instances: 2 }\n  7: { instances: 3 }\n';
    const at = locatorFor(text);
    expect(at(['services', '', 'instances'])).toBe('2:19');
    expect(at(['services', ''], true)).toBe('2:3');
    expect(at(['services', '7', 'instances'])).toBe('3:19');
  });

  it('points at the map that lacks a missing key', () => {
    // The map of `orders` starts at its first key.
    expect(locate(['services', 'orders', 'threads'])).toBe('4:5');
    expect(locate(['databases', 'main'])).toBe('12:12');
  });

  it('points at the nearest existing ancestor of a deeper missing path', () => {
    expect(locate(['services', 'orders', 'endpoints', 'list', 'steps', 0])).toBe('6:7');
  });

  it('points at the list when an index is past its end', () => {
    expect(locate(['services', 'orders', 'endpoints', 'get', 'steps', 7])).toBe('8:11');
  });

  it('points at the key of an empty value rather than the end of its line', () => {
    expect(locate(['services', 'empty'])).toBe('11:3');
    expect(locate(['services', 'empty', 'endpoints'])).toBe('11:3');
  });

  it('points at the whole document for an empty path', () => {
    expect(locate([])).toBe('1:1');
  });

  it('gives 1:1 for an empty document', () => {
    const empty = locatorFor('');
    expect(empty([])).toBe('1:1');
    expect(empty(['services', 'orders'])).toBe('1:1');
    expect(locatorFor('# nothing yet\n')(['name'])).toBe('1:1');
  });

  it('follows aliases to the node they stand for', () => {
    const text = 'base: &b\n  threads: 4\nservices:\n  a: *b\n';
    expect(locatorFor(text)(['services', 'a', 'threads'])).toBe('2:12');
  });
});

describe('detab', () => {
  const json = [
    '{',
    '\t"name": "shop",',
    '\t"services": {',
    '\t\t"orders": {',
    '\t\t\t"instances": "two",',
    '\t\t\t"endpoints": {}',
    '\t\t}',
    '\t}',
    '}',
    '',
  ].join('\n');

  it('replaces each leading tab with one space and keeps the length', () => {
    expect(detab('\t\t"a":\t1\n \t"b": 2')).toBe('  "a":\t1\n  "b": 2');
    expect(detab(json)).toHaveLength(json.length);
  });

  it('keeps positions in tab-indented JSON exact', () => {
    const locate = locatorFor(detab(json));
    expect(locate(['services', 'orders', 'instances'])).toBe(positionOf(json, '"two"'));
    expect(locate(['services', 'orders', 'instances'], true)).toBe(positionOf(json, '"instances"'));
    expect(locate(['services', 'orders', 'endpoints'])).toBe(positionOf(json, '{}'));
    expect(locate(['services', 'orders', 'instances'])).toBe('5:17');
  });

  it('leaves tabs inside lines alone', () => {
    expect(detab('a:\t"x\ty"')).toBe('a:\t"x\ty"');
  });
});
