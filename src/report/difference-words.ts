/**
 * A variant's difference from the baseline on a key metric as one sentence, in English (what
 * `MetricDifference.sentence` holds, so results.json has one language) or in the page's and
 * console's language (`sentenceIn`). Kept apart from estimates.ts so that the views (and the
 * playground's page, through highlights-text.ts) need not load the report features.
 */
import { CONFIDENCE_LEVEL, type PairedDifference } from '../stats/index.ts';
import { changeWords } from './change-words.ts';
import { formatInUnit } from './html/format.ts';
import type { Lang } from './i18n/lang.ts';
import { t, term } from './i18n/t.ts';
import type { KeyMetric, MetricDifference, MetricUnit } from './key-metrics.ts';

/**
 * An absolute value (or difference) in its unit, written as the values themselves are (about
 * three significant digits, thousands separated: "30,539 ms", "120", "1.80 MB"); ratios in
 * percentage points.
 */
function formatValue(x: number, unit: MetricUnit): string {
  if (unit === 'ratio') return `${(x * 100).toFixed(1)} pp`;
  return formatInUnit(x, unit);
}

/** A signed absolute difference in its unit: "+1.20 ms", "−0.4 pp", "+120". */
function signedValue(x: number, unit: MetricUnit): string {
  return `${x >= 0 ? '+' : '−'}${formatValue(Math.abs(x), unit)}`;
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
  const change = words?.change ?? signedValue(diff.mean, k.unit);
  // one replication: no interval; the views say so once, not in every sentence
  if (d.significant === null)
    return t(lang, 'diff.oneReplication', { variant, label, change, baseline });
  const bounds = words?.bounds
    ? `[${words.bounds[0]}, ${words.bounds[1]}]`
    : `[${signedValue(diff.lo as number, k.unit)}, ${signedValue(diff.hi as number, k.unit)}]`;
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
