/**
 * The playground against the CLI (issue 16: the headline runs in the browser within 2× the
 * CLI's simulation time on the same machine): writes the playground, runs the headline
 * scenario in Chromium (one run worker, then the default: the cores but one, at most four) and
 * with the CLI, and prints the simulation wall times and whether summary.json is the same
 * bytes. A benchmark, not a test: run it on a quiet machine after `npm run build`.
 *
 *   node bench/playground.js [scenario]   (default scenarios/data-reference/join-vs-batch-cache.yaml)
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { chromium } from 'playwright-core';

const exec = promisify(execFile);
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const scenario = process.argv[2] ?? 'scenarios/data-reference/join-vs-batch-cache.yaml';
const dir = await mkdtemp(join(tmpdir(), 'msasim-bench-playground-'));
try {
  const page = join(dir, 'playground.html');
  await exec('node', [join(root, 'bin/msasim'), 'playground', '--out', page]);
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu'],
  });
  const tab = await browser.newPage();
  const browserRuns = [];
  for (const workers of ['1', '']) {
    await tab.goto(`${pathToFileURL(page).href}${workers ? `?workers=${workers}` : ''}`);
    await tab.waitForSelector('body[data-ready="true"]');
    const r = await tab.evaluate(async (file) => {
      const p = window.playground;
      p.open(file);
      await p.run();
      return {
        simulationMs: p.lastRun.simulationWallMs,
        summary: new Map(p.lastRun.files).get('summary.json'),
      };
    }, scenario);
    browserRuns.push({ workers: workers || 'default', ...r });
  }
  await browser.close();
  const out = join(dir, 'cli');
  const { stderr } = await exec(
    'node',
    [join(root, 'bin/msasim'), 'run', join(root, scenario), '--out', out, '--quiet'],
    { cwd: root, maxBuffer: 64 * 1024 * 1024 },
  );
  const cliS = Number(/in ([\d.]+) s wall/.exec(stderr)?.[1]);
  const cliSummary = await readFile(join(out, 'summary.json'), 'utf8');
  process.stdout.write(`${scenario}\nCLI: ${cliS.toFixed(2)} s\n`);
  for (const r of browserRuns)
    process.stdout.write(
      `Chromium, run workers ${r.workers}: ${(r.simulationMs / 1000).toFixed(2)} s ` +
        `(${(r.simulationMs / 1000 / cliS).toFixed(2)}× the CLI), summary.json ` +
        `${r.summary === cliSummary ? 'identical' : 'DIFFERENT'}\n`,
    );
} finally {
  await rm(dir, { recursive: true, force: true });
}
