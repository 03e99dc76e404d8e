/**
 * The runtime part of `eventStore` (event-store.ts says what it does and holds its language part):
 * compiled to its store (model/event-store.ts), entity draw and query.
 */
import { createKeySampler } from '../../engine/index.ts';
import type { KeySampler } from '../../engine/key-distributions.ts';
import { type EventStore, entityOf, eventStore } from '../event-store.ts';
import type { StepRuntime } from '../frame.ts';
import { sendQuery } from '../journey.ts';
import { type EventStoreRaw, type EventStoreStepDef, eventStoreStepSyntax } from './event-store.ts';
import type { HandledStepKind } from './step-kind.ts';

export const eventStoreStep: HandledStepKind<EventStoreRaw, EventStoreStepDef, Payload> = {
  ...eventStoreStepSyntax,
  // one reply (or acknowledgement) a run
  answers: 1,
  compile(def, { serviceId, where }, ctx) {
    return {
      store: eventStore(ctx, def.name, def),
      append: def.op === 'append',
      keys: createKeySampler(
        { kind: 'uniform' },
        def.entities,
        ctx.rng.stream(`${where}/entities`),
      ),
      query: ctx.queryStep(serviceId, def.db),
    };
  },
  run(f, step) {
    const p = step.payload as Payload;
    const e = entityOf(p.keys);
    sendQuery(f, p.query, p.append ? p.store.append(e) : p.store.read(e));
    return false;
  },
};

interface Payload {
  store: EventStore;
  append: boolean;
  keys: KeySampler;
  query: StepRuntime;
}
