/**
 * `msasim run <scenario>`: load → run every variant → print the summary → write the report
 * files under reports/<name>/ (or --out). Guards stop runaway runs (events, wall time).
 */
import { formatSummary } from '../../report/table.ts';
import type { CliIo } from '../io.ts';
import {
  formatRunAccount,
  type RunVariantsOptions,
  runVariants,
  writeReport,
} from '../run-variants.ts';

/** Options of `msasim run`. */
export interface RunCommandOptions extends RunVariantsOptions {
  out?: string;
  format: 'table' | 'json';
}

/** Runs a scenario file and writes its report; returns the exit code. */
export async function runCommand(
  file: string,
  opts: RunCommandOptions,
  io: CliIo,
): Promise<number> {
  const runs = await runVariants(file, opts, io);
  const report = await writeReport(runs, opts.out);
  if (opts.format === 'json') io.out(report.files.get('summary.json') as string);
  else io.out(formatSummary(runs.results));
  io.err(formatRunAccount(runs, report));
  return 0;
}
