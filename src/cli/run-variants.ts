/**
 * What `msasim run` and `msasim compare` share: load a scenario file, check the output folder
 * (before running, so a refused --out costs no waiting), run every variant with the same seed
 * under the runaway guards (events, wall time), and write the report files atomically under
 * reports/<name>/ (or --out). Printing is left to each command.
 */

import { join, relative } from 'node:path';
import type { LoopClock, LoopTiming, RunResult, RunSummary } from '../metrics/summary.ts';
import { TRACE_DEFAULTS, type TraceOptions } from '../metrics/traces.ts';
import { loadScenario } from '../model/language.ts';
import { replicationSeed, runScenario } from '../model/run.ts';
import { type Analysis, analyse } from '../report/analyse.ts';
import { withCsvBom } from '../report/csv.ts';
import { SENSITIVITY_THRESHOLD } from '../report/features/sensitivity/what-if.ts';
import { buildReportHtml } from '../report/html/page.ts';
import type { Lang } from '../report/i18n/lang.ts';
import { t } from '../report/i18n/t.ts';
import { buildOutputs, type OutputFiles, type ScenarioResults } from '../report/outputs.ts';
import {
  autoWarmupMs,
  DEFAULT_MAX_REPLICATIONS,
  precisionSentence,
  precisionState,
  replicateUntil,
} from '../report/precision.ts';
import { buildReportData, type ReportData } from '../report/report-data.ts';
import type { RunNotes } from '../report/results.ts';
import { scenarioResults } from '../report/scenario-results.ts';
import { formatIssues } from '../scenario/format.ts';
import type { LoadedScenario } from '../scenario/load.ts';
import type { Scenario, TraceDef } from '../scenario/types.ts';
import { threadCpuMs } from './cpu-time.ts';
import { RunGuardError, UsageError } from './errors.ts';
import { type CliIo, writeDirectoryAtomically } from './io.ts';
import { csvBomFor } from './lang.ts';
import { type Lesson, loadLesson } from './lesson-file.ts';
import { lessonWarnings } from './lesson-warnings.ts';
import { checkOut, type OutTarget } from './out-target.ts';
import { createRunProgress, type VariantBar } from './progress.ts';
import {
  CHECK_EVERY,
  CommandBudget,
  type GuardLimits,
  guardMessage,
  noRequestCompletedWarning,
  RunGuard,
  shortDurationWarning,
  stoppedBy,
} from './run-guard.ts';
import { type RanVariant, sensitivityHint, whatIfNearSaturation } from './sensitivity.ts';
import { loadVegaAssets } from './vega-assets.ts';
import { prepareWorkloadData, type ScenarioData } from './workload-files.ts';

export { replicationSeed } from '../model/run.ts';
/** Where they were first (safe-read.test.ts imports them from here). */
export { LESSON_MAX_BYTES, readLesson } from './lesson-file.ts';

/** Options of a run of every variant (`run` and `compare`), with the guards' budgets. */
export interface RunVariantsOptions extends GuardLimits {
  /** Overrides the scenario's seed; a whole number is read as a number. */
  seed?: string;
  /** Overrides the scenario's duration, ms. */
  duration?: number;
  /** Independent replications of each variant (default: the scenario's `replications:`, else 1). */
  replications?: number;
  /** --precision: add replications until every highlight's 95 % half-width ≤ this share of its mean. */
  precision?: number;
  /** --max-replications: the cap of --precision (default DEFAULT_MAX_REPLICATIONS). */
  maxReplications?: number;
  /** --warmup auto: choose the warm-up by MSER-5 from a pilot replication. */
  warmup?: 'auto';
  /** No progress bars (they are drawn only on a terminal anyway). */
  quiet?: boolean;
  /** The output folder (default reports/<scenario name>). */
  out?: string;
  /** Seconds per point of the time series (default: chosen from the duration). */
  seriesResolution?: number;
  /** Run the what-if near saturation (cli/sensitivity.ts). */
  sensitivity?: boolean;
  /** Record request traces (else only when the scenario has a `trace:` section). */
  trace?: boolean;
  /** With tracing: the slowest kept per entry endpoint, one in how many kept. */
  traceSlowest?: number;
  traceEvery?: number;
  /** With tracing: the replication traced (default: the scenario's trace.replication, else 1), or every one. */
  traceReplication?: number | 'all';
  /** Start every CSV file with a UTF-8 byte-order mark (for Excel); default: with Korean. */
  csvBom?: boolean;
  /** The language of the page's words (cli/lang.ts; default English). */
  lang?: Lang;
}

