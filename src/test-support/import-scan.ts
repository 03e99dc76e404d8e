/**
 * Reads the imports of the sources for the architecture test (src/architecture.test.ts): a
 * small tokenizer (comments, string contents, template text and regular expressions never
 * count), the import edges of one file (type-only or not), the import graph of src/ and its
 * loops (strongly connected components, Tarjan's algorithm) with one cycle through each.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';

/** A word, a string literal's contents or one punctuation character, with its line. */
export type Token = { kind: 'word' | 'string' | 'punct'; text: string; line: number };

const REGEX_AFTER_WORD = new Set(
  'return typeof instanceof in of new delete void throw case do else yield await'.split(' '),
);

/**
 * Splits TypeScript source into words, string literals and punctuation, dropping whitespace,
 * comments, template-literal text (their `${…}` code is kept) and regular-expression literals.
 */
export function tokenize(src: string): Token[] {
  const tokens: Token[] = [];
  const templateDepths: number[] = [];
  let depth = 0;
  let line = 1;
  let i = 0;
  const skipTemplateText = (): void => {
    while (i < src.length) {
      const c = src[i];
      if (c === '`') {
        i++;
        return;
      }
      if (c === '$' && src[i + 1] === '{') {
        depth++;
        templateDepths.push(depth);
        i += 2;
        return;
      }
      if (c === '\n') line++;
      i += c === '\\' ? 2 : 1;
    }
  };
  while (i < src.length) {
    const c = src[i];
    const next = src[i + 1];
    if (c === '\n') line++;
    if (/\s/.test(c)) i++;
    else if (c === '/' && next === '/') while (i < src.length && src[i] !== '\n') i++;
    else if (c === '/' && next === '*') {
      const end = src.indexOf('*/', i + 2);
      const stop = end < 0 ? src.length : end + 2;
      for (; i < stop; i++) if (src[i] === '\n') line++;
    } else if (c === "'" || c === '"') {
      let j = i + 1;
      while (j < src.length && src[j] !== c && src[j] !== '\n') j += src[j] === '\\' ? 2 : 1;
      tokens.push({ kind: 'string', text: src.slice(i + 1, j), line });
      i = src[j] === c ? j + 1 : j;
    } else if (c === '`') {
      i++;
      skipTemplateText();
    } else if (c === '/' && startsRegex(tokens.at(-1))) {
      let inClass = false;
      for (i++; i < src.length && src[i] !== '\n'; i++) {
        if (src[i] === '\\') i++;
        else if (src[i] === '[') inClass = true;
        else if (src[i] === ']') inClass = false;
        else if (src[i] === '/' && !inClass) break;
      }
      if (src[i] === '/') i++;
      while (i < src.length && /[\w$]/.test(src[i])) i++;
    } else if (/[\w$]/.test(c)) {
      let j = i + 1;
      while (j < src.length && /[\w$]/.test(src[j])) j++;
      tokens.push({ kind: 'word', text: src.slice(i, j), line });
      i = j;
    } else {
      if (c === '{') depth++;
      if (c === '}') {
        if (templateDepths.at(-1) === depth) {
          templateDepths.pop();
          depth--;
          i++;
          skipTemplateText();
          continue;
        }
        depth--;
      }
      tokens.push({ kind: 'punct', text: c, line });
      i++;
    }
  }
  return tokens;
}

function startsRegex(prev: Token | undefined): boolean {
  if (prev === undefined) return true;
  if (prev.kind === 'punct') return !')]}'.includes(prev.text);
  return prev.kind === 'word' && REGEX_AFTER_WORD.has(prev.text);
}

/** One import edge: the module specifier, its line, and whether it brings in types only. */
export interface ImportEdge {
  specifier: string;
  line: number;
  typeOnly: boolean;
  /** An `import('…')`: loaded when that code runs, not with the module. */
  dynamic?: boolean;
}

/**
 * The module specifiers of `import … from '…'`, `import '…'`, `export … from '…'` and
 * `import('…')` in `src`. Type-only means `import type`/`export type` or every named specifier
 * marked `type`; `import('…')` always counts as a value import.
 */
