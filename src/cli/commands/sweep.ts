/**
 * `msasim sweep <scenario> --param path=v1,v2,… [--param …]`: the scenario at every point of
 * the grid of parameter values (first parameter slowest) × every variant × replications, run
 * in parallel on worker threads (piscina). Pipeline: read → validate every grid point → plan
 * (and, with --resume, check the saved plan) → run the points of this shard that are not done,
 * saving each point as soon as its runs are in → assemble sweep.json, sweep.csv (and
 * sweep.html) from the saved points, unless this is one shard of several (`msasim merge` does
 * that). The --out folder is checked before anything runs (out-rules.ts: absent, empty or a
 * sweep's). Every run depends only on its inputs, so the files do not depend on the number of
 * workers, the order runs finish in, sharding or resuming. The planning (grid check, overrides,
 * plan and fingerprint, runs of a point, account) is pure, in report/sweep-plan.ts; this file
 * reads, runs the worker pool with its progress bars, saves and prints.
 */

import { availableParallelism } from 'node:os';
import { join, relative } from 'node:path';
import type { RunSummary } from '../../metrics/summary.ts';
import { parseScenario } from '../../model/language.ts';
import { replicationSeed } from '../../model/run.ts';
import { fitConsole } from '../../report/console-width.ts';
import type { Lang } from '../../report/i18n/lang.ts';
import {
  gridSize,
  gridValues,
  type Shard,
  type SweepParam,
  shardPoints,
  sweepPointsOf,
} from '../../report/sweep.ts';
import {
  checkGrid,
  createPlan,
  gridProblem,
  overridesAt,
  planDifferences,
  planText,
  pointRuns,
  pointText,
  runsOf,
  type SweepPlan,
  sweepAccount,
} from '../../report/sweep-plan.ts';
import { formatIssues } from '../../scenario/format.ts';
import type { Bilingual } from '../../scenario/issues.ts';
import { ScenarioError } from '../../scenario/issues.ts';
import {
  type LoadedScenario,
  readScenarioText,
  type ScenarioOverride,
} from '../../scenario/load.ts';
import { type GuardText, wallBudgetSpent } from '../../scenario/messages.ts';
import {
  faultsIdleForDuration,
  refuseTooMuchForDuration,
  type TooMuchForDuration,
  tooMuchForDuration,
} from '../duration-faults.ts';
import { InternalError, SweepError, UsageError } from '../errors.ts';
import type { CliIo } from '../io.ts';
import { checkOut } from '../out-target.ts';
import { createSweepProgress, type SweepProgress } from '../progress.ts';
import { openReplicationPool, type ReplicationPool } from '../replication-pool.ts';
import type { ReplicationTask } from '../replication-worker.ts';
import {
  CommandBudget,
  type GuardLimits,
  guardError,
  guardLimits,
  stoppedBy,
} from '../run-guard.ts';
import { parseSeed } from '../run-variants.ts';
import { writeSweepResults } from '../sweep-results.ts';
import {
  finishedPoints,
  PLAN_FILE,
  pointPath,
  prepareSweepFolder,
  readPlan,
  writeFileAtomically,
  writeShard,
} from '../sweep-store.ts';
import { prepareWorkloadData } from '../workload-files.ts';

/** Options of `msasim sweep`, with the guards' budgets. */
export interface SweepCommandOptions extends GuardLimits {
  param?: SweepParam[];
  replications: number;
  seed?: string;
  duration?: number;
  out?: string;
  /** Worker threads (default: the available parallelism). */
  workers?: number;
  shard?: Shard;
  resume?: boolean;
  quiet?: boolean;
  /** Print the table at its full width (default: fitted to 100 columns). */
  wide?: boolean;
  /** Start sweep.csv with a UTF-8 byte-order mark (for Excel). */
  csvBom?: boolean;
  /** The language of sweep.html's words (cli/lang.ts; default English). */
  lang?: Lang;
}

