/**
 * `parallel`: starts one child frame per branch and waits for all of them (even after one
 * failed). Run inline by the interpreter (startParallel in model/journey.ts).
 */
import type { StepDef } from '../../scenario/types.ts';
import { StepKind, StepRuntime } from '../frame.ts';
import type { InlineStepKind } from './step-kind.ts';

type ParallelDef = Extract<StepDef, { kind: 'parallel' }>;

export const parallel: InlineStepKind<ParallelDef> = {
  kind: 'parallel',
  inline(def, { serviceId, where }, ctx) {
    const step = new StepRuntime(StepKind.parallel);
    step.branches = def.branches.map((b, j) =>
      ctx.compileSteps(b, serviceId, `${where}/parallel${j}/`),
    );
    return step;
  },
};
