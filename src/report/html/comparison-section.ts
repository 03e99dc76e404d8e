/**
 * The comparison of the variants, first in the report: a table of the key metrics of every
 * variant side by side (mean over replications, 95 % CI, change against the baseline), the
 * same as bars with error bars, and the differences in words — significant ones marked better
 * or worse, and a plain list of those that are not significant.
 */
import {
  ITEM_SCOPES,
  type MetricDifference,
  type MetricEstimate,
  type MetricScope,
} from '../estimates.ts';
import type { ReportData } from '../report-data.ts';
import { variantColour } from './chart-style.ts';
import { variantLabel } from './charts.ts';
import { KEY_METRICS, keyMetricsCiChart } from './component-charts.ts';
import { formatChange, formatInUnit } from './format.ts';
import type { PageSection } from './page.ts';
import { EMPTY_HTML, type Html, html, joinHtml } from './template.ts';

/** A variant's name with its colour swatch. */
export function variantChip(name: string, index: number): Html {
  return html`<span class="variant-name"><span class="swatch" style="background:${variantColour(index)}"></span>${name}</span>`;
}

/** The badge of a difference: its relative change, coloured by significance and direction. */
function badge(d: MetricDifference): Html {
  const { significant } = d.difference;
  const cls =
    significant !== true
      ? 'ns'
      : d.better === true
        ? 'better'
        : d.better === false
          ? 'worse'
          : 'neutral';
  const rel = d.difference.relative;
  const change = rel
    ? formatChange(rel.mean)
    : `${d.difference.diff.mean >= 0 ? '+' : '−'}${formatInUnit(Math.abs(d.difference.diff.mean), d.unit)}`;
  const suffix = significant === false ? ' n.s.' : '';
  return html`<span class="badge ${cls}" title="${d.sentence}">${change + suffix}</span>`;
}

/** The marker in front of a sentence: ✔ better, ✖ worse, ● different, ○ no interval. */
function marker(d: MetricDifference): Html {
  if (d.difference.significant === null) return html`<span class="badge ns">○ no CI</span>`;
  if (d.better === true) return html`<span class="badge better">✔ better</span>`;
  if (d.better === false) return html`<span class="badge worse">✖ worse</span>`;
  return html`<span class="badge neutral">● changed</span>`;
}

/** One table cell: the estimate's mean, its interval, and (for a variant) the change badge. */
function cell(e: MetricEstimate | undefined, d: MetricDifference | undefined): Html {
  if (e === undefined) return html`<td>–</td>`;
  const { lo, hi, halfWidth } = e.estimate;
  const ci =
    lo !== null && hi !== null && halfWidth !== null
      ? html`<span class="ci" title="95 % CI ${formatInUnit(lo, e.unit)} – ${formatInUnit(hi, e.unit)}">± ${formatInUnit(halfWidth, e.unit)}</span>`
      : '';
  return html`<td><span class="value">${formatInUnit(e.estimate.mean, e.unit)}</span>${ci}${d ? badge(d) : ''}</td>`;
}

/** The overall key metrics of the comparison table, in order. */
const OVERALL_TABLE_METRICS: readonly string[] = ['p50Ms', 'p90Ms', ...KEY_METRICS.slice(1)];

/**
 * The key metrics of every variant side by side (the overall ones unless `scope`, `metrics` and
 * `id` say otherwise: id '' for overall and sessions, the item for a consumer group, saga,
 * transaction step or reader); for each variant after the first, the change against the
 * first. Metrics that are 0 in every variant are left out.
 */
