/**
 * Values set by a dotted path (`services.orders.instances`) into a scenario document before it is
 * checked: a variant's `set:` and a sweep's `--param`. Paths are parsed here, refused when they
 * would reach JavaScript internals (`__proto__`, `prototype`, `constructor`), and applied copy on
 * write: the maps and lists along a path are copied before they change, so neither the base
 * document nor a part that a YAML alias shares with another place is changed behind its back.
 */
import type { DocPath, IssueText, UnlocatedIssue } from './issues.ts';
import * as msg from './messages.ts';
import * as ko from './messages-ko.ts';
import { didYouMean } from './suggest.ts';

/**
 * A value set from outside the file, applied to the base document before the variants (so a
 * variant's own `set:` wins): what `msasim sweep --param` changes at each point of its grid.
 */
export interface ScenarioOverride {
  /** A dotted path as in a variant's `set:`, e.g. `services.orders.instances`. */
  path: string;
  value: unknown;
  /** How the user wrote it, shown in messages: `--param services.orders.instances=4`. */
  label: string;
  /**
   * How the user wrote the path alone, shown for problems of the path itself (so one message
   * covers every value): `--param services.orders.instances`. Default: `label`.
   */
  pathLabel?: string;
  /** `label` in Korean, for the Korean text of its problems (--lang ko). Default: `label`. */
  koLabel?: string;
}

/** An override whose path was set in the document. */
export interface AppliedOverride {
  override: ScenarioOverride;
  path: DocPath;
  /** The first map the override had to create on its way (its problems are the override's). */
  created: DocPath | undefined;
}

/** Path segments that would reach JavaScript internals instead of the document's data. */
const FORBIDDEN_SEGMENTS = new Set(['__proto__', 'prototype', 'constructor']);

/** Parses `services.orders.endpoints.get.steps[0].cpu` into a document path; undefined if malformed or forbidden. */
export function parseSetPath(text: string): DocPath | undefined {
  const path: DocPath = [];
  for (const part of text.split('.')) {
    const m = /^([\p{L}\p{N}_$-]+)((\[\d+\])*)$/u.exec(part);
    if (!m || FORBIDDEN_SEGMENTS.has(m[1])) return undefined;
    path.push(m[1]);
    for (const idx of m[2].matchAll(/\[(\d+)\]/g)) path.push(Number(idx[1]));
  }
  return path;
}

/** The two texts a refused dotted path is worded with, in one language (messages.ts, messages-ko.ts). */
interface SetPathWords {
  forbiddenPathSegment(path: string, segment: string): string;
  badSetPath(key: string): string;
}

