/**
 * `msasim calibrate <file>`: fits a service-time distribution to measured durations (a CSV
 * column, or the spans of one service in an OTLP/JSON trace) with every family of the scenario
 * language that fits (stats/fit.ts), ranked by BIC, and prints each as a scenario snippet with
 * its Kolmogorov–Smirnov D and Anderson–Darling A², the best one ready to paste.
 */

import { isUtf8 } from 'node:buffer';
import { formatTable } from '../../report/text-table.ts';
import { hexByte, notUtf8 } from '../../scenario/utf8.ts';
import { fitDistributions, summarizeSample } from '../../stats/fit.ts';
import {
  type Durations,
  durationsFromCsv,
  durationsFromOtlp,
  durationText,
  InputFileError,
  snippetOf,
  type Unit,
} from '../calibrate-input.ts';
import type { CliIo } from '../io.ts';
import { readRegularBytes } from '../safe-read.ts';

/** Options of `msasim calibrate`. */
export interface CalibrateOptions {
  column?: string;
  unit: Unit;
  service?: string;
  span?: string;
}

/** The largest file calibrate reads. */
const MAX_BYTES = 512 * 1024 * 1024;

/** Reads, fits and prints; returns the exit code. @throws InputFileError for a bad file. */
export async function calibrateCommand(
  file: string,
  opts: CalibrateOptions,
  io: CliIo,
): Promise<number> {
  const bytes = await readRegularBytes(file, MAX_BYTES, true).catch((e: NodeJS.ErrnoException) => {
    throw new InputFileError(`${file}: cannot read it (${e.code ?? e.message})`);
  });
  // Excel's "CSV" on Korean Windows saves CP949: refused where it starts, not read as "��"
  // (isUtf8 is Node's own check; the scan that locates the byte runs only when it fails)
  const bad = isUtf8(bytes) ? undefined : notUtf8(bytes);
  if (bad !== undefined)
    throw new InputFileError(
      `${file}:${bad.line}:${bad.col}: it is not UTF-8 text (byte ${hexByte(bad.byte)} is not part of a UTF-8 character); save it as UTF-8 ("CSV UTF-8" in Excel)`,
    );
  const text = bytes.toString('utf8');
  const json = /\.json$/i.test(file) || /^\s*\{/.test(text);
  const d = json
    ? durationsFromOtlp(text, file, opts.service, opts.span)
    : durationsFromCsv(text, file, opts.column, opts.unit);
  io.out(formatCalibration(d));
  return 0;
}

/** Below this many durations the printout warns that the ranking is fragile. */
export const FEW_DURATIONS = 30;

/** The calibration of some durations, as printed. @throws InputFileError for too few values. */
export function formatCalibration(d: Durations): string {
  if (d.values.length < 2)
    throw new InputFileError(
      `${d.from}: ${d.values.length} duration(s); at least 2 are needed to fit`,
    );
  const s = summarizeSample(d.values);
  const skipped = d.skipped > 0 ? ` (${d.skipped} empty cells skipped)` : '';
  const head =
    `${s.n} durations from ${d.from}${skipped}\n` +
    `mean ${durationText(s.mean)} · sd ${durationText(s.sd)} · min ${durationText(s.min)} · ` +
    `p50 ${durationText(s.p50)} · p99 ${durationText(s.p99)} · max ${durationText(s.max)}\n`;
  const fits = fitDistributions(d.values);
  if (fits.length === 0)
    return `${head}\nevery duration is ${durationText(s.min)}: use it as a constant (cpu: ${durationText(s.min)})\n`;
  const rows = fits.map((f, i) => [
    `${i + 1}. ${f.family}`,
    f.ks.toFixed(4),
    f.ad < 1e4 ? f.ad.toFixed(2) : '≥ 10000',
    f.bic.toFixed(1),
    snippetOf(f),
  ]);
  // the distribution last and left-aligned (formatTable right-aligns every column but the first)
  const width = Math.max(...rows.map((r) => r[4].length));
  const table = formatTable(
    ['family', 'KS D', 'A²', 'BIC', 'scenario distribution'.padEnd(width)],
    rows.map((r) => [...r.slice(0, 4), r[4].padEnd(width)]),
  )
    .split('\n')
    .map((l) => l.trimEnd())
    .join('\n');
  const zeros =
    s.min <= 0
      ? `Some durations are 0: the lognormal, gamma/erlang and pareto families need positive values and were not fitted.\n`
      : '';
  const few =
    s.n < FEW_DURATIONS
      ? `Only ${s.n} durations: with fewer than ${FEW_DURATIONS} the ranking is fragile (a uniform between the smallest and the largest value is likely by construction); weigh A² and KS D too, or measure more.\n`
      : '';
  return (
    `${head}\n${table}\n\n${zeros}${few}` +
    `best: ${snippetOf(fits[0])}\n` +
    'Fitted by maximum likelihood, ranked by BIC (lower is better); KS D and A² (Anderson–Darling) measure\n' +
    "the gap to the data (lower is better; A² weighs the tails). Paste the distribution as a step's\n" +
    'time, e.g. `cpu: <distribution>` or `sleep: <distribution>`.\n'
  );
}
