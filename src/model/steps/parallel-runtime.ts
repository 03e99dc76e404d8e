/**
 * The runtime part of `parallel` (parallel.ts says what it does and holds its language part): run
 * inline by the interpreter (startParallel in model/journey.ts), compiled with its lanes.
 */
import { StepKind, StepRuntime } from '../frame.ts';
import { type ParallelDef, type ParallelRaw, parallelSyntax } from './parallel.ts';
import type { InlineStepKind } from './step-kind.ts';

export const parallel: InlineStepKind<ParallelRaw, ParallelDef> = {
  ...parallelSyntax,
  inline(def, { serviceId, where }, ctx) {
    const step = new StepRuntime(StepKind.parallel);
    step.branches = def.branches.map((b, j) =>
      ctx.compileSteps(b, serviceId, `${where}/parallel${j}/`),
    );
    return step;
  },
};
