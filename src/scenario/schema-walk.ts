/**
 * Reads the zod schemas as data, to explain a failed parse: which schema applies at a document
 * path, which keys an object there accepts, and a short phrase for what a union expects.
 * Relies on zod 4 internals (`schema._zod.def`); unions are resolved with the user's input.
 */
import type * as z from 'zod';
import type { DocPath } from './issues.ts';
import { showValue } from './messages.ts';
import { Capacity, Duration, isStepKindUnion, Rate } from './schema.ts';

/** Any zod schema. */
export type Schema = z.core.$ZodType;

type Def = z.core.$ZodTypeDef;

/** Wrapper schemas that accept what their inner schema accepts (plus undefined or a default). */
const WRAPPERS = new Set([
  'optional',
  'default',
  'prefault',
  'nullable',
  'nonoptional',
  'readonly',
  'catch',
]);

/** A schema without its wrappers, lazy indirections and pipes. */
export function unwrap(schema: Schema): Schema {
  let current = schema;
  // Bounded: a lazy schema that returns itself would otherwise loop for ever.
  for (let depth = 0; depth < 64; depth++) {
    const def = current._zod.def;
    if (WRAPPERS.has(def.type)) current = (def as z.core.$ZodOptionalDef).innerType;
    // the lazy's own cached inner schema: its getter builds a new union at every call
    else if (def.type === 'lazy')
      current =
        (current._zod as { innerType?: Schema }).innerType ?? (def as z.core.$ZodLazyDef).getter();
    else if (def.type === 'pipe') current = (def as z.core.$ZodPipeDef).in;
    else return current;
  }
  return current;
}

/** The options of a union schema (discriminated or not), or undefined for any other schema. */
export function unionOptions(schema: Schema): readonly Schema[] | undefined {
  const def = unwrap(schema)._zod.def;
  return def.type === 'union' ? (def as z.core.$ZodUnionDef).options : undefined;
}

/** True for the union of step kinds (`cpu:`, `call:`, …). */
export function isStepUnion(schema: Schema): boolean {
  return isStepKindUnion(unwrap(schema));
}

/** The step kinds of a union of step kinds, in order: the first key of each option. */
export function stepKindNames(schema: Schema): string[] {
  return (unionOptions(schema) ?? []).map((option) => objectKeys(option)?.[0] ?? '');
}

/** The keys an object schema accepts, or undefined when it is not an object schema. */
export function objectKeys(schema: Schema): string[] | undefined {
  const def = unwrap(schema)._zod.def;
  return def.type === 'object' ? Object.keys((def as z.core.$ZodObjectDef).shape) : undefined;
}

/**
 * The option of a union that `value` was most likely meant for: by discriminator when the union
 * has one, else the option whose type fits the value best (for objects, the one that shares the
 * most keys with it). Ties go to the earlier option; undefined when no option fits at all.
 */
export function pickOption(union: Schema, value: unknown): Schema | undefined {
  const def = unwrap(union)._zod.def as z.core.$ZodDiscriminatedUnionDef;
  if (def.type !== 'union') return undefined;
  if (def.discriminator !== undefined && isRecord(value)) {
    const tag = value[def.discriminator];
    const match = def.options.find((o) =>
      literalValues(shapeOf(o)?.[def.discriminator])?.includes(tag),
    );
    if (match !== undefined) return match;
  }
  let best: Schema | undefined;
  let bestFit = -1;
  for (const option of def.options) {
    const score = fitScore(option, value);
    if (score > bestFit) {
      best = option;
      bestFit = score;
    }
  }
  return best;
}

/** How well `value` fits `schema`: -1 wrong type, 0 unknown, higher is better. */
function fitScore(schema: Schema, value: unknown): number {
  const s = unwrap(schema);
  const def = s._zod.def;
  switch (def.type) {
    case 'union':
      return Math.max(-1, ...(def as z.core.$ZodUnionDef).options.map((o) => fitScore(o, value)));
    case 'object': {
      if (!isRecord(value)) return -1;
      // A shared required key (a step's kind key) says more than a shared optional one.
      const shape = shapeOf(s) ?? {};
      const shared = Object.keys(value).filter((k) => Object.hasOwn(shape, k));
      return 1 + shared.reduce((sum, k) => sum + (shape[k]._zod.optin === 'optional' ? 1 : 2), 0);
    }
    case 'record':
      return isRecord(value) ? 1 : -1;
    case 'array':
    case 'tuple':
      return Array.isArray(value) ? 1 : -1;
    case 'literal':
    case 'enum': {
      const values = literalValues(s) ?? [];
      if (values.includes(value)) return 2;
      return values.some((v) => typeof v === typeof value) ? 1 : -1;
    }
    case 'string':
    case 'number':
    case 'boolean':
      return typeof value === def.type ? 1 : -1;
    default:
      return 0;
  }
}

/**
 * The schema that applies at `path` in `input` (unwrapped; it may be a union), or undefined when
 * the path leaves the schema. Unions on the way are resolved with pickOption.
 */
