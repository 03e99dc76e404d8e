/**
 * Sizes and periods a run cannot survive, found by walking the parsed document beside its schema
 * (so every duration and rate is seen, wherever a later capability adds one): durations must be
 * finite, the simulated duration at most a day, periods (and lifetimes that would loop at 0) at
 * least 1 ms, rates at most 10,000,000/s; users over all workloads and occurrences of a
 * recurring fault are counted; a duration written as a number below 1 (milliseconds, so below
 * 1 ms) is a warning. Counts with a fixed maximum (instances, partitions …) are
 * bounded in the schema itself (limits.ts).
 */
// from the module itself, not engine/index.ts: the language loads no simulator
import { type DistributionSpec, specMean } from '../engine/distributions.ts';
import { durationDist } from './dist-spec.ts';
import type { DocPath, UnlocatedIssue } from './issues.ts';
import { LIMITS, MAX_DURATION_MS, MAX_RATE_PER_SEC, MIN_PERIOD_MS } from './limits.ts';
import * as msg from './messages.ts';
import { Duration, Rate, type ScenarioDocumentSchema, type ScenarioParsed } from './schema.ts';
import { isRecord, pickOption, type Schema, unwrap } from './schema-walk.ts';
import { parseDurationMs, parseRatePerSec } from './units.ts';

/**
 * Keys of durations that repeat something, or that at 0 would make something repeat at one
 * instant: a timer every 0 ms never lets the clock move.
 */
const PERIOD_KEYS = new Set([
  'every',
  'interval',
  'syncEvery',
  'retryEvery',
  'commitEvery',
  'refresh',
  'ackTimeout',
  'tokenTtl',
  'idleTimeout',
]);

function error(text: msg.IssueText, path: DocPath): UnlocatedIssue {
  return { ...text, severity: 'error', path };
}

/**
 * Every size or period of `doc` (parsed with `document`) that a run could not survive; the
 * sizes a step kind bounds (rows of a query or a list) are checked by the kind.
 */
export function checkLimits(
  doc: ScenarioParsed,
  document: ScenarioDocumentSchema,
): UnlocatedIssue[] {
  const issues: UnlocatedIssue[] = [];
  walk(document, doc, [], issues);
  const durationMs = parseDurationMs(doc.duration);
  if (durationMs > MAX_DURATION_MS)
    issues.push(
      error(msg.overLimit('duration', MAX_DURATION_MS / 1000, durationMs / 1000, ' s'), [
        'duration',
      ]),
    );
  const users = Object.values(doc.workloads).reduce((sum, w) => sum + (w.users ?? 0), 0);
  const first = Object.entries(doc.workloads).find(([, w]) => w.users !== undefined);
  if (users > LIMITS.users && first !== undefined)
    issues.push(
      error(msg.overLimit('users', LIMITS.users, users), ['workloads', first[0], 'users']),
    );
  for (const [name, f] of Object.entries(doc.faults)) {
    if (f.every === undefined) continue;
    const everyMs = parseDurationMs(f.every);
    if (!(everyMs >= MIN_PERIOD_MS)) continue;
    const windows = Math.min(
      f.times ?? Number.POSITIVE_INFINITY,
      Math.ceil((durationMs - parseDurationMs(f.at)) / everyMs),
    );
    if (windows > LIMITS.faultWindows)
      issues.push(
        error(msg.tooManyFaultWindows(windows, LIMITS.faultWindows), ['faults', name, 'every']),
      );
  }
  return issues;
}

/** Visits `value` beside `schema`: each duration and rate, and each period distribution. */
function walk(schema: Schema, value: unknown, path: DocPath, issues: UnlocatedIssue[]): void {
  if (value === undefined || value === null) return;
  const s = unwrap(schema);
  const key = path.findLast((seg) => typeof seg === 'string') ?? '';
  if (s === Duration) {
    checkDuration(value as number | string, key, path, issues);
    return;
  }
  if (s === Rate) {
    checkRate(value as number | string, key, path, issues);
    return;
  }
  const def = s._zod.def;
  if (def.type === 'union') {
    // a period given as a distribution (a gc-pause fault's interval): its mean is the period
    if (PERIOD_KEYS.has(key) && isRecord(value) && typeof value.dist === 'string') {
      const meanMs = meanOf(() => durationDist(value as { dist: string }));
      if (meanMs < MIN_PERIOD_MS) issues.push(error(msg.zeroPeriod(key, '1ms'), path));
    }
    const option = pickOption(s, value);
    if (option !== undefined) walk(option, value, path, issues);
    return;
  }
  if (def.type === 'object' && isRecord(value)) {
    const shape = (def as unknown as { shape: Record<string, Schema> }).shape;
    for (const k of Object.keys(shape))
      if (Object.hasOwn(value, k)) walk(shape[k], value[k], [...path, k], issues);
  } else if (def.type === 'record' && isRecord(value)) {
    const inner = (def as unknown as { valueType: Schema }).valueType;
    for (const k of Object.keys(value)) walk(inner, value[k], [...path, k], issues);
  } else if (def.type === 'array' && Array.isArray(value)) {
    const inner = (def as unknown as { element: Schema }).element;
    for (let i = 0; i < value.length; i++) walk(inner, value[i], [...path, i], issues);
  }
}

/** The mean of a distribution; NaN when its parameters are wrong (reported elsewhere). */
export function meanOf(spec: () => DistributionSpec): number {
  try {
    return specMean(spec());
  } catch {
    return Number.NaN;
  }
}

function checkDuration(
  value: number | string,
  key: string,
  path: DocPath,
  issues: UnlocatedIssue[],
): void {
  const ms = parseDurationMs(value);
  if (!Number.isFinite(ms)) issues.push(error(msg.infiniteDuration(value), path));
  else if (PERIOD_KEYS.has(key) && ms < MIN_PERIOD_MS)
    issues.push(error(msg.zeroPeriod(key, '1ms'), path));
  // a number without a unit is milliseconds: `timeout: 0.2` is 0.2 ms, rarely what was meant
  else if (typeof value === 'number' && value > 0 && value < 1)
    issues.push({ ...msg.unitlessSubMillisecond(key, value), severity: 'warning', path });
}

function checkRate(
  value: number | string,
  key: string,
  path: DocPath,
  issues: UnlocatedIssue[],
): void {
  const perSec = parseRatePerSec(value);
  if (!(perSec <= MAX_RATE_PER_SEC))
    issues.push(error(msg.overLimit(key, MAX_RATE_PER_SEC, perSec, '/s'), path));
}
