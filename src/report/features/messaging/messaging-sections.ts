/**
 * The report section on messaging (present only when some variant has consumer groups): two
 * tables of every variant × group (what became of the messages; how far behind the consumers
 * ran), the groups' key metrics over the replications, and two pure vega-lite spec builders —
 * message outcomes per variant and consumer lag over time. Figures are the first replication's;
 * variants without groups are left out of the tables and charts but keep their colours.
 */

import type { TopLevelSpec } from 'vega-lite';
import type { ConsumerGroupSummary } from '../../../metrics/consumer-stats.ts';
import {
  chartSpec,
  itemDashes,
  partsNamed,
  stackedPanel,
  variantColor,
} from '../../html/chart-parts.ts';
import { CHART_WIDTH, colourScale, r4, timeX } from '../../html/chart-style.ts';
import { valuesIn } from '../../html/chart-words.ts';
import {
  faultWindows,
  type TimeSeriesOptions,
  variantLabel,
  windowBands,
  windowRows,
} from '../../html/charts.ts';
import { type DataColumn, dataTable, type Header } from '../../html/data-table.ts';
import { formatMs, formatNumber, formatQuantity, formatRate } from '../../html/format.ts';
import { keyMetricsBlock, variantChip } from '../../html/key-metrics-table.ts';
import type { PageSection } from '../../html/layout.ts';
import { EMPTY_HTML, type Html, html } from '../../html/template.ts';
import { bucketedSeries, meanOf, thinningNote } from '../../html/thinning.ts';
import { tHtml } from '../../html/words.ts';
import { recordWords } from '../../i18n/ko-records.ts';
import type { Lang } from '../../i18n/lang.ts';
import { t } from '../../i18n/t.ts';
import type { ReportData } from '../../report-data-types.ts';
import { appliedOnce } from './consumer-figures.ts';
import { CONSUMER_METRICS } from './consumer-metrics.ts';

/** A consumer group of a variant: the variant's name and colour index, the group's figures. */
interface GroupRow {
  name: string;
  index: number;
  c: ConsumerGroupSummary;
  /** How charts name it: the variant, or "variant · group" when there are several groups. */
  label: string;
}

/**
 * The consumer groups of every variant, in scenario order, then in the summary's order
 * (results.json written before messaging has none).
 */
export function consumerGroupRows(data: ReportData): GroupRow[] {
  const found = data.variants.flatMap((v, index) =>
    (v.summary.consumers ?? []).map((c) => ({ name: variantLabel(data, v), index, c })),
  );
  const several = new Set(found.map((g) => g.c.group)).size > 1;
  return found.map((g) => ({ ...g, label: several ? `${g.name} · ${g.c.group}` : g.name }));
}

/** The first cell of a row: the variant with its colour, the group and its topic below. */
const labelCell = ({ name, index, c }: GroupRow): Html =>
  html`<td class="label">${variantChip(name, index)}<span class="sub">${`${c.group} ← ${c.topic}`}</span></td>`;

const count = (x: number) => formatNumber(x);

/** The first column: the variant with its colour, the group and its topic below. */
const FIRST: [Header, (g: GroupRow) => Html] = [['variant', 'group ← topic'], labelCell];

/** What became of the messages: delivery semantics, deliveries, duplicates, losses. */
const OUTCOMES: DataColumn<GroupRow>[] = [
  [
    ['ack', 'idempotency'],
    ({ c }) => html`<td>${c.ack}<span class="sub">${c.idempotency}</span></td>`,
  ],
  ['produced', ({ c }) => formatRate(c.producedPerSec)],
  ['delivered', ({ c }) => count(c.delivered)],
  [['duplicate', 'deliveries'], ({ c }) => count(c.duplicateDeliveries)],
  [['applied', 'once'], ({ c }) => count(appliedOnce(c))],
  [['applied', 'twice'], ({ c }) => count(c.appliedTwice)],
  [['duplicates', 'skipped'], ({ c }) => count(c.skippedDuplicates)],
  ['lost', ({ c }) => count(c.lost)],
  [['dead-', 'lettered'], ({ c }) => count(c.deadLettered)],
];

