/**
 * Builds the databases (a sharded one as one runtime per shard, `id[0]`, `id[1]`, …: each its
 * own pool, queue and load; queries that do not route by key run on the first shard) and the
 * key spaces of their tables (phase 1 of model.ts).
 */
import type { BuildContext } from './build-context.ts';
import { DatabaseRuntime } from './database.ts';
import type { Frame } from './frame.ts';
import { onConnectionGranted } from './journey.ts';
import { KeySpaceRuntime } from './key-space.ts';

/** The databases of the scenario, in document order. */
export function buildDatabases(ctx: BuildContext): void {
  for (const d of ctx.scenario.databases) {
    const names =
      d.shards === undefined
        ? [d.id]
        : Array.from({ length: d.shards.count }, (_, i) => `${d.id}[${i}]`);
    const shards = names.map((name) => {
      const stats = ctx.metrics.addStation(name, 'database', 1, d.connections);
      return new DatabaseRuntime<Frame>(
        name,
        ctx.sim,
        stats,
        d.connections,
        d.queueCapacity,
        ctx.dist(d.queryTime, `${name}/query-time`),
        ctx.dist(d.rowTime, `${name}/row-time`),
        ctx.dist(d.joinTime, `${name}/join-time`),
        onConnectionGranted,
        stats.busy[0],
        stats.queue[0],
      );
    });
    ctx.databases.set(d.id, shards[0]);
    if (d.shards !== undefined) ctx.shards.set(d.id, { runtimes: shards, by: d.shards.by });
  }
}

/** The key spaces; caches number their keys in one range, each key space after the previous. */
export function buildKeySpaces(ctx: BuildContext): void {
  let cacheKeyBase = 0;
  for (const k of ctx.scenario.keys) {
    ctx.keySpaces.set(
      k.id,
      new KeySpaceRuntime(
        k,
        ctx.sim,
        ctx.rng.stream(`${k.id}/updates`),
        k.updatesPerMs,
        cacheKeyBase,
      ),
    );
    cacheKeyBase += k.size;
  }
}
