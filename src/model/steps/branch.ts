/**
 * `branch`: runs one of its options, drawn by probability (none when the draw falls past the
 * last). Run inline by the interpreter (model/journey.ts).
 */
import type { StepDef } from '../../scenario/types.ts';
import { StepKind, StepRuntime } from '../frame.ts';
import type { InlineStepKind } from './step-kind.ts';

type BranchDef = Extract<StepDef, { kind: 'branch' }>;

export const branch: InlineStepKind<BranchDef> = {
  kind: 'branch',
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