/** Runs a sweep; returns the exit code. */
export async function sweepCommand(
  file: string,
  opts: SweepCommandOptions,
  io: CliIo,
): Promise<number> {
  const budget = new CommandBudget(opts.maxWall);
  const params = opts.param ?? [];
  const problem = gridProblem(params);
  if (problem !== undefined) throw new UsageError(problem, { ko: gridProblem(params, 'ko') });
  const text = await readScenarioText(file);
  const loaded = validateGrid(file, text, params, opts.duration, budget);
  if (loaded.warnings.length > 0) io.err(`${formatIssues(loaded.warnings, opts.lang)}\n`);
  if (opts.duration !== undefined)
    for (const line of faultsIdleForDuration(loaded, opts.duration, opts.lang))
      io.err(`⚠ ${line}\n`);
  // the data files its workloads replay, checked row by row before anything runs
  (await prepareWorkloadData(loaded)).close();
  const plan = planOf(file, text, loaded, params, opts);
  const outDir = opts.out ?? join('reports', `${plan.scenario.name}-sweep`);
  const target = await checkOut(outDir, 'sweep', {
    keep: [{ path: file, what: 'the scenario file' }],
  });
  const mine = shardPoints(plan.points, opts.shard);
  const done = opts.resume ? await resumable(outDir, plan, mine, io, opts.lang) : new Set<number>();
  await prepareSweepFolder(target);
  await writeFileAtomically(join(outDir, PLAN_FILE), planText(plan));
  if (opts.shard !== undefined) await writeShard(outDir, opts.shard);
  const todo = mine.filter((i) => !done.has(i));
  const started = performance.now();
  const workers = Math.max(
    1,
    Math.min(opts.workers ?? availableParallelism(), runsOf(plan, todo.length)),
  );
  if (todo.length > 0)
    budget.checkBefore({
      en: `the first point of the sweep of "${plan.scenario.name}"`,
      ko: `"${plan.scenario.name}" 스윕의 첫 포인트`,
    });
  await runPoints({
    file,
    text,
    plan,
    params,
    opts,
    outDir,
    todo,
    done: done.size,
    workers,
    saved: { count: 0 },
    deadline: budget.deadline,
  });
  const ran = sweepAccount(
    {
      points: plan.points,
      mine: mine.length,
      ran: todo.length,
      done: done.size,
      runs: runsOf(plan, todo.length),
      workers,
      wallMs: performance.now() - started,
    },
    opts.lang,
  );
  const ko = opts.lang === 'ko';
  if (opts.shard !== undefined) {
    const { index, count } = opts.shard;
    io.err(
      ko
        ? `sweep ${plan.scenario.name}, 샤드 ${index}/${count}: ${ran}. 쓴 파일: ${PLAN_FILE}, points/ (폴더 ${outDir})\n` +
            `  → 모든 샤드가 끝나면: msasim merge <샤드 폴더들> --out <폴더>\n`
        : `sweep ${plan.scenario.name}, shard ${index}/${count}: ${ran}; wrote ${PLAN_FILE} and points/ to ${outDir}\n` +
            `  → when every shard is done: msasim merge <the shard folders> --out <folder>\n`,
    );
    return 0;
  }
  const result = await writeSweepResults(outDir, plan, { csvBom: opts.csvBom, lang: opts.lang });
  io.out(opts.wide ? result.table : fitConsole(result.table));
  const files = result.files.join(', ');
  io.err(
    ko
      ? `sweep ${plan.scenario.name}: ${ran}. 쓴 파일: ${files} (폴더 ${outDir})\n`
      : `sweep ${plan.scenario.name}: ${ran}; wrote ${files} to ${outDir}\n`,
  );
  return 0;
}

/**
 * The first grid point's scenario with the warnings of every point, after parsing the scenario
 * at every point (report/sweep-plan.ts `checkGrid`), so that every problem is reported before
 * anything runs. @throws ScenarioError with the problems of every point; UsageError when
 * --duration is not longer than the warm-up somewhere.
 */
