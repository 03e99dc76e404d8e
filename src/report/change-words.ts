/**
 * A variant's change against the baseline in words, the same in the console, the page's
 * sentences and its badges:
 * - shares (unit `ratio`: availability, error rate, hit ratio, utilisation …) change in
 *   percentage points, "+1.2 pp", never in percent of a percentage; their interval is cut to
 *   what a share can do (the variant's value stays within 0–100 %);
 * - other figures change in percent while the larger of the two means is less than
 *   RATIO_THRESHOLD times the smaller ("−12.3 %"), and as a ratio beyond it ("×71", "÷3.2"):
 *   "+6,995.2 %" hides an order of magnitude that "×71" shows;
 * - the bounds of a relative change are Fieller's interval of the ratio of the means
 *   (stats/confidence.ts), none below −100 % (every key metric is ≥ 0; a bound below it says the
 *   variant is not told apart from 0); a baseline the replications do not tell apart from 0
 *   leaves the ratio's interval unbounded: the change is then said in the metric's unit, with the
 *   difference's own interval ("+20, 95 % CI [+20, +20]"), as for a baseline of 0;
 * - an interval narrower than the change's last digit gets up to two more digits in its bounds,
 *   so that they differ, and the change as many ("×70.96, 95 % CI [×70.96, ×70.97]", not "×71,
 *   95 % CI [×71, ×71]"); bounds that are equal (a difference the same in every replication) or
 *   closer than that stay as usual.
 */
import type { PairedDifference } from '../stats/index.ts';
import { formatNumber } from './html/format.ts';
import type { MetricUnit } from './key-metrics.ts';

/**
 * From this factor between variant and baseline on (+100 % or −50 %), a change reads as a ratio
 * ("×2.0", "÷2.0") rather than a percentage: past it, percentages stop being symmetric
 * (−50 % and +100 % are the same factor) and grow digits that hide orders of magnitude.
 */
export const RATIO_THRESHOLD = 2;

/**
 * A ratio in words: 71 → "×71", 0.31 → "÷3.2", 1.5 → "×1.5"; ≤ 0 (all gone) → "−100 %".
 * `more`: digits beyond the usual.
 */
export function ratioText(r: number, more = 0): string {
  if (!(r > 0)) return '−100 %';
  const [sign, f] = r >= 1 ? ['×', r] : ['÷', 1 / r];
  return `${sign}${formatNumber(f, (f >= 10 ? 0 : 1) + more)}`;
}

/** `text` of a magnitude, signed with a real minus sign, or unsigned when it reads as zero. */
function signed(x: number, text: string, unit: string): string {
  if (Number(text.replaceAll(',', '')) === 0) return `${text} ${unit}`;
  return `${x > 0 ? '+' : '−'}${text} ${unit}`;
}

/**
 * A relative change in percent with a real minus sign: 0.123 → "+12.3 %"; cut at −100 %.
 * `more`: digits beyond the one decimal.
 */
export function percentText(x: number, more = 0): string {
  const v = Math.max(x, -1);
  return signed(v, formatNumber(Math.abs(v) * 100, 1 + more), '%');
}

/** A difference of shares in percentage points: 0.012 → "+1.2 pp"; `more` as percentText. */
export function pointsText(x: number, more = 0): string {
  return signed(x, formatNumber(Math.abs(x) * 100, 1 + more), 'pp');
}

/** The most digits an interval's bounds get beyond their change's, to tell them apart. */
const MORE_DIGITS = 2;

/**
 * The change `mean` and its bounds `lo`, `hi` in words by `words` (with `more` digits beyond the
 * usual), with as few more digits as tell the bounds apart (at most MORE_DIGITS), the change
 * with as many (so it never reads outside its own interval: "×70.93 [×70.93, ×70.94]", not
 * "×71 [×70.93, ×70.94]"); bounds that even those do not tell apart are written as usual.
 */
function changeAndBounds(
  mean: number,
  bounds: [number, number] | null,
  words: (x: number, more: number) => string,
): ChangeWords {
  if (bounds === null) return { change: words(mean, 0), bounds: null };
  const [lo, hi] = bounds;
  for (let more = 0; more <= MORE_DIGITS && lo !== hi; more++) {
    const [a, b] = [words(lo, more), words(hi, more)];
    if (a !== b) return { change: words(mean, more), bounds: [a, b] };
  }
  // equal, or still equal with every digit allowed: as usual
  return { change: words(mean, 0), bounds: [words(lo, 0), words(hi, 0)] };
}

/**
 * Whether a relative change is beyond RATIO_THRESHOLD (reads as a ratio); a drop to nothing
 * reads "−100.0 %" (÷∞ says less).
 */
export function isRatioChange(relative: number): boolean {
  const r = 1 + relative;
  return r >= RATIO_THRESHOLD || (r > 0 && r <= 1 / RATIO_THRESHOLD);
}

/** How a change is worded: its mean and, when there is one, its interval's bounds. */
export interface ChangeWords {
  change: string;
  bounds: [string, string] | null;
}

/**
 * The change of a key metric against the baseline in words, or null when it can only be said
 * in the metric's own unit (a baseline of 0 gives no relative change; a baseline the
 * replications do not tell apart from 0, no interval of one).
 * `baselineMean` bounds the interval of a share.
 */
export function changeWords(
  unit: MetricUnit,
  d: PairedDifference,
  baselineMean: number,
): ChangeWords | null {
  const { diff, relative } = d;
  if (unit === 'ratio') {
    // the variant's share stays in [0, 1]: its difference in [−baseline, 1 − baseline]
    const lo = diff.lo === null ? null : Math.max(diff.lo, -baselineMean);
    const hi = diff.hi === null ? null : Math.min(diff.hi, 1 - baselineMean);
    return changeAndBounds(diff.mean, lo === null || hi === null ? null : [lo, hi], pointsText);
  }
  if (relative === null) return null;
  // an interval with no relative bounds (the ratio's is unbounded): said in the unit instead
  if (relative.lo === null && diff.lo !== null) return null;
  const bounds: [number, number] | null =
    relative.lo === null || relative.hi === null
      ? null
      : [Math.max(relative.lo, -1), Math.max(relative.hi, -1)];
  if (isRatioChange(relative.mean))
    return changeAndBounds(relative.mean, bounds, (x, more) => ratioText(1 + x, more));
  return changeAndBounds(relative.mean, bounds, percentText);
}
