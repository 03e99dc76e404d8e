/**
 * The scenario side of a step kind: its part of the schema, its reference checks and its
 * normalization. The kinds themselves live with their runtime (model/steps/, each one module
 * that also compiles and runs the kind) and reach this layer as a parameter: the pipeline
 * (load.ts) parses with the kinds it is given, so a new kind needs no change here.
 */
import type * as z from 'zod';
import type { CallEdge } from './call-graph.ts';
import type { DocPath, UnlocatedIssue } from './issues.ts';
import type { Names } from './names.ts';
import {
  documentJsonSchema,
  type RawStep,
  type ScenarioDocumentSchema,
  type ScenarioParsed,
  scenarioDocument,
  stepUnion,
} from './schema.ts';
import type { ListStrategy, StepDef } from './types.ts';

/** What normalizing a step needs from around it. */
export interface NormalizeContext {
  /** The database of the step's service (`database:`), the default of its queries. */
  serviceDb: string | undefined;
  /** The scenario's list strategy (`strategy:`), the default of its list steps. */
  strategy: ListStrategy;
  /** Normalizes steps a step holds (a parallel's lanes, a transaction's steps). */
  steps(raw: readonly RawStep[]): StepDef[];
}

/** What checking a step needs from around it. */
export interface CheckContext {
  doc: ScenarioParsed;
  names: Names;
  /** The service whose endpoint holds the step. */
  serviceId: string;
}

/**
 * Steps a step holds: a list of them at `path` (its items at `[...path, i]`), or one step at
 * `path` (a parallel lane of one step).
 */
export type NestedSteps = (
  | { steps: readonly RawStep[]; step?: undefined }
  | { step: RawStep; steps?: undefined }
) & {
  path: DocPath;
  /** True when they run only by chance (a branch option below 1, a compensation). */
  conditional?: boolean;
};

/** A call a step makes: to `service/endpoint`, written at `path`. */
export type StepCall = Omit<CallEdge, 'from'>;

/**
 * The scenario side of one step kind. `Raw` is the step as zod parsed it (`{ kv: … }`), `Def`
 * its normalized form (`{ kind: 'kv', … }`).
 */
// biome-ignore lint/suspicious/noExplicitAny: a language holds kinds of every input and definition
export interface StepSyntax<Raw = any, Def extends StepDef = any> {
  /** The kind's key in a step (`kv`); also `Def.kind`. */
  readonly kind: string;
  /**
   * The schema of one step of this kind: a strict object whose first key is `kind`, with the
   * kind's options beside it. `step` is the schema of any step, for kinds that hold steps.
   */
  schema(step: z.ZodType<RawStep>): z.ZodType;
  /** The canonical definition of a valid step (units converted, defaults filled). */
  normalize(raw: Raw, ctx: NormalizeContext): Def;
  /** Problems zod cannot see (unknown names, options that go together), at document paths. */
  check?(raw: Raw, at: DocPath, ctx: CheckContext): UnlocatedIssue[];
  /** The step lists it holds, so checks and walks reach every step. */
  children?(raw: Raw, at: DocPath): NestedSteps[];
  /** The endpoints it calls, for the call-loop check. */
  calls?(raw: Raw, at: DocPath): StepCall[];
}

/** A scenario language: its step kinds, in order, and the schemas made from them. */
export interface StepLanguage {
  readonly kinds: readonly StepSyntax[];
  /** The kinds' keys, in order (`cpu, sleep, call, …`). */
  readonly names: readonly string[];
  /** The whole scenario document. */
  readonly document: ScenarioDocumentSchema;
  /** The kind of a parsed step (the one of its keys that names a kind). */
  kindOf(step: RawStep): StepSyntax;
  /** JSON Schema (draft 2020-12) of the language, for editors. */
  jsonSchema(): Record<string, unknown>;
}

const languages = new WeakMap<readonly StepSyntax[], StepLanguage>();

/**
 * The language of `kinds` (made once per list). @throws Error when two kinds share a key; its
 * schema throws when a kind's schema does not start with its key (errors of the kind's code).
 */
export function stepLanguage(kinds: readonly StepSyntax[]): StepLanguage {
  const known = languages.get(kinds);
  if (known !== undefined) return known;
  const byName = new Map(kinds.map((k) => [k.kind, k]));
  if (byName.size !== kinds.length) throw new Error('two step kinds share one key');
  const document = scenarioDocument(stepUnion(kinds));
  const language: StepLanguage = {
    kinds,
    names: kinds.map((k) => k.kind),
    document,
    kindOf(step) {
      for (const k of kinds) if (Object.hasOwn(step, k.kind)) return k;
      throw new Error(`a parsed step has no kind: ${Object.keys(step).join(', ')}`);
    },
    jsonSchema: () => documentJsonSchema(document),
  };
  languages.set(kinds, language);
  return language;
}
