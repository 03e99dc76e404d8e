/**
 * The playground in the reader's language, in Chromium: a page whose browser reads Korean
 * (locale ko-KR) shows the Korean translation of a lesson and finds a scenario by the words of
 * its translation; a page reading English shows the Korean scenario's lesson in its English
 * translation (web/lesson-lang.ts). The page's own words follow too (web/ui-words.ts): a Korean
 * page shows no English sentence in its toolbar and panels, before and after a run, and the
 * language select switches them to English and back without losing the edit or the run.
 * Without /usr/bin/chromium the tests are skipped locally and fail in CI.
 */
import { rm } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { browserSuite, openChromium, splitOverLines } from '../test-support/browser.ts';
import {
  editInPage,
  type Playground,
  runInPage,
  writtenPlayground,
} from '../test-support/playground-page.ts';

declare const window: { playground: Playground };

/** The parts of the page with the playground's own words (not the lesson, editor or report). */
const CHROME = [
  'header',
  '#gallery',
  '#toolbar',
  '#data-files',
  '#whatif',
  '#sweep',
  '#messages',
  '#highlights',
  '#downloads',
  '#lesson-pane',
  '#results',
];
/** Inside those, what a user or a scenario wrote: names, file paths, the lesson. */
const WRITTEN = '#scenario-list button, #scenario-title, #lesson';

/**
 * The words of the page's chrome: its title, the text of CHROME outside WRITTEN (a gallery
 * entry's "edited" mark is chrome), and every title, placeholder and aria-label there.
 */
async function chromeWords(page: Page): Promise<string[]> {
  return page.evaluate(
    ([roots, written]) => {
      const words = [document.title];
      for (const root of document.querySelectorAll(roots.join(','))) {
        const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n !== null; n = walker.nextNode()) {
          const at = n.parentElement;
          if (at?.closest(written) && !at.classList.contains('edited')) continue;
          words.push(n.textContent ?? '');
        }
        for (const e of [root, ...root.querySelectorAll('*')])
          for (const a of ['title', 'placeholder', 'aria-label']) {
            const v = e.getAttribute(a);
            if (v !== null) words.push(v);
          }
      }
      return words.map((w) => w.trim()).filter((w) => w !== '');
    },
    [CHROME, WRITTEN] as const,
  );
}

/**
 * The English sentences among `words`: runs of three or more ASCII words once what stays as
 * written is taken out (option names, `msasim <command>`, paths and files, numbers, units).
 */
function englishIn(words: string[]): string[] {
  return words.filter((w) =>
    /[A-Za-z]+[\s,;:()]+[A-Za-z]+[\s,;:()]+[A-Za-z]+/.test(
      w.replace(/--[\w-]+|msasim \w+|\S*[./=]\S*|\d+(?:\s?(?:ms|s|%))?/g, ' '),
    ),
  );
}

