/**
 * The runaway guards of a command: an event budget per run (counted by the engine), a wall-time
 * budget for the whole command (every replication, variant and sweep point) and one per run,
 * backlog guards (pending events; visits waiting at one component), a memory guard (the
 * JavaScript heap and buffers) and a stall guard (events at one instant, the clock not moving).
 * The engine and the model stay pure: they expose counts at checkpoints (every CHECK_EVERY
 * events), and the checks that read the clock and the heap live here. A guard that fires
 * records why; the caller turns that into a RunGuardError (exit 1).
 */

import { getHeapStatistics } from 'node:v8';
import type { Simulation } from '../engine/index.ts';
import type { RunResult, RunSummary } from '../metrics/summary.ts';
import type { ModelOptions, RunProbe } from '../model/model.ts';
import { runScenario } from '../model/run.ts';
import type { Lang } from '../report/i18n/lang.ts';
import { t } from '../report/i18n/t.ts';
import type { Bilingual } from '../scenario/issues.ts';
import * as msg from '../scenario/messages.ts';
import type { Scenario } from '../scenario/types.ts';
import { RunGuardError } from './errors.ts';

import {
  CHECK_EVERY,
  DEFAULT_MAX_PENDING,
  DEFAULT_MAX_QUEUE,
  DEFAULT_MAX_RUN_WALL_MS,
  MAX_EVENTS_AT_ONE_INSTANT,
} from './guard-defaults.ts';

export {
  CHECK_EVERY,
  DEFAULT_MAX_PENDING,
  DEFAULT_MAX_QUEUE,
  DEFAULT_MAX_RUN_WALL_MS,
  DEFAULT_MAX_WALL_MS,
  MAX_EVENTS_AT_ONE_INSTANT,
  MAX_REPLICATIONS,
} from './guard-defaults.ts';

/** Default memory budget: 60 % of the heap Node allows, well below where Node itself aborts. */
export function defaultMaxMemory(): number {
  return Math.floor(getHeapStatistics().heap_size_limit * 0.6);
}

/** The budgets a command gives its runs. */
export interface GuardLimits {
  /** Events per run. */
  maxEvents: number;
  /** Wall time of the whole command, ms. */
  maxWall: number;
  /** Wall time of one run, ms (default: DEFAULT_MAX_RUN_WALL_MS). */
  maxRunWall?: number;
  /** Pending events (default: DEFAULT_MAX_PENDING). */
  maxPending?: number;
  /** Visits waiting at one component, over its instances (default: DEFAULT_MAX_QUEUE). */
  maxQueue?: number;
  /** Bytes of JavaScript heap and buffers (default: defaultMaxMemory()). */
  maxMemory?: number;
}

/** The guards' budgets of `opts` alone, as plain data for a worker thread. */
export function guardLimits(opts: GuardLimits): GuardLimits {
  return {
    maxEvents: opts.maxEvents,
    maxWall: opts.maxWall,
    maxRunWall: opts.maxRunWall,
    maxPending: opts.maxPending,
    maxQueue: opts.maxQueue,
    maxMemory: opts.maxMemory,
  };
}

/** Wall-clock time in ms, comparable across worker threads (epoch-based, sub-millisecond). */
export function wallNow(): number {
  return performance.timeOrigin + performance.now();
}

/** The wall-time budget of a whole command: a deadline, set when the command starts. */
export class CommandBudget {
  readonly deadline: number;
  constructor(readonly maxWallMs: number) {
    this.deadline = wallNow() + maxWallMs;
  }

  /**
   * Throws a RunGuardError when the command's time is up before `what` (e.g. 'the run of
   * "shop"') starts: a budget is checked before work, not only during it.
   */
  checkBefore(what: GuardWords): void {
    if (wallNow() >= this.deadline)
      throw guardError(
        'msasim',
        msg.wallBudgetSpent(this.maxWallMs, bilingual(what)),
        NOTHING_WRITTEN,
      );
  }
}

/**
 * A part of a guard's message: who stopped, what was about to run, what became of the
 * outputs. Words in both languages; a plain string (a name, or the playground's English) is
 * the same in both.
 */
