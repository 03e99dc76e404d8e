/**
 * `sleep`: waits for a drawn time, holding the visit's thread but no core (an external wait the
 * model does not show). Run inline by the interpreter (model/journey.ts).
 */
import type { StepDef } from '../../scenario/types.ts';
import { StepKind, StepRuntime } from '../frame.ts';
import type { InlineStepKind } from './step-kind.ts';

type SleepDef = Extract<StepDef, { kind: 'sleep' }>;

export const sleep: InlineStepKind<SleepDef> = {
  kind: 'sleep',
  inline(def, at, ctx) {
    const step = new StepRuntime(StepKind.sleep);
    step.duration = ctx.dist(def.duration, `${at.where}/sleep`);
    return step;
  },
};
