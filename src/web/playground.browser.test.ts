/**
 * The playground in a real browser (Debian's Chromium driven by playwright-core): the single
 * file `msasim playground` writes, opened from file:// in one tab, with every request that is
 * not the file itself (or a blob the page makes) refused and recorded, with two run workers
 * (`?workers=2`). It runs three shipped scenarios (variants in parallel) and compares every file
 * with the CLI's run of the same scenario (the shared runs of test-support/shipped-runs.ts)
 * byte for byte; picks the headline from the gallery, changes
 * `threads`, runs and sees the report's charts drawn; types a typo and sees the located
 * underline with its did-you-mean and a key's docs on hover; cancels a long run; sees a worker
 * that dies shown as an error with the scenario kept; sees a runaway run stopped by the CLI's
 * guard with its message; reloads and finds the edit kept; opens a share link (never over the
 * user's own edit; a hostile one too: its texts are shown as text, no script runs); moves the
 * what-if slider and sees the highlights compare with the run before.
 * Screenshots go to reports/test-artifacts/. Without /usr/bin/chromium the tests are skipped
 * locally and fail in CI.
 */
import { mkdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { browserSuite, openChromium } from '../test-support/browser.ts';
import { msasimInProcess, ROOT } from '../test-support/cli.ts';
import {
  chartsDrawn,
  editInPage,
  type Playground,
  reportFrameOf,
  runEnded,
  runInPage,
  runsIn,
  watchedPage,
  writtenPlayground,
} from '../test-support/playground-page.ts';
import { shippedRun } from '../test-support/shipped-runs.ts';
import { encodeShare } from './share.ts';

const ARTIFACTS = join(ROOT, 'reports', 'test-artifacts');
const HEADLINE = 'scenarios/data-reference/join-vs-batch-cache.yaml';
/** Quick shipped scenarios with different report features (SLOs, policies, propagation). */
const SAME_AS_CLI = ['01-shared-db.yaml', 'shop.yaml', 'resilience/retry-storm.yaml'];

declare const window: { playground: Playground; __pwned?: number };

browserSuite('the playground in Chromium', () => {
  let browser: Browser;
  let page: Page;
  let dir: string;
  let url: string;
  const seen = { problems: [] as string[], requests: [] as string[] };

  beforeAll(async () => {
    const written = await writtenPlayground('msasim-playground-');
    dir = written.dir;
    // two run workers, so the variants of a scenario run in parallel as on a multi-core laptop
    url = `${written.url}?workers=2`;
    browser = await openChromium();
    page = await watchedPage(browser, seen);
    // every refusal of the page's Content-Security-Policy is a problem (the workers write
    // theirs on the console, web/worker-setup.ts; Chromium logs the report frame's)
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => {
        console.error(`Content-Security-Policy violation: ${e.violatedDirective} ${e.blockedURI}`);
      });
    });
    await page.goto(url);
    await page.waitForSelector('body[data-ready="true"]', { timeout: 30_000 });
    await mkdir(ARTIFACTS, { recursive: true });
  }, 120_000);

  afterAll(async () => {
    // the workers tell the page of their refusals (web/worker-setup.ts): none since the last load
    expect(await page?.evaluate(() => document.body.dataset.violations)).toBeUndefined();
    expect(seen.requests, 'requests other than the file').toEqual([]);
    expect(seen.problems).toEqual([]);
    await browser?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  const runs = () => runsIn(page);
  const run = (timeout?: number) => runInPage(page, timeout);
  const edit = (find: RegExp, put: string) => editInPage(page, find, put);
  const reportFrame = () => reportFrameOf(page);

  it.each(SAME_AS_CLI)(
    '%s: every file the playground makes (variants on two workers) is the CLI’s, byte for byte',
    async (file) => {
      const cli = await shippedRun(file);
      expect(cli.code, cli.stderr).toBe(0);
      await page.evaluate((f) => window.playground.open(f), `scenarios/${file}`);
      expect(await run()).toBe('done');
      const files = await page.evaluate(() => window.playground.lastRun?.files ?? []);
      expect(files.map(([name]) => name)).toContain('summary.json');
      for (const [name, text] of files) {
        const expected = await readFile(join(cli.out, name), 'utf8');
        expect(text === expected, `${file}: ${name} differs from the CLI's`).toBe(true);
      }
    },
  );

  it('runs the replications chosen in the page as the CLI does (a count, a precision target)', async () => {
    await page.evaluate((f) => window.playground.open(f), 'scenarios/shop.yaml');
    for (const [field, value, args] of [
      ['#precision', '5', ['--precision', '5%']],
      ['#replications', '2', ['--replications', '2']],
    ] as const) {
      await page.fill('#replications', '');
      await page.fill('#precision', '');
      await page.fill(field, value);
      const out = join(dir, `cli-${value}`);
      const cli = await msasimInProcess(['run', 'scenarios/shop.yaml', ...args, '--out', out]);
      expect(cli.code, cli.stderr).toBe(0);
      expect(await run(), (await page.textContent('#messages')) ?? '').toBe('done');
      const files = await page.evaluate(() => window.playground.lastRun?.files ?? []);
      for (const [name, text] of files) {
        const expected = await readFile(join(out, name), 'utf8');
        expect(text === expected, `shop.yaml ${args.join(' ')}: ${name} differs`).toBe(true);
      }
    }
    // the highlights show the last run's means with their intervals
    expect(await page.textContent('#highlights')).toMatch(/mean ± 95 % CI, 2 replications/);
    await page.fill('#replications', '');
  });

  it('replays a log given to the page, with the CLI’s numbers', async () => {
    const file = 'real-data/replayed-morning.yaml';
    const cli = await shippedRun(file);
    expect(cli.code, cli.stderr).toBe(0);
    await page.evaluate((f) => window.playground.open(f), `scenarios/${file}`);
    // nothing runs without the file: the page asks for it, by the name the scenario writes
    const input = await page.waitForSelector('#data-files input[data-name="morning-log.csv"]');
    expect(await page.textContent('#data-files')).toMatch(/not given yet/);
    expect(await run()).toBe('invalid');
    expect(await page.textContent('#messages')).toMatch(/morning-log\.csv.*not given/s);
    await input.setInputFiles(join(ROOT, 'scenarios/real-data/morning-log.csv'));
    expect(await page.textContent('#data-files')).toMatch(/morning-log\.csv, [\d,]+ bytes/);
    expect(await run(), (await page.textContent('#messages')) ?? '').toBe('done');
    const files = await page.evaluate(() => window.playground.lastRun?.files ?? []);
    for (const [name, text] of files) {
      const expected = await readFile(join(cli.out, name), 'utf8');
      expect(text === expected, `${file}: ${name} differs from the CLI's`).toBe(true);
    }
  });

  it('runs a sweep and a spof analysis on its workers, with the CLI’s bytes', async () => {
    await page.evaluate((f) => window.playground.open(f), 'scenarios/shop.yaml');
    await page.fill('#sweep-params', 'services.orders.threads=5,50');
    await page.fill('#sweep-replications', '2');
    const out = join(dir, 'cli-sweep');
    const cli = await msasimInProcess([
      'sweep',
      'scenarios/shop.yaml',
      '--param',
      'services.orders.threads=5,50',
      '--replications',
      '2',
      '--out',
      out,
      '--quiet',
    ]);
    expect(cli.code, cli.stderr).toBe(0);
    const before = await page.evaluate(() => Number(document.body.dataset.sweeps ?? 0));
    await page.click('#run-sweep');
    await page.waitForFunction((n) => Number(document.body.dataset.sweeps ?? 0) > n, before, {
      timeout: 120_000,
    });
    const outcome = await page.evaluate(() => document.body.dataset.lastSweep);
    expect(outcome, (await page.textContent('#messages')) ?? '').toBe('done');
    const files = await page.evaluate(() => window.playground.sweeps.last?.files ?? []);
    expect(files.map(([name]) => name)).toEqual(['sweep.json', 'sweep.csv', 'sweep.html']);
    for (const [name, text] of files) {
      const expected = await readFile(join(out, name), 'utf8');
      expect(text === expected, `the sweep's ${name} differs from the CLI's`).toBe(true);
    }
    // the table msasim sweep prints, under the toolbar; the sweep's page in the report frame
    expect(await page.textContent('#messages')).toContain('services.orders.threads');
    expect(await chartsDrawn(reportFrame())).toBeGreaterThan(0);
    await page.fill('#sweep-params', '');
    // a spof analysis on the same page: the files msasim spof writes, byte for byte
    const spofOut = join(dir, 'cli-spof');
    const spof = await msasimInProcess(['spof', 'scenarios/shop.yaml', '--out', spofOut]);
    expect(spof.code, spof.stderr).toBe(0);
    const spofs = await page.evaluate(() => Number(document.body.dataset.spofs ?? 0));
    await page.click('#run-spof');
    await page.waitForFunction((n) => Number(document.body.dataset.spofs ?? 0) > n, spofs, {
      timeout: 120_000,
    });
    expect(await page.evaluate(() => document.body.dataset.lastSpof)).toBe('done');
    const spofFiles = await page.evaluate(() => window.playground.sweeps.lastSpof?.files ?? []);
    expect(spofFiles.map(([name]) => name).sort()).toEqual([
      'spof.csv',
      'spof.html',
      'spof.json',
      'spof.txt',
    ]);
    for (const [name, text] of spofFiles) {
      const expected = await readFile(join(spofOut, name), 'utf8');
      expect(text === expected, `the spof analysis's ${name} differs from the CLI's`).toBe(true);
    }
  });

  it('runs under its Content-Security-Policy: no eval, no network, nothing refused', async () => {
    const policy = await page.$eval(
      'meta[http-equiv="Content-Security-Policy"]',
      (m) => m.getAttribute('content') ?? '',
    );
    expect(policy).toMatch(/default-src 'none'/);
    expect(policy).toMatch(/connect-src 'none'/);
    expect(policy).not.toMatch(/(?<!wasm-)'unsafe-eval'|script-src[^;]*unsafe-inline/);
    // the runs above drew their reports and nothing was refused (afterAll checks the console;
    // the workers tell the page of theirs); the policy is in force: a fetch is refused and reported
    expect(await page.evaluate(() => document.body.dataset.violations)).toBeUndefined();
    const fetched = await page.evaluate(() =>
      fetch('https://example.com/').then(
        () => 'fetched',
        () => 'refused',
      ),
    );
    expect(fetched).toBe('refused');
    // the page's listener saw the refusal (Chromium logs it as well, a moment apart)
    await expect
      .poll(() => seen.problems.join('\n'))
      .toMatch(/Content-Security-Policy violation: connect-src https:\/\/example\.com/);
    await page.waitForTimeout(300);
    seen.problems = seen.problems.filter((p) => !p.includes('example.com'));
  });

  it('picks the headline from the gallery, changes threads, runs and draws the report', async () => {
    await page.fill('#search', 'join batch');
    const items = await page.$$eval('#scenario-list button', (els) =>
      els.map((e) => e.dataset.file),
    );
    expect(items).toContain(HEADLINE);
    await page.click(`#scenario-list button[data-file="${HEADLINE}"]`);
    await page.fill('#search', '');
    expect(await page.textContent('#lesson')).toMatch(/\S/);
    // a shorter run keeps the test quick; the threads of the first service change
    await edit(/(?<=^duration: )120s/m, '20s');
    await edit(/(?<=^warmup: )60s/m, '5s');
    await edit(/(?<=threads: )50/, '8');
    const text = await page.evaluate(() => window.playground.editor.state.doc.toString());
    expect(text).toMatch(/threads: 8\b/);
    expect(await run(), (await page.textContent('#messages')) ?? '').toBe('done');
    const frame = reportFrame();
    expect(await chartsDrawn(frame)).toBeGreaterThanOrEqual(5);
    const summary = await page.evaluate(
      () => new Map(window.playground.lastRun?.files ?? []).get('summary.json') ?? '',
    );
    expect(summary).toContain('"durationMs": 20000');
    await page.screenshot({ path: join(ARTIFACTS, 'playground-run.png'), fullPage: true });
  });

  it('underlines a typo where it is, with the did-you-mean hint', async () => {
    await page.evaluate((f) => window.playground.open(f), 'scenarios/shop.yaml');
    await edit(/(?<=call: )products\/list/, 'prodcts/list');
    await page.waitForSelector('.cm-lintRange-error', { timeout: 10_000 });
    const underlined = await page.$$eval('.cm-lintRange-error', (els) =>
      els.map((e) => e.textContent),
    );
    expect(underlined.join(' ')).toContain('prodcts');
    await page.hover('.cm-lintRange-error');
    const tip = await page.waitForSelector('.cm-tooltip-lint', { timeout: 5_000 });
    expect(await tip.textContent()).toMatch(/did you mean/i);
    await page.screenshot({ path: join(ARTIFACTS, 'playground-typo.png') });
    // hover docs of a key come from the JSON Schema
    const at = await page.evaluate(() => {
      const view = window.playground.editor as unknown as {
        state: { doc: { toString(): string } };
        coordsAtPos(pos: number): { left: number; top: number; bottom: number } | null;
      };
      const pos = view.state.doc.toString().indexOf('threads:') + 2;
      return view.coordsAtPos(pos);
    });
    expect(at).not.toBeNull();
    await page.mouse.move(at?.left ?? 0, ((at?.top ?? 0) + (at?.bottom ?? 0)) / 2);
    const doc = await page.waitForSelector('.cm-schema-doc', { timeout: 5_000 });
    expect(await doc.textContent()).toMatch(/^threads: integer\ndefault: 200/);
    // an invalid scenario never starts a run
    expect(await run()).toBe('invalid');
    expect(await page.textContent('#messages')).toMatch(/did you mean/i);
  });

  it('keeps the edit over a reload, and resets to the original', async () => {
    await page.reload();
    await page.waitForSelector('body[data-ready="true"]');
    const text = await page.evaluate(() => window.playground.editor.state.doc.toString());
    expect(text).toContain('prodcts/list');
    expect(await page.textContent('#scenario-title')).toBe('scenarios/shop.yaml');
    await page.click('#reset');
    const reset = await page.evaluate(() => window.playground.editor.state.doc.toString());
    expect(reset).not.toContain('prodcts/list');
    expect(reset).toBe(await readFile(join(ROOT, 'scenarios/shop.yaml'), 'utf8'));
  });

  it('cancels a long run at once, and the page stays responsive', async () => {
    await page.evaluate((f) => window.playground.open(f), 'scenarios/shop.yaml');
    await edit(/(?<=^duration: )\S+/m, '2h');
    const before = await runs();
    await page.click('#run');
    await page.waitForFunction(
      () => Number((document.getElementById('progress') as HTMLProgressElement).value) > 0,
      null,
      { timeout: 20_000 },
    );
    // the page answers while the worker simulates
    expect(await page.evaluate(() => 1 + 1)).toBe(2);
    await page.click('#cancel');
    expect(await runEnded(page, before, 5_000)).toBe('cancelled');
    expect(await page.textContent('#messages')).toMatch(/cancelled/i);
    await page.click('#reset');
  });

  it('shows a crashed worker as an error, keeps the scenario, and recovers', async () => {
    await page.evaluate((f) => window.playground.open(f), 'scenarios/shop.yaml');
    await edit(/(?<=^duration: )\S+/m, '2h');
    const text = await page.evaluate(() => window.playground.editor.state.doc.toString());
    // a run, cancelled (counted: lastRun is already 'cancelled'), so the page starts a new worker ...
    const before = await runs();
    await page.click('#run');
    await page.click('#cancel');
    expect(await runEnded(page, before)).toBe('cancelled');
    // ... which dies as it starts (as one that runs out of memory would)
    await page.evaluate(() => {
      const Real = Worker;
      const w = window as unknown as { Worker: unknown; RealWorker: unknown };
      w.RealWorker = Real;
      w.Worker = class extends Real {
        constructor() {
          super(URL.createObjectURL(new Blob(['throw new Error("the worker died")'])));
        }
      };
    });
    expect(await run()).toBe('crashed');
    expect(await page.textContent('#messages')).toMatch(
      /stopped with an error \(your scenario is kept in the editor\):\n.*the worker died/,
    );
    expect(await page.evaluate(() => window.playground.editor.state.doc.toString())).toBe(text);
    seen.problems = seen.problems.filter((p) => !p.includes('the worker died'));
    await page.evaluate(() => {
      const w = window as unknown as { Worker: unknown; RealWorker: unknown };
      w.Worker = w.RealWorker;
    });
    await page.click('#reset');
    await edit(/(?<=^duration: )\S+/m, '8s');
    expect(await run()).toBe('done');
    await page.click('#reset');
  });

  it('stops a runaway run with the CLI’s guard message', async () => {
    await page.evaluate((f) => window.playground.open(f), 'scenarios/shop.yaml');
    // a flood no service can take: the queue at the entry grows past the guard's million
    const text = await page.evaluate(() => window.playground.editor.state.doc.toString());
    const rate = /(?<=rate: )\S+/.exec(text);
    expect(rate).not.toBeNull();
    await edit(/(?<=rate: )\S+/, '5000000/s');
    const outcome = await run(120_000);
    const message = await page.textContent('#messages');
    expect(outcome, message ?? '').toBe('stopped');
    expect(message).toMatch(/stopped: .*\n\s+→ /);
    await page.click('#reset');
  });

  it('opens a share link with the same scenario and what-if value', async () => {
    await page.evaluate((f) => window.playground.open(f), 'scenarios/01-shared-db.yaml');
    await edit(/(?<=^seed: )\d+/m, '7');
    const path = await page.$eval('#whatif-paths option', (e) => e.getAttribute('value') ?? '');
    await page.fill('#whatif-path', path);
    await page.dispatchEvent('#whatif-path', 'change');
    await page.$eval('#whatif-slider', (el) => {
      const s = el as HTMLInputElement;
      s.value = s.max;
      s.dispatchEvent(new Event('input', { bubbles: true }));
    });
    const value = await page.textContent('#whatif-value');
    await page.click('#share');
    const link = await page.evaluate(() => location.href);
    expect(link).toMatch(/#s=[\w-]+$/);
    const text = await page.evaluate(() => window.playground.editor.state.doc.toString());
    // the user edits on; the link must not overwrite that edit
    await edit(/(?<=^seed: )\d+/m, '9');
    await page.goto('about:blank');
    await page.goto(link);
    await page.waitForSelector('body[data-ready="true"]');
    expect(await page.evaluate(() => window.playground.editor.state.doc.toString())).toBe(text);
    expect(await page.textContent('#scenario-title')).toBe('shared/01-shared-db.yaml');
    expect(await page.inputValue('#whatif-path')).toBe(path);
    expect(await page.textContent('#whatif-value')).toBe(value);
    // the fragment is read once; the scenario is kept like an edit, so a reload keeps it
    expect(await page.evaluate(() => location.hash)).toBe('');
    await page.reload();
    await page.waitForSelector('body[data-ready="true"]');
    expect(await page.evaluate(() => window.playground.editor.state.doc.toString())).toBe(text);
    await page.evaluate((f) => window.playground.open(f), 'scenarios/01-shared-db.yaml');
    expect(await page.evaluate(() => window.playground.editor.state.doc.toString())).toMatch(
      /^seed: 9$/m,
    );
    await page.click('#reset');
  });

  it('shows a hostile shared scenario as text: no markup, no script', async () => {
    const hostile = (await readFile(join(ROOT, 'scenarios/shop.yaml'), 'utf8'))
      .replace(
        /^description: .*$/m,
        'description: "x<img src=x onerror=window.__pwned=1><script>window.__pwned=2</script>"',
      )
      .replace(/^duration: .*$/m, 'duration: 3s')
      .replace(/^warmup: .*$/m, 'warmup: 1s');
    // a hostile name is refused by validation; its message quotes the name, as text
    const badName = encodeShare({
      file: 'x.yaml',
      text: hostile.replace(/^name: .*$/m, 'name: "<img src=x onerror=window.__pwned=4>"'),
    });
    await page.goto('about:blank');
    await page.goto(`${url}${badName}`);
    await page.waitForSelector('body[data-ready="true"]');
    expect(await run()).toBe('invalid');
    expect(await page.textContent('#messages')).toContain('<img src=x onerror=window.__pwned=4>');
    await page.waitForSelector('.cm-lintRange-error');
    expect(await page.$$eval('img', (e) => e.length)).toBe(0);
    expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
    const hash = encodeShare({ file: '<svg onload=window.__pwned=3>.yaml', text: hostile });
    await page.goto('about:blank');
    await page.goto(`${url}${hash}`);
    await page.waitForSelector('body[data-ready="true"]');
    expect(await page.textContent('#scenario-title')).toBe('shared.yaml');
    // listed in the gallery as text
    expect(await page.textContent('#scenario-list')).toContain('shared.yaml');
    expect(await page.$$eval('#scenario-list img, #scenario-list script', (e) => e.length)).toBe(0);
    expect(await run(), (await page.textContent('#messages')) ?? '').toBe('done');
    await chartsDrawn(reportFrame());
    expect(
      await reportFrame().evaluate(() => document.querySelectorAll('img, script[src]').length),
    ).toBe(0);
    expect(await reportFrame().textContent('body')).toContain('<img src=x');
    expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
    expect(
      await reportFrame().evaluate(() => (window as { __pwned?: number }).__pwned),
    ).toBeUndefined();
    await page.goto(url);
    await page.waitForSelector('body[data-ready="true"]');
  });

  it('reruns when the what-if slider moves', async () => {
    await page.evaluate((f) => window.playground.open(f), 'scenarios/shop.yaml');
    await edit(/(?<=^duration: )\S+/m, '5s');
    await edit(/(?<=^warmup: )\S+/m, '1s');
    const options = await page.$$eval('#whatif-paths option', (els) =>
      els.map((e) => e.getAttribute('value')),
    );
    const path = 'services.orders.threads';
    expect(options).toContain(path);
    await page.fill('#whatif-path', path);
    await page.dispatchEvent('#whatif-path', 'change');
    const before = await runs();
    await page.$eval('#whatif-slider', (el) => {
      const s = el as HTMLInputElement;
      s.value = s.min;
      s.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await page.waitForFunction((n) => Number(document.body.dataset.runs ?? 0) > n, before, {
      timeout: 60_000,
    });
    expect(await page.evaluate(() => document.body.dataset.lastRun)).toBe('done');
    const results = await page.evaluate(
      () => new Map(window.playground.lastRun?.files ?? []).get('results.json') ?? '',
    );
    // orders has 50 threads; the slider's lowest value is a tenth of that
    expect(results).toContain(
      '"id":"orders","kind":"service","instances":2,"capacityPerInstance":5,',
    );
    expect(await page.textContent('#whatif-value')).toBe('5');
    // the slider again: the highlights show the new p99 beside the one before
    const again = await runs();
    await page.$eval('#whatif-slider', (el) => {
      const s = el as HTMLInputElement;
      s.value = '100';
      s.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await page.waitForFunction((n) => Number(document.body.dataset.runs ?? 0) > n, again, {
      timeout: 60_000,
    });
    expect(await page.textContent('#highlights')).toMatch(/p99.*\d ms \(was \d/s);
    await page.screenshot({ path: join(ARTIFACTS, 'playground-whatif.png') });
    // "run as I edit": an edit reruns by itself once the typing rests
    await page.click('#whatif-clear');
    await page.check('#autorun');
    const edited = await runs();
    await edit(/(?<=^seed: )\d+/m, '5');
    await page.waitForFunction((n) => Number(document.body.dataset.runs ?? 0) > n, edited, {
      timeout: 60_000,
    });
    expect(await page.evaluate(() => document.body.dataset.lastRun)).toBe('done');
    await page.uncheck('#autorun');
    await page.click('#reset');
  });
});