export function schemaAt(root: Schema, path: DocPath, input: unknown): Schema | undefined {
  let schema: Schema | undefined = unwrap(root);
  let value = input;
  for (const seg of path) {
    schema = resolveUnions(schema, value);
    if (schema === undefined) return undefined;
    schema = childSchema(schema, seg);
    if (schema === undefined) return undefined;
    schema = unwrap(schema);
    value = childValue(value, seg);
  }
  return schema;
}

/**
 * The keys accepted by the object schema at `path` in `input`, in schema order; empty when
 * there is no object schema there.
 */
export function knownKeysAt(root: Schema, path: DocPath, input: unknown): string[] {
  const at = schemaAt(root, path, input);
  const object = at && resolveUnions(at, valueAt(input, path));
  return (object && objectKeys(object)) ?? [];
}

/** Follows unions (and unions of unions) down to the option meant for `value`. */
function resolveUnions(schema: Schema, value: unknown): Schema | undefined {
  let current: Schema | undefined = unwrap(schema);
  while (current !== undefined && current._zod.def.type === 'union') {
    const next = pickOption(current, value);
    current = next && unwrap(next);
  }
  return current;
}

function childSchema(schema: Schema, seg: string | number): Schema | undefined {
  const def = schema._zod.def;
  switch (def.type) {
    case 'object':
      // own keys only: a user's `constructor:` must not find Object.prototype.constructor
      return Object.hasOwn((def as z.core.$ZodObjectDef).shape, String(seg))
        ? (def as z.core.$ZodObjectDef).shape[String(seg)]
        : undefined;
    case 'record':
      return (def as z.core.$ZodRecordDef).valueType;
    case 'array':
      return (def as z.core.$ZodArrayDef).element;
    case 'tuple':
      return typeof seg === 'number' ? (def as z.core.$ZodTupleDef).items[seg] : undefined;
    default:
      return undefined;
  }
}

/**
 * A short phrase for what a schema accepts, such as 'a duration such as "2ms"' or
 * 'a number or a distribution object { dist: … }', for "expected …" messages.
 */
export function describeSchema(schema: Schema): string {
  return [...new Set(describeParts(schema))].join(' or ');
}

function describeParts(schema: Schema): string[] {
  const s = unwrap(schema);
  if (s === Duration) return ['a duration such as "2ms"'];
  if (s === Rate) return ['a rate such as "200/s"'];
  if (s === Capacity) return ['a whole number or "unbounded"'];
  if (isStepUnion(s)) return ['a step such as { cpu: 2ms } or { call: orders/get }'];
  const def = s._zod.def;
  if (def.type === 'union') {
    if ((def as z.core.$ZodDiscriminatedUnionDef).discriminator === 'dist') {
      return ['a distribution object { dist: … }'];
    }
    return (def as z.core.$ZodUnionDef).options.flatMap(describeParts);
  }
  if (def.type === 'literal' || def.type === 'enum') return (literalValues(s) ?? []).map(showValue);
  if (def.type === 'number') return [hasIntCheck(def) ? 'a whole number' : 'a number'];
  return [typePhrase(def.type)];
}

/** 'a number', 'a list', … for a zod type name (also the `expected` of invalid_type issues). */
export function typePhrase(type: string): string {
  const phrases: Record<string, string> = {
    int: 'a whole number',
    number: 'a number',
    string: 'a string',
    boolean: 'true or false',
    array: 'a list',
    tuple: 'a list',
    object: 'an object',
    record: 'an object',
  };
  return Object.hasOwn(phrases, type) ? phrases[type] : type;
}

function hasIntCheck(def: Def): boolean {
  return (def.checks ?? []).some((c) => {
    const check = c._zod.def as { check: string; format?: string };
    return check.check === 'number_format' && /int/.test(check.format ?? '');
  });
}

/** The allowed values of a literal or enum schema, or undefined for any other schema. */
export function literalValues(schema: Schema | undefined): unknown[] | undefined {
  if (schema === undefined) return undefined;
  const s = unwrap(schema);
  const def = s._zod.def;
  if (def.type === 'literal')
    return [...(def as z.core.$ZodLiteralDef<z.core.util.Literal>).values];
  if (def.type === 'enum') return Object.values((def as z.core.$ZodEnumDef).entries);
  return undefined;
}

function shapeOf(schema: Schema): Record<string, Schema> | undefined {
  const def = unwrap(schema)._zod.def;
  return def.type === 'object' ? (def as z.core.$ZodObjectDef).shape : undefined;
}

/** A plain object (a YAML map), not a list and not null. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function childValue(value: unknown, seg: string | number): unknown {
  if (Array.isArray(value)) return typeof seg === 'number' ? value[seg] : undefined;
  if (isRecord(value) && Object.hasOwn(value, seg)) return value[seg];
  return undefined;
}

/** The input value at `path`, or undefined when the path is not in the input. */
export function valueAt(input: unknown, path: DocPath): unknown {
  let value = input;
  for (const seg of path) value = childValue(value, seg);
  return value;
}

/** True when the map that should hold the last key of `path` exists and has no value there. */
export function isMissingKey(input: unknown, path: DocPath): boolean {
  if (path.length === 0) return false;
  const parent = valueAt(input, path.slice(0, -1));
  return isRecord(parent) && parent[path[path.length - 1]] === undefined;
}
