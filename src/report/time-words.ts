/**
 * Times in the command line's usage messages (spof --at/--duration, run and sweep --duration)
 * as the user writes them: "100 s", "2.5 s", "500 ms" — not bare milliseconds, which read as
 * something else when the option was given as "100s".
 */

/** `ms` as "100 s", "2.5 s" (from 1 s up) or "500 ms". */
export function timeWords(ms: number): string {
  return ms >= 1000 ? `${Number((ms / 1000).toFixed(3))} s` : `${Number(ms.toFixed(3))} ms`;
}
