/**
 * Runtime of a database: a pool of connections (the number of queries it runs at once) with a
 * FIFO queue of waiting queries. Cost model: query time = queryTime + rows × rowTime + joins ×
 * joinTime, with one rowTime and one joinTime draw per query (simplification: rows of one query
 * cost the same). Queries cross the network like calls. A list screen's JOIN is one query with
 * joins; a batch lookup is one query of as many rows as keys (an IN list).
 */
import { type Distribution, Resource, type Simulation } from '../engine/index.ts';
import type { StationStats } from '../metrics/station-stats.ts';
import type { TimeWeighted } from '../metrics/time-weighted.ts';
import { type FaultState, Slots } from './faults.ts';

/** A database component; `Q` is what waits for a connection (the querying frame). */
export class DatabaseRuntime<Q = unknown> {
  readonly connections: Resource<Q>;
  readonly rejectedCause: string;
  /** The connections that GC pauses and capacity faults take away. */
  readonly slots: Slots;
  /** Faults striking this database (null when none ever does). */
  fault: FaultState | null = null;
  constructor(
    readonly id: string,
    readonly sim: Simulation,
    readonly stats: StationStats,
    connections: number,
    queueCapacity: number,
    readonly queryTime: Distribution,
    readonly rowTime: Distribution,
    readonly joinTime: Distribution,
    onConnection: (q: Q) => void,
    private readonly busy: TimeWeighted,
    private readonly queue: TimeWeighted,
  ) {
    this.connections = new Resource<Q>(connections, queueCapacity, onConnection);
    this.slots = new Slots(connections, this.connections as Resource<unknown>, (now) => {
      this.observeBusy(now);
      this.observeQueue(now);
    });
    this.rejectedCause = `rejected: ${id} queue full`;
  }

  /** Records the slots in use at `nowMs` (after a grant or a release). */
  observeBusy(nowMs: number): void {
    this.busy.set(nowMs, this.connections.inUse);
  }

  /** Records the queue length at `nowMs` (after a visit joined or left the queue). */
  observeQueue(nowMs: number): void {
    this.queue.set(nowMs, this.connections.queueLength);
  }
}
