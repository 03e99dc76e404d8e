/**
 * Third-party readers (issue 7, observed consistency): jobs and screens that read data while
 * services update it, and what they see.
 *
 * - A settlement job reading a saga's entities (each saga run writes one entity in several
 *   services): every `every`, it reads the entities started in the last period before
 *   `cutoff` ago. It sees an action's change if the action was done and not undone by the
 *   time of the read. A read that sees some of the saga's changes but not all is a
 *   cross-service dirty read (the saga was still running, or it ended inconsistent). A cut-off
 *   longer than the sagas take leaves only the inconsistent ones.
 * - A screen reading the read model a consumer group keeps (CQRS): every `every`, `reads`
 *   random keys of the topic; a key with updates appended but not applied yet is a stale read
 *   (a "pending" record), whose staleness is the age of its oldest pending update (from when
 *   it was published; updates still in a producer's buffer are not seen as pending).
 *
 * Each anomaly kind keeps its first example in words (who read what, when, and what was
 * missing). Simplification: a read takes no time and loads nothing.
 */
import type { RandomStream, Simulation } from '../engine/index.ts';
import type { ReaderStats } from '../metrics/reader-stats.ts';
import type { BuildContext } from './build-context.ts';
import type { ConsumerGroup } from './messaging.ts';
import type { SagaRun, SagaRuntime } from './saga.ts';
import type { TopicRuntime } from './topic.ts';

const s3 = (ms: number) => `${(ms / 1000).toFixed(3)} s`;

/** A settlement job over a saga's entities. */
export class SagaReader {
  #head = 0;
  constructor(
    private readonly sim: Simulation,
    private readonly stats: ReaderStats,
    private readonly saga: SagaRuntime,
    private readonly everyMs: number,
    private readonly cutoffMs: number,
  ) {
    saga.history ??= [];
  }

  start(): void {
    this.sim.schedule(this.everyMs, this.#tick);
  }

  readonly #tick = (): void => {
    const now = this.sim.now;
    const history = this.saga.history as SagaRun[];
    const until = now - this.cutoffMs;
    // the entities started before the cut-off and not read yet, in start order
    while (this.#head < history.length && history[this.#head].startMs < until) {
      this.#read(history[this.#head], now);
      this.#head++;
    }
    if (this.#head > 4096) {
      history.splice(0, this.#head);
      this.#head = 0;
    }
    this.sim.schedule(this.everyMs, this.#tick);
  };

  #read(run: SagaRun, now: number): void {
    const applied = run.appliedAt as Float64Array;
    const undone = run.undoneAt as Float64Array;
    let seen = 0;
    for (let k = 0; k < applied.length; k++)
      if (applied[k] >= 0 && applied[k] <= now && !(undone[k] >= 0 && undone[k] <= now)) seen++;
    this.stats.reads++;
    if (seen === 0 || seen === applied.length) {
      this.stats.staleness.record(0);
      return;
    }
    // partly applied: how long the entity has been in that state
    const age = now - (run.firstDoneMs >= 0 ? run.firstDoneMs : run.startMs);
    this.stats.staleness.record(age);
    this.stats.anomaly(age, () => {
      const states = this.saga.actions.map((a, k) => {
        const name = `${a.target.service.id}/${a.target.name}`;
        if (applied[k] < 0 || applied[k] > now) return `${name} not done`;
        if (undone[k] >= 0 && undone[k] <= now) return `${name} undone at ${s3(undone[k])}`;
        return `${name} done at ${s3(applied[k])}`;
      });
      return `at ${s3(now)} ${this.stats.id} read ${this.saga.name} #${run.id} (started at ${s3(run.startMs)}): ${states.join(', ')}`;
    });
  }
}

/** A screen over the read model a consumer group keeps. */
export class ReadModelReader {
  constructor(
    private readonly sim: Simulation,
    private readonly stats: ReaderStats,
    private readonly group: ConsumerGroup,
    private readonly everyMs: number,
    private readonly reads: number,
    private readonly keyCount: number,
    private readonly keys: RandomStream,
  ) {
    group.trackPending();
  }

  start(): void {
    this.sim.schedule(this.everyMs, this.#tick);
  }

  readonly #tick = (): void => {
    const now = this.sim.now;
    for (let i = 0; i < this.reads; i++) {
      const key = 1 + this.keys.nextInt(this.keyCount);
      const { oldestMs, count } = this.group.pendingOf(key);
      this.stats.reads++;
      if (count === 0) {
        this.stats.staleness.record(0);
        continue;
      }
      this.stats.staleness.record(now - oldestMs);
      this.stats.anomaly(
        now - oldestMs,
        () =>
          `at ${s3(now)} ${this.stats.id} read key ${key} of ${this.group.def.id}'s read model: ${count} update${count === 1 ? '' : 's'} pending, the oldest written at ${s3(oldestMs)} (${Math.round(now - oldestMs)} ms before)`,
      );
    }
    this.sim.schedule(this.everyMs, this.#tick);
  };
}

/** Builds the readers of a saga's entities or a consumer group's read model (phase 5 of model.ts). */
export function buildReaders(ctx: BuildContext): void {
  for (const r of ctx.scenario.readers) {
    const target = r.target;
    if (target.kind === 'saga') {
      const saga = ctx.sagas.get(target.saga);
      if (saga === undefined) throw new Error(`unresolved saga ${target.saga}`);
      const stats = ctx.metrics.addReader(r.id, 'saga', target.saga, r.cutoffMs);
      const reader = new SagaReader(ctx.sim, stats, saga, r.everyMs, r.cutoffMs);
      ctx.starters.push(() => reader.start());
    } else {
      const group = ctx.consumerGroups.get(target.group);
      if (group === undefined) throw new Error(`unresolved consumer group ${target.group}`);
      const stats = ctx.metrics.addReader(r.id, 'consumer', target.group, r.cutoffMs);
      const topic = ctx.topics.get(`${group.def.broker}/${group.def.topic}`) as TopicRuntime;
      const reader = new ReadModelReader(
        ctx.sim,
        stats,
        group,
        r.everyMs,
        r.reads,
        topic.def.keys,
        ctx.rng.stream(`${r.id}/keys`),
      );
      ctx.starters.push(() => reader.start());
    }
  }
}
