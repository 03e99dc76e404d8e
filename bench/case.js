/**
 * Runs one benchmark case in this process and prints its figures as one JSON line on stdout:
 * `node bench/case.js <case>`. Started by bench/run.js in a fresh child process per case, so
 * the peak RSS read here belongs to this case alone. The timed "loop" is Model.run(), the
 * simulation loop itself; building the model (setupMs) and summarizing it (summaryMs) are timed
 * apart, and loading and parsing the scenario are outside every timing. A case with a
 * `cacheProbe` also samples its cache while Model.run() runs (see probeCache), to time the run
 * before and after the cache is full.
 */
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseDocument } from 'yaml';
import { prepareHistograms } from '../dist/metrics/histogram.js';
import { summarizeMetrics } from '../dist/metrics/summary.js';
import { Priority } from '../dist/engine/simulation.js';
import { Model } from '../dist/model/model.js';
import { parseScenario } from '../dist/scenario/load.js';
import { CASES, findCase } from './cases.js';

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
 * entries of the fullest store. The samples only read; they add one event each (`events`).
 */
function probeCache(model, probe) {
  const cache = model.caches.get(probe.cache);
  if (cache === undefined) throw new Error(`cacheProbe: no cache ${probe.cache} in the scenario`);
  const entries = () => cache.stores.reduce((m, s) => Math.max(m, s.entries), 0);
  const samples = [];
  const sample = () => {
    samples.push([model.sim.now / 1000, performance.now(), model.ids.next - 1, entries()]);
  };
  let events = 0;
  for (let t = probe.everyS * 1000; t < model.scenario.durationMs; t += probe.everyS * 1000) {
    model.sim.scheduleAt(t, sample, undefined, Priority.late);
    events++;
  }
  return { cache, samples, sample, events };
}

/**
 * Requests/s of wall time while the cache fills (start of the run → first sample at its entry
 * limit) and once it is full (that sample → end); `fullRatio` is full ÷ filling. The full phase
 * is also split in halves, so a slowdown that grows with time shows as a lower second half.
 */
function cachePhases(p) {
  const max = p.cache.def.maxEntries ?? Number.POSITIVE_INFINITY;
  const s = p.samples;
  const last = s[s.length - 1];
  const rate = (a, b) => (b[2] - a[2]) / ((b[1] - a[1]) / 1000);
  const full = s.findIndex((x) => x[3] >= max);
  const phases = {
    maxEntries: p.cache.def.maxEntries ?? null,
    entriesReached: Math.max(...s.map((x) => x[3])),
    fullAtS: full >= 0 ? s[full][0] : null,
    requestsWhileFilling: full >= 0 ? s[full][2] : last[2],
    fillingPerSec: rate(s[0], full >= 0 ? s[full] : last),
    fullPerSec: null,
    fullRatio: null,
    fullFirstHalfPerSec: null,
    fullSecondHalfPerSec: null,
    samples: s.map(([simS, wallMs, requests, entries]) => [
      simS,
      Math.round(wallMs - s[0][1]),
      requests,
      entries,
    ]),
  };
  if (full >= 0 && full < s.length - 1) {
    const mid = full + Math.floor((s.length - 1 - full) / 2);
    phases.fullPerSec = rate(s[full], last);
    phases.fullRatio = phases.fullPerSec / phases.fillingPerSec;
    if (mid > full && mid < s.length - 1) {
      phases.fullFirstHalfPerSec = rate(s[full], s[mid]);
      phases.fullSecondHalfPerSec = rate(s[mid], last);
    }
  }
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
  const stopReason = model.run();
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
    summaryMs: t3 - t2,
    heapUsedMB: process.memoryUsage().heapUsed / 1024 / 1024,
    // maxRSS is in kilobytes (KiB)
    peakRssMB: process.resourceUsage().maxRSS / 1024,
  };
  if (probe !== null) Object.assign(result, { cache: cachePhases(probe) });
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

await main();
