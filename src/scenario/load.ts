/**
 * The scenario pipeline, front half: text → YAML document → overrides from outside the file (a
 * sweep's parameters) → (per variant) apply its `set:` overrides → schema check → reference
 * checks → normalize. Every problem is collected with its file:line:col before failing. Only
 * loadScenario() touches the disk.
 */
import { constants } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { type Document, LineCounter, parseDocument } from 'yaml';
import { checkReferences } from './check-references.ts';
import { type DocPath, ScenarioError, type ScenarioIssue, type UnlocatedIssue } from './issues.ts';
import { createLocator, detab } from './locate.ts';
import * as msg from './messages.ts';
import { normalizeScenario } from './normalize.ts';
import { ScenarioDocument } from './schema.ts';
import { didYouMean } from './suggest.ts';
import type { Scenario } from './types.ts';
import { fromZodIssues } from './zod-issues.ts';

/** A loaded scenario: one normalized Scenario per variant (one entry when it has none). */
export interface LoadedScenario {
  file: string;
  name: string;
  description: string;
  variants: Scenario[];
  /** Non-fatal issues (printed, the run goes on). */
  warnings: ScenarioIssue[];
}

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
}

/** Options of parseScenario and loadScenario. */
export interface ParseOptions {
  /** Applied in order to the base document; problems they cause are reported under their label. */
  overrides?: readonly ScenarioOverride[];
}

/** Reads and parses a scenario file. @throws ScenarioError with every problem found. */
export async function loadScenario(
  path: string,
  options: ParseOptions = {},
): Promise<LoadedScenario> {
  return parseScenario(await readScenarioText(path), path, options);
}

/**
 * Reads a scenario file's text. The file may be a symbolic link (the user named it), but must
 * be a regular file: a FIFO or a device would hang the run or never end, so it is refused
 * before it is opened (stat) and again on the open handle (opened non-blocking, so a FIFO
 * swapped in meanwhile does not block). @throws ScenarioError when it cannot be read.
 */
export async function readScenarioText(path: string): Promise<string> {
  try {
    if (!(await stat(path)).isFile()) throw new NotRegularFile();
    const handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
    try {
      if (!(await handle.stat()).isFile()) throw new NotRegularFile();
      return await handle.readFile('utf8');
    } finally {
      await handle.close();
    }
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const reason =
      e instanceof NotRegularFile
        ? 'it is not a regular file (a folder, FIFO, socket or device); give a .yaml or .json file'
        : code === 'ENOENT'
          ? 'file not found'
          : String((e as Error).message);
    throw new ScenarioError([
      {
        code: 'unreadable-file',
        severity: 'error',
        path: [],
        message: msg.unreadableFile(path, reason),
        file: path,
        line: 1,
        col: 1,
      },
    ]);
  }
}

/** A scenario path that names something other than a regular file. */
class NotRegularFile extends Error {}

/**
 * Parses scenario text (YAML or JSON). `file` is used in messages only.
 * @throws ScenarioError with every problem found (syntax, schema, references), sorted by position.
 */
