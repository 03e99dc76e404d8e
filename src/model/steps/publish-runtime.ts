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
  // one reply (or acknowledgement) a run
  answers: 1,
  compile(def, { serviceId }, ctx) {
    const broker = ctx.brokers.get(def.broker);
    if (broker === undefined) throw new Error(`unresolved broker ${def.broker}`);
    const link = ctx.network.link(serviceId, def.broker, 'publish');
    const topic = ctx.topics.get(`${def.broker}/${def.topic}`) ?? null;
    if (def.eventBytes !== undefined) {
      ctx.network.bytesDeclared = true;
      // its consumers' deliveries carry the size too (model/consumer-build.ts)
      if (topic !== null) topic.eventBytes = Math.max(topic.eventBytes, def.eventBytes);
    }
    const producer = new Producer(
      broker,
      ctx.sim,
      ctx.network.sized(link, 'out', def.eventBytes ?? 0),
      link.back,
      ctx.maxInstancesOf(serviceId),
      advance,
      topic,
    );
    ctx.producers.push([def.broker, producer]);
    return producer;
  },
  run(f, step) {
    (step.payload as Producer).publish(f);
    return false;
  },
};
