/**
 * Chromium for the browser tests (report.browser.test.ts, hostile.browser.test.ts, the playground's): Debian's
 * /usr/bin/chromium driven by playwright-core, launched headless with nothing in the background
 * (no sandbox: the tests run as root in containers). Without the binary the browser tests are
 * skipped locally and fail in CI (`browserSuite`).
 */
import { existsSync } from 'node:fs';
import { type Browser, chromium, type Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';

export const CHROMIUM = '/usr/bin/chromium';
const available = existsSync(CHROMIUM);

/** Starts a headless Chromium. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
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
 * `marks` selects inside the chart's SVG.
 */
export async function expectChartsDrawn(
  page: Page,
  opts: { atLeast: number; timeoutMs: number; marks: string },
): Promise<void> {
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
}
