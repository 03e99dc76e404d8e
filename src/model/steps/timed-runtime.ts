/**
 * The runtime part of `cpu` and `sleep` (timed.ts is their language part): a step of the
 * interpreter's own kind with its drawn duration, run inline by model/journey.ts.
 */
import type { StepSyntax } from '../../scenario/step-syntax.ts';
import { StepKind, StepRuntime } from '../frame.ts';
import type { InlineStepKind } from './step-kind.ts';
import type { TimedDef, TimedRaw } from './timed.ts';

/** The whole step kind of `syntax`: its language part, compiled to a StepRuntime of the kind. */
export function timedStepKind<K extends 'cpu' | 'sleep'>(
  syntax: StepSyntax<TimedRaw<K>, TimedDef<K>> & { kind: K },
): InlineStepKind<TimedRaw<K>, TimedDef<K>> {
  const kind = syntax.kind;
  return {
    ...syntax,
    inline(def, at, ctx) {
      const step = new StepRuntime(StepKind[kind]);
      step.duration = ctx.dist(def.duration, `${at.where}/${kind}`);
      return step;
    },
  };
}
