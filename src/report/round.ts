/**
 * Rounding for output only (never inside the simulation): numbers are written with at most
 * 4 decimals, so outputs are stable and readable; -0 becomes 0, non-finite numbers null.
 */

/** A number rounded to `decimals` places (default 4). */
export function round(x: number, decimals = 4): number | null {
  if (!Number.isFinite(x)) return null;
  const f = 10 ** decimals;
  const r = Math.round(x * f) / f;
  return Object.is(r, -0) ? 0 : r;
}

/** A number rounded to 4 decimals, or null (an empty CSV cell, a gap in a chart). */
export const rounded = (x: number | null): number | null => (x === null ? null : round(x));

/** A deep copy of `value` with every number rounded. */
export function roundDeep(value: unknown, decimals = 4): unknown {
  if (typeof value === 'number') return round(value, decimals);
  if (Array.isArray(value)) return value.map((v) => roundDeep(v, decimals));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, roundDeep(v, decimals)]));
  }
  return value;
}
