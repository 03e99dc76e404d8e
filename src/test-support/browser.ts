/**
 * Chromium for the browser tests (report.browser.test.ts, hostile.browser.test.ts,
 * hangul.browser.test.ts, the playground's): the one headless Debian /usr/bin/chromium of the
 * test run (chromium.ts; the e2e project's global setup starts it), driven by playwright-core.
 * Without the binary the browser tests are skipped locally and fail in CI (`browserSuite`).
 */
import { type Browser, chromium, type Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { CHROMIUM, chromiumAvailable } from './chromium.ts';

export { CHROMIUM };

const available = chromiumAvailable();

/**
 * A connection to the test run's Chromium (started by global-setup.ts). Its `close()` closes
 * the connection and what it opened (pages, contexts), not the browser the other files use.
 */
export function openChromium(): Promise<Browser> {
  const endpoint = inject('chromiumEndpoint');
  if (endpoint === undefined)
    throw new Error(
      'the browser tests need the e2e project (vitest.config.ts) and its global setup, which starts Chromium',
    );
  return chromium.connect(endpoint);
}

/**
 * `describe(title, body)` when Chromium is there; otherwise the suite is skipped (its title
 * says why), and in CI a failing test says how to install it.
 */
export function browserSuite(title: string, body: () => void): void {
  if (!available && process.env.CI) {
    describe(title, () => {
      it('needs /usr/bin/chromium in CI', () => {
        expect.fail(
          `${CHROMIUM} is missing: install it with apt-get install -y chromium (.ci/run does)`,
        );
      });
    });
  }
  describe.skipIf(!available)(
    `${title}${available ? '' : ` (skipped: ${CHROMIUM} is missing; apt-get install -y chromium)`}`,
    body,
  );
}

/**
 * Waits until every chart (`.vega`) of the page has drawn an SVG or shown its error, then
 * expects at least `atLeast` charts, none with an error, each with marks: elements that
 * `marks` selects inside the chart's SVG. Returns each chart's id and number of marks, in page order.
 */
export async function expectChartsDrawn(
  page: Page,
  opts: { atLeast: number; timeoutMs: number; marks: string },
): Promise<{ id: string; marks: number }[]> {
  // a string: the tests are compiled without the DOM types
  await page.waitForFunction(
    "[...document.querySelectorAll('.vega')].every((el) => el.querySelector('svg') !== null || el.classList.contains('chart-error'))",
    null,
    { timeout: opts.timeoutMs },
  );
  const charts = await page.$$eval(
    '.vega',
    (els, marks) =>
      els.map((el) => ({
        id: el.id,
        error: el.classList.contains('chart-error') ? el.textContent : null,
        marks: el.querySelectorAll(marks).length,
      })),
    opts.marks,
  );
  expect(charts.length).toBeGreaterThanOrEqual(opts.atLeast);
  for (const c of charts) {
    expect(c.error, c.id).toBeNull();
    expect(c.marks, c.id).toBeGreaterThan(0);
  }
  return charts.map(({ id, marks }) => ({ id, marks }));
}

/**
 * The texts matching `pattern` (a regular expression's source, flags `gu`) in the text of the
 * elements `selector` selects that the page lays out over more than one line: a Korean word
 * broken between its syllables, a figure between its number and its unit, an interval inside
 * its brackets.
 */
export function splitOverLines(page: Page, selector: string, pattern: string): Promise<string[]> {
  // a string: the tests are compiled without the DOM types
  return page.evaluate(`(() => {
    const lines = (rects) =>
      new Set([...rects].filter((r) => r.width > 0).map((r) => Math.round(r.top))).size;
    const re = new RegExp(${JSON.stringify(pattern)}, 'gu');
    const split = [];
    for (const root of document.querySelectorAll(${JSON.stringify(selector)})) {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n !== null; n = walker.nextNode())
        for (const m of n.data.matchAll(re)) {
          const r = document.createRange();
          r.setStart(n, m.index);
          r.setEnd(n, m.index + m[0].length);
          if (lines(r.getClientRects()) > 1) split.push(m[0]);
        }
    }
    return split;
  })()`) as Promise<string[]>;
}