function validateGrid(
  file: string,
  text: string,
  params: readonly SweepParam[],
  durationMs: number | undefined,
  budget: CommandBudget,
): LoadedScenario {
  // a --duration under which a fault of some point would recur too often, or its
  // reconciliations merge too many keys (duration-faults.ts)
  let many: TooMuchForDuration | undefined;
  const verdict = checkGrid(
    params,
    durationMs,
    (overrides) => {
      try {
        const loaded = parseScenario(text, file, { overrides });
        if (durationMs !== undefined) many ??= tooMuchForDuration(loaded.variants, durationMs);
        return { loaded };
      } catch (e) {
        if (!(e instanceof ScenarioError)) throw e;
        return { issues: e.issues };
      }
    },
    (i, n) =>
      budget.checkBefore({
        en: `the grid was checked (point ${i + 1} of ${n})`,
        ko: `격자 검사가 끝나기 (포인트 ${n}개 중 ${i + 1}번째)`,
      }),
  );
  if ('issues' in verdict) throw new ScenarioError(verdict.issues);
  if ('usage' in verdict) throw new UsageError(verdict.usage, { ko: verdict.usageKo });
  if (durationMs !== undefined) refuseTooMuchForDuration(many, durationMs);
  return verdict.loaded;
}

function planOf(
  file: string,
  text: string,
  loaded: LoadedScenario,
  params: SweepParam[],
  opts: SweepCommandOptions,
): SweepPlan {
  const seed = parseSeed(opts.seed) ?? null;
  const base = seed ?? loaded.variants[0].seed;
  return createPlan({
    text,
    scenario: { name: loaded.name, description: loaded.description, file: relative('.', file) },
    params,
    replications: opts.replications,
    seed,
    durationMs: opts.duration ?? null,
    variants: loaded.variants.map((v) => v.variant ?? null),
    seeds: Array.from({ length: opts.replications }, (_, r) => replicationSeed(base, r + 1)),
    points: gridSize(params),
  });
}

/**
 * The points of `mine` already finished in `outDir`, after checking that its saved plan is this
 * sweep's. @throws SweepError when the plan differs.
 */
async function resumable(
  outDir: string,
  plan: SweepPlan,
  mine: readonly number[],
  io: CliIo,
  lang: Lang = 'en',
): Promise<Set<number>> {
  const saved = await readPlan(outDir);
  if (saved === undefined) {
    io.err(
      lang === 'ko'
        ? `참고: ${outDir}에 ${PLAN_FILE}이 없어 이어서 할 것이 없습니다. 처음부터 시작합니다.\n`
        : `note: ${outDir} holds no ${PLAN_FILE}, so there is nothing to resume; starting.\n`,
    );
    return new Set();
  }
  const differences = planDifferences(saved, plan);
  if (differences.length > 0)
    throw new SweepError(
      `cannot resume: ${join(outDir, PLAN_FILE)} was written for a different sweep; these differ: ${differences.join('; ')}.\n` +
        '  → rerun with the same scenario and options, or start over without --resume (or with another --out).',
      {
        ko:
          `이어서 할 수 없습니다: ${join(outDir, PLAN_FILE)}은 다른 스윕의 것입니다. 다른 점: ${planDifferences(saved, plan, undefined, 'ko').join('; ')}.\n` +
          '  → 같은 시나리오와 옵션으로 다시 실행하거나, --resume 없이 (또는 다른 --out으로) 처음부터 시작하세요.',
      },
    );
  return finishedPoints(outDir, plan, mine);
}

/** What runPoints needs. */
interface RunContext {
  file: string;
  text: string;
  plan: SweepPlan;
  params: SweepParam[];
  opts: SweepCommandOptions;
  outDir: string;
  todo: number[];
  done: number;
  workers: number;
  /** Points saved so far by this run. */
  saved: { count: number };
  /** When the sweep's wall-time budget ends (wallNow() time). */
  deadline: number;
}

/**
 * Runs every task of the points in `todo` on a pool of `workers` threads and saves each point
 * as soon as its tasks are in. Ctrl-C stops it; the saved points stay for --resume.
 */
