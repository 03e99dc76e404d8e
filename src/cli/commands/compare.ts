/**
 * `msasim compare <scenario>`: run every variant with the same seed (as `run` does), write the
 * same report files (compare.csv and compare.json among them when there are variants), and
 * print the highlights and the comparison table under a one-line header naming the scenario and
 * the seed (fitted to 100 columns unless `--wide`), or with `--format json` compare.json.
 */

import { fitConsole } from '../../report/console-width.ts';
import { compareJson } from '../../report/features/comparison/compare.ts';
import { formatHighlights } from '../../report/highlights-text.ts';
import { t } from '../../report/i18n/t.ts';
import { formatComparison, formatReplications } from '../../report/table.ts';
import type { CliIo } from '../io.ts';
import { formatRunAccount } from '../run-account.ts';
import { type RunVariantsOptions, runAndReport } from '../run-variants.ts';

/** Options of `msasim compare` (those of run without --check). */
export interface CompareCommandOptions extends RunVariantsOptions {
  /** `json`: print compare.json (the rows of every variant) instead of the table. */
  format?: 'table' | 'json';
  /** Print tables at their full width (default: fitted to 100 columns). */
  wide?: boolean;
}

/** Runs every variant of a scenario file, writes its report and prints the comparison. */
export async function compareCommand(
  file: string,
  opts: CompareCommandOptions,
  io: CliIo,
): Promise<number> {
  const { runs, report } = await runAndReport(file, opts, io);
  const lang = opts.lang ?? 'en';
  if (opts.format === 'json') {
    io.out(compareJson(runs.results));
    io.err(formatRunAccount(runs, report, lang));
    return 0;
  }
  const { name, file: path } = runs.results;
  const summaries = runs.results.runs.map((r) => r.summary);
  const seeds = [...new Set(summaries.map((s) => String(s.scenario.seed)))];
  const hasVariants = summaries[0].scenario.variant !== null;
  const seed = seeds.join(', ');
  const header = hasVariants
    ? t(lang, 'compare.header', { name, path, n: summaries.length, seed })
    : t(lang, 'compare.header.none', { name, path, seed });
  const note = hasVariants ? '' : `\n${t(lang, 'compare.noVariants', { name })}\n`;
  const replicated = formatReplications(runs.analysis, undefined, lang);
  const estimates = replicated === '' ? '' : `\n${replicated}\n`;
  const first = formatHighlights(runs.analysis, lang);
  const highlights = first === '' ? '' : `${first}\n\n`;
  const text = `${header}\n\n${highlights}${formatComparison(runs.results, lang)}\n${estimates}${note}`;
  io.out(opts.wide ? text : fitConsole(text));
  io.err(formatRunAccount(runs, report, lang));
  return 0;
}
