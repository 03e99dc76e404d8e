/**
 * The scenario pipeline, front half: text → YAML document → overrides from outside the file (a
 * sweep's parameters) → (per variant) apply its `set:` overrides → schema check → reference
 * checks → normalize. Every problem is collected with its file:line:col before failing. Only
 * loadScenario() touches the disk.
 */
import { constants } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { type Document, LineCounter } from 'yaml';
import { checkReferences } from './check-references.ts';
import { checkHighlights } from './highlights.ts';
import {
  type DocPath,
  type IssueText,
  ScenarioError,
  type ScenarioIssue,
  type UnlocatedIssue,
} from './issues.ts';
import type { LessonScope } from './lesson.ts';
import { createLocator, detab } from './locate.ts';
import * as msg from './messages.ts';
import * as ko from './messages-ko.ts';
import { normalizeScenario } from './normalize.ts';
import {
  applyOverrides,
  assignPath,
  isUnder,
  overlaps,
  parseSetPath,
  type ScenarioOverride,
  setPathProblem,
  setPathProblemKo,
  unassignableText,
  underOverride,
} from './overrides.ts';
import type { ScenarioParsed } from './schema.ts';
import { type StepLanguage, type StepSyntax, stepLanguage } from './step-syntax.ts';
import type { HighlightDef, Scenario } from './types.ts';
import { hexByte, notUtf8 } from './utf8.ts';
import { everyStep } from './walk-steps.ts';
import { checkYamlTree, MAX_DEPTH, parseYamlDocument } from './yaml-guards.ts';
import { fromZodIssues } from './zod-issues.ts';

export { parseSetPath, type ScenarioOverride } from './overrides.ts';

/** A loaded scenario: one normalized Scenario per variant (one entry when it has none). */
export interface LoadedScenario {
  file: string;
  name: string;
  description: string;
  /** The scenario's `lang:` (a BCP 47 tag), when it has one. */
  lang?: string;
  variants: Scenario[];
  /** The key metrics the report shows first (`highlights:`; empty: the report picks them). */
  highlights: HighlightDef[];
  /** `replications:` (null: not set; the CLI's --replications overrides it). */
  replications: number | null;
  /** Non-fatal issues (printed, the run goes on). */
  warnings: ScenarioIssue[];
  /**
   * Where a path of the document is in the file (problems found later, in the data files a
   * workload replays, point at the key that names them).
   */
  locate?: (path: DocPath) => { line: number; col: number };
  /**
   * What the lesson beside it refers to (lesson.ts `parseLesson`): its documents, gathered when
   * asked (a load that reads no lesson, such as a sweep's points, does not pay for it).
   */
  lessonScope?: () => LessonScope;
}

/** Options of parseScenario and loadScenario. */
export interface ParseOptions {
  /**
   * The step kinds of the language, in order (the built-in ones: `BUILTIN_STEP_SYNTAXES`,
   * model/steps/syntax-registry.ts, which the CLI and the library API pass).
   */
  steps: readonly StepSyntax[];
  /** Applied in order to the base document; problems they cause are reported under their label. */
  overrides?: readonly ScenarioOverride[];
}

/** Reads and parses a scenario file. @throws ScenarioError with every problem found. */
export async function loadScenario(path: string, options: ParseOptions): Promise<LoadedScenario> {
  return parseScenario(await readScenarioText(path), path, options);
}

/** Largest scenario file read, bytes (a scenario is a few KB; 100,000 services take 10 MB). */
export const MAX_FILE_BYTES = 64 * 1024 * 1024;
/** Most lines and flow items parsed (the YAML tree takes about 1 KB of memory for each). */
export const MAX_LINES_AND_ITEMS = 2_000_000;

/**
 * Why a file cannot be read as a scenario, from what stat() says of it: not a regular file (a
 * folder, a device, a pipe would be read for ever), or too big. Undefined when it can be read.
 */
export function fileProblem(info: { isFile(): boolean; size: number }): string | undefined {
  if (!info.isFile())
    return 'it is not a regular file (a folder, FIFO, socket or device); give a .yaml or .json file';
  if (info.size > MAX_FILE_BYTES)
    return `the file holds ${msg.showBytes(info.size)}; msasim reads at most ${msg.showBytes(MAX_FILE_BYTES)}`;
  return undefined;
}

/**
 * Reads a scenario file's text. The file may be a symbolic link (the user named it), but must
 * be a regular file: a FIFO or a device would hang the run or never end, so it is refused
 * before it is opened (stat) and again on the open handle (opened non-blocking, so a FIFO
 * swapped in meanwhile does not block). @throws ScenarioError when it cannot be read.
 */
