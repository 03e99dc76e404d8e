/**
 * `eventStore`: appends an event to an entity of an event store, or rebuilds an entity's state
 * for a read, replaying its events since the last snapshot from a database (model/event-store.ts).
 */
import * as z from 'zod';
import type { DocPath, UnlocatedIssue } from '../../scenario/issues.ts';
import { LIMITS } from '../../scenario/limits.ts';
import * as msg from '../../scenario/messages.ts';
import { checkDatabaseRef, errorAt } from '../../scenario/names.ts';
import { id } from '../../scenario/schema.ts';
import { declareSyntax } from './declare-syntax.ts';

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

export type EventStoreRaw = z.output<typeof EventStoreStep>;

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

const SETTINGS = ['entities', 'history', 'snapshotEvery'] as const;

/** The first eventStore step of the document naming `name` (its settings are the store's). */
function firstOf(doc: unknown, name: string): EventStoreRaw['eventStore'] | null {
  let found: EventStoreRaw['eventStore'] | null = null;
  const walk = (x: unknown): void => {
    if (found !== null) return;
    if (Array.isArray(x)) for (const y of x) walk(y);
    else if (x !== null && typeof x === 'object') {
      for (const [k, v] of Object.entries(x)) {
        const es = v as EventStoreRaw['eventStore'] | null;
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

export const eventStoreStepSyntax = declareSyntax<EventStoreRaw, EventStoreStepDef>(
  'eventStore',
  EventStoreStep,
  {
    normalize: ({ eventStore: e }) => e,
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
  },
);
