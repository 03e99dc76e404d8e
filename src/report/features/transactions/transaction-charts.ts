/**
 * The charts of the report section on transactions and consistency, as pure vega-lite spec
 * builders (ReportData → spec, figures inline, first replication): how sagas ended, how local
 * transactions ended and what they waited for, and what third-party readers saw. One bar per
 * variant × item; variants without such items are left out but keep their colours.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { ReaderSummary } from '../../../metrics/reader-stats.ts';
import type { SagaSummary } from '../../../metrics/saga-stats.ts';
import type { RunSummary } from '../../../metrics/summary.ts';
import type { TransactionSummary } from '../../../metrics/transaction-stats.ts';
import { chartSpec, groupedBarLayers, stackedPanel, variantColor } from '../../html/chart-parts.ts';
import { CHART_WIDTH, colourScale, r4 } from '../../html/chart-style.ts';
import { valuesIn } from '../../html/chart-words.ts';
import { variantLabel } from '../../html/charts.ts';
import type { Lang } from '../../i18n/lang.ts';
import type { ReportData } from '../../report-data-types.ts';
import { readersOf, sagasOf, transactionsOf } from './transaction-figures.ts';

/** An item of a variant: the variant's name and colour index, the item, how charts name it. */
export interface ItemRow<T> {
  name: string;
  index: number;
  x: T;
  /** The variant, or "variant · item" when the variants have several items of this kind. */
  label: string;
}

/** The items `of` every variant's summary, in scenario order, then in the summary's order. */
function itemRows<T extends { id: string }>(
  data: ReportData,
  of: (s: RunSummary) => T[],
): ItemRow<T>[] {
  const found = data.variants.flatMap((v, index) =>
    of(v.summary).map((x) => ({ name: variantLabel(data, v), index, x })),
  );
  const several = new Set(found.map((g) => g.x.id)).size > 1;
  return found.map((g) => ({ ...g, label: several ? `${g.name} · ${g.x.id}` : g.name }));
}

/** The sagas of every variant (results.json written before sagas: none). */
export const sagaRows = (data: ReportData): ItemRow<SagaSummary>[] => itemRows(data, sagasOf);

/** The transaction steps of every variant (results.json written before them: none). */
export const transactionRows = (data: ReportData): ItemRow<TransactionSummary>[] =>
  itemRows(data, transactionsOf);

/** The third-party readers of every variant (results.json written before them: none). */
export const readerRows = (data: ReportData): ItemRow<ReaderSummary>[] => itemRows(data, readersOf);

/** How the charts name the rows: the variant, or "variant · item". */
const labelsOf = (rows: readonly ItemRow<unknown>[]) => rows.map((r) => r.label);

/** The colour scale of the variants (all of them, so each keeps its colour in every chart). */
const variantColours = (data: ReportData) =>
  colourScale(data.variants.map((v) => variantLabel(data, v)));

/** Bar thickness per row of a grouped panel: thinner as rows multiply. */
const barFor = (rows: number) => Math.max(8, Math.min(18, Math.floor(90 / Math.max(1, rows))));

/** 0 and the powers of ten up to `max` (at least up to 10): the ticks of a symlog axis. */
export function powersOfTen(max: number): number[] {
  const ticks = [0, 1];
  while (ticks[ticks.length - 1] * 10 <= Math.max(10, max))
    ticks.push(ticks[ticks.length - 1] * 10);
  return ticks;
}

/** A value of a grouped panel: its panel, measure, row (variant or variant · item) and variant. */
interface GroupedValue {
  panel: string;
  measure: string;
  row: string;
  variant: string;
  value: number | null;
}

/**
 * A panel of grouped bars over the `values` of `panel`: one band per measure (`measures`, in
 * order), one bar per row in it, coloured by variant, each bar above 0 labelled. `x` names the
 * axis and its number format; `scaleType: 'symlog'` suits times that span several orders of
 * magnitude; `legend: false` leaves out the variants' legend (another panel shows it).
 */
