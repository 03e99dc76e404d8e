/**
 * Notes a reader must see before any figure: runs in which no request completed (the report is
 * then empty, usually a duration in milliseconds by mistake) and timeouts that failed every
 * request or every call of a step (a timeout shorter than any answer, or an overload). The
 * console says the same (cli/run-guard.ts, requests/endpoints.ts `timeoutWarnings`); the page
 * opens with them so that a report file read later, or projected, carries the warning too.
 */
import type { RunSummary } from '../../../metrics/summary.ts';
import { TIMEOUT_CAUSES } from '../requests/endpoints.ts';

/** The variant's name in a note ('' for a scenario without variants). */
const inVariant = (s: RunSummary): string =>
  s.scenario.variant === null ? '' : ` in variant ${s.scenario.variant}`;

/** A duration in words: "500 ms", "2.5 s". */
const duration = (ms: number): string => (ms < 1000 ? `${ms} ms` : `${ms / 1000} s`);

/** The notes of the runs' summaries (first replication of each variant), in variant order. */
export function runNotes(runs: readonly RunSummary[]): string[] {
  const notes: string[] = [];
  for (const s of runs) {
    if (s.overall.finished === 0)
      notes.push(
        `No request completed${inVariant(s)}: its figures are empty (no latency, no throughput). The run lasted ${duration(s.scenario.durationMs)} of simulated time with ${duration(s.scenario.warmupMs)} of warm-up; a number without a unit is milliseconds. Lengthen the duration or check the workloads.`,
      );
    for (const e of s.endpoints)
      if (e.finished > 0 && e.outcomes.timedOut === e.finished)
        notes.push(
          `Every request to ${e.endpoint} timed out${inVariant(s)} (${e.finished} of ${e.finished}): ${TIMEOUT_CAUSES}.`,
        );
    for (const c of s.callsAllTimedOut ?? [])
      notes.push(
        `Every call of ${c.step} (${c.from} → ${c.to}) timed out${inVariant(s)} (${c.calls} of ${c.calls}): ${TIMEOUT_CAUSES}.`,
      );
  }
  return notes;
}
