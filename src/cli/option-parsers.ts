/**
 * The parsers of the command line's option values (commander's argParser callbacks): each
 * turns the text into its value or throws a ValueError (commander's InvalidArgumentError) with
 * what was expected, in English and Korean, which commander prints beside the option's name
 * (exit 2; the Korean with --lang ko or a Korean locale, cli/usage-ko.ts `spokenParsers`).
 */
import { InvalidArgumentError } from 'commander';
import { MAX_DURATION_MS } from '../scenario/limits.ts';
import { parseBytes, parseDurationMs } from '../scenario/units.ts';
import { MAX_REPLICATIONS } from './guard-defaults.ts';

/** A bad option value: what was expected, in English (the message) and in Korean (`ko`). */
export class ValueError extends InvalidArgumentError {
  readonly ko: string;
  constructor(message: string, ko: string) {
    super(message);
    this.ko = ko;
  }
}

/** Parses --trace-replication: a whole number from 1, or `all`. */
export function parseTraceReplication(value: string): number | 'all' {
  if (value.trim().toLowerCase() === 'all') return 'all';
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < 1 || value.trim() === '')
    throw new ValueError(
      'expected a replication number (1 or more) or all.',
      '복제 번호(1 이상)나 all이어야 합니다.',
    );
  return n;
}

/** Parses --series-resolution: a whole number of seconds ≥ 1 ("1s", "5m"), into seconds. */
export function parseResolutionOption(value: string): number {
  const ms = parseWallOption(value);
  if (ms % 1000 !== 0 || ms > MAX_DURATION_MS)
    throw new ValueError(
      'expected a whole number of seconds such as "1s", "30s" or "5m".',
      '"1s", "30s", "5m"처럼 초 단위의 정수여야 합니다.',
    );
  return ms / 1000;
}

/** Parses a duration option ("60s", "1.5m", a number of ms) into ms, at most a week. */
export function parseDurationOption(value: string): number {
  const ms = parseWallOption(value);
  if (ms > MAX_DURATION_MS)
    throw new ValueError(
      `expected at most ${MAX_DURATION_MS / 3_600_000}h.`,
      `최대 ${MAX_DURATION_MS / 3_600_000}h여야 합니다.`,
    );
  return ms;
}

/** Parses a wall-time budget ("60s", "1us", a number of ms) into ms. */
export function parseWallOption(value: string): number {
  return positiveAmount(
    value,
    parseDurationMs,
    'a duration above 0 such as "60s", "2m" or "1500ms"',
    '"60s", "2m", "1500ms"처럼 0보다 큰 시간이어야 합니다.',
  );
}

/** Parses a positive whole number option. */
export function parseCountOption(value: string): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n <= 0)
    throw new ValueError('expected a whole number above 0.', '0보다 큰 정수여야 합니다.');
  return n;
}

/**
 * The parser of a whole number from 1 to `max` (--replications, --workers, --jobs); above `max`,
 * the option's own words for its limit (`en`, `ko`).
 */
function countUpTo(max: number, en: string, ko: string): (value: string) => number {
  return (value) => {
    const n = parseCountOption(value);
    if (n > max) throw new ValueError(en, ko);
    return n;
  };
}

/** Parses --replications: a whole number from 1 to MAX_REPLICATIONS. */
export const parseReplicationsOption = countUpTo(
  MAX_REPLICATIONS,
  `expected at most ${MAX_REPLICATIONS} replications.`,
  `복제는 최대 ${MAX_REPLICATIONS}회입니다.`,
);

/** Parses --precision: "5%" or 0.05, a share above 0 and below 1. */
export function parsePrecisionOption(value: string): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(%?)\s*$/.exec(value);
  const p = m === null ? Number.NaN : Number(m[1]) / (m[2] === '%' ? 100 : 1);
  if (!(p > 0 && p < 1))
    throw new ValueError(
      'expected a share such as 5% or 0.05 (above 0, below 100 %).',
      '5%나 0.05처럼 0보다 크고 100 %보다 작은 비율이어야 합니다.',
    );
  return p;
}

/** Parses --warmup: only "auto" (a fixed warm-up is the scenario's `warmup:`). */
export function parseWarmupOption(value: string): 'auto' {
  if (value !== 'auto')
    throw new ValueError(
      'expected "auto" (a fixed warm-up is set in the scenario: warmup: 30s).',
      '"auto"여야 합니다 (고정된 워밍업은 시나리오에 씁니다: warmup: 30s).',
    );
  return value;
}

/** Parses --workers: a whole number from 1 to 1,024. */
export const parseWorkersOption = countUpTo(
  1024,
  'expected at most 1024 workers.',
  '워커는 최대 1024개입니다.',
);

/** Parses --jobs: a whole number from 1 to 1,024 (1: every replication in the main thread). */
export const parseJobsOption = countUpTo(
  1024,
  'expected at most 1024 jobs.',
  '작업(jobs)은 최대 1024개입니다.',
);

/** Parses --seed: any text but the empty one (a whole number is read as a number later). */
export function parseSeedOption(value: string): string {
  if (value.trim() === '')
    throw new ValueError(
      'expected a seed such as 42 or "run-a"; an empty seed is not one.',
      '42나 "run-a" 같은 시드여야 합니다. 빈 시드는 시드가 아닙니다.',
    );
  return value;
}

/** Parses a size option ("2GB", "512MB", a number of bytes). */
export function parseSizeOption(value: string): number {
  return positiveAmount(
    value,
    parseBytes,
    'a size above 0 such as "2GB" or "512MB"',
    '"2GB", "512MB"처럼 0보다 큰 크기여야 합니다.',
  );
}

/**
 * An amount written with a unit ("60s", "2GB") or as a bare number (the unit's base: ms,
 * bytes), read by the scenario's own unit parser; refused unless finite and above 0.
 */
function positiveAmount(
  value: string,
  parse: (written: string | number) => number,
  expected: string,
  expectedKo: string,
): number {
  const amount = parse(/^\d+(\.\d+)?$/.test(value) ? Number(value) : value);
  if (!(amount > 0) || !Number.isFinite(amount))
    throw new ValueError(`expected ${expected}.`, expectedKo);
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
