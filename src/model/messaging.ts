/**
 * Messaging semantics (issue 7): topics split into partitions, consumer groups, and what each
 * acknowledgement mode does to the data when consumers crash, fail or stall.
 *
 * A message published to a topic goes to the partition of its key and, once the broker has
 * acknowledged it, is appended there for every consumer group of the topic. In a group each
 * partition is owned by one instance of the consuming service, which takes its messages in
 * order, one at a time: a delivery travels from the broker to that instance and runs the
 * handler endpoint's steps there (holding a thread like any visit). Around the handler's own
 * steps the group adds its bookkeeping (`consume` steps):
 *
 *   [check the idempotency store] → decide (skip a duplicate) → handler's steps → apply (the
 *   effect) → [mark the message id] → (visit ends) → commit the offset
 *
 * - at-most-once: the offsets of a batch of up to `batch` messages are committed when it is
 *   taken; a crash loses the batch's messages not yet applied, and a failed handler loses its
 *   message too.
 * - at-least-once: the offset is committed `commitTime` after the handler finished (or, with
 *   `commitEvery`, periodically for everything processed since); a crash before the commit
 *   delivers the messages again, and a consumer without an idempotency check applies twice
 *   those whose effect had been made.
 * - exactly-once: the effect, the id and the offset commit form one transaction
 *   (`transactionTime` + `commitTime` after the handler): a crash before it commits rolls the
 *   effect back, a stalled consumer is fenced. Nothing is applied twice, at a price per message.
 *
 * A failed handler (an error in its steps) is delivered again after `retryBackoff`, and after
 * `maxDeliveries` deliveries the message is dead-lettered (committed, never applied). A consumer
 * still holding a message after `ackTimeout` is presumed dead: the message goes again, and the
 * stalled run may still apply its effect (a "zombie") unless the mode is exactly-once. When an
 * instance of the consuming service crashes, its deliveries die with it, and its partitions
 * stay unconsumed until a rebalance `rebalanceAfter` later gives them to the live instances.
 * While a partition's leader (broker server p mod instances) is down, nothing is taken from it.
 *
 * Idempotency stores hold the ids of processed messages: `memory` (per instance: lost in a
 * crash, unknown to the instance that takes over a partition), a distributed cache (a GET before
 * and a SET after the handler: a crash between the effect and the SET still duplicates), or a
 * database table written in the same local transaction as the effect (one query before).
 * Ids are kept for 10 minutes of simulated time.
 *
 * Simplifications: a crash aborts the consumer's deliveries (their visits still run to the end
 * in the model, but nothing they do counts); a recovered instance gets partitions only at the
 * next rebalance caused by a crash; scale-out adds no consumers; a fetch costs the broker
 * nothing (only publishes use its threads); the effect is the end of the handler's own steps.
 */
import type { Simulation } from '../engine/index.ts';
import { TimeoutQueue } from '../engine/index.ts';
import type { ConsumerGroupStats } from '../metrics/consumer-stats.ts';
import type { ConsumerDef } from '../scenario/types.ts';
import type { BrokerRuntime } from './broker.ts';
import {
  CallData,
  Frame,
  Invocation,
  type ReplyWaiter,
  type Request,
  type StepHandler,
  type StepRuntime,
} from './frame.ts';
import { arriveAtInstance } from './journey.ts';
import { type Hop, travel } from './network.ts';
import { ProcessedIds } from './processed-ids.ts';
import type { EndpointRuntime, Instance, ServiceRuntime } from './service.ts';
import type { GroupMessage, TopicReader } from './topic.ts';

const s3 = (ms: number) => `${(ms / 1000).toFixed(3)} s`;

/** How often a consumer looks again at a partition whose leader is down, ms. */
const LEADER_RETRY_MS = 100;

/** The consumer group's operations around its handler (the `consume` steps). */
export const ConsumeOp = { decide: 0, apply: 1, mark: 2 } as const;

