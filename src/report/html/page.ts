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
import type { ReportData } from '../report-data-types.ts';
import type { PageView } from '../report-view.ts';
import { variantLabel } from './charts.ts';
import { formatNumber } from './format.ts';
import { variantChip } from './key-metrics-table.ts';
import { buildChartsPage, type PageSection, type VegaAssets } from './layout.ts';
import { pageLang } from './page-lang.ts';
import { type Html, html, joinHtml } from './template.ts';

export {
  buildChartsPage,
  type ChartsPageOptions,
  type PageChart,
  type PageSection,
  type VegaAssets,
} from './layout.ts';

const seconds = (ms: number) => `${formatNumber(ms / 1000, ms % 1000 === 0 ? 0 : 1)} s`;

/** The facts under the title: description, file, duration, replications and seeds, variants. */
export function headerHtml(data: ReportData): Html {
  const s = data.variants[0]?.summary.scenario;
  const names = data.variants.map((v) => variantLabel(data, v));
  const facts: [string, Html | string][] = [
    ['scenario file', html`<code>${data.scenario.file}</code>`],
  ];
  if (s) {
    facts.push([
      'simulated',
      `${seconds(s.durationMs)} per run; the first ${seconds(s.warmupMs)} are warm-up and not counted`,
    ]);
  }
  const n = data.replications;
  facts.push([
    n === 1 ? 'seed' : 'replications',
    n === 1
      ? data.seeds.map(String).join(', ')
      : `${n} per variant, seeds ${data.seeds.map(String).join(', ')}`,
  ]);
  if (data.variants.length > 1) {
    const chips = names.map(
      (name, i) => html`${variantChip(name, i)}${i === 0 ? ' (baseline)' : ''}`,
    );
    facts.push([`${names.length} variants`, joinHtml(chips, ', ')]);
  }
  const description = data.scenario.description
    ? html`<p class="lede">${data.scenario.description}</p>`
    : '';
  const dl = facts.map(([k, v]) => html`<dt>${k}</dt><dd>${v}</dd>`);
  return html`${description}<dl class="facts">${dl}</dl>`;
}

/** The Summary section: the summary tables of `features` present (first replication). */
function summarySection(data: ReportData, features: readonly ReportFeature[]): PageSection {
  const runs = data.variants.map((v) => v.summary);
  const which = data.replications > 1 ? ` (first replication, seed ${String(data.seeds[0])})` : '';
  const tables = partsFor('summary-table', runs, [], features).map((t) => t.build(data));
  return {
    id: 'summary',
    title: 'Summary',
    html: html`<p class="intro">After the warm-up${which}. Latency percentiles are of successful requests; load is visits per second; utilisation is busy threads or connections over capacity.</p>${tables}`,
  };
}

/**
 * The report of one scenario run as one self-contained HTML page, with the sections of
 * `features` (by default every report feature), as `view` chooses (the page's language picks
 * the lesson's translation; absent, the lesson shows in its own language).
 */
export function buildReportHtml(
  data: ReportData,
  assets: VegaAssets,
  features: readonly ReportFeature[] = REPORT_FEATURES,
  view: PageView = {},
): string {
  const runs = data.variants.map((v) => v.summary);
  const summary = part('page', 30, () => [summarySection(data, features)]);
  const sections = partsFor('page', runs, [summary], features).flatMap((p) => p.build(data, view));
  const lang = pageLang(data);
  return buildChartsPage(data.scenario.name, sections, assets, { header: headerHtml(data), lang });
}
