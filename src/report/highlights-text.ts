/**
 * The highlights in words, shared by the console and the page: each variant's value (mean and
 * 95 % half-width) and its difference from the baseline (the first variant), and the header
 * that says once how many replications there were and where the highlights come from.
 */

import { resolutionMs } from '../metrics/histogram-buckets.ts';
import { CONFIDENCE_LEVEL } from '../stats/index.ts';
import type { Analysis } from './analysis.ts';
import { sentenceIn } from './difference-words.ts';
import { type Highlight, type Highlights, highlightName } from './highlights.ts';
import { formatInUnit, formatNumber } from './html/format.ts';
import type { Lang } from './i18n/lang.ts';
import { t, term } from './i18n/t.ts';
import {
  type MetricDifference,
  type MetricEstimate,
  type VariantComparison,
  verdictOf,
} from './key-metrics.ts';
import { precisionSentence } from './precision.ts';
import { displayWidth, padEndTo } from './text-table.ts';

/** One variant's figure of a highlight. */
export interface HighlightCell {
  variant: string;
  /** null when the variant does not measure it. */
  estimate: MetricEstimate | null;
  /** null for the baseline (and where the comparison has no such metric). */
  difference: MetricDifference | null;
}

/** Each variant's figure of highlight `h`. */
export function highlightCells(
  h: Highlight,
  variants: readonly { name: string; estimates: readonly MetricEstimate[] }[],
  comparisons: readonly VariantComparison[],
): HighlightCell[] {
  return variants.map((v, i) => ({
    variant: v.name,
    estimate: v.estimates.find((e) => e.key === h.key) ?? null,
    difference: i === 0 ? null : (comparisons[i - 1]?.metrics.find((m) => m.key === h.key) ?? null),
  }));
}

/**
 * How highlight `h` is named in `lang`: its key metric's label in that language after its item
 * ("customers/profile 가용성"); in English its own name.
 */
export function highlightTitle(
  h: Highlight,
  variants: readonly { estimates: readonly MetricEstimate[] }[],
  lang: Lang,
): string {
  if (lang === 'en') return h.name;
  const e = variants.flatMap((v) => v.estimates).find((x) => x.key === h.key);
  return e === undefined
    ? term(lang, h.name)
    : highlightName({ id: e.id, label: term(lang, e.label) });
}

/**
 * Whether a key metric is a percentile of a latency histogram (p50Ms, p99Ms, stalenessP99Ms,
 * pendingTimeP99Ms …: every such metric is named so), measured to its bucket's width.
 */
export const isHistogramPercentile = (metric: string): boolean => /(?:^p|P)\d+Ms$/.test(metric);

/** `ms` rounded up to three decimals below 10 ms, to one above: "0.256 ms", "16.4 ms". */
function msAtLeast(ms: number): string {
  const decimals = ms < 10 ? 3 : 1;
  const f = 10 ** decimals;
  return `${formatNumber(Math.ceil(ms * f - 1e-9) / f, decimals)} ms`;
}

/**
 * The half-width of an estimate in words, "± 0.40 ms", or null without an interval. The
 * half-width of a histogram's percentile narrower than the histogram measures there (a bucket:
 * metrics/histogram-buckets.ts `resolutionMs`; replications in one bucket give 0) reads "± <0.256 ms"
 * when the bucket is wider than the half-width's last digit can say, never "± 0.00 ms".
 */
export function halfWidthText(e: MetricEstimate): string | null {
  const hw = e.estimate.halfWidth;
  if (hw === null) return null;
  const shown = formatInUnit(hw, e.unit);
  if (e.unit === 'ms' && isHistogramPercentile(e.metric)) {
    // the last digit shown: "0.00 ms" claims a half-width below 0.005 ms
    const step = 10 ** -(/\.(\d+)/.exec(shown)?.[1].length ?? 0);
    const resolution = resolutionMs(e.estimate.mean);
    if (hw < resolution && resolution > step / 2) return `± <${msAtLeast(resolution)}`;
  }
  return `± ${shown}`;
}

/**
 * The value of an estimate: "12.3 ms ± 0.40 ms" (halfWidthText), or the mean alone without an
 * interval.
 */
