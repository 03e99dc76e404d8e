/**
 * Builds the caches (phase 1 of model.ts): a CacheRuntime each, and for a distributed cache
 * its servers (a station of its own in the report).
 */
import type { BuildContext } from '../build-context.ts';
import { CacheRuntime } from './cache-runtime.ts';
import { DistributedCache } from './distributed-cache.ts';

/** The caches of the scenario, in document order. */
export function buildCaches(ctx: BuildContext): void {
  const { sim, metrics } = ctx;
  for (const c of ctx.scenario.caches) {
    const cache = new CacheRuntime(
      c,
      metrics.addCache(c.id, c.type),
      sim,
      (service) => ctx.network.link(service, service, 'sync').out,
    );
    if (c.type === 'distributed') {
      const stats = metrics.addStation(c.id, 'cache', c.instances, c.threads);
      cache.remote = new DistributedCache(cache, sim, stats, ctx.dist(c.opTime, `${c.id}/op-time`));
    }
    metrics.onStartWindow(() => cache.resetCounters());
    ctx.caches.set(c.id, cache);
  }
}
