/**
 * The pages against hostile text in a real browser (issue 12; Debian's Chromium driven by
 * playwright-core: the test run's one browser, test-support/browser.ts). index.html (with variants;
 * and without, from a results.json whose every string is hostile, kinds and units included),
 * sweep.html and spof.html are built in-process from data with payloads of PAYLOADS in every string
 * — names, descriptions, ids, seeds, the lesson, sweep parameter values — and opened from file://
 * with every other request refused: once with the real libraries and a different payload in each
 * string (the charts must draw, and hovering their marks shows tooltips as text), and once per
 * payload in every string with stand-ins for the libraries (fast). No dialog may open, no payload
 * may run (they set window.__pwned), nothing but the file may be requested, and the DOM may hold no
 * element or attribute a payload brings. Without /usr/bin/chromium the tests are skipped locally
 * and fail in CI.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadVegaAssets } from '../../cli/vega-assets.ts';
import { browserSuite, expectChartsDrawn, openChromium } from '../../test-support/browser.ts';
import {
  hostilePages,
  hostileReportData,
  mixedPayloads,
  onePayload,
  PAYLOADS,
  pageProblems,
  TRAP,
} from '../../test-support/hostile.ts';
import { buildReportHtml, type VegaAssets } from './page.ts';

/**
 * Stand-ins for the libraries, for the pages with one payload each: nothing is drawn, so many
 * pages load in a few seconds (the charts are drawn on the pages with the real libraries).
 */
const STUB_ASSETS: VegaAssets = {
  vega: '',
  vegaLite: '',
  vegaEmbed: 'window.vegaEmbed = function () { return Promise.resolve(); };',
};

/**
 * The pages under test, file name → text: with the real libraries, each page with a different
 * payload in each string (and the report of a scenario without variants from a results.json
 * edited by hand: kinds, scopes and units hostile too); with stand-ins, each page once per
 * payload in every string.
 */
async function buildPages(): Promise<Map<string, string>> {
  const assets = await loadVegaAssets();
  const pages = new Map<string, string>();
  for (const [name, text] of await hostilePages(mixedPayloads(0), assets))
    if (name !== 'index-single') pages.set(`${name}.html`, text);
  const edited = await hostileReportData(mixedPayloads(2), false, true);
  pages.set('index-edited.html', buildReportHtml(edited, assets));
  for (const [i, p] of PAYLOADS.entries())
    for (const [name, text] of await hostilePages(onePayload(p), STUB_ASSETS))
      if (name !== 'index-single') pages.set(`payload-${i + 1}-${name}.html`, text);
  return pages;
}

/** What a page did: the dialogs it opened, its errors and the URLs it requested. */
interface Seen {
  dialogs: string[];
  errors: string[];
  requests: string[];
}

/** What the DOM holds that a payload would bring (run in the page; a string: no DOM types here). */
const DOM_PROBLEMS = `(() => {
  const problems = [];
  // vega draws each chart as an <svg> (with an empty form for bindings) inside its .vega
  const foreign = document.querySelectorAll('img, iframe, object, embed, base, link, frame, foreignObject, meta[http-equiv], body style, main script, form:not(.vega > form.vega-bindings), main svg:not(.topology):not(.waterfall):not(.vega > svg)');
  for (const el of foreign) problems.push('a foreign element: ' + el.outerHTML.slice(0, 80));
  if (document.scripts.length !== 5) problems.push(document.scripts.length + ' scripts, not 5');
  for (const el of document.querySelectorAll('*'))
    for (const a of el.attributes) {
      if (/^on/i.test(a.name) || a.name === 'srcdoc') problems.push('a ' + a.name + ' attribute on ' + el.tagName);
      if (/^(href|src|xlink:href|action|formaction)$/i.test(a.name) && /^\\s*(javascript|data|vbscript):/i.test(a.value))
        problems.push('a script URL on ' + el.tagName);
    }
  return problems;
})()`;