/** How far behind: lag, end-to-end time, failures, crashes and rebalances. */
const LAG: DataColumn<GroupRow>[] = [
  [['consumer', 'service/endpoint'], ({ c }) => `${c.service}/${c.endpoint}`],
  ['partitions', ({ c }) => count(c.partitions)],
  [
    ['lag (messages)', 'mean / max / at end'],
    ({ c }) => `${formatQuantity(c.lagMean)} / ${count(c.lagMax)} / ${count(c.lagAtEnd)}`,
  ],
  [
    ['end-to-end', 'mean / max'],
    ({ c }) => `${formatMs(c.endToEndMeanMs)} / ${formatMs(c.endToEndMaxMs)}`,
  ],
  ['applied', ({ c }) => formatRate(c.appliedPerSec)],
  [['failed', 'deliveries'], ({ c }) => count(c.failedDeliveries)],
  [['abandoned', 'crash or ack timeout'], ({ c }) => count(c.abandoned)],
  ['rebalances', ({ c }) => count(c.rebalances)],
];

/** The parts of the outcome chart, in stacking order, with their colours. */
const OUTCOME_PARTS: Record<string, string> = {
  'applied once': '#2ca02c',
  lost: '#d62728',
  'dead-lettered': '#7f7f7f',
  'applied twice': '#ff7f0e',
  'duplicates skipped': '#1f77b4',
};

/**
 * What became of the messages, per variant × group: messages applied once, lost and
 * dead-lettered (stacked), and the duplicate deliveries that were applied again or skipped by
 * an idempotency check (stacked, in a second panel).
 */
export function messageOutcomeChart(data: ReportData, lang: Lang = 'en'): TopLevelSpec {
  const groups = consumerGroupRows(data);
  const labels = groups.map((g) => g.label);
  const values = groups.flatMap(({ label, c }) => [
    { panel: 'messages', row: label, part: 'applied once', rank: 0, count: appliedOnce(c) },
    { panel: 'messages', row: label, part: 'lost', rank: 1, count: c.lost },
    { panel: 'messages', row: label, part: 'dead-lettered', rank: 2, count: c.deadLettered },
    { panel: 'duplicates', row: label, part: 'applied twice', rank: 0, count: c.appliedTwice },
    {
      panel: 'duplicates',
      row: label,
      part: 'duplicates skipped',
      rank: 1,
      count: c.skippedDuplicates,
    },
  ]);
  const panel = (filter: string, title: string, parts: string[]) =>
    stackedPanel({
      filter,
      title,
      rows: labels,
      parts: partsNamed(OUTCOME_PARTS, parts),
      width: (CHART_WIDTH - 260) / 2,
    });
  const spec = chartSpec(
    {
      text: 'What became of the messages',
      subtitle:
        'messages applied once, lost or dead-lettered; duplicate deliveries applied again or skipped; after the warm-up',
    },
    values,
    {
      hconcat: [
        panel("datum.panel === 'messages'", 'messages', ['applied once', 'lost', 'dead-lettered']),
        panel("datum.panel === 'duplicates'", 'duplicate deliveries', [
          'applied twice',
          'duplicates skipped',
        ]),
      ],
      resolve: { scale: { color: 'independent' }, legend: { color: 'independent' } },
    },
  );
  // the outcomes (the parts, their colours' legends) in `lang`
  return valuesIn(lang, ['part'], spec);
}

/**
 * Consumer lag (messages appended, not yet committed) at the end of each second of the run,
 * one line per variant × group (variant colours; a dash per group when there are several);
 * long runs averaged over buckets of seconds. The warm-up is shaded grey, `options.faults` red.
 */
