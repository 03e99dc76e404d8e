/**
 * The sections of sweep.html (pure: SweepData in, sections of the shared charts page out):
 * what was swept, latency and throughput/error charts against the first parameter, the busiest
 * components' utilisation, and the table the console prints; `sweepPage` lays them out with
 * buildChartsPage and the inlined vega libraries. Every scenario text, seed and parameter value
 * goes through the `html` template (escaped).
 */

import { buildChartsPage, type PageSection, type VegaAssets } from './html/layout.ts';
import { type Html, html, joinHtml } from './html/template.ts';
import { seedsHtml, tHtml } from './html/words.ts';
import type { Lang } from './i18n/lang.ts';
import { t } from './i18n/t.ts';
import { formatSweepTable } from './sweep.ts';
import { type SweepChart, sweepCharts } from './sweep-charts.ts';
import type { SweepData } from './sweep-data.ts';

/** The title of a sweep's page. */
export function sweepPageTitle(data: SweepData, lang: Lang = 'en'): string {
  const params = data.params.map((p) => p.path).join(' × ');
  return t(lang, 'sweep.title', { name: data.scenario.name, params });
}

/** The markup under the page title: the description and the size of the sweep. */
export function sweepPageHeader(data: SweepData, lang: Lang = 'en'): Html {
  const variants = [...new Set(data.points.map((p) => p.variant))];
  const points = new Set(data.points.map((p) => p.index)).size;
  const facts = [
    t(lang, 'sweep.points', { n: points }),
    variants[0] === null
      ? t(lang, 'sweep.noVariants')
      : t(lang, 'page.fact.variants', { n: variants.length }),
    tHtml(lang, data.replications === 1 ? 'sweep.replication' : 'sweep.replications', {
      n: data.replications,
      seeds: seedsHtml(data.seeds),
    }),
    data.scenario.file,
  ];
  return html`<p>${data.scenario.description}</p>\n<p class="facts">${joinHtml(facts, ' · ')}</p>`;
}

/** The sections of a sweep's page, in order. */
export function sweepPageSections(data: SweepData, lang: Lang = 'en'): PageSection[] {
  const charts = sweepCharts(data, lang);
  const pick = (pred: (c: SweepChart) => boolean) =>
    charts.filter(pred).map((c) => ({ spec: c.spec, caption: c.caption }));
  const grid = data.params.map(
    (p) => html`<li><code>${p.path}</code>: ${p.values.map((v) => String(v)).join(', ')}</li>`,
  );
  const sections: PageSection[] = [
    {
      id: 'grid',
      title: 'What was swept',
      nav: 'Grid',
      html: html`<ul>${grid}</ul>\n<p>${t(lang, 'sweep.intro')}</p>`,
    },
    {
      id: 'latency',
      title: 'Latency',
      charts: pick((c) => c.key === 'overall||p50Ms' || c.key === 'overall||p99Ms'),
    },
    {
      id: 'throughput',
      title: 'Throughput and errors',
      nav: 'Throughput',
      charts: pick((c) => c.key === 'overall||throughputPerSec' || c.key === 'overall||errorRate'),
    },
    {
      id: 'utilisation',
      title: 'Busiest components',
      nav: 'Utilisation',
      charts: pick((c) => c.key.startsWith('component|')),
    },
    {
      id: 'table',
      title: 'Every point',
      nav: 'Table',
      html: html`<pre class="table">${formatSweepTable(data, lang)}</pre>`,
    },
  ];
  return sections.filter((s) => s.html !== undefined || (s.charts?.length ?? 0) > 0);
}

/**
 * sweep.html: the sections laid out on the shared charts page, the libraries inlined; msasim's
 * words in `lang` (the table under "Every point" is the console's, in `lang` too).
 */
export function sweepPage(data: SweepData, assets: VegaAssets, lang: Lang = 'en'): string {
  return buildChartsPage(sweepPageTitle(data, lang), sweepPageSections(data, lang), assets, {
    header: sweepPageHeader(data, lang),
    eyebrow: t(lang, 'sweep.eyebrow'),
    words: lang,
  });
}
