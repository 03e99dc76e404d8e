/**
 * The runtime part of `readPending` (read-pending.ts says what it does and holds its language
 * part): compiled to the PendingStore it reads (model/pending.ts).
 */
import type { RandomStream } from '../../engine/index.ts';
import { type PendingStore, pendingStore } from '../pending.ts';
import { type ReadPendingRaw, type ReadPendingStepDef, readPendingSyntax } from './read-pending.ts';
import type { HandledStepKind } from './step-kind.ts';

export const readPending: HandledStepKind<ReadPendingRaw, ReadPendingStepDef, ReadPayload> = {
  ...readPendingSyntax,
  compile(def, { where }, ctx) {
    const store = pendingStore(ctx, def.of);
    store.keepMs = Math.max(store.keepMs, def.withinMs);
    return { store, withinMs: def.withinMs, rng: ctx.rng.stream(`${where}/read-pending`) };
  },
  run(_f, step) {
    const p = step.payload as ReadPayload;
    p.store.read(p.withinMs, p.rng);
    return true;
  },
};

interface ReadPayload {
  store: PendingStore;
  withinMs: number;
  rng: RandomStream;
}
