/**
 * The comparison of the variants, first in the report: a table of the key metrics of every
 * variant side by side (mean over replications, 95 % CI, change against the baseline), the
 * same as bars with error bars, and the differences in words — significant ones marked better
 * or worse, and a plain list of those that are not significant.
 */
import { variantLabel } from '../../html/charts.ts';
import { KEY_METRICS, keyMetricsCiChart } from '../../html/component-charts.ts';
import { keyMetricsTable, variantChip } from '../../html/key-metrics-table.ts';
import type { PageSection } from '../../html/layout.ts';
import { EMPTY_HTML, type Html, html, joinHtml } from '../../html/template.ts';
import type { MetricDifference } from '../../key-metrics.ts';
import type { ReportData } from '../../report-data-types.ts';

/** The overall key metrics of the comparison table, in order. */
const OVERALL_TABLE_METRICS: readonly string[] = ['p50Ms', 'p90Ms', ...KEY_METRICS.slice(1)];

/**
 * The marker in front of a sentence: ✔ better, ✖ worse, ● different; none without an interval
 * (one replication: the section says so once, above).
 */
function marker(d: MetricDifference): Html {
  if (d.difference.significant === null) return EMPTY_HTML;
  if (d.better === true) return html`<span class="badge better">✔ better</span>`;
  if (d.better === false) return html`<span class="badge worse">✖ worse</span>`;
  return html`<span class="badge neutral">● changed</span>`;
}

/** A sentence without its leading "variant: " (the heading names the variant). */
function sentenceOf(d: MetricDifference, variant: string): string {
  const prefix = `${variant}: `;
  return d.sentence.startsWith(prefix) ? d.sentence.slice(prefix.length) : d.sentence;
}

/**
 * What a difference is about, before its sentence: the endpoint, component, cache, consumer
 * group, saga, transaction step or reader, or the scope of a whole run ("sessions").
 */
function subject(d: MetricDifference): Html {
  if (d.scope === 'overall') return EMPTY_HTML;
  return html`<strong>${d.id === '' ? d.scope : d.id}</strong> · `;
}

/** The name of a metric in a "not significant" list: "throughput", "customers-db mean wait". */
function shortName(d: MetricDifference): string {
  return d.id === '' ? d.label : `${d.id} ${d.label}`;
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
    // the components' and caches' differences are many: folded away below the others
    const folded = (d: MetricDifference) => d.scope === 'component' || d.scope === 'cache';
    const main = c.metrics.filter((d) => !folded(d));
    const componentDiffs = c.metrics.filter(folded);
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

/** Key metrics with confidence intervals for a replicated run without variants (else nothing). */
export function keyMetricsSection(data: ReportData): PageSection[] {
  if (data.replications < 2) return [];
  return [
    {
      id: 'key-metrics',
      title: 'Key metrics',
      html: html`<p class="intro">Means over ${data.replications} replications with their 95 % confidence intervals.</p>${keyMetricsTable(data, 'overall', OVERALL_TABLE_METRICS)}`,
    },
  ];
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
    html: html`${intro}${warning}${keyMetricsTable(data, 'overall', OVERALL_TABLE_METRICS)}`,
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
