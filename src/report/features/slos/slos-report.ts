/**
 * The SLO verdicts of every variant in the report: slos.csv (one row per variant × bound: the
 * mean over replications with its 95 % bounds, pass, pass with confidence), the console's ✓/✗
 * lines, and the page's table of verdicts.
 */

import type { RunResult } from '../../../metrics/summary.ts';
import type { Analysis } from '../../analysis.ts';
import { asIs, type Column, csvOf, rounded, roundedFields } from '../../csv.ts';
import { variantLabel } from '../../html/charts.ts';
import { labelTd, tableHtml, td } from '../../html/data-table.ts';
import type { PageSection } from '../../html/layout.ts';
import { html } from '../../html/template.ts';
import { tHtml } from '../../html/words.ts';
import type { Lang } from '../../i18n/lang.ts';
import { t, term } from '../../i18n/t.ts';
import type { ReportData } from '../../report-data-types.ts';
import { round } from '../../round.ts';
import { formatSloValue, type SloResult, sloLine } from './slo.ts';

type S = SloResult;

/** The columns of slos.csv after `variant`. */
const SLO_COLUMNS: Column<S>[] = [
  ['slo', (s) => s.name],
  ...asIs<S>('scope', 'id', 'metric', 'bound'),
  ...roundedFields<S>('threshold'),
  ['n', (s) => s.estimate.n],
  ['mean', (s) => (s.estimate.n === 0 ? null : round(s.estimate.mean))],
  ['lo', (s) => rounded(s.estimate.lo)],
  ['hi', (s) => rounded(s.estimate.hi)],
  ['pass', (s) => String(s.pass)],
  [
    'passWithConfidence',
    (s) => (s.passWithConfidence === null ? null : String(s.passWithConfidence)),
  ],
];

/**
 * slos.csv: one row per variant × SLO bound: the target, the bound, the mean over replications
 * with its 95 % bounds, and whether it passed (on the mean; `passWithConfidence` when the whole
 * interval is on one side).
 */
export function slosCsv(analysis: Analysis): string {
  return csvOf(
    SLO_COLUMNS,
    analysis.variants.flatMap((v) => v.slos.map((s): [RunResult, SloResult] => [v.run, s])),
  );
}

/** The SLO verdicts of every variant ("" without SLOs): ✓/✗ per bound with the value. */
export function formatSlos(analysis: Analysis, lang: Lang = 'en'): string {
  const all = analysis.variants;
  if (all.every((v) => v.slos.length === 0)) return '';
  const sections = all.map(({ name, slos }) => {
    const met = slos.filter((s) => s.pass).length;
    const title = all.length > 1 ? ` · ${name}` : '';
    const head = t(lang, 'slo.console', { title, met, n: slos.length });
    return `${head}\n${slos.map((s) => `  ${sloLine(s, lang)}`).join('\n')}`;
  });
  return sections.join('\n\n');
}

/** The SLO verdicts, one table row per variant × bound. Empty without SLOs. */
export function slosSection(data: ReportData, lang: Lang = 'en'): PageSection[] {
  if (data.variants.every((v) => v.slos.length === 0)) return [];
  const rows = data.variants.flatMap((v, i) =>
    v.slos.map((s) => {
      const e = s.estimate;
      const value = e.n === 0 ? t(lang, 'hl.notMeasured') : formatSloValue(e.mean, s);
      const ci =
        e.lo === null || e.hi === null
          ? ''
          : `[${formatSloValue(e.lo, s)}, ${formatSloValue(e.hi, s)}]`;
      return html`<tr class="${s.pass ? 'pass' : 'fail'}">${labelTd(t(lang, s.pass ? 'slo.met' : 'slo.missed'))}${[
        variantLabel(data, data.variants[i]),
        s.name,
        s.scope === 'overall' ? t(lang, 'slo.allEndpoints') : s.id,
        s.text,
        value,
        ci,
      ].map(td)}</tr>`;
    }),
  );
  const met = data.variants.map(
    (v, i) =>
      `${variantLabel(data, data.variants[i])}: ${t(lang, 'slo.metOf', { met: v.slos.filter((s) => s.pass).length, n: v.slos.length })}`,
  );
  return [
    {
      id: 'slos',
      title: t(lang, 'slo.title'),
      nav: t(lang, 'slo.nav'),
      html: html`<p class="intro">${tHtml(lang, 'slo.intro', { met: met.join(' · '), code: html`<code>msasim run --check</code>` })}</p>${tableHtml(
        ['verdict', 'variant', 'SLO', 'target', 'bound', 'value', '95 % CI'].map((h) =>
          term(lang, h),
        ),
        rows,
      )}`,
    },
  ];
}
