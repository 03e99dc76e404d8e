/**
 * `lookup`: the owner of a key space reads the keys its visit carries (one row per key, an IN
 * query; one row without keys); on a sharded database, one query per shard holding some of the
 * keys, in parallel.
 */
import * as z from 'zod';
import type { DocPath } from '../../scenario/issues.ts';
import * as msg from '../../scenario/messages.ts';
import { checkDatabaseRef, errorAt } from '../../scenario/names.ts';
import { id } from '../../scenario/schema.ts';
import type { StepSyntax } from '../../scenario/step-syntax.ts';

const LookupStep = z.strictObject({
  lookup: z.union([id, z.strictObject({ keys: id, db: id.optional() })]),
});

/** A lookup step, normalized: the key space read, in which database. */
export interface LookupDef {
  kind: 'lookup';
  keys: string;
  db: string;
}

/** A lookup step as parsed. */
export type LookupRaw = z.output<typeof LookupStep>;

export const lookupSyntax: StepSyntax<LookupRaw, LookupDef> = {
  kind: 'lookup',
  schema: () => LookupStep,
  normalize(raw, { serviceDb }) {
    const l = typeof raw.lookup === 'string' ? { keys: raw.lookup } : raw.lookup;
    return { kind: 'lookup', keys: l.keys, db: (l.db ?? serviceDb) as string };
  },
  check(raw, at, { doc, names, serviceId }) {
    const l = typeof raw.lookup === 'string' ? { keys: raw.lookup } : raw.lookup;
    const keysAt: DocPath =
      typeof raw.lookup === 'string' ? [...at, 'lookup'] : [...at, 'lookup', 'keys'];
    const issues = names.has.keys.has(l.keys)
      ? []
      : [errorAt(msg.unknownReference('key space', l.keys, names.keys), keysAt)];
    if ('db' in l && l.db !== undefined)
      issues.push(...checkDatabaseRef(l.db, [...at, 'lookup', 'db'], names));
    else if (doc.services[serviceId].database === undefined)
      issues.push(errorAt(msg.queryWithoutDatabase(serviceId, names.databases), [...at, 'lookup']));
    return issues;
  },
};
