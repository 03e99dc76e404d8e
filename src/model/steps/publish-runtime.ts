/**
 * The runtime part of `publish` (publish.ts says what it does and holds its language part):
 * compiled to the step's Producer (model/broker.ts).
 */
import { Producer } from '../broker.ts';
import { advance } from '../journey.ts';
import { type PublishDef, type PublishRaw, publishSyntax } from './publish.ts';
import type { HandledStepKind } from './step-kind.ts';

export const publish: HandledStepKind<PublishRaw, PublishDef, Producer> = {
  ...publishSyntax,
  compile(def, { serviceId }, ctx) {
    const broker = ctx.brokers.get(def.broker);
    if (broker === undefined) throw new Error(`unresolved broker ${def.broker}`);
    const link = ctx.network.link(serviceId, def.broker, 'publish');
    const producer = new Producer(
      broker,
      ctx.sim,
      link.out,
      link.back,
      ctx.maxInstancesOf(serviceId),
      advance,
      ctx.topics.get(`${def.broker}/${def.topic}`) ?? null,
    );
    ctx.producers.push([def.broker, producer]);
    return producer;
  },
  run(f, step) {
    (step.payload as Producer).publish(f);
    return false;
  },
};
