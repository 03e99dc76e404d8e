/**
 * `cpu`: computes for a drawn time on the visit's thread (and a core, when the service has
 * cores). Run inline by the interpreter (startCpu in model/journey.ts).
 */
import type { StepDef } from '../../scenario/types.ts';
import { StepKind, StepRuntime } from '../frame.ts';
import type { InlineStepKind } from './step-kind.ts';

type CpuDef = Extract<StepDef, { kind: 'cpu' }>;

export const cpu: InlineStepKind<CpuDef> = {
  kind: 'cpu',
  inline(def, at, ctx) {
    const step = new StepRuntime(StepKind.cpu);
    step.duration = ctx.dist(def.duration, `${at.where}/cpu`);
    return step;
  },
};
