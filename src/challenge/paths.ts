/**
 * The constraint half of a challenge: which document paths an attempt changed (a diff of two
 * parsed YAML documents down to their leaves) and whether a path glob allows each change.
 * Globs are dotted paths as in a variant's `set:` (`services.orders.instances`,
 * `steps[1].cpu`), where `*` stands for one segment (a name or an index) and `**` for any
 * number of them; a glob that matches a path allows every change below it too. Pure.
 */
import type { DocPath } from '../scenario/issues.ts';

/** A glob, parsed: one pattern per segment ('*' one segment, '**' any number). */
export type PathGlob = string[];

/** Parses a glob; undefined when a segment is malformed (the message says which). */
export function parseGlob(text: string): PathGlob | undefined {
  const out: string[] = [];
  for (const part of text.split('.')) {
    const m = /^(\*\*|\*|[\p{L}\p{N}_$-]+)((\[(\d+|\*)\])*)$/u.exec(part);
    if (m === null) return undefined;
    out.push(m[1]);
    for (const idx of m[2].matchAll(/\[(\d+|\*)\]/g)) out.push(idx[1]);
  }
  return out;
}

/** Whether `glob` matches `path` or a prefix of it (so everything below a listed path). */
export function globAllows(glob: PathGlob, path: DocPath): boolean {
  const segs = path.map(String);
  const match = (g: number, p: number): boolean => {
    if (g === glob.length) return true; // the glob is a prefix of the path
    if (glob[g] === '**') {
      for (let k = p; k <= segs.length; k++) if (match(g + 1, k)) return true;
      return false;
    }
    if (p === segs.length) return false;
    return (glob[g] === '*' || glob[g] === segs[p]) && match(g + 1, p + 1);
  };
  return match(0, 0);
}

/** One leaf that differs between two documents: its path, the value before and after. */
export interface Change {
  path: DocPath;
  /** undefined: absent on that side. */
  before: unknown;
  after: unknown;
}

const isMap = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * Every leaf where `after` differs from `before`: a changed value, and every leaf of a part
 * added or removed (so adding `bulkhead: { threads: 5 }` is the change of
 * `…bulkhead.threads`). Lists are compared index by index. Keys in document order, `$schema`
 * (an editor's hint) ignored.
 */
export function diffDocuments(before: unknown, after: unknown): Change[] {
  const out: Change[] = [];
  const walk = (a: unknown, b: unknown, path: DocPath) => {
    if (isMap(a) || isMap(b)) {
      if (isMap(a) && isMap(b)) {
        for (const k of Object.keys(a))
          walk(a[k], Object.hasOwn(b, k) ? b[k] : undefined, [...path, k]);
        for (const k of Object.keys(b))
          if (!Object.hasOwn(a, k)) walk(undefined, b[k], [...path, k]);
        return;
      }
      if (isMap(a) && b === undefined) {
        for (const k of Object.keys(a)) walk(a[k], undefined, [...path, k]);
        if (Object.keys(a).length === 0) out.push({ path, before: a, after: b });
        return;
      }
      if (isMap(b) && a === undefined) {
        for (const k of Object.keys(b)) walk(undefined, b[k], [...path, k]);
        if (Object.keys(b).length === 0) out.push({ path, before: a, after: b });
        return;
      }
      out.push({ path, before: a, after: b });
      return;
    }
    if (Array.isArray(a) || Array.isArray(b)) {
      if ((Array.isArray(a) || a === undefined) && (Array.isArray(b) || b === undefined)) {
        const n = Math.max(a?.length ?? 0, b?.length ?? 0);
        if (n === 0 && (a === undefined) !== (b === undefined))
          out.push({ path, before: a, after: b });
        for (let i = 0; i < n; i++) walk(a?.[i], b?.[i], [...path, i]);
        return;
      }
      out.push({ path, before: a, after: b });
      return;
    }
    if (!Object.is(a, b)) out.push({ path, before: a, after: b });
  };
  const strip = (d: unknown) => {
    if (!isMap(d)) return d;
    const { $schema: _, ...rest } = d;
    return rest;
  };
  walk(strip(before), strip(after), []);
  return out;
}

/** A value as a short text for messages: `4`, `"shared-db"`, `(absent)`, `{…}`. */
export function showValue(v: unknown): string {
  if (v === undefined) return '(absent)';
  if (isMap(v)) return '{…}';
  if (Array.isArray(v)) return '[…]';
  const text = JSON.stringify(v) ?? String(v);
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}
