/**
 * The runtime part of `branch` (branch.ts says what it does and holds its language part): run
 * inline by the interpreter (model/journey.ts), compiled with its options and the stream that
 * draws one.
 */
import { StepKind, StepRuntime } from '../frame.ts';
import { type BranchDef, type BranchRaw, branchSyntax } from './branch.ts';
import type { InlineStepKind } from './step-kind.ts';

export const branch: InlineStepKind<BranchRaw, BranchDef> = {
  ...branchSyntax,
  inline(def, { serviceId, where }, ctx) {
    const step = new StepRuntime(StepKind.branch);
    step.branches = def.options.map((o, j) =>
      ctx.compileSteps(o.steps, serviceId, `${where}/option${j}/`),
    );
    let acc = 0;
    step.cumulative = Float64Array.from(def.options, (o) => (acc += o.probability));
    const rng = ctx.rng.stream(`${where}/branch`);
    step.pick = () => rng.next();
    return step;
  },
};
