/**
 * The resilience policies of call steps (retries, breaker, bulkhead, fallback) in the report:
 * policies.csv (one row per variant × call step with policies), the console's table and the
 * page's section. Load × is attempts per call: how much retries multiply the callee's load.
 */
import type { CallPolicySummary, RunResult, RunSummary } from '../../../metrics/summary.ts';
import type { Analysis } from '../../analysis.ts';
import { type Column, csvOf } from '../../csv.ts';
import { variantLabel } from '../../html/charts.ts';
import { labelTd, tableHtml, td } from '../../html/data-table.ts';
import { formatNumber, formatPercent } from '../../html/format.ts';
import type { PageSection } from '../../html/layout.ts';
import { html } from '../../html/template.ts';
import type { ReportData } from '../../report-data-types.ts';
import { round } from '../../round.ts';
import { formatTable, num, pct } from '../../text-table.ts';

const POLICY_COLUMNS: Column<CallPolicySummary>[] = [
  ['call', (p) => p.id],
  ['from', (p) => p.from],
  ['to', (p) => p.to],
  ['calls', (p) => p.calls],
  ['attempts', (p) => p.attempts],
  ['amplification', (p) => round(p.amplification)],
  ['retries', (p) => p.retries],
  ['retriesDenied', (p) => p.retriesDenied],
  ['breakerOpened', (p) => p.breakerOpened],
  ['openFraction', (p) => round(p.openFraction)],
  ['shortCircuited', (p) => p.shortCircuited],
  ['bulkheadRejected', (p) => p.bulkheadRejected],
  ['fallbacks', (p) => p.fallbacks],
];

/** policies.csv: one row per variant × call step with resilience policies. */
export function policiesCsv({ variants }: Analysis): string {
  return csvOf(
    POLICY_COLUMNS,
    variants.flatMap(({ run: r }) =>
      r.summary.callPolicies.map((p): [RunResult, CallPolicySummary] => [r, p]),
    ),
  );
}

/** The console table of a run's call steps with policies ('' without any), after a blank line. */
export function policyTable(s: RunSummary): string {
  if (s.callPolicies.length === 0) return '';
  const rows = s.callPolicies.map((p) => [
    `${p.from} → ${p.to}`,
    String(p.calls),
    `${num(p.amplification, 2)}×`,
    String(p.retries),
    String(p.retriesDenied),
    String(p.breakerOpened),
    pct(p.openFraction),
    String(p.shortCircuited),
    String(p.bulkheadRejected),
    String(p.fallbacks),
  ]);
  const header = [
    'call (policies)',
    'calls',
    'load ×',
    'retries',
    'over budget',
    'opened',
    'open',
    'short-circuited',
    'bulkhead full',
    'fallbacks',
  ];
  return `\n\n${formatTable(header, rows)}`;
}

/** The call steps with resilience policies: amplification, breaker, bulkhead, fallbacks. */
export function policiesSection(data: ReportData): PageSection[] {
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
      html: html`<p class="intro">Load × is attempts per call: how much the retries multiply the load on the callee (retry amplification).</p>${tableHtml(
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
      )}`,
    },
  ];
}
