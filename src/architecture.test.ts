/**
 * Architecture rules (STYLE.md §3, §4): reads the imports of every non-test .ts file under src/
 * and fails on an upward dependency and on an import loop of more than two files, then checks
 * the determinism and thin-shell rules (no Math.random / Date.now / new Date, no process.exit /
 * console outside src/cli/). Files are read with a small tokenizer (test-support/
 * import-scan.ts), so comments and string contents never count.
 *
 * Loops count `import type` edges too: a loop of types only is no problem when the code runs,
 * but it is the same entanglement (no file of it can be read, moved or tested without the
 * others) that issue 13 removes. A loop of two files (a module and its one helper) is allowed.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import { join, posix } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  cycleThrough,
  findImports,
  type ImportGraph,
  importGraph,
  SRC,
  sourceFiles,
  stronglyConnected,
  tokenize,
} from './test-support/import-scan.ts';

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
    text: 'engine/ may import only Node built-ins, seedrandom, @noble/hashes and engine/',
    allowsFile: (target) => inArea(target, 'engine'),
    allowsPackage: (name) => isBuiltin(name) || name === 'seedrandom' || name === '@noble/hashes',
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
  // workshop challenges (issue 17): pure, so the browser can grade an attempt as the CLI does
  challenge: {
    text: 'challenge/ may import challenge/ and everything below cli/, and no Node built-in',
    allowsFile: (target) =>
      inArea(target, 'challenge', 'engine', 'metrics', 'model', 'scenario', 'report', 'stats'),
    allowsPackage: (name) => !isBuiltin(name),
  },
  cli: { text: 'cli/ may import anything', ...anything },
  // the browser playground: a shell like cli/, without Node (scripts/build-web.mjs maps the few
  // built-ins on its paths to web/shims/); of cli/ only the runaway guards and what they import
  web: {
    text: 'web/ may import everything below cli/ (challenge/ too), cli/run-guard.ts, and no Node built-in',
    allowsFile: (target) =>
      inArea(
        target,
        'web',
        'challenge',
        'engine',
        'metrics',
        'model',
        'scenario',
        'report',
        'stats',
      ) || target === 'cli/run-guard.ts',
    allowsPackage: (name) => !isBuiltin(name),
  },
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

/** The most files an import loop may have (a module and its one helper). */
const MAX_LOOP = 2;

/**
 * Import loops of more than two files that exist today, by name. A loop passes while every
 * file of it is in one entry. Entries only shrink: an entry with no loop left, or listing a
 * file that is in no loop any more, fails the test until it is removed, and the lead empties
 * the list when issue 13's model and report work is merged.
 */
const KNOWN_LOOPS: Record<string, string[]> = {};

/**
 * What is wrong with the import loops of `graph`: each loop of more than MAX_LOOP files that
 * no entry of `known` holds (its files and one cycle through them), each entry with no loop
 * left, and each entry's files that are in no loop any more.
 */
