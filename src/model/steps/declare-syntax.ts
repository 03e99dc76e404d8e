/**
 * What the language parts of the step kinds (`<kind>.ts`) declare alike, written once.
 * `declareSyntax(key, schema, parts)` takes the kind's key and the zod schema of its step (or
 * the function making it from the schema of any step, for kinds that hold steps) and fills in
 * `kind: key` in every normalized definition, so a kind writes only what is its own: how it
 * normalizes, checks, nests and calls. The kinds that name one thing they refer to take a short
 * form (`- kv: sessions` for `- kv: { store: sessions }`): `longForm` reads either as the long
 * one, `nameAt` says where the name is written. Loads no zod and no model (type imports only):
 * the language parts stay loadable without the simulator.
 */
import type * as z from 'zod';
import type { DocPath } from '../../scenario/issues.ts';
import type { RawStep } from '../../scenario/schema.ts';
import type { NormalizeContext, StepSyntax } from '../../scenario/step-syntax.ts';
import type { StepDef } from '../../scenario/types.ts';

/** What a kind writes of its language part: `StepSyntax` without its key and schema, and a
 * `normalize` that leaves out `kind` (filled in by `declareSyntax`). */
export type SyntaxParts<Raw, D extends StepDef> = Omit<
  StepSyntax<Raw, D>,
  'kind' | 'schema' | 'normalize'
> & {
  normalize(raw: Raw, ctx: NormalizeContext): Omit<D, 'kind'>;
};

/**
 * The language part of step kind `kind`: `Raw` is its step as parsed (the schema's output), `D`
 * its normalized definition (`{ kind, … }`).
 */
export function declareSyntax<Raw, D extends StepDef>(
  kind: D['kind'],
  schema: z.ZodType<Raw> | ((step: z.ZodType<RawStep>) => z.ZodType<Raw>),
  { normalize, ...parts }: SyntaxParts<Raw, D>,
): StepSyntax<Raw, D> & { readonly kind: D['kind'] } {
  return {
    kind,
    schema: typeof schema === 'function' ? schema : () => schema,
    normalize: (raw, ctx) => ({ kind, ...normalize(raw, ctx) }) as D,
    ...parts,
  };
}

/**
 * A step's value written short, as the name it refers to, or long, as an object whose `key` is
 * that name: the long form (only `key` set when it was short; the other options' defaults are
 * the caller's).
 */
export function longForm<L extends { [P in K]?: string }, K extends keyof L>(
  written: string | L,
  key: K,
): Pick<L, K> & Partial<L> {
  return typeof written === 'string' ? ({ [key]: written } as Pick<L, K> & Partial<L>) : written;
}

/**
 * Where the name of a step of kind `kind` at `at` is written: the kind's own value when it was
 * written short (`['…', 'kv']`), its `key` when long (`['…', 'kv', 'store']`).
 */
export function nameAt(written: string | object, at: DocPath, kind: string, key: string): DocPath {
  return typeof written === 'string' ? [...at, kind] : [...at, kind, key];
}