/** One delivery of a message to the instance owning its partition. */
class Delivery implements ReplyWaiter {
  /** The consumer crashed with it: nothing it does counts any more. */
  killed = false;
  /** Its ack timeout passed: the message went again; what it still does is a zombie's. */
  zombie = false;
  /** The idempotency check recognised the message: the handler was skipped. */
  skipped = false;
  /** The handler made its effect (reached its end). */
  effect = false;
  constructor(
    readonly pc: PartitionConsumer,
    readonly msg: GroupMessage,
    readonly owner: Instance,
  ) {}
  onReply(inv: Invocation): void {
    this.pc.group.finished(this, inv.error);
  }
}

/** One partition as a group consumes it: the uncommitted messages, the owner, the delivery. */
class PartitionConsumer {
  /**
   * Uncommitted messages from `#head` on. The first `done` of them are processed and wait for a
   * periodic commit; the next is the one in flight, if any.
   */
  readonly #queue: (GroupMessage | undefined)[] = [];
  #head = 0;
  done = 0;
  /** at-most-once: a batch taken and committed, waiting to be processed here. */
  readonly taken: GroupMessage[] = [];
  inFlight: Delivery | null = null;
  owner: Instance | null = null;
  /** A retry (backoff, leader down) is planned: no poll until it runs. */
  waiting = false;
  constructor(
    readonly group: ConsumerGroup,
    readonly index: number,
  ) {}

  get size(): number {
    return this.#queue.length - this.#head;
  }

  push(m: GroupMessage): void {
    this.#queue.push(m);
  }

  /** The next message to deliver (after those processed). */
  peek(): GroupMessage {
    return this.#queue[this.#head + this.done] as GroupMessage;
  }

  shift(): void {
    this.#queue[this.#head++] = undefined;
    if (this.#head > 1024 && this.#head * 2 > this.#queue.length) {
      this.#queue.splice(0, this.#head);
      this.#head = 0;
    }
  }
}

/** A consumer group: its partitions, deliveries, commits and idempotency store. */
export class ConsumerGroup implements TopicReader, StepHandler<number> {
  readonly partitions: PartitionConsumer[] = [];
  /** The handler endpoint with the group's bookkeeping steps around its own. */
  handler!: EndpointRuntime;
  readonly #anchor: Frame;
  readonly #ackTimeouts: TimeoutQueue<Delivery>;
  /** The ids of the messages it processed (its idempotency store). */
  readonly #ids: ProcessedIds;
  #lag = 0;
  #rebalancing = false;
  /** Append times of the updates of each key not applied yet (kept only for readers). */
  #pending: Map<number, number[]> | null = null;

