/**
 * The parsers of the command line's option values (commander's argParser callbacks): each
 * turns the text into its value or throws commander's InvalidArgumentError with what was
 * expected, which commander prints beside the option's name (exit 2).
 */
import { InvalidArgumentError } from 'commander';
import { MAX_DURATION_MS } from '../scenario/limits.ts';
import { parseBytes, parseDurationMs } from '../scenario/units.ts';
import { MAX_REPLICATIONS } from './guard-defaults.ts';

/** Parses --trace-replication: a whole number from 1, or `all`. */
export function parseTraceReplication(value: string): number | 'all' {
  if (value.trim().toLowerCase() === 'all') return 'all';
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < 1 || value.trim() === '')
    throw new InvalidArgumentError('expected a replication number (1 or more) or all.');
  return n;
}

/** Parses --series-resolution: a whole number of seconds ≥ 1 ("1s", "5m"), into seconds. */
export function parseResolutionOption(value: string): number {
  const ms = parseWallOption(value);
  if (ms % 1000 !== 0 || ms > MAX_DURATION_MS)
    throw new InvalidArgumentError(
      'expected a whole number of seconds such as "1s", "30s" or "5m".',
    );
  return ms / 1000;
}

/** Parses a duration option ("60s", "1.5m", a number of ms) into ms, at most a week. */
export function parseDurationOption(value: string): number {
  const ms = parseWallOption(value);
  if (ms > MAX_DURATION_MS)
    throw new InvalidArgumentError(`expected at most ${MAX_DURATION_MS / 3_600_000}h.`);
  return ms;
}

/** Parses a wall-time budget ("60s", "1us", a number of ms) into ms. */
export function parseWallOption(value: string): number {
  return positiveAmount(
    value,
    parseDurationMs,
    'a duration above 0 such as "60s", "2m" or "1500ms"',
  );
}

/** Parses a positive whole number option. */
export function parseCountOption(value: string): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n <= 0)
    throw new InvalidArgumentError('expected a whole number above 0.');
  return n;
}

/** Parses --replications: a whole number from 1 to MAX_REPLICATIONS. */
export function parseReplicationsOption(value: string): number {
  const n = parseCountOption(value);
  if (n > MAX_REPLICATIONS)
    throw new InvalidArgumentError(`expected at most ${MAX_REPLICATIONS} replications.`);
  return n;
}

/** Parses --precision: "5%" or 0.05, a share above 0 and below 1. */
export function parsePrecisionOption(value: string): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(%?)\s*$/.exec(value);
  const p = m === null ? Number.NaN : Number(m[1]) / (m[2] === '%' ? 100 : 1);
  if (!(p > 0 && p < 1))
    throw new InvalidArgumentError('expected a share such as 5% or 0.05 (above 0, below 100 %).');
  return p;
}

/** Parses --warmup: only "auto" (a fixed warm-up is the scenario's `warmup:`). */
export function parseWarmupOption(value: string): 'auto' {
  if (value !== 'auto')
    throw new InvalidArgumentError(
      'expected "auto" (a fixed warm-up is set in the scenario: warmup: 30s).',
    );
  return value;
}

/** Parses --workers: a whole number from 1 to 1,024. */
export function parseWorkersOption(value: string): number {
  const n = parseCountOption(value);
  if (n > 1024) throw new InvalidArgumentError('expected at most 1024 workers.');
  return n;
}

/** Parses --jobs: a whole number from 1 to 1,024 (1: every replication in the main thread). */
export function parseJobsOption(value: string): number {
  const n = parseCountOption(value);
  if (n > 1024) throw new InvalidArgumentError('expected at most 1024 jobs.');
  return n;
}

/** Parses --seed: any text but the empty one (a whole number is read as a number later). */
export function parseSeedOption(value: string): string {
  if (value.trim() === '')
    throw new InvalidArgumentError(
      'expected a seed such as 42 or "run-a"; an empty seed is not one.',
    );
  return value;
}

/** Parses a size option ("2GB", "512MB", a number of bytes). */
export function parseSizeOption(value: string): number {
  return positiveAmount(value, parseBytes, 'a size above 0 such as "2GB" or "512MB"');
}

/**
 * An amount written with a unit ("60s", "2GB") or as a bare number (the unit's base: ms,
 * bytes), read by the scenario's own unit parser; refused unless finite and above 0.
 */
function positiveAmount(
  value: string,
  parse: (written: string | number) => number,
  expected: string,
): number {
  const amount = parse(/^\d+(\.\d+)?$/.test(value) ? Number(value) : value);
  if (!(amount > 0) || !Number.isFinite(amount))
    throw new InvalidArgumentError(`expected ${expected}.`);
  return amount;
}

/** 2000000000 → "2,000,000,000", as the README writes the guards' defaults. */
export function grouped(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+$)/g, ',');
}

/** A wall-time default in ms as a duration the option accepts: 3600000 → "1h", 600000 → "10min". */
export function wallText(ms: number): string {
  if (ms % 3_600_000 === 0) return `${ms / 3_600_000}h`;
  if (ms % 60_000 === 0) return `${ms / 60_000}min`;
  return `${ms / 1000}s`;
}
