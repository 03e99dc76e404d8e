/**
 * Builds the consumer groups (phase 4 of model.ts): each reads its topic's partitions with the
 * instances of its handler's service, running the handler's steps wrapped in the group's
 * bookkeeping (`consume` steps: duplicate check, effect, id mark, with the idempotency store's
 * own round trips); a crash of one of those instances kills its deliveries.
 */

import type { BrokerRuntime } from './broker.ts';
import type { BuildContext } from './build-context.ts';
import { KvClient } from './cache/distributed-cache.ts';
import { backgroundRequest, handlerStep, type StepRuntime } from './frame.ts';
import { advance } from './journey.ts';
import { ConsumeOp, ConsumerGroup } from './messaging.ts';
import { EndpointRuntime, type ServiceRuntime } from './service.ts';
import { kv } from './steps/kv-runtime.ts';
import type { TopicRuntime } from './topic.ts';

/** The consumer groups of the scenario, in document order. */
export function buildConsumers(ctx: BuildContext): void {
  const { sim, metrics } = ctx;
  for (const c of ctx.scenario.consumers) {
    const svc = ctx.services.get(c.service) as ServiceRuntime;
    const ep = svc.endpoints.get(c.endpoint) as EndpointRuntime;
    const broker = ctx.brokers.get(c.broker) as BrokerRuntime;
    const topic = ctx.topics.get(`${c.broker}/${c.topic}`) as TopicRuntime;
    const idem = c.idempotency;
    const stats = metrics.addConsumerGroup(
      c.id,
      c.broker,
      c.topic,
      c.service,
      c.endpoint,
      c.ack,
      idem.kind === 'store' ? idem.store : idem.kind === 'db' ? idem.db : idem.kind,
      topic.def.partitions,
    );
    const zero = ctx.zeroHop();
    const group = new ConsumerGroup(
      c,
      sim,
      stats,
      svc,
      broker,
      topic.def.partitions,
      // each delivery carries the size the topic's publishers declare (model/network.ts)
      ctx.network.sized(ctx.network.link(c.broker, c.service, 'consume'), 'out', topic.eventBytes),
      zero,
      backgroundRequest(ep, zero),
    );
    const op = (o: number) => handlerStep(group, o);
    const before: StepRuntime[] = [];
    const after: StepRuntime[] = [];
    if (idem.kind === 'store') {
      // a GET before the handler and a SET after it, as a scenario's own kv steps
      const remote = ctx.caches.get(idem.store)?.remote ?? null;
      if (remote === null) throw new Error(`unresolved store ${idem.store}`);
      const link = ctx.network.link(c.service, idem.store, 'cache');
      const kvStep = () =>
        handlerStep(
          kv,
          new KvClient(remote, sim, 1, link.out, link.back, 1000, advance, c.service),
        );
      before.push(kvStep());
      after.push(kvStep());
    } else if (idem.kind === 'db') {
      // one query before the handler (the id's row, in the effect's local transaction)
      const q = ctx.queryStep(c.service, idem.db);
      q.rows = ctx.dist({ kind: 'constant', value: 1 }, 'unused');
      before.push(q);
    }
    if (idem.kind !== 'none') before.push(op(ConsumeOp.decide));
    if (idem.kind === 'memory' || idem.kind === 'store') after.push(op(ConsumeOp.mark));
    group.handler = new EndpointRuntime(svc, ep.name, ep.visits);
    group.handler.steps = [...before, ...ep.steps, op(ConsumeOp.apply), ...after];
    topic.groups.push(group);
    ctx.consumerGroups.set(c.id, group);
    ctx.starters.push(() => group.start());
    ctx.afterFaults.push(() => {
      for (const inst of svc.instances) inst.fault?.onDown.push(() => group.lose(inst));
    });
  }
}
