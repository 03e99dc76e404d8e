/**
 * Architecture rules (STYLE.md §3, §4): reads the imports of every non-test .ts file under src/
 * and fails on an upward dependency, then checks the determinism and thin-shell rules (no
 * Math.random / Date.now / new Date, no process.exit / console outside src/cli/).
 * Files are read with a small tokenizer, so comments and string contents never count.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import { dirname, join, posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

type Token = { kind: 'word' | 'string' | 'punct'; text: string; line: number };

const REGEX_AFTER_WORD = new Set(
  'return typeof instanceof in of new delete void throw case do else yield await'.split(' '),
);

/**
 * Splits TypeScript source into words, string literals and punctuation, dropping whitespace,
 * comments, template-literal text (their `${…}` code is kept) and regular-expression literals.
 */
function tokenize(src: string): Token[] {
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
interface ImportEdge {
  specifier: string;
  line: number;
  typeOnly: boolean;
}

/**
 * The module specifiers of `import … from '…'`, `import '…'`, `export … from '…'` and
 * `import('…')` in `src`. Type-only means `import type`/`export type` or every named specifier
 * marked `type`; `import('…')` always counts as a value import.
 */
function findImports(src: string): ImportEdge[] {
  const t = tokenize(src);
  const edges: ImportEdge[] = [];
  for (let k = 0; k < t.length; k++) {
    const word = t[k].text;
    if (t[k].kind !== 'word' || (word !== 'import' && word !== 'export')) continue;
    if (t[k - 1]?.text === '.') continue;
    const first = t[k + 1];
    if (first === undefined) break;
    if (word === 'import' && first.text === '(' && t[k + 2]?.kind === 'string') {
      edges.push({ specifier: t[k + 2].text, line: t[k].line, typeOnly: false });
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

const SRC = dirname(fileURLToPath(import.meta.url));

/** Non-test .ts files under src/, as posix paths relative to src/ ('engine/simulation.ts'). */
function sourceFiles(): string[] {
  return readdirSync(SRC, { recursive: true, encoding: 'utf8' })
    .map((f) => f.split('\\').join('/'))
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
    .sort();
}

/** The rule key of a file: its top folder under src/, or its name for files directly in src/. */
function areaOf(file: string): string {
  return file.split('/')[0];
}

/** The package of a bare specifier: 'csv-stringify/sync' → 'csv-stringify'. */
function packageOf(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

interface Rule {
  /** What the area may import, for the failure message. */
  text: string;
  /** May it import `target` (a path relative to src/, '../x' when outside it)? */
  allowsFile(target: string, typeOnly: boolean): boolean;
  /** May it import the npm package or Node built-in `name`? */
  allowsPackage(name: string): boolean;
}

const inArea = (target: string, ...areas: string[]): boolean => areas.includes(areaOf(target));
const anything: Pick<Rule, 'allowsFile' | 'allowsPackage'> = {
  allowsFile: () => true,
  allowsPackage: () => true,
};

/** Allowed dependencies: every edge points down (STYLE.md §3). An area may import itself. */
const RULES: Record<string, Rule> = {
  engine: {
    text: 'engine/ may import only Node built-ins, seedrandom and engine/',
    allowsFile: (target) => inArea(target, 'engine'),
    allowsPackage: (name) => isBuiltin(name) || name === 'seedrandom',
  },
  metrics: {
    text: 'metrics/ may import only Node built-ins, hdr-histogram-js, engine/, metrics/ and types from scenario/types.ts',
    allowsFile: (target, typeOnly) =>
      inArea(target, 'metrics', 'engine') || (typeOnly && target === 'scenario/types.ts'),
    allowsPackage: (name) => isBuiltin(name) || name === 'hdr-histogram-js',
  },
  model: {
    // a step kind (model/steps/) holds its part of the scenario language: scenario/ sits below
    text: 'model/ may import only engine/, metrics/, scenario/ and model/',
    allowsFile: (target) => inArea(target, 'model', 'engine', 'metrics', 'scenario'),
    allowsPackage: () => true,
  },
  scenario: {
    text: 'scenario/ may import only engine/ and scenario/',
    allowsFile: (target) => inArea(target, 'scenario', 'engine'),
    allowsPackage: () => true,
  },
  stats: {
    text: 'stats/ (pure statistics) may import only Node built-ins and stats/',
    allowsFile: (target) => inArea(target, 'stats'),
    allowsPackage: (name) => isBuiltin(name),
  },
  report: {
    text: 'report/ may import report/, metrics/, stats/, and only types from scenario/ and engine/',
    allowsFile: (target, typeOnly) =>
      inArea(target, 'report', 'metrics', 'stats') ||
      target === 'scenario/types.ts' ||
      (typeOnly && inArea(target, 'scenario', 'engine')),
    allowsPackage: () => true,
  },
  cli: { text: 'cli/ may import anything', ...anything },
  'index.ts': { text: 'src/index.ts may import anything', ...anything },
  // helpers for tests only; no production area lists it, so production code cannot import it
  'test-support': { text: 'test-support/ may import anything', ...anything },
};

/** Every import edge of `area` that its rule forbids, as 'src/file:line imports …' lines. */
function violationsOf(area: string): string[] {
  const rule = RULES[area];
  const found: string[] = [];
  for (const file of sourceFiles().filter((f) => areaOf(f) === area)) {
    for (const edge of findImports(readFileSync(join(SRC, file), 'utf8'))) {
      const where = `src/${file}:${edge.line} imports '${edge.specifier}'`;
      if (edge.specifier.startsWith('.')) {
        const target = posix.normalize(posix.join(posix.dirname(file), edge.specifier));
        if (!rule.allowsFile(target, edge.typeOnly)) {
          const kind = edge.typeOnly ? 'types from ' : '';
          found.push(`${where} (${kind}src/${target}): ${rule.text}`);
        }
      } else if (!rule.allowsPackage(packageOf(edge.specifier))) {
        found.push(`${where} (package): ${rule.text}`);
      }
    }
  }
  return found;
}

/** A token sequence banned outside src/cli/, with the rule it breaks. */
interface Banned {
  words: string[];
  shown: string;
  rule: string;
}

const CLOCK_AND_RANDOMNESS: Banned[] = [
  {
    words: ['Math', '.', 'random', '('],
    shown: 'Math.random(',
    rule: 'randomness comes only from rng.stream(name)',
  },
  {
    words: ['Date', '.', 'now', '('],
    shown: 'Date.now(',
    rule: 'the wall clock is read only in cli/',
  },
  { words: ['new', 'Date'], shown: 'new Date', rule: 'the wall clock is read only in cli/' },
];

const SHELL_ONLY: Banned[] = [
  { words: ['process', '.', 'exit'], shown: 'process.exit', rule: 'only cli/ exits the process' },
  { words: ['console', '.'], shown: 'console.', rule: 'only cli/ writes to the console' },
];

/** Uses of `banned` in non-test files outside src/cli/, as 'src/file:line uses …' lines. */
function bannedUses(banned: Banned[]): string[] {
  const found: string[] = [];
  for (const file of sourceFiles().filter((f) => areaOf(f) !== 'cli')) {
    const t = tokenize(readFileSync(join(SRC, file), 'utf8'));
    for (const { words, shown, rule } of banned) {
      for (let k = 0; k + words.length <= t.length; k++) {
        // `x.console.log` is some object's property, not the global
        if (t[k - 1]?.text === '.') continue;
        if (words.every((w, n) => t[k + n].kind !== 'string' && t[k + n].text === w)) {
          found.push(`src/${file}:${t[k].line} uses ${shown}: ${rule}`);
        }
      }
    }
  }
  return found;
}

describe('the import scanner', () => {
  it('finds static, multi-line, side-effect, re-export and dynamic imports', () => {
    const src = [
      "import { a } from './a.ts';",
      'import {',
      '  b,',
      '  c,',
      "} from '../b.ts';",
      "import './side-effect.ts';",
      "export { d } from './d.ts';",
      "export * from './e.ts';",
      "const f = await import('./f.ts');",
      "import * as g from 'node:fs';",
    ].join('\n');
    expect(findImports(src).map((e) => [e.specifier, e.line])).toEqual([
      ['./a.ts', 1],
      ['../b.ts', 2],
      ['./side-effect.ts', 6],
      ['./d.ts', 7],
      ['./e.ts', 8],
      ['./f.ts', 9],
      ['node:fs', 10],
    ]);
  });

  it('tells type-only imports from value imports', () => {
    const src = [
      "import type { A } from './a.ts';",
      "import { type B, type C } from './b.ts';",
      "import { type D, e } from './d.ts';",
      "export type { F } from './f.ts';",
      "import type * as G from './g.ts';",
      "import h from './h.ts';",
    ].join('\n');
    expect(findImports(src).map((e) => [e.specifier, e.typeOnly])).toEqual([
      ['./a.ts', true],
      ['./b.ts', true],
      ['./d.ts', false],
      ['./f.ts', true],
      ['./g.ts', true],
      ['./h.ts', false],
    ]);
  });

  it('ignores imports and banned calls inside comments, strings and templates', () => {
    const src = [
      "// import { x } from '../report/x.ts';",
      "/* import('../cli/main.ts') and Math.random() */",
      'const s = "import y from \'../cli/y.ts\'; console.log(1)";',
      // biome-ignore lint/suspicious/noTemplateCurlyInString: TypeScript source under test
      'const t = `Date.now() ${n} import z from "../z.ts"`;',
      'const r = /import q from "..\\/q.ts"/;',
      "import { ok } from './ok.ts';",
    ].join('\n');
    expect(findImports(src).map((e) => e.specifier)).toEqual(['./ok.ts']);
    const words = tokenize(src)
      .filter((t) => t.kind === 'word')
      .map((t) => t.text);
    expect(words).not.toContain('random');
    expect(words).not.toContain('console');
    expect(words).not.toContain('now');
  });

  it('keeps the code inside template substitutions', () => {
    // biome-ignore lint/suspicious/noTemplateCurlyInString: TypeScript source under test
    const src = 'const s = `a ${console.log({ b: 1 })} c`; done();';
    const words = tokenize(src).map((t) => t.text);
    expect(words).toEqual(expect.arrayContaining(['console', 'log', 'done']));
    expect(words).not.toContain('a');
  });
});

describe('architecture: dependencies point down only', () => {
  it('has a dependency rule for every folder and file directly under src/', () => {
    const areas = [...new Set(sourceFiles().map(areaOf))];
    const missing = areas
      .filter((a) => RULES[a] === undefined)
      .map((a) => `src/${a} has no dependency rule: add one to RULES in src/architecture.test.ts`);
    expect(missing).toEqual([]);
  });

  it.each(Object.keys(RULES))('%s imports only what its rule allows', (area) => {
    expect(violationsOf(area)).toEqual([]);
  });
});

describe('architecture: a pure core and a thin shell', () => {
  it('no file outside src/cli/ calls Math.random(, Date.now( or new Date (determinism)', () => {
    expect(bannedUses(CLOCK_AND_RANDOMNESS)).toEqual([]);
  });

  it('no file outside src/cli/ uses process.exit or console.', () => {
    expect(bannedUses(SHELL_ONLY)).toEqual([]);
  });
});
