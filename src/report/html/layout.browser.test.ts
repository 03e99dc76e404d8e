/**
 * The page's layout in Chromium at 1,400 × 900, on every shipped scenario's report (the shared
 * runs, test-support/shipped-runs.ts): no table scrolls sideways (headers and labels wrap),
 * and the sticky section bar never covers the heading of a section it jumps to. Tables need no
 * chart drawn, so each page is measured as soon as it has loaded. Skipped without Chromium,
 * as report.browser.test.ts is.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHIPPED, shippedRun } from '../../test-support/shipped-runs.ts';

const CHROMIUM = '/usr/bin/chromium';

describe.skipIf(!existsSync(CHROMIUM))('the report’s layout at 1,400 px', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'],
    });
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    // nothing but the page itself: the vega libraries are inlined
    await page.route('**/*', (route) =>
      route.request().url().startsWith('file:') ? route.continue() : route.abort(),
    );
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  it.each(SHIPPED)('%s: tables fit, headings land below the section bar', async (file) => {
    const run = await shippedRun(file);
    expect(run.code).toBe(0);
    await page.goto(pathToFileURL(join(run.out, 'index.html')).href, {
      waitUntil: 'domcontentloaded',
    });
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
  });
});
