/**
 * The report section on users' sessions and credentials (present only when some variant has
 * logged-in users): two tables comparing the variants (what users saw; what it cost), the
 * session key metrics over the replications, and three pure vega-lite spec builders — the load
 * each strategy puts on shared components, how late revocation took effect, and the sessions
 * lost and 401s by reason. Figures are the first replication's; variants without users are
 * left out of the tables and charts but keep their colours.
 */

import type { TopLevelSpec } from 'vega-lite';
import type { SessionSummary } from '../../../metrics/session-stats.ts';
import { UNAUTHORIZED_REASONS } from '../../../metrics/session-stats.ts';
import {
  barLabels,
  chartSpec,
  groupedBarLayers,
  partsNamed,
  stackedPanel,
  variantColor,
} from '../../html/chart-parts.ts';
import { CHART_WIDTH, colourScale, r4 } from '../../html/chart-style.ts';
import { valuesIn } from '../../html/chart-words.ts';
import { variantLabel } from '../../html/charts.ts';
import { type DataColumn, dataTable, type Header } from '../../html/data-table.ts';
import {
  formatBytes,
  formatMs,
  formatNumber,
  formatPercent,
  formatRate,
} from '../../html/format.ts';
import { keyMetricsBlock, variantChip } from '../../html/key-metrics-table.ts';
import type { PageSection } from '../../html/layout.ts';
import { type Html, html } from '../../html/template.ts';
import type { Lang } from '../../i18n/lang.ts';
import { t } from '../../i18n/t.ts';
import type { ReportData } from '../../report-data-types.ts';
import { idpCallsPerSec } from './session-figures.ts';
import { SESSION_METRICS } from './session-metrics.ts';

/** A variant with users: its name, its colour's index, its sessions and statistics window. */
interface SessionVariant {
  name: string;
  index: number;
  s: SessionSummary;
  windowMs: number;
}

/** The variants with logged-in users, in scenario order (results.json of older runs: none). */
export function sessionVariants(data: ReportData): SessionVariant[] {
  return data.variants.flatMap((v, index) => {
    const s = v.summary.sessions ?? null;
    return s === null
      ? []
      : [{ name: variantLabel(data, v), index, s, windowMs: v.summary.windowMs }];
  });
}

/** The first cell of a row: the variant with its colour, its strategy below. */
const labelCell = ({ name, index, s }: SessionVariant): Html =>
  html`<td class="label">${variantChip(name, index)}<span class="sub">${s.strategy}</span></td>`;

/** The first column: the variant with its colour, its strategy below. */
const FIRST: [Header, (r: SessionVariant) => Html] = [['variant', 'strategy'], labelCell];

/** What users saw: logins, 401s by reason, lost sessions, revocation, stale roles. */
const SEEN: DataColumn<SessionVariant>[] = [
  ['logins', ({ s }) => formatRate(s.loginsPerSec)],
  [
    ['401s', `(${UNAUTHORIZED_REASONS.join(' / ')})`],
    ({ s }) =>
      `${formatNumber(s.unauthorized.total)} (${UNAUTHORIZED_REASONS.map((r) => formatNumber(s.unauthorized[r])).join(' / ')})`,
  ],
  ['sessions lost', ({ s }) => formatNumber(s.sessionsLost.total)],
  [
    ['revocation delay', 'mean / max'],
    ({ s }) => `${formatMs(s.revocation.delayMeanMs)} / ${formatMs(s.revocation.delayMaxMs)}`,
  ],
  [['accepted', 'after revocation'], ({ s }) => formatNumber(s.revocation.acceptedAfter)],
  [['stale role', 'requests'], ({ s }) => formatNumber(s.staleRoleRequests)],
];

/** What it cost: replication, token cache, IdP, store, auth time, memory per instance. */
const COST: DataColumn<SessionVariant>[] = [
  [['replication', 'messages'], ({ s }) => formatRate(s.replication.messagesPerSec)],
  [['replication', 'bytes'], ({ s }) => `${formatBytes(s.replication.bytesPerSec)}/s`],
  [
    ['token cache', 'hit ratio'],
    ({ s }) =>
      s.tokenCache.hits + s.tokenCache.misses === 0 ? '–' : formatPercent(s.tokenCache.hitRatio),
  ],
  [
    ['IdP calls', 'issues / resolves / syncs'],
    ({ s }) =>
      `${formatNumber(s.idp.issues)} / ${formatNumber(s.idp.resolves)} / ${formatNumber(s.idp.syncs)}`,
  ],
  [['IdP calls', 'per second'], ({ s, windowMs }) => formatRate(idpCallsPerSec(s, windowMs))],
  [['store', 'operations'], ({ s }) => formatRate(s.storeOpsPerSec)],
  [
    ['auth time', 'mean / p99'],
    ({ s }) => `${formatMs(s.authTime.meanMs)} / ${formatMs(s.authTime.p99Ms)}`,
  ],
  [
    ['session memory', 'per instance'],
    ({ s }) =>
      s.memory.length === 0
        ? '–'
        : s.memory.map((m) => `${m.service} ${formatBytes(m.meanBytesPerInstance)}`).join(', '),
  ],
];

