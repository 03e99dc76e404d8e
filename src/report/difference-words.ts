/**
 * A variant's difference from the baseline on a key metric as one sentence, in English (what
 * `MetricDifference.sentence` holds, so results.json has one language) or in the page's and
 * console's language (`sentenceIn`). Kept apart from estimates.ts so that the views (and the
 * playground's page, through highlights-text.ts) need not load the report features.
 */
import { CONFIDENCE_LEVEL, type PairedDifference } from '../stats/index.ts';
import { changeWords } from './change-words.ts';
import { formatInUnit, formatNumber } from './html/format.ts';
import type { Lang } from './i18n/lang.ts';
import { t, term } from './i18n/t.ts';
import type { KeyMetric, MetricDifference, MetricUnit } from './key-metrics.ts';

/**
 * An absolute value (or difference) in its unit, written as the values themselves are (about
 * three significant digits, thousands separated: "30,539 ms", "120", "1.80 MB"); ratios in
 * percentage points.
 */
function formatValue(x: number, unit: MetricUnit): string {
  if (unit === 'ratio') return `${formatNumber(x * 100, 1)} pp`;
  return formatInUnit(x, unit);
}

/** Whether a figure's text reads as zero ("0.00 ms", "0.0 pp", "0/s"). */
const readsZero = (text: string): boolean => !/[1-9]/.test(text);

/** Smaller units of a duration in ms, for differences too small for "0.00 ms". */
const SMALL_TIME: [factor: number, unit: string][] = [
  [1e3, 'µs'],
  [1e6, 'ns'],
];

/**
 * Signed absolute differences in their unit, written together (a change and its bounds):
 * "+1.20 ms", "−0.4 pp", "+120", as values are. Differences too small for those digits (the
 * largest would read "0.00 ms") get two significant digits of the largest, durations in µs or
 * ns ("+2.2 µs, [+1.6 µs, +2.9 µs]", not "+0.00 ms, [+0.00 ms, +0.00 ms]"); only exactly 0
 * reads as zero, unsigned.
 */
export function signedDifferences(xs: readonly number[], unit: MetricUnit): string[] {
  const sign = (x: number, text: string) =>
    readsZero(text) ? text : `${x > 0 ? '+' : '−'}${text}`;
  const largest = Math.max(...xs.map(Math.abs));
  if (!readsZero(formatValue(largest, unit)) || !(largest > 0) || unit === 'bytes')
    return xs.map((x) => sign(x, formatValue(Math.abs(x), unit)));
  let [factor, suffix] = unit === 'ratio' ? [100, ' pp'] : unit === 'per-sec' ? [1, '/s'] : [1, ''];
  if (unit === 'ms') {
    [factor, suffix] = [1, ' ms'];
    for (const [f, u] of SMALL_TIME) if (largest * factor < 0.01) [factor, suffix] = [f, ` ${u}`];
  }
  const decimals = Math.min(12, Math.max(0, 1 - Math.floor(Math.log10(largest * factor))));
  return xs.map((x) => sign(x, `${formatNumber(Math.abs(x) * factor, decimals)}${suffix}`));
}

/**
 * A difference in words in `lang` (English is what `MetricDifference.sentence` holds, so
 * results.json stays one language): "join: p99 −63.1 % vs n+1, 95 % CI [−66.0 %, −60.2 %]".
 */
export function differenceSentence(
  variant: string,
  baseline: string,
  k: KeyMetric,
  d: PairedDifference,
  baselineMean: number,
  lang: Lang = 'en',
): string {
  const level = `${Math.round(CONFIDENCE_LEVEL * 100)} %`;
  const label = term(lang, k.label);
  const { diff } = d;
  if (diff.mean === 0 && diff.sd === 0)
    return t(lang, diff.n < 2 ? 'diff.same' : 'diff.identical', { variant, label, baseline });
  // percentage points for shares, percent or a ratio (×71, ÷3.2) for the rest: change-words.ts
  const words = changeWords(k.unit, d, baselineMean);
  // one replication: no interval; the views say so once, not in every sentence
  if (d.significant === null) {
    const change = words?.change ?? signedDifferences([diff.mean], k.unit)[0];
    return t(lang, 'diff.oneReplication', { variant, label, change, baseline });
  }
  const [change, lo, hi] = words?.bounds
    ? [words.change, ...words.bounds]
    : signedDifferences([diff.mean, diff.lo as number, diff.hi as number], k.unit);
  const bounds = `[${lo}, ${hi}]`;
  const key = d.significant ? 'diff.interval' : 'diff.interval.ns';
  return t(lang, key, { variant, label, change, baseline, level, bounds });
}

/** The sentence of difference `m` of `variant` from `baseline` in `lang` (see differenceSentence). */
export function sentenceIn(
  lang: Lang,
  m: MetricDifference,
  variant: string,
  baseline: string,
): string {
  if (lang === 'en') return m.sentence;
  return differenceSentence(variant, baseline, m, m.difference, m.baseline.mean, lang);
}
