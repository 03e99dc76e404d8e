/**
 * One playground run, as `msasim run` does it (cli/run-variants.ts) but from text and without a
 * disk: parse (with the what-if values as overrides) → every variant under the CLI's runaway
 * guards (cli/run-guard.ts: the same budgets, checkpoints and messages) → analyse → the report
 * files (report/outputs.ts) and the HTML page built from results.json (report/html/page.ts),
 * so the bytes are the CLI's. Runs in the page's Web Worker; imports nothing of the DOM, so
 * Node tests run it too.
 */

import {
  CHECK_EVERY,
  CommandBudget,
  DEFAULT_MAX_RUN_WALL_MS,
  DEFAULT_MAX_WALL_MS,
  guardMessage,
  NOTHING_WRITTEN,
  noRequestCompletedWarning,
  RunGuard,
  runOf,
  stoppedBy,
  theRunOf,
} from '../cli/run-guard.ts';
import type { RunSummary } from '../metrics/summary.ts';
import { parseScenario } from '../model/language.ts';
import type { ScenarioData } from '../model/replay/data-files.ts';
import { type RunResult, replicationSeed, runScenario } from '../model/run.ts';
import { analyse } from '../report/analyse.ts';
import { buildReportHtml, type VegaAssets } from '../report/html/page.ts';
import { buildOutputs } from '../report/outputs.ts';
import {
  DEFAULT_MAX_REPLICATIONS,
  type PrecisionState,
  precisionSentence,
  precisionState,
  replicateUntil,
} from '../report/precision.ts';
import type { ReportData } from '../report/report-data.ts';
import type { RunNotes } from '../report/results.ts';
import { type LessonLanguages, scenarioResults } from '../report/scenario-results.ts';
import { ScenarioError, type ScenarioIssue } from '../scenario/issues.ts';
import { parseLesson } from '../scenario/lesson.ts';
import {
  lessonLangOf,
  parseTranslation,
  translationFileOf,
  translationLangs,
} from '../scenario/lesson-translation.ts';
import type { LessonRefs, LessonTranslation } from '../scenario/lesson-types.ts';
import type { LoadedScenario, ScenarioOverride } from '../scenario/load.ts';
import { dataFileNames, preparePageData } from './data-files.ts';
import type {
  ReplicationRange,
  RunOutcome,
  RunPlan,
  RunProgress,
  RunRequest,
  VariantOutcome,
  WhatIf,
} from './protocol.ts';

/** The CLI's default event budget per run (`--max-events`). */
export const MAX_EVENTS = 2e9;

/** Guard limits of a playground run: the CLI's defaults unless a test gives smaller ones. */
export interface PlaygroundLimits {
  maxEvents?: number;
  maxWall?: number;
  maxRunWall?: number;
}

/** The what-if values as the pipeline's overrides (labelled as the page shows them). */
export function whatIfOverrides(whatIf: readonly WhatIf[] = []): ScenarioOverride[] {
  return whatIf.map((w) => ({
    path: w.path,
    value: w.value,
    label: `what-if ${w.path}=${w.value}`,
  }));
}

/**
 * Parses `text`: the loaded scenario, or the issues that stop it (errors and warnings, sorted
 * by position as the CLI prints them).
 */
export function parseText(
  text: string,
  file: string,
  whatIf: readonly WhatIf[] = [],
): { loaded: LoadedScenario } | { issues: ScenarioIssue[] } {
  try {
    return { loaded: parseScenario(text, file, { overrides: whatIfOverrides(whatIf) }) };
  } catch (e) {
    if (e instanceof ScenarioError) return { issues: e.issues };
    throw e;
  }
}

/** The issues of `text` (warnings too), none when it is a valid scenario without warnings. */
export function validateText(text: string, file: string): ScenarioIssue[] {
  const parsed = parseText(text, file);
  return 'issues' in parsed ? parsed.issues : parsed.loaded.warnings;
}