export function findImports(src: string): ImportEdge[] {
  const t = tokenize(src);
  const edges: ImportEdge[] = [];
  for (let k = 0; k < t.length; k++) {
    const word = t[k].text;
    if (t[k].kind !== 'word' || (word !== 'import' && word !== 'export')) continue;
    if (t[k - 1]?.text === '.') continue;
    const first = t[k + 1];
    if (first === undefined) break;
    if (word === 'import' && first.text === '(' && t[k + 2]?.kind === 'string') {
      edges.push({ specifier: t[k + 2].text, line: t[k].line, typeOnly: false, dynamic: true });
    } else if (word === 'import' && first.kind === 'string') {
      edges.push({ specifier: first.text, line: t[k].line, typeOnly: false });
    } else if (word === 'import' || ['{', '*', 'type'].includes(first.text)) {
      const clause: string[] = [];
      let j = k + 1;
      for (; j < t.length && t[j].text !== 'from'; j++) {
        if (t[j].kind === 'string' || !/^[\w${},*]/.test(t[j].text)) break;
        clause.push(t[j].text);
      }
      if (t[j]?.text !== 'from' || t[j + 1]?.kind !== 'string') continue;
      edges.push({ specifier: t[j + 1].text, line: t[k].line, typeOnly: isTypeOnly(clause) });
    }
  }
  return edges;
}

function isTypeOnly(clause: string[]): boolean {
  if (clause[0] === 'type' && clause.length > 1) return true;
  if (clause[0] !== '{' || clause.at(-1) !== '}') return false;
  const specifiers = clause.slice(1, -1).join(' ').split(',');
  const named = specifiers.map((s) => s.trim()).filter((s) => s !== '');
  return named.length > 0 && named.every((s) => s.startsWith('type '));
}

/** The src/ folder. */
export const SRC = join(import.meta.dirname, '..');

/** Non-test .ts files under src/, as posix paths relative to src/ ('engine/simulation.ts'). */
export function sourceFiles(): string[] {
  return readdirSync(SRC, { recursive: true, encoding: 'utf8' })
    .map((f) => f.split('\\').join('/'))
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
    .sort();
}

/** Which files each file imports: posix paths relative to src/ (relative specifiers only). */
export type ImportGraph = Map<string, string[]>;

/**
 * The import graph of the non-test sources under src/: an edge for every `import`, `export …
 * from` and `import()` of another source file, type-only ones included.
 */
export function importGraph(): ImportGraph {
  const files = sourceFiles();
  const known = new Set(files);
  const graph: ImportGraph = new Map();
  for (const file of files) {
    const targets = findImports(readFileSync(join(SRC, file), 'utf8'))
      .filter((e) => e.specifier.startsWith('.'))
      .map((e) => posix.normalize(posix.join(posix.dirname(file), e.specifier)))
      .filter((target) => known.has(target));
    graph.set(file, [...new Set(targets)].sort());
  }
  return graph;
}

/**
 * The strongly connected components of `graph` (Tarjan's algorithm): sets of files that each
 * reach every other by imports. Every file is in exactly one; a file in no loop is alone in
 * its own. Each component is sorted; components come in the order Tarjan finishes them.
 */
export function stronglyConnected(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, index.size);
    low.set(v, index.get(v) as number);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v) as number, low.get(w) as number));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v) as number, index.get(w) as number));
    }
    if (low.get(v) !== index.get(v)) return;
    const component: string[] = [];
    for (let w = stack.pop(); w !== undefined; w = stack.pop()) {
      onStack.delete(w);
      component.push(w);
      if (w === v) break;
    }
    components.push(component.sort());
  };
  for (const v of [...graph.keys()].sort()) if (!index.has(v)) visit(v);
  return components;
}

/**
 * One shortest cycle through `component`'s first file, inside the component:
 * ['a.ts', 'b.ts', 'c.ts', 'a.ts'] (breadth-first search).
 */
export function cycleThrough(
  graph: ReadonlyMap<string, readonly string[]>,
  component: readonly string[],
): string[] {
  const inside = new Set(component);
  const start = component[0];
  const previous = new Map<string, string>();
  const queue = [start];
  for (let i = 0; i < queue.length; i++) {
    for (const w of graph.get(queue[i]) ?? []) {
      if (!inside.has(w)) continue;
      if (w === start) {
        const back: string[] = [];
        for (let v = queue[i]; v !== start; v = previous.get(v) as string) back.push(v);
        return [start, ...back.reverse(), start];
      }
      if (!previous.has(w)) {
        previous.set(w, queue[i]);
        queue.push(w);
      }
    }
  }
  return [start];
}