export function keyMetricsTable(
  data: ReportData,
  scope: MetricScope = 'overall',
  metrics: readonly string[] = OVERALL_TABLE_METRICS,
  id = '',
): Html {
  const names = data.variants.map((v) => variantLabel(data, v));
  const head = names.map((n, i) => {
    const role = i === 0 && names.length > 1 ? html`<span class="sub">baseline</span>` : '';
    return html`<th>${variantChip(n, i)}${role}</th>`;
  });
  const rows: Html[] = [];
  for (const metric of metrics) {
    const found = data.variants.map((v) =>
      v.estimates.find((e) => e.scope === scope && e.id === id && e.metric === metric),
    );
    if (found.every((e) => e === undefined || !e.estimate.mean)) continue;
    const label = (found.find((e) => e !== undefined) as MetricEstimate).label;
    const cells = found.map((e, i) => {
      const d = i === 0 ? undefined : differenceOf(data, i, scope, metric, id);
      return cell(e, d);
    });
    rows.push(html`<tr><td class="label">${label}</td>${cells}</tr>`);
  }
  return html`<div class="table-wrap"><table class="data key-metrics"><thead><tr><th>metric</th>${head}</tr></thead><tbody>${joinHtml(rows, '\n')}</tbody></table></div>`;
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

/** A sentence without its leading "variant: " (the heading names the variant). */
function sentenceOf(d: MetricDifference, variant: string): string {
  const prefix = `${variant}: `;
  return d.sentence.startsWith(prefix) ? d.sentence.slice(prefix.length) : d.sentence;
}

/**
 * What a difference is about, before its sentence: the endpoint, component, cache, sessions,
 * consumer group, saga, transaction step or reader.
 */
function subject(d: MetricDifference): Html {
  if (d.scope === 'overall') return EMPTY_HTML;
  return html`<strong>${d.scope === 'sessions' ? 'sessions' : d.id}</strong> · `;
}

/** The name of a metric in a "not significant" list: "throughput", "customers-db mean wait". */
function shortName(d: MetricDifference): string {
  return d.scope === 'overall' || d.scope === 'sessions' ? d.label : `${d.id} ${d.label}`;
}

/** A list of differences (significant first, in words) and the names of those that are not. */
function differenceList(ds: MetricDifference[], variant: string): Html {
  const shown = ds.filter((d) => d.difference.significant !== false);
  const ns = ds.filter((d) => d.difference.significant === false);
  const items = shown.map((d) => html`<li>${marker(d)}${subject(d)}${sentenceOf(d, variant)}</li>`);
  const list =
    items.length > 0 ? html`<ul class="differences">\n${joinHtml(items, '\n')}\n</ul>` : '';
  const rest =
    ns.length > 0
      ? html`<p class="not-significant"><span class="badge ns">n.s.</span> Not significant (the 95 % interval of the difference includes 0): ${ns.map(shortName).join(', ')}.</p>`
      : '';
  return html`${list}${rest}`;
}

/** The differences of every variant from the baseline, in words. */
function differencesHtml(data: ReportData): Html {
  const parts: Html[] = [html`<h3>Differences from the baseline, in words</h3>`];
  data.comparisons.forEach((c, k) => {
    const main = c.metrics.filter(
      (d) =>
        d.scope === 'overall' ||
        d.scope === 'endpoint' ||
        d.scope === 'sessions' ||
        ITEM_SCOPES.includes(d.scope),
    );
    const componentDiffs = c.metrics.filter((d) => d.scope === 'component' || d.scope === 'cache');
    const sig = componentDiffs.filter((d) => d.difference.significant !== false).length;
    parts.push(
      html`<h4>${variantChip(c.variant, k + 1)} vs ${variantChip(c.baseline, 0)}</h4>`,
      differenceList(main, c.variant),
    );
    if (componentDiffs.length > 0) {
      parts.push(
        html`<details><summary>Components and caches: ${sig} of ${componentDiffs.length} differences ${data.replications > 1 ? 'significant' : 'listed'}</summary>${differenceList(componentDiffs, c.variant)}</details>`,
      );
    }
  });
  return joinHtml(parts, '\n');
}

/** The comparison section (variants only): table, chart with confidence intervals, sentences. */
export function comparisonSection(data: ReportData): PageSection {
  const names = data.variants.map((v) => variantLabel(data, v));
  const n = data.replications;
  const seeds = data.seeds.map(String).join(', ');
  const intro = joinHtml([
    html`<p class="intro">Each variant ran ${n} replication${n === 1 ? '' : 's'} with the same seed${n === 1 ? '' : 's'} (${seeds}): the same arrivals and the same draws for the same component (common random numbers). `,
    html`Each variant is compared with the baseline ${variantChip(names[0], 0)} replication by replication (paired differences). `,
    html`Green is better, red is worse; grey “n.s.” means the 95 % confidence interval of the difference includes 0.</p>`,
  ]);
  const warning =
    n < 2
      ? html`<p class="note">One replication: there are no confidence intervals, so no difference can be called significant. Run again with <code>--replications 5</code>.</p>`
      : '';
  return {
    id: 'comparison',
    title: 'Comparison of the variants',
    nav: 'Comparison',
    html: html`${intro}${warning}${keyMetricsTable(data)}`,
    charts: [
      {
        spec: keyMetricsCiChart(data),
        caption:
          'Each bar is the mean over the replications; the whiskers span its 95 % confidence interval. Panels have their own scales.',
      },
    ],
    after: differencesHtml(data),
  };
}