function groupedPanel(
  data: ReportData,
  panel: string,
  values: readonly GroupedValue[],
  measures: string[],
  rows: string[],
  x: { title: string; format: string; scaleType?: 'symlog'; legend?: false },
) {
  const bar = barFor(rows.length);
  const mine = values.filter((v) => v.panel === panel).map((v) => v.value ?? 0);
  // a symlog axis gets its ticks at 0 and the powers of ten (its own would crowd at the top)
  const axis =
    x.scaleType === 'symlog'
      ? { format: ',.0f', values: powersOfTen(Math.max(0, ...mine)) }
      : { format: x.format };
  const xEnc = {
    field: 'value',
    type: 'quantitative',
    title: x.title,
    axis,
    ...(x.scaleType ? { scale: { type: x.scaleType } } : {}),
  };
  const bars = groupedBarLayers(
    {
      y: { field: 'measure', type: 'nominal', sort: measures, title: null },
      yOffset: { field: 'row', type: 'nominal', sort: rows },
      x: xEnc,
      color: variantColor(variantColours(data), x.legend === false ? { legend: null } : {}),
      tooltip: [
        { field: 'row', type: 'nominal', title: 'variant' },
        { field: 'measure', type: 'nominal' },
        { field: 'value', type: 'quantitative', format: x.format },
      ],
      field: 'value',
      format: x.format,
    },
    // no label layer when every value is 0
    mine.some((v) => v > 0),
  );
  return {
    transform: [{ filter: { field: 'panel', equal: panel } }],
    width: CHART_WIDTH - 260,
    height: (bar * rows.length + 12) * measures.length,
    layer: bars,
  };
}

/** The outcomes of sagas, in stacking order, with their colours. */
const SAGA_PARTS: Record<string, string> = {
  completed: '#2ca02c',
  compensated: '#1f77b4',
  inconsistent: '#d62728',
};

/**
 * How sagas ended, per variant × saga: completed, compensated and inconsistent stacked over all
 * sagas that ended, and the same without the completed ones in a second panel, so a handful
 * of inconsistent sagas still shows next to thousands that completed.
 */
export function sagaOutcomeChart(data: ReportData, lang: Lang = 'en'): TopLevelSpec {
  const rows = sagaRows(data);
  const values = rows.flatMap(({ label, x }) => [
    { panel: 'all', row: label, part: 'completed', rank: 0, count: x.completed },
    { panel: 'all', row: label, part: 'compensated', rank: 1, count: x.compensated },
    { panel: 'all', row: label, part: 'inconsistent', rank: 2, count: x.inconsistent },
    { panel: 'failed', row: label, part: 'compensated', rank: 1, count: x.compensated },
    { panel: 'failed', row: label, part: 'inconsistent', rank: 2, count: x.inconsistent },
  ]);
  const width = (CHART_WIDTH - 300) / 2;
  const spec = chartSpec(
    {
      text: 'How the sagas ended',
      subtitle:
        'completed, compensated (every action done was undone) or inconsistent (an operator alert); after the warm-up',
    },
    values,
    {
      hconcat: [
        stackedPanel({
          filter: "datum.panel === 'all'",
          title: 'sagas',
          rows: labelsOf(rows),
          parts: SAGA_PARTS,
          width,
        }),
        // the same parts (one shared legend), without the completed ones
        stackedPanel({
          filter: "datum.panel === 'failed'",
          title: 'sagas that did not complete',
          rows: labelsOf(rows),
          parts: SAGA_PARTS,
          width,
        }),
      ],
      resolve: { scale: { color: 'shared' } },
    },
  );
  // the outcomes (the parts, their legend) in `lang`
  return valuesIn(lang, ['part'], spec);
}

/** The outcomes of local transactions, in stacking order, with their colours. */
const TRANSACTION_PARTS: Record<string, string> = { committed: '#2ca02c', failed: '#d62728' };

/** What transactions waited for or did again, as the chart names them. */
const TRANSACTION_EVENTS = ['lock waits', 'lock timeouts', 'conflicts', 'retries', 'compensations'];

/** Transaction times, as the chart names them. */
const TRANSACTION_TIMES = ['mean lock wait', 'p99 lock wait', 'mean time', 'p99 time'];

