/**
 * The engine tests' logs of what happened when (a name and a time each), as one line to
 * compare: `what @time, …`.
 */
export function timeline(log: readonly (readonly [string, unknown])[]): string {
  return log.map(([what, t]) => `${what} @${t}`).join(', ');
}
