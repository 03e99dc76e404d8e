/**
 * Test helper: a seeded mutator of the shipped scenarios (scenarios/**\/*.yaml), for the fuzz
 * test of hostile input. Each case is one shipped scenario with one to three mutations: a key
 * deleted or given twice, a value replaced by a hostile one (negative, 0, 1e308, NaN-like text,
 * huge text, `__proto__`, markup, a spreadsheet formula, Hangul, deep nesting), a reference
 * renamed, a type swapped, a hostile key, a variant whose `set:` reaches a hostile path, YAML
 * aliases (unresolved, cyclic, a "billion laughs"). The same seed gives the same cases.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import seedrandom from 'seedrandom';
import { parse, stringify } from 'yaml';

/** One mutated document, with what was done to it (for a failure message). */
export interface FuzzCase {
  /** Which shipped scenario it started from. */
  source: string;
  text: string;
  mutations: string[];
  /** A value set from outside the file, as a sweep's `--param` does (some cases only). */
  override?: { path: string; value: string | number | boolean };
}

/** Values a user (or an attacker) might put anywhere. */
export const HOSTILE_VALUES: readonly unknown[] = [
  -1,
  0,
  -0,
  1e308,
  -1e308,
  2 ** 53 + 2,
  1e9,
  0.5,
  'NaN',
  'Infinity',
  '-Infinity',
  '1e999',
  '0ms',
  '0/s',
  '1e308/s',
  '99999999999999999999999h',
  '0.0000001us',
  '',
  ' ',
  'x'.repeat(100_000),
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  '<img src=x onerror=alert(1)>',
  "=cmd|' /C calc'!A0",
  '서비스/조회',
  '주문',
  'a/b/c',
  null,
  true,
  false,
  [],
  {},
  [1, 2, 3],
  { dist: 'exponential', mean: 0 },
  { dist: 'uniform', min: 5, max: 1 },
  { dist: 'pareto', shape: 1e-300, scale: 1 },
  { dist: 'gamma', shape: 1e-300, mean: 1 },
  { dist: 'empirical', values: [1, 2], weights: [0, 0] },
  { dist: 'lognormal', mean: 1, p99: 1000 },
  { __proto__: null, constructor: 1 },
];

/** Keys a user (or an attacker) might write. */
const HOSTILE_KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'valueOf',
  '<script>',
  '서비스',
  '',
  '1',
  '<<',
];

type Path = (string | number)[];
type Rng = () => number;

/**
 * A billion laughs: nine keys `<key>0`…`<key>8`, each a list of ten aliases to the one before
 * (anchors `<anchor>0`…), so the last stands for 10⁹ values; one line each.
 */
export function billionLaughs(key: string, anchor: string): string {
  const bomb = [`${key}0: &${anchor}0 [x, x, x, x, x, x, x, x, x, x]`];
  for (let i = 1; i < 9; i++)
    bomb.push(
      `${key}${i}: &${anchor}${i} [${Array(10)
        .fill(`*${anchor}${i - 1}`)
        .join(', ')}]`,
    );
  return bomb.join('\n');
}

/** The shipped scenario files, relative to scenarios/, in sorted order. */
export function shippedScenarioFiles(root: string): string[] {
  const out: string[] = [];
  const visit = (dir: string, prefix: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
      a.name < b.name ? -1 : 1,
    )) {
      if (entry.isDirectory() && entry.name !== 'expected' && entry.name !== 'challenges')
        visit(join(dir, entry.name), `${prefix}${entry.name}/`);
      else if (entry.isFile() && entry.name.endsWith('.yaml')) out.push(`${prefix}${entry.name}`);
    }
  };
  visit(root, '');
  return out;
}

/** `count` cases from the scenarios under `root`, from `seed`, made one at a time. */
export function* fuzzCases(root: string, seed: string, count: number): Generator<FuzzCase> {
  const files = shippedScenarioFiles(root);
  const texts = files.map((f) => readFileSync(join(root, f), 'utf8'));
  const rng = seedrandom(seed);
  for (let i = 0; i < count; i++) {
    const which = Math.floor(rng() * files.length);
    yield mutate(files[which], texts[which], rng);
  }
}

