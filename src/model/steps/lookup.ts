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
import { Frame, type StepRuntime } from '../frame.ts';
import { sendQuery } from '../journey.ts';
import type { HandledStepKind } from './step-kind.ts';

const LookupStep = z.strictObject({
  lookup: z.union([id, z.strictObject({ keys: id, db: id.optional() })]),
});

/** A lookup step, normalized: the key space read, in which database. */
export interface LookupDef {
  kind: 'lookup';
  keys: string;
  db: string;
}

/** A compiled lookup: its query, and on a sharded database one per shard and the key rule. */
interface LookupRuntime {
  query: StepRuntime;
  shards: StepRuntime[] | null;
  shardOf: ((key: number) => number) | null;
}

export const lookup: HandledStepKind<z.output<typeof LookupStep>, LookupDef, LookupRuntime> = {
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
  compile(def, { serviceId }, ctx) {
    const keySpace = ctx.keySpaces.get(def.keys) ?? null;
    if (keySpace === null || !ctx.databases.has(def.db))
      throw new Error(`unresolved lookup ${def.keys} in ${def.db}`);
    const query = ctx.queryStep(serviceId, def.db);
    query.bytesPerRow = keySpace.rowBytes;
    const sharded = ctx.shards.get(def.db);
    if (sharded === undefined) return { query, shards: null, shardOf: null };
    const shards = sharded.runtimes.map((db) => {
      const q = ctx.queryStep(serviceId, def.db);
      q.db = db;
      q.bytesPerRow = query.bytesPerRow;
      return q;
    });
    return { query, shards, shardOf: shardRule(sharded.by, shards.length, keySpace.size) };
  },
  run(f, step) {
    startLookup(f, step.payload as LookupRuntime);
    return false;
  },
};

/** Reads the keys the visit of `f` carries. */
function startLookup(f: Frame, l: LookupRuntime): void {
  const data = f.inv.data;
  const rows = data === null ? 1 : data.keyCount;
  const shards = l.shards;
  if (shards === null) {
    sendQuery(f, l.query, rows);
    return;
  }
  // a sharded table: one query per shard holding some of the keys, in parallel
  const perShard = new Int32Array(shards.length);
  const keys = data === null ? null : data.keys;
  if (keys === null) {
    // keys not carried (a refresh asking for changed rows): spread evenly
    for (let i = 0; i < rows; i++) perShard[i % shards.length]++;
  } else {
    const shardOf = l.shardOf!;
    for (let i = 0; i < keys.length; i++) perShard[shardOf(keys[i])]++;
  }
  let touched = 0;
  for (let s = 0; s < shards.length; s++) if (perShard[s] > 0) touched++;
  if (touched === 0) {
    sendQuery(f, shards[0], 0); // nothing to read: one cheap query (a 304 check)
    return;
  }
  f.pending = touched;
  for (let s = 0; s < shards.length; s++) {
    if (perShard[s] === 0) continue;
    sendQuery(new Frame(f.inv, NO_STEPS, f, true), shards[s], perShard[s]);
  }
}

const NO_STEPS: StepRuntime[] = [];

/**
 * Which shard a key lives on: by range, keys 1..size in `count` equal consecutive ranges (so a
 * skew towards low keys makes a hot shard); by hash, a multiplicative hash of the key modulo
 * `count` (Knuth's 2654435761), which spreads neighbouring keys.
 */
export function shardRule(
  by: 'range' | 'hash',
  count: number,
  size: number,
): (key: number) => number {
  if (by === 'range') return (key) => Math.min(count - 1, Math.floor(((key - 1) * count) / size));
  return (key) => (Math.imul(key, 2654435761) >>> 0) % count;
}