function loopProblems(graph: ImportGraph, known: Record<string, string[]>): string[] {
  const loops = stronglyConnected(graph).filter((c) => c.length > MAX_LOOP);
  const problems: string[] = [];
  const covered = new Map<string, string[]>();
  for (const loop of loops) {
    const entry = Object.keys(known).find((name) => loop.every((f) => known[name].includes(f)));
    if (entry !== undefined) {
      covered.set(entry, [...(covered.get(entry) ?? []), ...loop]);
      continue;
    }
    const cycle = cycleThrough(graph, loop).map((f) => `src/${f}`);
    problems.push(
      `an import loop of ${loop.length} files: ${loop.map((f) => `src/${f}`).join(', ')}\n` +
        `  e.g. ${cycle.join(' → ')}\n` +
        '  → move what both sides need into a file of its own, or pass it in (a registry, a callback)',
    );
  }
  for (const [name, files] of Object.entries(known)) {
    const inLoops = covered.get(name);
    if (inLoops === undefined) problems.push(`KNOWN_LOOPS["${name}"] has no loop left: remove it`);
    else {
      const gone = files.filter((f) => !inLoops.includes(f));
      if (gone.length > 0)
        problems.push(
          `KNOWN_LOOPS["${name}"]: ${gone.join(', ')} ${gone.length === 1 ? 'is' : 'are'} in no loop any more: remove ${gone.length === 1 ? 'it' : 'them'}`,
        );
    }
  }
  return problems;
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

describe('the import-loop check', () => {
  const graph = (edges: Record<string, string[]>): ImportGraph => new Map(Object.entries(edges));

  it('fails on a loop of three files and names them, with a cycle through them', () => {
    const g = graph({ 'a.ts': ['b.ts'], 'b.ts': ['c.ts'], 'c.ts': ['a.ts'], 'd.ts': ['a.ts'] });
    expect(loopProblems(g, {})).toEqual([
      'an import loop of 3 files: src/a.ts, src/b.ts, src/c.ts\n' +
        '  e.g. src/a.ts → src/b.ts → src/c.ts → src/a.ts\n' +
        '  → move what both sides need into a file of its own, or pass it in (a registry, a callback)',
    ]);
  });

  it('allows a loop of two files, and files that import each other in no loop', () => {
    const g = graph({ 'a.ts': ['b.ts'], 'b.ts': ['a.ts', 'c.ts'], 'c.ts': [], 'd.ts': ['c.ts'] });
    expect(loopProblems(g, {})).toEqual([]);
    expect(
      stronglyConnected(g)
        .map((c) => c.length)
        .sort(),
    ).toEqual([1, 1, 2]);
  });

  it('finds loops of any shape: two triangles joined at one file are one loop of five', () => {
    const g = graph({
      'a.ts': ['b.ts', 'd.ts'],
      'b.ts': ['c.ts'],
      'c.ts': ['a.ts'],
      'd.ts': ['e.ts'],
      'e.ts': ['a.ts'],
    });
    expect(stronglyConnected(g)).toEqual([['a.ts', 'b.ts', 'c.ts', 'd.ts', 'e.ts']]);
    expect(cycleThrough(g, ['a.ts', 'b.ts', 'c.ts', 'd.ts', 'e.ts'])).toEqual([
      'a.ts',
      'b.ts',
      'c.ts',
      'a.ts',
    ]);
  });

  it('passes a known loop while it shrinks, and fails on an entry left behind', () => {
    const g = graph({ 'a.ts': ['b.ts'], 'b.ts': ['c.ts'], 'c.ts': ['a.ts'] });
    expect(loopProblems(g, { abc: ['a.ts', 'b.ts', 'c.ts'] })).toEqual([]);
    expect(loopProblems(g, { abc: ['a.ts', 'b.ts', 'c.ts', 'x.ts'] })).toEqual([
      'KNOWN_LOOPS["abc"]: x.ts is in no loop any more: remove it',
    ]);
    expect(loopProblems(graph({ 'a.ts': [] }), { abc: ['a.ts'] })).toEqual([
      'KNOWN_LOOPS["abc"] has no loop left: remove it',
    ]);
  });
});

describe('architecture: no import loop of more than two files', () => {
  it('src/ has none but the known ones (KNOWN_LOOPS, shrinking)', () => {
    expect(loopProblems(importGraph(), KNOWN_LOOPS)).toEqual([]);
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

/** Files allowed over 500 lines: catalogues (every message, the whole schema) read as lists. */
const LONG_CATALOGUES = new Set(['scenario/messages.ts', 'scenario/schema.ts']);

describe('architecture: files a reader can hold', () => {
  it('no file under src/ (tests included) is over 500 lines but the catalogues', () => {
    const long = readdirSync(SRC, { recursive: true, encoding: 'utf8' })
      .map((f) => f.split('\\').join('/'))
      .filter((f) => f.endsWith('.ts') && !LONG_CATALOGUES.has(f))
      .map((f) => ({ f, lines: readFileSync(join(SRC, f), 'utf8').split('\n').length - 1 }))
      .filter(({ lines }) => lines > 500)
      .map(({ f, lines }) => `${f}: ${lines} lines`);
    expect(long).toEqual([]);
  });
});
