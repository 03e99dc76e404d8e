/**
 * The resolution of the time series (seconds per point), chosen once per run from its simulated
 * duration: 1 s while the run is at most MAX_SERIES_POINTS seconds long (every shipped scenario,
 * and most runs), else the smallest of a few round widths (2 s, 5 s, 10 s, … 1 h, then whole
 * hours) that keeps the series at MAX_SERIES_POINTS points or fewer. So a series' memory, and the
 * size of timeseries.csv and results.json, is bounded whatever the simulated time (a week at
 * 1 s would be 604,800 points per series; at 5 min it is 2,016). A point covers its whole bucket
 * exactly: its counts are the bucket's counts, its percentiles those of every latency recorded
 * in the bucket (one histogram per open bucket), its means time-weighted over the bucket; its
 * `second` is the bucket's first second. The caller may ask for a width (`--series-resolution
 * 1s` for per-second data of a long run, at the memory cost of one point per second).
 */

/** The most points a series gets when the resolution is chosen from the duration. */
export const MAX_SERIES_POINTS = 4000;

/** The widths tried in order, in seconds, before whole hours. */
const WIDTHS_S = [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600];

/**
 * Seconds per point of a run simulating `durationMs`: `requestedS` when given (a whole number
 * ≥ 1), else the smallest width whose point count stays within `maxPoints`.
 */
export function seriesResolutionS(
  durationMs: number,
  requestedS?: number,
  maxPoints = MAX_SERIES_POINTS,
): number {
  if (requestedS !== undefined) return requestedS;
  const seconds = Math.ceil(durationMs / 1000);
  for (const w of WIDTHS_S) if (Math.ceil(seconds / w) <= maxPoints) return w;
  return Math.ceil(seconds / maxPoints / 3600) * 3600;
}
