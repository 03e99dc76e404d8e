/**
 * Turns zod's issues for a scenario into ScenarioIssues a user can act on: one issue per unknown
 * key with the valid keys, "missing required key" instead of "received undefined", and for a
 * union the errors of the option the user meant instead of zod's bare "Invalid input".
 * Positions are added later (locate.ts); this file only knows document paths.
 */
import type * as z from 'zod';
import { identifierProblem } from './identifiers.ts';
import type { DocPath, UnlocatedIssue } from './issues.ts';
import * as msg from './messages.ts';
import { DURATION_RE, ENDPOINT_REF_RE, ID_RE, Percent, RATE_RE } from './schema.ts';
import {
  describeSchema,
  isMissingKey,
  isRecord,
  isStepUnion,
  knownKeysAt,
  literalValues,
  objectKeys,
  type Schema,
  schemaAt,
  stepKindNames,
  typePhrase,
  unionOptions,
  valueAt,
} from './schema-walk.ts';

type Issue = z.core.$ZodIssue;
type UnionIssue = Extract<Issue, { code: 'invalid_union' }>;

interface Context {
  root: Schema;
  input: unknown;
}

/**
 * Explains the issues of a failed `root.safeParse(input)`. `root` is the schema that was parsed
 * (a whole scenario document unless a test says otherwise). The result keeps zod's order,
 * without duplicates.
 */
