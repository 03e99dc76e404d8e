/**
 * The runtime part of `updateCopy` (update-copy.ts says what it does and holds its language
 * part): compiled to the replicated data it changes (model/replicated.ts), its copy's index and
 * the random stream that draws the key.
 */
import type { RandomStream } from '../../engine/index.ts';
import type { BuildContext } from '../build-context.ts';
import { type ReplicatedData, replicatedData } from '../replicated.ts';
import type { HandledStepKind } from './step-kind.ts';
import { type UpdateCopyRaw, type UpdateCopyStepDef, updateCopySyntax } from './update-copy.ts';

/** A copy step's payload: the data, the step's copy, its key stream (and delta). */
export interface CopyPayload {
  data: ReplicatedData;
  copy: number;
  rng: RandomStream;
  delta: number;
}

/** The payload of a copy step of data `name` in service `serviceId` (its copy). */
export function copyPayload(
  ctx: BuildContext,
  name: string,
  serviceId: string,
  stream: string,
  delta: number,
): CopyPayload {
  const data = replicatedData(ctx, name);
  const def = ctx.scenario.replicated.find((r) => r.id === name);
  const copy = def === undefined ? -1 : def.copies.indexOf(serviceId);
  if (copy < 0) throw new Error(`service ${serviceId} holds no copy of ${name}`);
  return { data, copy, rng: ctx.rng.stream(stream), delta };
}

export const updateCopy: HandledStepKind<UpdateCopyRaw, UpdateCopyStepDef, CopyPayload> = {
  ...updateCopySyntax,
  compile(def, { serviceId, where }, ctx) {
    return copyPayload(ctx, def.data, serviceId, `${where}/update-copy`, def.delta);
  },
  run(_f, step) {
    const p = step.payload as CopyPayload;
    p.data.update(p.copy, Math.floor(p.rng.next() * p.data.keys), p.delta);
    return true;
  },
};
