/**
 * A Kafka-like broker as a dependency of publishing steps: servers with threads and a queue
 * that append each message in `publishTime` and acknowledge it (acks=all), one network hop each
 * way. Faults strike its servers like any unit (crash, latency, error-rate, capacity-loss …).
 *
 * What a producer does while the broker is unavailable (refused, rejected, or no
 * acknowledgement within `timeout`) is the broker's `onUnavailable`:
 * - `fail`: the publish step fails at once (the request fails unless a caller handles it);
 * - `block`: the step waits and retries every `retryEvery`, holding the caller's thread, for
 *   up to `blockFor` (then it fails) — Kafka's blocking send with max.block.ms;
 * - `buffer`: the step returns at once; the message waits in the producer instance's buffer
 *   and is sent (and retried) in the background; a full buffer fails the step. Messages still
 *   buffered when the run ends would be lost if that instance crashed (`bufferedAtEnd`).
 *
 * With topics, a message goes to the partition of its key, whose leader is server
 * p mod instances, and is appended there when acknowledged (model/messaging.ts reads it).
 * Simplifications: one message per publish (no batching or compression); without topics,
 * servers are chosen round-robin.
 */
import { type Distribution, Grant, type Simulation, TimeoutQueue } from '../engine/index.ts';
import type { BrokerStats } from '../metrics/broker-stats.ts';
import { Outcome } from '../metrics/outcome.ts';
import type { StationStats } from '../metrics/station-stats.ts';
import type { BrokerDef } from '../scenario/types.ts';
import { type StruckUnit, serverUnit, strike } from './faults.ts';
import type { Frame } from './frame.ts';
import { type Hop, travel } from './network.ts';
import { Server } from './server.ts';
import type { Instance } from './service.ts';
import type { TopicRuntime } from './topic.ts';

/** One publish attempt on its way to the broker and back. */
export class PublishOp {
  sinceMs = -0;
  /** When the step first tried (blocking producers give up after blockFor). */
  firstMs = -0;
  server: BrokerServer | null = null;
  ok = false;
  /** Still waited for (false after a timeout or an answer). */
  waiting = true;
  /** Attempt number (1 for the first send). */
  attempt = 1;
  /** The producer instance's buffer it occupies (buffer mode), or -1. */
  instance = -1;
  /** The topic and partition it is appended to (null: a broker without topics). */
  topic: TopicRuntime | null = null;
  partition = 0;
  key = 0;
  constructor(
    /** The publishing frame; null for a buffered message sent in the background. */
    readonly frame: Frame | null,
    readonly producer: Producer,
  ) {}
}

/** One broker server. */
export type BrokerServer = Server<PublishOp>;

/** The broker's servers. */
export class BrokerRuntime {
  readonly servers: BrokerServer[] = [];
  #next = 0;
  constructor(
    readonly def: BrokerDef,
    readonly sim: Simulation,
    readonly stats: StationStats,
    readonly brokerStats: BrokerStats,
    private readonly publishTime: Distribution,
  ) {
    for (let i = 0; i < def.instances; i++)
      this.servers.push(
        new Server(def.threads, def.queueCapacity, this.#run, stats.busy[i], stats.queue[i]),
      );
  }

  /** A publish reaches the broker. */
  readonly arrive = (op: PublishOp): void => {
    this.stats.arrivals++;
    let server: BrokerServer;
    if (op.topic !== null) server = this.servers[op.partition % this.servers.length];
    else {
      server = this.servers[this.#next];
      this.#next = (this.#next + 1) % this.servers.length;
    }
    op.server = server;
    const fs = server.fault;
    if (fs?.active && strike(fs, this.sim, op, this.#unit)) return;
    this.#enter(op);
  };

  /** How faults turn publishes away at a server (see strike). */
  readonly #unit: StruckUnit<PublishOp> = serverUnit(
    () => this.stats,
    (op) => this.refuse(op),
    (op) => this.#enter(op),
  );

  readonly #enter = (op: PublishOp): void => {
    const g = (op.server as BrokerServer).admit(op, this.sim.now);
    if (g === Grant.rejected) this.refuse(op);
    else if (g === Grant.granted) this.#run(op);
  };

  readonly #run = (op: PublishOp): void => {
    const now = this.sim.now;
    const server = op.server as BrokerServer;
    server.observe(now);
    this.stats.recordWait(now - op.sinceMs);
    const fs = server.fault;
    this.sim.schedule(this.publishTime.sample() * (fs === null ? 1 : fs.slow), this.#end, op);
  };

  readonly #end = (op: PublishOp): void => {
    const server = op.server as BrokerServer;
    server.threads.release();
    server.observe(this.sim.now);
    this.stats.completed++;
    op.ok = true;
    op.topic?.append(op.partition, op.key, op.firstMs);
    op.producer.answer(op);
  };

  /** Turns a publish away (a crash, an injected error, a full queue, a refusing link). */
  refuse(op: PublishOp): void {
    this.stats.rejected++;
    this.reset(op);
  }

  /** Answers a publish as failed (already counted: swallowed by a hang, now reset). */
  reset(op: PublishOp): void {
    op.ok = false;
    op.producer.answer(op);
  }
}

/**
 * The producer of one publish step: sends, waits for the acknowledgement (with a timeout),
 * and applies the broker's onUnavailable behaviour. Buffers are per caller instance.
 */
export class Producer {
  readonly #timeouts: TimeoutQueue<PublishOp>;
  /** Buffered (unacknowledged) messages per caller instance (buffer mode). */
  readonly buffered: Int32Array;
  readonly failCause: string;
  readonly fullCause: string;
  readonly blockedCause: string;
  constructor(
    readonly broker: BrokerRuntime,
    readonly sim: Simulation,
    readonly hopOut: Hop,
    readonly hopBack: Hop,
    instances: number,
    /** Resumes the publishing frame (advance). */
    private readonly resume: (f: Frame) => void,
    /** The topic its messages go to (null: a broker without topics), and their keys. */
    private readonly topic: TopicRuntime | null = null,
  ) {
    this.#timeouts = new TimeoutQueue(
      sim,
      broker.def.timeoutMs,
      (op) => op.waiting,
      (op) => this.#settle(op, false),
    );
    this.buffered = new Int32Array(instances);
    const id = broker.def.id;
    this.failCause = `publish failed: ${id} unavailable`;
    this.fullCause = `publish failed: producer buffer for ${id} full`;
    this.blockedCause = `publish failed: blocked on ${id} for ${broker.def.blockForMs / 1000} s`;
  }

