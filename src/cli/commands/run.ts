/**
 * `msasim run <scenario>`: load → run every variant → print the summary → write the report
 * files under reports/<name>/ (or --out). Guards stop runaway runs (events, wall time).
 * --watch runs it again on every save (cli/watch.ts).
 */

import { fitConsole } from '../../report/console-width.ts';
import { t } from '../../report/i18n/t.ts';
import { formatSummary } from '../../report/table.ts';
import { SLO_FAILED_EXIT } from '../errors.ts';
import type { CliIo } from '../io.ts';
import { formatRunAccount } from '../run-account.ts';
import { type RunVariantsOptions, runAndReport } from '../run-variants.ts';

/** Options of `msasim run`. */
export interface RunCommandOptions extends RunVariantsOptions {
  format: 'table' | 'json';
  /** Exit with SLO_FAILED_EXIT when an SLO is missed. */
  check?: boolean;
  /** Print tables at their full width (default: fitted to 100 columns, report/console-width.ts). */
  wide?: boolean;
  /** Rerun on every save of the scenario or its lesson until Ctrl-C (cli/watch.ts). */
  watch?: boolean;
  /** With --watch: prints a run's error as the command line does and returns its exit code. */
  onError?: (e: unknown) => number;
}

/** Runs a scenario file and writes its report (again on every save with --watch); the exit code. */
export async function runCommand(
  file: string,
  opts: RunCommandOptions,
  io: CliIo,
): Promise<number> {
  if (!opts.watch) return runOnce(file, opts, io);
  const { watchAndRerun } = await import('../watch.ts');
  const onError = opts.onError;
  if (onError === undefined) throw new Error('--watch needs an error handler');
  return watchAndRerun(
    file,
    () => runOnce(file, opts, io).catch((e: unknown) => onError(e)),
    io,
    opts.lang,
  );
}

/** One run of `file` with its report written; the exit code. */
async function runOnce(file: string, opts: RunCommandOptions, io: CliIo): Promise<number> {
  const { runs, report } = await runAndReport(file, opts, io);
  const lang = opts.lang ?? 'en';
  if (opts.format === 'json') io.out(report.files.get('summary.json') as string);
  else {
    const text = formatSummary(runs.analysis, undefined, lang);
    io.out(opts.wide ? text : fitConsole(text));
  }
  io.err(formatRunAccount(runs, report, lang));
  if (!opts.check) return 0;
  const slos = runs.analysis.variants.flatMap((v) => v.slos);
  const missed = slos.filter((s) => !s.pass);
  if (slos.length === 0) {
    io.err(`${t(lang, 'check.none')}\n`);
    return 0;
  }
  if (missed.length === 0) {
    io.err(`${t(lang, 'check.met', { n: slos.length })}\n`);
    return 0;
  }
  io.err(
    `${t(lang, 'check.missed', { missed: missed.length, n: slos.length, exit: SLO_FAILED_EXIT })}\n`,
  );
  return SLO_FAILED_EXIT;
}
