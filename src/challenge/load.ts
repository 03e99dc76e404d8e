/**
 * Reading a challenge (`*.challenge.yaml`) and the attempts at it, pure (text in, the CLI reads
 * the files): the challenge is checked like a scenario — YAML guards, the zod schema
 * (challenge/schema.ts) with located, worded issues and did-you-mean, then against its base
 * scenario: the goal's bounds must name endpoints and components the scenario has, the
 * questions' key metrics must be measured by it, and each constraint glob must start with a
 * key of the scenario language (did-you-mean for a misspelt name in a path); its translations
 * must match its texts (translation.ts). Every problem is reported at its place in the
 * challenge file.
 *
 * An attempt is a scenario document parsed with the challenge's goal as its `slos:` and the
 * questions' key metrics as its `highlights:` (the scenario pipeline's overrides, so the
 * analysis judges the goal and estimates the answers), and kept as its raw document too, for
 * the constraint diff.
 */
import { LineCounter } from 'yaml';
import { parseScenario } from '../model/language.ts';
import { BUILTIN_STEP_SYNTAXES } from '../model/steps/syntax-registry.ts';
import {
  type DocPath,
  ScenarioError,
  type ScenarioIssue,
  type UnlocatedIssue,
} from '../scenario/issues.ts';
import type { LoadedScenario } from '../scenario/load.ts';
import { createLocator, detab, type Locator } from '../scenario/locate.ts';
import * as msg from '../scenario/messages.ts';
import * as ko from '../scenario/messages-ko.ts';
import type { ScenarioOverride } from '../scenario/overrides.ts';
import { stepLanguage } from '../scenario/step-syntax.ts';
import { didYouMean } from '../scenario/suggest.ts';
import { checkYamlTree, MAX_DEPTH, parseYamlDocument } from '../scenario/yaml-guards.ts';
import { fromZodIssues } from '../scenario/zod-issues.ts';
import { type PathGlob, parseGlob } from './paths.ts';
import { ChallengeDocument, type ChallengeParsed } from './schema.ts';
import { checkTranslations } from './translation.ts';

/** A YAML text read into its value, with the positions of its paths. */
export interface YamlText {
  raw: unknown;
  locate: Locator;
}

/** A checked challenge. */
export interface Challenge {
  file: string;
  def: ChallengeParsed;
  /** `constraints.change`, parsed, in order. */
  globs: PathGlob[];
  /** The SLOs of the goal (the attempt's `slos:`). */
  slos: Record<string, unknown>;
  /** The key-metric goals: name, metric as written, bounds as fractions or plain numbers. */
  metricGoals: {
    name: string;
    metric: string;
    /** The bound as written: "error rate ≤ 25%". */
    text: string;
    max?: number;
    min?: number;
  }[];
  /**
   * The key metrics of the metric goals and the questions, each once, in order (the attempt's
   * `highlights:`).
   */
  reveals: string[];
  locate: Locator;
}

/** An attempt (or the base scenario), parsed with the challenge's goal and questions. */
export interface Attempt extends YamlText {
  file: string;
  loaded: LoadedScenario;
  /** The questions' key metrics the attempt measures (its `highlights:`), in order. */
  reveals: string[];
}

const fail = (issues: ScenarioIssue[]) => {
  if (issues.some((i) => i.severity === 'error'))
    throw new ScenarioError([...issues].sort((a, b) => a.line - b.line || a.col - b.col));
};

