/**
 * The charts of pending states' page section (when some variant has a `pending` step): how long the
 * entities stayed pending (the distribution, after the warm-up), and what the users' reads saw
 * (the share of reads that saw the entity pending, and cancelled). First replication of each
 * variant (results.json `figures` and the summary's pending states).
 */
import { figureBars, quantileChart, seriesItems } from '../../html/kind-charts.ts';
import type { PageChart } from '../../html/layout.ts';
import type { Lang } from '../../i18n/lang.ts';
import { term } from '../../i18n/t.ts';
import type { ReportData } from '../../report-data-types.ts';

/** The charts (none when no variant has a pending state). */
export function pendingCharts(data: ReportData, lang: Lang = 'en'): PageChart[] {
  const times = seriesItems(data, (v) => v.figures?.pending);
  const states = seriesItems(data, (v) => v.summary.pendingStates);
  if (states.length === 0) return [];
  // the bars' names are the legend's words: in the page's language
  const [pending, cancelled] = ['saw it pending', 'saw it cancelled'].map((x) => term(lang, x));
  const shares = states.map((s) => ({
    ...s,
    item: {
      [pending]: s.item.reads > 0 ? (100 * s.item.pendingReads) / s.item.reads : 0,
      [cancelled]: s.item.reads > 0 ? (100 * s.item.cancelledReads) / s.item.reads : 0,
    } as Record<string, number>,
  }));
  return [
    {
      spec: quantileChart(
        {
          text: 'Time pending',
          subtitle: 'created → confirmed or cancelled, after the warm-up; further left is shorter',
        },
        times.map((s) => ({ ...s, item: s.item.pendingTime })),
        'time pending',
      ),
    },
    {
      spec: figureBars(
        {
          text: 'What the reads saw',
          subtitle:
            'share of user reads of an entity that saw it pending, or cancelled, after the warm-up',
        },
        shares,
        [pending, cancelled],
        '% of reads',
        ',.1f',
      ),
    },
  ];
}
