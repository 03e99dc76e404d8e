/**
 * `eventStore`: appends an event to an entity of an event store, or rebuilds an entity's state
 * for a read, replaying its events since the last snapshot from a database (model/event-store.ts).
 */
import * as z from 'zod';
import { createKeySampler } from '../../engine/index.ts';
import type { KeySampler } from '../../engine/key-distributions.ts';
import type { DocPath, UnlocatedIssue } from '../../scenario/issues.ts';
import { LIMITS } from '../../scenario/limits.ts';
import * as msg from '../../scenario/messages.ts';
import { checkDatabaseRef, errorAt } from '../../scenario/names.ts';
import { id } from '../../scenario/schema.ts';
import { type EventStore, entityOf, eventStore } from '../event-store.ts';
import type { StepRuntime } from '../frame.ts';
import { sendQuery } from '../journey.ts';
import type { HandledStepKind } from './step-kind.ts';

/**
 * An operation on event store `name` (kept in database `db`): `append` one event to an entity
 * (after rebuilding it) or `read` an entity (rebuild it). The store has `entities` entities,
 * each starting with `history` events; `snapshotEvery` > 0 writes a snapshot every that many
 * events. Every step naming the same store must give it the same settings.
 */
const EventStoreStep = z.strictObject({
  eventStore: z.strictObject({
    name: id,
    db: id,
    op: z.enum(['append', 'read']),
    entities: z.number().int().min(1).max(LIMITS.keys).default(1000),
    history: z.number().int().min(0).max(1_000_000).default(0),
    snapshotEvery: z.number().int().min(0).max(1_000_000).default(0),
  }),
});

type Raw = z.output<typeof EventStoreStep>;

/** An eventStore step, normalized. */
export interface EventStoreStepDef {
  kind: 'eventStore';
  name: string;
  db: string;
  op: 'append' | 'read';
  entities: number;
  history: number;
  snapshotEvery: number;
}

interface Payload {
  store: EventStore;
  append: boolean;
  keys: KeySampler;
  query: StepRuntime;
}

const SETTINGS = ['entities', 'history', 'snapshotEvery'] as const;

/** The first eventStore step of the document naming `name` (its settings are the store's). */
function firstOf(doc: unknown, name: string): Raw['eventStore'] | null {
  let found: Raw['eventStore'] | null = null;
  const walk = (x: unknown): void => {
    if (found !== null) return;
    if (Array.isArray(x)) for (const y of x) walk(y);
    else if (x !== null && typeof x === 'object') {
      for (const [k, v] of Object.entries(x)) {
        const es = v as Raw['eventStore'] | null;
        if (k === 'eventStore' && es !== null && typeof es === 'object' && es.name === name) {
          found = es;
          return;
        }
        walk(v);
      }
    }
  };
  walk((doc as { services?: unknown }).services);
  return found;
}

export const eventStoreStep: HandledStepKind<Raw, EventStoreStepDef, Payload> = {
  kind: 'eventStore',
  schema: () => EventStoreStep,
  normalize: ({ eventStore: e }) => ({ kind: 'eventStore', ...e }),
  check: ({ eventStore: e }, path, { doc, names }) => {
    const at: DocPath = [...path, 'eventStore'];
    const issues: UnlocatedIssue[] = checkDatabaseRef(e.db, [...at, 'db'], names);
    // the first step naming the store gives its settings; the others must repeat them
    const first = firstOf(doc, e.name);
    if (first !== null)
      for (const k of SETTINGS) {
        const want = first[k] ?? EventStoreStep.shape.eventStore.shape[k].parse(undefined);
        if (e[k] !== want) issues.push(errorAt(msg.invalidValue([want], e[k]), [...at, k]));
      }
    return issues;
  },
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
