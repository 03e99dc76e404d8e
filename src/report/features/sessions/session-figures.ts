/**
 * Figures derived from a run's SessionSummary that several outputs share (the CSV, the console
 * table, the key metrics, the HTML report): calls to the identity provider in all, their rate,
 * and the session memory of the most loaded validating service. Pure.
 */
import type { SessionSummary } from '../../../metrics/session-stats.ts';
import type { RunResult } from '../../../metrics/summary.ts';
import { runItems } from '../../csv.ts';

/**
 * Calls to the identity provider: token issues, plus resolves and syncs when the IdP answers
 * them (with `resolveVia: store` they are store operations, counted there).
 */
export function idpCalls(s: SessionSummary): number {
  return s.idp.issues + (s.resolvedBy === 'store' ? 0 : s.idp.resolves + s.idp.syncs);
}

/** IdP calls per second of a statistics window of `windowMs` (0 for an empty window). */
export function idpCallsPerSec(s: SessionSummary, windowMs: number): number {
  return windowMs > 0 ? (idpCalls(s) * 1000) / windowMs : 0;
}

/**
 * Session (or token-cache) memory per instance, bytes: the largest time-average over the
 * validating services (0 when no service holds sessions in memory).
 */
export function sessionMemoryPerInstanceBytes(s: SessionSummary): number {
  return s.memory.reduce((max, m) => Math.max(max, m.meanBytesPerInstance), 0);
}

/** The runs (first replication of each variant) that had logged-in users, with their sessions. */
export function sessionRuns(runs: readonly RunResult[]): [RunResult, SessionSummary][] {
  return runItems(runs, (s) => (s.sessions ? [s.sessions] : []));
}
