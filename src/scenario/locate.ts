/**
 * Maps a path in the scenario document to a 1-based line and column in its text, through the
 * node ranges that the `yaml` parser keeps. JSON goes through the same parser after `detab`.
 * A path that is not in the text (a missing key) points at the nearest part that is.
 */
import {
  type Document,
  isAlias,
  isMap,
  isScalar,
  isSeq,
  type LineCounter,
  type Node,
  type Pair,
} from 'yaml';
import type { DocPath } from './issues.ts';
import { pairsByKey } from './yaml-keys.ts';

/** A 1-based position in the text. */
export interface Position {
  line: number;
  col: number;
}

/** Finds the position of a document path; see createLocator. */
export type Locator = (path: DocPath, onKey?: boolean) => Position;

/**
 * A locator for one parsed document. It returns the start of the value at `path`, or of the map
 * key that ends `path` when `onKey` is true (for unknown keys). When `path` goes beyond the text,
 * it returns the deepest node on the way: the map that lacks a key, the list that is too short,
 * or the key whose value is empty. An empty document gives 1:1.
 */
export function createLocator(doc: Document, lineCounter: LineCounter): Locator {
  const at = (offset: number): Position => lineCounter.linePos(offset);
  // the pairs of each map by key, built on first use: a map of 100k services is not searched
  // from its start for every issue
  const indexes = new Map<Node, Map<string, Pair>>();
  const child = (node: Node, seg: string | number) => childOf(node, seg, indexes);
  // yaml resolves an alias by walking the document from its start: once per alias is enough
  const targets = new Map<unknown, Node | null>();
  const resolve = (d: Document, node: unknown): Node | null => {
    if (!isAlias(node)) return (node as Node | null | undefined) ?? null;
    let target = targets.get(node);
    if (target === undefined) {
      target = resolveNode(d, node);
      targets.set(node, target);
    }
    return target;
  };
  return (path, onKey = false) => {
    let node: Node | null = resolve(doc, doc.contents);
    // The deepest offset reached so far; a key with an empty value stops the walk there.
    let offset = node?.range?.[0] ?? 0;
    for (let i = 0; i < path.length && node !== null; i++) {
      const last = i === path.length - 1;
      const step = child(node, path[i]);
      if (step === undefined) break;
      if (last && onKey && step.key !== undefined) return at(start(step.key) ?? offset);
      offset = (step.key && start(step.key)) ?? offset;
      node = resolve(doc, step.value);
      // `key:` with nothing after it has an empty value node at the end of the line; the key
      // itself is where the user looks.
      if (node !== null && !isEmpty(node)) offset = start(node) ?? offset;
    }
    return at(offset);
  };
}

/** Replaces each tab in a line's leading whitespace with one space, so JSON indented with tabs
 * parses as YAML; offsets, lines and columns stay the same because lengths do not change. */
export function detab(text: string): string {
  return text.replace(/^[ \t]+/gm, (lead) => lead.replaceAll('\t', ' '));
}

function isEmpty(node: Node): boolean {
  return isScalar(node) && node.value === null && node.range?.[0] === node.range?.[1];
}

function start(node: Node): number | undefined {
  return node.range?.[0];
}

/** Follows aliases (`*name`) to the node they stand for. */
function resolveNode(doc: Document, node: unknown): Node | null {
  if (isAlias(node)) return (node.resolve(doc) as Node | undefined) ?? null;
  return (node as Node | null | undefined) ?? null;
}

/** The entry of a map or list named by one path segment, as its key node and value. */
function childOf(
  node: Node,
  seg: string | number,
  indexes: Map<Node, Map<string, Pair>>,
): { key?: Node; value: unknown } | undefined {
  if (isMap(node)) {
    let index = indexes.get(node);
    if (index === undefined) {
      // the key as the checked object holds it: `~:` is "" there, not "null"
      index = pairsByKey(node);
      indexes.set(node, index);
    }
    const pair = index.get(String(seg));
    if (pair === undefined) return undefined;
    return { key: isScalar(pair.key) ? pair.key : undefined, value: pair.value };
  }
  if (isSeq(node) && typeof seg === 'number' && seg >= 0 && seg < node.items.length) {
    return { value: node.items[seg] };
  }
  return undefined;
}
