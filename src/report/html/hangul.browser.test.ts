/**
 * Hangul in the HTML report renders as glyphs, not empty boxes (issue 17). Opens the report of
 * the shipped Korean scenario (scenarios/ko/, run once per test run: test-support/shipped-runs.ts)
 * in Chromium and, in the page's own font stack, compares the width of a Hangul string with that
 * of as many Private Use Area characters, which no font has: both render as boxes when no CJK font
 * is found, while real Hangul glyphs are about one em wide and the boxes narrower. It also asks
 * Chromium (DevTools protocol) which font drew the Hangul of the page's title, and saves a
 * screenshot of the page's top to reports/test-artifacts/hangul-report.png for people to look at.
 * The page of the same scenario in Korean (`--lang ko`) draws every chart, its axis titles in
 * Korean, with nothing logged, breaks no Korean word between its syllables, and no highlight
 * card breaks an interval or a figure over two lines.
 * Needs /usr/bin/chromium and a CJK font (Debian's fonts-noto-cjk; .ci/run installs both).
 */
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CHROMIUM,
  expectChartsDrawn,
  openChromium,
  splitOverLines,
} from '../../test-support/browser.ts';
import { ROOT as root } from '../../test-support/cli.ts';
import { KOREAN_LANG_RUN, sharedRun, shippedRun } from '../../test-support/shipped-runs.ts';

const KOREAN = 'ko/join-vs-n-plus-1.yaml';
const SCREENSHOT = join(root, 'reports', 'test-artifacts', 'hangul-report.png');
const available = existsSync(CHROMIUM);

/** Widths (px) of texts drawn at 100px in the body's font stack (a script: no DOM types here). */
const MEASURE = `(() => {
  const width = (text) => {
    const s = document.createElement('span');
    s.style.font = '100px ' + getComputedStyle(document.body).fontFamily;
    s.style.whiteSpace = 'pre';
    s.textContent = text;
    document.body.appendChild(s);
    const w = s.getBoundingClientRect().width;
    s.remove();
    return w;
  };
  return {
    hangul: width('상담목록'),
    boxes: width('\\uE000\\uE001\\uE002\\uE003'),
    family: getComputedStyle(document.body).fontFamily,
  };
})()`;

describe.skipIf(!available)('Hangul in the HTML report (Chromium)', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    const launching = openChromium();
    const run = await shippedRun(KOREAN);
    expect(run.code, run.stderr).toBe(0);
    browser = await launching;
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.route('**/*', (route) =>
      route.request().url().startsWith('file:') ? route.continue() : route.abort(),
    );
    await page.goto(pathToFileURL(join(run.out, 'index.html')).href);
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('names the CJK fonts in the page font stack and says lang="ko"', async () => {
    const { family } = (await page.evaluate(MEASURE)) as { family: string };
    expect(family).toContain('Noto Sans CJK KR');
    expect(family).toContain('Malgun Gothic');
    expect(await page.getAttribute('html', 'lang')).toBe('ko');
  });

  it('draws Hangul as glyphs about one em wide, not as missing-glyph boxes', async () => {
    const { hangul, boxes } = (await page.evaluate(MEASURE)) as { hangul: number; boxes: number };
    // four syllables at 100px: real glyphs are full-width (~ 90–100 px each)
    expect(hangul).toBeGreaterThan(4 * 80);
    expect(Math.abs(hangul - boxes) / boxes).toBeGreaterThan(0.2);
  });

  it('draws the Hangul title with a CJK font (as Chromium reports it)', async () => {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('DOM.enable');
    await cdp.send('CSS.enable');
    const { root: doc } = await cdp.send('DOM.getDocument');
    const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: doc.nodeId, selector: 'h1' });
    const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
    const names = fonts.map((f) => f.familyName).join(', ');
    expect(names).toMatch(/CJK|Gothic|Nanum/);
  });

  it('draws every chart of the page in Korean (--lang ko), its axis titles in Korean', async () => {
    const run = await sharedRun(KOREAN_LANG_RUN.key, KOREAN_LANG_RUN.args);
    expect(run.code, run.stderr).toBe(0);
    const korean = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const problems: string[] = [];
    korean.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(m.text());
    });
    korean.on('pageerror', (e) => problems.push(e.message));
    await korean.route('**/*', (route) =>
      route.request().url().startsWith('file:') ? route.continue() : route.abort(),
    );
    await korean.goto(pathToFileURL(join(run.out, 'index.html')).href);
    await expectChartsDrawn(korean, {
      atLeast: 5,
      timeoutMs: 20_000,
      marks: 'svg g[class*="mark-"] > path, svg g[class*="mark-"] > text',
    });
    const axisTitles = await korean.$$eval('.vega svg .role-axis-title text', (els) =>
      els.map((e) => e.textContent ?? ''),
    );
    expect(axisTitles.length).toBeGreaterThan(3);
    expect(axisTitles.some((x) => /지연 시간|시뮬레이션 시간/.test(x))).toBe(true);
    expect(problems).toEqual([]);
    // Korean breaks between words, never inside one ("악" over "화")
    expect(await splitOverLines(korean, 'main', '\\p{Script=Hangul}+')).toEqual([]);
    // in narrower highlight cards, no interval breaks inside its brackets, no figure before its unit
    await korean.setViewportSize({ width: 1000, height: 900 });
    expect(
      await splitOverLines(korean, '.hl-card', '\\[[^\\]]*\\]|[\\d.,]+[ \\u00a0](?:%|pp|ms)'),
    ).toEqual([]);
    await korean.close();
  });

  it('saves a screenshot of the top of the Korean report', async () => {
    await mkdir(join(root, 'reports', 'test-artifacts'), { recursive: true });
    const png = await page.screenshot({
      path: SCREENSHOT,
      clip: { x: 0, y: 0, width: 1280, height: 900 },
    });
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(existsSync(SCREENSHOT)).toBe(true);
  });
});
