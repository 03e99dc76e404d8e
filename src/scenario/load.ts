/**
 * The scenario pipeline, front half: text → YAML document → (per variant) apply overrides →
 * schema check → reference checks → normalize. Every problem is collected with its file:line:col
 * before failing. Only loadScenario() touches the disk.
 */
import { readFile } from 'node:fs/promises';
import { type Document, LineCounter, parseDocument } from 'yaml';
import { checkReferences } from './check-references.ts';
import { type DocPath, ScenarioError, type ScenarioIssue, type UnlocatedIssue } from './issues.ts';
import { createLocator, detab } from './locate.ts';
import * as msg from './messages.ts';
import { normalizeScenario } from './normalize.ts';
import { ScenarioDocument } from './schema.ts';
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

/** Reads and parses a scenario file. @throws ScenarioError with every problem found. */
export async function loadScenario(path: string): Promise<LoadedScenario> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    const reason =
      (e as NodeJS.ErrnoException).code === 'ENOENT'
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
  return parseScenario(text, path);
}

/**
 * Parses scenario text (YAML or JSON). `file` is used in messages only.
 * @throws ScenarioError with every problem found (syntax, schema, references), sorted by position.
 */
export function parseScenario(text: string, file: string): LoadedScenario {
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

  // 2. the base document
  const base = checkDocument(raw);
  const problems = base.issues.map((u) => place(u));
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
    }
    const checked = checkDocument(copy);
    for (const u of checked.issues) {
      // an issue under an overridden path is shown at the override; others at the base document
      const owner = setPaths.find(([, p]) => p.every((seg, i) => u.path[i] === seg));
      const issue = owner ? place(u, () => locate(['variants', name, 'set', owner[0]])) : place(u);
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
