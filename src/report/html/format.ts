/**
 * Number formats of the HTML report's tables: fixed rules, never the locale, so the same data
 * gives the same bytes everywhere. Missing or non-finite numbers (null in results.json) show
 * as an en dash.
 */
import { inBinaryUnits } from '../binary-units.ts';

const DASH = '–';

const isNum = (x: number | null | undefined): x is number =>
  typeof x === 'number' && Number.isFinite(x);

/** `x` with `decimals` places and thousands separators: 12345.6 → "12,345.6". */
export function formatNumber(x: number | null | undefined, decimals = 0): string {
  if (!isNum(x)) return DASH;
  const fixed = Math.abs(x).toFixed(decimals);
  const [whole, frac] = fixed.split('.');
  const sign = x < 0 && Number(fixed) !== 0 ? '−' : '';
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}${grouped}${frac === undefined ? '' : `.${frac}`}`;
}

/** Decimals that keep about three significant digits for numbers of this size. */
function decimalsFor(x: number): number {
  const a = Math.abs(x);
  if (a >= 100) return 0;
  if (a >= 10) return 1;
  return 2;
}

/** Milliseconds: "5.09 ms", "38.5 ms", "386 ms". */
export function formatMs(x: number | null | undefined): string {
  return isNum(x) ? `${formatNumber(x, decimalsFor(x))} ms` : DASH;
}

/** A rate: "0/s", "0.60/s", "24.5/s", "6,035/s". */
export function formatRate(x: number | null | undefined): string {
  if (x === 0) return '0/s';
  return isNum(x) ? `${formatNumber(x, decimalsFor(x))}/s` : DASH;
}

/** A ratio as a percentage with one decimal: 0.3626 → "36.3 %". */
export function formatPercent(x: number | null | undefined): string {
  return isNum(x) ? `${formatNumber(x * 100, 1)} %` : DASH;
}

/** A plain quantity with about three significant digits. */
export function formatQuantity(x: number | null | undefined): string {
  return isNum(x) ? formatNumber(x, decimalsFor(x)) : DASH;
}

/** Bytes in binary units with about three significant digits: "512 B", "12.3 KB", "1.50 MB". */
export function formatBytes(x: number | null | undefined): string {
  if (!isNum(x)) return DASH;
  const [v, unit] = inBinaryUnits(x, 'GB');
  return `${formatNumber(v, unit === 'B' ? 0 : decimalsFor(v))} ${unit}`;
}

/** A value in a metric's unit ('ms', 'per-sec', 'ratio', 'bytes', 'count'). */
export function formatInUnit(x: number | null | undefined, unit: string): string {
  if (unit === 'ms') return formatMs(x);
  if (unit === 'bytes') return formatBytes(x);
  if (unit === 'per-sec') return formatRate(x);
  if (unit === 'ratio') return formatPercent(x);
  // a count is a whole number ("3", not "3.00"); a mean over replications may not be
  if (unit === 'count' && isNum(x) && Number.isInteger(x)) return formatNumber(x, 0);
  return formatQuantity(x);
}

/** A signed relative change: 0.42 → "+42.0 %", −0.046 → "−4.6 %". */
export function formatChange(x: number | null | undefined): string {
  if (!isNum(x)) return DASH;
  const text = formatNumber(Math.abs(x) * 100, 1);
  if (text === '0.0') return '0.0 %';
  return `${x > 0 ? '+' : '−'}${text} %`;
}

/** A no-break space: a line never breaks at it. */
const NBSP = '\u00a0';

/**
 * A sentence of figures with no line break where it would split one: between a number and its
 * unit ("41.2 %", "3.10 ms", "0.2 pp", "8.39 MB") and inside a bracketed interval
 * ("[+40.8 %, +41.2 %]"), whose spaces become no-break spaces. Elsewhere it breaks as usual.
 */
export function unbrokenFigures(text: string): string {
  return text
    .replace(/(\d) (?=(?:%|pp|ms|s|µs|B|KB|MB|GB|TB)(?![\p{L}\p{N}]))/gu, `$1${NBSP}`)
    .replace(/\[[^\][]*\]/g, (bracket) => bracket.replaceAll(' ', NBSP));
}
