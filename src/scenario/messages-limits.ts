/**
 * The texts of problems with hostile or oversized input: YAML aliases and nesting, keys that
 * JavaScript objects cannot hold, override paths that would reach JavaScript internals, and
 * sizes beyond what a run can hold. Re-exported by messages.ts (one function per issue code).
 */

import type { Bilingual, IssueText } from './issues.ts';
import * as ko from './messages-ko.ts';
import {
  guessOr,
  showBytes,
  showChain,
  showCount,
  showLongDuration,
  showWall,
} from './messages-values.ts';

/** Maps and lists nested deeper than the loader accepts. */
export function tooDeep(max: number): IssueText {
  return {
    code: 'too-deep',
    message: `maps and lists are nested more than ${max} levels deep here`,
    hint: 'a scenario needs about 20 levels; flatten the nesting (a parallel of parallels is one parallel)',
    ko: ko.tooDeep(max),
  };
}

/** `*name` with no `&name` before it. */
export function unresolvedAlias(name: string, known: readonly string[]): IssueText {
  return {
    code: 'unresolved-alias',
    message: `alias *${name} refers to no anchor &${name} defined before it`,
    hint: guessOr(
      name,
      known,
      (guess) => `did you mean *${guess}?`,
      'define the anchor (&name) on a value above the alias, or write the value out',
    ),
    ko: ko.unresolvedAlias(name, known),
  };
}

/** `*name` inside the value anchored `&name`: the value would contain itself. */
export function cyclicAlias(name: string): IssueText {
  return {
    code: 'cyclic-alias',
    message: `alias *${name} is inside the value it refers to, which would contain itself for ever`,
    hint: 'move the alias out of the anchored value',
    ko: ko.cyclicAlias(name),
  };
}

/** Aliases that repeat too much of the document (an entity-expansion attack or a mistake). */
export function aliasExpansion(max: number): IssueText {
  return {
    code: 'alias-expansion',
    message: `aliases here repeat more than ${showCount(max)} values of the document`,
    hint: 'write the repeated parts out, or repeat smaller parts',
    ko: ko.aliasExpansion(max),
  };
}

/** A map key that JavaScript objects cannot hold as data. */
export function reservedKey(key: string): IssueText {
  return {
    code: 'reserved-key',
    message: `the key "${key}" is not allowed: it is reserved by JavaScript`,
    hint: 'rename or remove it',
    ko: ko.reservedKey(key),
  };
}

/**
 * A map key that is itself a list or a map (`? [a, b]: c`), or an alias (`*name: c`: it could
 * repeat another key of the map without the check of keys given twice seeing it).
 */
export function collectionKey(): IssueText {
  return {
    code: 'collection-key',
    message: 'a key must be a name, not a list, a map or an alias (*name)',
    hint: 'write the key as plain text',
    ko: ko.collectionKey(),
  };
}

/** A dotted override path with a segment that would reach JavaScript internals. */
export function forbiddenPathSegment(path: string, segment: string): string {
  return `"${path}" goes through "${segment}", which is not a key of the scenario (it is reserved by JavaScript)`;
}

/** `variants: {}`: the scenario runs once, as if it had no variants. */
export function emptyVariants(): IssueText {
  return {
    code: 'empty-variants',
    message: 'variants: lists no variant, so the scenario runs once without variants',
    hint: 'add a variant such as `variants: { bigger: { set: { services.orders.instances: 4 } } }`, or remove variants:',
    ko: ko.emptyVariants(),
  };
}

/** Why a size has a limit, by the key that sets it. */
const LIMIT_REASONS: Record<string, string> = {
  users: 'the state of every user is kept in memory; a sample of users behaves the same',
  instances: 'each instance has its own queue and statistics',
  min: 'each instance has its own queue and statistics',
  max: 'each instance has its own queue and statistics',
  size: 'caches number the keys of all key spaces in one 32-bit range; a sample of the table behaves the same under a skewed access',
  keys: 'keys are numbered in a 32-bit range, drawn at once per request, or (replicated data) kept in memory in every copy',
  maxEntries: 'a cache that large behaves as one without a limit',
  partitions: 'each partition has its own consumer state',
  count: 'each shard is a database of its own',
  duration: 'per-second statistics are kept for the whole run',
  replicated:
    'every key of every copy of all replicated data is kept in memory (keys × copies × 5 numbers for lww, × 2·copies for crdt)',
  reconcile:
    'each reconciliation merges every key of every copy at every other copy (keys × copies × (copies − 1) per period, over the run); reconcile less often',
};