async function runPoints(ctx: RunContext): Promise<void> {
  if (ctx.todo.length === 0) return;
  const pool = await openReplicationPool(ctx.workers);
  const progress = createSweepProgress(
    ctx.done + ctx.todo.length,
    ctx.done,
    ctx.opts.quiet,
    ctx.opts.lang,
  );
  const interrupted = () => {
    progress?.stop();
    const saved = ctx.done + ctx.saved.count;
    process.stderr.write(
      `\ninterrupted: ${saved} of ${ctx.done + ctx.todo.length} points are saved in ${join(ctx.outDir, 'points')}; ` +
        'rerun the same command with --resume to run only the others.\n',
    );
    process.exit(130);
  };
  process.once('SIGINT', interrupted);
  try {
    await Promise.all(ctx.todo.map((index) => runPoint(ctx, index, pool, progress)));
  } finally {
    process.off('SIGINT', interrupted);
    progress?.stop();
    await pool.destroy();
  }
}

/** Runs every variant × replication of one grid point and saves the point. */
async function runPoint(
  ctx: RunContext,
  index: number,
  pool: ReplicationPool,
  progress: SweepProgress | undefined,
): Promise<void> {
  const { plan, opts } = ctx;
  const overrides = overridesAt(ctx.params, index);
  const limits = guardLimits(opts);
  const runs = pointRuns(plan).map((variantRuns) =>
    Promise.all(
      variantRuns.map(async ({ variant, replication }) => {
        const task: ReplicationTask = {
          file: ctx.file,
          text: ctx.text,
          overrides,
          variant,
          seed: plan.seed ?? undefined,
          replication,
          durationMs: plan.durationMs ?? undefined,
          limits,
          deadline: ctx.deadline,
        };
        const result = await pool.run(task);
        if ('problem' in result) throw new ScenarioError(result.problem);
        if ('late' in result)
          throw guardError(
            'msasim',
            wallBudgetSpent(opts.maxWall, {
              en: `a run at ${labels(overrides)}`,
              ko: `${labels(overrides)}의 실행`,
            }),
            savedTail(ctx),
          );
        if ('cancelled' in result) throw new InternalError('a sweep task was cancelled');
        const { summary, guard } = result;
        checkGuards(summary, guard, overrides, ctx);
        progress?.runDone();
        return summary;
      }),
    ),
  );
  const summaries: RunSummary[][] = await Promise.all(runs);
  const points = sweepPointsOf(index, gridValues(ctx.params, index), summaries);
  await writeFileAtomically(pointPath(ctx.outDir, index), pointText(plan, index, points));
  ctx.saved.count++;
  progress?.pointDone();
}

/** Throws a RunGuardError when a guard stopped the run (events, wall time, backlog, memory). */
function checkGuards(
  summary: RunSummary,
  guard: GuardText | undefined,
  overrides: ScenarioOverride[],
  ctx: RunContext,
): void {
  const text = stoppedBy(summary, ctx.opts.maxEvents, { reason: guard });
  if (text === undefined) return;
  const { variant, seed } = summary.scenario;
  throw guardError(
    {
      en: `a run at ${labels(overrides)}${variant ? `, variant ${variant}` : ''}, seed ${seed},`,
      ko: `${labels(overrides)}${variant ? `, 변형 ${variant}` : ''}, 시드 ${seed}의 실행`,
    },
    text,
    savedTail(ctx),
  );
}

/** The overrides of a grid point as its command line writes them. */
const labels = (overrides: ScenarioOverride[]): string => overrides.map((o) => o.label).join(' ');

/** What a stopped sweep leaves: the points saved so far. */
function savedTail(ctx: RunContext): Bilingual {
  const at = join(ctx.outDir, 'points');
  return {
    en: `The points finished so far are saved in ${at}: rerun with --resume to keep them.`,
    ko: `지금까지 끝난 포인트는 ${at}에 저장되어 있습니다: --resume으로 다시 실행하면 그대로 씁니다.`,
  };
}
