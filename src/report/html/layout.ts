/**
 * The layout every self-contained HTML page of msasim shares (pure: sections and library texts
 * in, one string out): header, nav, sections of markup (Html, made with the `html` template of
 * template.ts, which escapes every scenario string) and vega-lite charts (their specs inlined as
 * JSON that cannot end its <script>), the three vega libraries inlined so the page works offline
 * from file://, and a small script that draws every chart as SVG and switches tabs. The report
 * (page.ts), sweep.html and spof.html are laid out here. No timestamp: the same data gives the
 * same bytes.
 */

import type { TopLevelSpec } from 'vega-lite';
import type { Lang } from '../i18n/lang.ts';
import { t, term } from '../i18n/t.ts';
import { chartTitlesIn } from './chart-words.ts';
import { langOfNames } from './page-lang.ts';
import { PAGE_CSS } from './page-style.ts';
import { type Html, html, joinHtml, jsonForScript, rawHtml, scriptForHtml } from './template.ts';

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

/** A section of a page: a heading, markup (built with the `html` template), then charts. */
export interface PageSection {
  /** Anchor id (letters, digits, '-'; anything else is replaced). */
  id: string;
  /** Heading and nav label (plain text). */
  title: string;
  /** Shorter label for the nav (plain text); default the title. */
  nav?: string;
  /** Shown under the heading, before the charts. */
  html?: Html;
  charts?: PageChart[];
  /** Shown after the charts. */
  after?: Html;
}

/** Options of buildChartsPage. */
export interface ChartsPageOptions {
  /** Under the page title (description, facts). */
  header?: Html;
  /** Small label above the title. Default "msasim report". */
  eyebrow?: string;
  /** `<html lang>`. Default: "ko" when the title has Hangul in it, else "en" (page-lang.ts). */
  lang?: string;
  /** The language of the page's own words (nav label, footer; i18n/). Default English. */
  words?: Lang;
}

const anchor = (id: string): string => id.replace(/[^A-Za-z0-9-]/g, '-');

/**
 * The browser side, inlined once per page: draws each chart listed in #msasim-charts with
 * vega-embed (SVG renderer, no action menu: it links to an online editor; `ast: true`: vega's
 * expressions are run by the interpreter vega-embed bundles (vega-interpreter) instead of being
 * compiled with `new Function`, so the page runs under a Content-Security-Policy without
 * 'unsafe-eval', as the playground's does), shows a message in place of a chart that fails (as
 * text: the chart element's `data-failed` words, which a page in another language than English
 * carries, else the English; the script is the same in every language, so the playground's CSP
 * hash of it holds for all), switches the topology tabs, and opens every <details> to print. Tooltips are vega-embed's default handler, which escapes the keys and values it
 * shows; the keys are the specs' own field titles, never scenario text (so no `image` key can
 * make it load a picture).
 */