function pick<T>(rng: Rng, items: readonly T[]): T {
  return items[Math.floor(rng() * items.length)];
}

/** One case: one to three mutations of the document, then maybe one of its text. */
function mutate(source: string, text: string, rng: Rng): FuzzCase {
  const doc = parse(text) as Record<string, unknown>;
  const mutations: string[] = [];
  const n = 1 + Math.floor(rng() * 3);
  // a share of cases stays mostly valid, so that the runs see unusual but legal documents
  const mild = rng() < 0.5;
  for (let i = 0; i < n; i++) {
    // an earlier mutation may have left no map where a later one wanted one: skip it
    try {
      mutations.push(mild ? mutateMildly(doc, rng) : mutateDocument(doc, rng));
    } catch {
      mutations.push('(skipped)');
    }
  }
  let out = stringify(doc, { aliasDuplicateObjects: false, lineWidth: 0 });
  if (!mild && rng() < 0.35) {
    const textual = mutateText(out, rng);
    out = textual.text;
    mutations.push(textual.what);
  }
  if (rng() < 0.2) {
    // what a sweep's --param can give: a number, a boolean or a text
    const values = HOSTILE_VALUES.filter(
      (v): v is string | number | boolean => v !== null && typeof v !== 'object',
    );
    const all = paths(parse(text)).filter((p) => p.length > 0);
    const override = { path: hostilePath(all, rng), value: pick(rng, values) };
    mutations.push(`override ${override.path}`);
    return { source, text: out, mutations, override };
  }
  return { source, text: out, mutations };
}

/** Every path in `value` (maps and lists included), parents first. */
function paths(value: unknown, prefix: Path = [], out: Path[] = []): Path[] {
  out.push(prefix);
  if (Array.isArray(value)) for (const [i, v] of value.entries()) paths(v, [...prefix, i], out);
  else if (value !== null && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) paths(v, [...prefix, k], out);
  return out;
}

function getAt(root: unknown, path: Path): unknown {
  let node = root;
  for (const seg of path) node = (node as Record<string | number, unknown>)[seg];
  return node;
}

function parentOf(root: unknown, path: Path): Record<string | number, unknown> {
  return getAt(root, path.slice(0, -1)) as Record<string | number, unknown>;
}

/** A nested list `depth` deep. */
function nested(depth: number): unknown {
  let v: unknown = 1;
  for (let i = 0; i < depth; i++) v = [v];
  return v;
}

/** Strings that name things in the document (services, endpoints …), for renames. */
function references(doc: Record<string, unknown>): string[] {
  const names = new Set<string>();
  for (const section of ['services', 'databases', 'caches', 'brokers', 'keys', 'consumers'])
    for (const k of Object.keys((doc[section] as object | undefined) ?? {})) names.add(k);
  return [...names];
}

/** Texts that are legal in a description but hostile to whatever shows them. */
const HOSTILE_TEXTS = [
  '<img src=x onerror=alert(1)>',
  '<script>alert(1)</script>',
  "=cmd|' /C calc'!A0",
  '+SUM(1,1)',
  '주문 서비스',
  '"quoted" and \\backslash',
  'x'.repeat(10_000),
  '',
];

/**
 * Applies one legal-looking change: a number scaled (to 0, a tenth … a hundredfold), or a
 * hostile text as a description. Returns what it did.
 */
