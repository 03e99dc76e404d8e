/**
 * What `msasim run` and `msasim compare` share: load a scenario file, check the output folder
 * (before running, so a refused --out costs no waiting), run every variant with the same seed
 * under the runaway guards (events, wall time), its replications on worker threads with --jobs
 * (cli/replications.ts), and write the report files atomically under reports/<name>/ (or
 * --out). Printing is left to each command.
 */

import { availableParallelism, loadavg } from 'node:os';
import { join, relative } from 'node:path';
import type { LoopTiming } from '../metrics/summary.ts';
import { parseScenario } from '../model/language.ts';
import { runScenario } from '../model/run.ts';
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
import { timeWords } from '../report/time-words.ts';
import { withDuration } from '../scenario/fault-windows.ts';
import { formatIssues } from '../scenario/format.ts';
import { type LoadedScenario, readScenarioText } from '../scenario/load.ts';
import type { Scenario } from '../scenario/types.ts';
import { refuseTooMuchForDuration, tooMuchForDuration } from './duration-faults.ts';
import { UsageError } from './errors.ts';
import { type CliIo, writeDirectoryAtomically } from './io.ts';
import { csvBomFor } from './lang.ts';
import { type Lesson, loadLesson } from './lesson-file.ts';
import { lessonWarnings } from './lesson-warnings.ts';
import { checkOut, type OutTarget } from './out-target.ts';
import { checkGuards, type ReplicationOptions, Replicator } from './replications.ts';
import {
  CHECK_EVERY,
  CommandBudget,
  noRequestCompletedWarning,
  RunGuard,
  runName,
  shortDurationWarning,
} from './run-guard.ts';
import { type RanVariant, sensitivityHint, whatIfNearSaturation } from './sensitivity.ts';
import { tracedReplication } from './traced-replications.ts';
import { loadVegaAssets } from './vega-assets.ts';
import { prepareWorkloadData, type ScenarioData } from './workload-files.ts';

export { replicationSeed } from '../model/run.ts';
/** Where they were first (safe-read.test.ts imports them from here). */
export { LESSON_MAX_BYTES, readLesson } from './lesson-file.ts';
export { checkGuards } from './replications.ts';
export {
  isTracedReplication,
  keepTraces,
  tracedReplication,
  traceOptionsOf,
} from './traced-replications.ts';

/** Options of a run of every variant (`run` and `compare`), with the guards' budgets. */
export interface RunVariantsOptions extends ReplicationOptions {
  /** Overrides the scenario's seed; a whole number is read as a number. */
  seed?: string;
  /** Overrides the scenario's duration, ms. */
  duration?: number;
  /** --duration was written without a unit ('5': 5 ms): a short one is warned so. */
  durationWithoutUnit?: boolean;
  /** Independent replications of each variant (default: the scenario's `replications:`, else 1). */
  replications?: number;
  /** --precision: add replications until every highlight's 95 % half-width ≤ this share of its mean. */
  precision?: number;
  /** --max-replications: the cap of --precision (default DEFAULT_MAX_REPLICATIONS). */
  maxReplications?: number;
  /** --warmup auto: choose the warm-up by MSER-5 from a pilot replication. */
  warmup?: 'auto';
  /**
   * --jobs: above 1, the replications after each variant's first run on that many worker
   * threads (at most one per replication to make) while the main thread runs the first ones;
   * 1: all in the main thread. Default: `defaultWorkers()` threads, started when the run is
   * worth them (cli/replications.ts).
   */
  jobs?: number;
  /** The output folder (default reports/<scenario name>). */
  out?: string;
  /** Run the what-if near saturation (cli/sensitivity.ts). */
  sensitivity?: boolean;
  /** Start every CSV file with a UTF-8 byte-order mark (for Excel); default: with Korean. */
  csvBom?: boolean;
  /** The language of the page's words (cli/lang.ts; default English). */
  lang?: Lang;
}

/**
 * Worker threads by default: the cores left beside the main thread (which runs replications
 * too) and beside the machine's other work (the 1-minute load average): none on a busy or
 * single-core machine, where threads only cost CPU (measured: twice the wall time at a load of
 * 3 on 2 cores).
 */
