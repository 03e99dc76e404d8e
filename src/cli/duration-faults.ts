/**
 * The faults a `--duration` other than the file's leaves without effect, said before a sweep
 * runs: a sweep prints no fault propagation, so a fault that starts at or after the shortened
 * run's end (or ends in its warm-up) would otherwise pass without a word, its points reading as
 * if the system had shrugged it off. (`run` and `compare` say it in their propagation section.)
 */
import { faultsNotFired, faultTimeline } from '../report/features/faults/propagation.ts';
import { notFiredText } from '../report/features/faults/propagation-report.ts';
import type { Lang } from '../report/i18n/lang.ts';
import { timeWords } from '../report/time-words.ts';
import { withDuration } from '../scenario/fault-windows.ts';
import type { LoadedScenario } from '../scenario/load.ts';

/**
 * One line per fault of any variant that strikes nothing counted in a run of `durationMs` but
 * does in one of the file's duration.
 */
export function faultsIdleForDuration(
  loaded: LoadedScenario,
  durationMs: number,
  lang: Lang = 'en',
): string[] {
  const lines = new Set<string>();
  for (const variant of loaded.variants) {
    // those the file's own duration leaves out, validation has said already
    const own = faultsNotFired(
      variant.faults.map(faultTimeline),
      variant.warmupMs,
      variant.durationMs,
    );
    const said = new Set(own.map((f) => f.fault));
    const s = withDuration(variant, durationMs);
    for (const f of faultsNotFired(s.faults.map(faultTimeline), s.warmupMs, durationMs))
      if (!said.has(f.fault))
        lines.add(
          `--duration ${timeWords(durationMs)}: ${notFiredText(f, s.warmupMs, durationMs, lang)}`,
        );
  }
  return [...lines];
}
