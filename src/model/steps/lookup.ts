/**
 * `lookup`: the owner of a key space reads the keys its visit carries (one row per key, an IN
 * query; one row without keys); on a sharded database, one query per shard holding some of the
 * keys, in parallel.
 */
import * as z from 'zod';
import * as msg from '../../scenario/messages.ts';
import { checkDatabaseRef, errorAt } from '../../scenario/names.ts';
import { id } from '../../scenario/schema.ts';
import { declareSyntax, longForm, nameAt } from './declare-syntax.ts';

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

export const lookupSyntax = declareSyntax<LookupRaw, LookupDef>('lookup', LookupStep, {
  normalize(raw, { serviceDb }) {
    const l = longForm(raw.lookup, 'keys');
    return { keys: l.keys, db: (l.db ?? serviceDb) as string };
  },
  check(raw, at, { doc, names, serviceId }) {
    const l = longForm(raw.lookup, 'keys');
    const keysAt = nameAt(raw.lookup, at, 'lookup', 'keys');
    const issues = names.has.keys.has(l.keys)
      ? []
      : [errorAt(msg.unknownReference('key space', l.keys, names.keys), keysAt)];
    if (l.db !== undefined) issues.push(...checkDatabaseRef(l.db, [...at, 'lookup', 'db'], names));
    else if (doc.services[serviceId].database === undefined)
      issues.push(errorAt(msg.queryWithoutDatabase(serviceId, names.databases), [...at, 'lookup']));
    return issues;
  },
});