/** The colour scale of the variants (all of them, so each keeps its colour in every chart). */
const variantColours = (data: ReportData) =>
  colourScale(data.variants.map((v) => variantLabel(data, v)));

/** The shared components sessions load, as shown on the chart's axis. */
const LOADS = ['session store', 'identity provider', 'session replication'] as const;

/**
 * The load each strategy puts on shared components: session store operations, IdP calls
 * (issues + resolves + syncs) and replication messages per second, variants side by side.
 */
export function sessionLoadChart(data: ReportData, lang: Lang = 'en'): TopLevelSpec {
  const rows = sessionVariants(data).flatMap(({ name, s, windowMs }) =>
    [s.storeOpsPerSec, idpCallsPerSec(s, windowMs), s.replication.messagesPerSec].map(
      (perSec, k) => ({ variant: name, load: LOADS[k], perSec: r4(perSec) }),
    ),
  );
  const names = sessionVariants(data).map((v) => v.name);
  const bar = Math.max(8, Math.min(22, Math.floor(90 / Math.max(1, names.length))));
  const spec = chartSpec(
    {
      text: 'Load of sessions on shared components',
      subtitle:
        'store operations, identity-provider calls (issues + resolves + syncs) and replication messages per second',
    },
    rows,
    {
      width: CHART_WIDTH - 220,
      height: (bar * names.length + 12) * LOADS.length,
      layer: groupedBarLayers({
        y: { field: 'load', type: 'nominal', sort: LOADS, title: null },
        yOffset: { field: 'variant', type: 'nominal', sort: names },
        x: { field: 'perSec', type: 'quantitative', title: 'per second' },
        color: variantColor(variantColours(data)),
        tooltip: [
          { field: 'variant', type: 'nominal' },
          { field: 'load', type: 'nominal' },
          { field: 'perSec', type: 'quantitative', title: 'per second', format: ',.1f' },
        ],
        field: 'perSec',
        format: ',.1f',
      }),
    },
  );
  // the components loaded (the bands' labels) in `lang`
  return valuesIn(lang, ['load'], spec);
}

/** Horizontal bars of `field` per variant, in a panel of an hconcat (the variants on y). */
function variantBars(
  data: ReportData,
  names: string[],
  panel: { filter: string; field: string; title: string; format: string },
) {
  const y = { field: 'variant', type: 'nominal', sort: names, title: null };
  const x = { field: panel.field, type: 'quantitative', title: panel.title };
  return {
    transform: [{ filter: panel.filter }],
    width: (CHART_WIDTH - 240) / 2,
    height: { step: 28 },
    layer: [
      {
        mark: { type: 'bar', tooltip: true },
        encoding: {
          y,
          x,
          color: { field: 'variant', type: 'nominal', scale: variantColours(data), legend: null },
        },
      },
      barLabels({ y, x }, panel.field, panel.format),
    ],
  };
}

/**
 * Revocation: per variant, the mean and the longest delay from a forced logout to the last
 * request accepted with the revoked credential, and how many requests were accepted after it.
 */
