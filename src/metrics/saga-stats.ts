/**
 * Counters of one saga over the statistics window (issue 7): how transactions across services
 * ended — completed, compensated (every action done was undone), inconsistent (a compensation
 * failed, or an action that cannot be undone had run: an operator alert) — the messages each
 * took, how long they took to end, and how long their data stayed partly applied.
 */
import { LatencyHistogram } from './histogram.ts';

export class SagaStats {
  started = 0;
  completed = 0;
  compensated = 0;
  inconsistent = 0;
  /** Operator alerts: one per compensation that failed or action that could not be undone. */
  alerts = 0;
  /** Actions that failed (a business failure, an error, a timeout). */
  actionFailures = 0;
  compensationFailures = 0;
  /** Actions that had run and could not be undone when the saga rolled back. */
  uncompensable = 0;
  /** Messages (calls and replies, or events) over the sagas that ended. */
  messages = 0;
  /** Start → end (completed or compensated), ms. */
  readonly completion = new LatencyHistogram();
  /** First action done → consistent again (completed or fully compensated), ms. */
  readonly window = new LatencyHistogram();

  constructor(
    readonly id: string,
    readonly mode: string,
    readonly actions: number,
  ) {}

  reset(): void {
    this.started = 0;
    this.completed = 0;
    this.compensated = 0;
    this.inconsistent = 0;
    this.alerts = 0;
    this.actionFailures = 0;
    this.compensationFailures = 0;
    this.uncompensable = 0;
    this.messages = 0;
    this.completion.reset();
    this.window.reset();
  }
}

/** A saga over the statistics window, ready for JSON. */
export interface SagaSummary {
  id: string;
  mode: string;
  actions: number;
  started: number;
  completed: number;
  compensated: number;
  inconsistent: number;
  alerts: number;
  actionFailures: number;
  compensationFailures: number;
  uncompensable: number;
  /** Messages per saga that ended. */
  messagesPerSaga: number;
  completionMeanMs: number;
  completionP99Ms: number;
  /** Time data stayed partly applied (sagas that ended consistent), ms. */
  windowMeanMs: number;
  windowP99Ms: number;
  windowMaxMs: number;
}

export function summarizeSaga(s: SagaStats): SagaSummary {
  const ended = s.completed + s.compensated + s.inconsistent;
  const c = s.completion.stats();
  const w = s.window.stats();
  return {
    id: s.id,
    mode: s.mode,
    actions: s.actions,
    started: s.started,
    completed: s.completed,
    compensated: s.compensated,
    inconsistent: s.inconsistent,
    alerts: s.alerts,
    actionFailures: s.actionFailures,
    compensationFailures: s.compensationFailures,
    uncompensable: s.uncompensable,
    messagesPerSaga: ended > 0 ? s.messages / ended : 0,
    completionMeanMs: c.meanMs,
    completionP99Ms: c.p99Ms,
    windowMeanMs: w.meanMs,
    windowP99Ms: w.p99Ms,
    windowMaxMs: w.maxMs,
  };
}