/** The issues of `text` and the data files its workloads read (none when it is invalid). */
export function checkText(
  text: string,
  file: string,
): { issues: ScenarioIssue[]; dataFiles: string[] } {
  const parsed = parseText(text, file);
  if ('issues' in parsed) return { issues: parsed.issues, dataFiles: [] };
  return { issues: parsed.loaded.warnings, dataFiles: dataFileNames(parsed.loaded) };
}

/**
 * The scenario of `request` with its data files read and checked (the page's files), or the
 * issues that stop it, as the CLI checks everything before anything runs.
 */
export async function loadRequest(
  request: RunRequest,
): Promise<{ loaded: LoadedScenario; data: ScenarioData } | { issues: ScenarioIssue[] }> {
  const parsed = parseText(request.text, request.file, request.whatIf);
  if ('issues' in parsed) return parsed;
  try {
    return {
      loaded: parsed.loaded,
      data: await preparePageData(parsed.loaded, request.files ?? {}),
    };
  } catch (e) {
    if (e instanceof ScenarioError) return { issues: e.issues };
    throw e;
  }
}

/** The guards' limits of a playground run (the CLI's defaults where `limits` says nothing). */
export function guardLimitsOf(limits: PlaygroundLimits = {}) {
  return {
    maxEvents: limits.maxEvents ?? MAX_EVENTS,
    maxWall: limits.maxWall ?? DEFAULT_MAX_WALL_MS,
    maxRunWall: limits.maxRunWall ?? DEFAULT_MAX_RUN_WALL_MS,
  };
}

/**
 * How many replications each variant runs first: the page's choice, else the scenario's
 * `replications:`, else 1; with a precision target at least 2 and at most the cap, as
 * `msasim run --precision` starts.
 */
export function firstReplications(request: RunRequest, loaded: LoadedScenario): number {
  const asked = request.replications ?? loaded.replications ?? 1;
  if (request.precision === undefined) return asked;
  return Math.min(Math.max(asked, 2), DEFAULT_MAX_REPLICATIONS);
}

/**
 * Runs variant `index` (0-based, in scenario order) of the request's scenario, as the CLI runs
 * each variant: its own seed, the run guards, the command's budget `budget` (a worker running
 * variants in parallel has its own). `range`: the replications to run (default all the first
 * ones, firstReplications); the first replication's result is returned when it is among them.
 */
export async function runVariant(
  request: RunRequest,
  index: number,
  onProgress: (p: RunProgress) => void,
  limits: PlaygroundLimits = {},
  budget = new CommandBudget(guardLimitsOf(limits).maxWall),
  range?: ReplicationRange,
): Promise<VariantOutcome> {
  const parsed = await loadRequest(request);
  if ('issues' in parsed) return { kind: 'invalid', issues: parsed.issues };
  try {
    return await runLoaded(
      request,
      parsed.loaded,
      parsed.data,
      index,
      onProgress,
      limits,
      budget,
      range,
    );
  } finally {
    parsed.data.close();
  }
}

