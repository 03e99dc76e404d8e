/**
 * Runs one benchmark case in this process and prints its figures as one JSON line on stdout:
 * `node bench/case.js <case>`. Started by bench/run.js in a fresh child process per case, so
 * the peak RSS read here belongs to this case alone. Only runScenario() is inside the timed
 * section; loading and parsing the scenario are outside it.
 */
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseDocument } from 'yaml';
import { runScenario } from '../dist/model/run.js';
import { parseScenario } from '../dist/scenario/load.js';
import { CASES, findCase } from './cases.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * The case's scenario with its duration and warm-up replaced. The replacement is made in the
 * YAML document, before normalizing: the normalized open-workload rate curve ends at the
 * scenario's own duration, so spreading `{ ...scenario, durationMs }` would run longer but stop
 * the arrivals at the original duration.
 */
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
  const t0 = performance.now();
  const { summary } = await runScenario(scenario, { seed: scenario.seed });
  const loopMs = performance.now() - t0;
  const { run } = summary;
  const result = {
    case: c.name,
    requests: run.requests,
    expectedRequests: expectedArrivals(scenario),
    events: run.events,
    simulatedMs: run.simulatedMs,
    stopReason: run.stopReason,
    loopMs,
    heapUsedMB: process.memoryUsage().heapUsed / 1024 / 1024,
    // maxRSS is in kilobytes (KiB)
    peakRssMB: process.resourceUsage().maxRSS / 1024,
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

await main();
