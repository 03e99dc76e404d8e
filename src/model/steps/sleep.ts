/**
 * `sleep`: waits for a drawn time, holding the visit's thread but no core (an external wait the
 * model does not show): `- sleep: 20ms`. Run inline by the interpreter (model/journey.ts).
 */
import * as z from 'zod';
import type { DistributionSpec } from '../../engine/index.ts';
import { durationDist } from '../../scenario/dist-spec.ts';
import { DurationDist } from '../../scenario/schema.ts';
import { StepKind, StepRuntime } from '../frame.ts';
import type { InlineStepKind } from './step-kind.ts';

const SleepStep = z.strictObject({ sleep: DurationDist });

/** A sleep step, normalized. */
export interface SleepDef {
  kind: 'sleep';
  duration: DistributionSpec;
}

export const sleep: InlineStepKind<z.output<typeof SleepStep>, SleepDef> = {
  kind: 'sleep',
  schema: () => SleepStep,
  normalize: (raw) => ({ kind: 'sleep', duration: durationDist(raw.sleep) }),
  inline(def, at, ctx) {
    const step = new StepRuntime(StepKind.sleep);
    step.duration = ctx.dist(def.duration, `${at.where}/sleep`);
    return step;
  },
};