/** Whether a run's progress is due again: at most every 100 ms of wall time (the page's bar). */
export class ProgressThrottle {
  #shown = 0;
  due(): boolean {
    const now = performance.now();
    if (now - this.#shown <= 100) return false;
    this.#shown = now;
    return true;
  }
}

/** runVariant with the scenario loaded and its data files read. */
async function runLoaded(
  request: RunRequest,
  loaded: LoadedScenario,
  data: ScenarioData,
  index: number,
  onProgress: (p: RunProgress) => void,
  limits: PlaygroundLimits,
  budget: CommandBudget,
  range: ReplicationRange | undefined,
): Promise<VariantOutcome> {
  const { variants } = loaded;
  const scenario = variants[index];
  if (scenario === undefined) throw new Error(`the scenario has no variant ${index}`);
  const guardLimits = guardLimitsOf(limits);
  const variant = scenario.variant ?? scenario.name;
  const t0 = performance.now();
  const progress = new ProgressThrottle();
  // the replications as the CLI runs them: seeds `<seed>/<r>`, one after another
  const { from, count } = range ?? { from: 1, count: firstReplications(request, loaded) };
  const summaries: RunSummary[] = [];
  let first: RunResult | undefined;
  for (let r = from; r < from + count; r++) {
    budget.checkBefore(theRunOf(scenario, r));
    const guard = new RunGuard(guardLimits, budget);
    const done = (r - from) * scenario.durationMs;
    const result = await runScenario(scenario, {
      data: data.of(scenario.variant) ?? undefined,
      seed: replicationSeed(scenario.seed, r),
      maxEvents: guardLimits.maxEvents,
      checkEvery: CHECK_EVERY,
      onCheckpoint: (sim, probe) => {
        if (progress.due()) {
          const durationMs = scenario.durationMs * count;
          onProgress({ variant, index, of: variants.length, simMs: done + sim.now, durationMs });
        }
        return guard.check(sim, probe);
      },
    });
    const stop = stoppedBy(result.summary, guardLimits.maxEvents, guard);
    if (stop !== undefined)
      return {
        kind: 'stopped',
        // in the page's language, as `msasim run --lang` words it
        message: guardMessage(runOf(scenario), stop, NOTHING_WRITTEN, request.lang ?? 'en'),
      };
    if (r === 1) first = result;
    summaries.push(result.summary);
  }
  const simulationWallMs = performance.now() - t0;
  return {
    kind: 'ran',
    ...(first === undefined ? {} : { result: first }),
    summaries,
    simulationWallMs,
  };
}

/**
 * Where finished runs stand against the request's precision target (`run --precision`): every
 * highlight of every variant over the replications so far (`replications[v]`, in order).
 */
export function precisionCheck(
  request: RunRequest,
  runs: RunResult[],
  replications: RunSummary[][],
): PrecisionState {
  const parsed = parseText(request.text, request.file, request.whatIf);
  if ('issues' in parsed) throw new Error('precisionCheck was given runs of an invalid scenario');
  const results = scenarioResults(parsed.loaded, request.file, request.lesson, runs, replications);
  return precisionState(analyse(results), request.precision ?? 0);
}

/**
 * The report of finished runs (one per variant, in scenario order): the CLI's files, the HTML
 * page last, built from the results.json text as `msasim run` builds it, and the notes the CLI
 * prints (the scenario's warnings, runs in which no request completed).
 */
export function buildReport(
  request: RunRequest,
  runs: RunResult[],
  assets: VegaAssets,
  replications?: RunSummary[][],
  runNotes?: RunNotes,
): { files: [string, string][]; notes: string[] } {
  const parsed = parseText(request.text, request.file, request.whatIf);
  if ('issues' in parsed) throw new Error('buildReport was given runs of an invalid scenario');
  const { loaded } = parsed;
  // the notes in the page's language where they have its words, as the CLI prints them
  const lang = request.lang ?? 'en';
  const notes = loaded.warnings.map(
    (w) => `${w.file}:${w.line}:${w.col} ${lang === 'ko' && w.ko ? w.ko.message : w.message}`,
  );
  const empty = runs.filter((r) => r.summary.overall.finished === 0).length;
  if (empty > 0) notes.push(noRequestCompletedWarning(empty, runs.length, lang));
  const results = scenarioResults(
    loaded,
    request.file,
    request.lesson,
    runs,
    replications,
    lessonRefsOf(request, loaded),
    lessonLanguagesOf(request, loaded),
  );
  if (runNotes?.precision !== undefined) {
    results.notes = runNotes;
    const done = replications?.[0]?.length ?? 1;
    notes.push(precisionSentence({ ...runNotes.precision, replications: done }, request.lang));
  }
  const files = buildOutputs(analyse(results));
  const json = files.get('results.json');
  if (json === undefined) throw new Error('buildOutputs made no results.json');
  files.set(
    'index.html',
    buildReportHtml(JSON.parse(json) as ReportData, assets, undefined, request.lang ?? 'en'),
  );
  return { files: [...files], notes };
}

/**
 * The figures and claims of the shipped lesson of the request, resolved against the scenario as
 * edited: those the edit broke (a variant removed) are left out, and show as written.
 */
function lessonRefsOf(request: RunRequest, loaded: LoadedScenario): LessonRefs | undefined {
  if (request.lesson === null || loaded.lessonScope === undefined) return undefined;
  const file = request.file.replace(/\.(ya?ml|json)$/i, '.md');
  return parseLesson(request.lesson, file, loaded.lessonScope()).refs;
}

/**
 * The lesson's language and its shipped translations, their figures resolved against the
 * scenario as edited (as the CLI reads them: only translations out of the lesson's language).
 */
function lessonLanguagesOf(
  request: RunRequest,
  loaded: LoadedScenario,
): LessonLanguages | undefined {
  const original = lessonRefsOf(request, loaded);
  if (original === undefined || loaded.lessonScope === undefined) return undefined;
  const lang = lessonLangOf(loaded.lang);
  const translations: LessonTranslation[] = [];
  for (const to of translationLangs(lang)) {
    const text = request.lessonTranslations?.[to];
    if (text === undefined) continue;
    const file = translationFileOf(original.file, to);
    const { refs } = parseTranslation(text, file, loaded.lessonScope(), original);
    translations.push({ lang: to, text, refs });
  }
  return { lang, translations };
}

/** How many variants the text's scenario has and the replications each runs first, or the issues that stop it. */
export async function planText(
  request: RunRequest,
): Promise<RunPlan | { issues: ScenarioIssue[] }> {
  const parsed = await loadRequest(request);
  if ('issues' in parsed) return parsed;
  parsed.data.close();
  const { loaded } = parsed;
  return { variants: loaded.variants.length, replications: firstReplications(request, loaded) };
}

/**
 * Runs every variant of the request's scenario, one after the other (with a precision target,
 * round after round as `run --precision` does), and builds the CLI's report files (the page
 * runs the variants on several workers with runVariant, precisionCheck and buildReport).
 */
export async function runRequest(
  request: RunRequest,
  assets: VegaAssets,
  onProgress: (p: RunProgress) => void,
  limits: PlaygroundLimits = {},
): Promise<RunOutcome> {
  const started = performance.now();
  const plan = await planText(request);
  if ('issues' in plan) return { kind: 'invalid', issues: plan.issues };
  const budget = new CommandBudget(guardLimitsOf(limits).maxWall);
  const runs: RunResult[] = [];
  const replications: RunSummary[][] = [];
  let simulationWallMs = 0;
  let stopped: RunOutcome | undefined;
  const round = async (range: ReplicationRange): Promise<boolean> => {
    for (let index = 0; index < plan.variants; index++) {
      const outcome = await runVariant(request, index, onProgress, limits, budget, range);
      if (outcome.kind !== 'ran') {
        stopped = outcome;
        return false;
      }
      if (outcome.result !== undefined) runs[index] = outcome.result;
      replications[index] = [...(replications[index] ?? []), ...outcome.summaries];
      simulationWallMs += outcome.simulationWallMs;
    }
    return true;
  };
  if (!(await round({ from: 1, count: plan.replications }))) return stopped as RunOutcome;
  let notes: RunNotes | undefined;
  const { precision } = request;
  if (precision !== undefined) {
    const outcome = await replicateUntil(
      plan.replications,
      DEFAULT_MAX_REPLICATIONS,
      async (r) => {
        if (!(await round({ from: r, count: 1 }))) throw new StoppedRound();
      },
      () => precisionCheck(request, runs, replications),
    ).catch((e: unknown) => {
      if (e instanceof StoppedRound) return undefined;
      throw e;
    });
    if (outcome === undefined) return stopped as RunOutcome;
    const { reached, worst } = outcome;
    notes = { precision: { target: precision, reached, cap: DEFAULT_MAX_REPLICATIONS, worst } };
  }
  const { files, notes: said } = buildReport(request, runs, assets, replications, notes);
  return {
    kind: 'done',
    files,
    notes: said,
    simulationWallMs,
    wallMs: performance.now() - started,
  };
}

/** A round of replications stopped by a guard (runRequest's precision loop ends with it). */
class StoppedRound extends Error {}
