/**
 * Where the editor's cursor is in the scenario's YAML, read from the yaml package's parsed
 * document (its nodes' source ranges), so block style (`threads: 5` under `orders:`) and flow
 * style (`orders: {threads: 5, steps: [{cpu: 1ms}]}`) are read alike:
 * - `completionPathAt`: the path of the map a key typed at the cursor belongs to. The word at
 *   the cursor is replaced by a marker key (`<marker>: `) and the text parsed again; the marker
 *   is found in the tree and its ancestors give the path. The parser recovers from the text
 *   being typed (an unclosed `{`, a key without a value), so this works mid-edit.
 * - `keyAt`: the key under the mouse and the path of its map (hover docs).
 * - `numericKeys`: every key whose value is a plain number, with its path (the what-if slider).
 */
import {
  isPair,
  isScalar,
  isSeq,
  type Node,
  type Pair,
  parseDocument,
  type Scalar,
  visit,
} from 'yaml';

/** One step of a YAML path: a key, or an item of a list. */
export type PathStep = { key: string } | { item: true };

/** What `visit` passes as a node's ancestors. */
type Ancestors = readonly unknown[];

/** A key's text (a scalar's value; undefined for a complex key). */
function keyName(pair: Pair<unknown, unknown>): string | undefined {
  const k = pair.key;
  if (isScalar(k)) return k.value === null ? '' : String(k.value);
  return typeof k === 'string' ? k : undefined;
}

/**
 * The path of the map holding the pair `own` (a key's pair; undefined when a complex key is on
 * the way): the keys of the pairs above it, `{item}` for each list it sits in.
 */
function pathOf(ancestors: Ancestors, own: unknown): PathStep[] | undefined {
  const path: PathStep[] = [];
  for (const a of ancestors) {
    if (a === own) break;
    if (isSeq(a)) path.push({ item: true });
    else if (isPair(a)) {
      const name = keyName(a);
      if (name === undefined) return undefined;
      path.push({ key: name });
    }
  }
  return path;
}

/** The marker key put at the cursor (no scenario uses it: it is not a word of the schema). */
const MARKER = 'msasim_cursor_8f3a';

/**
 * The path of the map into which a key typed at `[from, to)` (the word being typed, possibly
 * empty) goes, or undefined when that place is not a key's (a value, a comment).
 */
export function completionPathAt(text: string, from: number, to: number): PathStep[] | undefined {
  const rest = text.slice(to);
  // a key already followed by its colon (editing `thr|eads: 5`) keeps that colon
  const word = /^[A-Za-z0-9_$-]*/.exec(rest)?.[0] ?? '';
  const after = rest.slice(word.length);
  const colon = /^\s*:/.test(after) ? '' : ': ';
  const probe = `${text.slice(0, from)}${MARKER}${colon}${after}`;
  let found: PathStep[] | undefined;
  visit(parseDocument(probe), {
    Pair(_, pair, ancestors) {
      if (!isScalar(pair.key) || pair.key.value !== MARKER) return undefined;
      found = pathOf([...ancestors, pair], pair);
      return visit.BREAK;
    },
  });
  return found;
}

/** The key under `pos` (its text and offsets) and the path of its map. */
export function keyAt(
  text: string,
  pos: number,
): { key: string; from: number; to: number; path: PathStep[] } | undefined {
  let found: { key: string; from: number; to: number; path: PathStep[] } | undefined;
  visit(parseDocument(text), {
    Pair(_, pair, ancestors) {
      const k = pair.key as Scalar | null;
      if (!isScalar(k) || k.range === undefined || k.range === null) return undefined;
      const [from, to] = k.range;
      if (pos < from || pos > to) return undefined;
      const path = pathOf([...ancestors, pair], pair);
      if (path !== undefined) found = { key: String(k.value), from, to, path };
      return visit.BREAK;
    },
  });
  return found;
}

/** A key whose value is a plain number, with the path of keys to it. */
export interface NumericKey {
  /** The keys from the top (no list on the way). */
  keys: string[];
  value: number;
}

/** Every key with a finite number as its value that no list holds, in document order. */
export function numericKeys(text: string): NumericKey[] {
  const out: NumericKey[] = [];
  visit(parseDocument(text), {
    Pair(_, pair, ancestors) {
      const v = pair.value as Node | null;
      if (!isScalar(v) || typeof v.value !== 'number' || !Number.isFinite(v.value)) return;
      if (ancestors.some((a) => isSeq(a))) return;
      const path = pathOf([...ancestors, pair], undefined);
      if (path === undefined) return;
      out.push({ keys: path.map((s) => ('key' in s ? s.key : '')), value: v.value });
    },
  });
  return out;
}
