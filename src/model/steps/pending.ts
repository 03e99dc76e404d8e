/**
 * `pending`: creates an entity (an order) in a pending state and goes on at once; the
 * confirmation is asked for in the background and confirms or cancels it (model/pending.ts).
 */
import * as z from 'zod';
import type { DocPath } from '../../scenario/issues.ts';
import { checkEndpointRef } from '../../scenario/names.ts';
import { splitRef } from '../../scenario/normalize.ts';
import { Duration, EndpointRef, id, Percent } from '../../scenario/schema.ts';
import { parseDurationMs, parsePercent } from '../../scenario/units.ts';
import { backgroundRequest, Frame } from '../frame.ts';
import { activeTracer } from '../journey.ts';
import { type PendingStore, pendingStore } from '../pending.ts';
import { actionTimeouts } from '../saga.ts';
import type { HandledStepKind } from './step-kind.ts';

/**
 * A pending state named `name` (what `readPending` steps read), confirmed by a call to
 * `confirm` (its answer confirms; an error, a refusal drawn with `cancels`, or no answer within
 * `timeout` cancels).
 */
const PendingStep = z.strictObject({
  pending: z.strictObject({
    name: id,
    confirm: EndpointRef,
    cancels: Percent.default(0),
    timeout: Duration.optional(),
  }),
});

/** A pending step, normalized. */
export interface PendingStepDef {
  kind: 'pending';
  name: string;
  confirm: { service: string; endpoint: string };
  cancels: number;
  timeoutMs: number;
}

export const pending: HandledStepKind<
  z.output<typeof PendingStep>,
  PendingStepDef,
  PendingStore
> = {
  kind: 'pending',
  schema: () => PendingStep,
  normalize: ({ pending: p }) => ({
    kind: 'pending',
    name: p.name,
    confirm: splitRef(p.confirm),
    cancels: parsePercent(p.cancels),
    timeoutMs: p.timeout === undefined ? Number.POSITIVE_INFINITY : parseDurationMs(p.timeout),
  }),
  check: ({ pending: p }, path, { names }) => {
    const at: DocPath = [...path, 'pending', 'confirm'];
    return checkEndpointRef(p.confirm, at, names);
  },
  // it calls the confirmation endpoint (in the background)
  calls: ({ pending: p }, at) => [
    { to: p.confirm, path: [...at, 'pending', 'confirm'], conditional: false },
  ],
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
