/**
 * What the report's charts of the issue-18 kinds draw, beyond their summaries (which the
 * console and the CSV files show, and whose fields stay as they are): a two-phase commit step's
 * lock hold time distribution and the participants blocked in doubt over the whole run (exact
 * step points); a pending state's time-pending distribution; an event store's replay length
 * by the history of the entity rebuilt. They travel in `RunResult.figures` to results.json
 * (`VariantReport.figures`), never into summary.json. Present only when a run has such a kind.
 */
import type { EventStoreStats } from './event-store-stats.ts';
import type { HistoryBucket } from './figure-recorders.ts';
import type { LatencyQuantile } from './histogram.ts';
import type { PendingStats } from './pending-stats.ts';
import type { TwoPhaseStats } from './two-phase-stats.ts';

/** A two-phase commit step's figures. */
export interface TwoPhaseFigures {
  id: string;
  /** Lock hold time, after the warm-up (quantiles; empty when no lock was released). */
  lockHold: LatencyQuantile[];
  /** [ms, participants blocked in doubt from then on], from the start of the run; 0 at 0. */
  blocked: [number, number][];
  /** Whether level changes past MAX_LEVEL_POINTS (figure-recorders.ts) were left out. */
  blockedCut: boolean;
}

/** A pending state's figures. */
export interface PendingFigures {
  id: string;
  /** Time pending (created → confirmed or cancelled), after the warm-up. */
  pendingTime: LatencyQuantile[];
}

/** An event store's figures. */
export interface EventStoreFigures {
  id: string;
  snapshotEvery: number;
  /** Rebuilds after the warm-up by the history of their entity, in order. */
  byHistory: HistoryBucket[];
}

export interface KindFigures {
  twoPhase?: TwoPhaseFigures[];
  pending?: PendingFigures[];
  eventStores?: EventStoreFigures[];
}

/** The figures of a run's two-phase commits, pending states and event stores (or undefined). */
export function kindFigures(
  twoPhase: readonly TwoPhaseStats[],
  pending: readonly PendingStats[],
  eventStores: readonly EventStoreStats[],
): KindFigures | undefined {
  if (twoPhase.length + pending.length + eventStores.length === 0) return undefined;
  return {
    ...(twoPhase.length === 0
      ? {}
      : {
          twoPhase: twoPhase.map((s) => ({
            id: s.id,
            lockHold: s.lockHold.distribution(),
            blocked: s.blockedLevel.points.map(([t, n]): [number, number] => [t, n]),
            blockedCut: s.blockedLevel.cut,
          })),
        }),
    ...(pending.length === 0
      ? {}
      : { pending: pending.map((s) => ({ id: s.id, pendingTime: s.pendingTime.distribution() })) }),
    ...(eventStores.length === 0
      ? {}
      : {
          eventStores: eventStores.map((s) => ({
            id: s.id,
            snapshotEvery: s.snapshotEvery,
            byHistory: s.byHistory.list(),
          })),
        }),
  };
}
