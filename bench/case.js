/**
 * Runs one benchmark case in this process and prints its figures as one JSON line on stdout:
 * `node bench/case.js <case>`. Started by bench/run.js in a fresh child process per case, so
 * the peak RSS read here belongs to this case alone. The timed "loop" is Model.run(), the
 * simulation loop itself; building the model (setupMs) and summarizing it (summaryMs) are timed
 * apart, and loading and parsing the scenario are outside every timing.
 */
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseDocument } from 'yaml';
import { prepareHistograms } from '../dist/metrics/histogram.js';
import { summarizeMetrics } from '../dist/metrics/summary.js';
import { Model } from '../dist/model/model.js';
import { parseScenario } from '../dist/scenario/load.js';
import { CASES, findCase } from './cases.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** The case's scenario with its duration and warm-up replaced in the YAML document. */
async function loadCase(c) {
  const text = await readFile(join(root, c.file), 'utf8');
  const doc = parseDocument(text);
  doc.set('duration', `${c.durationS}s`);
  if (c.warmupS !== undefined) doc.set('warmup', `${c.warmupS}s`);
  const { variants } = parseScenario(doc.toString(), c.file);
  if (variants.length !== 1)
    throw new Error(`${c.file} has ${variants.length} variants; a case needs exactly one`);
  return variants[0];
}

/** Expected number of arrivals: the integral of every open workload's rate curve. */
function expectedArrivals(scenario) {
  let n = 0;
  for (const w of scenario.workloads) {
    if (w.kind !== 'open') continue;
    for (const p of w.rate) {
      const end = Math.min(p.endMs, scenario.durationMs);
      if (end > p.startMs) n += ((p.fromPerMs + p.toPerMs) / 2) * (end - p.startMs);
    }
  }
  return Math.round(n);
}

async function main() {
  const name = process.argv[2];
  const c = findCase(name);
  if (c === undefined) {
    process.stderr.write(
      `usage: node bench/case.js <case>  (cases: ${CASES.map((k) => k.name).join(', ')})\n`,
    );
    process.exit(2);
  }
  const scenario = await loadCase(c);
  await prepareHistograms();
  const t0 = performance.now();
  const model = new Model(scenario, { seed: scenario.seed });
  const t1 = performance.now();
  const stopReason = model.run();
  const t2 = performance.now();
  summarizeMetrics(model.metrics, model.sim.now);
  const t3 = performance.now();
  model.metrics.dispose();
  const result = {
    case: c.name,
    requests: model.ids.next - 1,
    expectedRequests: expectedArrivals(scenario),
    events: model.sim.eventsProcessed,
    simulatedMs: model.sim.now,
    stopReason,
    setupMs: t1 - t0,
    loopMs: t2 - t1,
    summaryMs: t3 - t2,
    heapUsedMB: process.memoryUsage().heapUsed / 1024 / 1024,
    // maxRSS is in kilobytes (KiB)
    peakRssMB: process.resourceUsage().maxRSS / 1024,
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

await main();
