/**
 * Replicated data over time: the share of reads that saw a value other than the truth, second
 * by second (ReplicatedSummary.divergedBySecond, warm-up included), as rows of timeseries.csv
 * (scope `replicated`, id = the data, metric `diverged`) and as a line chart of the page's
 * section, one line per variant (a dash per data when there are several), the warm-up shaded
 * grey and the faults red: a partition shows as the copies drifting apart while it lasts, and
 * last-write-wins' lost changes as reads that stay wrong after it heals. First replication.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { ReplicatedSummary } from '../../../metrics/replicated-stats.ts';
import type { RunResult } from '../../../metrics/summary.ts';
import { variantOf } from '../../csv.ts';
import { chartSpec, itemDashes, variantColor } from '../../html/chart-parts.ts';
import { CHART_WIDTH, colourScale, r4, timeX } from '../../html/chart-style.ts';
import {
  faultWindows,
  SERIES_LINE,
  variantLabel,
  windowBands,
  windowRows,
} from '../../html/charts.ts';
import type { PageChart } from '../../html/layout.ts';
import { bucketedSeries, meanOf, thinningNote } from '../../html/thinning.ts';
import type { Lang } from '../../i18n/lang.ts';
import type { ReportData } from '../../report-data-types.ts';
import { round } from '../../round.ts';

/**
 * The timeseries.csv rows of a run's replicated data: one per data × second with reads,
 * `[second, variant, 'replicated', data, 'diverged', share]` (a second without reads has none).
 */
export function replicatedSeriesRows(r: RunResult): unknown[][] {
  const v = variantOf(r);
  const width = r.series.resolutionS ?? 1;
  return (r.summary.replicated ?? []).flatMap((x) =>
    x.divergedBySecond.flatMap((share, i) =>
      share === null ? [] : [[i * width, v, 'replicated', x.id, 'diverged', round(share)]],
    ),
  );
}

/** The share of reads that diverged, each second; long runs averaged over buckets of seconds. */
export function divergedChart(data: ReportData, lang: Lang = 'en'): TopLevelSpec {
  // a data nobody read in a variant has no line there (nor a legend entry, nor dashes)
  const items = data.variants.flatMap((v) =>
    (v.summary.replicated ?? [])
      .filter((x: ReplicatedSummary) => x.divergedBySecond.some((p) => p !== null))
      .map((x: ReplicatedSummary) => ({ name: variantLabel(data, v), x })),
  );
  const { k, buckets } = bucketedSeries(
    data,
    items.map(({ x }) => x.divergedBySecond),
  );
  const values = items.flatMap(({ name, x }, j) =>
    buckets[j].map((bucket) => {
      const mean = meanOf(bucket.map((p) => p.value));
      return {
        variant: name,
        data: x.id,
        // the mean of its seconds' shares (each second alike, however many reads it had; the
        // summary keeps shares, not counts), held over the bucket from its first second
        second: r4(bucket[0].second),
        diverged: mean === null ? null : r4(mean),
      };
    }),
  );
  const severalData = new Set(items.map(({ x }) => x.id)).size > 1;
  const faults = faultWindows(data, lang);
  return chartSpec(
    {
      text: 'Reads that diverged over time',
      subtitle: [
        `share of the reads of each second that saw a value other than the truth; grey: the warm-up${faults.length > 0 ? '; red: faults' : ''}`,
        thinningNote(k),
      ].filter((s) => s !== ''),
    },
    values,
    {
      width: CHART_WIDTH,
      height: 240,
      layer: [
        ...windowBands(windowRows(data, faults, lang)),
        {
          // what happened in [s, s + 1) held over that second, as every per-second series
          mark: SERIES_LINE,
          encoding: {
            x: timeX(),
            y: {
              field: 'diverged',
              type: 'quantitative',
              title: 'reads that diverged',
              axis: { format: '.0%' },
              scale: { domain: [0, 1] },
            },
            color: variantColor(colourScale(data.variants.map((v) => variantLabel(data, v)))),
            ...itemDashes(severalData, 'data'),
            tooltip: [
              { field: 'variant', type: 'nominal' },
              { field: 'data', type: 'nominal' },
              { field: 'second', type: 'quantitative', title: 'from second' },
              {
                field: 'diverged',
                type: 'quantitative',
                title: 'reads that diverged',
                format: '.1%',
              },
            ],
          },
        },
      ],
    },
  );
}

/** The page's charts of replicated data: the diverged reads over time (none without reads). */
export function replicatedCharts(data: ReportData, lang: Lang = 'en'): PageChart[] {
  const any = data.variants.some((v) =>
    (v.summary.replicated ?? []).some((x) => x.divergedBySecond.some((p) => p !== null)),
  );
  return any ? [{ spec: divergedChart(data, lang) }] : [];
}
