/**
 * The highlights in words, shared by the console and the page: each variant's value (mean and
 * 95 % half-width) and its difference from the baseline (the first variant), and the header
 * that says once how many replications there were and where the highlights come from.
 */

import { CONFIDENCE_LEVEL } from '../stats/index.ts';
import type { Analysis } from './analysis.ts';
import type { Highlight, Highlights } from './highlights.ts';
import { formatInUnit, formatNumber } from './html/format.ts';
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

/** The value of an estimate: "12.3 ms ± 0.40 ms", or the mean alone without an interval. */
export function valueText(e: MetricEstimate | null): string {
  if (e === null) return 'not measured';
  // a count that is whole in every replication prints as a whole number
  const whole = e.unit === 'count' && e.values.every(Number.isInteger);
  const mean = whole ? formatNumber(e.estimate.mean, 0) : formatInUnit(e.estimate.mean, e.unit);
  const hw = e.estimate.halfWidth;
  return hw === null ? mean : `${mean} ± ${formatInUnit(hw, e.unit)}`;
}

/** The difference from the baseline in words, without the variant and label ("−63.1 % vs join …"). */
export function differenceText(d: MetricDifference | null, variant: string): string {
  if (d === null) return '';
  const prefix = `${variant}: ${d.label} `;
  const text = d.sentence.startsWith(prefix) ? d.sentence.slice(prefix.length) : d.sentence;
  const v = verdictOf(d);
  const verdict = v === 'better' || v === 'worse' ? ` — ${v}` : '';
  return `${text}${verdict}`;
}

/**
 * How many replications, once (`variants`: how many the run has): with one, that there are no
 * intervals and how to get them.
 */
export function replicationsText(n: number, variants: number): string {
  const level = `${Math.round(CONFIDENCE_LEVEL * 100)} %`;
  if (n < 2)
    return variants > 1
      ? 'One replication: no confidence intervals, so no difference can be called significant (run with --replications 5, or set replications: in the scenario).'
      : 'One replication: no confidence intervals (run with --replications 5, or set replications: in the scenario).';
  const paired = variants > 1 ? '; differences are paired with the first variant' : '';
  return `Mean over ${n} replications ± half-width of the ${level} confidence interval${paired}.`;
}

/** Where the highlights come from, in words (`variants`: how many the run has). */
export function sourceText(h: Highlights, variants: number): string {
  if (h.source === 'scenario') return 'declared in the scenario';
  return variants > 1
    ? 'none declared: the key metrics that differ most between the variants, relative to their spread'
    : 'none declared: the overall p99, throughput and error rate';
}

/** The warm-up warnings of the highlights, one line each. */
export function warmupLines(h: Highlights): string[] {
  return h.warmup.map(
    (w) =>
      `warm-up too short? ${w.variant}: the series of ${w.highlight} settles only after ~${w.suggestedS} s (MSER-5), the declared warm-up is ${w.warmupS} s; raise warmup: or run with --warmup auto`,
  );
}

/**
 * The console's first section: each highlight with every variant's value and its difference
 * from the baseline, the replications said once, the run notes and warm-up warnings.
 */
export function formatHighlights(a: Analysis): string {
  const h = a.highlights;
  if (h.items.length === 0) return '';
  const n = a.variants[0].replications.length;
  const names = a.variants.map((v) => v.name);
  const width = Math.max(...names.map(displayWidth));
  const lines = [
    `■ highlights: ${sourceText(h, a.variants.length)}`,
    `  ${replicationsText(n, a.variants.length)}`,
  ];
  const notes = a.results.notes;
  if (notes?.precision !== undefined)
    lines.push(`  ${precisionSentence({ ...notes.precision, replications: n })}`);
  if (notes?.warmupAutoMs !== undefined)
    lines.push(
      `  --warmup auto: warm-up ${notes.warmupAutoMs / 1000} s (MSER-5 on the highlights' series).`,
    );
  for (const item of h.items) {
    lines.push(item.name);
    const cells = highlightCells(item, a.variants, a.comparisons);
    const values = cells.map((c) => valueText(c.estimate));
    const valueWidth = Math.max(...values.map((x) => x.length));
    cells.forEach((c, i) => {
      const diff = differenceText(c.difference, c.variant);
      const row = `  ${padEndTo(c.variant, width)}  ${values[i].padStart(valueWidth)}`;
      lines.push(diff === '' ? row : `${row}   ${diff}`);
    });
  }
  for (const w of warmupLines(h)) lines.push(`⚠ ${w}`);
  return lines.join('\n');
}
