/**
 * Bytes in binary units (1024 steps) for people: the value and its unit. The report's two byte
 * formats share it and differ only in their rounding and their largest unit: html/format.ts
 * `formatBytes` on the page (up to GB), features/bytes `sizeText` in the console and the link
 * tables (up to TB). The scenario's messages have their own (scenario/messages-limits.ts
 * `showBytes`): the scenario language may not import the report.
 */

/** The units, smallest first. */
const UNITS = ['B', 'KB', 'MB', 'GB', 'TB'] as const;

export type ByteUnit = (typeof UNITS)[number];

/**
 * `bytes` in the largest unit, up to `largest`, in which its size is at least 1 (B below 1 KB;
 * a negative size by its magnitude): `[value, unit]`.
 */
export function inBinaryUnits(bytes: number, largest: ByteUnit = 'TB'): [number, ByteUnit] {
  const top = UNITS.indexOf(largest);
  let value = bytes;
  let unit = 0;
  while (Math.abs(value) >= 1024 && unit < top) {
    value /= 1024;
    unit++;
  }
  return [value, UNITS[unit]];
}
