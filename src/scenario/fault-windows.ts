/**
 * The windows of a fault on the timeline, and a scenario run for another duration than its
 * file's (`--duration`): its faults' windows made again for that duration from the fault's own
 * timing (`at`, `for`, `every`, `times`), not the file duration's windows cut or kept. A fault
 * without `for` lasts to the end of the run it is in; a recurring one recurs until that end.
 *
 * The timing is kept beside each normalized FaultDef (a WeakMap, so summary.json, which shows
 * the FaultDef, is unchanged); a FaultDef made elsewhere (a test's, one read back from a file)
 * has none, and its windows are only cut to a shorter run.
 */
import { LIMITS } from './limits.ts';
import type { FaultDef, FaultWindow, Scenario } from './types.ts';

/** A fault's timing as written, in ms (`for` and `every` absent when not given). */
export interface FaultTiming {
  atMs: number;
  forMs: number | undefined;
  everyMs: number | undefined;
  times: number | undefined;
}

const timings = new WeakMap<FaultDef, FaultTiming>();

/**
 * The windows of a fault: from `at` for `for` (to the end without it), again every `every`
 * (`times` times, or while it starts before the end), each clipped to the run.
 */
export function faultWindows(
  atMs: number,
  forMs: number | undefined,
  everyMs: number | undefined,
  times: number | undefined,
  durationMs: number,
): FaultWindow[] {
  const windows: FaultWindow[] = [];
  const length = forMs ?? Number.POSITIVE_INFINITY;
  for (let start = atMs, n = 0; start < durationMs; n++) {
    if (times !== undefined && n >= times) break;
    windows.push({ startMs: start, endMs: Math.min(start + length, durationMs) });
    if (everyMs === undefined || everyMs <= 0) break;
    start += everyMs;
  }
  return windows;
}

/** How many windows faultWindows makes for `t` in a run of `durationMs`, without making them. */
function windowCount(t: FaultTiming, durationMs: number): number {
  if (t.atMs >= durationMs) return 0;
  if (t.everyMs === undefined || t.everyMs <= 0) return 1;
  return Math.min(
    t.times ?? Number.POSITIVE_INFINITY,
    Math.ceil((durationMs - t.atMs) / t.everyMs),
  );
}

/**
 * The fault of `scenario` that would recur more often than validation allows a file
 * (LIMITS.faultWindows) in a run of `durationMs`, with how often; undefined when none would.
 * A `--duration` far longer than the file's makes a recurring fault's windows for the whole
 * run: checked before withDuration makes them (a fault every 2 ms for 24 h is 43 million).
 */
export function tooManyWindows(
  scenario: Scenario,
  durationMs: number,
): { fault: string; windows: number } | undefined {
  for (const f of scenario.faults) {
    const t = timings.get(f);
    const windows = t === undefined ? f.windows.length : windowCount(t, durationMs);
    if (windows > LIMITS.faultWindows) return { fault: f.id, windows };
  }
  return undefined;
}

/** Remembers the timing a normalized fault's windows were made from (see withDuration). */
export function rememberTiming(def: FaultDef, timing: FaultTiming): FaultDef {
  timings.set(def, timing);
  return def;
}

/**
 * `scenario` run for `durationMs`: the duration set and every fault's windows made for it (the
 * same scenario when the duration is its own).
 */
export function withDuration(scenario: Scenario, durationMs: number): Scenario {
  if (durationMs === scenario.durationMs) return scenario;
  const faults = scenario.faults.map((f) => {
    const t = timings.get(f);
    const windows =
      t === undefined
        ? f.windows
            .filter((w) => w.startMs < durationMs)
            .map((w) => ({ startMs: w.startMs, endMs: Math.min(w.endMs, durationMs) }))
        : faultWindows(t.atMs, t.forMs, t.everyMs, t.times, durationMs);
    const def = { ...f, windows };
    return t === undefined ? def : rememberTiming(def, t);
  });
  return { ...scenario, durationMs, faults };
}
