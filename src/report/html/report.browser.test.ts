/**
 * The HTML report in a real browser (Debian's Chromium driven by playwright-core): the
 * index.html of every shipped scenario's run (made once per test run and shared with the
 * goldens: test-support/shipped-runs.ts), and of `compare 01-shared-db.yaml --replications 3`
 * (shared with replications.e2e.test.ts), whose page shows confidence intervals, is opened from
 * file:// with every network request refused, with no console error or warning and no request
 * but the page itself. At 1,400 × 900 the first screen shows the scenario's highlights, no table
 * scrolls sideways (headers and labels wrap) and the sticky section bar never covers the heading
 * of a section it jumps to. A full-page screenshot of the headline report goes to
 * reports/test-artifacts/ for people to look at.
 *
 * Every chart of every page draws an SVG with marks, with no warning and nothing fetched. Chromium
 * draws the charts of the pages of DRAWN_IN_CHROMIUM (the four photographed and the replicated
 * comparison) with the inlined libraries, as a reader's browser does; the charts of every page are
 * drawn in Node too (test-support/chart-render.ts: vega-embed's steps with the same libraries,
 * vega's SVG string renderer instead of the DOM), which costs less than half of Chromium's CPU
 * time. On the pages Chromium draws, each chart has as many marks as Node draws. On the other
 * pages the inlined libraries still load and the page's script still runs, but its call of
 * vegaEmbed is recorded instead of drawing (every chart asked for, with the options Node draws
 * with), and each chart's place holds an empty SVG of the size Node drew, so the page has its
 * height for the layout checks (Node measures text without a canvas: widths, and where labels
 * wrap heights, may differ by some pixels; the highlight cards come before every chart).
 * Without /usr/bin/chromium the tests are skipped locally and fail in CI.
 */
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { parseScenario } from '../../model/language.ts';
import { browserSuite, expectChartsDrawn, openChromium } from '../../test-support/browser.ts';
import { type DrawnChart, drawChart, pageCharts } from '../../test-support/chart-render.ts';
import { ROOT as root } from '../../test-support/cli.ts';
import {
  allShippedRuns,
  REPLICATED_COMPARE,
  SHIPPED,
  sharedRun,
} from '../../test-support/shipped-runs.ts';

const HEADLINE = 'data-reference/join-vs-batch-cache.yaml';
const ARTIFACTS = join(root, 'reports', 'test-artifacts');
const SCREENSHOT = join(ARTIFACTS, 'headline-report.png');
/** The reports whose first screen (1400×900) goes to reports/test-artifacts/ for people to look at. */
const FIRST_SCREENS: Record<string, string> = {
  [HEADLINE]: 'first-screen-join-vs-batch-cache.png',
  'sessions/five-strategies.yaml': 'first-screen-five-strategies.png',
  'messaging/delivery-semantics.yaml': 'first-screen-delivery-semantics.png',
  'caches/local-vs-replicated-vs-distributed.yaml': 'first-screen-caches.png',
};
/** The viewport of a projected workshop screen: the first one must carry the answer. */
const VIEWPORT = { width: 1400, height: 900 };
/**
 * The headline (README's main job) carries its answer on the smaller and the larger usual
 * laptop screens too: its highlight cards are laid out for text widths estimated in Node
 * (features/highlights/card-fit.ts), which these sizes check in Chromium.
 */
const HEADLINE_VIEWPORTS = [
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
];
/**
 * How long the set-up may wait for every shipped scenario's run (it helps make them): about
 * 45 s of CPU in all, which take many minutes on a machine shared with other work.
 */
const SHIPPED_RUNS_WAIT_MS = 900_000;
/** The page of the replicated comparison, listed after the shipped scenarios. */
const REPLICATED = '01-shared-db.yaml compared with 3 replications';

const files = [...SHIPPED, REPLICATED];

/** The pages whose charts Chromium draws: people look at the photographed ones; the CIs. */
const DRAWN_IN_CHROMIUM = new Set([...Object.keys(FIRST_SCREENS), REPLICATED]);
/** The selector of a chart's marks in its SVG (chart-render.ts `countMarks` counts the same). */
const MARKS =
  'svg g[class*="mark-"] > path, svg g[class*="mark-"] > line, svg g[class*="mark-"] > text';
/** The options the page's script gives vegaEmbed (layout.ts), which chart-render.ts draws with. */
const EMBED_OPTIONS = { actions: false, renderer: 'svg', ast: true };
/**
 * Run in the tab of the pages whose charts are not drawn, before the page's scripts: the
 * vega-embed library's `window.vegaEmbed = …` is kept aside (its type is recorded) and the page's
 * script gets a vegaEmbed that records each call (the element's id and the options) and draws
 * nothing.
 */
const RECORD_EMBED_CALLS = `(() => {
  const calls = [];
  let library;
  const record = (el, spec, options) => {
    calls.push({ id: el.id, options });
    return Promise.resolve();
  };
  Object.defineProperty(window, '__embedCalls', { value: calls });
  Object.defineProperty(window, '__embedLibrary', { get: () => typeof library });
  Object.defineProperty(window, 'vegaEmbed', {
    configurable: true,
    get: () => record,
    set: (value) => { library = value; },
  });
})()`;