  /** The publish step of frame `f`. */
  publish(f: Frame): void {
    const def = this.broker.def;
    if (def.onUnavailable !== 'buffer') {
      const op = new PublishOp(f, this);
      op.firstMs = this.sim.now;
      this.#route(op);
      this.#send(op);
      return;
    }
    const inst = (f.inv.instance as Instance).index;
    if (this.buffered[inst] >= def.bufferSize) {
      this.broker.brokerStats.bufferFull++;
      f.error = Outcome.failed;
      f.cause = this.fullCause;
      this.sim.schedule(0, this.resume, f);
      return;
    }
    this.buffered[inst]++;
    this.broker.brokerStats.observeBuffered(this.#totalBuffered());
    const op = new PublishOp(null, this);
    op.firstMs = this.sim.now;
    op.instance = inst;
    this.#route(op);
    this.#send(op);
    this.sim.schedule(0, this.resume, f); // the send is asynchronous: the step is done
  }

  /** A new message's topic and partition (by its key). */
  #route(op: PublishOp): void {
    const topic = this.topic;
    if (topic === null) return;
    op.topic = topic;
    op.key = topic.nextKey();
    op.partition = topic.partitionOf(op.key);
  }

  #send = (op: PublishOp): void => {
    op.waiting = true;
    this.#timeouts.add(op);
    travel(this.sim, this.hopOut, this.broker.arrive, op);
  };

  /** The broker's answer travels back. */
  answer(op: PublishOp): void {
    travel(this.sim, this.hopBack, this.#answered, op);
  }

  readonly #answered = (op: PublishOp): void => {
    if (!op.waiting) return; // timed out already
    this.#settle(op, op.ok);
  };

  #settle(op: PublishOp, ok: boolean): void {
    op.waiting = false;
    const stats = this.broker.brokerStats;
    const def = this.broker.def;
    const f = op.frame;
    if (ok) {
      stats.published++;
      if (f === null) {
        this.buffered[op.instance]--;
      } else {
        if (op.attempt > 1) stats.blockedMs += this.sim.now - op.firstMs;
        this.resume(f);
      }
      return;
    }
    if (f === null || def.onUnavailable === 'block') {
      // buffered messages are retried until they go; blocking producers until blockFor
      if (f !== null && this.sim.now - op.firstMs + def.retryEveryMs > def.blockForMs) {
        stats.failed++;
        stats.blockedMs += this.sim.now - op.firstMs;
        f.error = Outcome.failed;
        f.cause = this.blockedCause;
        this.resume(f);
        return;
      }
      stats.retries++;
      const retry = new PublishOp(f, this);
      retry.firstMs = op.firstMs;
      retry.attempt = op.attempt + 1;
      retry.instance = op.instance;
      retry.topic = op.topic;
      retry.partition = op.partition;
      retry.key = op.key;
      this.sim.schedule(def.retryEveryMs, this.#send, retry);
      return;
    }
    stats.failed++;
    f.error = Outcome.failed;
    f.cause = this.failCause;
    this.resume(f);
  }

  /** Messages buffered (not yet acknowledged) over every instance. */
  totalBuffered(): number {
    return this.#totalBuffered();
  }

  #totalBuffered(): number {
    let n = 0;
    for (let i = 0; i < this.buffered.length; i++) n += this.buffered[i];
    return n;
  }
}