export function revocationChart(data: ReportData, lang: Lang = 'en'): TopLevelSpec {
  const sv = sessionVariants(data);
  const names = sv.map((v) => v.name);
  const rows = sv.flatMap(({ name, s }) => [
    { panel: 'delay', variant: name, statistic: 'mean', ms: r4(s.revocation.delayMeanMs) },
    { panel: 'delay', variant: name, statistic: 'max', ms: r4(s.revocation.delayMaxMs) },
    { panel: 'accepted', variant: name, accepted: s.revocation.acceptedAfter },
  ]);
  const y = { field: 'variant', type: 'nominal', sort: names, title: null };
  const yOffset = { field: 'statistic', type: 'nominal', sort: ['mean', 'max'] };
  const x = {
    field: 'ms',
    type: 'quantitative',
    title: 'revocation delay (ms)',
    axis: { tickCount: 4, labelOverlap: 'greedy', labelFlush: true },
  };
  const delay = {
    transform: [{ filter: "datum.panel === 'delay'" }],
    width: (CHART_WIDTH - 240) / 2,
    height: { step: 40 },
    layer: [
      {
        mark: { type: 'bar', tooltip: true },
        encoding: {
          y,
          yOffset,
          x,
          color: { field: 'variant', type: 'nominal', scale: variantColours(data), legend: null },
          opacity: {
            field: 'statistic',
            type: 'nominal',
            title: 'delay',
            sort: ['mean', 'max'],
            scale: { domain: ['mean', 'max'], range: [1, 0.45] },
          },
          tooltip: [
            { field: 'variant', type: 'nominal' },
            { field: 'statistic', type: 'nominal' },
            { field: 'ms', type: 'quantitative', format: ',.1f' },
          ],
        },
      },
      // one "0" per variant that accepted nothing late, not two
      barLabels({ y, yOffset, x }, 'ms', ',.0f', "datum.ms > 0 || datum.statistic === 'max'"),
    ],
  };
  const accepted = variantBars(data, names, {
    filter: "datum.panel === 'accepted'",
    field: 'accepted',
    title: 'requests accepted after revocation',
    format: ',.0f',
  });
  const spec = chartSpec(
    {
      text: 'How late revocation takes effect',
      subtitle:
        'delay from a forced logout to the last request accepted with the revoked credential (dark: mean, light: max)',
    },
    rows,
    {
      hconcat: [delay, accepted],
    },
  );
  // the statistics' words (the bars' shades, their legend and tooltips) in `lang`
  return valuesIn(lang, ['statistic'], spec);
}

/** Colours of the parts of the loss chart: the 401 reasons, then the causes of lost sessions. */
const LOSS_PARTS: Record<string, string> = {
  'lost session': '#8c564b',
  revoked: '#d62728',
  expired: '#ff7f0e',
  unknown: '#7f7f7f',
  'instance crashed': '#9467bd',
  'scaled in': '#17becf',
};

/** The 401 reasons as the loss chart names them. */
const REASON_LABELS: Record<string, string> = { lost: 'lost session' };

/** Users turned away: 401s stacked by reason, and sessions lost by cause, per variant. */
export function sessionLossChart(data: ReportData, lang: Lang = 'en'): TopLevelSpec {
  const sv = sessionVariants(data);
  const names = sv.map((v) => v.name);
  const rows = sv.flatMap(({ name, s }) => [
    ...UNAUTHORIZED_REASONS.map((r, rank) => ({
      panel: '401s',
      variant: name,
      part: REASON_LABELS[r] ?? r,
      rank,
      count: s.unauthorized[r],
    })),
    {
      panel: 'lost',
      variant: name,
      part: 'instance crashed',
      rank: 0,
      count: s.sessionsLost.crash,
    },
    { panel: 'lost', variant: name, part: 'scaled in', rank: 1, count: s.sessionsLost.scaleIn },
  ]);
  const panel = (filter: string, title: string, parts: string[]) =>
    stackedPanel({
      filter,
      title,
      rows: names,
      parts: partsNamed(LOSS_PARTS, parts),
      width: (CHART_WIDTH - 240) / 2,
      rowField: 'variant',
      partTitle: 'why',
    });
  const spec = chartSpec(
    {
      text: 'Users turned away',
      subtitle: '401s by reason, and sessions lost with an instance, after the warm-up',
    },
    rows,
    {
      hconcat: [
        panel(
          "datum.panel === '401s'",
          '401s (unauthorized)',
          UNAUTHORIZED_REASONS.map((r) => REASON_LABELS[r] ?? r),
        ),
        panel("datum.panel === 'lost'", 'sessions lost', ['instance crashed', 'scaled in']),
      ],
      resolve: { scale: { color: 'independent' }, legend: { color: 'independent' } },
    },
  );
  // the reasons and causes (the parts, their colours' legends) in `lang`
  return valuesIn(lang, ['part'], spec);
}

/** The sessions section (only when some variant has logged-in users). */
export function sessionsSection(data: ReportData, lang: Lang = 'en'): PageSection[] {
  const rows = sessionVariants(data);
  if (rows.length === 0) return [];
  const metrics = SESSION_METRICS.metrics.map((d) => d.metric);
  const estimates = keyMetricsBlock(data, 'sessions', [''], metrics, 'h3', lang);
  return [
    {
      id: 'sessions',
      title: 'Sessions and credentials',
      nav: 'Sessions',
      html: html`<p class="intro">${t(lang, 'sessions.intro')}</p><h3>${t(lang, 'sessions.seen')}</h3>${dataTable(FIRST, SEEN, rows, lang)}<h3>${t(lang, 'sessions.cost')}</h3>${dataTable(FIRST, COST, rows, lang)}${estimates}`,
      charts: [
        {
          spec: sessionLoadChart(data, lang),
          caption: t(lang, 'sessions.caption'),
        },
        { spec: revocationChart(data, lang) },
        { spec: sessionLossChart(data, lang) },
      ],
    },
  ];
}
