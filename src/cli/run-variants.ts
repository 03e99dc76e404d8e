/**
 * What `msasim run` and `msasim compare` share: load a scenario file, run every variant with
 * the same seed under the runaway guards (events, wall time), and write the report files
 * atomically under reports/<name>/ (or --out). Printing is left to each command.
 */

import { readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { RunResult, RunSummary } from '../metrics/summary.ts';
import { replicationSeed, runScenario } from '../model/run.ts';
import { buildReportHtml } from '../report/html/page.ts';
import { buildOutputs, type OutputFiles, type ScenarioResults } from '../report/outputs.ts';
import { buildReportData, type ReportData } from '../report/report-data.ts';
import { replicationsOf } from '../report/results.ts';
import { formatIssues } from '../scenario/format.ts';
import { loadScenario } from '../scenario/load.ts';
import type { Scenario } from '../scenario/types.ts';
import { RunGuardError, UsageError } from './errors.ts';
import { type CliIo, writeDirectoryAtomically } from './io.ts';
import { createRunProgress } from './progress.ts';
import { loadVegaAssets } from './vega-assets.ts';

export { replicationSeed } from '../model/run.ts';

/** Options of a run of every variant (`run` and `compare`). */
export interface RunVariantsOptions {
  /** Overrides the scenario's seed; a whole number is read as a number. */
  seed?: string;
  /** Overrides the scenario's duration, ms. */
  duration?: number;
  /** Event budget of each run. */
  maxEvents: number;
  /** Wall-time budget of each run, ms. */
  maxWall: number;
  /** Independent replications of each variant (default 1). */
  replications?: number;
  /** No progress bars (they are drawn only on a terminal anyway). */
  quiet?: boolean;
}

/** The results of every variant and the wall time they took. */
export interface VariantRuns {
  results: ScenarioResults;
  wallMs: number;
}

/**
 * Loads `file` (printing its warnings) and runs every variant in order. Throws ScenarioError
 * for a bad scenario, UsageError for a --duration not longer than the warm-up, and
 * RunGuardError when a run exceeds a budget (before anything is written).
 */
export async function runVariants(
  file: string,
  opts: RunVariantsOptions,
  io: CliIo,
): Promise<VariantRuns> {
  const loaded = await loadScenario(file);
  if (loaded.warnings.length > 0) io.err(`${formatIssues(loaded.warnings)}\n`);
  const seedOverride = parseSeed(opts.seed);
  const replications = opts.replications ?? 1;
  const runs: RunResult[] = [];
  const summaries: RunSummary[][] = [];
  const started = performance.now();
  const progress = createRunProgress(opts.quiet);
  for (const base of loaded.variants) {
    const scenario = opts.duration === undefined ? base : { ...base, durationMs: opts.duration };
    if (scenario.warmupMs >= scenario.durationMs) {
      throw new UsageError(
        `--duration ${opts.duration} ms is not longer than the scenario's warm-up (${scenario.warmupMs} ms).`,
      );
    }
    const seed = seedOverride ?? scenario.seed;
    const mine: RunSummary[] = [];
    const bar = progress?.variant(
      scenario.variant ?? scenario.name,
      scenario.durationMs * replications,
      replications,
    );
    try {
      for (let r = 1; r <= replications; r++) {
        const t0 = performance.now();
        const doneMs = (r - 1) * scenario.durationMs;
        const result = await runScenario(scenario, {
          seed: replicationSeed(seed, r),
          maxEvents: opts.maxEvents,
          onCheckpoint: (sim) => {
            const wallMs = performance.now() - t0;
            bar?.update(doneMs + sim.now, sim.eventsProcessed / (wallMs / 1000), r);
            return wallMs < opts.maxWall;
          },
        });
        checkGuards(scenario, result, opts);
        const wallS = (performance.now() - t0) / 1000;
        bar?.update(r * scenario.durationMs, result.summary.run.events / wallS, r);
        if (r === 1) runs.push(result);
        mine.push(result.summary);
      }
    } finally {
      bar?.stop();
    }
    summaries.push(mine);
  }
  const results: ScenarioResults = {
    name: loaded.name,
    description: loaded.description,
    file: relative(process.cwd(), file),
    runs,
    lesson: await readLesson(file),
  };
  if (replications > 1) results.replications = summaries;
  return { results, wallMs: performance.now() - started };
}

/** The lesson beside a scenario file (`x.yaml` → `x.md`), or null when there is none. */
async function readLesson(file: string): Promise<string | null> {
  const lesson = file.replace(/\.(ya?ml|json)$/i, '.md');
  if (lesson === file) return null;
  try {
    return await readFile(lesson, 'utf8');
  } catch {
    return null;
  }
}
/** A --seed value: a whole number as a number, anything else as a string seed. */
export function parseSeed(seed: string | undefined): number | string | undefined {
  if (seed === undefined) return undefined;
  return /^-?\d+$/.test(seed) ? Number(seed) : seed;
}

/** Throws a RunGuardError when `result` stopped on its event or wall-time budget. */
function checkGuards(scenario: Scenario, result: RunResult, opts: RunVariantsOptions): void {
  const stop = result.summary.run.stopReason;
  if (stop !== 'budget' && stop !== 'stopped') return;
  const what =
    stop === 'budget'
      ? `its event budget of ${opts.maxEvents} events`
      : `its wall-time budget of ${opts.maxWall / 1000} s`;
  throw new RunGuardError(
    `run of "${scenario.name}"${scenario.variant ? ` (variant ${scenario.variant})` : ''} stopped: it exceeded ${what} ` +
      `at simulated time ${(result.summary.run.simulatedMs / 1000).toFixed(3)} s of ${scenario.durationMs / 1000} s.\n` +
      '  → shorten the duration, lower the load, or raise --max-events / --max-wall. Nothing was written.',
  );
}

/** The report files of `runs`, written atomically to `out` (default reports/<name>/). */
export async function writeReport(
  runs: VariantRuns,
  out: string | undefined,
): Promise<{ files: OutputFiles; outDir: string }> {
  const files = buildOutputs(runs.results);
  // index.html is built from the very results.json text that `msasim report` reads back, so a
  // rebuilt page is byte-identical to this one
  const json = files.get('results.json');
  const data =
    json === undefined ? buildReportData(runs.results) : (JSON.parse(json) as ReportData);
  files.set('index.html', buildReportHtml(data, await loadVegaAssets()));
  const outDir = out ?? join('reports', runs.results.name);
  await writeDirectoryAtomically(outDir, files);
  return { files, outDir };
}

/** The one-line account printed on stderr after a run: requests, events, wall time, files. */
export function formatRunAccount(
  runs: VariantRuns,
  report: { files: OutputFiles; outDir: string },
): string {
  const all = replicationsOf(runs.results).flat();
  const requests = all.reduce((a, s) => a + s.run.requests, 0);
  const events = all.reduce((a, s) => a + s.run.events, 0);
  return (
    `simulated ${requests} requests (${events} events) in ${(runs.wallMs / 1000).toFixed(2)} s wall; ` +
    `wrote ${[...report.files.keys()].join(', ')} to ${report.outDir}\n`
  );
}
