/**
 * Runs one benchmark case in this process and prints its figures as one JSON line on stdout:
 * `node bench/case.js <case>`. Started by bench/run.js in a fresh child process per case, so
 * the peak RSS read here belongs to this case alone. The timed "loop" is Model.run(), the
 * simulation loop itself; building the model (setupMs) and summarizing it (summaryMs) are timed
 * apart, and loading and parsing the scenario are outside every timing. The loop's main-thread
 * CPU time (loopCpuMs) is read too: wall time swings with the other work on a shared machine. A case with a
 * `cacheProbe` also samples its cache while Model.run() runs (see probeCache), to time the run
 * before and after the cache is full.
 */
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseDocument } from 'yaml';
import { Priority } from '../dist/engine/simulation.js';
import { prepareHistograms } from '../dist/metrics/histogram.js';
import { summarizeMetrics } from '../dist/metrics/summary.js';
import { parseScenario } from '../dist/model/language.js';
import { Model } from '../dist/model/model.js';
import { CASES, findCase } from './cases.js';
import { threadCpuMs } from './cpu-time.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * The case's scenario with its duration and warm-up replaced in the YAML document: the variant
 * named `c.variant`, or the only one when the case names none.
 */
async function loadCase(c) {
  const text = await readFile(join(root, c.file), 'utf8');
  const doc = parseDocument(text);
  doc.set('duration', `${c.durationS}s`);
  if (c.warmupS !== undefined) doc.set('warmup', `${c.warmupS}s`);
  const { variants } = parseScenario(doc.toString(), c.file);
  const names = variants.map((v) => v.variant ?? '(none)').join(', ');
  if (c.variant === undefined) {
    if (variants.length !== 1)
      throw new Error(`${c.file} has ${variants.length} variants (${names}); the case names none`);
    return variants[0];
  }
  const chosen = variants.find((v) => v.variant === c.variant);
  if (chosen === undefined)
    throw new Error(`${c.file} has no variant ${c.variant} (it has: ${names})`);
  return chosen;
}

/**
 * Schedules a sample of the cache every `everyS` simulated seconds before the end (late
 * priority, after the model's own events at that instant): simulated s, wall ms, requests so far,
 * entries of the fullest store. The samples only read; each adds one event, counted in `events`.
 */
function probeCache(model, probe) {
  const cache = model.caches.get(probe.cache);
  if (cache === undefined) throw new Error(`cacheProbe: no cache ${probe.cache} in the scenario`);
  const entries = () => cache.stores.reduce((m, s) => Math.max(m, s.entries), 0);
  const p = { cache, samples: [], sample: undefined, events: 0 };
  p.sample = () => {
    p.samples.push([model.sim.now / 1000, performance.now(), model.ids.next - 1, entries()]);
  };
  const scheduled = () => {
    p.events++;
    p.sample();
  };
  for (let t = probe.everyS * 1000; t < model.scenario.durationMs; t += probe.everyS * 1000)
    model.sim.scheduleAt(t, scheduled, undefined, Priority.late);
  return p;
}

/**
 * Requests/s of wall time while the cache fills and once it is full, from the samples. Filling:
 * from the first probe (`everyS` into the run: the interval before it is left out, as it holds
 * the JIT warm-up) to the first sample at the entry limit; full: from that sample to the end.
 * `fullRatio` is full ÷ filling (null when a phase is empty). The full phase is also split in
 * halves, so a slowdown that keeps growing once the cache is full shows as a lower second half.
 */
function cachePhases(p) {
  const limit = p.cache.def.maxEntries ?? Number.POSITIVE_INFINITY;
  const s = p.samples;
  const end = s.length - 1;
  const rate = (a, b) => (s[b][2] - s[a][2]) / ((s[b][1] - s[a][1]) / 1000);
  const found = s.findIndex((x) => x[3] >= limit);
  const full = found >= 0 ? found : end;
  const start = Math.min(1, end);
  const mid = full + Math.floor((end - full) / 2);
  const phases = {
    maxEntries: p.cache.def.maxEntries ?? null,
    entriesReached: Math.max(...s.map((x) => x[3])),
    fullAtS: found >= 0 ? s[found][0] : null,
    requestsWhileFilling: s[full][2],
    fillingPerSec: full > start ? rate(start, full) : null,
    fullPerSec: found >= 0 && full < end ? rate(full, end) : null,
    fullRatio: null,
    fullFirstHalfPerSec: found >= 0 && mid > full ? rate(full, mid) : null,
    fullSecondHalfPerSec: found >= 0 && mid > full ? rate(mid, end) : null,
    // [simulated s, wall ms since Model.run() began, requests so far, entries of the fullest store]
    samples: s.map(([simS, wallMs, requests, entries]) => [
      simS,
      Math.round(wallMs - s[0][1]),
      requests,
      entries,
    ]),
  };
  if (phases.fillingPerSec !== null && phases.fullPerSec !== null)
    phases.fullRatio = phases.fullPerSec / phases.fillingPerSec;
  return phases;
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
  const probe = c.cacheProbe !== undefined ? probeCache(model, c.cacheProbe) : null;
  probe?.sample();
  const t1 = performance.now();
  const cpu1 = threadCpuMs();
  const stopReason = model.run();
  const cpu2 = threadCpuMs();
  const t2 = performance.now();
  probe?.sample();
  summarizeMetrics(model.metrics, model.sim.now);
  const t3 = performance.now();
  model.metrics.dispose();
  const result = {
    case: c.name,
    requests: model.ids.next - 1,
    expectedRequests: expectedArrivals(scenario),
    // without the probe's own sampling events
    events: model.sim.eventsProcessed - (probe?.events ?? 0),
    simulatedMs: model.sim.now,
    stopReason,
    setupMs: t1 - t0,
    loopMs: t2 - t1,
    // CPU time of the main thread during the loop (bench/cpu-time.js): steadier than wall time
    // on a shared machine
    loopCpuMs: cpu2 - cpu1,
    summaryMs: t3 - t2,
    heapUsedMB: process.memoryUsage().heapUsed / 1024 / 1024,
    // maxRSS is in kilobytes (KiB)
    peakRssMB: process.resourceUsage().maxRSS / 1024,
  };
  if (probe !== null) Object.assign(result, { cache: cachePhases(probe) });
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

await main();
