/**
 * `publish`: sends a message to a broker (to its topic's partition by key) and waits for the
 * acknowledgement, or does what the broker's `onUnavailable` says (model/broker.ts Producer).
 */
import type { StepDef } from '../../scenario/types.ts';
import { Producer } from '../broker.ts';
import { advance } from '../journey.ts';
import type { HandledStepKind } from './step-kind.ts';

type PublishDef = Extract<StepDef, { kind: 'publish' }>;

export const publish: HandledStepKind<PublishDef, Producer> = {
  kind: 'publish',
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
