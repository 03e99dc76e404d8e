/**
 * Counters of one pending state (issue 18, the source's eventual consistency: an order kept
 * "payment being confirmed" until the payment service's confirmation arrives) over the
 * statistics window: entities created pending, confirmed or cancelled, how long they stayed
 * pending, and what the users' reads saw (pending, confirmed, cancelled).
 */
import { type Counts, counters, countsOf, fieldsOf, type TimesOf, timesOf } from './counters.ts';

/** What the model counts for a pending state over the statistics window. */
const PENDING_COUNTERS = {
  created: 'entities created in the pending state',
  confirmed: 'pending entities confirmed (the confirmation succeeded)',
  cancelled: 'pending entities cancelled (refused, failed, or not confirmed in time)',
  timedOut: 'cancellations because the confirmation did not come within the timeout',
  reads: 'user reads of an entity',
  pendingReads: 'reads that saw the entity still pending',
  cancelledReads: 'reads that saw the entity cancelled',
  emptyReads: 'reads that found no entity to read (none created in the window yet)',
} as const;

/** What the model measures over the statistics window, ms. */
const PENDING_TIMES = {
  pendingTime: 'created → confirmed or cancelled',
  pendingAge: 'how long a read entity had been pending (reads that saw it pending)',
} as const;

export class PendingStats extends counters(PENDING_COUNTERS, PENDING_TIMES) {
  /** Exact longest time pending (ms), for scripted checks. */
  maxPendingMs = 0;
  constructor(readonly id: string) {
    super();
  }
  override reset(nowMs?: number): void {
    super.reset(nowMs);
    this.maxPendingMs = 0;
  }
}

/** A pending state over the statistics window, ready for JSON. */
export interface PendingSummary
  extends Counts<typeof PENDING_COUNTERS>,
    TimesOf<'pendingTime', 'meanMs' | 'p99Ms'>,
    TimesOf<'pendingAge', 'meanMs' | 'p99Ms'> {
  id: string;
  /** Share of reads (of an entity) that saw it pending. */
  pendingShare: number;
  /** The longest time an entity stayed pending, exact. */
  pendingMaxMs: number;
}

export function summarizePending(s: PendingStats): PendingSummary {
  return {
    ...fieldsOf(s, ['id']),
    ...countsOf(s, PENDING_COUNTERS),
    pendingShare: s.reads > 0 ? s.pendingReads / s.reads : 0,
    pendingMaxMs: s.maxPendingMs,
    ...timesOf('pendingTime', s.pendingTime, ['meanMs', 'p99Ms']),
    ...timesOf('pendingAge', s.pendingAge, ['meanMs', 'p99Ms']),
  };
}
