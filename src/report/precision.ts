/**
 * Choosing how many replications to run (`--precision`) and how long a warm-up (`--warmup
 * auto`), from the highlights of what has run so far. Pure decisions; the CLI runs.
 *
 * Precision stopping (sequential procedure of the method of independent replications, as in
 * JMT's "confidence interval" stopping): after each round (one more replication of every
 * variant, so the comparisons stay paired), every highlight of every variant must have a 95 %
 * half-width at most `target` × |mean|; a highlight whose every replication is equal (half-width
 * 0) has reached it. Otherwise another round runs, up to `cap` replications.
 */

import type { Analysis } from './analysis.ts';
import { mserSeconds } from './highlights.ts';
import type { Lang } from './i18n/lang.ts';
import { t } from './i18n/t.ts';

export { DEFAULT_MAX_REPLICATIONS } from './precision-default.ts';

/** Where a run stands against a precision target. */
export interface PrecisionState {
  reached: boolean;
  /** The highlight furthest from the target ("store: sessions lost ±12.0 %"), null when reached. */
  worst: string | null;
}

/** The relative half-width of an estimate (0 when it has no spread; Infinity at mean 0). */
function relativeHalfWidth(mean: number, halfWidth: number | null): number {
  if (halfWidth === null) return Number.POSITIVE_INFINITY;
  if (halfWidth === 0) return 0;
  return mean === 0 ? Number.POSITIVE_INFINITY : halfWidth / Math.abs(mean);
}

/** Whether every highlight of every variant of `a` is within `target` (a share, 0.05 = 5 %). */
export function precisionState(a: Analysis, target: number): PrecisionState {
  let worst: { text: string; r: number } | null = null;
  for (const v of a.variants)
    for (const h of a.highlights.items) {
      const e = v.estimates.find((x) => x.key === h.key);
      if (e === undefined) continue;
      const r = relativeHalfWidth(e.estimate.mean, e.estimate.halfWidth);
      if (r <= target || (worst !== null && r <= worst.r)) continue;
      const shown = Number.isFinite(r) ? `±${(r * 100).toFixed(1)} %` : 'no interval yet';
      worst = { text: `${v.name}: ${h.name} ${shown}`, r };
    }
  return { reached: worst === null, worst: worst?.text ?? null };
}

/** What `replicateUntil` ends with. */
export interface PrecisionOutcome extends PrecisionState {
  replications: number;
  capped: boolean;
}

/**
 * Runs rounds until the precision is reached or `cap` replications have run: `round(r)` runs
 * replication r of every variant (r = n + 1 …), `state()` says where the runs stand. Starts
 * from `n` replications already run (at least 2: one replication has no interval).
 */
export async function replicateUntil(
  n: number,
  cap: number,
  round: (r: number) => Promise<void>,
  state: () => PrecisionState,
): Promise<PrecisionOutcome> {
  let done = n;
  while (done < 2 && done < cap) await round(++done);
  let now = state();
  while (!now.reached && done < cap) {
    await round(++done);
    now = state();
  }
  return { ...now, replications: done, capped: !now.reached };
}

/** The precision note of a run, in words (console and page). */
export function precisionSentence(
  p: {
    target: number;
    reached: boolean;
    cap: number;
    worst: string | null;
    replications: number;
  },
  lang: Lang = 'en',
): string {
  const target = `${+(p.target * 100).toFixed(2)} %`;
  if (p.reached) return t(lang, 'precision.reached', { target, n: p.replications });
  return t(lang, 'precision.missed', { target, cap: p.cap, worst: p.worst ?? '?' });
}

/**
 * The warm-up `--warmup auto` chooses, ms: the largest MSER-5 truncation point of the
 * highlights' series over the variants' first replications (each cut at its first fault), in
 * whole seconds, at most half the run; the declared one when that is longer.
 */
export function autoWarmupMs(a: Analysis): number {
  let best = 0;
  let half = Number.POSITIVE_INFINITY;
  for (const v of a.variants) {
    half = Math.min(half, v.run.summary.scenario.durationMs / 2);
    for (const h of a.highlights.items) best = Math.max(best, mserSeconds(v.run, h.key) ?? 0);
  }
  const declared = Math.max(...a.variants.map((v) => v.run.summary.scenario.warmupMs));
  return Math.max(declared, Math.min(best * 1000, Math.floor(half / 1000) * 1000));
}