/**
 * The trace options of a run of `scenario`: its `trace:` section, or the defaults when the
 * command line asks for tracing, with the command line's counts over both; undefined: none.
 */
export function traceOptionsOf(
  scenario: Scenario,
  opts: Pick<RunVariantsOptions, 'trace' | 'traceSlowest' | 'traceEvery' | 'traceReplication'>,
): TraceOptions | undefined {
  const asked =
    opts.trace ||
    opts.traceSlowest !== undefined ||
    opts.traceEvery !== undefined ||
    opts.traceReplication !== undefined;
  const section = scenario.trace ?? (asked ? TRACE_DEFAULTS : undefined);
  if (section === undefined) return undefined;
  // which replication is traced is the run's choice (tracedReplication), not the recorder's
  const { replication: _, ...base } = section as TraceDef;
  return {
    ...base,
    ...(opts.traceSlowest === undefined ? {} : { slowest: opts.traceSlowest }),
    ...(opts.traceEvery === undefined ? {} : { every: opts.traceEvery }),
  };
}

/** The trace options of replication `r` of `scenario`: null when it is not traced. */
function tracingOf(scenario: Scenario, opts: RunVariantsOptions, r: number): TraceOptions | null {
  const base = traceOptionsOf(scenario, opts);
  if (base === undefined || !isTracedReplication(r, tracedReplication(scenario, opts))) return null;
  return r === 1 ? base : { ...base, replication: r };
}

/**
 * The replication traced: `--trace-replication`, else the scenario's `trace.replication`
 * (undefined: the first).
 */
export function tracedReplication(
  scenario: Scenario,
  opts: Pick<RunVariantsOptions, 'traceReplication'>,
): number | 'all' | undefined {
  return opts.traceReplication ?? scenario.trace?.replication;
}

/** Whether replication `r` is the one traced (or one of them: `--trace-replication all`). */
export function isTracedReplication(r: number, which: number | 'all' | undefined): boolean {
  return which === 'all' || r === (which ?? 1);
}

/**
 * Adds the traces of replication `result` to those kept for the report (on the first
 * replication's result, which the report shows): slowest first, ties by replication then by
 * the order answered, as the tracer sorts one replication's.
 */
export function keepTraces(first: RunResult, result: RunResult): void {
  if (result === first || result.traces === undefined) return;
  const all = [...(first.traces ?? []), ...result.traces];
  all.sort(
    (a, b) =>
      b.endMs - b.startMs - (a.endMs - a.startMs) ||
      (a.replication ?? 1) - (b.replication ?? 1) ||
      a.seq - b.seq,
  );
  first.traces = all;
}

/**
 * The results of every variant with their analysis (what every writer shows), the wall time
 * they took, the cost of their simulation loops (summed over every run) and the checked
 * output folder.
 */
export interface VariantRuns {
  results: ScenarioResults;
  analysis: Analysis;
  wallMs: number;
  loop: LoopTiming;
  target: OutTarget;
}

/** The clocks the runs' loops are timed with: wall time, the main thread's CPU time. */
const LOOP_CLOCK: LoopClock = { wallMs: () => performance.now(), cpuMs: threadCpuMs };

/**
 * Loads `file` (printing its warnings), checks the output folder and runs every variant in
 * order. Throws ScenarioError for a bad scenario, OutPathError for an output folder msasim may
 * not write to, UsageError for a --duration not longer than the warm-up, and RunGuardError
 * when a run exceeds a budget (before anything is written).
 */