browserSuite('the playground’s lessons in the reader’s language', () => {
  let browser: Browser;
  let dir: string;
  let url: string;

  beforeAll(async () => {
    ({ dir, url } = await writtenPlayground('msasim-playground-lang-'));
    browser = await openChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  /** A page of the playground in a browser reading `locale`, with scenario `file` open. */
  async function opened(locale: string, file: string): Promise<Page> {
    const page = await browser.newPage({ locale, viewport: { width: 1400, height: 1000 } });
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

  it('fits a 1366×768 laptop and a narrow window, its Korean unbroken, its results in view', async () => {
    // a laptop's 1366×768 screen less the browser's bars
    const page = await browser.newPage({ locale: 'ko-KR', viewport: { width: 1366, height: 650 } });
    await page.goto(url);
    await page.waitForSelector('body[data-ready="true"]', { timeout: 30_000 });
    /** Whether the whole of `#id` is inside the window (the page's and the panes' scrolling). */
    const inView = (id: string) =>
      page.waitForFunction(
        (id) => {
          const r = document.getElementById(id)?.getBoundingClientRect();
          return r !== undefined && r.height > 0 && r.top >= 0 && r.bottom <= innerHeight;
        },
        id,
        { timeout: 5_000 },
      );
    // the headline lesson: no word broken between its syllables ("상/담", "모놀리/스")
    expect(await page.textContent('#lesson h1')).toMatch(/[가-힣]/);
    // the gallery titles each scenario with its lesson's heading in the page's language
    const shopTitle = '#scenario-list button[data-file="scenarios/shop.yaml"] .lesson-title';
    expect(await page.textContent(shopTitle)).toBe('작은 쇼핑몰');
    await page.selectOption('#page-lang', 'en');
    expect(await page.textContent(shopTitle)).toBe('A small shop');
    await page.selectOption('#page-lang', 'ko');
    expect(await splitOverLines(page, '#lesson, #toolbar', '\\p{Script=Hangul}+')).toEqual([]);
    // Run: the status line, under the editor and out of view before the run, comes into view
    await page.evaluate(() => window.playground.open('scenarios/shop.yaml'));
    expect(await runInPage(page)).toBe('done');
    await inView('messages');
    expect(await page.textContent('#messages')).toMatch(/^시뮬레이션에 [\d.]+초/);
    // the lesson pane's figures: the run's values (they stayed references after a run)
    const lesson = (await page.textContent('#lesson')) ?? '';
    expect(lesson).toContain('이 실행으로 확인한 주장');
    expect(lesson).toMatch(/p99는 [\d.]+ ms ± [\d.]+ ms다/);
    // Check of an attempt that does not parse: its problems (in Korean) come into view, even
    // with the pane scrolled down to the hints
    await page.evaluate(() => window.playground.open('blast-radius.attempt.yaml'));
    await page.evaluate(() => document.getElementById('workbench')?.scrollTo(0, 0));
    await editInPage(page, /^ {2}(?=orders:$)/m, '\t');
    await page.click('#check');
    await page.waitForFunction(() => Number(document.body.dataset.checks ?? 0) >= 1);
    await inView('messages');
    expect(await page.textContent('#messages')).toContain('파일을 해석할 수 없습니다');
    // Reset to original: the starting attempt, and no more the problems of the text replaced
    await page.click('#reset');
    expect(await page.textContent('#messages')).toBe('');
    // "run as I edit" on a challenge's attempt checks it (a Run of it judged no goal), and
    // leaves the page where it is: a check of each pause in the typing brought its problems
    // into view, scrolling the editor away from the one typing (Check's click does, as Run's)
    await page.check('#autorun');
    await page.evaluate(() => {
      document.scrollingElement?.scrollTo(0, 0);
      document.getElementById('workbench')?.scrollTo(0, 0);
    });
    const scrolled = () =>
      page.evaluate(() => [
        document.scrollingElement?.scrollTop,
        document.getElementById('workbench')?.scrollTop,
      ]);
    const before = await scrolled();
    await editInPage(page, /^ {2}(?=orders:$)/m, '\t');
    await page.waitForFunction(() => Number(document.body.dataset.checks ?? 0) >= 2, null, {
      timeout: 60_000,
    });
    expect(await page.textContent('#messages')).toContain('파일을 해석할 수 없습니다');
    expect(await scrolled()).toEqual(before);
    await page.click('#reset');
    // the starting attempt fails with its score
    await editInPage(page, /(?<=^duration: )\S+/m, '50s');
    await page.waitForFunction(() => Number(document.body.dataset.checks ?? 0) >= 3, null, {
      timeout: 60_000,
    });
    expect(await page.evaluate(() => document.body.dataset.lastCheck)).toBe('fail');
    expect(await page.textContent('#challenge-status')).toMatch(/^아직 통과하지 못했습니다 — 점수/);
    await page.uncheck('#autorun');
    // a narrow window: one column, the editor and the lesson as wide as the window
    await page.setViewportSize({ width: 420, height: 800 });
    const widths = await page.evaluate(() =>
      ['editor', 'lesson-pane'].map((id) => document.getElementById(id)?.clientWidth ?? 0),
    );
    for (const w of widths) expect(w).toBeGreaterThan(360);
    await page.close();
  }, 120_000);

  it('shows the Korean scenario’s lesson in English to an English reader', async () => {
    const page = await opened('en-US', 'scenarios/ko/join-vs-n-plus-1.yaml');
    expect(await page.textContent('#lesson h1')).toContain('The list screen');
    const original = await opened('ko-KR', 'scenarios/ko/join-vs-n-plus-1.yaml');
    expect(await original.textContent('#lesson h1')).toContain('조회 화면');
    await Promise.all([page.close(), original.close()]);
  });

  it('words its own controls in Korean, and switches to English and back keeping the edit and the run', async () => {
    // a scenario that reads a data file: its row under the editor is chrome too
    const page = await opened('ko-KR', 'scenarios/real-data/replayed-morning.yaml');
    expect(await page.getAttribute('html', 'lang')).toBe('ko');
    await page.waitForSelector('#data-files input[data-name="morning-log.csv"]');
    const before = await chromeWords(page);
    expect(before).toContain('▶ 실행');
    expect(before.join('\n')).toMatch(/데이터 파일 .*morning-log\.csv/);
    expect(englishIn(before)).toEqual([]);
    // a refusal of the toolbar's values, an edit, a run: its line, highlights and downloads
    await page.fill('#precision', '100');
    await page.click('#run');
    expect(await page.textContent('#messages')).toMatch(/^아무것도 실행하지 않았습니다: 정밀도/);
    expect(englishIn(await chromeWords(page))).toEqual([]);
    await page.fill('#precision', '');
    await page.evaluate(() => window.playground.open('scenarios/shop.yaml'));
    await editInPage(page, /(?<=^duration: )\S+/m, '10s');
    expect(await runInPage(page), (await page.textContent('#messages')) ?? '').toBe('done');
    const after = await chromeWords(page);
    expect(after.join('\n')).toMatch(/시뮬레이션에 [\d.]+초/);
    expect(after).toContain('(편집됨)');
    expect(after).toContain('처리량');
    expect(englishIn(after)).toEqual([]);

    // English: the chrome changes (and the check above would have caught it), nothing else does
    const kept = () =>
      page.evaluate(() => ({
        text: window.playground.editor.state.doc.toString(),
        files: window.playground.lastRun?.files.length,
        report: (document.getElementById('report') as HTMLIFrameElement).srcdoc.length,
      }));
    const edited = await kept();
    expect(edited.text).toMatch(/^duration: 10s$/m);
    expect(edited.report).toBeGreaterThan(0);
    await page.selectOption('#page-lang', 'en');
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    const english = await chromeWords(page);
    expect(english).toContain('▶ Run');
    expect(english).toContain('throughput');
    expect(await page.textContent('#messages')).toMatch(/^Simulated in [\d.]+ s/);
    expect(englishIn(english)).toContain('Search scenarios and lessons');
    expect(await kept()).toEqual(edited);
    await page.selectOption('#page-lang', 'ko');
    expect(await page.getAttribute('html', 'lang')).toBe('ko');
    expect(englishIn(await chromeWords(page))).toEqual([]);
    expect(await kept()).toEqual(edited);
    // the editor's own words too: its search panel (editor-phrases.ts)
    await page.evaluate(() => window.playground.editor.focus());
    await page.keyboard.press('Control+f');
    expect(await page.getAttribute('.cm-search input[main-field]', 'placeholder')).toBe('찾기');
    await page.keyboard.press('Escape');
    await page.close();
  }, 120_000);
});
