/**
 * Event sourcing (issue 18; the source: "data is kept not as a model's state but as events
 * piling up; UPDATE and DELETE disappear, only CREATE and READ remain"). An event store keeps,
 * per entity, an append-only list of events in a database. The state of an entity is rebuilt
 * by replaying them: every row since the last snapshot (and the snapshot itself, one row).
 *
 * - `append` (a command): rebuilds the entity, then appends one event — one query reading the
 *   replayed rows and writing the event (and the snapshot, when `snapshotEvery` events have
 *   accumulated since the last one): so writes, too, get slower as history grows.
 * - `read`: rebuilds the entity (one query reading the replayed rows).
 *
 * A query costs the database's `queryTime + rows × rowTime`: the replay is the rows. Without
 * snapshots a rebuild replays the entity's whole history, which grows with every append; with
 * them it replays at most `snapshotEvery` events plus one snapshot. The rows a rebuild of every
 * entity would replay (`recoveryRows`: what recovering a lost in-memory projection after a
 * crash costs) are kept up to date.
 *
 * Simplifications (also in the lesson): rows written count as rows in the query's cost like
 * rows read; the snapshot is written in the same round trip as the event; entities are drawn
 * uniformly; every entity starts with `history` events and no snapshot; events are never
 * deleted or compacted.
 */
import type { KeySampler } from '../engine/key-distributions.ts';
import type { EventStoreStats } from '../metrics/event-store-stats.ts';
import { type BuildContext, sharedByName } from './build-context.ts';

/** The entities of one event store: events since each one's last snapshot. */
export class EventStore {
  readonly #since: Float64Array;
  readonly #snapshot: Uint8Array;
  /** Events stored for each entity (its history). */
  readonly #events: Float64Array;

  constructor(
    readonly name: string,
    readonly entities: number,
    readonly history: number,
    readonly snapshotEvery: number,
    readonly stats: EventStoreStats,
  ) {
    this.#since = new Float64Array(entities).fill(history);
    this.#snapshot = new Uint8Array(entities);
    this.#events = new Float64Array(entities).fill(history);
    stats.eventsStored = entities * history;
    stats.recoveryRows = entities * history;
  }

  /** Rebuilds entity `e` (0-based): the rows replayed. */
  #rebuild(e: number): number {
    const rows = this.#snapshot[e] + this.#since[e];
    const st = this.stats;
    st.rebuilds++;
    st.replayedRows += rows;
    if (rows > st.maxReplay) st.maxReplay = rows;
    st.byHistory.add(this.#events[e], rows);
    return rows;
  }

  /** A read of entity `e`: the rows its query reads. */
  read(e: number): number {
    this.stats.reads++;
    return this.#rebuild(e);
  }

  /** A command on entity `e`: rebuild, append an event (and maybe a snapshot): the rows. */
  append(e: number): number {
    const st = this.stats;
    const replayed = this.#rebuild(e);
    st.appends++;
    st.eventsStored++;
    st.recoveryRows++;
    this.#since[e]++;
    this.#events[e]++;
    if (this.snapshotEvery > 0 && this.#since[e] >= this.snapshotEvery) {
      // a snapshot of the state after this event: the next rebuild starts from it
      st.snapshots++;
      st.recoveryRows -= this.#snapshot[e] + this.#since[e] - 1;
      this.#snapshot[e] = 1;
      this.#since[e] = 0;
      return replayed + 2;
    }
    return replayed + 1;
  }
}

const STORES = sharedByName<EventStore>();

/** The settings of an event store, as every step that uses it writes them. */
export interface EventStoreSettings {
  entities: number;
  history: number;
  snapshotEvery: number;
}

/** The event store `name` of the model being built (made, with its counters, once). */
export const eventStore = (ctx: BuildContext, name: string, s: EventStoreSettings): EventStore =>
  STORES(ctx, name, () => {
    const stats = ctx.metrics.addEventStore(name, s.snapshotEvery);
    return new EventStore(name, s.entities, s.history, s.snapshotEvery, stats);
  });

/** Draws entities 0-based from a sampler of keys 1..entities. */
export const entityOf = (keys: KeySampler): number => keys.next() - 1;