/**
 * A count, size or rate beyond what a run can hold: "users: at most 1,000,000 (got
 * 1,000,000,000)". `key` is the key that sets it (it picks the hint).
 */
export function overLimit(key: string, max: number, received: number, unit = ''): IssueText {
  const reason =
    LIMIT_REASONS[key] ?? 'a run could not hold it in memory or finish in reasonable time';
  return {
    code: 'over-limit',
    message: `${key}: at most ${showCount(max)}${unit} (got ${showCount(received)}${unit})`,
    hint: `msasim refuses more: ${reason}`,
    ko: ko.overLimit(key, max, received, unit),
  };
}

/** A period of zero: a timer that fires every 0 ms would fire for ever at one instant. */
export function zeroPeriod(what: string, min: string): IssueText {
  return {
    code: 'zero-period',
    message: `${what} must be at least ${min}: a period of 0 would repeat for ever at one instant`,
    hint: `for example ${what.split('.').at(-1)}: 1s`,
    ko: ko.zeroPeriod(what, min),
  };
}

/** A chain of calls deeper than a run can follow. */
export function callChainTooDeep(max: number, chain: readonly string[]): IssueText {
  return {
    code: 'call-chain-too-deep',
    message: `call chain deeper than ${showCount(max)} endpoints: ${showChain(chain)}`,
    hint: 'no real request crosses that many services; shorten the chain',
    ko: ko.callChainTooDeep(max, chain),
  };
}

/** A duration too long to be a number (written with hundreds of digits). */
export function infiniteDuration(value: unknown): IssueText {
  return {
    code: 'infinite-duration',
    message: `the duration ${showLongDuration(value)} is too long to compute with`,
    hint: 'write a duration such as 30s, 5m or 2h',
    ko: ko.infiniteDuration(value),
  };
}

/** A recurring fault that would strike more often than a run can list. */
export function tooManyFaultWindows(windows: number, max: number): IssueText {
  return {
    code: 'over-limit',
    message: `the fault would recur ${showCount(windows)} times in the run; at most ${showCount(max)}`,
    hint: 'make `every` longer or give `times:`',
    ko: ko.tooManyFaultWindows(windows, max),
  };
}

/** An empirical distribution whose weights are all 0. */
export function empiricalZeroWeights(): IssueText {
  return {
    code: 'empirical-weights',
    message: 'the weights of an empirical distribution must add up to more than 0',
    hint: 'give at least one value a positive weight',
    ko: ko.empiricalZeroWeights(),
  };
}

/** A duration written as a bare number below 1000: milliseconds, which users rarely mean. */
export function shortDuration(written: string, ms: number): IssueText {
  return {
    code: 'short-duration',
    message: `${written} is ${ms} ms (a number without a unit is milliseconds): the run is shorter than 1 s`,
    hint: `write ${ms}s for ${ms} seconds`,
    ko: ko.shortDuration(written, ms),
  };
}

/**
 * Why a runaway guard stopped a run, and what to do about it (the CLI adds where), with its
 * Korean text (messages-ko-guards.ts), printed with --lang ko. Plain data: a worker thread
 * sends it back as it is.
 */
export interface GuardText {
  reason: string;
  advice: string;
  ko: ko.KoGuardText;
}

/** `at simulated time 1.234 s`. */
function atTime(nowMs: number): string {
  return `at simulated time ${(nowMs / 1000).toFixed(3)} s`;
}

/** A run exceeded its event budget (--max-events). */
export function eventBudgetExceeded(
  maxEvents: number,
  nowMs: number,
  durationMs: number,
): GuardText {
  return {
    reason: `it exceeded its event budget of ${maxEvents} events ${atTime(nowMs)} of ${durationMs / 1000} s`,
    advice: 'shorten the duration, lower the load, or raise --max-events',
    ko: ko.eventBudgetExceeded(maxEvents, nowMs, durationMs),
  };
}

/** A run went past the command's wall-time budget (--max-wall) or its own (--max-run-wall). */
export function wallBudgetExceeded(
  budget: 'command' | 'run',
  budgetMs: number,
  nowMs: number,
): GuardText {
  return budget === 'command'
    ? {
        reason: `it exceeded the command's wall-time budget of ${showWall(budgetMs)} (--max-wall, for every run together) ${atTime(nowMs)}`,
        advice:
          'shorten the duration, lower the load, run fewer replications or points, or raise --max-wall',
        ko: ko.wallBudgetExceeded(budget, budgetMs, nowMs),
      }
    : {
        reason: `it exceeded its wall-time budget of ${showWall(budgetMs)} (--max-run-wall) ${atTime(nowMs)}`,
        advice: 'shorten the duration, lower the load, or raise --max-run-wall',
        ko: ko.wallBudgetExceeded(budget, budgetMs, nowMs),
      };
}