browserSuite('the HTML report in Chromium', () => {
  let browser: Browser;
  /**
   * Two tabs open the reports in turn: `drawing` the pages of DRAWN_IN_CHROMIUM, `recording`
   * the others (RECORD_EMBED_CALLS). A navigation in the same tab keeps Chromium's renderer
   * process, which has compiled and optimised the inlined vega libraries once (a new tab per
   * report starts cold: about twice the CPU time). Each report is a new document; what it logs
   * and requests is collected afresh for each test.
   */
  let drawing: Page;
  let recording: Page;
  const seen = { problems: [] as string[], requests: [] as string[] };
  /** The report folder of each entry of `files`. */
  const outs = new Map<string, string>();

  /** A tab at VIEWPORT whose console problems and requests go to `seen`, every request but file:// refused. */
  async function watchedTab(): Promise<Page> {
    const tab = await browser.newPage({ viewport: VIEWPORT });
    tab.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning')
        seen.problems.push(`${m.type()}: ${m.text()}`);
    });
    tab.on('pageerror', (e) => seen.problems.push(`page error: ${e.message}`));
    await tab.route('**/*', (route) => {
      const url = route.request().url();
      seen.requests.push(url);
      return url.startsWith('file:') ? route.continue() : route.abort();
    });
    return tab;
  }

  beforeAll(async () => {
    const launching = openChromium();
    for (const [i, run] of (await allShippedRuns()).entries()) {
      expect(run.code, run.stderr).toBe(0);
      outs.set(SHIPPED[i], run.out);
    }
    const replicated = await sharedRun(REPLICATED_COMPARE.key, REPLICATED_COMPARE.args);
    expect(replicated.code, replicated.stderr).toBe(0);
    outs.set(REPLICATED, replicated.out);
    browser = await launching;
    drawing = await watchedTab();
    recording = await watchedTab();
    await recording.addInitScript(RECORD_EMBED_CALLS);
  }, SHIPPED_RUNS_WAIT_MS);

  afterAll(async () => {
    await browser?.close();
  });

  it.each(files)(
    '%s: every chart draws, nothing is fetched, nothing is logged, tables fit, headings land below the section bar',
    async (file) => {
      const html = join(outs.get(file) as string, 'index.html');
      // every chart in Node: marks, no warning, nothing fetched
      const specs = pageCharts(await readFile(html, 'utf8'));
      expect(specs.length).toBeGreaterThanOrEqual(5);
      const drawn: DrawnChart[] = [];
      for (const { id, spec } of specs) {
        const chart = await drawChart(spec);
        expect(chart.problems, id).toEqual([]);
        expect(chart.loads, id).toEqual([]);
        expect(chart.marks, id).toBeGreaterThan(0);
        drawn.push(chart);
      }

      const inChromium = DRAWN_IN_CHROMIUM.has(file);
      const page = inChromium ? drawing : recording;
      // about:blank first, so nothing of the previous report can be counted against this one
      await page.goto('about:blank');
      seen.problems = [];
      seen.requests = [];
      const { problems, requests } = seen;
      await page.goto(pathToFileURL(html).href);
      if (inChromium) {
        const charts = await expectChartsDrawn(page, {
          atLeast: 5,
          timeoutMs: 20_000,
          marks: MARKS,
        });
        // Chromium draws the marks Node draws
        expect(charts).toEqual(specs.map(({ id }, i) => ({ id, marks: drawn[i].marks })));
      } else {
        // the libraries loaded and the page's script asked for every chart of the page, each
        // in its place, with the options Node drew with
        expect(await page.evaluate('window.__embedLibrary')).toBe('function');
        expect(await page.evaluate('window.__embedCalls')).toEqual(
          specs.map(({ id }) => ({ id, options: EMBED_OPTIONS })),
        );
        expect(await page.$$eval('.vega', (els) => els.map((el) => el.id))).toEqual(
          specs.map(({ id }) => id),
        );
        // each chart's place takes the size of its drawing
        const sizes = specs.map(({ id }, i) => [id, drawn[i].width, drawn[i].height]);
        await page.evaluate(`for (const [id, w, h] of ${JSON.stringify(sizes)})
          document.getElementById(id).innerHTML = '<svg width="' + w + '" height="' + h + '"></svg>'`);
      }
      const diagrams = await page.$$eval('svg.topology', (els) => els.length);
      expect(diagrams).toBeGreaterThanOrEqual(1);
      expect(problems).toEqual([]);
      expect(requests).toEqual([pathToFileURL(html).href]);

      if (diagrams > 1) {
        // the topology tabs switch the diagram shown
        const visible = () =>
          page.$$eval('[role="tabpanel"]', (els) =>
            els.map((el) => !(el as unknown as { hidden: boolean }).hidden),
          );
        expect((await visible())[1]).toBe(false);
        await page.click('[role="tab"] >> nth=1');
        expect((await visible()).slice(0, 2)).toEqual([false, true]);
      }
      if (file !== REPLICATED)
        await firstScreenHasTheHighlights(page, file, outs.get(file) as string);
      if (file === HEADLINE) {
        for (const viewport of HEADLINE_VIEWPORTS) {
          await page.setViewportSize(viewport);
          await firstScreenHasTheHighlights(page, file, outs.get(file) as string, viewport);
        }
        await page.setViewportSize(VIEWPORT);
      }

      if (file === HEADLINE) {
        await mkdir(ARTIFACTS, { recursive: true });
        await page.click('[role="tab"] >> nth=0');
        await page.screenshot({ path: SCREENSHOT, fullPage: true });
      }
      await layoutFits(page);
    },
  );
});

