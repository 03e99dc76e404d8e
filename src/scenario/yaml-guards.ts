/**
 * Checks of the parsed YAML tree before it becomes JavaScript values, for inputs that would
 * otherwise crash or exhaust the machine later: keys given twice in one map (checked here in
 * linear time rather than by the parser's `uniqueKeys`, which is quadratic), nesting deeper than any scenario needs (every
 * later walk is recursive), aliases to no anchor or to the node that contains them (a cycle),
 * aliases that expand the document enormously (a "billion laughs"), `__proto__` keys (which
 * JavaScript objects cannot hold as data) and keys that are lists or maps. One iterative pass
 * over the tree, in document order; each problem is located at its node.
 */
import {
  Composer,
  type CST,
  type Document,
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  type LineCounter,
  type Node,
  Parser,
  YAMLParseError,
} from 'yaml';
import type { DocPath } from './issues.ts';
import type { Position } from './locate.ts';
import * as msg from './messages.ts';
import { keyText, pairsByKey } from './yaml-keys.ts';

/** Deepest nesting of maps and lists accepted (a scenario needs about 20). */
export const MAX_DEPTH = 64;
/** Most values that aliases may add to the document when expanded. */
export const MAX_ALIAS_EXPANSION = 1_000_000;

/** A problem found in the YAML tree, with its position and document path. */
export interface TreeIssue extends msg.IssueText, Position {
  path: DocPath;
}

/**
 * Parses YAML text into one document, as yaml's parseDocument does, but refuses nesting deeper
 * than MAX_DEPTH before the composer, which recurses once per level, runs out of stack (it
 * would, after ~800 levels, at a depth that depends on the stack left, so the same file could
 * get different messages). Returns the offset of the first too-deep collection instead of a
 * document then. Errors keep yaml's `pos` (offsets); no `linePos` is added.
 */
export function parseYamlDocument(
  text: string,
  lineCounter: LineCounter,
  options: { uniqueKeys: boolean },
): { doc: Document } | { tooDeepAt: number } {
  const tokens = [...new Parser(lineCounter.addNewLine).parse(text)];
  const deep = tooDeepAt(tokens);
  if (deep !== undefined) return { tooDeepAt: deep };
  let doc: Document | undefined;
  for (const next of new Composer(options).compose(tokens, true, text.length)) {
    if (doc === undefined) doc = next as Document;
    else {
      const range = next.range.slice(0, 2) as [number, number];
      const text = 'Source contains multiple documents; please use YAML.parseAllDocuments()';
      doc.errors.push(new YAMLParseError(range, 'MULTIPLE_DOCS', text));
      break;
    }
  }
  return { doc: doc as Document };
}

/** The offset of the first collection nested deeper than MAX_DEPTH in the tokens, if any. */
function tooDeepAt(tokens: readonly CST.Token[]): number | undefined {
  const stack: { token: CST.Token | undefined; depth: number }[] = tokens.map((token) => ({
    token,
    depth: 0,
  }));
  while (stack.length > 0) {
    const { token, depth } = stack.pop() as { token: CST.Token | undefined; depth: number };
    if (token === undefined) continue;
    if (token.type === 'document') stack.push({ token: token.value, depth });
    else if (
      token.type === 'block-map' ||
      token.type === 'block-seq' ||
      token.type === 'flow-collection'
    ) {
      if (depth >= MAX_DEPTH) return token.offset;
      for (const item of token.items as { key?: CST.Token | null; value?: CST.Token | null }[]) {
        if (item.key) stack.push({ token: item.key, depth: depth + 1 });
        if (item.value) stack.push({ token: item.value, depth: depth + 1 });
      }
    }
  }
  return undefined;
}

interface Frame {
  node: unknown;
  depth: number;
  /** The frame of the enclosing node, which adds this node's size to its own. */
  parent: Frame | undefined;
  /** Values this node stands for so far (itself and its finished children). */
  size: number;
  /** The key or index of this node in its parent (none for a map's pair or the document). */
  seg?: string | number;
  /** True when the node's children have been pushed (the node is being closed). */
  closing: boolean;
}

/** The document path of a frame's node, from its parents' keys and indices. */
function pathOf(frame: Frame): DocPath {
  const path: DocPath = [];
  for (let f: Frame | undefined = frame; f !== undefined; f = f.parent)
    if (f.seg !== undefined) path.unshift(f.seg);
  return path;
}

