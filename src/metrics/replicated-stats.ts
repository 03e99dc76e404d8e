/**
 * Counters of one replicated data (`replicated:`; the source's data decentralisation: data
 * duplicated and denormalised across services, merged by last-write-wins or a CRDT) over the
 * statistics window: the updates made to the copies, the copy states sent and merged, the
 * updates the merge lost, and the reads whose value differed from the truth at that instant.
 * model/replicated.ts counts them and states how (and how the warm-up cuts).
 */
import { type Counts, counters, countsOf, fieldsOf } from './counters.ts';

/** What the model counts for a replicated data over the statistics window. */
const REPLICATED_COUNTERS = {
  updates: 'updates made to a copy (any copy, any key)',
  syncs: 'copy states sent to another copy',
  held: 'copy states a partition of their link, or a copy whose service was down, held (sent again when it healed, or the copy was up)',
  retried:
    'sendings of copy states an error-rate fault on their link failed (each sent again after a draw of sync; a state can fail many times)',
  merges: 'states received that changed the receiving copy',
  discarded: 'states received that changed nothing (older, or already included)',
  reads: 'reads of a copy',
  divergentReads: 'reads whose value differed from the truth at that instant',
  divergence: 'sum of |value read − truth| over the reads',
} as const;

export class ReplicatedStats extends counters(REPLICATED_COUNTERS) {
  /**
   * Updates made in the window that the final state of their key includes (kept up to date by
   * model/replicated.ts as the final states change): lost = updates − included.
   */
  included = 0;
  /**
   * States a lossy pipeline lost to a partition or an error-rate fault, or to a copy whose
   * service had no instance up (also in `copyDown`), and keys a reconciliation's merge changed
   * on the receiving copy, in the window (model/replicated.ts).
   */
  dropped = 0;
  repaired = 0;
  /**
   * States that reached a copy whose service had no instance up, in the window (held or dropped
   * there, and counted in those too: model/replicated-sync.ts); in the summary only when not 0,
   * so a data no crash strikes keeps its summary as it was.
   */
  copyDown = 0;
  /**
   * The keys unsynced at the end of the run (ReplicatedData.unsynced); set only for a data
   * whose delivery is lossy or that reconciles, whose summary alone has dropped, repaired and
   * unsynced (a durable pipeline without reconciliation keeps its summary as it was).
   */
  unsynced: (() => number) | null = null;
  /** Reads and divergent reads in the open second of the series (warm-up included). */
  secondReads = 0;
  secondDiverged = 0;
  /** The share of reads that diverged in each closed second (null: no read in it). */
  readonly divergedPoints: (number | null)[] = [];
  constructor(
    readonly id: string,
    readonly merge: string,
    readonly copies: number,
    readonly keys: number,
  ) {
    super();
  }
  override reset(nowMs?: number): void {
    super.reset(nowMs);
    this.included = 0;
    this.dropped = 0;
    this.repaired = 0;
    this.copyDown = 0;
  }

  /** Closes the open second of the series (recorder.tick): its share of reads that diverged. */
  closeSecond(): void {
    this.divergedPoints.push(this.secondReads > 0 ? this.secondDiverged / this.secondReads : null);
    this.secondReads = 0;
    this.secondDiverged = 0;
  }
}

/** A replicated data over the statistics window, ready for JSON. */
export interface ReplicatedSummary extends Counts<typeof REPLICATED_COUNTERS> {
  id: string;
  merge: string;
  copies: number;
  keys: number;
  /**
   * Lossy delivery or reconciliation only: the states the pipeline lost (window), the keys a
   * reconciliation repaired on a copy (window), and the keys on which some copy's state
   * differs, at the end of the run, from the one every copy converges to (lww: the latest
   * write; crdt: every origin's count), the messages in flight or held counted as delivered.
   */
  dropped?: number;
  repaired?: number;
  unsynced?: number;
  /** States that reached a copy whose service had no instance up (window; absent when 0). */
  copyDown?: number;
  /** Updates made in the window that the final state of their key does not include. */
  lost: number;
  /** lost / updates (0 without updates). */
  lostShare: number;
  /** divergentReads / reads (0 without reads). */
  divergentShare: number;
  /** Mean |value read − truth| over every read (0 without reads). */
  meanDivergence: number;
  /**
   * The share of reads that diverged in each second of the run, warm-up included (null: no
   * read in it); per point of a long run's coarser series (RunResult.series.resolutionS).
   */
  divergedBySecond: (number | null)[];
}

export function summarizeReplicated(s: ReplicatedStats): ReplicatedSummary {
  const lost = s.updates - s.included;
  return {
    ...fieldsOf(s, ['id', 'merge', 'copies', 'keys']),
    ...countsOf(s, REPLICATED_COUNTERS),
    ...(s.copyDown === 0 ? {} : { copyDown: s.copyDown }),
    ...(s.unsynced === null
      ? {}
      : { dropped: s.dropped, repaired: s.repaired, unsynced: s.unsynced() }),
    lost,
    lostShare: s.updates > 0 ? lost / s.updates : 0,
    divergentShare: s.reads > 0 ? s.divergentReads / s.reads : 0,
    meanDivergence: s.reads > 0 ? s.divergence / s.reads : 0,
    divergedBySecond: [...s.divergedPoints],
  };
}
