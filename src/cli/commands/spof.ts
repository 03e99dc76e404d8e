/**
 * `msasim spof <scenario>`: fails each shared component in turn — every database and cache,
 * and every service with two or more callers (`--all`: every component) — by giving the scenario
 * (one variant of it, its own faults left out) one crash fault, runs it with the same seed as
 * a baseline run without any fault, and prints the impact matrix (component × entry endpoint →
 * availability and worst p99 during the fault) with the components whose failure takes down the
 * most. Writes spof.json, spof.csv, spof.txt and spof.html atomically to reports/<name>-spof/ (or
 * --out, checked before the first run: see out-rules.ts). The plan (variant, window, faults,
 * files) is report/spof-plan.ts's and the analysis report/spof.ts's; this file loads, runs
 * under the guards, writes and prints.
 */
import { join, relative } from 'node:path';
import type { Lang } from '../../report/i18n/lang.ts';
import { t } from '../../report/i18n/t.ts';
import { planSpof, spofAnalysis, spofFiles } from '../../report/spof-plan.ts';
import type { LoadedScenario } from '../../scenario/load.ts';
import { RunGuardError, UsageError } from '../errors.ts';
import { type CliIo, writeDirectoryAtomically } from '../io.ts';
import { chosenLang } from '../lang.ts';
import { checkOut } from '../out-target.ts';
import { CommandBudget, type GuardLimits, guardedRun } from '../run-guard.ts';
import { loadWithWarnings, parseSeed } from '../run-variants.ts';
import { loadVegaAssets } from '../vega-assets.ts';
import { prepareWorkloadData, type ScenarioData } from '../workload-files.ts';

/** Options of `msasim spof`, with the guards' budgets. */
export interface SpofCommandOptions extends GuardLimits {
  variant?: string;
  mode: 'refuse' | 'hang';
  at?: number;
  for?: number;
  all?: boolean;
  seed?: string;
  duration?: number;
  out?: string;
  /** Accepted as by run, compare and sweep; spof draws no progress bars. */
  quiet?: boolean;
  /** The language of the table, its sentences and spof.html (else the locale's). */
  lang?: Lang;
}

export async function spofCommand(
  file: string,
  opts: SpofCommandOptions,
  io: CliIo,
): Promise<number> {
  const budget = new CommandBudget(opts.maxWall);
  const loaded = await loadWithWarnings(file, io);
  const files = await prepareWorkloadData(loaded);
  try {
    return await spofRuns(file, opts, io, budget, loaded, files);
  } finally {
    files.close();
  }
}

async function spofRuns(
  file: string,
  opts: SpofCommandOptions,
  io: CliIo,
  budget: CommandBudget,
  loaded: LoadedScenario,
  replayed: ScenarioData,
): Promise<number> {
  const plan = planSpof({
    name: loaded.name,
    variants: loaded.variants,
    variant: opts.variant,
    durationMs: opts.duration,
    atMs: opts.at,
    forMs: opts.for,
    seed: parseSeed(opts.seed),
  });
  if ('usage' in plan) throw new UsageError(plan.usage, { ko: plan.usageKo });
  const target = await checkOut(opts.out ?? join('reports', `${loaded.name}-spof`), 'spof', {
    keep: [{ path: file, what: 'the scenario file' }],
  });
  const started = performance.now();
  const about = {
    name: loaded.name,
    description: loaded.description,
    file: relative(process.cwd(), file),
  };
  const lang = chosenLang(opts.lang, io);
  const made = await spofAnalysis(
    plan,
    { about, mode: opts.mode, all: opts.all, hint: t(lang, 'spof.hint.cli'), lang },
    replayed,
    (s, options, words) => guardedRun(s, options, opts, budget, words),
  );
  if ('stopped' in made) throw new RunGuardError(made.stopped, { ko: made.stoppedKo });
  if ('nothing' in made) {
    io.out(`${made.nothing}\n`);
    return 0;
  }
  const { data, text, runs } = made;
  const files = spofFiles(data, text, await loadVegaAssets(), lang);
  const warnings = await writeDirectoryAtomically(target, files);
  for (const w of warnings) io.err(`${lang === 'ko' ? '참고' : 'note'}: ${w}\n`);
  io.out(text);
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  const wrote = { files: [...files.keys()].join(', '), out: target.given };
  io.err(`${t(lang, 'spof.ran', { runs, failures: runs - 1, seconds, ...wrote })}\n`);
  return 0;
}
