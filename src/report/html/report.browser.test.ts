/**
 * The HTML report in a real browser (Debian's Chromium driven by playwright-core): the built
 * CLI writes the report of every shipped scenario (shortened runs), each index.html is opened
 * from file:// with every network request refused, and every chart must draw an SVG with marks,
 * with no console error or warning and no request but the page itself. A full-page screenshot
 * of the headline report goes to reports/test-artifacts/ for people to look at.
 * Without /usr/bin/chromium the tests are skipped locally and fail in CI.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listScenarioFiles } from '../../cli/commands/list.ts';

const CHROMIUM = '/usr/bin/chromium';
const root = join(import.meta.dirname, '..', '..', '..');
const HEADLINE = 'data-reference/join-vs-batch-cache.yaml';
const SCREENSHOT = join(root, 'reports', 'test-artifacts', 'headline-report.png');
const available = existsSync(CHROMIUM);
const run = promisify(execFile);

/**
 * Runs the built CLI on a shipped scenario, shortened to 5 s after the longest warm-up (30 s);
 * the headline gets 10 s and 2 replications, so its page shows confidence intervals.
 */
async function writeReport(file: string, out: string): Promise<void> {
  const extra =
    file === HEADLINE ? ['--duration', '40s', '--replications', '2'] : ['--duration', '35s'];
  await run(
    'node',
    [join(root, 'bin', 'msasim'), 'run', join('scenarios', file), '--out', out, ...extra],
    { cwd: root, maxBuffer: 64 * 1024 * 1024 },
  );
}

/** Runs `jobs` with at most `limit` at a time. */
async function inParallel(jobs: (() => Promise<void>)[], limit: number): Promise<void> {
  const queue = [...jobs];
  await Promise.all(
    Array.from({ length: limit }, async () => {
      for (let job = queue.shift(); job; job = queue.shift()) await job();
    }),
  );
}

if (!available && process.env.CI) {
  describe('the HTML report in Chromium', () => {
    it('needs /usr/bin/chromium in CI', () => {
      expect.fail(
        `${CHROMIUM} is missing: install it with apt-get install -y chromium (.ci/run does)`,
      );
    });
  });
}

const files = await listScenarioFiles();

describe.skipIf(!available)(
  `the HTML report in Chromium${available ? '' : ` (skipped: ${CHROMIUM} is missing; apt-get install -y chromium)`}`,
  () => {
    let browser: Browser;
    let out: string;

    beforeAll(async () => {
      out = await mkdtemp(join(tmpdir(), 'msasim-browser-'));
      const launching = chromium.launch({
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
      // the slowest runs first, two at a time (CI machines have two cores)
      const slow = [HEADLINE, 'caches/local-vs-replicated-vs-distributed.yaml'];
      const order = [...files.keys()].sort(
        (a, b) => Number(slow.includes(files[b])) - Number(slow.includes(files[a])) || a - b,
      );
      await inParallel(
        order.map((i) => () => writeReport(files[i], join(out, String(i)))),
        2,
      );
      browser = await launching;
    }, 120_000);

    afterAll(async () => {
      await browser?.close();
    });

    it.each(files.map((f, i) => [f, i] as const))(
      '%s: every chart draws, nothing is fetched, nothing is logged',
      async (file, i) => {
        const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
        const problems: string[] = [];
        const requests: string[] = [];
        page.on('console', (m) => {
          if (m.type() === 'error' || m.type() === 'warning')
            problems.push(`${m.type()}: ${m.text()}`);
        });
        page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
        await page.route('**/*', (route) => {
          const url = route.request().url();
          requests.push(url);
          return url.startsWith('file:') ? route.continue() : route.abort();
        });
        const html = join(out, String(i), 'index.html');
        await page.goto(pathToFileURL(html).href);
        // a string: the test is compiled without the DOM types
        await page.waitForFunction(
          "[...document.querySelectorAll('.vega')].every((el) => el.querySelector('svg') !== null || el.classList.contains('chart-error'))",
          null,
          { timeout: 20_000 },
        );
        const charts = await page.$$eval('.vega', (els) =>
          els.map((el) => ({
            id: el.id,
            error: el.classList.contains('chart-error') ? el.textContent : null,
            marks: el.querySelectorAll(
              'svg g[class*="mark-"] > path, svg g[class*="mark-"] > line, svg g[class*="mark-"] > text',
            ).length,
          })),
        );
        expect(charts.length).toBeGreaterThanOrEqual(5);
        for (const c of charts) {
          expect(c.error, c.id).toBeNull();
          expect(c.marks, c.id).toBeGreaterThan(0);
        }
        const diagrams = await page.$$eval('svg.topology', (els) => els.length);
        expect(diagrams).toBeGreaterThanOrEqual(1);
        expect(problems).toEqual([]);
        expect(requests).toEqual([pathToFileURL(html).href]);

        if (diagrams > 1) {
          // the topology tabs switch the diagram shown
          const visible = () =>
            page.$$eval('[role="tabpanel"]', (els) =>
              els.map((el) => !(el as unknown as { hidden: boolean }).hidden),
            );
          expect((await visible())[1]).toBe(false);
          await page.click('[role="tab"] >> nth=1');
          expect((await visible()).slice(0, 2)).toEqual([false, true]);
        }
        if (file === HEADLINE) {
          await mkdir(join(root, 'reports', 'test-artifacts'), { recursive: true });
          await page.click('[role="tab"] >> nth=0');
          await page.screenshot({ path: SCREENSHOT, fullPage: true });
        }
        await page.close();
      },
    );
  },
);
