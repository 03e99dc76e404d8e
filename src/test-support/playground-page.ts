/**
 * Driving the playground's page in Chromium (web/playground.browser.test.ts): a tab that records
 * every problem and refuses the network, count the runs,
 * click Run and wait for it to end, type into the editor as a user does, find the report's frame
 * and wait for its charts. Each takes the playwright page (or frame) it works on.
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Frame, Page } from 'playwright-core';
import { expect } from 'vitest';
import { msasimInProcess } from './cli.ts';

/**
 * Writes the playground (`msasim playground --out`) into a new temporary folder named from
 * `prefix`: the folder (the caller removes it) and the page's file URL.
 */
export async function writtenPlayground(prefix: string): Promise<{ dir: string; url: string }> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  const file = join(dir, 'playground.html');
  const made = await msasimInProcess(['playground', '--out', file]);
  expect(made.code, made.stderr).toBe(0);
  return { dir, url: pathToFileURL(file).href };
}

/** The page's `window.playground` (web/app.ts), as the tests use it. */
export interface Playground {
  open(file: string): void;
  sweeps: {
    last?: { files: [string, string][] };
    lastSpof?: { files: [string, string][] };
  };
  editor: {
    state: { doc: { toString(): string } };
    dispatch(spec: unknown): void;
    focus(): void;
  };
  lastRun?: { simulationWallMs: number; files: [string, string][] };
}
declare const window: { playground: Playground };

/**
 * A new 1400×1000 tab of `browser` that records in `seen` every console error and page error as
 * a problem, and refuses and records every request that is not the file itself, a blob or a data
 * URL.
 */
export async function watchedPage(
  browser: Browser,
  seen: { problems: string[]; requests: string[] },
): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  page.on('console', (m) => {
    if (m.type() === 'error') seen.problems.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => seen.problems.push(`page error: ${e.message}`));
  await page.route('**/*', (route) => {
    const u = route.request().url();
    if (u.startsWith('file:') || u.startsWith('blob:') || u.startsWith('data:'))
      return route.continue();
    seen.requests.push(u);
    return route.abort();
  });
  return page;
}

/** How many runs the page has finished (its body's data-runs). */
export const runsIn = (page: Page): Promise<number> =>
  page.evaluate(() => Number(document.body.dataset.runs ?? 0));

/** Clicks Run and waits for the run to end; its outcome's kind. */
export async function runInPage(page: Page, timeout = 60_000): Promise<string | undefined> {
  const before = await runsIn(page);
  await page.click('#run');
  return runEnded(page, before, timeout);
}

/**
 * Waits until a run ended after `before` runs (the page counts them) and returns how it
 * ended; `lastRun` alone may still hold an earlier run's outcome.
 */
export async function runEnded(
  page: Page,
  before: number,
  timeout = 60_000,
): Promise<string | undefined> {
  await page.waitForFunction((n) => Number(document.body.dataset.runs ?? 0) > n, before, {
    timeout,
  });
  return page.evaluate(() => document.body.dataset.lastRun);
}

/** Replaces the first match of `find` in the editor with `put`, as a user's edit. */
export async function editInPage(page: Page, find: RegExp, put: string): Promise<void> {
  const text = await page.evaluate(() => window.playground.editor.state.doc.toString());
  const m = find.exec(text);
  expect(m, `${find} in the editor`).not.toBeNull();
  const from = m?.index ?? 0;
  await page.evaluate(
    ([from, to]) => {
      const view = window.playground.editor;
      view.focus();
      view.dispatch({ selection: { anchor: from, head: to } });
    },
    [from, from + (m?.[0].length ?? 0)],
  );
  await page.keyboard.type(put);
}

/** The frame the report is shown in. */
export function reportFrameOf(page: Page): Frame {
  const frame = page.frames().find((f) => f !== page.mainFrame());
  if (frame === undefined) throw new Error('no report frame');
  return frame;
}

/** Waits until every chart of `frame` is drawn (or marked failed); the charts with marks. */
export async function chartsDrawn(frame: Frame): Promise<number> {
  // a function, not a string: the page's policy refuses to evaluate strings (no unsafe-eval)
  await frame.waitForFunction(
    () => {
      const charts = [...document.querySelectorAll('.vega')];
      return (
        charts.length > 0 &&
        charts.every(
          (el) => el.querySelector('svg') !== null || el.classList.contains('chart-error'),
        )
      );
    },
    null,
    { timeout: 30_000 },
  );
  return frame.$$eval(
    '.vega',
    (els) =>
      els.filter(
        (el) =>
          !el.classList.contains('chart-error') &&
          el.querySelectorAll('svg g[class*="mark-"] > path, svg g[class*="mark-"] > text').length >
            0,
      ).length,
  );
}
