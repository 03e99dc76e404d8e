/**
 * The runtime part of `pending` (pending.ts says what it does and holds its language part):
 * compiled to the PendingStore it creates entities in (model/pending.ts), with its confirmation
 * call.
 */
import { backgroundRequest, Frame } from '../frame.ts';
import { activeTracer } from '../journey.ts';
import { type PendingStore, pendingStore } from '../pending.ts';
import { actionTimeouts } from '../saga.ts';
import { type PendingRaw, type PendingStepDef, pendingSyntax } from './pending.ts';
import type { HandledStepKind } from './step-kind.ts';

export const pending: HandledStepKind<PendingRaw, PendingStepDef, PendingStore> = {
  ...pendingSyntax,
  compile(def, { serviceId, where }, ctx) {
    const store = pendingStore(ctx, def.name);
    if (store.confirmation !== null)
      throw new Error(`pending state ${def.name} created by two steps`);
    const target = ctx.endpoint(def.confirm.service, def.confirm.endpoint, 'confirmation');
    const link = ctx.network.link(serviceId, def.confirm.service, 'call');
    store.confirmation = {
      target,
      hopOut: link.out,
      hopBack: link.back,
      timeouts: actionTimeouts(ctx.sim, def.timeoutMs),
      cancels: def.cancels,
      rng: ctx.rng.stream(`${where}/pending-cancels`),
      anchor: new Frame(backgroundRequest(target, ctx.zeroHop()), [], null, false),
    };
    return store;
  },
  run(f, step) {
    const store = step.payload as PendingStore;
    const e = store.create();
    // traced: the entity's time pending is a span of the request that created it
    if (activeTracer !== null) {
      e.tracer = activeTracer;
      e.span = activeTracer.open(f.inv, 'pending', `${store.name}: pending`, e.createdMs);
    }
    return true;
  },
};
