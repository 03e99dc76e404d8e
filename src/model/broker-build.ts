/**
 * Builds the brokers and their topics (phase 1 of model.ts).
 */

import { BrokerRuntime } from './broker.ts';
import type { BuildContext } from './build-context.ts';
import { TopicRuntime } from './topic.ts';

/** The brokers of the scenario, in document order, each followed by its topics. */
export function buildBrokers(ctx: BuildContext): void {
  for (const b of ctx.scenario.brokers) {
    const stats = ctx.metrics.addStation(b.id, 'broker', b.instances, b.threads);
    const brokerStats = ctx.metrics.addBroker(b.id, b.onUnavailable);
    // what the publish steps' producers hold in their buffers (they are compiled later)
    brokerStats.bufferedNow = () =>
      ctx.producers.reduce((a, [id, p]) => a + (id === b.id ? p.totalBuffered() : 0), 0);
    ctx.brokers.set(
      b.id,
      new BrokerRuntime(
        b,
        ctx.sim,
        stats,
        brokerStats,
        ctx.dist(b.publishTime, `${b.id}/publish-time`),
      ),
    );
    for (const t of b.topics)
      ctx.topics.set(
        `${b.id}/${t.id}`,
        new TopicRuntime(t, ctx.rng.stream(`${b.id}/${t.id}/keys`)),
      );
  }
}
