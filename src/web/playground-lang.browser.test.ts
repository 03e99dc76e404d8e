/**
 * The playground's lessons in the reader's language, in Chromium: a page whose browser reads
 * Korean (locale ko-KR) shows the Korean translation of a lesson and finds a scenario by the
 * words of its translation; a page reading English shows the Korean scenario's lesson in its
 * English translation (web/lesson-lang.ts). Without /usr/bin/chromium the tests are skipped
 * locally and fail in CI.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { browserSuite, openChromium } from '../test-support/browser.ts';
import { msasimInProcess } from '../test-support/cli.ts';
import type { Playground } from '../test-support/playground-page.ts';

declare const window: { playground: Playground };

browserSuite('the playground’s lessons in the reader’s language', () => {
  let browser: Browser;
  let dir: string;
  let url: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'msasim-playground-lang-'));
    const file = join(dir, 'playground.html');
    const made = await msasimInProcess(['playground', '--out', file]);
    expect(made.code, made.stderr).toBe(0);
    url = pathToFileURL(file).href;
    browser = await openChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  /** A page of the playground in a browser reading `locale`, with scenario `file` open. */
  async function opened(locale: string, file: string): Promise<Page> {
    const page = await browser.newPage({ locale });
    await page.goto(url);
    await page.waitForSelector('body[data-ready="true"]', { timeout: 30_000 });
    await page.evaluate((f) => window.playground.open(f), file);
    return page;
  }

  it('shows the Korean translation to a Korean reader, and searches it', async () => {
    const page = await opened('ko-KR', 'scenarios/spof/kafka-outage.yaml');
    expect(await page.textContent('#lesson h1')).toContain('단일 장애점으로서의 Kafka');
    await page.fill('#search', '단일 장애점으로서의');
    const found = await page.$$eval('#scenario-list button', (els) =>
      els.map((e) => e.dataset.file),
    );
    expect(found).toContain('scenarios/spof/kafka-outage.yaml');
    await page.close();
  });

  it('shows the Korean scenario’s lesson in English to an English reader', async () => {
    const page = await opened('en-US', 'scenarios/ko/join-vs-n-plus-1.yaml');
    expect(await page.textContent('#lesson h1')).toContain('The list screen');
    const original = await opened('ko-KR', 'scenarios/ko/join-vs-n-plus-1.yaml');
    expect(await original.textContent('#lesson h1')).toContain('조회 화면');
    await Promise.all([page.close(), original.close()]);
  });
});
