/**
 * The resilience policies of call steps (retries, breaker, bulkhead, fallback) in the report:
 * policies.csv (one row per variant × call step with policies), the console's table and the
 * page's section. Load × is attempts per call: how much retries multiply the callee's load.
 */

import type { CallPolicySummary, RunSummary } from '../../../metrics/summary.ts';
import type { Analysis } from '../../analysis.ts';
import { asIs, type Column, csvOf, roundedFields, runItems } from '../../csv.ts';
import { variantLabel } from '../../html/charts.ts';
import { labelTd, tableHtml, td } from '../../html/data-table.ts';
import { formatNumber, formatPercent } from '../../html/format.ts';
import type { PageSection } from '../../html/layout.ts';
import { html } from '../../html/template.ts';
import type { Lang } from '../../i18n/lang.ts';
import { t } from '../../i18n/t.ts';
import type { ReportData } from '../../report-data-types.ts';
import { countColumns, num, pct, type TextColumn, tableOf } from '../../text-table.ts';

type P = CallPolicySummary;
const POLICY_COLUMNS: Column<P>[] = [
  ['call', (p) => p.id],
  ...asIs<P>('from', 'to', 'calls', 'attempts'),
  ...roundedFields<P>('amplification'),
  ...asIs<P>('retries', 'retriesDenied', 'breakerOpened'),
  ...roundedFields<P>('openFraction'),
  ...asIs<P>('shortCircuited', 'bulkheadRejected', 'fallbacks'),
];

/** policies.csv: one row per variant × call step with resilience policies. */
export function policiesCsv({ results }: Analysis): string {
  return csvOf(
    POLICY_COLUMNS,
    runItems(results.runs, (s) => s.callPolicies),
  );
}

/** The columns of the console's table of call steps with policies. */
const POLICY_TABLE: TextColumn<P>[] = [
  ['call (policies)', (p) => `${p.from} → ${p.to}`],
  ...countColumns<P>('calls'),
  ['load ×', (p) => `${num(p.amplification, 2)}×`],
  ...countColumns<P>('retries'),
  ['over budget', (p) => String(p.retriesDenied)],
  ['opened', (p) => String(p.breakerOpened)],
  ['open', (p) => pct(p.openFraction)],
  ['short-circuited', (p) => String(p.shortCircuited)],
  ['bulkhead full', (p) => String(p.bulkheadRejected)],
  ...countColumns<P>('fallbacks'),
];

/** The console table of a run's call steps with policies ('' without any), after a blank line. */
export function policyTable(s: RunSummary, lang: Lang = 'en'): string {
  return s.callPolicies.length === 0 ? '' : `\n\n${tableOf(POLICY_TABLE, s.callPolicies, lang)}`;
}

/** The call steps with resilience policies: amplification, breaker, bulkhead, fallbacks. */
export function policiesSection(data: ReportData, lang: Lang = 'en'): PageSection[] {
  if (data.variants.every((v) => v.summary.callPolicies.length === 0)) return [];
  const rows = data.variants.flatMap((v, i) =>
    v.summary.callPolicies.map(
      (p) =>
        html`<tr>${labelTd(`${p.from} → ${p.to}`)}${[
          variantLabel(data, data.variants[i]),
          formatNumber(p.calls),
          `${formatNumber(p.amplification, 2)}×`,
          formatNumber(p.retries),
          formatNumber(p.retriesDenied),
          formatNumber(p.breakerOpened),
          formatPercent(p.openFraction),
          formatNumber(p.shortCircuited),
          formatNumber(p.bulkheadRejected),
          formatNumber(p.fallbacks),
        ].map(td)}</tr>`,
    ),
  );
  return [
    {
      id: 'policies',
      title: 'Resilience policies',
      nav: 'Policies',
      html: html`<p class="intro">${t(lang, 'policies.intro')}</p>${tableHtml(
        [
          'call',
          'variant',
          'calls',
          'load ×',
          'retries',
          'over budget',
          'breaker opened',
          'open',
          'short-circuited',
          'bulkhead full',
          'fallbacks',
        ],
        rows,
        lang,
      )}`,
    },
  ];
}
