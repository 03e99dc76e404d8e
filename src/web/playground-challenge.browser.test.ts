/**
 * A workshop challenge in the playground, in Chromium, on a Korean page (locale ko-KR): the
 * gallery lists the challenges; choosing one shows its brief in Korean (the CLI's text) and puts
 * the starting attempt in the editor; Check judges the unchanged attempt as failing, with the
 * CLI's verdict (web/challenge.ts, whose unit tests hold it to `msasim challenge`'s stdout) and
 * the score above it, and offers no reference solution; the language select rewords the verdict
 * without a rerun and turns the unedited attempt into the English one; an edit of the attempt is
 * kept over a reload and over a change of language; an attempt that passes offers "Compare with
 * the reference solution", which opens the solution as its own file (reopened by a reload;
 * Check passes it) and leaves the attempt as it was, one click away; Cancel stops a check. The
 * challenge is 07-hot-shard: one variant of 30 simulated seconds. Without /usr/bin/chromium the
 * tests are skipped locally and fail in CI.
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

  it('picks a challenge, checks its attempt in Korean, and shows the solution only after a pass', async () => {
    const page = await browser.newPage({
      locale: 'ko-KR',
      viewport: { width: 1400, height: 1000 },
    });
    await page.goto(url);
    await page.waitForSelector('body[data-ready="true"]', { timeout: 30_000 });
    expect(await page.$$eval('#challenge-list button', (b) => b.length)).toBe(12);
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
    expect(await page.isVisible('#solution')).toBe(false); // no reference solution before a pass

    // English: the verdict and the brief follow the page's language without a rerun, and so
    // does the attempt, which the user has not edited
    await page.selectOption('#page-lang', 'en');
    expect(await page.textContent('#challenge-verdict')).toBe(expected.texts.en);
    expect(await page.textContent('#challenge-brief')).toBe(hot.words.en.brief);
    expect(await page.textContent('#challenge-status')).toMatch(/^Not passed yet — score \d+/);
    expect(await page.evaluate(() => document.body.dataset.checks)).toBe('1');
    expect(await editor()).toBe(hot.words.en.attempt);
    expect(await page.locator('#challenge-list [aria-current="true"] .edited').count()).toBe(0);

    // an edit of the attempt is kept (local storage) and reopened after a reload; a change of
    // language leaves it as it is (the page is Korean again after the reload: its locale)
    await editInPage(page, /(?<=^duration: )\S+/m, '31s');
    const edited = await editor();
    await page.reload();
    await page.waitForSelector('body[data-ready="true"]', { timeout: 30_000 });
    expect(await editor()).toBe(edited);
    expect(edited).toMatch(/^duration: 31s$/m);
    expect(await page.textContent('#challenge-list [aria-current="true"] .edited')).toBeTruthy();
    expect(await page.isVisible('#check')).toBe(true);
    await page.selectOption('#page-lang', 'en');
    expect(await editor()).toBe(edited);

    // an attempt that passes (the solution with a line of the student's own) offers the
    // reference solution, which opens as its own file; the attempt stays as it was
    const solution = hot.solution;
    if (solution === null) throw new Error('07-hot-shard ships no solution');
    const mine = `# my attempt\n${solution.text}`;
    await page.evaluate((text) => {
      const view = window.playground.editor;
      view.dispatch({ changes: { from: 0, to: view.state.doc.toString().length, insert: text } });
    }, mine);
    const checked = async (n: number) => {
      await page.click('#check');
      await page.waitForFunction((n) => Number(document.body.dataset.checks ?? 0) >= n, n, {
        timeout: 60_000,
      });
      return page.evaluate(() => document.body.dataset.lastCheck);
    };
    expect(await checked(1)).toBe('pass');
    expect(await page.textContent('#solution')).toBe('Compare with the reference solution');
    await page.selectOption('#page-lang', 'ko');
    expect(await page.textContent('#solution')).toBe('참고 해답과 비교하기');
    await page.click('#solution');
    expect(await editor()).toBe(solution.text);
    expect(await page.textContent('#scenario-title')).toBe(solution.file);
    expect(solution.file).toBe('scenarios/challenges/07-hot-shard.solution.yaml');
    expect(await page.isVisible('#solution')).toBe(false);
    expect(await page.textContent('#challenge-verdict')).toBe(''); // not the attempt's verdict
    // the solution reopens after a reload, and Check passes it
    await page.reload();
    await page.waitForSelector('body[data-ready="true"]', { timeout: 30_000 });
    expect(await editor()).toBe(solution.text);
    expect(await page.isVisible('#solution')).toBe(false);
    expect(await checked(1)).toBe('pass');
    expect(await page.getAttribute('#challenge-status', 'class')).toBe('pass');
    expect(await page.textContent('#challenge-verdict')).toMatch(/통과\n$/);
    // the attempt, one click away, is the student's passing text; the pass was not kept over
    // the reload, so the offer waits for the next passing Check
    await page.click('#challenge-list button[data-file="hot-shard.attempt.yaml"]');
    expect(await editor()).toBe(mine);
    expect(await page.isVisible('#solution')).toBe(false);
    expect(await checked(2)).toBe('pass');
    expect(await page.isVisible('#solution')).toBe(true);

    // Cancel stops a check as it stops a run (scale-the-hot-part runs for a second or two). The
    // page clicks Cancel itself at the check's first report of progress from its worker: a
    // click from the test came once after the end of the check, in a full test run that loaded
    // the machine.
    await page.click('#challenge-list button[data-file="scale-the-hot-part.attempt.yaml"]');
    await page.evaluate(`(() => {
      const text = document.getElementById('progress-text');
      const observer = new MutationObserver(() => {
        if (!/^\\S/.test(text.textContent)) return; // the check's own line before the worker's
        observer.disconnect();
        document.getElementById('cancel').click();
      });
      observer.observe(text, { childList: true, characterData: true, subtree: true });
    })()`);
    await page.click('#check');
    await page.waitForFunction(() => Number(document.body.dataset.checks ?? 0) >= 3, null, {
      timeout: 30_000,
    });
    expect(await page.evaluate(() => document.body.dataset.lastCheck)).toBe('cancelled');
    expect(await page.textContent('#challenge-verdict')).toBe('');
    expect(await page.isEnabled('#check')).toBe(true);
    await page.close();
  }, 120_000);
});