/** Reads YAML `text` with the scenario loader's guards. @throws ScenarioError. */
export function readYaml(text: string, file: string): YamlText {
  const lineCounter = new LineCounter();
  const parsed = parseYamlDocument(/^\s*[{[]/.test(text) ? detab(text) : text, lineCounter, {
    uniqueKeys: false,
  });
  const error = (t: msg.IssueText, line = 1, col = 1): ScenarioIssue => ({
    ...t,
    severity: 'error',
    path: [],
    file,
    line,
    col,
  });
  if ('tooDeepAt' in parsed) {
    const { line, col } = lineCounter.linePos(parsed.tooDeepAt);
    throw new ScenarioError([error(msg.tooDeep(MAX_DEPTH), line, col)]);
  }
  const doc = parsed.doc;
  if (doc.errors.length > 0)
    throw new ScenarioError(
      doc.errors.map((e) => {
        const { line, col } = lineCounter.linePos(e.pos[0]);
        // worded as the scenario's own syntax errors (scenario/load.ts), Korean included
        const text = {
          code: 'yaml-syntax' as const,
          message: msg.yamlSyntax(e.message),
          ko: { message: ko.yamlSyntax(msg.parserFirstLine(e.message)) },
        };
        return error(text, line, col);
      }),
    );
  const tree = checkYamlTree(doc, (offset) => lineCounter.linePos(offset));
  if (tree.length > 0)
    throw new ScenarioError(tree.map(({ line, col, ...t }) => error(t, line, col)));
  return { raw: doc.toJS({ maxAliasCount: -1 }), locate: createLocator(doc, lineCounter) };
}

/** Places an unlocated issue of `file` by `locate`. */
function placer(file: string, locate: Locator) {
  return ({ onKey, ...u }: UnlocatedIssue): ScenarioIssue => ({
    ...u,
    file,
    ...locate(u.path, onKey),
  });
}

/** The top-level keys of the scenario language. */
function scenarioKeys(): string[] {
  return Object.keys(stepLanguage(BUILTIN_STEP_SYNTAXES).document.shape);
}

/**
 * Parses a challenge's text (its own checks only; `bindChallenge` checks it against its base
 * scenario). @throws ScenarioError with every problem, located in `file`.
 */
export function parseChallenge(text: string, file: string): Challenge {
  const { raw, locate } = readYaml(text, file);
  const place = placer(file, locate);
  const result = ChallengeDocument.safeParse(raw);
  if (!result.success) {
    fail(fromZodIssues(result.error.issues, raw, ChallengeDocument).map(place));
    throw new Error('a failed challenge parse left no error'); // fail threw
  }
  const def = result.data;
  const issues: UnlocatedIssue[] = [];
  const keys = scenarioKeys();
  const globs: PathGlob[] = [];
  def.constraints.change.forEach((text, i) => {
    const at: DocPath = ['constraints', 'change', i];
    const glob = parseGlob(text);
    if (glob === undefined) {
      issues.push({
        code: 'invalid-value',
        severity: 'error',
        path: at,
        message: `"${text}" is not a path glob`,
        hint: 'write a dotted path as in a variant\'s set:, with * for one segment and ** for any number, e.g. "services.*.instances" or "databases.orders-db.**"',
        ko: {
          message: `"${text}"은(는) 경로 글로브가 아닙니다`,
          hint: '변형의 set:처럼 점으로 이은 경로를 쓰고, 한 단계는 *, 여러 단계는 **로 쓰세요 (예: "services.*.instances", "databases.orders-db.**")',
        },
      });
      return;
    }
    if (glob[0] !== '*' && glob[0] !== '**' && !keys.includes(glob[0])) {
      const t = msg.unknownKey(glob[0], keys);
      issues.push({
        ...t,
        message: `in "${text}": ${t.message}`,
        ...ko.koPrefixed(t.ko, (m) => koInGlob(text, m)),
        severity: 'error',
        path: at,
      });
      return;
    }
    globs.push(glob);
  });
  const reveals: string[] = [];
  const add = (r: string) => {
    const clean = cleanMetric(r);
    if (!reveals.includes(clean)) reveals.push(clean);
  };
  const slos: Record<string, unknown> = {};
  const metricGoals: Challenge['metricGoals'] = [];
  for (const [name, g] of Object.entries(def.goal)) {
    if (!('metric' in g)) {
      slos[name] = g;
      continue;
    }
    if (g.max === undefined && g.min === undefined)
      issues.push({
        code: 'slo-without-bound',
        severity: 'error',
        path: ['goal', name],
        message: `the goal "${name}" sets no bound`,
        hint: 'add max: or min:, e.g. max: 0 or min: "90%"',
        ko: {
          message: `목표 "${name}"에 한계가 없습니다`,
          hint: 'max:나 min:을 추가하세요 (예: max: 0, min: "90%")',
        },
      });
    add(g.metric);
    metricGoals.push({
      name,
      metric: cleanMetric(g.metric),
      text: [
        cleanMetric(g.metric),
        ...(g.max === undefined ? [] : [`≤ ${g.max}`]),
        ...(g.min === undefined ? [] : [`≥ ${g.min}`]),
      ].join(' '),
      ...(g.max === undefined ? {} : { max: boundValue(g.max) }),
      ...(g.min === undefined ? {} : { min: boundValue(g.min) }),
    });
  }
  for (const q of def.questions) for (const r of q.reveal) add(r);
  issues.push(...checkTranslations(def));
  fail(issues.map(place));
  return { file, def, globs, slos, metricGoals, reveals, locate };
}

/** A key metric's name with its whitespace collapsed. */
export const cleanMetric = (r: string): string => r.trim().replace(/\s+/g, ' ');

/** A bound as a number: "1%" → 0.01. */
function boundValue(x: number | string): number {
  return typeof x === 'number' ? x : Number(x.slice(0, -1)) / 100;
}

/** A problem of a constraint's glob `text`, in Korean (the English says `in "<glob>": …`). */
function koInGlob(text: string, message: string): string {
  return `"${text}"에서: ${message}`;
}

/** How the overrides of challenge file `file` are named in Korean messages. */
const koGoalOf = (file: string) => `${file}의 목표`;
const koQuestionsOf = (file: string) => `${file}의 질문`;

/** The overrides that make an attempt carry the challenge's goal and `reveals`. */
function challengeOverrides(c: Challenge, reveals: readonly string[]): ScenarioOverride[] {
  const goal = {
    path: 'slos',
    value: c.slos,
    label: `the goal of ${c.file}`,
    koLabel: koGoalOf(c.file),
  };
  if (reveals.length === 0) return [goal];
  const questions = {
    path: 'highlights',
    value: reveals,
    label: `the questions of ${c.file}`,
    koLabel: koQuestionsOf(c.file),
  };
  return [goal, questions];
}

/**
 * Parses an attempt (a scenario document) for challenge `c`. A question's key metric that the
 * attempt does not measure (it removed the component) is left out of its answers, not an
 * error; `strict` (the base scenario) makes it one. @throws ScenarioError with the attempt's
 * problems (the goal's and questions' reported under the challenge's name).
 */
export function parseAttempt(c: Challenge, text: string, file: string, strict = false): Attempt {
  const yaml = readYaml(text, file);
  let reveals = c.reveals;
  try {
    const loaded = parseScenario(text, file, { overrides: challengeOverrides(c, reveals) });
    return { ...yaml, file, loaded, reveals };
  } catch (e) {
    if (strict || !(e instanceof ScenarioError)) throw e;
    const errors = e.issues.filter((i) => i.severity === 'error');
    if (!errors.every((i) => i.path[0] === 'highlights' && typeof i.path[1] === 'number')) throw e;
    const dropped = new Set(errors.map((i) => i.path[1]));
    reveals = reveals.filter((_, k) => !dropped.has(k));
    const loaded = parseScenario(text, file, { overrides: challengeOverrides(c, reveals) });
    return { ...yaml, file, loaded, reveals };
  }
}

/**
 * Checks challenge `c` against its base scenario (`text` of `file`) and returns the base as the
 * first attempt. A problem of the goal or a question is reported at its place in the challenge
 * file; a constraint glob through a misspelt name of the scenario gets a did-you-mean.
 * @throws ScenarioError.
 */
export function bindChallenge(c: Challenge, text: string, file: string): Attempt {
  const place = placer(c.file, c.locate);
  let base: Attempt;
  try {
    base = parseAttempt(c, text, file, true);
  } catch (e) {
    if (!(e instanceof ScenarioError)) throw e;
    throw new ScenarioError(e.issues.map((i) => relocate(c, i, place)));
  }
  const issues: UnlocatedIssue[] = [];
  c.def.constraints.change.forEach((text, i) => {
    // parseChallenge refused the challenge unless every glob parsed: one glob per entry
    const misspelt = misspeltName(base.raw, c.globs[i]);
    if (misspelt !== undefined)
      issues.push({
        code: 'unknown-key',
        severity: 'error',
        path: ['constraints', 'change', i],
        message: `in "${text}": the scenario has no "${misspelt.name}" there`,
        hint: `did you mean "${misspelt.guess}"?`,
        ko: {
          message: koInGlob(text, `시나리오의 그 자리에 "${misspelt.name}"이(가) 없습니다`),
          hint: `혹시 "${misspelt.guess}"인가요?`,
        },
      });
  });
  fail(issues.map(place));
  return base;
}

/** An issue of the base scenario moved to the goal or question of `c` it comes from. */
function relocate(
  c: Challenge,
  issue: ScenarioIssue,
  place: (u: UnlocatedIssue) => ScenarioIssue,
): ScenarioIssue {
  const [head, key, ...rest] = issue.path;
  const strip = (m: string) => m.replace(/^in the (goal|questions) of [^:]*: /, '');
  // the Korean prefixes are known whole (a file name may hold any character)
  const koPrefixes = [koGoalOf(c.file), koQuestionsOf(c.file)].map((l) => ko.inOverride(l, ''));
  const koStrip = (m: string) => {
    const prefix = koPrefixes.find((p) => m.startsWith(p));
    return prefix === undefined ? m : m.slice(prefix.length);
  };
  const stripped = (path: DocPath) =>
    place({
      ...issue,
      message: strip(issue.message),
      ...(issue.ko === undefined
        ? {}
        : { ko: { ...issue.ko, message: koStrip(issue.ko.message) } }),
      path,
    });
  if (head === 'slos' && typeof key === 'string') return stripped(['goal', key, ...rest]);
  if (head === 'highlights' && typeof key === 'number') {
    const text = c.reveals[key];
    const goal = c.metricGoals.find((g) => g.metric === text);
    if (goal !== undefined) return stripped(['goal', goal.name, 'metric']);
    for (const [q, question] of c.def.questions.entries()) {
      const r = question.reveal.findIndex((x) => cleanMetric(x) === text);
      if (r >= 0) return stripped(['questions', q, 'reveal', r]);
    }
  }
  return issue;
}

/**
 * The first literal name of `glob` that the map it goes through lacks while having a close one
 * (a typo such as `services.ordrs.instances`); undefined otherwise (a new key may be added).
 */
function misspeltName(raw: unknown, glob: PathGlob): { name: string; guess: string } | undefined {
  let node = raw;
  for (const seg of glob) {
    if (seg === '*' || seg === '**' || node === null || typeof node !== 'object') return undefined;
    if (Array.isArray(node)) {
      node = node[Number(seg)];
      continue;
    }
    if (!Object.hasOwn(node, seg)) {
      const guess = didYouMean(seg, Object.keys(node));
      return guess === undefined ? undefined : { name: seg, guess };
    }
    node = (node as Record<string, unknown>)[seg];
  }
  return undefined;
}
