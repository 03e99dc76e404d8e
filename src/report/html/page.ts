/**
 * The self-contained HTML pages of msasim (pure: data and library texts in, one string out).
 * `buildChartsPage` is the layout every page shares: header, nav, sections of trusted HTML and
 * vega-lite charts, the three vega libraries inlined so the page works offline from file://,
 * and a small script that draws every chart as SVG and switches tabs. `buildReportHtml` fills
 * it with the report of one scenario run. No timestamp: the same data gives the same bytes.
 */

import type { TopLevelSpec } from 'vega-lite';
import type { ReportData } from '../report-data.ts';
import { escapeHtml, jsonForScript, scriptForHtml } from './escape.ts';
import { messagingSection } from './messaging-sections.ts';
import { PAGE_CSS } from './page-style.ts';
import {
  chartSections,
  comparisonSection,
  headerHtml,
  keyMetricsSection,
  lessonSection,
  summarySection,
  topologySection,
} from './report-sections.ts';
import { policiesSection, propagationSection, slosSection } from './resilience-sections.ts';
import { sessionsSection } from './session-sections.ts';
import { transactionSection } from './transaction-sections.ts';

/** The minified library texts inlined in every page (read from node_modules by the CLI). */
export interface VegaAssets {
  vega: string;
  vegaLite: string;
  vegaEmbed: string;
}

/** A chart of a page section: a vega-lite spec and an optional caption (plain text). */
export interface PageChart {
  spec: TopLevelSpec;
  caption?: string;
}

/** A section of a page: a heading, trusted HTML (build it with escapeHtml), then charts. */
export interface PageSection {
  /** Anchor id (letters, digits, '-'; anything else is replaced). */
  id: string;
  /** Heading and nav label (plain text). */
  title: string;
  /** Shorter label for the nav (plain text); default the title. */
  nav?: string;
  /** Trusted HTML shown under the heading, before the charts. */
  html?: string;
  charts?: PageChart[];
  /** Trusted HTML shown after the charts. */
  after?: string;
}

/** Options of buildChartsPage. */
export interface ChartsPageOptions {
  /** Trusted HTML under the page title (description, facts). */
  header?: string;
  /** Small label above the title. Default "msasim report". */
  eyebrow?: string;
}

const anchor = (id: string): string => id.replace(/[^A-Za-z0-9-]/g, '-');

/**
 * The browser side, inlined once per page: draws each chart listed in #msasim-charts with
 * vega-embed (SVG renderer, no action menu: it links to an online editor), shows a message in
 * place of a chart that fails, switches the topology tabs, and opens every <details> to print.
 */
const PAGE_SCRIPT = `(function () {
  var charts = JSON.parse(document.getElementById('msasim-charts').textContent);
  charts.forEach(function (c) {
    var el = document.getElementById(c.id);
    vegaEmbed(el, c.spec, { actions: false, renderer: 'svg' }).catch(function (e) {
      el.classList.add('chart-error');
      el.textContent = 'This chart could not be drawn: ' + e.message;
      console.error(e);
    });
  });
  document.querySelectorAll('[data-tabs]').forEach(function (tabs) {
    var buttons = tabs.querySelectorAll('[role="tab"]');
    var panels = tabs.querySelectorAll('[role="tabpanel"]');
    function show(i) {
      buttons.forEach(function (b, k) { b.setAttribute('aria-selected', String(k === i)); });
      panels.forEach(function (p, k) { p.hidden = k !== i; });
    }
    buttons.forEach(function (b, i) { b.addEventListener('click', function () { show(i); }); });
    show(0);
  });
  window.addEventListener('beforeprint', function () {
    document.querySelectorAll('details').forEach(function (d) { d.open = true; });
  });
})();`;

/**
 * A self-contained page: `title` (plain text) and `sections` in order, with a nav to each,
 * every chart drawn in the browser from its inlined spec by the inlined libraries. Pure and
 * deterministic; nothing is fetched when the page is opened (the spec's `$schema` is only a label).
 */
export function buildChartsPage(
  title: string,
  sections: readonly PageSection[],
  assets: VegaAssets,
  options: ChartsPageOptions = {},
): string {
  const charts: { id: string; spec: TopLevelSpec }[] = [];
  const body = sections.map((s) => {
    const figures = (s.charts ?? []).map((c) => {
      const id = `chart-${charts.length + 1}`;
      charts.push({ id, spec: c.spec });
      const label = escapeHtml(chartTitle(c.spec) ?? s.title);
      const caption = c.caption ? `<figcaption>${escapeHtml(c.caption)}</figcaption>` : '';
      return `<figure class="chart"><div class="chart-scroll"><div class="vega" id="${id}" role="img" aria-label="${label}"></div></div>${caption}</figure>`;
    });
    return [
      `<section id="${anchor(s.id)}">`,
      `<h2>${escapeHtml(s.title)}</h2>`,
      s.html ?? '',
      ...figures,
      s.after ?? '',
      '</section>',
    ]
      .filter((x) => x !== '')
      .join('\n');
  });
  const nav = sections
    .map((s) => `<a href="#${anchor(s.id)}">${escapeHtml(s.nav ?? s.title)}</a>`)
    .join('');
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="generator" content="msasim">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${PAGE_CSS}</style>`,
    '</head>',
    '<body>',
    '<header class="page-header"><div>',
    `<p class="eyebrow">${escapeHtml(options.eyebrow ?? 'msasim report')}</p>`,
    `<h1>${escapeHtml(title)}</h1>`,
    options.header ?? '',
    '</div></header>',
    `<nav aria-label="sections"><div>${nav}</div></nav>`,
    '<main>',
    ...body,
    '</main>',
    '<footer><div>Made by msasim, a discrete-event simulator of microservice architectures. This page works offline: the charts are drawn by the inlined Vega libraries.</div></footer>',
    `<script>${scriptForHtml(assets.vega)}</script>`,
    `<script>${scriptForHtml(assets.vegaLite)}</script>`,
    `<script>${scriptForHtml(assets.vegaEmbed)}</script>`,
    `<script type="application/json" id="msasim-charts">${jsonForScript(charts)}</script>`,
    `<script>${PAGE_SCRIPT}</script>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/** The text title of a spec, if it has one. */
function chartTitle(spec: TopLevelSpec): string | undefined {
  const t = (spec as { title?: unknown }).title;
  if (typeof t === 'string') return t;
  if (t && typeof t === 'object' && typeof (t as { text?: unknown }).text === 'string')
    return (t as { text: string }).text;
  return undefined;
}

/**
 * The report of one scenario run as one self-contained HTML page (index.html): header; the
 * comparison of the variants first (when there are several); the lesson; the topology; the
 * summary tables; SLOs, fault propagation, call policies, sessions, messaging, and
 * transactions and consistency when the scenario has them; the latency, time and load charts.
 */
export function buildReportHtml(data: ReportData, assets: VegaAssets): string {
  const sections: PageSection[] = [
    ...(data.variants.length > 1 ? [comparisonSection(data)] : keyMetricsSection(data)),
    ...lessonSection(data),
    topologySection(data),
    summarySection(data),
    ...slosSection(data),
    ...propagationSection(data),
    ...policiesSection(data),
    ...sessionsSection(data),
    ...messagingSection(data),
    ...transactionSection(data),
    ...chartSections(data),
  ];
  return buildChartsPage(data.scenario.name, sections, assets, { header: headerHtml(data) });
}