browserSuite('the hostile pages in Chromium', () => {
  let browser: Browser;
  let dir: string;
  let pages: Map<string, string>;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'msasim-hostile-'));
    const launching = openChromium();
    pages = await buildPages();
    for (const [name, text] of pages) await writeFile(join(dir, name), text);
    browser = await launching;
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  /**
   * The one tab that opens every page from `dir` by file://, every other request refused:
   * a navigation in the same tab keeps Chromium's renderer process, which has compiled the
   * inlined libraries once (a new tab per page starts cold). `seen` collects the dialogs,
   * errors and requests of the page opened last; about:blank comes between two pages, so
   * nothing of one is counted against the next.
   */
  let shared: Promise<{ page: Page; seen: Seen; open: (name: string) => Promise<string> }>;
  function tab() {
    shared ??= (async () => {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      const seen: Seen = { dialogs: [], errors: [], requests: [] };
      page.on('dialog', (d) => {
        seen.dialogs.push(`${d.type()}: ${d.message()}`);
        void d.dismiss();
      });
      page.on('pageerror', (e) => seen.errors.push(e.message));
      page.on('request', (r) => seen.requests.push(r.url()));
      let url = '';
      await page.route('**/*', (route) =>
        route.request().url() === url ? route.continue() : route.abort(),
      );
      const open = async (name: string) => {
        await page.goto('about:blank');
        url = pathToFileURL(join(dir, name)).href;
        seen.dialogs = [];
        seen.errors = [];
        seen.requests = [];
        await page.goto(url);
        return url;
      };
      return { page, seen, open };
    })();
    return shared;
  }

  /** What must hold on every page once it has done what it does. */
  async function expectNothingRan(page: Page, seen: Seen, url: string) {
    expect(await page.evaluate(DOM_PROBLEMS)).toEqual([]);
    expect(await page.evaluate(`typeof window.${TRAP}`)).toBe('undefined');
    expect(seen.dialogs).toEqual([]);
    expect(seen.errors).toEqual([]);
    expect(seen.requests).toEqual([url]);
    expect(page.url()).toBe(url);
  }

  it.each(['index-variants.html', 'index-edited.html', 'sweep.html', 'spof.html'])(
    '%s: no dialog, no payload runs, nothing fetched, every chart draws',
    async (name) => {
      // the markup first: what the browser is about to parse
      expect(pageProblems(pages.get(name) ?? '', PAYLOADS)).toEqual([]);
      const { page, seen, open } = await tab();
      const url = await open(name);
      await expectChartsDrawn(page, {
        atLeast: 1,
        timeoutMs: 15_000,
        marks: 'svg g[class*="mark-"] > *',
      });
      // hover some marks: vega's tooltips show the hostile names as text
      const marks = await page.$$('.vega svg g[class*="mark-"] > path');
      let tooltips = 0;
      for (const m of marks.filter(
        (_, i) => i % Math.max(1, Math.floor(marks.length / 12)) === 0,
      )) {
        await m.scrollIntoViewIfNeeded();
        const box = await m.boundingBox();
        if (box === null || box.width * box.height === 0) continue;
        await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
        tooltips += await page.$$eval('#vg-tooltip-element.visible', (els) => els.length);
      }
      const tooltipTags = await page.$$eval('#vg-tooltip-element *', (els) => [
        ...new Set(els.map((el) => el.tagName.toLowerCase())),
      ]);
      expect(tooltipTags.every((t) => ['table', 'tbody', 'tr', 'td', 'h2'].includes(t))).toBe(true);
      if (name.startsWith('index')) expect(tooltips).toBeGreaterThan(0);
      await expectNothingRan(page, seen, url);
    },
  );

  it.each(PAYLOADS.map((p, i) => [i + 1, JSON.stringify(p).slice(1, 41)] as const))(
    'payload %i (%s…) in every string of every page: nothing runs, nothing is fetched',
    async (n) => {
      const { page, seen, open } = await tab();
      // (hostile-pages.test.ts checks the markup of these pages, and of index.html without variants)
      for (const kind of ['index-variants', 'sweep', 'spof']) {
        const url = await open(`payload-${n}-${kind}.html`);
        await expectNothingRan(page, seen, url);
      }
    },
  );
});