export function consumerLagChart(data: ReportData, options: TimeSeriesOptions = {}): TopLevelSpec {
  const groups = consumerGroupRows(data);
  const { k, buckets } = bucketedSeries(
    data,
    groups.map((g) => g.c.lagBySecond),
  );
  const values = groups.flatMap(({ name, c }, j) =>
    buckets[j].map((bucket) => ({
      variant: name,
      group: c.group,
      // a level sampled at the end of second s, i.e. at instant s + 1 (a bucket: its mean
      // sample instant), so a rise that starts with a fault is not drawn a second early
      second: r4(meanOf(bucket.map((p) => p.second + 1))),
      lag: r4(meanOf(bucket.map((p) => p.value))),
    })),
  );
  const severalGroups = new Set(groups.map((g) => g.c.group)).size > 1;
  const windows = windowRows(data, options.faults ?? [], options.lang);
  const flat = values.every((v) => !v.lag);
  const encoding = {
    x: timeX(),
    y: {
      field: 'lag',
      type: 'quantitative',
      title: 'lag (messages)',
      // an all-zero series would get a degenerate axis: show 0..1 instead
      ...(flat ? { scale: { domain: [0, 1] }, axis: { tickCount: 2 } } : {}),
    },
    color: variantColor(colourScale(data.variants.map((v) => variantLabel(data, v)))),
    ...itemDashes(severalGroups, 'group', 'consumer group'),
    tooltip: [
      { field: 'variant', type: 'nominal' },
      { field: 'group', type: 'nominal', title: 'consumer group' },
      { field: 'second', type: 'quantitative', title: 'at second' },
      { field: 'lag', type: 'quantitative', title: 'lag (messages)', format: ',.1f' },
    ],
  };
  return chartSpec(
    {
      text: 'Consumer lag over time',
      subtitle: [
        `messages appended and not yet committed, at the end of each second; grey: the warm-up${options.faults?.length ? '; red: faults' : ''}`,
        thinningNote(k),
      ].filter((s) => s !== ''),
    },
    values,
    {
      width: CHART_WIDTH,
      height: 260,
      layer: [
        ...windowBands(windows),
        // samples at instants: straight segments between them, never a smoothing curve
        {
          mark: {
            type: 'line',
            interpolate: 'linear',
            invalid: 'break-paths-filter-domains',
            tooltip: true,
            clip: true,
          },
          encoding,
        },
      ],
    },
  );
}

/** One example of each data anomaly per variant × group, in words (nothing when none). */
function examplesHtml(rows: GroupRow[], lang: Lang): Html {
  const items = rows.flatMap((row) => {
    const e = row.c.examples ?? { appliedTwice: null, lost: null };
    const who = html`<b>${row.label}</b>`;
    return [
      ...(e.appliedTwice === null
        ? []
        : [
            html`<li>${tHtml(lang, 'msg.example.twice', { who, example: recordWords(lang, e.appliedTwice) })}</li>`,
          ]),
      ...(e.lost === null
        ? []
        : [
            html`<li>${tHtml(lang, 'msg.example.lost', { who, example: recordWords(lang, e.lost) })}</li>`,
          ]),
    ];
  });
  return items.length === 0
    ? EMPTY_HTML
    : html`<h3>${t(lang, 'msg.examplesTitle')}</h3><ul>${items}</ul>`;
}

/** The messaging section (only when some variant has consumer groups). */
export function messagingSection(data: ReportData, lang: Lang = 'en'): PageSection[] {
  const rows = consumerGroupRows(data);
  if (rows.length === 0) return [];
  const groups = [...new Set(rows.map((g) => g.c.group))];
  const metrics = CONSUMER_METRICS.metrics.map((d) => d.metric);
  const estimates = keyMetricsBlock(data, 'consumers', groups, metrics, 'h3', lang);
  return [
    {
      id: 'messaging',
      title: 'Messaging',
      nav: 'Messaging',
      html: html`<p class="intro">${t(lang, 'msg.intro')}</p><h3>${t(lang, 'msg.became')}</h3>${dataTable(FIRST, OUTCOMES, rows, lang)}${examplesHtml(rows, lang)}<h3>${t(lang, 'msg.behind')}</h3>${dataTable(FIRST, LAG, rows, lang)}${estimates}`,
      charts: [
        { spec: messageOutcomeChart(data, lang) },
        {
          spec: consumerLagChart(data, { faults: faultWindows(data, lang), lang }),
          caption: t(lang, 'msg.caption'),
        },
      ],
    },
  ];
}
