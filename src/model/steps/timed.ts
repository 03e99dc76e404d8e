/**
 * The language part of the two step kinds that take a drawn time and nothing else, `cpu` and
 * `sleep` (their files say what each does): the same schema (`- cpu: 2ms` or `- cpu: { dist:
 * exponential, mean: 2ms }`) and normalization under the kind's name. Their compilation is
 * timed-runtime.ts; both run inline in the interpreter (model/journey.ts).
 */
import * as z from 'zod';
import type { DistributionSpec } from '../../engine/index.ts';
import { durationDist } from '../../scenario/dist-spec.ts';
import { DurationDist } from '../../scenario/schema.ts';
import type { StepSyntax } from '../../scenario/step-syntax.ts';
import { declareSyntax } from './declare-syntax.ts';

/** A timed step, normalized. */
export interface TimedDef<K extends 'cpu' | 'sleep'> {
  kind: K;
  duration: DistributionSpec;
}

/** A timed step as parsed (`{ cpu: … }`). */
export type TimedRaw<K extends 'cpu' | 'sleep'> = { [P in K]: z.output<typeof DurationDist> };

/** The language part of step kind `kind`: a drawn duration under its name. */
export function timedSyntax<K extends 'cpu' | 'sleep'>(
  kind: K,
): StepSyntax<TimedRaw<K>, TimedDef<K>> & { kind: K } {
  const schema = z.strictObject({ [kind]: DurationDist } as { [P in K]: typeof DurationDist });
  return declareSyntax<TimedRaw<K>, TimedDef<K>>(kind, schema as z.ZodType<TimedRaw<K>>, {
    normalize: (raw) => ({ duration: durationDist(raw[kind]) }),
  });
}
