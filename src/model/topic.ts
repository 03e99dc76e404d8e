/**
 * A topic of a broker: a log split into partitions by message key. A message the broker
 * acknowledged is appended to its key's partition once for every consumer group reading the
 * topic (model/messaging.ts), which sees it as a GroupMessage of its own.
 */
import type { RandomStream } from '../engine/index.ts';
import type { TopicDef } from '../scenario/types.ts';

/** What reads a topic: a consumer group, which takes each appended message. */
export interface TopicReader {
  append(partition: number, m: GroupMessage): void;
}

/** A message as one consumer group sees it: its deliveries and how often it was applied. */
export class GroupMessage {
  deliveries = 0;
  applied = 0;
  /** When its effect was first applied (-1: not yet). */
  firstAppliedMs = -1;
  constructor(
    readonly id: number,
    readonly key: number,
    readonly publishedMs: number,
  ) {}
}

/** A topic of a broker: its partitions' keys, and the consumer groups reading it. */
export class TopicRuntime {
  readonly groups: TopicReader[] = [];
  /**
   * The size of its messages, bytes, as its publish steps declare it (`payload: {event}`; the
   * largest when they differ; 0: none declared): each delivery to a consumer carries it.
   */
  eventBytes = 0;
  #nextId = 1;
  constructor(
    readonly def: TopicDef,
    private readonly keys: RandomStream,
  ) {}

  /** A key for the next message (uniform over the topic's keys). */
  nextKey(): number {
    return 1 + this.keys.nextInt(this.def.keys);
  }

  /** The partition of a key. */
  partitionOf(key: number): number {
    return key % this.def.partitions;
  }

  /**
   * An acknowledged message is appended to `partition`, for every group; `publishedMs` is when
   * its producer first tried to publish it (the write it reports, before any buffering).
   */
  append(partition: number, key: number, publishedMs: number): void {
    const id = this.#nextId++;
    for (const g of this.groups) g.append(partition, new GroupMessage(id, key, publishedMs));
  }
}
