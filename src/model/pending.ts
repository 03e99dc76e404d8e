/**
 * Pending states (issue 18; the source's eventual consistency: "put an uncertainty such as
 * *payment being confirmed* into the order, and keep it until the payment server's
 * confirmation arrives"). A `pending` step creates an entity (an order) in the pending state
 * and lets its request go on at once: the user is told "payment being confirmed". In the
 * background the step asks for the confirmation (a call to the `confirm` endpoint, which may
 * take long: a card network, a bank). Its answer confirms the entity; a failure, a business
 * refusal (`cancels`) or no answer within `timeout` cancels it. Nothing else may change the
 * entity meanwhile: the pending state is what keeps it consistent.
 *
 * A `readPending` step is a user looking at an entity (the order status screen): it reads one
 * entity created in the last `within` (uniformly among them: users look at recent orders) and
 * counts whether it saw it pending, confirmed or cancelled. The share of reads that see a
 * pending state is about the time entities stay pending over `within` (for reads spread like
 * the creations).
 *
 * Simplifications (also in the lessons): a read takes no time and loads nothing; the entity
 * store is in memory (no database is read); the confirmation is one call with no retries; a
 * cancellation undoes nothing elsewhere.
 */
import type { RandomStream, Simulation, TimeoutQueue } from '../engine/index.ts';
import { Outcome } from '../metrics/outcome.ts';
import type { PendingStats } from '../metrics/pending-stats.ts';
import { type BuildContext, sharedByName } from './build-context.ts';
import { CallData, type Frame, Invocation, type ReplyWaiter, type Request } from './frame.ts';
import { arriveAtService } from './journey.ts';
import { type Hop, travel } from './network.ts';
import type { EndpointRuntime } from './service.ts';
import type { OpenSpan, Tracer } from './trace/tracer.ts';

const State = { pending: 0, confirmed: 1, cancelled: 2 } as const;

/** One entity: when it was created, its state, and when it left the pending state. */
export class PendingEntity implements ReplyWaiter {
  state: number = State.pending;
  resolvedMs = -1;
  /** Traced runs: its pending span, and who records it. */
  span: OpenSpan = null;
  tracer: Tracer | null = null;
  constructor(
    readonly store: PendingStore,
    readonly createdMs: number,
  ) {}
  onReply(inv: Invocation): void {
    this.store.answered(this, inv.error === Outcome.ok, false);
  }
  onTimeout(): void {
    this.store.answered(this, false, true);
  }
}

/** How a pending step asks for the confirmation. */
export interface Confirmation {
  target: EndpointRuntime;
  hopOut: Hop;
  hopBack: Hop;
  timeouts: TimeoutQueue<Invocation> | null;
  cancels: number;
  rng: RandomStream;
  /** Confirmations belong to no client request: counted on this one. */
  anchor: Frame;
}

/** The entities of one pending state, by creation time, and the reads of them. */
export class PendingStore {
  /** Entities in creation order; those older than the longest read window are dropped. */
  #entities: PendingEntity[] = [];
  #head = 0;
  /** The longest `within` of its readers (ms): how long entities are kept. */
  keepMs = 0;
  confirmation: Confirmation | null = null;

  constructor(
    readonly name: string,
    readonly sim: Simulation,
    readonly stats: PendingStats,
  ) {}

  /** A request creates an entity, pending; the confirmation is asked for in the background. */
  create(): PendingEntity {
    const c = this.confirmation;
    if (c === null) throw new Error(`pending state ${this.name} without a confirmation`);
    this.stats.created++;
    const e = new PendingEntity(this, this.sim.now);
    this.#entities.push(e);
    this.#trim();
    const req = c.anchor.inv.request as Request;
    req.callCount++;
    const call = new Invocation(req, c.target, c.anchor);
    call.replyHop = c.hopBack;
    call.data = new CallData(e, 1, null, 0);
    if (c.timeouts !== null) c.timeouts.add(call);
    travel(this.sim, c.hopOut, arriveAtService, call);
    return e;
  }

  /** The confirmation answered (`ok`), failed, or did not come in time (`timedOut`). */
  answered(e: PendingEntity, ok: boolean, timedOut: boolean): void {
    if (e.state !== State.pending) return;
    const c = this.confirmation as Confirmation;
    const confirmed = ok && !(c.cancels > 0 && c.rng.next() < c.cancels);
    e.state = confirmed ? State.confirmed : State.cancelled;
    e.resolvedMs = this.sim.now;
    if (confirmed) this.stats.confirmed++;
    else this.stats.cancelled++;
    if (timedOut) this.stats.timedOut++;
    const pending = e.resolvedMs - e.createdMs;
    this.stats.pendingTime.record(pending);
    if (pending > this.stats.maxPendingMs) this.stats.maxPendingMs = pending;
    if (e.tracer !== null)
      e.tracer.close(
        e.span,
        e.resolvedMs,
        confirmed ? 'ok' : timedOut ? 'timed out' : 'failed',
        confirmed ? '' : `${this.name} cancelled${timedOut ? ': no confirmation in time' : ''}`,
      );
  }

  /** A user reads one entity created in the last `withinMs` (drawn with `rng`). */
  read(withinMs: number, rng: RandomStream): void {
    const now = this.sim.now;
    this.#trim();
    const list = this.#entities;
    // the first entity created within the window (binary search: creation times ascend)
    let lo = this.#head;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (list[mid].createdMs < now - withinMs) lo = mid + 1;
      else hi = mid;
    }
    if (lo === list.length) {
      this.stats.emptyReads++;
      return;
    }
    const e = list[lo + Math.floor(rng.next() * (list.length - lo))];
    this.stats.reads++;
    if (e.state === State.pending) {
      this.stats.pendingReads++;
      this.stats.pendingAge.record(now - e.createdMs);
    } else if (e.state === State.cancelled) this.stats.cancelledReads++;
  }

  /** Drops entities older than any reader looks at. */
  #trim(): void {
    const until = this.sim.now - this.keepMs;
    const list = this.#entities;
    while (this.#head < list.length && list[this.#head].createdMs < until) this.#head++;
    if (this.#head > 4096) {
      list.splice(0, this.#head);
      this.#head = 0;
    }
  }
}

const STORES = sharedByName<PendingStore>();

/** The store of pending state `name` of the model being built (made, with its counters, once). */
export const pendingStore = (ctx: BuildContext, name: string): PendingStore =>
  STORES(ctx, name, () => new PendingStore(name, ctx.sim, ctx.metrics.addPending(name)));
