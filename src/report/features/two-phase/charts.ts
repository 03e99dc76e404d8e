/**
 * The charts of two-phase commits' page section (when some variant has a twoPhaseCommit step): how long
 * participants held their row locks (the distribution, after the warm-up), and how many were
 * blocked in doubt — prepared, holding their lock, waiting for a coordinator that crashed —
 * over the whole run: the exact level as a step line (it changes only at a crash, a vote heard
 * by nobody, and the recovered coordinator's abort), held to the end of the run. Figures of the
 * first replication (results.json `figures`, metrics/kind-figures.ts).
 */
import type { TopLevelSpec } from 'vega-lite';
import type { TwoPhaseFigures } from '../../../metrics/kind-figures.ts';
import { chartSpec } from '../../html/chart-parts.ts';
import { CHART_WIDTH, r4, timeX } from '../../html/chart-style.ts';
import { faultWindows, SERIES_LINE, windowBands, windowRows } from '../../html/charts.ts';
import {
  quantileChart,
  type SeriesItem,
  seriesColour,
  seriesItems,
} from '../../html/kind-charts.ts';
import type { PageChart } from '../../html/layout.ts';
import type { Lang } from '../../i18n/lang.ts';
import type { ReportData } from '../../report-data-types.ts';

const stepsOf = (data: ReportData) => seriesItems(data, (v) => v.figures?.twoPhase);

/** Participants blocked in doubt over time: a step line per variant × step. */
export function blockedChart(
  data: ReportData,
  items: SeriesItem<TwoPhaseFigures>[],
  lang: Lang = 'en',
): TopLevelSpec {
  const endS = (d: ReportData) =>
    Math.max(...d.variants.map((v) => v.summary.run.simulatedMs)) / 1000;
  const rows = items.flatMap(({ series, item }) => {
    const points = item.blocked.map(([ms, n]) => ({ series, second: r4(ms / 1000), blocked: n }));
    const last = points[points.length - 1];
    // the last level holds to the end of the run (not when the level changes were cut short)
    if (!item.blockedCut && last !== undefined && (last.second ?? 0) < endS(data))
      points.push({ series, second: r4(endS(data)), blocked: last.blocked });
    return points;
  });
  const windows = windowRows(data, faultWindows(data, lang), lang);
  const cut = items.some((s) => s.item.blockedCut);
  return chartSpec(
    {
      text: 'Participants blocked in doubt',
      subtitle: [
        'prepared participants holding their row lock while their coordinator is down, exact, over the whole run; grey: the warm-up; red: faults',
        ...(cut
          ? ['the line stops where the level changes past the first 4,000 were left out']
          : []),
      ],
    },
    rows,
    {
      width: CHART_WIDTH,
      height: 240,
      layer: [
        ...windowBands(windows),
        {
          // a level between its changes: held until the next one (step-after), never a ramp
          mark: SERIES_LINE,
          encoding: {
            x: timeX(),
            y: {
              field: 'blocked',
              type: 'quantitative',
              title: 'participants blocked',
              axis: { tickMinStep: 1 },
            },
            color: seriesColour(items),
            tooltip: [
              { field: 'series', type: 'nominal', title: 'variant' },
              { field: 'second', type: 'quantitative', title: 'from second' },
              { field: 'blocked', type: 'quantitative', title: 'participants blocked' },
            ],
          },
        },
      ],
    },
  );
}

/** The charts (none when no variant has a two-phase commit). */
export function twoPhaseCharts(data: ReportData, lang: Lang = 'en'): PageChart[] {
  const items = stepsOf(data);
  if (items.length === 0) return [];
  const holds = items.map((s) => ({ ...s, item: s.item.lockHold }));
  return [
    {
      spec: quantileChart(
        {
          text: 'Lock hold time',
          subtitle:
            'a participant row lock, from lock to release, after the warm-up; further left is shorter',
        },
        holds,
        'lock held',
      ),
    },
    { spec: blockedChart(data, items, lang) },
  ];
}
