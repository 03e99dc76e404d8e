/**
 * The runtime part of `readCopy` (read-copy.ts says what it does and holds its language part):
 * compiled to the replicated data it reads (model/replicated.ts), its copy and its key sampler.
 */
import { type ReadCopyRaw, type ReadCopyStepDef, readCopySyntax } from './read-copy.ts';
import type { HandledStepKind } from './step-kind.ts';
import { type CopyPayload, copyPayload } from './update-copy-runtime.ts';

export const readCopy: HandledStepKind<ReadCopyRaw, ReadCopyStepDef, CopyPayload> = {
  ...readCopySyntax,
  compile(def, { serviceId, where }, ctx) {
    return copyPayload(ctx, def.data, serviceId, def.access, `${where}/read-copy`, 0);
  },
  run(_f, step) {
    const p = step.payload as CopyPayload;
    p.data.read(p.copy, p.keys.next() - 1);
    return true;
  },
};
