/**
 * The table of key metrics the page shows for every variant side by side (mean over the
 * replications, 95 % CI, change against the baseline as a coloured badge), and the variant chip
 * (name and colour swatch) the page's tables share. Used by the comparison and by the sections
 * of features with key metrics (sessions, messaging, transactions).
 */

import { changeWords } from '../change-words.ts';
import { sentenceIn, signedDifferences } from '../difference-words.ts';
import { halfWidthText } from '../highlights-text.ts';
import type { Lang } from '../i18n/lang.ts';
import { t, term } from '../i18n/t.ts';
import {
  type MetricDifference,
  type MetricEstimate,
  type MetricScope,
  verdictOf,
} from '../key-metrics.ts';
import type { ReportData } from '../report-data-types.ts';
import { variantColour } from './chart-style.ts';
import { variantLabel } from './charts.ts';
import { formatInUnit } from './format.ts';
import { EMPTY_HTML, type Html, html, joinHtml } from './template.ts';

/** A variant's name with its colour swatch. */
export function variantChip(name: string, index: number): Html {
  return html`<span class="variant-name"><span class="swatch" style="background:${variantColour(index)}"></span>${name}</span>`;
}

/** The badge of a difference: its change (change-words.ts), coloured by significance and direction. */
function badge(d: MetricDifference, lang: Lang, baseline: string, variant: string): Html {
  const { significant } = d.difference;
  const cls = verdictOf(d);
  const change =
    changeWords(d.unit, d.difference, d.baseline.mean)?.change ??
    signedDifferences([d.difference.diff.mean], d.unit)[0];
  const suffix = significant === false ? ` ${t(lang, 'cmp.ns')}` : '';
  const sentence = sentenceIn(lang, d, variant, baseline);
  return html`<span class="badge ${cls}" title="${sentence}">${change + suffix}</span>`;
}

/** One table cell: the estimate's mean, its interval, and (for a variant) the change badge. */
function cell(
  e: MetricEstimate | undefined,
  d: MetricDifference | undefined,
  lang: Lang,
  baseline: string,
  variant: string,
): Html {
  if (e === undefined) return html`<td>–</td>`;
  const { lo, hi, halfWidth } = e.estimate;
  const ci =
    lo !== null && hi !== null && halfWidth !== null
      ? html`<span class="ci" title="${t(lang, 'km.ci', { lo: formatInUnit(lo, e.unit), hi: formatInUnit(hi, e.unit) })}">${halfWidthText(e) ?? ''}</span>`
      : '';
  return html`<td><span class="value">${formatInUnit(e.estimate.mean, e.unit)}</span>${ci}${d ? badge(d, lang, baseline, variant) : ''}</td>`;
}

/**
 * The key `metrics` of `scope` and `id` (id '' for overall and sessions, else the item: a
 * consumer group, saga, transaction step or reader) of every variant side by side; for each
 * variant after the first, the change against the first. Metrics that are 0 in every variant
 * are left out.
 */
export function keyMetricsTable(
  data: ReportData,
  scope: MetricScope,
  metrics: readonly string[],
  id = '',
  lang: Lang = 'en',
): Html {
  const names = data.variants.map((v) => variantLabel(data, v));
  const head = names.map((n, i) => {
    const role =
      i === 0 && names.length > 1 ? html`<span class="sub">${t(lang, 'km.baseline')}</span>` : '';
    return html`<th>${variantChip(n, i)}${role}</th>`;
  });
  const rows: Html[] = [];
  for (const metric of metrics) {
    const found = data.variants.map((v) =>
      v.estimates.find((e) => e.scope === scope && e.id === id && e.metric === metric),
    );
    if (found.every((e) => e === undefined || !e.estimate.mean)) continue;
    const label = term(lang, (found.find((e) => e !== undefined) as MetricEstimate).label);
    const cells = found.map((e, i) => {
      const d = i === 0 ? undefined : differenceOf(data, i, scope, metric, id);
      return cell(e, d, lang, names[0], names[i]);
    });
    rows.push(html`<tr><td class="label">${label}</td>${cells}</tr>`);
  }
  return html`<div class="table-wrap"><table class="data key-metrics"><thead><tr><th>${t(lang, 'console.metric')}</th>${head}</tr></thead><tbody>${joinHtml(rows, '\n')}</tbody></table></div>`;
}

/** Variant `v`'s difference from the baseline on `metric` of `scope` and `id`. */
function differenceOf(
  data: ReportData,
  v: number,
  scope: MetricScope,
  metric: string,
  id: string,
): MetricDifference | undefined {
  return data.comparisons[v - 1]?.metrics.find(
    (m) => m.scope === scope && m.id === id && m.metric === metric,
  );
}

/**
 * "Key metrics over the replications" (a heading of `level`) and a table of `metrics` per item
 * of `ids` (headed by its id when there are several), when there are variants or replications
 * to compare; else nothing.
 */
export function keyMetricsBlock(
  data: ReportData,
  scope: MetricScope,
  ids: readonly string[],
  metrics: readonly string[],
  level: 'h3' | 'h4',
  lang: Lang = 'en',
): Html {
  if (data.variants.length < 2 && data.replications < 2) return EMPTY_HTML;
  const tables = ids.map(
    (id) =>
      html`${ids.length > 1 ? html`<h4>${id}</h4>` : ''}${keyMetricsTable(data, scope, metrics, id, lang)}`,
  );
  const words = t(lang, 'km.overReplications');
  const heading = level === 'h3' ? html`<h3>${words}</h3>` : html`<h4>${words}</h4>`;
  return html`${heading}${tables}`;
}