export async function runVariants(
  file: string,
  opts: RunVariantsOptions,
  io: CliIo,
): Promise<VariantRuns> {
  const budget = new CommandBudget(opts.maxWall);
  const loaded = await loadWithWarnings(file, io, opts.lang);
  const target = await checkOut(opts.out ?? join('reports', loaded.name), 'report', {
    keep: [{ path: file, what: 'the scenario file' }],
  });
  const lesson = await loadLesson(file, loaded, io, opts.lang);
  const data = await prepareWorkloadData(loaded);
  try {
    return await runAll(loaded, file, opts, io, budget, lesson, data, target);
  } finally {
    data.close();
  }
}

/** What every replication of a command shares: its options, budget, data files and loop clock. */
interface RunContext {
  opts: RunVariantsOptions;
  budget: CommandBudget;
  data: ScenarioData;
  seedOverride: number | string | undefined;
  /** The simulation loops' cost, summed over every run of the command. */
  loop: LoopTiming;
}

/** Runs every variant of `loaded` (see runVariants), its data files read. */
async function runAll(
  loaded: LoadedScenario,
  file: string,
  opts: RunVariantsOptions,
  io: CliIo,
  budget: CommandBudget,
  lesson: Lesson | null,
  data: ScenarioData,
  target: OutTarget,
): Promise<VariantRuns> {
  const ctx: RunContext = {
    opts,
    budget,
    data,
    seedOverride: parseSeed(opts.seed),
    loop: { wallMs: 0, cpuMs: 0, events: 0 },
  };
  const lang = opts.lang ?? 'en';
  const cap = opts.maxReplications ?? DEFAULT_MAX_REPLICATIONS;
  const asked = opts.replications ?? loaded.replications ?? 1;
  const replications = opts.precision === undefined ? asked : Math.min(Math.max(asked, 2), cap);
  const most = opts.precision === undefined ? replications : cap;
  for (const v of loaded.variants) {
    const tr = tracedReplication(v, opts);
    if (typeof tr === 'number' && tr > most)
      throw new UsageError(
        `${opts.traceReplication === undefined ? `trace.replication: ${tr} in the scenario` : `--trace-replication ${tr}`}: this run makes ${most === 1 ? 'one replication' : `at most ${most} replications`}; give a number from 1 to ${most}, or all${opts.traceReplication === undefined ? ' (or --replications, or --trace-replication)' : ''}.`,
      );
  }
  const started = performance.now();
  if (opts.duration !== undefined && opts.duration < 1000)
    io.err(`${shortDurationWarning(opts.duration)}\n`);
  let scenarios = loaded.variants.map((base) => {
    const scenario = opts.duration === undefined ? base : { ...base, durationMs: opts.duration };
    if (scenario.warmupMs >= scenario.durationMs) {
      throw new UsageError(
        `--duration ${opts.duration} ms is not longer than the scenario's warm-up (${scenario.warmupMs} ms).`,
      );
    }
    return scenario;
  });
  const results = scenarioResults(
    loaded,
    relative(process.cwd(), file),
    lesson?.text ?? null,
    [],
    undefined,
    lesson?.refs,
    lesson === null ? undefined : { lang: lesson.lang, translations: lesson.translations },
  );
  const notes: RunNotes = {};
  const progress = createRunProgress(opts.quiet);
  const runAllOnce = async (count: number) => {
    const summaries: RunSummary[][] = scenarios.map(() => []);
    results.runs = [];
    for (const [v, scenario] of scenarios.entries()) {
      const bar = progress?.variant(
        scenario.variant ?? scenario.name,
        scenario.durationMs * count,
        count,
      );
      try {
        for (let r = 1; r <= count; r++) {
          const result = await runReplication(scenario, r, ctx, bar);
          if (r === 1) results.runs.push(result);
          else keepTraces(results.runs[v], result);
          summaries[v].push(result.summary);
        }
      } finally {
        bar?.stop();
      }
    }
    return summaries;
  };
  if (opts.warmup === 'auto') {
    // a pilot: the first replication of every variant, whose highlights' series MSER-5 reads
    const pilot = await runAllOnce(1);
    const warmupMs = autoWarmupMs(analyse({ ...results, replications: pilot }));
    notes.warmupAutoMs = warmupMs;
    io.err(`${t(lang, 'run.warmupAuto', { s: warmupMs / 1000 })}\n`);
    scenarios = scenarios.map((s) => ({ ...s, warmupMs }));
  }
  const summaries = await runAllOnce(replications);
  const set = () => {
    if (summaries[0].length > 1) results.replications = summaries;
  };
  if (opts.precision !== undefined) {
    const precision = opts.precision;
    const outcome = await replicateUntil(
      replications,
      cap,
      async (r) => {
        for (const [v, scenario] of scenarios.entries()) {
          const result = await runReplication(scenario, r, ctx);
          keepTraces(results.runs[v], result);
          summaries[v].push(result.summary);
        }
      },
      () => {
        set();
        return precisionState(analyse(results), precision);
      },
    );
    notes.precision = { target: precision, reached: outcome.reached, cap, worst: outcome.worst };
    io.err(
      `${precisionSentence({ ...notes.precision, replications: outcome.replications }, lang)}\n`,
    );
  }
  set();
  if (notes.precision !== undefined || notes.warmupAutoMs !== undefined) results.notes = notes;
  const empty = summaries.flat().filter((x) => x.overall.finished === 0).length;
  if (empty > 0) io.err(`${noRequestCompletedWarning(empty, summaries.flat().length, lang)}\n`);
  const ran: RanVariant[] = scenarios.map((scenario, v) => ({
    scenario: { ...scenario, seed: ctx.seedOverride ?? scenario.seed },
    name: variantName(loaded.name, scenario),
    base: summaries[v][0],
  }));
  if (opts.sensitivity) {
    results.sensitivity = await whatIfNearSaturation(ran, async (scenario) => {
      budget.checkBefore(`the sensitivity what-if of ${runName(scenario)}`);
      const guard = new RunGuard(opts, budget);
      const result = await runScenario(scenario, {
        data: data.of(scenario.variant) ?? undefined,
        trace: null,
        maxEvents: opts.maxEvents,
        checkEvery: CHECK_EVERY,
        seriesResolutionS: opts.seriesResolution,
        onCheckpoint: (sim, probe) => guard.check(sim, probe),
      });
      checkGuards(scenario, result, opts, guard);
      return result.summary;
    });
    if (results.sensitivity.length === 0)
      io.err(`${t(lang, 'run.sensitivityNone', { threshold: SENSITIVITY_THRESHOLD })}\n`);
  } else {
    const hint = sensitivityHint(ran, lang);
    if (hint !== '') io.err(hint);
  }
  const wallMs = performance.now() - started;
  const analysis = analyse(results);
  for (const w of lessonWarnings(analysis, lang)) io.err(`${w}\n`);
  return { results, analysis, wallMs, loop: ctx.loop, target };
}

