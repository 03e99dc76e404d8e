/**
 * The comparison of the variants in the files and the console: differences.csv (each variant
 * after the first against the first on every key metric, paired over replications) and the
 * side-by-side table printed by `run` (after the variants) and `compare`.
 */

import type { Analysis } from '../../analysis.ts';
import { type Column, rounded, tableCsv } from '../../csv.ts';
import type { Lang } from '../../i18n/lang.ts';
import { t, term } from '../../i18n/t.ts';
import type { MetricDifference, VariantComparison } from '../../key-metrics.ts';
import type { ScenarioResults } from '../../results.ts';
import { round } from '../../round.ts';
import { formatTable, num, pct } from '../../text-table.ts';
import { compareRows } from './compare.ts';

type Difference = [VariantComparison, MetricDifference];

/** The columns of differences.csv. */
const DIFFERENCE_COLUMNS: Column<Difference>[] = [
  ['variant', ([c]) => c.variant],
  ['baseline', ([c]) => c.baseline],
  ['scope', ([, m]) => m.scope],
  ['id', ([, m]) => m.id],
  ['metric', ([, m]) => m.metric],
  ['n', ([, m]) => m.difference.diff.n],
  ['baselineMean', ([, m]) => round(m.baseline.mean)],
  ['variantMean', ([, m]) => round(m.value.mean)],
  ['diffMean', ([, m]) => round(m.difference.diff.mean)],
  ['diffLo', ([, m]) => rounded(m.difference.diff.lo)],
  ['diffHi', ([, m]) => rounded(m.difference.diff.hi)],
  ['relativeMean', ([, m]) => rounded(m.difference.relative?.mean ?? null)],
  ['relativeLo', ([, m]) => rounded(m.difference.relative?.lo ?? null)],
  ['relativeHi', ([, m]) => rounded(m.difference.relative?.hi ?? null)],
  [
    'significant',
    ([, m]) => (m.difference.significant === null ? null : String(m.difference.significant)),
  ],
];

/**
 * differences.csv: one row per variant (after the first) × key metric: the paired difference
 * with the baseline (the first variant) over replications, absolute and relative, its 95 %
 * confidence bounds and whether it is significant (the interval excludes 0).
 */
export function differencesCsv(analysis: Analysis): string {
  return tableCsv(
    DIFFERENCE_COLUMNS,
    analysis.comparisons.flatMap((c) => c.metrics.map((m): Difference => [c, m])),
  );
}

/**
 * The comparison printed by `run` (after the variants) and `compare`: one row per variant.
 * Cache columns appear when the scenario has caches. To stay within 120 columns it leaves out
 * p99.9, bytes per request and DB rows/s (compare.csv and compare.json have them) and uses
 * short headers, explained in a line below the table.
 */
export function formatComparison(results: ScenarioResults, lang: Lang = 'en'): string {
  const hasCaches = results.runs.some((r) => r.summary.caches.length > 0);
  const orDash = (x: number | null, f: (x: number) => string) => (x === null ? '–' : f(x));
  const rows = compareRows(results).map((c) => {
    const row = [
      c.variant || results.name,
      num(c.throughputPerSec),
      pct(c.errorRate),
      num(c.p50Ms, 2),
      num(c.p99Ms, 2),
      num(c.callsPerRequest, 1),
      num(c.dbRowsPerRequest, 1),
      num(c.dbQueriesPerSec),
    ];
    if (hasCaches) {
      row.push(
        orDash(c.cacheHitRatio, pct),
        orDash(c.syncMessagesPerSec, (x) => num(x)),
        orDash(c.cacheMemoryPerInstanceBytes, (x) => num(x / 1024 / 1024, 2)),
      );
    }
    const db = c.busiestDatabase;
    row.push(db === null ? '–' : `${db.id} ${pct(db.utilisation)}`);
    return row;
  });
  const header = ['variant', 'ok/s', 'errors', 'p50 ms', 'p99 ms', 'calls', 'rows', 'DB q/s'];
  if (hasCaches) header.push('hit %', 'sync/s', 'MB/inst');
  header.push('busiest DB');
  const legend = [
    t(lang, 'cmp.legend.calls'),
    t(lang, 'cmp.legend.db'),
    ...(hasCaches ? [t(lang, 'cmp.legend.cache')] : []),
  ];
  const headers = header.map((h) => term(lang, h));
  return `${t(lang, 'cmp.console')}\n${formatTable(headers, rows)}\n${legend.join(' · ')}`;
}