export type GuardWords = string | Bilingual;

/** `w` in both languages. */
export const bilingual = (w: GuardWords): Bilingual =>
  typeof w === 'string' ? { en: w, ko: w } : w;

/** The tail of a guard's message when a run stopped before anything was written. */
export const NOTHING_WRITTEN: Bilingual = {
  en: 'Nothing was written.',
  ko: '아무것도 쓰지 않았습니다.',
};

/**
 * "<who> stopped: <reason>.\n  → <advice>. <tail>", in `lang` ("<who> 중단: <reason>.\n  →
 * <advice>. <tail>" in Korean).
 */
export function guardMessage(
  who: GuardWords,
  text: msg.GuardText,
  tail: GuardWords,
  lang: Lang = 'en',
): string {
  const [w, t] = [bilingual(who), bilingual(tail)];
  return lang === 'ko'
    ? `${w.ko} 중단: ${text.ko.reason}.\n  → ${text.ko.advice}. ${t.ko}`.trimEnd()
    : `${w.en} stopped: ${text.reason}.\n  → ${text.advice}. ${t.en}`.trimEnd();
}

/** The RunGuardError of a guard's stop: its message in English, with its Korean (--lang ko). */
export function guardError(who: GuardWords, text: msg.GuardText, tail: GuardWords): RunGuardError {
  return new RunGuardError(guardMessage(who, text, tail), {
    ko: guardMessage(who, text, tail, 'ko'),
  });
}

/** How a run of `scenario` names itself in a guard's message: `"shop" (variant x)`. */
export function runName(scenario: Pick<Scenario, 'name' | 'variant'>): Bilingual {
  return {
    en: `"${scenario.name}"${scenario.variant ? ` (variant ${scenario.variant})` : ''}`,
    ko: `"${scenario.name}"${scenario.variant ? ` (변형 ${scenario.variant})` : ''}`,
  };
}

/** `the run of "shop"[, replication r]`, as the run about to start (CommandBudget.checkBefore). */
export function theRunOf(scenario: Pick<Scenario, 'name' | 'variant'>, r = 1): Bilingual {
  const name = runName(scenario);
  return {
    en: `the run of ${name.en}${r > 1 ? `, replication ${r}` : ''}`,
    ko: `${name.ko}${r > 1 ? `의 복제 ${r}` : ''} 실행`,
  };
}

/** `run of "shop"`, who a guard stopped. */
export function runOf(scenario: Pick<Scenario, 'name' | 'variant'>): Bilingual {
  const name = runName(scenario);
  return { en: `run of ${name.en}`, ko: `${name.ko} 실행` };
}

/**
 * The guards of one run: pass `check` as the model's onCheckpoint (with CHECK_EVERY). After the
 * run, `reason` says which guard stopped it (undefined when none did).
 */
export class RunGuard {
  reason: msg.GuardText | undefined;
  readonly #commandDeadline: number;
  readonly #runDeadline: number;
  readonly #maxWall: number;
  readonly #maxRunWall: number;
  readonly #maxPending: number;
  readonly #maxQueue: number;
  readonly #maxMemory: number;
  #lastNow = Number.NaN;
  #eventsAtLastNow = 0;

  /** `budget` is the command's; the run's own wall-time budget starts now. */
  constructor(limits: GuardLimits, budget: { deadline: number; maxWallMs: number }) {
    this.#maxWall = budget.maxWallMs;
    this.#maxRunWall = limits.maxRunWall ?? DEFAULT_MAX_RUN_WALL_MS;
    this.#commandDeadline = budget.deadline;
    this.#runDeadline = wallNow() + this.#maxRunWall;
    this.#maxPending = limits.maxPending ?? DEFAULT_MAX_PENDING;
    this.#maxQueue = limits.maxQueue ?? DEFAULT_MAX_QUEUE;
    this.#maxMemory = limits.maxMemory ?? defaultMaxMemory();
  }

