/**
 * The report of one scenario run as one self-contained HTML page (index.html), built from its
 * ReportData (results.json, so `msasim report <dir>` rebuilds the same bytes): the header facts,
 * then the page sections of the report features present in their order (the comparison or key
 * metrics, the lesson, the topology, SLOs, propagation, policies, sessions, messaging,
 * consistency, the latency, time and load charts), with the Summary section (the features'
 * summary tables) at its place among them. Laid out by layout.ts.
 */
import { part, type ReportFeature } from '../feature.ts';
import { partsFor, REPORT_FEATURES } from '../features/registry.ts';
import type { Lang } from '../i18n/lang.ts';
import { t } from '../i18n/t.ts';
import type { ReportData } from '../report-data-types.ts';
import { variantLabel } from './charts.ts';
import { formatNumber } from './format.ts';
import { variantChip } from './key-metrics-table.ts';
import { buildChartsPage, type PageSection, type VegaAssets } from './layout.ts';
import { pageLang } from './page-lang.ts';
import { type Html, html, joinHtml } from './template.ts';
import { seedsHtml, tHtml } from './words.ts';

export {
  buildChartsPage,
  type ChartsPageOptions,
  type PageChart,
  type PageSection,
  type VegaAssets,
} from './layout.ts';

const seconds = (lang: Lang, ms: number) =>
  t(lang, 'page.seconds', { n: formatNumber(ms / 1000, ms % 1000 === 0 ? 0 : 1) });

/** The facts under the title: description, file, duration, replications and seeds, variants. */
export function headerHtml(data: ReportData, lang: Lang = 'en'): Html {
  const s = data.variants[0]?.summary.scenario;
  const names = data.variants.map((v) => variantLabel(data, v));
  const facts: [string, Html | string][] = [
    [t(lang, 'page.fact.file'), html`<code>${data.scenario.file}</code>`],
  ];
  if (s) {
    facts.push([
      t(lang, 'page.fact.simulated'),
      t(lang, 'page.fact.simulatedText', {
        duration: seconds(lang, s.durationMs),
        warmup: seconds(lang, s.warmupMs),
      }),
    ]);
  }
  const n = data.replications;
  const seeds = seedsHtml(data.seeds);
  facts.push(
    n === 1
      ? [t(lang, 'page.fact.seed'), seeds]
      : [
          t(lang, 'page.fact.replications'),
          // "per variant" only where there are variants
          tHtml(
            lang,
            data.variants.length > 1 ? 'page.fact.replicationsText' : 'page.fact.replicationsOne',
            { n, seeds },
          ),
        ],
  );
  if (data.variants.length > 1) {
    const baseline = t(lang, 'page.fact.baseline');
    const chips = names.map((name, i) => html`${variantChip(name, i)}${i === 0 ? baseline : ''}`);
    facts.push([t(lang, 'page.fact.variants', { n: names.length }), joinHtml(chips, ', ')]);
  }
  const description = data.scenario.description
    ? html`<p class="lede">${data.scenario.description}</p>`
    : '';
  const dl = facts.map(([k, v]) => html`<dt>${k}</dt><dd>${v}</dd>`);
  return html`${description}<dl class="facts">${dl}</dl>`;
}

/** The Summary section: the summary tables of `features` present (first replication). */
function summarySection(
  data: ReportData,
  features: readonly ReportFeature[],
  lang: Lang,
): PageSection {
  const runs = data.variants.map((v) => v.summary);
  const which =
    data.replications > 1
      ? t(lang, 'page.summary.firstReplication', { seed: String(data.seeds[0]) })
      : '';
  const tables = partsFor('summary-table', runs, [], features).map((p) => p.build(data, lang));
  return {
    id: 'summary',
    title: t(lang, 'page.summary.title'),
    html: html`<p class="intro">${t(lang, 'page.summary.intro', { which })}</p>${tables}`,
  };
}

/**
 * The report of one scenario run as one self-contained HTML page, with the sections of
 * `features` (by default every report feature), its own words in `lang` (`<html lang>` then
 * says so; an English page keeps the language its names suggest, page-lang.ts).
 */
export function buildReportHtml(
  data: ReportData,
  assets: VegaAssets,
  features: readonly ReportFeature[] = REPORT_FEATURES,
  lang: Lang = 'en',
): string {
  const runs = data.variants.map((v) => v.summary);
  const summary = part('page', 30, () => [summarySection(data, features, lang)]);
  const sections = partsFor('page', runs, [summary], features).flatMap((p) => p.build(data, lang));
  return buildChartsPage(data.scenario.name, sections, assets, {
    header: headerHtml(data, lang),
    lang: lang === 'en' ? pageLang(data) : lang,
    words: lang,
  });
}