/**
 * Replication r of `scenario` (seed `replicationSeed(seed, r)`) under the guards, drawing on
 * `bar` when given; traced when asked and it is the replication chosen (the first by default,
 * the one whose details the report shows; `--trace-replication`). @throws RunGuardError when a
 * guard stopped it.
 */
async function runReplication(
  scenario: Scenario,
  r: number,
  ctx: RunContext,
  bar?: VariantBar,
): Promise<RunResult> {
  const { opts, budget } = ctx;
  budget.checkBefore(`the run of ${runName(scenario)}${r > 1 ? `, replication ${r}` : ''}`);
  const seed = ctx.seedOverride ?? scenario.seed;
  const t0 = performance.now();
  const doneMs = (r - 1) * scenario.durationMs;
  const guard = new RunGuard(opts, budget);
  const result = await runScenario(scenario, {
    data: ctx.data.of(scenario.variant) ?? undefined,
    trace: tracingOf(scenario, opts, r),
    seed: replicationSeed(seed, r),
    maxEvents: opts.maxEvents,
    checkEvery: CHECK_EVERY,
    clock: LOOP_CLOCK,
    seriesResolutionS: opts.seriesResolution,
    onCheckpoint: (sim, probe) => {
      const wallMs = performance.now() - t0;
      bar?.update(doneMs + sim.now, sim.eventsProcessed / (wallMs / 1000), r);
      return guard.check(sim, probe);
    },
  });
  checkGuards(scenario, result, opts, guard);
  if (result.loop !== undefined) {
    ctx.loop.wallMs += result.loop.wallMs;
    ctx.loop.cpuMs += result.loop.cpuMs;
    ctx.loop.events += result.loop.events;
  }
  const wallS = (performance.now() - t0) / 1000;
  bar?.update(r * scenario.durationMs, result.summary.run.events / wallS, r);
  return result;
}

