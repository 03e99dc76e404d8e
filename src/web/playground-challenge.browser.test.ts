/**
 * A workshop challenge in the playground, in Chromium, on a Korean page (locale ko-KR): the
 * gallery lists the challenges; choosing one shows its brief in Korean (the CLI's text) and puts
 * the starting attempt in the editor; Check judges the unchanged attempt as failing, with the
 * CLI's verdict (web/challenge.ts, whose unit tests hold it to `msasim challenge`'s stdout) and
 * the score above it; the language select rewords the verdict without a rerun; an edit of the
 * attempt is kept over a reload; Cancel stops a check. The challenge is 07-hot-shard: one variant of 30 simulated
 * seconds. Without /usr/bin/chromium the tests are skipped locally and fail in CI.
 */
import { rm } from 'node:fs/promises';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { playgroundChallenges } from '../cli/commands/challenge.ts';
import { browserSuite, openChromium } from '../test-support/browser.ts';
import { editInPage, type Playground, writtenPlayground } from '../test-support/playground-page.ts';
import { checkAttempt, type ShippedChallenge } from './challenge.ts';

declare const window: { playground: Playground };

browserSuite('a workshop challenge in the playground', () => {
  let browser: Browser;
  let dir: string;
  let url: string;
  let hot: ShippedChallenge;

  beforeAll(async () => {
    ({ dir, url } = await writtenPlayground('msasim-playground-challenge-'));
    const found = (await playgroundChallenges()).find((c) => c.name === '07-hot-shard');
    if (found === undefined) throw new Error('no shipped 07-hot-shard');
    hot = found;
    browser = await openChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('picks a challenge, shows its brief in Korean and checks the starting attempt (fails)', async () => {
    const page = await browser.newPage({
      locale: 'ko-KR',
      viewport: { width: 1400, height: 1000 },
    });
    await page.goto(url);
    await page.waitForSelector('body[data-ready="true"]', { timeout: 30_000 });
    expect(await page.$$eval('#challenge-list button', (b) => b.length)).toBe(11);
    expect(await page.isVisible('#check')).toBe(false);
    await page.click('#challenges summary');
    await page.click('#challenge-list button[data-file="hot-shard.attempt.yaml"]');
    expect(await page.textContent('#challenge-brief')).toBe(hot.words.ko.brief);
    expect(hot.words.ko.brief).toContain(hot.words.ko.title);
    expect(hot.words.ko.title).toMatch(/[가-힣]/);
    const editor = () => page.evaluate(() => window.playground.editor.state.doc.toString());
    expect(await editor()).toBe(hot.words.ko.attempt);

    // Check: the CLI's verdict on the same text, the score above it
    await page.click('#check');
    await page.waitForFunction(() => Number(document.body.dataset.checks ?? 0) >= 1, null, {
      timeout: 60_000,
    });
    expect(await page.evaluate(() => document.body.dataset.lastCheck)).toBe('fail');
    const expected = await checkAttempt({
      challengeFile: hot.file,
      challengeText: hot.text,
      baseFile: hot.base.file,
      baseText: hot.base.text,
      text: hot.words.ko.attempt,
      file: 'hot-shard.attempt.yaml',
      lang: 'ko',
    });
    if (expected.kind !== 'verdict') throw new Error(`expected a verdict, got ${expected.kind}`);
    expect(expected.pass).toBe(false);
    expect(await page.textContent('#challenge-verdict')).toBe(expected.texts.ko);
    expect(await page.getAttribute('#challenge-status', 'class')).toBe('fail');
    expect(await page.textContent('#challenge-status')).toBe(
      `아직 통과하지 못했습니다 — 점수 ${expected.score}/100`,
    );
    expect(await page.textContent('#messages')).toMatch(/^채점했습니다/);

    // English: the verdict and the brief follow the page's language without a rerun
    await page.selectOption('#page-lang', 'en');
    expect(await page.textContent('#challenge-verdict')).toBe(expected.texts.en);
    expect(await page.textContent('#challenge-brief')).toBe(hot.words.en.brief);
    expect(await page.textContent('#challenge-status')).toMatch(/^Not passed yet — score \d+/);
    expect(await page.evaluate(() => document.body.dataset.checks)).toBe('1');

    // an edit of the attempt is kept (local storage) and reopened after a reload
    await editInPage(page, /(?<=^duration: )\S+/m, '31s');
    await page.reload();
    await page.waitForSelector('body[data-ready="true"]', { timeout: 30_000 });
    expect(await editor()).toMatch(/^duration: 31s$/m);
    expect(await page.textContent('#challenge-list [aria-current="true"] .edited')).toBeTruthy();
    expect(await page.isVisible('#check')).toBe(true);

    // Cancel stops a check as it stops a run (scale-the-hot-part runs for a second or two)
    await page.click('#challenge-list button[data-file="scale-the-hot-part.attempt.yaml"]');
    await page.click('#check');
    await page.click('#cancel');
    await page.waitForFunction(() => Number(document.body.dataset.checks ?? 0) >= 1, null, {
      timeout: 30_000,
    });
    expect(await page.evaluate(() => document.body.dataset.lastCheck)).toBe('cancelled');
    expect(await page.textContent('#challenge-verdict')).toBe('');
    expect(await page.isEnabled('#check')).toBe(true);
    await page.close();
  }, 120_000);
});