  constructor(
    readonly def: ConsumerDef,
    readonly sim: Simulation,
    readonly stats: ConsumerGroupStats,
    readonly service: ServiceRuntime,
    readonly broker: BrokerRuntime,
    partitions: number,
    /** Broker → consumer hop of deliveries, and the zero hop of the handler's end. */
    private readonly hopOut: Hop,
    private readonly replyHop: Hop,
    /** Handler visits belong to no client request: their work is counted on this one. */
    private readonly background: Request,
  ) {
    for (let p = 0; p < partitions; p++) this.partitions.push(new PartitionConsumer(this, p));
    this.#anchor = new Frame(background, [], null, false);
    this.#ids = new ProcessedIds(def.idempotency.kind);
    this.#ackTimeouts = new TimeoutQueue(
      sim,
      def.ackTimeoutMs,
      (d) => d.pc.inFlight === d,
      this.#ackTimedOut,
    );
  }

  /** Assigns the partitions to the serving instances, round-robin. */
  start(): void {
    const xs = this.service.instances;
    for (const pc of this.partitions) pc.owner = xs[pc.index % xs.length];
    if (this.def.ack === 'at-least-once' && this.def.commitEveryMs !== null)
      this.sim.schedule(this.def.commitEveryMs, this.#commitAll);
  }

  /** Keeps, per key, the updates not applied yet (a reader of the read model asks). */
  trackPending(): void {
    this.#pending ??= new Map();
  }

  /** When the oldest update of `key` not applied yet was appended (-1: none), and how many. */
  pendingOf(key: number): { oldestMs: number; count: number } {
    const q = this.#pending?.get(key);
    return q === undefined ? { oldestMs: -1, count: 0 } : { oldestMs: q[0], count: q.length };
  }

  /** A message is lost: counted, settled, and the first one described. */
  #lost(m: GroupMessage, how: string): void {
    this.stats.lost++;
    this.stats.firstLost ??= `message #${m.id} (key ${m.key}) of ${this.def.topic}, published at ${s3(m.publishedMs)}, was never applied by ${this.def.id}: ${how}`;
    this.#settle(m);
  }

  /** A message is settled (applied for the first time, lost or dead-lettered). */
  #settle(m: GroupMessage): void {
    const pending = this.#pending;
    if (pending === null) return;
    const q = pending.get(m.key);
    if (q === undefined) return;
    q.shift();
    if (q.length === 0) pending.delete(m.key);
  }

  /** A message appended to partition `p`. */
  append(p: number, m: GroupMessage): void {
    this.stats.produced++;
    if (this.#pending !== null) {
      const q = this.#pending.get(m.key);
      if (q === undefined) this.#pending.set(m.key, [m.publishedMs]);
      else q.push(m.publishedMs);
    }
    this.#setLag(this.#lag + 1);
    const pc = this.partitions[p];
    pc.push(m);
    this.poll(pc);
  }

  #setLag(n: number): void {
    this.#lag = n;
    this.stats.lag.set(this.sim.now, n);
  }

  /** Takes the partition's next message, if it is free, owned, and its leader is up. */
  poll(pc: PartitionConsumer): void {
    if (pc.inFlight !== null || pc.owner === null || pc.waiting) return;
    if (pc.taken.length > 0) {
      // the rest of a batch already here: no fetch
      this.#start(pc, pc.taken.shift() as GroupMessage, pc.owner, false);
      return;
    }
    if (pc.size <= pc.done) return;
    if (!this.#leaderUp(pc)) {
      pc.waiting = true;
      this.sim.schedule(LEADER_RETRY_MS, this.#retry, pc);
      return;
    }
    if (this.def.ack !== 'at-most-once') {
      this.#start(pc, pc.peek(), pc.owner, true);
      return;
    }
    // at-most-once: a batch is taken and committed before any of it is processed
    for (let i = 0; i < this.def.batch && pc.size > 0; i++) {
      pc.taken.push(pc.peek());
      this.#drop(pc);
    }
    this.#start(pc, pc.taken.shift() as GroupMessage, pc.owner, true);
  }

  /** Delivers `msg` to the partition's owner (`fetched`: it travels from the broker). */
  #start(pc: PartitionConsumer, msg: GroupMessage, owner: Instance, fetched: boolean): void {
    const d = new Delivery(pc, msg, owner);
    pc.inFlight = d;
    msg.deliveries++;
    this.stats.delivered++;
    if (msg.deliveries > 1) this.stats.duplicateDeliveries++;
    this.#ackTimeouts.add(d);
    if (fetched) travel(this.sim, this.hopOut, this.#deliver, d);
    else this.#deliver(d);
  }

  readonly #retry = (pc: PartitionConsumer): void => {
    pc.waiting = false;
    this.poll(pc);
  };

  readonly #deliver = (d: Delivery): void => {
    if (d.killed || d.zombie) return;
    const inv = new Invocation(this.background, this.handler, this.#anchor);
    inv.replyHop = this.replyHop;
    inv.data = new CallData(d, 1, null, 0);
    arriveAtInstance(inv, d.owner);
  };

  /** A `consume` step: one of the bookkeeping operations around the handler (its payload). */
  run(f: Frame, step: StepRuntime<number>): boolean {
    this.#step(f, step.payload as number);
    return true;
  }

  /** One of the bookkeeping steps around the handler, in the visit of frame `f`. */
  #step(f: Frame, op: number): void {
    const d = (f.inv.data as CallData).waiter as Delivery;
    const now = this.sim.now;
    switch (op) {
      case ConsumeOp.decide:
        if (this.#ids.of(d.owner).has(d.msg.id, now)) {
          this.stats.skippedDuplicates++;
          d.skipped = true;
          f.pc = f.steps.length; // the handler is skipped
        }
        return;
      case ConsumeOp.apply:
        if (d.killed) return; // the process died with it
        this.stats.processed++;
        d.effect = true;
        if (this.def.ack === 'exactly-once') return; // at the transaction's commit
        this.#applyEffect(d);
        // a database table is written in the same local transaction as the effect
        if (this.def.idempotency.kind === 'db') this.#ids.of(d.owner).add(d.msg.id, now);
        return;
      default:
        if (!d.killed && this.def.ack !== 'exactly-once') this.#ids.of(d.owner).add(d.msg.id, now);
    }
  }

  #applyEffect(d: Delivery): void {
    const msg = d.msg;
    msg.applied++;
    this.stats.applied++;
    if (msg.applied > 1) {
      this.stats.appliedTwice++;
      this.stats.firstAppliedTwice ??= `message #${msg.id} (key ${msg.key}) of ${this.def.topic} was applied by ${this.def.id} at ${s3(msg.firstAppliedMs)} and again at ${s3(this.sim.now)} (delivery ${msg.deliveries}, by ${d.owner.service.id}[${d.owner.index}])`;
      return;
    }
    msg.firstAppliedMs = this.sim.now;
    this.#settle(msg);
    const e2e = this.sim.now - msg.publishedMs;
    this.stats.endToEndSumMs += e2e;
    this.stats.endToEndCount++;
    if (e2e > this.stats.endToEndMaxMs) this.stats.endToEndMaxMs = e2e;
  }

  /** The handler's visit ended (`error` 0: its steps all succeeded). */
  finished(d: Delivery, error: number): void {
    if (d.killed || d.zombie) return; // the partition has moved on without it
    const pc = d.pc;
    if (error !== 0) {
      this.stats.failedDeliveries++;
      if (this.def.ack === 'at-most-once') {
        // committed already: never delivered again
        if (!d.effect)
          this.#lost(
            d.msg,
            `its handler failed at ${s3(this.sim.now)} after the offset was committed`,
          );
        this.#next(pc);
        return;
      }
      if (d.msg.deliveries >= this.def.maxDeliveries) {
        this.stats.deadLettered++;
        this.#settle(d.msg);
        this.#processed(pc);
        return;
      }
      pc.inFlight = null;
      pc.waiting = true;
      this.sim.schedule(this.def.retryBackoffMs, this.#retry, pc);
      return;
    }
    switch (this.def.ack) {
      case 'at-most-once':
        this.#next(pc);
        return;
      case 'at-least-once':
        if (this.def.commitEveryMs !== null) this.#processed(pc);
        else this.sim.schedule(this.def.commitTimeMs, this.#committed, d);
        return;
      default:
        this.sim.schedule(this.def.transactionTimeMs + this.def.commitTimeMs, this.#txCommitted, d);
    }
  }

  readonly #committed = (d: Delivery): void => {
    if (d.killed || d.zombie) return; // the commit never happened: the message goes again
    this.#commit(d.pc);
  };

  readonly #txCommitted = (d: Delivery): void => {
    if (d.killed || d.zombie) return; // rolled back (or fenced): nothing was applied
    if (!d.skipped) {
      this.#applyEffect(d);
      if (this.def.idempotency.kind !== 'none') this.#ids.of(d.owner).add(d.msg.id, this.sim.now);
    }
    this.#commit(d.pc);
  };

  /** Commits the partition's message in flight and takes the next. */
  #commit(pc: PartitionConsumer): void {
    this.#drop(pc);
    this.#next(pc);
  }

  /** The message in flight is done: committed now, or at the next periodic commit. */
  #processed(pc: PartitionConsumer): void {
    if (this.def.commitEveryMs === null) {
      this.#commit(pc);
      return;
    }
    pc.done++;
    this.#next(pc);
  }

  /** A periodic commit: every partition's processed messages are committed. */
  readonly #commitAll = (): void => {
    for (const pc of this.partitions) {
      // nothing is committed while the consumer is gone or the partition's leader is down
      if (pc.owner === null || !this.#leaderUp(pc)) continue;
      while (pc.done > 0) {
        pc.done--;
        this.#drop(pc);
      }
    }
    this.sim.schedule(this.def.commitEveryMs as number, this.#commitAll);
  };

  #leaderUp(pc: PartitionConsumer): boolean {
    const servers = this.broker.servers;
    const leader = servers[pc.index % servers.length];
    return leader.fault === null || leader.fault.down === 0;
  }

  #drop(pc: PartitionConsumer): void {
    pc.shift();
    this.#setLag(this.#lag - 1);
  }

  #next(pc: PartitionConsumer): void {
    pc.inFlight = null;
    this.poll(pc);
  }

  /** A delivery held past the ack timeout: presumed dead, its message goes again. */
  readonly #ackTimedOut = (d: Delivery): void => {
    d.zombie = true;
    this.stats.abandoned++;
    this.#next(d.pc);
  };

  /** An instance of the consuming service crashed: its deliveries die, its partitions stall. */
  lose(inst: Instance): void {
    let owned = false;
    for (const pc of this.partitions) {
      if (pc.owner !== inst) continue;
      owned = true;
      const d = pc.inFlight;
      if (d !== null) {
        d.killed = true;
        this.stats.abandoned++;
        // at-most-once committed it when it was taken: without its effect, it is lost
        const crash = `${inst.service.id}[${inst.index}] crashed at ${s3(this.sim.now)}`;
        if (this.def.ack === 'at-most-once' && !d.effect)
          this.#lost(d.msg, `${crash} while processing it, its offset committed`);
        pc.inFlight = null;
      }
      // so is the rest of its batch
      for (const m of pc.taken)
        this.#lost(
          m,
          `${inst.service.id}[${inst.index}] crashed at ${s3(this.sim.now)} with it in a batch taken and committed`,
        );
      pc.taken.length = 0;
      // what was processed since the last commit will be delivered again
      pc.done = 0;
      pc.owner = null;
    }
    this.#ids.lose(inst);
    if (owned && !this.#rebalancing) {
      this.#rebalancing = true;
      this.sim.schedule(this.def.rebalanceAfterMs, this.#rebalance);
    }
  }

  /** Gives the partitions without an owner to the live instances, the least loaded first. */
  readonly #rebalance = (): void => {
    this.#rebalancing = false;
    const live = this.service.instances.filter((x) => x.fault === null || x.fault.down === 0);
    if (live.length === 0) {
      this.#rebalancing = true;
      this.sim.schedule(this.def.rebalanceAfterMs, this.#rebalance);
      return;
    }
    this.stats.rebalances++;
    const load = new Map<Instance, number>(live.map((x) => [x, 0]));
    for (const pc of this.partitions)
      if (pc.owner !== null && load.has(pc.owner))
        load.set(pc.owner, (load.get(pc.owner) ?? 0) + 1);
    for (const pc of this.partitions) {
      if (pc.owner !== null) continue;
      let best = live[0];
      for (const x of live) if ((load.get(x) ?? 0) < (load.get(best) ?? 0)) best = x;
      pc.owner = best;
      load.set(best, (load.get(best) ?? 0) + 1);
      this.poll(pc);
    }
  };
}