/**
 * Local transactions per variant × step, in three panels: committed and failed (stacked); what
 * they waited for or did again (lock waits, lock timeouts, version conflicts, retries,
 * compensations); and their times (lock wait and start-to-commit, mean and p99, symlog scale).
 */
export function transactionChart(data: ReportData, lang: Lang = 'en'): TopLevelSpec {
  const rows = transactionRows(data);
  const outcomes = rows.flatMap(({ label, x }) => [
    { panel: 'outcomes', row: label, part: 'committed', rank: 0, count: x.committed },
    { panel: 'outcomes', row: label, part: 'failed', rank: 1, count: x.failed },
  ]);
  const grouped = rows.flatMap(({ name, label, x }): GroupedValue[] => {
    const at = (panel: string, measure: string, value: number) => ({
      panel,
      variant: name,
      row: label,
      measure,
      value: r4(value),
    });
    return [
      ...[x.lockWaits, x.lockTimeouts, x.conflicts, x.retries, x.compensations].map((v, k) =>
        at('events', TRANSACTION_EVENTS[k], v),
      ),
      ...[x.lockWaitMeanMs, x.lockWaitP99Ms, x.durationMeanMs, x.durationP99Ms].map((v, k) =>
        at('times', TRANSACTION_TIMES[k], v),
      ),
    ];
  });
  const spec = chartSpec(
    {
      text: 'Local transactions: outcomes, waits and conflicts',
      subtitle:
        'committed and failed; lock waits and timeouts (pessimistic), version conflicts, retries and compensations (optimistic); times in ms; after the warm-up',
    },
    [...outcomes, ...grouped],
    {
      vconcat: [
        stackedPanel({
          filter: "datum.panel === 'outcomes'",
          title: 'transactions',
          rows: labelsOf(rows),
          parts: TRANSACTION_PARTS,
          width: CHART_WIDTH - 260,
        }),
        groupedPanel(data, 'events', grouped, TRANSACTION_EVENTS, labelsOf(rows), {
          title: 'count',
          format: ',.0f',
        }),
        groupedPanel(data, 'times', grouped, TRANSACTION_TIMES, labelsOf(rows), {
          title: 'ms (symlog scale)',
          format: ',.1f',
          scaleType: 'symlog',
          legend: false,
        }),
      ],
      resolve: { scale: { color: 'independent' }, legend: { color: 'independent' } },
    },
  );
  // the outcomes and measures (the parts' legend, the bands' labels) in `lang`
  return valuesIn(lang, ['part', 'measure'], spec);
}

/** Staleness statistics, as the chart names them. */
const STALENESS = ['mean staleness', 'p99 staleness', 'max staleness'];

/**
 * What third-party readers saw, per variant × reader: the share of reads that were anomalous
 * (dirty or stale), and how stale the data read was (mean, p99, max; symlog scale).
 */
export function readerAnomalyChart(data: ReportData, lang: Lang = 'en'): TopLevelSpec {
  const rows = readerRows(data);
  const labels = rows.map((r) => r.label);
  const values = rows.flatMap(({ name, label, x }): GroupedValue[] => [
    { panel: 'rate', variant: name, row: label, measure: 'anomaly rate', value: x.anomalyRate },
    ...[x.stalenessMeanMs, x.stalenessP99Ms, x.stalenessMaxMs].map((ms, k) => ({
      panel: 'staleness',
      variant: name,
      row: label,
      measure: STALENESS[k],
      value: r4(ms),
    })),
  ]);
  const spec = chartSpec(
    {
      text: 'What the readers saw',
      subtitle:
        'share of reads that saw data partly applied (saga) or an update still pending (read model); how old that data was, in ms',
    },
    values,
    {
      vconcat: [
        groupedPanel(data, 'rate', values, ['anomaly rate'], labels, {
          title: 'anomalous reads',
          format: '.2~%',
        }),
        groupedPanel(data, 'staleness', values, STALENESS, labels, {
          title: 'ms (symlog scale)',
          format: ',.1f',
          scaleType: 'symlog',
        }),
      ],
      resolve: { legend: { color: 'shared' } },
    },
  );
  // the measures (the bands' labels) in `lang`
  return valuesIn(lang, ['measure'], spec);
}
