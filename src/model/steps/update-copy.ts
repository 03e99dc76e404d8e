/**
 * `updateCopy`: a service changes its own copy of replicated data (`replicated:`; a stock count
 * moved by `delta`) at once, without waiting for anyone, and the copy's new state is sent to
 * every other copy, which merges it after the data's `sync` delay (model/replicated.ts).
 */
import * as z from 'zod';
import type { KeyDistributionSpec } from '../../engine/index.ts';
import { keyAccess } from '../../scenario/dist-spec.ts';
import { id, KeyAccess } from '../../scenario/schema.ts';
import { checkCopyRef } from './copy-refs.ts';
import { declareSyntax } from './declare-syntax.ts';

/** Adds `delta` to one key of the local copy of `data` (drawn by `access`: uniform by default). */
const UpdateCopyStep = z.strictObject({
  updateCopy: z.strictObject({
    data: id,
    delta: z.number().finite().default(1),
    access: KeyAccess.default('uniform'),
  }),
});

/** An updateCopy step, normalized. */
export interface UpdateCopyStepDef {
  kind: 'updateCopy';
  data: string;
  delta: number;
  access: KeyDistributionSpec;
}

/** An updateCopy step as parsed. */
export type UpdateCopyRaw = z.output<typeof UpdateCopyStep>;

export const updateCopySyntax = declareSyntax<UpdateCopyRaw, UpdateCopyStepDef>(
  'updateCopy',
  UpdateCopyStep,
  {
    normalize: ({ updateCopy: u }) => ({
      data: u.data,
      delta: u.delta,
      access: keyAccess(u.access),
    }),
    check: ({ updateCopy: u }, path, ctx) =>
      checkCopyRef(u.data, [...path, 'updateCopy', 'data'], ctx),
  },
);
