/**
 * `msasim run <scenario>`: load → run every variant → print the summary → write the report
 * files under reports/<name>/ (or --out). Guards stop runaway runs (events, wall time).
 */
import { join, relative } from 'node:path';
import type { RunResult } from '../../metrics/summary.ts';
import { runScenario } from '../../model/run.ts';
import { buildOutputs } from '../../report/outputs.ts';
import { formatSummary } from '../../report/table.ts';
import { formatIssues } from '../../scenario/format.ts';
import { loadScenario } from '../../scenario/load.ts';
import { RunGuardError, UsageError } from '../errors.ts';
import { type CliIo, writeDirectoryAtomically } from '../io.ts';

/** Options of `msasim run`. */
export interface RunCommandOptions {
  seed?: string;
  /** Overrides the scenario's duration, ms. */
  duration?: number;
  out?: string;
  format: 'table' | 'json';
  /** Event budget of each run. */
  maxEvents: number;
  /** Wall-time budget of each run, ms. */
  maxWall: number;
}

/** Runs a scenario file and writes its report; returns the exit code. */
export async function runCommand(
  file: string,
  opts: RunCommandOptions,
  io: CliIo,
): Promise<number> {
  const loaded = await loadScenario(file);
  if (loaded.warnings.length > 0) io.err(`${formatIssues(loaded.warnings)}\n`);
  const maxEvents = opts.maxEvents;
  const maxWallMs = opts.maxWall;
  const runs: RunResult[] = [];
  const started = performance.now();
  for (const base of loaded.variants) {
    const scenario = opts.duration === undefined ? base : { ...base, durationMs: opts.duration };
    if (scenario.warmupMs >= scenario.durationMs) {
      throw new UsageError(
        `--duration ${opts.duration} ms is not longer than the scenario's warm-up (${scenario.warmupMs} ms).`,
      );
    }
    const seed =
      opts.seed === undefined
        ? undefined
        : /^-?\d+$/.test(opts.seed)
          ? Number(opts.seed)
          : opts.seed;
    const t0 = performance.now();
    const result = await runScenario(scenario, {
      seed,
      maxEvents,
      onCheckpoint: () => performance.now() - t0 < maxWallMs,
    });
    const stop = result.summary.run.stopReason;
    if (stop === 'budget' || stop === 'stopped') {
      const what =
        stop === 'budget'
          ? `its event budget of ${maxEvents} events`
          : `its wall-time budget of ${opts.maxWall / 1000} s`;
      throw new RunGuardError(
        `run of "${scenario.name}"${scenario.variant ? ` (variant ${scenario.variant})` : ''} stopped: it exceeded ${what} ` +
          `at simulated time ${(result.summary.run.simulatedMs / 1000).toFixed(3)} s of ${scenario.durationMs / 1000} s.\n` +
          '  → shorten the duration, lower the load, or raise --max-events / --max-wall. Nothing was written.',
      );
    }
    runs.push(result);
  }
  const wallS = (performance.now() - started) / 1000;
  const results = {
    name: loaded.name,
    description: loaded.description,
    file: relative(process.cwd(), file),
    runs,
  };
  const files = buildOutputs(results);
  const outDir = opts.out ?? join('reports', loaded.name);
  await writeDirectoryAtomically(outDir, files);
  if (opts.format === 'json') io.out(files.get('summary.json') as string);
  else io.out(formatSummary(results));
  const requests = runs.reduce((a, r) => a + r.summary.run.requests, 0);
  const events = runs.reduce((a, r) => a + r.summary.run.events, 0);
  io.err(
    `simulated ${requests} requests (${events} events) in ${wallS.toFixed(2)} s wall; ` +
      `wrote ${[...files.keys()].join(', ')} to ${outDir}\n`,
  );
  return 0;
}