export async function readScenarioText(path: string): Promise<string> {
  const unreadable = (reason: string) =>
    new ScenarioError([
      {
        code: 'unreadable-file',
        severity: 'error',
        path: [],
        message: msg.unreadableFile(path, reason),
        ko: { message: ko.unreadableFile(path, reason) },
        file: path,
        line: 1,
        col: 1,
      },
    ]);
  const because = (e: unknown) =>
    (e as NodeJS.ErrnoException).code === 'ENOENT'
      ? 'file not found'
      : String((e as Error).message);
  let problem: string | undefined;
  try {
    problem = fileProblem(await stat(path));
  } catch (e) {
    throw unreadable(because(e));
  }
  if (problem !== undefined) throw unreadable(problem);
  let bytes: Uint8Array | undefined;
  try {
    const handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
    try {
      const again = fileProblem(await handle.stat());
      if (again !== undefined) problem = again;
      else bytes = await handle.readFile();
    } finally {
      await handle.close();
    }
  } catch (e) {
    throw unreadable(because(e));
  }
  if (bytes === undefined) throw unreadable(problem ?? 'it could not be read');
  return decodeScenarioText(bytes, path);
}

/**
 * The text of a scenario file's bytes: UTF-8 (a byte-order mark is kept for the parser, which
 * skips it). @throws ScenarioError at the line and column of the first byte that is not UTF-8.
 */
export function decodeScenarioText(bytes: Uint8Array, file: string): string {
  const bad = notUtf8(bytes);
  if (bad === undefined) return new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
  const byte = hexByte(bad.byte);
  throw new ScenarioError([
    {
      code: 'not-utf8',
      severity: 'error',
      path: [],
      ...msg.notUtf8(file, byte),
      ko: ko.notUtf8(file, byte),
      file,
      line: bad.line,
      col: bad.col,
    },
  ]);
}

/** Lines and flow-collection items of `text`, counted without parsing it (an upper bound). */
function linesAndItems(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // \n , [ {
    if (c === 10 || c === 44 || c === 91 || c === 123) count++;
  }
  return count;
}

/**
 * Parses scenario text (YAML or JSON). `file` is used in messages only.
 * @throws ScenarioError with every problem found (syntax, schema, references), sorted by position.
 */