export function defaultWorkers(cores = availableParallelism(), load = loadavg()[0]): number {
  return Math.max(0, cores - 1 - Math.floor(load));
}

/**
 * The worker threads of a run (0: none, every replication in the main thread): --jobs N (1:
 * none), by default `defaultWorkers()`; at most as many as the replications made at once after
 * the variants' first ones (`variants` × (`replications` − 1), or one round of --precision).
 */
export function workerThreads(
  jobs: number | undefined,
  variants: number,
  replications: number,
  precision: boolean,
  byDefault = defaultWorkers,
): number {
  const asked = jobs === undefined ? byDefault() : jobs <= 1 ? 0 : jobs;
  if (asked === 0) return 0;
  return Math.min(asked, Math.max(variants * (replications - 1), precision ? variants : 0));
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
  /** The threads whose loops `loop` sums (1: the main thread alone). */
  threads: number;
  target: OutTarget;
}

/**
 * Loads `file` (printing its warnings), checks the output folder and runs every variant (its
 * replications on worker threads with --jobs: cli/replications.ts). Throws ScenarioError for a bad scenario, OutPathError for an output folder msasim may
 * not write to, UsageError for a --duration not longer than the warm-up, and RunGuardError
 * when a run exceeds a budget (before anything is written).
 */
export async function runVariants(
  file: string,
  opts: RunVariantsOptions,
  io: CliIo,
): Promise<VariantRuns> {
  const budget = new CommandBudget(opts.maxWall);
  const { loaded, text } = await loadTextWithWarnings(file, io, opts.lang);
  const target = await checkOut(opts.out ?? join('reports', loaded.name), 'report', {
    keep: [{ path: file, what: 'the scenario file' }],
  });
  const lesson = await loadLesson(file, loaded, io, opts.lang);
  const data = await prepareWorkloadData(loaded);
  try {
    return await runAll(loaded, { file, text }, opts, io, budget, lesson, data, target);
  } finally {
    data.close();
  }
}