  /** The checkpoint: false (and a reason) when a guard fires. */
  readonly check = (sim: Simulation, probe: RunProbe): boolean => {
    this.reason = this.#why(sim, probe);
    return this.reason === undefined;
  };

  #why(sim: Simulation, probe: RunProbe): msg.GuardText | undefined {
    const at = sim.now;
    const wall = wallNow();
    if (wall >= this.#commandDeadline) return msg.wallBudgetExceeded('command', this.#maxWall, at);
    if (wall >= this.#runDeadline) return msg.wallBudgetExceeded('run', this.#maxRunWall, at);
    if (at === this.#lastNow) {
      const events = sim.eventsProcessed - this.#eventsAtLastNow;
      if (events >= MAX_EVENTS_AT_ONE_INSTANT) return msg.stuckAtOneInstant(events, at);
    } else {
      this.#lastNow = at;
      this.#eventsAtLastNow = sim.eventsProcessed;
    }
    const queue = probe.longestQueue();
    if (queue !== null && queue.waiting >= this.#maxQueue)
      return msg.queueTooLong(queue.kind, queue.id, queue.waiting, at);
    if (sim.pending >= this.#maxPending) return msg.tooManyPendingEvents(sim.pending, at, queue);
    const heap = getHeapStatistics();
    const used = heap.used_heap_size + heap.external_memory;
    if (used >= this.#maxMemory) return msg.memoryExceeded(used, this.#maxMemory, at, queue);
    return undefined;
  }
}

/**
 * Why a finished run was stopped early, or undefined when it ran to its end: the engine's event
 * budget, or the guard that returned false at a checkpoint.
 */
export function stoppedBy(
  summary: RunSummary,
  maxEvents: number,
  guard: { reason: msg.GuardText | undefined },
): msg.GuardText | undefined {
  const stop = summary.run.stopReason;
  if (stop === 'budget')
    return msg.eventBudgetExceeded(maxEvents, summary.run.simulatedMs, summary.scenario.durationMs);
  if (stop === 'stopped') return guard.reason;
  return undefined;
}

/** How a guarded run names itself: `what` in the command budget's message, `who` in a guard's. */
export interface GuardedRunWords {
  what: GuardWords;
  who: GuardWords;
  /** What became of the outputs, after a guard's advice. */
  tail: GuardWords;
}

/**
 * Runs `s` under the guards: the command's wall budget checked first, then a RunGuard over the
 * run (checked every CHECK_EVERY events) and the event budget of `limits`. Its result, or the
 * worded message of the guard that stopped it, in English and Korean (the caller throws it or
 * answers with it).
 */
export async function guardedRun(
  s: Scenario,
  options: Pick<ModelOptions, 'data' | 'trace' | 'seed'>,
  limits: GuardLimits,
  budget: CommandBudget,
  words: GuardedRunWords,
): Promise<RunResult | { stopped: string; stoppedKo: string }> {
  budget.checkBefore(words.what);
  const guard = new RunGuard(limits, budget);
  const r = await runScenario(s, {
    ...options,
    maxEvents: limits.maxEvents,
    checkEvery: CHECK_EVERY,
    onCheckpoint: guard.check,
  });
  const text = stoppedBy(r.summary, limits.maxEvents, guard);
  if (text === undefined) return r;
  return {
    stopped: guardMessage(words.who, text, words.tail),
    stoppedKo: guardMessage(words.who, text, words.tail, 'ko'),
  };
}

/** The console warning of a --duration below a second (a bare number is milliseconds). */
export function shortDurationWarning(durationMs: number, lang: Lang = 'en'): string {
  const text = msg.shortDuration(`--duration ${durationMs}`, durationMs);
  const ko = lang === 'ko' ? text.ko : undefined;
  return `⚠ ${ko?.message ?? text.message}\n  → ${ko?.hint ?? text.hint}`;
}

/** The console warning of runs in which no request completed: their report is empty. */
export function noRequestCompletedWarning(empty: number, runs: number, lang: Lang = 'en'): string {
  return t(lang, runs === 1 ? 'run.noRequest.one' : 'run.noRequest', { empty, runs });
}
