/**
 * `cpu`: computes for a drawn time on the visit's thread (and a core, when the service has
 * cores): `- cpu: 2ms` or `- cpu: { dist: exponential, mean: 2ms }`. Run inline by the
 * interpreter (startCpu in model/journey.ts).
 */
import * as z from 'zod';
import type { DistributionSpec } from '../../engine/index.ts';
import { durationDist } from '../../scenario/dist-spec.ts';
import { DurationDist } from '../../scenario/schema.ts';
import { StepKind, StepRuntime } from '../frame.ts';
import type { InlineStepKind } from './step-kind.ts';

const CpuStep = z.strictObject({ cpu: DurationDist });

/** A cpu step, normalized. */
export interface CpuDef {
  kind: 'cpu';
  duration: DistributionSpec;
}

export const cpu: InlineStepKind<z.output<typeof CpuStep>, CpuDef> = {
  kind: 'cpu',
  schema: () => CpuStep,
  normalize: (raw) => ({ kind: 'cpu', duration: durationDist(raw.cpu) }),
  inline(def, at, ctx) {
    const step = new StepRuntime(StepKind.cpu);
    step.duration = ctx.dist(def.duration, `${at.where}/cpu`);
    return step;
  },
};
