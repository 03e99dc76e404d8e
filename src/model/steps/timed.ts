/**
 * The two step kinds that take a drawn time and nothing else, `cpu` and `sleep` (their files
 * say what each does): the same language part (`- cpu: 2ms` or `- cpu: { dist: exponential,
 * mean: 2ms }`), normalization and compilation, under the kind's name. Both run inline in the
 * interpreter (model/journey.ts).
 */
import * as z from 'zod';
import type { DistributionSpec } from '../../engine/index.ts';
import { durationDist } from '../../scenario/dist-spec.ts';
import { DurationDist } from '../../scenario/schema.ts';
import { StepKind, StepRuntime } from '../frame.ts';
import type { InlineStepKind } from './step-kind.ts';

/** A timed step, normalized. */
export interface TimedDef<K extends 'cpu' | 'sleep'> {
  kind: K;
  duration: DistributionSpec;
}

/** The step kind `kind`: a drawn duration under its name, compiled to a StepRuntime of the kind. */
export function timedStepKind<K extends 'cpu' | 'sleep'>(
  kind: K,
): InlineStepKind<{ [P in K]: z.output<typeof DurationDist> }, TimedDef<K>> {
  const schema = z.strictObject({ [kind]: DurationDist } as { [P in K]: typeof DurationDist });
  return {
    kind,
    schema: () => schema,
    normalize: (raw) => ({ kind, duration: durationDist(raw[kind]) }),
    inline(def, at, ctx) {
      const step = new StepRuntime(StepKind[kind]);
      step.duration = ctx.dist(def.duration, `${at.where}/${kind}`);
      return step;
    },
  };
}
