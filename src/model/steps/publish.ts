/**
 * `publish`: sends a message to a broker (to its topic's partition by key) and waits for the
 * acknowledgement, or does what the broker's `onUnavailable` says (model/broker.ts Producer).
 */
import * as z from 'zod';
import * as msg from '../../scenario/messages.ts';
import { errorAt } from '../../scenario/names.ts';
import { Bytes, id } from '../../scenario/schema.ts';
import { parseBytes } from '../../scenario/units.ts';
import { declareSyntax, longForm, nameAt } from './declare-syntax.ts';

/**
 * Publishing to a broker: wait for its acknowledgement (acks=all). `payload: { event: 2KB }`:
 * the size of the message sent to the broker (a saga's vocabulary; issue 18, bytes moved).
 */
const PublishStep = z.strictObject({
  publish: z.union([id, z.strictObject({ broker: id, topic: z.string().optional() })]),
  payload: z.strictObject({ event: Bytes.default('1KB') }).optional(),
});

/** A publish step, normalized (a broker without topics: its own id as the topic). */
export interface PublishDef {
  kind: 'publish';
  broker: string;
  topic: string;
  /** The size of each message, bytes (absent: none declared, not counted). */
  eventBytes?: number;
}

/** A publish step as parsed. */
export type PublishRaw = z.output<typeof PublishStep>;

export const publishSyntax = declareSyntax<PublishRaw, PublishDef>('publish', PublishStep, {
  normalize(raw) {
    const p = longForm(raw.publish, 'broker');
    const def = { broker: p.broker, topic: p.topic ?? p.broker };
    return raw.payload === undefined ? def : { ...def, eventBytes: parseBytes(raw.payload.event) };
  },
  check(raw, at, { doc, names }) {
    const { broker, topic } = longForm(raw.publish, 'broker');
    const brokerAt = nameAt(raw.publish, at, 'publish', 'broker');
    if (!names.has.brokers.has(broker))
      return [errorAt(msg.unknownReference('broker', broker, names.brokers), brokerAt)];
    const topics = Object.keys(doc.brokers[broker].topics);
    if (topics.length === 0) return [];
    if (topic === undefined)
      return [errorAt(msg.publishWithoutTopic(broker, topics), [...at, 'publish'])];
    return topics.includes(topic)
      ? []
      : [
          errorAt(msg.unknownReference('topic', topic, topics, broker), [
            ...at,
            'publish',
            'topic',
          ]),
        ];
  },
});
