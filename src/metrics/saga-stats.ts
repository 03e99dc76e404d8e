/**
 * Counters of one saga over the statistics window (issue 7): how transactions across services
 * ended — completed, compensated (every action done was undone), inconsistent (a compensation
 * failed, or an action that cannot be undone had run: an operator alert) — the messages each
 * took, how long they took to end, and how long their data stayed partly applied.
 */
import { type Counts, counters, countsOf, fieldsOf, type TimesOf, timesOf } from './counters.ts';

/** What the model counts for a saga over the statistics window. */
const SAGA_COUNTERS = {
  started: 'sagas started',
  completed: 'sagas whose every action was done',
  compensated: 'sagas rolled back: every action done was undone',
  inconsistent:
    'sagas left partly applied: a compensation failed, or an action that cannot be undone had run',
  alerts: 'operator alerts: one per compensation that failed or action that could not be undone',
  actionFailures: 'actions that failed (a business failure, an error, a timeout)',
  compensationFailures: 'compensations that failed',
  uncompensable: 'actions that had run and could not be undone when the saga rolled back',
  messages: 'messages (calls and replies, or events) over the sagas that ended',
  completedMessages: 'messages over the sagas that completed',
  rolledBackMessages: 'messages over the sagas that rolled back (compensated or inconsistent)',
  completedBytes: 'bytes of the messages of the sagas that completed',
  rolledBackBytes: 'bytes of the messages of the sagas that rolled back',
} as const;

/** The counters the summary turns into figures per saga rather than copying. */
const PER_SAGA = [
  'messages',
  'completedMessages',
  'rolledBackMessages',
  'completedBytes',
  'rolledBackBytes',
] as const;

/** What the model measures of each saga over the statistics window, ms. */
const SAGA_TIMES = {
  completion: 'start → end (completed or compensated)',
  window: 'first action done → consistent again (completed or fully compensated)',
} as const;

export class SagaStats extends counters(SAGA_COUNTERS, SAGA_TIMES) {
  constructor(
    readonly id: string,
    readonly mode: string,
    readonly actions: number,
  ) {
    super();
  }
}

/** A saga over the statistics window, ready for JSON: its counts, then figures derived from them. */
export interface SagaSummary
  extends Counts<Omit<typeof SAGA_COUNTERS, (typeof PER_SAGA)[number]>>,
    TimesOf<'completion', 'meanMs' | 'p99Ms'>,
    /** The time data stayed partly applied (sagas that ended consistent). */
    TimesOf<'window', 'meanMs' | 'p99Ms' | 'maxMs'> {
  id: string;
  mode: string;
  actions: number;
  /** Messages per saga that ended. */
  messagesPerSaga: number;
  /** Messages per saga that completed (0: none did). */
  messagesPerCompletedSaga: number;
  /** Messages per saga that rolled back, compensated or inconsistent (0: none did). */
  messagesPerCompensatedSaga: number;
  /** Bytes of the messages per saga that ended. */
  bytesPerSaga: number;
  /** Bytes of the messages per saga that rolled back (0: none did). */
  bytesPerCompensatedSaga: number;
}

export function summarizeSaga(s: SagaStats): SagaSummary {
  const ended = s.completed + s.compensated + s.inconsistent;
  const rolledBack = s.compensated + s.inconsistent;
  const per = (x: number, n: number) => (n > 0 ? x / n : 0);
  return {
    ...fieldsOf(s, ['id', 'mode', 'actions']),
    ...countsOf(s, SAGA_COUNTERS, PER_SAGA),
    messagesPerSaga: per(s.messages, ended),
    messagesPerCompletedSaga: per(s.completedMessages, s.completed),
    messagesPerCompensatedSaga: per(s.rolledBackMessages, rolledBack),
    bytesPerSaga: per(s.completedBytes + s.rolledBackBytes, ended),
    bytesPerCompensatedSaga: per(s.rolledBackBytes, rolledBack),
    ...timesOf('completion', s.completion, ['meanMs', 'p99Ms']),
    ...timesOf('window', s.window, ['meanMs', 'p99Ms', 'maxMs']),
  };
}