/** What is wrong with a dotted path, in `words`; undefined when parseSetPath accepts it. */
function setPathProblemIn(words: SetPathWords, text: string): string | undefined {
  if (parseSetPath(text) !== undefined) return undefined;
  for (const part of text.split('.')) {
    const key = /^([^[]*)/.exec(part)?.[1] ?? part;
    if (FORBIDDEN_SEGMENTS.has(key)) return words.forbiddenPathSegment(text, key);
  }
  return words.badSetPath(text);
}

/** What is wrong with a dotted path, in words; undefined when parseSetPath accepts it. */
export function setPathProblem(text: string): string | undefined {
  return setPathProblemIn(msg, text);
}

/** setPathProblem's words in Korean (--lang ko); undefined when parseSetPath accepts the path. */
export function setPathProblemKo(text: string): string | undefined {
  return setPathProblemIn(ko, text);
}

/** The own value of `container` at `seg` (never one inherited from Object.prototype). */
function own(container: object, seg: string | number): unknown {
  return Object.hasOwn(container, seg)
    ? (container as Record<string | number, unknown>)[seg]
    : undefined;
}

/**
 * Sets `value` at `path` inside `root` (which the caller owns), creating maps on the way and
 * copying the maps and lists it changes (those in `owned` are already copies); false when the
 * path does not fit the document: an index out of range or into a map, a key into a list, or a
 * way through a plain value.
 */
export function assignPath(
  root: Record<string, unknown>,
  path: DocPath,
  value: unknown,
  owned: Set<object> = new Set([root]),
): boolean {
  let node: object = root;
  owned.add(root);
  for (let i = 0; i < path.length; i++) {
    const seg = path[i];
    const isList = Array.isArray(node);
    if (typeof seg === 'number' ? !isList : isList) return false;
    const length = isList ? (node as unknown[]).length : 0;
    if (i === path.length - 1) {
      if (typeof seg === 'number' && seg > length) return false;
      (node as Record<string | number, unknown>)[seg] = structuredClone(value);
      return true;
    }
    if (typeof seg === 'number' && seg >= length) return false;
    let next = own(node, seg);
    if (next === undefined || next === null) next = typeof path[i + 1] === 'number' ? [] : {};
    else if (typeof next !== 'object') return false;
    else if (!owned.has(next as object))
      next = Array.isArray(next) ? [...next] : { ...(next as object) };
    owned.add(next as object);
    (node as Record<string | number, unknown>)[seg] = next;
    node = next as object;
  }
  return false;
}

/**
 * Sets each override in `root` (in place, copying what it changes below the root). A path that
 * is malformed, or that goes through a key the document lacks but has a close relative of
 * ("ordrs" for "orders"), is an issue rather than a new map: an override changes a value, it
 * does not add a component. Other missing maps are created, as for a variant, and the schema
 * judges the result.
 */
export function applyOverrides(
  raw: unknown,
  overrides: readonly ScenarioOverride[],
): { applied: AppliedOverride[]; issues: UnlocatedIssue[] } {
  const applied: AppliedOverride[] = [];
  const issues: UnlocatedIssue[] = [];
  if (overrides.length === 0 || raw === null || typeof raw !== 'object' || Array.isArray(raw))
    return { applied, issues };
  const root = raw as Record<string, unknown>;
  const owned = new Set<object>([root]);
  for (const override of overrides) {
    const path = parseSetPath(override.path);
    const misspelt = path === undefined ? undefined : misspeltKey(root, path);
    if (misspelt !== undefined) {
      const text = msg.unknownOverrideKey(misspelt.key, misspelt.known);
      issues.push({
        ...text,
        message: msg.inOverride(override.pathLabel ?? override.label, text.message),
        ...ko.koPrefixed(text.ko, (m) => ko.inOverride(koPathLabel(override), m)),
        severity: 'error',
        path: misspelt.at,
        onKey: true,
      });
      continue;
    }
    const created = path === undefined ? undefined : firstMissing(root, path);
    const unassignable = path === undefined ? undefined : unassignableText(root, path);
    if (path === undefined || !assignPath(root, path, override.value, owned)) {
      if (unassignable !== undefined) {
        const { at, ...text } = unassignable;
        issues.push({
          ...text,
          message: msg.inOverride(override.pathLabel ?? override.label, text.message),
          ...ko.koPrefixed(text.ko, (m) => ko.inOverride(koPathLabel(override), m)),
          severity: 'error',
          path: at,
        });
        continue;
      }
      issues.push({
        code: 'bad-set-path',
        severity: 'error',
        path: path ?? [],
        message: msg.inOverride(
          override.pathLabel ?? override.label,
          setPathProblem(override.path) ?? msg.badSetPath(override.path),
        ),
        ko: {
          message: ko.inOverride(
            koPathLabel(override),
            setPathProblemKo(override.path) ?? ko.badSetPath(override.path),
          ),
        },
      });
    } else applied.push({ override, path, created });
  }
  return { applied, issues };
}

/** The shortest prefix of `path` (before its last segment) that `root` lacks, if any. */
function firstMissing(root: Record<string, unknown>, path: DocPath): DocPath | undefined {
  let node: unknown = root;
  for (let i = 0; i < path.length - 1; i++) {
    if (node === null || typeof node !== 'object') return undefined;
    node = own(node, path[i]);
    if (node === undefined || node === null) return path.slice(0, i + 1);
  }
  return undefined;
}

/**
 * The first key on `path` (before its last segment) that `root` lacks while having a close
 * one, with the keys it has there; undefined when there is none.
 */
function misspeltKey(
  root: Record<string, unknown>,
  path: DocPath,
): { key: string; known: string[]; at: DocPath } | undefined {
  let node: unknown = root;
  for (let i = 0; i < path.length - 1; i++) {
    if (node === null || typeof node !== 'object') return undefined;
    const seg = path[i];
    const next = own(node, seg);
    if (next === undefined && typeof seg === 'string' && !Array.isArray(node)) {
      const known = Object.keys(node);
      if (didYouMean(seg, known) === undefined) return undefined;
      return { key: seg, known, at: path.slice(0, i + 1) };
    }
    node = next;
  }
  return undefined;
}

/**
 * Why `path` (well formed) cannot be set in `root`, in words, when a word helps: a key the
 * document lacks next to a close one (with the keys there and a did-you-mean), or a list index
 * past the end of its list (the last segment may add one item). Undefined otherwise.
 */
export function unassignableText(
  root: Record<string, unknown>,
  path: DocPath,
): (IssueText & { at: DocPath }) | undefined {
  const misspelt = misspeltKey(root, path);
  if (misspelt !== undefined)
    return { ...msg.unknownOverrideKey(misspelt.key, misspelt.known), at: misspelt.at };
  let node: unknown = root;
  for (let i = 0; i < path.length; i++) {
    const seg = path[i];
    if (node === null || typeof node !== 'object') return undefined;
    if (typeof seg === 'number' && Array.isArray(node)) {
      const last = i === path.length - 1;
      if (seg > node.length || (seg === node.length && !last)) {
        const list = path.slice(0, i);
        return { ...msg.setIndexPastEnd(showPath(list), seg, node.length), at: list };
      }
    }
    node = own(node, seg);
  }
  return undefined;
}

/** `services.orders.endpoints.get.steps[0]`: a document path as a `set:` key writes it. */
function showPath(path: DocPath): string {
  return path
    .map((seg, i) => (typeof seg === 'number' ? `[${seg}]` : i === 0 ? seg : `.${seg}`))
    .join('');
}

/** `u` with its message put under the override it comes from, if any. */
export function underOverride(
  u: UnlocatedIssue,
  applied: readonly AppliedOverride[],
): UnlocatedIssue {
  const owner = applied.findLast(
    (o) => isUnder(u.path, o.path) || (o.created !== undefined && isUnder(u.path, o.created)),
  );
  if (owner === undefined) return u;
  const label = owner.override.label;
  const koLabel = owner.override.koLabel ?? label;
  return {
    ...u,
    message: msg.inOverride(label, u.message),
    ...ko.koPrefixed(u.ko, (m) => ko.inOverride(koLabel, m)),
  };
}

/** How a Korean message names an override's path (as written, or the override in Korean). */
function koPathLabel(o: ScenarioOverride): string {
  return o.pathLabel ?? o.koLabel ?? o.label;
}

/** Whether `path` is `prefix` or lies below it. */
export function isUnder(path: DocPath, prefix: DocPath): boolean {
  return prefix.length <= path.length && prefix.every((seg, i) => path[i] === seg);
}

/** Whether one path lies under the other. */
export function overlaps(a: DocPath, b: DocPath): boolean {
  return isUnder(a, b) || isUnder(b, a);
}
