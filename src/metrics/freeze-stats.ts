/**
 * Counters of one frozen instance (`crash: freeze`, model/freeze.ts) over the statistics window:
 * how often it froze, the arrivals its accept queue kept and the ones it had no room for (no
 * answer: the callers wait for their timeouts), what was let in at the resume and how much of
 * that was wasted (the caller had already given up), and the visits whose work or answer waited
 * for the resume. Exact counts, for scripted checks.
 */
import { type Counts, counters, countsOf, fieldsOf } from './counters.ts';

/** What the model counts for one instance a freeze strikes. */
const FREEZE_COUNTERS = {
  freezes: 'times the instance froze',
  accepted: 'arrivals kept in the accept queue while frozen',
  dropped: 'arrivals beyond the accept queue: never answered',
  served: 'queued arrivals let in at a resume',
  wasted: 'of those, arrivals whose caller had already given up (work done for nobody)',
  held: 'visits whose end (thread release and answer) waited for a resume',
  maxBacklog: 'the longest accept queue seen in the window',
} as const;

export class FreezeStats extends counters(FREEZE_COUNTERS) {
  constructor(
    /** The instance: `service[index]`. */
    readonly id: string,
    /** The accept queue's size (the largest of the freezes striking the instance). */
    public backlog: number,
  ) {
    super();
  }
}

/** A frozen instance over the statistics window, ready for JSON. */
export interface FreezeSummary extends Counts<typeof FREEZE_COUNTERS> {
  id: string;
  /** The accept queue's size (connections). */
  backlog: number;
}

export function summarizeFreeze(s: FreezeStats): FreezeSummary {
  return {
    ...fieldsOf(s, ['id', 'backlog']),
    ...countsOf(s, FREEZE_COUNTERS),
  };
}
