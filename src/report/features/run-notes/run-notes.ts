/**
 * Notes a reader must see before any figure: runs in which no request completed (the report is
 * then empty, usually a duration in milliseconds by mistake) and timeouts that failed every
 * request or every call of a step (a timeout shorter than any answer, or an overload). The
 * console says the same (cli/run-guard.ts, requests/endpoints.ts `timeoutWarnings`); the page
 * opens with them so that a report file read later, or projected, carries the warning too.
 */

import type { RunSummary } from '../../../metrics/summary.ts';
import type { Lang } from '../../i18n/lang.ts';
import { t } from '../../i18n/t.ts';

/** The variant's name in a note ('' for a scenario without variants). */
const inVariant = (s: RunSummary, lang: Lang): string =>
  s.scenario.variant === null ? '' : t(lang, 'notes.inVariant', { variant: s.scenario.variant });

/** A duration in words: "500 ms", "2.5 s". */
const duration = (ms: number): string => (ms < 1000 ? `${ms} ms` : `${ms / 1000} s`);

/** The notes of the runs' summaries (first replication of each variant), in variant order. */
export function runNotes(runs: readonly RunSummary[], lang: Lang = 'en'): string[] {
  const causes = t(lang, 'req.timeoutCauses');
  const notes: string[] = [];
  for (const s of runs) {
    if (s.overall.finished === 0)
      notes.push(
        t(lang, 'notes.noRequest', {
          inVariant: inVariant(s, lang),
          duration: duration(s.scenario.durationMs),
          warmup: duration(s.scenario.warmupMs),
        }),
      );
    for (const e of s.endpoints)
      if (e.finished > 0 && e.outcomes.timedOut === e.finished)
        notes.push(
          t(lang, 'notes.allTimedOut', {
            endpoint: e.endpoint,
            inVariant: inVariant(s, lang),
            n: e.finished,
            causes,
          }),
        );
    for (const c of s.callsAllTimedOut ?? [])
      notes.push(
        t(lang, 'notes.callsTimedOut', {
          step: c.step,
          from: c.from,
          to: c.to,
          inVariant: inVariant(s, lang),
          n: c.calls,
          causes,
        }),
      );
  }
  return notes;
}
