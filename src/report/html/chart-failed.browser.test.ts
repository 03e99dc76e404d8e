/**
 * A chart that fails to draw says so in the page's language (issue 17): the page script (the
 * same text in every language, so the playground's CSP hash of it holds) shows the chart
 * element's `data-failed` words, which a Korean page carries, or else the English. Opens a page
 * with one chart vega-lite cannot compile in Chromium, in English and in Korean.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { TopLevelSpec } from 'vega-lite';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadVegaAssets } from '../../cli/vega-assets.ts';
import { browserSuite, openChromium } from '../../test-support/browser.ts';
import type { Lang } from '../i18n/lang.ts';
import { buildChartsPage } from './layout.ts';

/** A spec vega-lite refuses: a mark it does not know. */
const BROKEN = { mark: 'no-such-mark', data: { values: [] } } as unknown as TopLevelSpec;

browserSuite('a chart that cannot be drawn (Chromium)', () => {
  let browser: Awaited<ReturnType<typeof openChromium>>;
  let dir: string;

  beforeAll(async () => {
    browser = await openChromium();
    dir = await mkdtemp(join(tmpdir(), 'msasim-chart-failed-'));
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  /** The text shown in place of the broken chart of a page in `words`. */
  async function shown(words: Lang): Promise<string> {
    const sections = [{ id: 'x', title: 'X', charts: [{ spec: BROKEN }] }];
    const file = join(dir, `${words}.html`);
    await writeFile(file, buildChartsPage('t', sections, await loadVegaAssets(), { words }));
    const page = await browser.newPage();
    try {
      await page.route('**/*', (route) =>
        route.request().url().startsWith('file:') ? route.continue() : route.abort(),
      );
      await page.goto(pathToFileURL(file).href);
      await page.waitForSelector('.vega.chart-error', { timeout: 30_000 });
      return (await page.textContent('.vega.chart-error')) ?? '';
    } finally {
      await page.close();
    }
  }

  it('says so in English on an English page, in Korean on a Korean one', async () => {
    expect(await shown('en')).toMatch(/^This chart could not be drawn: \S/);
    const ko = await shown('ko');
    expect(ko).toMatch(/^이 차트를 그릴 수 없습니다: \S/);
    expect(ko).not.toContain('could not be drawn');
  }, 60_000);
});
