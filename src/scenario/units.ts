/**
 * Units of the scenario language: durations ("2ms", "1.5s", or a number of ms) and rates
 * ("200/s", "3/ms", or a number per second). Inputs are assumed valid (checked by schema.ts).
 * The patterns of the units live here (schema.ts uses them), so that reading a unit needs no zod.
 */

/**
 * Matches "2ms", "1.5s", "250us", "1m", "0.5h". The µ is written \u00b5: the expression's source
 * (the JSON Schema's pattern) is then the same in the built modules and in bin/msasim's
 * ASCII-only bundle (cli/ascii-source.ts), which writes it so.
 */
export const DURATION_RE = /^\s*(\d+(\.\d+)?|\.\d+)\s*(us|\u00b5s|ms|s|m|min|h)\s*$/;
/** Matches "200/s", "3/ms", "12000/min", "5/h". */
export const RATE_RE = /^\s*(\d+(\.\d+)?|\.\d+)\s*\/\s*(ms|s|sec|min|m|h)\s*$/;
/** Matches a percentage: "5%", "12.5%". */
export const PERCENT_RE = /^\s*(\d+(\.\d+)?|\.\d+)\s*%\s*$/;
/** Matches a size: a number, then B, KB, MB or GB ("512B", "64KB", "1.5MB"; powers of 1024). */
export const BYTES_RE = /^\s*(\d+(\.\d+)?|\.\d+)\s*(B|KB|MB|GB)\s*$/;
/** A bandwidth above 0: a number, then bit/s, kbit/s, Mbit/s, Gbit/s (powers of 1000) or B/s … GB/s. */
export const BANDWIDTH_RE =
  /^\s*(?=[\d.]*[1-9])(\d+(\.\d+)?|\.\d+)\s*(bit\/s|kbit\/s|Mbit\/s|Gbit\/s|B\/s|KB\/s|MB\/s|GB\/s)\s*$/;

const DURATION_UNIT_MS: Record<string, number> = {
  us: 0.001,
  µs: 0.001,
  ms: 1,
  s: 1000,
  m: 60_000,
  min: 60_000,
  h: 3_600_000,
};
const RATE_UNIT_PER_SEC: Record<string, number> = {
  ms: 1000,
  s: 1,
  sec: 1,
  m: 1 / 60,
  min: 1 / 60,
  h: 1 / 3600,
};

/**
 * A bare number as it is; text as its number (the pattern's first group) times the factor of
 * its unit (the third group). NaN when malformed.
 */
function scaled(value: number | string, pattern: RegExp, units: Record<string, number>): number {
  if (typeof value === 'number') return value;
  const m = pattern.exec(value);
  return m ? Number(m[1]) * units[m[3]] : Number.NaN;
}

/** Milliseconds of a duration; a bare number is already ms. NaN when malformed. */
export function parseDurationMs(value: number | string): number {
  return scaled(value, DURATION_RE, DURATION_UNIT_MS);
}

/** Requests per second of a rate; a bare number is already per second. NaN when malformed. */
export function parseRatePerSec(value: number | string): number {
  return scaled(value, RATE_RE, RATE_UNIT_PER_SEC);
}

/** A duration in ms printed with a unit ("250ms", "1.5s"), for messages and tables. */
export function formatDuration(ms: number): string {
  if (ms >= 1000 && ms % 100 === 0) return `${ms / 1000}s`;
  return `${ms}ms`;
}

const BYTE_UNITS: Record<string, number> = { B: 1, KB: 1024, MB: 1024 ** 2, GB: 1024 ** 3 };

/** Bytes of a size ("64KB", "1.5MB"; a bare number is already bytes). NaN when malformed. */
export function parseBytes(value: number | string): number {
  return scaled(value, BYTES_RE, BYTE_UNITS);
}

const BANDWIDTH_UNITS: Record<string, number> = {
  'bit/s': 1 / 8,
  'kbit/s': 1000 / 8,
  'Mbit/s': 1e6 / 8,
  'Gbit/s': 1e9 / 8,
  'B/s': 1,
  'KB/s': 1024,
  'MB/s': 1024 ** 2,
  'GB/s': 1024 ** 3,
};

/** Bytes per second of a bandwidth ("100Mbit/s"; a bare number is already bytes/s). NaN when malformed. */
export function parseBandwidth(value: number | string): number {
  return scaled(value, BANDWIDTH_RE, BANDWIDTH_UNITS);
}

/** A share from 0 to 1 of "99.9%" or a fraction (a bare number is already a fraction). */
export function parsePercent(value: number | string): number {
  if (typeof value === 'number') return value;
  const m = PERCENT_RE.exec(value);
  return m ? Number(m[1]) / 100 : Number.NaN;
}