const PAGE_SCRIPT = `(function () {
  var charts = JSON.parse(document.getElementById('msasim-charts').textContent);
  charts.forEach(function (c) {
    var el = document.getElementById(c.id);
    vegaEmbed(el, c.spec, { actions: false, renderer: 'svg', ast: true }).catch(function (e) {
      el.classList.add('chart-error');
      el.textContent = (el.getAttribute('data-failed') || 'This chart could not be drawn') + ': ' + e.message;
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
 * The texts of the executable scripts every page inlines, in page order, exactly as they sit in
 * it: the three libraries and the page's script. They are the same for every page, so a
 * Content-Security-Policy can allow them by hash (the playground's, cli/playground-csp.ts).
 */
export function pageScripts(assets: VegaAssets): string[] {
  return [assets.vega, assets.vegaLite, assets.vegaEmbed, PAGE_SCRIPT].map((s) =>
    scriptForHtml(s).toString(),
  );
}

/**
 * A self-contained page: `title` (plain text) and `sections` in order, with a nav to each,
 * every chart drawn in the browser from its inlined spec by the inlined libraries. Pure and
 * deterministic; nothing is fetched when the page is opened (the spec's `$schema` is only a label).
 */
export function buildChartsPage(
  title: string,
  given: readonly PageSection[],
  assets: VegaAssets,
  options: ChartsPageOptions = {},
): string {
  const charts: { id: string; spec: TopLevelSpec }[] = [];
  const words = options.words ?? 'en';
  // the titles of the sections that are terms of the glossary, in the page's language
  const sections =
    words === 'en'
      ? given
      : given.map((s) => ({
          ...s,
          title: term(words, s.title),
          ...(s.nav === undefined ? {} : { nav: term(words, s.nav) }),
        }));
  // what a chart that fails to draw says, when it is not the page script's English
  const failed = words === 'en' ? '' : html` data-failed="${t(words, 'page.chartFailed')}"`;
  const body = sections.map((s) => {
    const figures = (s.charts ?? []).map((c) => {
      const id = `chart-${charts.length + 1}`;
      const spec = chartTitlesIn(c.spec, words);
      charts.push({ id, spec: withoutLineSeparators(spec) });
      const label = chartTitle(spec) ?? s.title;
      const caption = c.caption ? html`<figcaption>${c.caption}</figcaption>` : '';
      return html`<figure class="chart"><div class="chart-scroll"><div class="vega" id="${id}" role="img" aria-label="${label}"${failed}></div></div>${caption}</figure>`;
    });
    const parts: Html[] = [
      html`<section id="${anchor(s.id)}">`,
      html`<h2>${s.title}</h2>`,
      ...(s.html ? [s.html] : []),
      ...figures,
      ...(s.after ? [s.after] : []),
      html`</section>`,
    ];
    return joinHtml(
      parts.filter((x) => x.toString() !== ''),
      '\n',
    );
  });
  const nav = sections.map((s) => html`<a href="#${anchor(s.id)}">${s.nav ?? s.title}</a>`);
  const page = joinHtml(
    [
      html`<!DOCTYPE html>`,
      html`<html lang="${options.lang ?? langOfNames([title])}">`,
      html`<head>`,
      html`<meta charset="utf-8">`,
      html`<meta name="viewport" content="width=device-width, initial-scale=1">`,
      html`<meta name="generator" content="msasim">`,
      html`<title>${title}</title>`,
      html`<style>${rawHtml(PAGE_CSS)}</style>`,
      html`</head>`,
      html`<body>`,
      html`<header class="page-header"><div>`,
      html`<p class="eyebrow">${options.eyebrow ?? t(words, 'page.eyebrow')}</p>`,
      html`<h1>${title}</h1>`,
      options.header ?? '',
      html`</div></header>`,
      html`<nav aria-label="${t(words, 'page.nav')}"><div>${nav}</div></nav>`,
      html`<main>`,
      ...body,
      html`</main>`,
      html`<footer><div>${t(words, 'page.footer')}</div></footer>`,
      html`<script>${scriptForHtml(assets.vega)}</script>`,
      html`<script>${scriptForHtml(assets.vegaLite)}</script>`,
      html`<script>${scriptForHtml(assets.vegaEmbed)}</script>`,
      html`<script type="application/json" id="msasim-charts">${jsonForScript(charts)}</script>`,
      html`<script>${scriptForHtml(PAGE_SCRIPT)}</script>`,
      html`</body>`,
      html`</html>`,
      '',
    ],
    '\n',
  );
  return page.toString();
}

/**
 * `spec` with every U+2028 and U+2029 in its strings made a space. Vega-lite writes some
 * scenario names into expressions (a custom sort order becomes `indexof([…], datum.x)`), and
 * vega's expression parser refuses a line separator inside a string literal, so a name holding
 * one would stop its chart from drawing. Specs without them come back as they are.
 */
function withoutLineSeparators<T>(spec: T): T {
  const clean = (v: unknown): unknown => {
    if (typeof v === 'string') return v.replace(/[\u2028\u2029]/g, ' ');
    if (Array.isArray(v)) return v.map(clean);
    if (v !== null && typeof v === 'object')
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [clean(k), clean(x)]));
    return v;
  };
  return /[\u2028\u2029]/.test(JSON.stringify(spec)) ? (clean(spec) as T) : spec;
}

/** The text title of a spec, if it has one. */
function chartTitle(spec: TopLevelSpec): string | undefined {
  const t = (spec as { title?: unknown }).title;
  if (typeof t === 'string') return t;
  if (t && typeof t === 'object' && typeof (t as { text?: unknown }).text === 'string')
    return (t as { text: string }).text;
  return undefined;
}
