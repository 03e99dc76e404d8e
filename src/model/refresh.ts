/**
 * Periodic refresh of a small reference table (codes, departments: under ~1000 rows, rarely
 * changing). Each instance of the calling service keeps the whole table in memory and, every
 * period, asks the owner for the rows changed since its last refresh; the owner answers
 * 304 Not Modified (a cheap query, no rows) when nothing changed. Requests then read the table
 * from memory: no call, no cache lookup. Without `conditional`, every refresh reloads the whole
 * table. Simplifications: the first load happens at time 0 for every instance; a read counts as
 * stale when its row was written after the instance's last refresh was sent.
 */
import type { RandomStream, Simulation } from '../engine/index.ts';
import type { RefreshStats } from '../metrics/refresh-stats.ts';
import type { BuildContext } from './build-context.ts';
import {
  backgroundRequest,
  CallData,
  Frame,
  Invocation,
  type ReplyWaiter,
  type Request,
} from './frame.ts';
import { arriveAtService } from './journey.ts';
import type { KeySpaceRuntime } from './key-space.ts';
import { type Hop, travel } from './network.ts';
import type { EndpointRuntime, Instance, ServiceRuntime } from './service.ts';

/** One instance's copy of the table and its refresh loop. */
class RefreshTask implements ReplyWaiter {
  loaded = false;
  lastRefreshMs = Number.NEGATIVE_INFINITY;
  sentMs = 0;
  /** Refreshes sent so far. */
  sent = 0;
  constructor(
    readonly refresh: RefreshRuntime,
    readonly instance: Instance,
  ) {}
  onReply(inv: Invocation): void {
    this.refresh.answered(this, inv);
  }
}

/** A refreshed table for every instance of one calling service. */
export class RefreshRuntime {
  readonly #tasks = new Map<Instance, RefreshTask>();
  readonly #anchor: Frame;

  constructor(
    private readonly sim: Simulation,
    readonly keySpace: KeySpaceRuntime,
    private readonly target: EndpointRuntime,
    private readonly hopOut: Hop,
    private readonly hopBack: Hop,
    readonly periodMs: number,
    readonly conditional: boolean,
    readonly stats: RefreshStats,
    private readonly phase: RandomStream,
    /** The request background calls are counted on (never reported). */
    private readonly background: Request,
  ) {
    // replies of refresh calls go to the task (the waiter); the anchor only marks them as calls
    this.#anchor = new Frame(background, [], null, false);
  }

  /** Loads the table in every instance now, then refreshes each on its own phase. */
  start(instances: Instance[]): void {
    for (const inst of instances) {
      const task = new RefreshTask(this, inst);
      this.#tasks.set(inst, task);
      this.#send(task);
    }
  }

  /** Counts a read of `key` from `inst`'s table (stale if the row changed since its refresh). */
  read(inst: Instance, key: number): void {
    const task = this.#tasks.get(inst) as RefreshTask;
    this.stats.reads++;
    if (!task.loaded || this.keySpace.lastWriteMs(key) > task.lastRefreshMs)
      this.stats.staleReads++;
  }

  readonly #sendLater = (task: RefreshTask) => this.#send(task);

  #send(task: RefreshTask): void {
    const ks = this.keySpace;
    const rows = task.loaded && this.conditional ? ks.changedSince(task.lastRefreshMs) : ks.size;
    const stats = this.stats;
    stats.refreshes++;
    if (rows === 0) stats.notModified++;
    stats.rowsFetched += rows;
    stats.bytesFetched += rows * ks.rowBytes;
    task.sentMs = this.sim.now;
    task.sent++;
    const call = new Invocation(this.background, this.target, this.#anchor);
    call.replyHop = this.hopBack;
    call.data = new CallData(task, rows, null, 0);
    travel(this.sim, this.hopOut, arriveAtService, call);
  }

  /** A refresh was answered: the table is current as of when it was asked; plan the next. */
  answered(task: RefreshTask, inv: Invocation): void {
    if (inv.error === 0) {
      task.loaded = true;
      task.lastRefreshMs = task.sentMs;
    }
    // after the initial load, each instance refreshes on its own random phase within the period
    const next = task.sent === 1 ? this.periodMs * this.phase.next() : this.periodMs;
    this.sim.schedule(next, this.#sendLater, task);
  }
}

/**
 * An in-memory copy of a reference table in every instance of `serviceId`, refreshed every
 * `periodMs` by calling `target` (its statistics named `id`).
 */
export function buildRefresh(
  ctx: BuildContext,
  id: string,
  serviceId: string,
  keySpace: KeySpaceRuntime,
  target: EndpointRuntime,
  hopOut: Hop,
  hopBack: Hop,
  periodMs: number,
  conditional: boolean,
): RefreshRuntime {
  const svc = ctx.services.get(serviceId) as ServiceRuntime;
  const bytes = keySpace.size * keySpace.rowBytes;
  svc.tableBytes += bytes;
  const stats = ctx.metrics.addRefresh(
    id,
    keySpace.id,
    periodMs,
    conditional,
    bytes,
    svc.instances.length,
  );
  const rt = new RefreshRuntime(
    ctx.sim,
    keySpace,
    target,
    hopOut,
    hopBack,
    periodMs,
    conditional,
    stats,
    ctx.rng.stream(`${id}/refresh-phase`),
    // refresh calls belong to no client request
    backgroundRequest(target, hopBack),
  );
  ctx.starters.push(() => rt.start(svc.instances));
  return rt;
}
