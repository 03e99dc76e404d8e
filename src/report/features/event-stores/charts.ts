/**
 * The charts of event stores' page section (when some variant has an `eventStore` step): how many rows
 * a rebuild replays as the history of its entity grows (the mean per bucket of history, a step
 * line held over its bucket, broken where no rebuild fell), which is what snapshots bound, and
 * the replay per rebuild (mean, most) and a full recovery's rows per variant. A replay's time at
 * the database is its query time plus a row time per row replayed (plus any wait for a
 * connection): it grows as the rows do. First replication of each variant.
 *
 * Rows, not measured time: the event store records no replay duration. Its rebuild is one query
 * (model/event-store.ts `sendQuery`) after which the frame resumes straight from the query's hop
 * back (the journey's endQuery → advance), so the step never sees the query end; timing it would
 * add a step after every eventStore step, or a check to the journey's query path. A traced run
 * shows a replay's time (its span, `--trace`).
 */
import type { TopLevelSpec } from 'vega-lite';
import type { EventStoreFigures } from '../../../metrics/kind-figures.ts';
import { chartSpec } from '../../html/chart-parts.ts';
import { CHART_WIDTH, r4 } from '../../html/chart-style.ts';
import { figureBars, type SeriesItem, seriesColour, seriesItems } from '../../html/kind-charts.ts';
import type { PageChart } from '../../html/layout.ts';
import type { Lang } from '../../i18n/lang.ts';
import { term } from '../../i18n/t.ts';
import type { ReportData } from '../../report-data-types.ts';

/** Rows replayed per rebuild by the entity's history: a step line per variant × store. */
export function replayByHistoryChart(items: SeriesItem<EventStoreFigures>[]): TopLevelSpec {
  const rows = items.flatMap(({ series, item }) => {
    const out: { series: string; history: number; replayed: number | null }[] = [];
    let next: number | null = null;
    for (const b of item.byHistory) {
      // a bucket without rebuilds: a gap, not a line across it
      if (next !== null && b.from > next) out.push({ series, history: next, replayed: null });
      out.push({ series, history: b.from, replayed: r4(b.meanReplay) });
      next = b.from + b.width;
    }
    const last = item.byHistory[item.byHistory.length - 1];
    // the last bucket's value holds over its width
    if (last !== undefined)
      out.push({ series, history: last.from + last.width, replayed: r4(last.meanReplay) });
    return out;
  });
  return chartSpec(
    {
      text: 'Replay length as history grows',
      subtitle: [
        "rows a rebuild replays (a snapshot counts as one), mean per bucket of the entity's events stored, after the warm-up",
        'its time at the database: the query time + a row time per row; snapshots keep it bounded',
      ],
    },
    rows,
    {
      width: CHART_WIDTH,
      height: 280,
      // a bucket's mean held over the bucket (step-after), a gap where no rebuild fell
      mark: {
        type: 'line',
        interpolate: 'step-after',
        invalid: 'break-paths-filter-domains',
        tooltip: true,
      },
      encoding: {
        x: {
          field: 'history',
          type: 'quantitative',
          title: 'events stored for the entity',
          scale: { nice: false },
        },
        y: { field: 'replayed', type: 'quantitative', title: 'rows replayed per rebuild (mean)' },
        color: seriesColour(items),
        tooltip: [
          { field: 'series', type: 'nominal', title: 'variant' },
          { field: 'history', type: 'quantitative', title: 'events stored from' },
          {
            field: 'replayed',
            type: 'quantitative',
            title: 'rows replayed (mean)',
            format: ',.1f',
          },
        ],
      },
    },
  );
}

/** The charts (none when no variant has an event store). */
export function eventStoresCharts(data: ReportData, lang: Lang = 'en'): PageChart[] {
  const stores = seriesItems(data, (v) => v.summary.eventStores);
  if (stores.length === 0) return [];
  const byHistory = seriesItems(data, (v) => v.figures?.eventStores);
  // the bars' names are the legend's words: in the page's language
  const [mean, most] = ['replayed, mean', 'replayed, most'].map((x) => term(lang, x));
  const effect = stores.map((s) => ({
    ...s,
    item: { [mean]: s.item.replayMean, [most]: s.item.replayMax } as Record<string, number>,
  }));
  return [
    { spec: replayByHistoryChart(byHistory) },
    {
      spec: figureBars(
        {
          text: 'The effect of snapshots',
          subtitle: 'rows replayed per rebuild, mean and most, after the warm-up',
        },
        effect,
        [mean, most],
        'rows replayed',
        ',.1f',
      ),
    },
  ];
}
