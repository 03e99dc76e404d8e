/**
 * The runtime part of `lookup` (lookup.ts says what it does and holds its language part): compiled
 * to its queries (one per shard on a sharded database), run through the interpreter's generic
 * path.
 */
import { Frame, type StepRuntime } from '../frame.ts';
import { sendQuery } from '../journey.ts';
import { type LookupDef, type LookupRaw, lookupSyntax } from './lookup.ts';
import type { HandledStepKind } from './step-kind.ts';

export const lookup: HandledStepKind<LookupRaw, LookupDef, LookupRuntime> = {
  ...lookupSyntax,
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

/** A compiled lookup: its query, and on a sharded database one per shard and the key rule. */
interface LookupRuntime {
  query: StepRuntime;
  shards: StepRuntime[] | null;
  shardOf: ((key: number) => number) | null;
}

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