/**
 * The scenario in `file`, its warnings printed (in `lang`, default English).
 * @throws ScenarioError for a bad scenario.
 */
export async function loadWithWarnings(
  file: string,
  io: CliIo,
  lang: Lang = 'en',
): Promise<LoadedScenario> {
  const loaded = await loadScenario(file);
  if (loaded.warnings.length > 0) io.err(`${formatIssues(loaded.warnings, lang)}\n`);
  return loaded;
}

/** The runs of every variant of `file` (see runVariants) with their report written. */
export async function runAndReport(
  file: string,
  opts: RunVariantsOptions,
  io: CliIo,
): Promise<{ runs: VariantRuns; report: { files: OutputFiles; outDir: string } }> {
  const runs = await runVariants(file, opts, io);
  const lang = opts.lang ?? 'en';
  return {
    runs,
    report: await writeReport(runs, io, { csvBom: csvBomFor(opts.csvBom, lang), lang }),
  };
}

/** A --seed value: a whole number as a number, anything else as a string seed. */
export function parseSeed(seed: string | undefined): number | string | undefined {
  if (seed === undefined) return undefined;
  return /^-?\d+$/.test(seed) ? Number(seed) : seed;
}

/** A variant's name as comparisons use it (the scenario's name when it has none). */
function variantName(name: string, scenario: Scenario): string {
  return scenario.variant ?? name;
}

/** `"shop" (variant big)`. */
function runName(scenario: Scenario): string {
  return `"${scenario.name}"${scenario.variant ? ` (variant ${scenario.variant})` : ''}`;
}

/** Throws a RunGuardError when `result` was stopped by a guard (events, wall, backlog, memory). */
export function checkGuards(
  scenario: Scenario,
  result: RunResult,
  opts: RunVariantsOptions,
  guard: RunGuard,
): void {
  const text = stoppedBy(result.summary, opts.maxEvents, guard);
  if (text === undefined) return;
  throw new RunGuardError(
    guardMessage(`run of ${runName(scenario)}`, text, 'Nothing was written.'),
  );
}

/** The report files of `runs`, written atomically to the folder checked by runVariants. */
export async function writeReport(
  runs: VariantRuns,
  io: CliIo,
  options: { csvBom?: boolean; lang?: Lang } = {},
): Promise<{ files: OutputFiles; outDir: string }> {
  const files = buildOutputs(runs.analysis);
  if (options.csvBom) withCsvBom(files);
  // index.html is built from the very results.json text that `msasim report` reads back, so a
  // rebuilt page is byte-identical to this one
  const json = files.get('results.json');
  const data =
    json === undefined ? buildReportData(runs.analysis) : (JSON.parse(json) as ReportData);
  files.set(
    'index.html',
    buildReportHtml(data, await loadVegaAssets(), undefined, options.lang ?? 'en'),
  );
  const warnings = await writeDirectoryAtomically(runs.target, files);
  for (const w of warnings) io.err(`note: ${w}\n`);
  return { files, outDir: runs.target.given };
}
