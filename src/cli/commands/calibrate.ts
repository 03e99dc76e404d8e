/**
 * `msasim calibrate <file>`: fits a service-time distribution to measured durations (a CSV
 * column, or the spans of one service in an OTLP/JSON trace) with every family of the scenario
 * language that fits (stats/fit.ts), ranked by BIC, and prints each as a scenario snippet with
 * its Kolmogorov–Smirnov D and Anderson–Darling A², the best one ready to paste. Its sentences
 * (and its input errors) in English or Korean (`--lang`, the catalogue's `cal.*`).
 */

import { isUtf8 } from 'node:buffer';
import type { Lang } from '../../report/i18n/lang.ts';
import { t } from '../../report/i18n/t.ts';
import { displayWidth, formatTable, padEndTo } from '../../report/text-table.ts';
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
  /** The language of its sentences (else English; main.ts passes --lang or the locale's). */
  lang?: Lang;
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
    throw new InputFileError(
      `${file}: cannot read it (${e.code ?? e.message})`,
      `${file}: 읽을 수 없습니다 (${e.code ?? e.message})`,
    );
  });
  // Excel's "CSV" on Korean Windows saves CP949: refused where it starts, not read as "��"
  // (isUtf8 is Node's own check; the scan that locates the byte runs only when it fails)
  const bad = isUtf8(bytes) ? undefined : notUtf8(bytes);
  if (bad !== undefined)
    throw new InputFileError(
      `${file}:${bad.line}:${bad.col}: it is not UTF-8 text (byte ${hexByte(bad.byte)} is not part of a UTF-8 character); save it as UTF-8 ("CSV UTF-8" in Excel)`,
      `${file}:${bad.line}:${bad.col}: UTF-8 텍스트가 아닙니다 (바이트 ${hexByte(bad.byte)}은(는) UTF-8 문자의 일부가 아닙니다). UTF-8로 저장하세요 (Excel에서는 "CSV UTF-8")`,
    );
  const text = bytes.toString('utf8');
  const json = /\.json$/i.test(file) || /^\s*\{/.test(text);
  const d = json
    ? durationsFromOtlp(text, file, opts.service, opts.span)
    : durationsFromCsv(text, file, opts.column, opts.unit);
  io.out(formatCalibration(d, opts.lang));
  return 0;
}

/** Below this many durations the printout warns that the ranking is fragile. */
export const FEW_DURATIONS = 30;

/** The calibration of some durations, as printed, in `lang`. @throws InputFileError for too few values. */
export function formatCalibration(d: Durations, lang: Lang = 'en'): string {
  if (d.values.length < 2)
    throw new InputFileError(
      `${d.from}: ${d.values.length} duration(s); at least 2 are needed to fit`,
      `${d.fromKo ?? d.from}: 시간이 ${d.values.length}개입니다; 맞추려면 2개 이상이 필요합니다`,
    );
  const s = summarizeSample(d.values);
  const skipped = d.skipped > 0 ? t(lang, 'cal.skipped', { n: d.skipped }) : '';
  const head =
    `${t(lang, 'cal.head', { n: s.n, from: lang === 'ko' ? (d.fromKo ?? d.from) : d.from, skipped })}\n` +
    `${t(lang, 'cal.stats', {
      mean: durationText(s.mean),
      sd: durationText(s.sd),
      min: durationText(s.min),
      p50: durationText(s.p50),
      p99: durationText(s.p99),
      max: durationText(s.max),
    })}\n`;
  const fits = fitDistributions(d.values);
  if (fits.length === 0) return `${head}\n${t(lang, 'cal.constant', { d: durationText(s.min) })}\n`;
  const rows = fits.map((f, i) => [
    `${i + 1}. ${f.family}`,
    f.ks.toFixed(4),
    f.ad < 1e4 ? f.ad.toFixed(2) : '≥ 10000',
    f.bic.toFixed(1),
    snippetOf(f),
  ]);
  // the distribution last and left-aligned (formatTable right-aligns every column but the first)
  const snippet = t(lang, 'cal.col.snippet');
  const width = Math.max(displayWidth(snippet), ...rows.map((r) => r[4].length));
  const table = formatTable(
    [t(lang, 'cal.col.family'), 'KS D', 'A²', 'BIC', padEndTo(snippet, width)],
    rows.map((r) => [...r.slice(0, 4), r[4].padEnd(width)]),
  )
    .split('\n')
    .map((l) => l.trimEnd())
    .join('\n');
  const zeros = s.min <= 0 ? `${t(lang, 'cal.zeros')}\n` : '';
  const few = s.n < FEW_DURATIONS ? `${t(lang, 'cal.few', { n: s.n, min: FEW_DURATIONS })}\n` : '';
  return (
    `${head}\n${table}\n\n${zeros}${few}` +
    `${t(lang, 'cal.best', { snippet: snippetOf(fits[0]) })}\n${t(lang, 'cal.method', { placeholder: `<${t(lang, 'cal.placeholder')}>` })}\n`
  );
}
