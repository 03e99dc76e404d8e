/**
 * The runtime part of `updateCopy` (update-copy.ts says what it does and holds its language
 * part): compiled to the replicated data it changes (model/replicated.ts), its copy's index and
 * the sampler that draws the key (engine/key-distributions.ts, on the step's own stream).
 */
import { createKeySampler, type KeyDistributionSpec, type KeySampler } from '../../engine/index.ts';
import type { BuildContext } from '../build-context.ts';
import type { ReplicatedData } from '../replicated.ts';
import { replicatedData } from '../replicated-build.ts';
import type { HandledStepKind } from './step-kind.ts';
import { type UpdateCopyRaw, type UpdateCopyStepDef, updateCopySyntax } from './update-copy.ts';

/** A copy step's payload: the data, the step's copy, its keys (and delta). */
export interface CopyPayload {
  data: ReplicatedData;
  copy: number;
  /** Draws keys 1..keys (the data's key k is k − 1). */
  keys: KeySampler;
  delta: number;
}

/** The payload of a copy step of data `name` in service `serviceId` (its copy), keys drawn by `access` on `stream`. */
export function copyPayload(
  ctx: BuildContext,
  name: string,
  serviceId: string,
  access: KeyDistributionSpec,
  stream: string,
  delta: number,
): CopyPayload {
  const data = replicatedData(ctx, name);
  const def = ctx.scenario.replicated.find((r) => r.id === name);
  const copy = def === undefined ? -1 : def.copies.indexOf(serviceId);
  if (copy < 0) throw new Error(`service ${serviceId} holds no copy of ${name}`);
  return { data, copy, keys: createKeySampler(access, data.keys, ctx.rng.stream(stream)), delta };
}

export const updateCopy: HandledStepKind<UpdateCopyRaw, UpdateCopyStepDef, CopyPayload> = {
  ...updateCopySyntax,
  compile(def, { serviceId, where }, ctx) {
    return copyPayload(ctx, def.data, serviceId, def.access, `${where}/update-copy`, def.delta);
  },
  run(_f, step) {
    const p = step.payload as CopyPayload;
    p.data.update(p.copy, p.keys.next() - 1, p.delta);
    return true;
  },
};