function mutateMildly(doc: Record<string, unknown>, rng: Rng): string {
  const all = paths(doc).filter((p) => p.length > 0);
  if (rng() < 0.3) {
    const maps = all.filter((p) => {
      const v = getAt(doc, p);
      return v !== null && typeof v === 'object' && !Array.isArray(v);
    });
    const at = pick(rng, maps);
    const text = pick(rng, HOSTILE_TEXTS);
    (getAt(doc, at) as Record<string, unknown>).description = text;
    return `description of ${at.join('.')} = ${JSON.stringify(text.slice(0, 30))}`;
  }
  const numbers = all.filter((p) => typeof getAt(doc, p) === 'number');
  if (numbers.length === 0) return 'scale (no number)';
  const at = pick(rng, numbers);
  const value = getAt(doc, at) as number;
  const factor = pick(rng, [0, 0.1, 0.5, 2, 10, 100]);
  const scaled = Number.isInteger(value) ? Math.round(value * factor) : value * factor;
  parentOf(doc, at)[at.at(-1) as string] = scaled;
  return `scale ${at.join('.')} ×${factor}`;
}

/** A dotted path into the document, often made hostile (through __proto__, past a list …). */
function hostilePath(all: readonly Path[], rng: Rng): string {
  const target = pick(rng, all).filter((s) => typeof s === 'string' || rng() < 0.8);
  const dotted = target
    .map((s, i) => (typeof s === 'number' ? `[${s}]` : i === 0 ? s : `.${s}`))
    .join('');
  return pick(rng, [
    dotted,
    dotted,
    `__proto__.${dotted}`,
    `${dotted}.constructor.prototype`,
    `${dotted}.__proto__`,
    `${dotted}.toString`,
    `${dotted}[99]`,
  ]);
}

/** Applies one mutation to `doc` in place; returns what it did. */
function mutateDocument(doc: Record<string, unknown>, rng: Rng): string {
  const all = paths(doc).filter((p) => p.length > 0);
  const path = pick(rng, all);
  const where = path.join('.');
  const kind = Math.floor(rng() * 10);
  switch (kind) {
    case 0: {
      const parent = parentOf(doc, path);
      if (Array.isArray(parent)) parent.splice(path.at(-1) as number, 1);
      else delete parent[path.at(-1) as string];
      return `delete ${where}`;
    }
    case 1:
    case 2: {
      const value = pick(rng, HOSTILE_VALUES);
      parentOf(doc, path)[path.at(-1) as string] = structuredClone(value);
      return `set ${where} = ${JSON.stringify(value)?.slice(0, 40)}`;
    }
    case 3: {
      const names = references(doc);
      if (names.length === 0) return 'rename (nothing)';
      const from = pick(rng, names);
      const to = pick(rng, [
        `${from}x`,
        from.slice(1),
        'constructor',
        '서비스',
        from.toUpperCase(),
      ]);
      const text = JSON.stringify(doc)
        .replaceAll(`"${from}`, `"${to}`)
        .replaceAll(`/${from}"`, `/${to}"`);
      const renamed = JSON.parse(text) as Record<string, unknown>;
      for (const k of Object.keys(doc)) delete doc[k];
      Object.assign(doc, renamed);
      return `rename ${from} → ${to}`;
    }
    case 4: {
      const value = getAt(doc, path);
      const swapped =
        typeof value === 'number'
          ? String(value)
          : typeof value === 'string'
            ? Number.parseFloat(value) || [value]
            : Array.isArray(value)
              ? Object.fromEntries(value.map((v, i) => [`k${i}`, v]))
              : value !== null && typeof value === 'object'
                ? Object.values(value)
                : { value };
      parentOf(doc, path)[path.at(-1) as string] = swapped;
      return `swap type of ${where}`;
    }
    case 5: {
      const value = getAt(doc, path);
      if (value === null || typeof value !== 'object' || Array.isArray(value))
        return `hostile key (no map at ${where})`;
      const key = pick(rng, HOSTILE_KEYS);
      Object.defineProperty(value, key, {
        value: pick(rng, HOSTILE_VALUES),
        enumerable: true,
        writable: true,
        configurable: true,
      });
      return `key ${JSON.stringify(key)} in ${where}`;
    }
    case 6: {
      const key = hostilePath(all, rng);
      const variants = (doc.variants ?? {}) as Record<string, unknown>;
      variants[`fuzz${Math.floor(rng() * 3)}`] = { set: { [key]: pick(rng, HOSTILE_VALUES) } };
      doc.variants = variants;
      return `variant set ${key}`;
    }
    case 7:
      parentOf(doc, path)[path.at(-1) as string] = nested(pick(rng, [10, 40, 62, 63, 64, 65, 200]));
      return `nest ${where}`;
    case 8: {
      const copy = structuredClone(getAt(doc, pick(rng, all)));
      parentOf(doc, path)[path.at(-1) as string] = copy;
      return `copy a part to ${where}`;
    }
    default:
      parentOf(doc, path)[path.at(-1) as string] = pick(rng, [
        1e308,
        -1,
        0,
        'unbounded',
        '1e308/s',
        '0ms',
        10 ** pick(rng, [6, 7, 9, 12]),
      ]);
      return `number at ${where}`;
  }
}

