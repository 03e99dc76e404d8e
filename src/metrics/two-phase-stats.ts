/**
 * Counters of one two-phase commit step over the statistics window (issue 18): how its
 * distributed transactions ended (committed, aborted by a "no" vote, a prepare timeout, or a
 * coordinator crash), how long each participant held its row lock (from the lock to the
 * decision), and how many participants were left blocked in doubt while the coordinator was
 * down. Per participant, exact sums and maxima (plain numbers, not histogram buckets), so a
 * scripted case can be checked to the microsecond.
 */
import { type Counts, counters, countsOf, fieldsOf, type TimesOf, timesOf } from './counters.ts';
import { LevelSteps } from './figure-recorders.ts';

/** What the model counts for a two-phase commit step over the statistics window. */
const TWO_PHASE_COUNTERS = {
  started: 'distributed transactions started',
  committed: 'transactions committed (every participant voted yes)',
  aborted: 'transactions aborted (a no vote, a prepare timeout, or a coordinator crash)',
  votedNo: 'no votes (a business refusal, an error, a fault)',
  timeouts: 'prepare rounds that timed out (the coordinator aborted)',
  inDoubt: 'transactions whose coordinator crashed before it decided (presumed abort on recovery)',
  blocked: 'participant locks held in doubt: prepared, waiting for a crashed coordinator',
  lockWaits: 'prepares that had to wait for a row lock another transaction held',
  messages: 'messages (prepare, vote, decision, acknowledgement) over the transactions decided',
} as const;

/** What the model measures over the statistics window, ms. */
const TWO_PHASE_TIMES = {
  lockHold: 'a participant row lock, from lock to release (decision received, or its own no)',
  lockWait: 'a prepare waiting for its row lock (0 when free)',
  duration: 'start → decision (committed transactions)',
  blockedTime: 'a participant lock held in doubt, from lock to the recovered coordinator’s abort',
} as const;

/** One participant's exact figures over the statistics window (plain sums and maxima). */
const PARTICIPANT_COUNTERS = {
  prepared: 'prepares that voted yes',
  votedNo: 'its no votes',
  blocked: 'its locks held in doubt',
  locks: 'its row locks released',
  holdSumMs: 'the sum of its lock holds, ms',
  holdMaxMs: 'its longest lock hold, ms',
} as const;

/** One participant's exact figures (over the statistics window). */
export class ParticipantStats extends counters(PARTICIPANT_COUNTERS) {
  constructor(
    readonly service: string,
    readonly endpoint: string,
  ) {
    super();
  }
}

export class TwoPhaseStats extends counters(TWO_PHASE_COUNTERS, TWO_PHASE_TIMES) {
  readonly participants: ParticipantStats[];
  /** Participants blocked in doubt over the whole run (warm-up included; for the charts). */
  readonly blockedLevel = new LevelSteps();
  constructor(
    readonly id: string,
    participants: readonly { service: string; endpoint: string }[],
  ) {
    super();
    this.participants = participants.map((p) => new ParticipantStats(p.service, p.endpoint));
  }
  override reset(nowMs?: number): void {
    super.reset(nowMs);
    for (const p of this.participants) p.reset();
  }
}

/** One participant of a two-phase commit step, ready for JSON. */
export interface ParticipantSummary {
  service: string;
  endpoint: string;
  /** Prepares that voted yes. */
  prepared: number;
  votedNo: number;
  /** Its locks held in doubt (the coordinator crashed after it prepared). */
  blocked: number;
  lockHoldMeanMs: number;
  lockHoldMaxMs: number;
}

/** A two-phase commit step over the statistics window, ready for JSON. */
export interface TwoPhaseSummary
  extends Counts<Omit<typeof TWO_PHASE_COUNTERS, 'messages'>>,
    TimesOf<'lockHold' | 'lockWait' | 'duration' | 'blockedTime', 'meanMs' | 'p99Ms' | 'maxMs'> {
  id: string;
  /** Messages per transaction decided. */
  messagesPerTransaction: number;
  participants: ParticipantSummary[];
}

export function summarizeTwoPhase(s: TwoPhaseStats): TwoPhaseSummary {
  const decided = s.committed + s.aborted;
  const keys = ['meanMs', 'p99Ms', 'maxMs'] as const;
  return {
    ...fieldsOf(s, ['id']),
    ...countsOf(s, TWO_PHASE_COUNTERS, ['messages']),
    messagesPerTransaction: decided > 0 ? s.messages / decided : 0,
    ...timesOf('lockHold', s.lockHold, keys),
    ...timesOf('lockWait', s.lockWait, keys),
    ...timesOf('duration', s.duration, keys),
    ...timesOf('blockedTime', s.blockedTime, keys),
    participants: s.participants.map((p) => ({
      service: p.service,
      endpoint: p.endpoint,
      prepared: p.prepared,
      votedNo: p.votedNo,
      blocked: p.blocked,
      lockHoldMeanMs: p.locks > 0 ? p.holdSumMs / p.locks : 0,
      lockHoldMaxMs: p.holdMaxMs,
    })),
  };
}