/**
 * No table of the page scrolls sideways (headers and labels wrap), and the sticky section bar
 * never covers the heading of a section it jumps to (each section is scrolled into view).
 */
async function layoutFits(page: Page): Promise<void> {
  // the checks run in the page (strings: this file is compiled without the DOM's types)
  const wide = await page.evaluate(`[...document.querySelectorAll('.table-wrap')]
    .filter((e) => e.scrollWidth > e.clientWidth + 1)
    .map((e) => (e.closest('section')?.id ?? '') + ': ' + e.scrollWidth + ' > ' + e.clientWidth + ' px')`);
  expect(wide).toEqual([]);
  const covered = await page.evaluate(`(() => {
    const nav = document.querySelector('nav');
    const out = [];
    for (const a of document.querySelectorAll('nav a')) {
      const target = document.getElementById((a.getAttribute('href') ?? '').slice(1));
      if (target === null || nav === null) continue;
      target.scrollIntoView({ behavior: 'instant' });
      const heading = target.querySelector('h2') ?? target;
      if (heading.getBoundingClientRect().top < nav.getBoundingClientRect().bottom - 1)
        out.push(target.id);
    }
    return out;
  })()`);
  expect(covered).toEqual([]);
}

/**
 * The first screen of a shipped scenario's report (scrolled to the top, 1400×900 or `viewport`) shows a card
 * for each highlight the scenario declares, in its order, each with every variant's value in
 * figures inside the viewport and every variant's name on one line; the four reports of
 * FIRST_SCREENS are photographed.
 */
async function firstScreenHasTheHighlights(
  page: Page,
  file: string,
  out: string,
  viewport = VIEWPORT,
): Promise<void> {
  const scenario = parseScenario(await readFile(join(root, 'scenarios', file), 'utf8'), file);
  const data = JSON.parse(await readFile(join(out, 'results.json'), 'utf8')) as {
    highlights: { source: string; items: { name: string }[] };
    variants: unknown[];
  };
  expect(scenario.highlights.length, `${file} declares no highlights`).toBeGreaterThan(0);
  expect(data.highlights.source).toBe('scenario');
  expect(data.highlights.items).toHaveLength(scenario.highlights.length);
  // instantly: the page scrolls smoothly (html { scroll-behavior: smooth }), and a smooth scroll
  // to the top after a tab's click held each page about a second
  await page.evaluate("window.scrollTo({ top: 0, behavior: 'instant' })");
  // a string: the test is compiled without the DOM types
  const cards = (await page.evaluate(`[...document.querySelectorAll('.hl-card')].map((card) => ({
    name: card.querySelector('h3').textContent,
    right: card.getBoundingClientRect().right,
    values: [...card.querySelectorAll('.hl-value')].map((td) => {
      const r = td.getBoundingClientRect();
      return { text: td.textContent, top: r.top, bottom: r.bottom, right: r.right };
    }),
  }))`)) as {
    name: string;
    right: number;
    values: { text: string; top: number; bottom: number; right: number }[];
  }[];
  expect(cards.map((c) => c.name)).toEqual(data.highlights.items.map((h) => h.name));
  // a variant's name is on one line: never broken at its hyphens ("batch-" over "cache")
  const brokenNames = await page.evaluate(`[...document.querySelectorAll('.hl-card .variant-name')]
    .filter((e) => new Set([...e.getClientRects()].map((r) => Math.round(r.top))).size > 1)
    .map((e) => e.textContent)`);
  expect(brokenNames, file).toEqual([]);
  for (const card of cards) {
    expect(card.values, card.name).toHaveLength(data.variants.length);
    // a variant without the item (a saga another variant does not have) says so in words
    expect(
      card.values.some((v) => /\d/.test(v.text)),
      `${file}: ${card.name}`,
    ).toBe(true);
    for (const v of card.values) {
      expect(v.text, `${file}: ${card.name}`).toMatch(/\d|^not measured$/);
      expect(v.top, `${file}: ${card.name} is below the first screen`).toBeGreaterThanOrEqual(0);
      expect(v.bottom, `${file}: ${card.name} is below the first screen`).toBeLessThanOrEqual(
        viewport.height,
      );
      // within its card (a value wider than its card is cut at the card's edge)
      expect(v.right, `${file}: ${card.name}: ${v.text} is cut on the right`).toBeLessThanOrEqual(
        Math.min(card.right, viewport.width),
      );
    }
  }
  const shot = FIRST_SCREENS[file];
  if (shot !== undefined && viewport === VIEWPORT) {
    await mkdir(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, shot) });
  }
}