/**
 * The problems of `doc`'s tree (at most one of each kind, the first in document order), or an
 * empty list. `at` turns a text offset into a position.
 */
export function checkYamlTree(doc: Document, at: (offset: number) => Position): TreeIssue[] {
  const issues: TreeIssue[] = [];
  const seen = new Set<string>();
  /** Reports at the node of `frame`, or at the key `key` of its map (a pair's key). */
  const report = (text: msg.IssueText, frame: Frame, key?: unknown) => {
    // one report of each kind is enough, except for duplicate keys (each is its own mistake)
    if (seen.has(text.code)) return;
    if (text.code !== 'duplicate-key') seen.add(text.code);
    const path = key === undefined ? pathOf(frame) : [...pathOf(frame), keyText(key)];
    issues.push({ ...text, path, ...at(offsetOf(key ?? frame.node)) });
  };
  // anchors defined so far (the last definition of a name wins, as in yaml's own resolution)
  const anchors = new Map<string, Node>();
  // values an anchored node stands for once aliases are expanded (known once it is closed)
  const sizes = new Map<unknown, number>();
  const open = new Set<unknown>();
  let added = 0;
  const stack: Frame[] = [
    { node: doc.contents, depth: 0, parent: undefined, size: 1, closing: false },
  ];
  const finish = (frame: Frame, size: number) => {
    if (frame.parent !== undefined) frame.parent.size += size;
    if (typeof (frame.node as Node).anchor === 'string') sizes.set(frame.node, size);
  };
  while (stack.length > 0) {
    const frame = stack.pop() as Frame;
    const { node, depth } = frame;
    if (frame.closing) {
      open.delete(node);
      finish(frame, frame.size);
      continue;
    }
    if (node === null || node === undefined) continue;
    const anchor = (node as Node).anchor;
    if (typeof anchor === 'string' && !isAlias(node)) anchors.set(anchor, node as Node);
    if (isAlias(node)) {
      const target = anchors.get(node.source);
      let size = 1;
      if (target === undefined)
        report(msg.unresolvedAlias(node.source, [...anchors.keys()]), frame);
      else if (open.has(target)) report(msg.cyclicAlias(node.source), frame);
      else {
        size = sizes.get(target) ?? 1;
        added += size;
        if (added > MAX_ALIAS_EXPANSION) report(msg.aliasExpansion(MAX_ALIAS_EXPANSION), frame);
      }
      finish(frame, size);
      continue;
    }
    if (isPair(node)) {
      if (isScalar(node.key) && node.key.value === '__proto__')
        report(msg.reservedKey('__proto__'), frame, node.key);
      else if (node.key !== null && !isScalar(node.key))
        report(msg.collectionKey(), frame, node.key);
    } else if ((isMap(node) || isSeq(node)) && depth >= MAX_DEPTH) {
      report(msg.tooDeep(MAX_DEPTH), frame);
      finish(frame, 1);
      continue;
    }
    // keys given twice, in one pass (yaml's own check, uniqueKeys, compares each key with
    // every earlier one: quadratic)
    if (isMap(node))
      pairsByKey(node, (key, pair) => report(msg.duplicateKey(key), frame, pair.key));
    const children = childrenOf(node);
    if (children.length === 0) {
      finish(frame, 1);
      continue;
    }
    if (typeof anchor === 'string') open.add(node);
    frame.closing = true;
    stack.push(frame);
    // pushed in reverse, so children are visited in document order
    const inner = isPair(node) ? depth : depth + 1;
    for (let i = children.length - 1; i >= 0; i--) {
      const child: Frame = {
        node: children[i],
        depth: inner,
        parent: frame,
        size: 1,
        closing: false,
      };
      if (isSeq(node)) child.seg = i;
      else if (isPair(node) && i === 1) child.seg = keyText(node.key);
      stack.push(child);
    }
  }
  return issues;
}

function childrenOf(node: unknown): unknown[] {
  if (isMap(node) || isSeq(node)) return node.items as unknown[];
  if (isPair(node)) return [node.key, node.value];
  return [];
}

function offsetOf(node: unknown): number {
  if (isPair(node)) return offsetOf(node.key);
  return (node as Node | null)?.range?.[0] ?? 0;
}