/** Runs every variant of `loaded` (see runVariants), its data files read. */
async function runAll(
  loaded: LoadedScenario,
  source: { file: string; text: string },
  opts: RunVariantsOptions,
  io: CliIo,
  budget: CommandBudget,
  lesson: Lesson | null,
  data: ScenarioData,
  target: OutTarget,
): Promise<VariantRuns> {
  const file = source.file;
  const cap = opts.maxReplications ?? DEFAULT_MAX_REPLICATIONS;
  const asked = opts.replications ?? loaded.replications ?? 1;
  const replications = opts.precision === undefined ? asked : Math.min(Math.max(asked, 2), cap);
  const most = opts.precision === undefined ? replications : cap;
  for (const v of loaded.variants) {
    const tr = tracedReplication(v, opts);
    if (typeof tr === 'number' && tr > most) {
      const inFile = opts.traceReplication === undefined;
      throw new UsageError(
        `${inFile ? `trace.replication: ${tr} in the scenario` : `--trace-replication ${tr}`}: this run makes ${most === 1 ? 'one replication' : `at most ${most} replications`}; give a number from 1 to ${most}, or all${inFile ? ' (or --replications, or --trace-replication)' : ''}.`,
        {
          ko: `${inFile ? `시나리오의 trace.replication: ${tr}` : `--trace-replication ${tr}`}: 이 실행의 복제는 ${most === 1 ? '1회뿐입니다' : `최대 ${most}회입니다`}. 1에서 ${most} 사이의 번호나 all을 주세요${inFile ? ' (또는 --replications나 --trace-replication을 주세요)' : ''}.`,
        },
      );
    }
  }
  if (opts.duration !== undefined && opts.duration < 1000 && opts.durationWithoutUnit === true)
    io.err(`${shortDurationWarning(opts.duration, opts.lang)}\n`);
  if (opts.duration !== undefined)
    refuseTooMuchForDuration(tooMuchForDuration(loaded.variants, opts.duration), opts.duration);
  const scenarios = loaded.variants.map((base) => {
    // --duration: the faults' windows made for it (not the file duration's, cut or kept)
    const scenario = opts.duration === undefined ? base : withDuration(base, opts.duration);
    if (scenario.warmupMs >= scenario.durationMs) {
      const duration = timeWords(opts.duration ?? scenario.durationMs);
      throw new UsageError(
        `--duration ${duration} is not longer than the scenario's warm-up (${timeWords(scenario.warmupMs)}).`,
        {
          ko: `--duration ${duration}: 시나리오의 워밍업(${timeWords(scenario.warmupMs)})보다 길어야 합니다.`,
        },
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
  const threads = workerThreads(
    opts.jobs,
    scenarios.length,
    replications,
    opts.precision !== undefined,
  );
  const replicator = new Replicator({
    opts,
    budget,
    data,
    seedOverride: parseSeed(opts.seed),
    source,
    threads,
    auto: opts.jobs === undefined,
    loop: { wallMs: 0, cpuMs: 0, events: 0 },
  });
  try {
    const plan = { loaded, opts, io, scenarios, replications, cap };
    return { ...(await replicate(replicator, plan, results)), target };
  } finally {
    await replicator.close();
  }
}

/** What `replicate` runs: the scenario's variants as run, how many replications, the options. */
interface Plan {
  loaded: LoadedScenario;
  opts: RunVariantsOptions;
  io: CliIo;
  /** The variants as run (--duration applied). */
  scenarios: Scenario[];
  /** Replications of each variant (before --precision adds any). */
  replications: number;
  /** The most replications --precision runs. */
  cap: number;
}

/**
 * Runs the replications of every variant (--warmup auto's pilot first, --precision's rounds
 * after), then the sensitivity what-if, and analyses the results (see runVariants).
 */
async function replicate(
  replicator: Replicator,
  plan: Plan,
  results: ScenarioResults,
): Promise<Omit<VariantRuns, 'target'>> {
  const { loaded, opts, io, replications, cap } = plan;
  const { budget, data, seedOverride } = replicator.ctx;
  const lang = opts.lang ?? 'en';
  const started = performance.now();
  const notes: RunNotes = {};
  let scenarios = plan.scenarios;
  if (opts.warmup === 'auto') {
    // a pilot: the first replication of every variant, whose highlights' series MSER-5 reads
    const pilot = await replicator.all(scenarios, 1);
    results.runs = pilot.firsts;
    const warmupMs = autoWarmupMs(analyse({ ...results, replications: pilot.summaries }));
    notes.warmupAutoMs = warmupMs;
    io.err(`${t(lang, 'run.warmupAuto', { s: warmupMs / 1000 })}\n`);
    scenarios = scenarios.map((s) => ({ ...s, warmupMs }));
  }
  const made = await replicator.all(scenarios, replications);
  results.runs = made.firsts;
  const summaries = made.summaries;
  const set = () => {
    if (summaries[0].length > 1) results.replications = summaries;
  };
  if (opts.precision !== undefined) {
    const precision = opts.precision;
    const outcome = await replicateUntil(
      replications,
      cap,
      (r) => replicator.round(scenarios, r, made),
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
    scenario: { ...scenario, seed: seedOverride ?? scenario.seed },
    name: variantName(loaded.name, scenario),
    base: summaries[v][0],
  }));
  if (opts.sensitivity) {
    results.sensitivity = await whatIfNearSaturation(ran, async (scenario) => {
      const name = runName(scenario);
      budget.checkBefore({
        en: `the sensitivity what-if of ${name.en}`,
        ko: `${name.ko}의 민감도 분석 실행`,
      });
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
  const threads = replicator.ctx.threads + 1;
  return { results, analysis, wallMs, loop: replicator.ctx.loop, threads };
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
  return (await loadTextWithWarnings(file, io, lang)).loaded;
}

/** The scenario in `file` and the text it was parsed from (see loadWithWarnings). */
async function loadTextWithWarnings(
  file: string,
  io: CliIo,
  lang: Lang = 'en',
): Promise<{ loaded: LoadedScenario; text: string }> {
  const text = await readScenarioText(file);
  const loaded = parseScenario(text, file);
  if (loaded.warnings.length > 0) io.err(`${formatIssues(loaded.warnings, lang)}\n`);
  return { loaded, text };
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