/** The command's wall time ran out before a run started. `what` names the run. */
export function wallBudgetSpent(budgetMs: number, what: Bilingual): GuardText {
  return {
    reason: `the command's wall-time budget of ${showWall(budgetMs)} (--max-wall) was used up before ${what.en}`,
    advice: 'raise --max-wall, or run fewer replications, variants or points',
    ko: ko.wallBudgetSpent(budgetMs, what.ko),
  };
}

/** Simulated time stopped moving: zero-time work repeats for ever. */
export function stuckAtOneInstant(events: number, nowMs: number): GuardText {
  return {
    reason: `simulated time stopped moving: ${showCount(events)} events happened ${atTime(nowMs)} without the clock advancing`,
    advice:
      'something repeats in zero time: a closed workload with no think time calling an endpoint that takes no time, or a timer with a period of 0; give the work or the think time a duration',
    ko: ko.stuckAtOneInstant(events, nowMs),
  };
}

/** The wait queue of one component grew past --max-pending. */
export function queueTooLong(kind: string, id: string, waiting: number, nowMs: number): GuardText {
  return {
    reason: `the queue of ${kind} "${id}" holds ${showCount(waiting)} waiting visits ${atTime(nowMs)}: the load exceeds its capacity`,
    advice: `bound its queueCapacity (the excess is then rejected, as a real server does), lower the rate, or add capacity; --max-queue raises the limit`,
    ko: ko.queueTooLong(kind, id, waiting, nowMs),
  };
}

/** The longest wait queue when a guard stopped the run. */
type QueueAt = { kind: string; id: string; waiting: number };

/** '; the longest queue is at …' for a guard's reason ('' without a queue). */
const longestQueue = (queue: QueueAt | null): string =>
  queue === null
    ? ''
    : `; the longest queue is at ${queue.kind} "${queue.id}" (${showCount(queue.waiting)} waiting)`;

/** The pending events grew past --max-pending. */
export function tooManyPendingEvents(
  pending: number,
  nowMs: number,
  queue: QueueAt | null,
): GuardText {
  const longest = longestQueue(queue);
  return {
    reason: `${showCount(pending)} events are pending ${atTime(nowMs)}${longest}: the scenario starts work faster than it finishes it`,
    advice:
      'lower the rate or the number of users, bound queues and add timeouts; --max-pending raises the limit',
    ko: ko.tooManyPendingEvents(pending, nowMs, queue),
  };
}

/** The heap grew past --max-memory. */
export function memoryExceeded(
  usedBytes: number,
  limitBytes: number,
  nowMs: number,
  queue: QueueAt | null,
): GuardText {
  const longest = longestQueue(queue);
  return {
    reason: `it holds ${showBytes(usedBytes)} of memory ${atTime(nowMs)}, over the limit of ${showBytes(limitBytes)} (--max-memory)${longest}`,
    advice:
      'lower the load, bound queues, make caches or key spaces smaller, or raise --max-memory',
    ko: ko.memoryExceeded(usedBytes, limitBytes, nowMs, queue),
  };
}

/** A key given twice in one map (YAML forbids it; JavaScript would keep the last silently). */
export function duplicateKey(key: string): IssueText {
  return {
    code: 'duplicate-key',
    message: `the key "${key}" is given twice in this map`,
    hint: 'keep one of them (the parser would otherwise silently use the last)',
    ko: ko.duplicateKey(key),
  };
}

/** A file with more lines and list items than the parser can hold in memory. */
export function tooManyValues(count: number, max: number): IssueText {
  return {
    code: 'too-large',
    message: `the file holds about ${showCount(count)} lines and list items; msasim reads at most ${showCount(max)}`,
    hint: 'a scenario of 100,000 services fits; split the file, or generate a smaller one',
    ko: ko.tooManyValues(count, max),
  };
}

/** A name that JavaScript reserves (a `set:` path could not go through it). */
export function reservedName(name: string): IssueText {
  return {
    code: 'reserved-name',
    message: `"${name}" cannot name anything here: JavaScript reserves it`,
    hint: `rename it (e.g. ${name}-service); a variant's set: path could not reach it`,
    ko: ko.reservedName(name),
  };
}