/** Mutations only text can express: duplicate keys, aliases, alias bombs, cut files. */
function mutateText(text: string, rng: Rng): { text: string; what: string } {
  const lines = text.split('\n');
  const keyed = lines
    .map((line, i) => ({ line, i }))
    .filter(({ line }) => /^\s*[A-Za-z$][\w$-]*:/.test(line));
  if (keyed.length === 0) return { text, what: 'text (no key)' };
  const at = pick(rng, keyed);
  const indent = /^\s*/.exec(at.line)?.[0] ?? '';
  const kind = Math.floor(rng() * 7);
  switch (kind) {
    case 0:
      lines.splice(
        at.i + 1,
        0,
        at.line.includes(': ') || at.line.endsWith(':')
          ? `${indent}${at.line.trim().split(':')[0]}: 1`
          : at.line,
      );
      return { text: lines.join('\n'), what: `duplicate key on line ${at.i + 1}` };
    case 1:
      lines[at.i] = at.line
        .replace(/:(\s|$)/, ': *nowhere$1')
        .replace(/: \*nowhere(\s*\S.*)$/, ': *nowhere');
      return { text: lines.join('\n'), what: `unresolved alias on line ${at.i + 1}` };
    case 2: {
      // an anchor on a map value, then an alias to it inside itself
      const m = /^(\s*)([\w$-]+):\s*$/.exec(at.line);
      if (!m) return { text, what: 'cyclic alias (no map)' };
      lines[at.i] = `${m[1]}${m[2]}: &loop`;
      lines.splice(at.i + 1, 0, `${m[1]}  self: *loop`);
      return { text: lines.join('\n'), what: `cyclic alias on line ${at.i + 1}` };
    }
    case 3: {
      return { text: `${billionLaughs('lol', 'l')}\n${text}`, what: 'billion laughs' };
    }
    case 4: {
      // an anchored value reused elsewhere (legal YAML): the document must behave as written out
      const m = /^(\s*)([\w$-]+):\s+(\S.*)$/.exec(at.line);
      if (!m || m[3].startsWith('&') || m[3].startsWith('*'))
        return { text, what: 'alias (no scalar)' };
      lines[at.i] = `${m[1]}${m[2]}: &shared ${m[3]}`;
      const other = pick(
        rng,
        keyed.filter(({ i }) => i > at.i),
      );
      if (other === undefined) return { text: lines.join('\n'), what: 'anchor only' };
      const o = /^(\s*)([\w$-]+):\s+(\S.*)$/.exec(lines[other.i]);
      if (o) lines[other.i] = `${o[1]}${o[2]}: *shared`;
      return { text: lines.join('\n'), what: `alias from line ${at.i + 1} to ${other.i + 1}` };
    }
    case 5: {
      // nesting deeper than a parser's stack, written as text (no JS value could hold it)
      const depth = pick(rng, [1000, 5000]);
      lines[at.i] =
        `${indent}${at.line.trim().split(':')[0]}: ${'['.repeat(depth)}${']'.repeat(depth)}`;
      return { text: lines.join('\n'), what: `nest ${depth} deep on line ${at.i + 1}` };
    }
    default:
      return { text: text.slice(0, Math.floor(rng() * text.length)), what: 'cut the file' };
  }
}