export function parseScenario(
  text: string,
  file: string,
  options: ParseOptions = {},
): LoadedScenario {
  // 1. syntax
  const looksJson = file.endsWith('.json') || /^\s*[{[]/.test(text);
  const lineCounter = new LineCounter();
  const doc = parseDocument(looksJson ? detab(text) : text, { lineCounter, uniqueKeys: true });
  const locate = createLocator(doc, lineCounter);
  const place = (
    u: UnlocatedIssue,
    at?: (path: DocPath) => { line: number; col: number },
  ): ScenarioIssue => {
    const { onKey, ...rest } = u;
    const pos = (at ?? ((p: DocPath) => locate(p, onKey)))(u.path);
    return { ...rest, file, line: pos.line, col: pos.col };
  };
  if (doc.errors.length > 0) throw new ScenarioError(doc.errors.map((e) => syntaxIssue(e, file)));
  const raw = doc.toJS({ maxAliasCount: 1000 }) as unknown;

  // 2. the base document, with the overrides from outside the file
  const overrides = applyOverrides(raw, options.overrides ?? []);
  const base = checkDocument(raw);
  const problems = [
    ...overrides.issues.map((u) => place(u)),
    ...base.issues.map((u) => place(underOverride(u, overrides.applied))),
  ];
  fail(problems);
  const parsed = base.parsed as NonNullable<typeof base.parsed>;
  const variantsInput = (
    raw as { variants?: Record<string, { set?: Record<string, unknown>; description?: string }> }
  ).variants;
  if (variantsInput === undefined) {
    return {
      file,
      name: parsed.name,
      description: parsed.description,
      variants: [normalizeScenario(parsed, file)],
      warnings: problems,
    };
  }

  // 3. each variant: the base with its `set` overrides applied, checked again
  const scenarios: Scenario[] = [];
  const variantProblems: ScenarioIssue[] = [];
  for (const [name, v] of Object.entries(variantsInput)) {
    const setPaths: [string, DocPath][] = [];
    const copy = structuredClone(raw) as Record<string, unknown>;
    delete copy.variants;
    for (const [key, value] of Object.entries(v.set ?? {})) {
      const path = parseSetPath(key);
      const where: DocPath = ['variants', name, 'set', key];
      if (path === undefined || !assignPath(copy, path, value)) {
        variantProblems.push(
          place({
            code: 'bad-set-path',
            severity: 'error',
            path: where,
            message: msg.badSetPath(key),
            onKey: true,
          }),
        );
        continue;
      }
      setPaths.push([key, path]);
      for (const o of overrides.applied) {
        if (!overlaps(o.path, path)) continue;
        const text = msg.variantHidesOverride(name, o.override.path);
        variantProblems.push(place({ ...text, severity: 'warning', path: where, onKey: true }));
      }
    }
    const checked = checkDocument(copy);
    for (const u of checked.issues) {
      // an issue under an overridden path is shown at the override; others at the base document
      const owner = setPaths.find(([, p]) => isUnder(u.path, p));
      const issue = owner
        ? place(u, () => locate(['variants', name, 'set', owner[0]]))
        : place(underOverride(u, overrides.applied));
      variantProblems.push({ ...issue, message: msg.inVariant(name, issue.message) });
    }
    if (checked.parsed)
      scenarios.push(normalizeScenario(checked.parsed, file, { name, description: v.description }));
  }
  fail([...problems, ...dedupe(variantProblems)]);
  return {
    file,
    name: parsed.name,
    description: parsed.description,
    variants: scenarios,
    warnings: [...problems, ...dedupe(variantProblems)],
  };
}

/** An override whose path was set in the document. */
interface AppliedOverride {
  override: ScenarioOverride;
  path: DocPath;
  /** The first map the override had to create on its way (its problems are the override's). */
  created: DocPath | undefined;
}

/**
 * Sets each override in `raw` (in place). A path that is malformed, or that goes through a key
 * the document lacks but has a close relative of ("ordrs" for "orders"), is an issue rather than
 * a new map: an override changes a value, it does not add a component. Other missing maps are
 * created, as for a variant, and the schema judges the result.
 */
function applyOverrides(
  raw: unknown,
  overrides: readonly ScenarioOverride[],
): { applied: AppliedOverride[]; issues: UnlocatedIssue[] } {
  const applied: AppliedOverride[] = [];
  const issues: UnlocatedIssue[] = [];
  if (overrides.length === 0 || raw === null || typeof raw !== 'object' || Array.isArray(raw))
    return { applied, issues };
  const root = raw as Record<string, unknown>;
  for (const override of overrides) {
    const path = parseSetPath(override.path);
    const misspelt = path === undefined ? undefined : misspeltKey(root, path);
    if (misspelt !== undefined) {
      const text = msg.unknownOverrideKey(misspelt.key, misspelt.known);
      issues.push({
        ...text,
        message: msg.inOverride(override.pathLabel ?? override.label, text.message),
        severity: 'error',
        path: misspelt.at,
        onKey: true,
      });
      continue;
    }
    const created = path === undefined ? undefined : firstMissing(root, path);
    if (path === undefined || !assignPath(root, path, override.value)) {
      issues.push({
        code: 'bad-set-path',
        severity: 'error',
        path: path ?? [],
        message: msg.inOverride(
          override.pathLabel ?? override.label,
          msg.badSetPath(override.path),
        ),
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
    node = (node as Record<string | number, unknown>)[path[i]];
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
    const next = (node as Record<string | number, unknown>)[seg];
    if (next === undefined && typeof seg === 'string' && !Array.isArray(node)) {
      const known = Object.keys(node);
      if (didYouMean(seg, known) === undefined) return undefined;
      return { key: seg, known, at: path.slice(0, i + 1) };
    }
    node = next;
  }
  return undefined;
}

/** `u` with its message put under the override it comes from, if any. */
function underOverride(u: UnlocatedIssue, applied: readonly AppliedOverride[]): UnlocatedIssue {
  const owner = applied.findLast(
    (o) => isUnder(u.path, o.path) || (o.created !== undefined && isUnder(u.path, o.created)),
  );
  return owner ? { ...u, message: msg.inOverride(owner.override.label, u.message) } : u;
}

/** Whether `path` is `prefix` or lies below it. */
function isUnder(path: DocPath, prefix: DocPath): boolean {
  return prefix.length <= path.length && prefix.every((seg, i) => path[i] === seg);
}

/** Whether one path lies under the other. */
function overlaps(a: DocPath, b: DocPath): boolean {
  return isUnder(a, b) || isUnder(b, a);
}

function checkDocument(raw: unknown) {
  const result = ScenarioDocument.safeParse(raw);
  if (!result.success)
    return { issues: fromZodIssues(result.error.issues, raw), parsed: undefined };
  return { issues: checkReferences(result.data), parsed: result.data };
}

function fail(issues: ScenarioIssue[]): void {
  if (issues.some((i) => i.severity === 'error')) {
    throw new ScenarioError([...issues].sort((a, b) => a.line - b.line || a.col - b.col));
  }
}

function dedupe(issues: ScenarioIssue[]): ScenarioIssue[] {
  const seen = new Set<string>();
  return issues.filter((i) => {
    const key = `${i.line}:${i.col}:${i.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function syntaxIssue(
  e: { message: string; linePos?: [{ line: number; col: number }, ...unknown[]] },
  file: string,
): ScenarioIssue {
  const pos = e.linePos?.[0] ?? { line: 1, col: 1 };
  const first = e.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
  return {
    code: 'yaml-syntax',
    severity: 'error',
    path: [],
    message: msg.yamlSyntax(first),
    file,
    line: pos.line,
    col: pos.col,
  };
}

/** Parses `services.orders.endpoints.get.steps[0].cpu` into a document path; undefined if malformed. */
export function parseSetPath(text: string): DocPath | undefined {
  const path: DocPath = [];
  for (const part of text.split('.')) {
    const m = /^([A-Za-z0-9_$-]+)((\[\d+\])*)$/.exec(part);
    if (!m) return undefined;
    path.push(m[1]);
    for (const idx of m[2].matchAll(/\[(\d+)\]/g)) path.push(Number(idx[1]));
  }
  return path;
}

/** Sets `value` at `path` inside `root`, creating maps on the way; false when an index is out of range. */
function assignPath(root: Record<string, unknown>, path: DocPath, value: unknown): boolean {
  let node: unknown = root;
  for (let i = 0; i < path.length - 1; i++) {
    const seg = path[i];
    const container = node as Record<string | number, unknown>;
    if (typeof seg === 'number' && (!Array.isArray(container) || seg >= container.length))
      return false;
    if (container[seg] === undefined || container[seg] === null)
      container[seg] = typeof path[i + 1] === 'number' ? [] : {};
    node = container[seg];
    if (typeof node !== 'object') return false;
  }
  const last = path[path.length - 1];
  if (typeof last === 'number' && (!Array.isArray(node) || last > (node as unknown[]).length))
    return false;
  (node as Record<string | number, unknown>)[last] = structuredClone(value);
  return true;
}

export type { Document };