export function parseScenario(text: string, file: string, options: ParseOptions): LoadedScenario {
  const language = stepLanguage(options.steps);
  // 1. syntax
  const looksJson = file.endsWith('.json') || /^\s*[{[]/.test(text);
  const lineCounter = new LineCounter();
  const size = linesAndItems(text);
  if (size > MAX_LINES_AND_ITEMS)
    throw new ScenarioError([
      {
        ...msg.tooManyValues(size, MAX_LINES_AND_ITEMS),
        severity: 'error',
        path: [],
        file,
        line: 1,
        col: 1,
      },
    ]);
  const parsedYaml = parseYamlDocument(looksJson ? detab(text) : text, lineCounter, {
    uniqueKeys: false,
  });
  if ('tooDeepAt' in parsedYaml) {
    const { line, col } = lineCounter.linePos(parsedYaml.tooDeepAt);
    throw new ScenarioError([
      { ...msg.tooDeep(MAX_DEPTH), severity: 'error', path: [], file, line, col },
    ]);
  }
  const doc = parsedYaml.doc;
  const locate = createLocator(doc, lineCounter);
  const place = (
    u: UnlocatedIssue,
    at?: (path: DocPath) => { line: number; col: number },
  ): ScenarioIssue => {
    const { onKey, ...rest } = u;
    const pos = (at ?? ((p: DocPath) => locate(p, onKey)))(u.path);
    return { ...rest, file, line: pos.line, col: pos.col };
  };
  if (doc.errors.length > 0)
    throw new ScenarioError(
      sansTabEchoes(doc.errors).map((e) => syntaxIssue(e, file, lineCounter)),
    );
  const treeIssues = checkYamlTree(doc, (offset) => lineCounter.linePos(offset));
  if (treeIssues.length > 0)
    throw new ScenarioError(
      treeIssues.map(({ line, col, ...text }) => ({ ...text, severity: 'error', file, line, col })),
    );
  // the tree check bounds what aliases expand to, so yaml's own (coarser) alias limit is off
  let raw: unknown;
  try {
    raw = doc.toJS({ maxAliasCount: -1 });
  } catch (e) {
    // a safety net: every problem the parser's values can have is checked above
    const text = {
      code: 'yaml-syntax' as const,
      message: msg.yamlSyntax(String((e as Error).message)),
      ko: { message: ko.yamlSyntax(msg.parserFirstLine(String((e as Error).message))) },
    };
    throw new ScenarioError([{ ...text, severity: 'error', path: [], file, line: 1, col: 1 }]);
  }

  // 2. the base document, with the overrides from outside the file
  const overrides = applyOverrides(raw, options.overrides ?? []);
  const base = checkDocument(raw, language);
  const problems = [
    ...overrides.issues.map((u) => place(u)),
    ...base.issues.map((u) => place(underOverride(u, overrides.applied))),
  ];
  fail(problems);
  const parsed = base.parsed as NonNullable<typeof base.parsed>;
  const variantsInput = (
    raw as { variants?: Record<string, { set?: Record<string, unknown>; description?: string }> }
  ).variants;
  if (variantsInput === undefined || Object.keys(variantsInput).length === 0) {
    const warnings =
      variantsInput === undefined
        ? problems
        : [
            ...problems,
            place({ ...msg.emptyVariants(), severity: 'warning', path: ['variants'], onKey: true }),
          ];
    const highlights = highlightsOf(parsed, [parsed], language, place);
    return {
      file,
      name: parsed.name,
      description: parsed.description,
      ...(parsed.lang === undefined ? {} : { lang: parsed.lang }),
      variants: [normalizeScenario(parsed, file, language)],
      highlights,
      replications: parsed.replications ?? null,
      warnings,
      locate: (p: DocPath) => locate(p),
      lessonScope: () => ({ base: contextOf(parsed, language), variants: [] }),
    };
  }

  // 3. each variant: the base with its `set` overrides applied, checked again
  const scenarios: Scenario[] = [];
  const variantDocs: ScenarioParsed[] = [];
  const variantProblems: ScenarioIssue[] = [];
  const issueKey = (u: UnlocatedIssue) => `${u.severity}|${JSON.stringify(u.path)}|${u.message}`;
  const baseSaid = new Set(base.issues.map(issueKey));
  for (const [name, v] of Object.entries(variantsInput)) {
    const setPaths: [string, DocPath][] = [];
    // a shallow copy: assignPath copies what it changes below the root
    const copy = { ...(raw as Record<string, unknown>) };
    delete copy.variants;
    const owned = new Set<object>([copy]);
    // keys a `set:` path created beside a close one ("wbe" beside "web"): a slip, if the schema refuses what it made
    const slips: { key: string; at: DocPath; text: IssueText; said: boolean }[] = [];
    for (const [key, value] of Object.entries(v.set ?? {})) {
      const path = parseSetPath(key);
      const where: DocPath = ['variants', name, 'set', key];
      const why = path === undefined ? undefined : unassignableText(copy, path);
      if (path === undefined || !assignPath(copy, path, value, owned)) {
        const { at: _, ...text } = why ?? {
          code: 'bad-set-path' as const,
          message: setPathProblem(key) ?? msg.badSetPath(key),
          ko: { message: setPathProblemKo(key) ?? ko.badSetPath(key) },
        };
        variantProblems.push(place({ ...text, severity: 'error', path: where, onKey: true }));
        continue;
      }
      if (why?.code === 'unknown-override-path') {
        const { at, ...text } = why;
        slips.push({ key, at, text, said: false });
      }
      setPaths.push([key, path]);
      for (const o of overrides.applied) {
        if (!overlaps(o.path, path)) continue;
        const text = msg.variantHidesOverride(name, o.override.path);
        variantProblems.push(place({ ...text, severity: 'warning', path: where, onKey: true }));
      }
    }
    const checked = checkDocument(copy, language);
    for (const found of checked.issues) {
      // a warning the base document gives already, at the same place in the same words, is not
      // the variant's: said once (the base's), not once more per variant
      if (baseSaid.has(issueKey(found)) && !setPaths.some(([, p]) => isUnder(found.path, p)))
        continue;
      // what a slip created is refused: say the slip once, at its set key, with its did-you-mean
      const slip =
        found.severity === 'error' ? slips.find((m) => isUnder(found.path, m.at)) : undefined;
      if (slip?.said) continue;
      if (slip !== undefined) slip.said = true;
      const u: UnlocatedIssue =
        slip === undefined
          ? found
          : {
              ...slip.text,
              severity: 'error',
              path: ['variants', name, 'set', slip.key],
              onKey: true,
            };
      // an issue under an overridden path is shown at the override; others at the base document
      const owner = setPaths.find(([, p]) => isUnder(u.path, p));
      const issue = owner
        ? place(u, () => locate(['variants', name, 'set', owner[0]]))
        : place(underOverride(u, overrides.applied));
      variantProblems.push({
        ...issue,
        message: msg.inVariant(name, issue.message),
        ...ko.koPrefixed(issue.ko, (m) => ko.inVariant(name, m)),
      });
    }
    // normalize assumes a document without errors (a lognormal without a solution would throw)
    if (checked.parsed && !checked.issues.some((u) => u.severity === 'error')) {
      variantDocs.push(checked.parsed);
      scenarios.push(
        normalizeScenario(checked.parsed, file, language, { name, description: v.description }),
      );
    }
  }
  fail([...problems, ...dedupe(variantProblems)]);
  const highlights = highlightsOf(parsed, [parsed, ...variantDocs], language, place);
  return {
    file,
    name: parsed.name,
    description: parsed.description,
    ...(parsed.lang === undefined ? {} : { lang: parsed.lang }),
    variants: scenarios,
    highlights,
    replications: parsed.replications ?? null,
    warnings: [...problems, ...dedupe(variantProblems)],
    locate: (p: DocPath) => locate(p),
    lessonScope: () => ({
      base: contextOf(parsed, language),
      // a variant with an error stopped the load above: the documents follow the names
      variants: Object.keys(variantsInput).map((name, i) => ({
        name,
        context: contextOf(variantDocs[i], language),
      })),
    }),
  };
}

/** What the highlight checker reads of a document: it and its steps. */
const contextOf = (doc: ScenarioParsed, language: StepLanguage) => ({
  doc,
  steps: everyStep(language, doc.services),
});

/**
 * The highlights of `parsed`, each resolved against the base document and its variants `docs`
 * (valid when one of them measures it). @throws ScenarioError with the located problems.
 */
function highlightsOf(
  parsed: ScenarioParsed,
  docs: readonly ScenarioParsed[],
  language: StepLanguage,
  place: (u: UnlocatedIssue) => ScenarioIssue,
): HighlightDef[] {
  if (parsed.highlights === undefined) return [];
  const contexts = docs.map((doc) => contextOf(doc, language));
  const { highlights, issues } = checkHighlights(parsed.highlights, contexts);
  fail(issues.map((u) => place(u)));
  return highlights;
}

function checkDocument(raw: unknown, language: StepLanguage) {
  // jitless: zod's compiled fast path costs more to build than it saves on the one parse of a
  // command (~8 ms CPU of `validate`); a sweep's later parses lose ~1 ms each
  const result = language.document.safeParse(raw, { jitless: true });
  if (!result.success)
    return {
      issues: fromZodIssues(result.error.issues, raw, language.document),
      parsed: undefined,
    };
  const parsed = withoutPrototypes(result.data);
  return { issues: checkReferences(parsed, language), parsed };
}

/**
 * `value` with every map made an object without a prototype, in place (zod's output is fresh),
 * so that a name the user chose (a service called `constructor` or `toString`) never finds
 * something JavaScript objects inherit: `doc.caches.toString` is undefined, as it should be.
 */
function withoutPrototypes<T>(value: T): T {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const node = stack.pop();
    if (node === null || typeof node !== 'object') continue;
    if (Array.isArray(node)) {
      for (const item of node) stack.push(item);
      continue;
    }
    if (Object.getPrototypeOf(node) !== Object.prototype) continue;
    Object.setPrototypeOf(node, null);
    for (const key in node) stack.push((node as Record<string, unknown>)[key]);
  }
  return value;
}

function fail(issues: ScenarioIssue[]): void {
  if (issues.some((i) => i.severity === 'error')) {
    throw new ScenarioError([...issues].sort((a, b) => a.line - b.line || a.col - b.col));
  }
}

/** `issues` without repeats (the same message at the same place). */
function dedupe(issues: ScenarioIssue[]): ScenarioIssue[] {
  const seen = new Set<string>();
  return issues.filter((i) => {
    const key = `${i.line}:${i.col}:${i.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * The parser's errors without the echoes of a tab used as indentation: after one, the parser
 * reads the following lines askew and reports each ("Nested mappings are not allowed in compact
 * mappings", "All mapping items must start at the same column" …: eight errors for one tab).
 * Kept: every tab, and what comes before the first.
 */
function sansTabEchoes<E extends { code: string; pos: [number, number] }>(
  errors: readonly E[],
): E[] {
  const first = errors.find((e) => e.code === 'TAB_AS_INDENT');
  if (first === undefined) return [...errors];
  return errors.filter((e) => e.code === 'TAB_AS_INDENT' || e.pos[0] < first.pos[0]);
}

function syntaxIssue(
  e: { message: string; pos: [number, number] },
  file: string,
  lineCounter: LineCounter,
): ScenarioIssue {
  const { line, col } = lineCounter.linePos(e.pos[0]);
  const first = e.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
  return {
    code: 'yaml-syntax',
    severity: 'error',
    path: [],
    message: msg.yamlSyntax(first),
    ko: { message: ko.yamlSyntax(msg.parserFirstLine(first)) },
    file,
    line,
    col,
  };
}

export type { Document };
