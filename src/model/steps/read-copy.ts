/**
 * `readCopy`: a service reads its own copy of one key of replicated data (`replicated:`), and
 * the model counts whether the value read differs from the truth at that instant (every change
 * made anywhere so far; model/replicated.ts).
 */
import * as z from 'zod';
import type { KeyDistributionSpec } from '../../engine/index.ts';
import { keyAccess } from '../../scenario/dist-spec.ts';
import { id, KeyAccess } from '../../scenario/schema.ts';
import { checkCopyRef } from './copy-refs.ts';
import { declareSyntax } from './declare-syntax.ts';

/** Reads one key of the local copy of `data` (drawn by `access`: uniform by default). */
const ReadCopyStep = z.strictObject({
  readCopy: z.strictObject({ data: id, access: KeyAccess.default('uniform') }),
});

/** A readCopy step, normalized. */
export interface ReadCopyStepDef {
  kind: 'readCopy';
  data: string;
  access: KeyDistributionSpec;
}

/** A readCopy step as parsed. */
export type ReadCopyRaw = z.output<typeof ReadCopyStep>;

export const readCopySyntax = declareSyntax<ReadCopyRaw, ReadCopyStepDef>(
  'readCopy',
  ReadCopyStep,
  {
    normalize: ({ readCopy: r }) => ({ data: r.data, access: keyAccess(r.access) }),
    check: ({ readCopy: r }, path, ctx) => checkCopyRef(r.data, [...path, 'readCopy', 'data'], ctx),
  },
);