export function valueText(e: MetricEstimate | null, lang: Lang = 'en'): string {
  if (e === null) return t(lang, 'hl.notMeasured');
  // a count that is whole in every replication prints as a whole number
  const whole = e.unit === 'count' && e.values.every(Number.isInteger);
  const mean = whole ? formatNumber(e.estimate.mean, 0) : formatInUnit(e.estimate.mean, e.unit);
  const hw = halfWidthText(e);
  return hw === null ? mean : `${mean} ${hw}`;
}

/** The difference from the baseline in words, without the variant and label ("−63.1 % vs join …"). */
export function differenceText(
  d: MetricDifference | null,
  variant: string,
  lang: Lang = 'en',
  baseline = '',
): string {
  if (d === null) return '';
  const sentence = sentenceIn(lang, d, variant, baseline);
  const label = term(lang, d.label);
  // "variant: label " in English, "variant: label — " in Korean (ko.ts 'diff.*')
  const prefix = lang === 'en' ? `${variant}: ${label} ` : `${variant}: ${label} — `;
  const text = sentence.startsWith(prefix) ? sentence.slice(prefix.length) : sentence;
  const v = verdictOf(d);
  const verdict =
    v === 'better' || v === 'worse'
      ? ` — ${t(lang, v === 'better' ? 'verdict.better' : 'verdict.worse')}`
      : '';
  return `${text}${verdict}`;
}

/**
 * How many replications, once (`variants`: how many the run has): with one, that there are no
 * intervals and how to get them.
 */
export function replicationsText(n: number, variants: number, lang: Lang = 'en'): string {
  const level = `${Math.round(CONFIDENCE_LEVEL * 100)} %`;
  if (n < 2) return t(lang, variants > 1 ? 'hl.oneReplication.variants' : 'hl.oneReplication');
  return t(lang, variants > 1 ? 'hl.mean.paired' : 'hl.mean', { n, level });
}

/** Where the highlights come from, in words (`variants`: how many the run has). */
export function sourceText(h: Highlights, variants: number, lang: Lang = 'en'): string {
  if (h.source === 'scenario') return t(lang, 'hl.source.scenario');
  return t(lang, variants > 1 ? 'hl.source.variants' : 'hl.source.single');
}

/** The same as a sentence of the page, capitalised and ended. */
export function sourceSentence(h: Highlights, variants: number, lang: Lang = 'en'): string {
  if (h.source === 'scenario') return t(lang, 'hl.pageSource.scenario');
  return t(lang, variants > 1 ? 'hl.pageSource.variants' : 'hl.pageSource.single');
}

/** The warm-up warnings of the highlights, one line each. */
export function warmupLines(h: Highlights, lang: Lang = 'en'): string[] {
  return h.warmup.map((w) =>
    t(lang, 'hl.warmup', {
      variant: w.variant,
      highlight: w.highlight,
      suggested: w.suggestedS,
      warmup: w.warmupS,
    }),
  );
}

/**
 * The console's first section: each highlight with every variant's value and its difference
 * from the baseline, the replications said once, the run notes and warm-up warnings.
 */
export function formatHighlights(a: Analysis, lang: Lang = 'en'): string {
  const h = a.highlights;
  if (h.items.length === 0) return '';
  const n = a.variants[0].replications.length;
  const names = a.variants.map((v) => v.name);
  const width = Math.max(...names.map(displayWidth));
  const lines = [
    t(lang, 'hl.consoleTitle', { source: sourceText(h, a.variants.length, lang) }),
    `  ${replicationsText(n, a.variants.length, lang)}`,
  ];
  const notes = a.results.notes;
  if (notes?.precision !== undefined)
    lines.push(`  ${precisionSentence({ ...notes.precision, replications: n }, lang)}`);
  if (notes?.warmupAutoMs !== undefined)
    lines.push(`  ${t(lang, 'hl.warmupAuto.console', { s: notes.warmupAutoMs / 1000 })}`);
  for (const item of h.items) {
    lines.push(highlightTitle(item, a.variants, lang));
    const cells = highlightCells(item, a.variants, a.comparisons);
    const values = cells.map((c) => valueText(c.estimate, lang));
    const valueWidth = Math.max(...values.map((x) => x.length));
    cells.forEach((c, i) => {
      const diff = differenceText(c.difference, c.variant, lang, names[0]);
      const row = `  ${padEndTo(c.variant, width)}  ${values[i].padStart(valueWidth)}`;
      lines.push(diff === '' ? row : `${row}   ${diff}`);
    });
  }
  for (const w of warmupLines(h, lang)) lines.push(`⚠ ${w}`);
  return lines.join('\n');
}
