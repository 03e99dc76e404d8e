/**
 * The comparison of the variants, first in the report: a table of the key metrics of every
 * variant side by side (mean over replications, 95 % CI, change against the baseline), the
 * same as bars with error bars, and the differences in words — significant ones marked better
 * or worse, and a plain list of those that are not significant.
 */

import { sentenceIn } from '../../difference-words.ts';
import { variantLabel } from '../../html/charts.ts';
import { KEY_METRICS, keyMetricsCiChart } from '../../html/component-charts.ts';
import { keyMetricsTable, variantChip } from '../../html/key-metrics-table.ts';
import type { PageSection } from '../../html/layout.ts';
import { EMPTY_HTML, type Html, html, joinHtml } from '../../html/template.ts';
import { seedsHtml, tHtml } from '../../html/words.ts';
import type { Lang } from '../../i18n/lang.ts';
import { t, term } from '../../i18n/t.ts';
import type { MetricDifference } from '../../key-metrics.ts';
import type { ReportData } from '../../report-data-types.ts';

/** The overall key metrics of the comparison table, in order. */
const OVERALL_TABLE_METRICS: readonly string[] = ['p50Ms', 'p90Ms', ...KEY_METRICS.slice(1)];

/**
 * The marker in front of a sentence: ✔ better, ✖ worse, ● different; none without an interval
 * (one replication: the section says so once, above).
 */
function marker(d: MetricDifference, lang: Lang): Html {
  if (d.difference.significant === null) return EMPTY_HTML;
  if (d.better === true)
    return html`<span class="badge better">✔ ${t(lang, 'verdict.better')}</span>`;
  if (d.better === false)
    return html`<span class="badge worse">✖ ${t(lang, 'verdict.worse')}</span>`;
  return html`<span class="badge neutral">● ${t(lang, 'verdict.changed')}</span>`;
}

/** A sentence without its leading "variant: " (the heading names the variant). */
function sentenceOf(d: MetricDifference, variant: string, baseline: string, lang: Lang): string {
  const sentence = sentenceIn(lang, d, variant, baseline);
  const prefix = `${variant}: `;
  return sentence.startsWith(prefix) ? sentence.slice(prefix.length) : sentence;
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
function shortName(d: MetricDifference, lang: Lang): string {
  return d.id === '' ? term(lang, d.label) : `${d.id} ${term(lang, d.label)}`;
}

/** A list of differences (significant first, in words) and the names of those that are not. */
function differenceList(
  ds: MetricDifference[],
  variant: string,
  baseline: string,
  lang: Lang,
): Html {
  const shown = ds.filter((d) => d.difference.significant !== false);
  const ns = ds.filter((d) => d.difference.significant === false);
  const items = shown.map(
    (d) => html`<li>${marker(d, lang)}${subject(d)}${sentenceOf(d, variant, baseline, lang)}</li>`,
  );
  const list =
    items.length > 0 ? html`<ul class="differences">\n${joinHtml(items, '\n')}\n</ul>` : '';
  const names = ns.map((d) => shortName(d, lang)).join(', ');
  const rest =
    ns.length > 0
      ? html`<p class="not-significant"><span class="badge ns">${t(lang, 'cmp.ns')}</span> ${t(lang, 'cmp.notSignificant', { names })}</p>`
      : '';
  return html`${list}${rest}`;
}

/** The differences of every variant from the baseline, in words. */
function differencesHtml(data: ReportData, lang: Lang): Html {
  const parts: Html[] = [html`<h3>${t(lang, 'cmp.inWords')}</h3>`];
  data.comparisons.forEach((c, k) => {
    // the components' and caches' differences are many: folded away below the others
    const folded = (d: MetricDifference) => d.scope === 'component' || d.scope === 'cache';
    const main = c.metrics.filter((d) => !folded(d));
    const componentDiffs = c.metrics.filter(folded);
    const sig = componentDiffs.filter((d) => d.difference.significant !== false).length;
    parts.push(
      html`<h4>${variantChip(c.variant, k + 1)} ${t(lang, 'cmp.vs')} ${variantChip(c.baseline, 0)}</h4>`,
      differenceList(main, c.variant, c.baseline, lang),
    );
    if (componentDiffs.length > 0) {
      const key = data.replications > 1 ? 'cmp.components.significant' : 'cmp.components.listed';
      parts.push(
        html`<details><summary>${t(lang, key, { sig, n: componentDiffs.length })}</summary>${differenceList(componentDiffs, c.variant, c.baseline, lang)}</details>`,
      );
    }
  });
  return joinHtml(parts, '\n');
}

/** Key metrics with confidence intervals for a replicated run without variants (else nothing). */
export function keyMetricsSection(data: ReportData, lang: Lang = 'en'): PageSection[] {
  if (data.replications < 2) return [];
  return [
    {
      id: 'key-metrics',
      title: t(lang, 'cmp.keyMetrics'),
      html: html`<p class="intro">${t(lang, 'cmp.keyMetricsIntro', { n: data.replications })}</p>${keyMetricsTable(data, 'overall', OVERALL_TABLE_METRICS, '', lang)}`,
    },
  ];
}

/** The comparison section (variants only): table, chart with confidence intervals, sentences. */
export function comparisonSection(data: ReportData, lang: Lang = 'en'): PageSection {
  const names = data.variants.map((v) => variantLabel(data, v));
  const n = data.replications;
  const seeds = seedsHtml(data.seeds);
  const baseline = variantChip(names[0], 0);
  const intro = html`<p class="intro">${tHtml(lang, n === 1 ? 'cmp.intro.one' : 'cmp.intro', { n, seeds, baseline })}</p>`;
  const code = html`<code>--replications 5</code>`;
  const warning =
    n < 2 ? html`<p class="note">${tHtml(lang, 'cmp.oneReplication', { code })}</p>` : '';
  return {
    id: 'comparison',
    title: t(lang, 'cmp.title'),
    nav: t(lang, 'cmp.nav'),
    html: html`${intro}${warning}${keyMetricsTable(data, 'overall', OVERALL_TABLE_METRICS, '', lang)}`,
    charts: [{ spec: keyMetricsCiChart(data, lang), caption: t(lang, 'cmp.chartCaption') }],
    after: differencesHtml(data, lang),
  };
}