export function fromZodIssues(
  issues: readonly Issue[],
  input: unknown,
  root: Schema,
): UnlocatedIssue[] {
  const ctx: Context = { root, input };
  const out = issues.flatMap((issue) => convert(issue, [], ctx));
  const seen = new Set<string>();
  return out.filter((issue) => {
    const key = `${JSON.stringify(issue.path)} ${issue.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function convert(issue: Issue, base: DocPath, ctx: Context): UnlocatedIssue[] {
  const path = [...base, ...issue.path.map((seg) => (typeof seg === 'symbol' ? String(seg) : seg))];
  const value = valueAt(ctx.input, path);
  const error = (text: msg.IssueText, onKey = false): UnlocatedIssue[] => [
    { ...text, severity: 'error', path, ...(onKey ? { onKey } : {}) },
  ];
  switch (issue.code) {
    case 'unrecognized_keys': {
      // zod reports a step with two kind keys as unknown keys of one step kind.
      const steps = stepSchemaAt(path, ctx);
      const all = steps === undefined ? [] : stepKindNames(steps);
      const stepKinds = steps !== undefined && isRecord(value) ? kindsOf(value, all) : undefined;
      if (stepKinds !== undefined && stepKinds.length !== 1) {
        return error(msg.invalidStep(Object.keys(value as object), stepKinds, all));
      }
      const known = knownKeysAt(ctx.root, path, ctx.input);
      return issue.keys.map((key) => ({
        ...msg.unknownKey(key, known),
        severity: 'error',
        path: [...path, key],
        onKey: true,
      }));
    }
    case 'invalid_union':
      return fromUnion(issue, path, ctx);
    case 'invalid_type': {
      if (isMissingKey(ctx.input, path)) {
        return error(msg.missingKey(path[path.length - 1]));
      }
      // `steps: { cpu: 1ms }`: a list written as a map
      if (issue.expected === 'array' && isRecord(value)) {
        const text = msg.invalidType(typePhrase(issue.expected), value);
        const list = msg.mapForList(String(path.at(-1) ?? ''), Object.keys(value));
        return error({
          ...text,
          hint: list.hint,
          ko: text.ko && { ...text.ko, hint: list.ko?.hint },
        });
      }
      const misplaced = misplacedKey(path, value, ctx);
      if (misplaced !== undefined)
        return error(msg.keyOutsideEntry(typePhrase(issue.expected), value, ...misplaced));
      const text = msg.invalidType(typePhrase(issue.expected), value);
      const colon =
        issue.expected === 'object' ? (colonHint(value) ?? listHint(path, value, ctx)) : undefined;
      return error(
        colon === undefined
          ? text
          : { ...text, hint: colon.en, ko: text.ko && { ...text.ko, hint: colon.ko } },
      );
    }
    case 'too_small': {
      const { origin, minimum: limit, inclusive = true } = issue;
      return error(msg.tooSmall({ origin, limit, inclusive, received: value }));
    }
    case 'too_big': {
      const { origin, maximum: limit, inclusive = true } = issue;
      const key = path.findLast((seg) => typeof seg === 'string');
      // a size limit (users, instances …) rather than a range such as a probability
      if (
        origin === 'number' &&
        Number(limit) >= 1000 &&
        key !== undefined &&
        typeof value === 'number'
      )
        return error(msg.overLimit(key, Number(limit), value));
      // a share written as a percentage number (availability: 99.9): say how to write it
      if (
        origin === 'number' &&
        typeof value === 'number' &&
        value > 1 &&
        value <= 100 &&
        schemaAt(ctx.root, path, ctx.input) === Percent
      )
        return error(msg.percentAsNumber(value));
      return error(msg.tooBig({ origin, limit, inclusive, received: value }));
    }
    case 'invalid_format':
      if (value === 'constructor' || value === 'prototype') return error(msg.reservedName(value));
      if (issue.pattern === String(ID_RE) && typeof value === 'string')
        return error(msg.invalidFormat(identifierProblem(value) ?? issue.message, value));
      // an endpoint without its service ("checkout" for "gateway/checkout"): the refs it may mean
      if (
        issue.pattern === String(ENDPOINT_REF_RE) &&
        typeof value === 'string' &&
        !value.includes('/')
      ) {
        // `call: pg`, a database: say what reaches it (as `call: pg/x` is told)
        const databases = isRecord(ctx.input) ? ctx.input.databases : undefined;
        if (path.at(-1) === 'call' && isRecord(databases) && Object.hasOwn(databases, value))
          return error(msg.callToDatabase(value));
        return error(msg.endpointWithoutService(issue.message, value, endpointRefs(ctx.input)));
      }
      return error(msg.invalidFormat(issue.message, value, formatHint(issue.pattern, value)));
    case 'invalid_value':
      // the language's version: say which this msasim reads rather than only "expected 1"
      if (path.length === 1 && path[0] === 'version') return error(msg.unknownVersion(value));
      return error(msg.invalidValue(issue.values, value));
    case 'invalid_key': {
      const name = String(path[path.length - 1]);
      if (name === 'constructor' || name === 'prototype')
        return error(msg.reservedName(name), true);
      const reason = identifierProblem(name) ?? issue.issues.map((i) => i.message).join('; ');
      return error(msg.invalidName(name, reason), true);
    }
    default:
      return error(msg.otherIssue(issue.code, issue.message));
  }
}

/**
 * A key of an entry written one level too far out (`target:` beside the workloads, not under
 * one): a plain value where a named entry (workload, service …) should be, under a name that is
 * one of an entry's keys. The key, the section and the entries it may belong under.
 */
function misplacedKey(
  path: DocPath,
  value: unknown,
  ctx: Context,
): [key: string, section: string, entries: string[]] | undefined {
  if (path.length !== 2 || typeof path[0] !== 'string' || typeof path[1] !== 'string')
    return undefined;
  if (value === null || typeof value === 'object') return undefined;
  if (!knownKeysAt(ctx.root, path, ctx.input).includes(path[1])) return undefined;
  const section = isRecord(ctx.input) ? ctx.input[path[0]] : undefined;
  const entries = isRecord(section)
    ? Object.entries(section)
        .filter(([, v]) => isRecord(v))
        .map(([k]) => k)
    : [];
  return [path[1], path[0], entries];
}

/** Every `service/endpoint` of a raw document, services and endpoints in document order. */
function endpointRefs(input: unknown): { service: string; endpoint: string }[] {
  const services = isRecord(input) ? input.services : undefined;
  if (!isRecord(services)) return [];
  return Object.entries(services).flatMap(([service, def]) => {
    const endpoints = isRecord(def) ? def.endpoints : undefined;
    return isRecord(endpoints)
      ? Object.keys(endpoints).map((endpoint) => ({ service, endpoint }))
      : [];
  });
}

/**
 * Units accepted by durations and rates, as a hint beside a malformed one; for a negative one
 * ("-1ms", which has its unit right), that it cannot be negative.
 */
function formatHint(pattern: string | undefined, value: unknown): string | undefined {
  const negative = (re: RegExp) => typeof value === 'string' && re.test(value.replace(/^\s*-/, ''));
  if (pattern === String(DURATION_RE))
    return negative(DURATION_RE)
      ? 'a duration cannot be negative'
      : 'duration units: us, µs, ms, s, m or min, h';
  if (pattern === String(RATE_RE))
    return negative(RATE_RE)
      ? 'a rate cannot be negative'
      : 'rate units: /ms, /s or /sec, /min or /m, /h';
  return undefined;
}

/**
 * A union failed: explain the option the user meant. Options of the wrong JS type are dropped;
 * of the rest, the one with the fewest missing and unknown keys wins (the earliest on a tie),
 * and its issues are explained as if it were the only option.
 */
function fromUnion(issue: UnionIssue, path: DocPath, ctx: Context): UnlocatedIssue[] {
  const value = valueAt(ctx.input, path);
  const error = (text: msg.IssueText): UnlocatedIssue[] => [{ ...text, severity: 'error', path }];
  if (issue.discriminator !== undefined && issue.errors.length === 0) {
    // No option has this discriminator; zod's path already ends with the discriminator key.
    const known = (('options' in issue && issue.options) || []).map(String);
    // `dist` of a distribution, `kind` of a fault: the key decides the words
    const key = String(issue.discriminator);
    if (value === undefined) return error(msg.missingDistribution(known, key));
    return error(msg.unknownDistribution(value, known, key));
  }
  if (isMissingKey(ctx.input, path)) {
    return error(msg.missingKey(path[path.length - 1]));
  }
  const schema = schemaAt(ctx.root, path, ctx.input);
  if (schema !== undefined && isStepUnion(schema) && isRecord(value)) {
    return fromStep(issue, schema, value, path, ctx);
  }
  const candidates = issue.errors
    .map((errors, index) => ({ errors, index, score: missingOrUnknownKeys(errors, path, ctx) }))
    .filter((option) => !isWrongType(option.errors));
  if (candidates.length === 0) {
    const expected = schema === undefined ? expectedTypes(issue) : describeSchema(schema);
    const text = msg.invalidType(expected, value);
    const hint = colonHint(value) ?? literalHint(schema, value);
    return error({ ...text, hint: hint?.en, ko: text.ko && { ...text.ko, hint: hint?.ko } });
  }
  candidates.sort(
    (a, b) => a.score - b.score || a.errors.length - b.errors.length || a.index - b.index,
  );
  return candidates[0].errors.flatMap((inner) => convert(inner, path, ctx));
}

/** A step: the kind key the user wrote decides the option; no kind key (or two) is one issue. */
function fromStep(
  issue: UnionIssue,
  schema: Schema,
  value: Record<string, unknown>,
  path: DocPath,
  ctx: Context,
): UnlocatedIssue[] {
  const all = stepKindNames(schema);
  const kinds = kindsOf(value, all);
  if (kinds.length !== 1) {
    return [{ ...msg.invalidStep(Object.keys(value), kinds, all), severity: 'error', path }];
  }
  const options = unionOptions(schema) ?? [];
  const index = options.findIndex((option) => objectKeys(option)?.includes(kinds[0]));
  const errors = issue.errors[index] ?? [];
  return errors.flatMap((inner) => convert(inner, path, ctx));
}

/** The step kind keys (`cpu`, `call`, …) of an object, in the order of `all`. */
function kindsOf(value: Record<string, unknown>, all: readonly string[]): string[] {
  return all.filter((kind) => Object.hasOwn(value, kind));
}

/** The union of step kinds when it is the schema at `path`. */
function stepSchemaAt(path: DocPath, ctx: Context): Schema | undefined {
  const schema = schemaAt(ctx.root, path, ctx.input);
  return schema !== undefined && isStepUnion(schema) ? schema : undefined;
}

/** True when an option's issues say the value is not even of the option's JS type. */
function isWrongType(errors: readonly Issue[]): boolean {
  return errors.some(
    (e) =>
      e.path.length === 0 &&
      (e.code === 'invalid_type' ||
        e.code === 'invalid_value' ||
        (e.code === 'invalid_union' && e.errors.length > 0 && e.errors.every(isWrongType))),
  );
}

/** How many required keys an option misses and how many of the value's keys it does not know. */
function missingOrUnknownKeys(errors: readonly Issue[], base: DocPath, ctx: Context): number {
  let count = 0;
  for (const e of errors) {
    if (e.code === 'unrecognized_keys') count += e.keys.length;
    const path = [...base, ...e.path] as DocPath;
    const absent = isMissingKey(ctx.input, path);
    if ((e.code === 'invalid_type' || e.code === 'invalid_union') && absent) count += 1;
  }
  return count;
}

/** 'a number or a string' from the options' own invalid_type issues, when no schema is known. */
function expectedTypes(issue: UnionIssue): string {
  const types = issue.errors.flatMap((errors) =>
    errors.flatMap((e) =>
      e.code === 'invalid_type' && e.path.length === 0 ? [typePhrase(e.expected)] : [],
    ),
  );
  return [...new Set(types)].join(' or ') || 'another value';
}

/** "did you mean …" when a string is close to one of the union's string literals (both languages). */
/**
 * `cpu:1ms` where a map was expected: YAML reads a key only when a space follows its colon, so
 * this is the string "cpu:1ms". Says so, with the pair written as meant.
 */
function colonHint(value: unknown): { en: string; ko: string } | undefined {
  if (typeof value !== 'string') return undefined;
  const m = /^\s*([\p{L}_$][\p{L}\p{N}_-]*):(\S.*)$/u.exec(value);
  if (m === null || /^\/\//.test(m[2])) return undefined;
  const text = msg.noSpaceAfterColon(m[1], m[2]);
  return { en: text.hint as string, ko: text.ko?.hint as string };
}

/** A list where an object with a `steps` list is expected (an endpoint's steps without `steps:`). */
function listHint(
  path: DocPath,
  value: unknown,
  ctx: Context,
): { en: string; ko: string } | undefined {
  if (!Array.isArray(value) || !knownKeysAt(ctx.root, path, ctx.input).includes('steps'))
    return undefined;
  const text = msg.listForSteps(String(path.at(-1) ?? ''));
  return { en: text.hint as string, ko: text.ko?.hint as string };
}

function literalHint(
  schema: Schema | undefined,
  value: unknown,
): { en?: string; ko?: string } | undefined {
  if (schema === undefined || typeof value !== 'string') return undefined;
  const words = (unionOptions(schema) ?? [schema])
    .flatMap((option) => literalValues(option) ?? [])
    .filter((v): v is string => typeof v === 'string');
  const text = msg.invalidValue(words, value);
  return { en: text.hint, ko: text.ko?.hint };
}
