/**
 * The benchmark harness behind `npm run bench`: runs each case of bench/cases.js in a fresh
 * child process (`node bench/case.js <case>`), one after the other, never in parallel, so the
 * timing and the peak RSS of a case are its own. Prints a table with the project's bars next to
 * the figures (and, for cases that probe a cache, a second table of its fill and its requests/s
 * before and after it is full), then one JSON line with everything.
 *
 *   node bench/run.js [case…] [--repeat N]
 *
 * With --repeat N each case runs N times and every figure is the median of its N runs.
 * PASS/FAIL against a bar does not change the exit code (it is a benchmark, not a test); the
 * exit code is 1 only when a case could not be measured (its child failed), 2 on bad usage.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { CASES, findCase } from './cases.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const USAGE = `usage: node bench/run.js [case…] [--repeat N]\ncases: ${CASES.map((c) => c.name).join(', ')}`;

/** Labels and units of the figures a bar can be set on. */
const METRICS = {
  requests: { label: 'requests', format: (v) => si(v) },
  fullRatio: { label: 'req/s full ÷ filling', format: (v) => fmtRatio(v) },
  requestsPerSec: { label: 'requests/s', format: (v) => si(v) },
  eventsPerSec: { label: 'events/s', format: (v) => si(v) },
  peakRssMB: { label: 'peak RSS', format: (v) => `${Math.round(v)} MB` },
  speedup: { label: 'speed-up', format: (v) => `${v.toFixed(2)}×` },
  kernelRatio: { label: 'mm1-1M ÷ kernel (per CPU-s)', format: (v) => `${v.toFixed(2)}×` },
};

function usageError(message) {
  process.stderr.write(`${message}\n${USAGE}\n`);
  process.exit(2);
}

/** Parses `[case…] [--repeat N]`. */
function parseArgs(argv) {
  const names = [];
  let repeat = 1;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '-h' || a === '--help') {
      process.stdout.write(`${USAGE}\n`);
      process.exit(0);
    } else if (a === '--repeat' || a.startsWith('--repeat=')) {
      const v = a === '--repeat' ? argv[++i] : a.slice('--repeat='.length);
      repeat = Number(v);
      if (!Number.isInteger(repeat) || repeat < 1)
        usageError(`--repeat needs a whole number ≥ 1, got ${v}`);
    } else if (a.startsWith('-')) {
      usageError(`unknown option ${a}`);
    } else if (findCase(a) === undefined) {
      usageError(`unknown case ${a}`);
    } else {
      names.push(a);
    }
  }
  const chosen = names.length === 0 ? CASES : names.map((n) => findCase(n));
  return { cases: chosen, repeat };
}

/** Runs one case once in a child process; resolves to its figures or to { error }. */
function runChild(name) {
  return new Promise((resolve) => {
    const t0 = performance.now();
    const kind = findCase(name).kind;
    const script =
      { sweep: 'sweep.js', kernel: 'kernel.js', cli: 'cli-case.js' }[kind] ?? 'case.js';
    const child = spawn(process.execPath, [join(root, 'bench', script), name], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (d) => {
      out += d;
    });
    child.stderr.setEncoding('utf8').on('data', (d) => {
      err += d;
    });
    child.on('error', (e) => resolve({ error: `could not start node: ${e.message}`, stderr: '' }));
    child.on('close', (code, signal) => {
      const processMs = performance.now() - t0;
      const last = out.trim().split('\n').pop() ?? '';
      if (code !== 0 || last === '') {
        const why = signal !== null ? `killed by ${signal}` : `exit code ${code}`;
        const line =
          err.split('\n').find((l) => /^(\w*Error\b|FATAL ERROR)/.test(l)) ??
          err.trim().split('\n')[0];
        resolve({ error: `${why}${line ? `: ${line.trim()}` : ''}`, stderr: err });
        return;
      }
      try {
        const r = JSON.parse(last);
        if (r.kind === 'sweep') {
          resolve({ ...r, processMs, stderr: err });
          return;
        }
        const loopS = r.loopMs / 1000;
        resolve({
          ...r,
          requestsPerSec: r.requests / loopS,
          eventsPerSec: r.events / loopS,
          requestsPerCpuSec: r.requests / (r.loopCpuMs / 1000),
          processMs,
          stderr: err,
        });
      } catch {
        resolve({ error: `unreadable output: ${last.slice(0, 200)}`, stderr: err });
      }
    });
  });
}

function median(values) {
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/**
 * The cache figures over the runs: medians of the timings, the counts of the first run (they
 * depend only on the seed). A figure that is null in any run (a phase that never happened) stays
 * null.
 */
function aggregateCache(runs) {
  const first = runs[0].cache;
  const med = (k) =>
    runs.some((r) => r.cache[k] === null) ? null : median(runs.map((r) => r.cache[k]));
  return {
    maxEntries: first.maxEntries,
    entriesReached: first.entriesReached,
    fullAtS: first.fullAtS,
    requestsWhileFilling: first.requestsWhileFilling,
    fillingPerSec: med('fillingPerSec'),
    fullPerSec: med('fullPerSec'),
    fullRatio: med('fullRatio'),
    fullFirstHalfPerSec: med('fullFirstHalfPerSec'),
    fullSecondHalfPerSec: med('fullSecondHalfPerSec'),
    samples: first.samples,
  };
}

/** A sweep case's figures over its runs: median wall times and speed-up. */
function aggregateSweep(c, runs) {
  const first = runs[0];
  const notes = [];
  if (runs.some((r) => !r.identical))
    notes.push('the worker counts wrote different sweep.json/sweep.csv bytes');
  if (first.cpus < Math.max(...c.workers))
    notes.push(`only ${first.cpus} CPUs: ${Math.max(...c.workers)} workers cannot all run at once`);
  const result = {
    case: c.name,
    kind: 'sweep',
    runs: runs.length,
    points: first.points,
    workers: c.workers,
    wallMs: c.workers.map((_, k) => median(runs.map((r) => r.wallMs[k]))),
    speedup: median(runs.map((r) => r.speedup)),
    runsWallMs: c.workers.map((_, k) => median(runs.map((r) => r.runsWallMs[k]))),
    runsSpeedup: median(runs.map((r) => r.runsSpeedup)),
    identical: runs.every((r) => r.identical),
    processMs: median(runs.map((r) => r.processMs)),
    notes,
  };
  return { ...result, ...judge(c.bar, result[c.bar.metric]) };
}

/**
 * Runs a kernel case once: the kernel, then the case it is paired with, one after the other;
 * resolves to the kernel's figures with the pair's ratio in requests per main-thread CPU-second
 * (`kernelRatio`, paired ÷ kernel), or to { error }.
 */
async function runKernelPair(c) {
  const kernel = await runChild(c.name);
  if (kernel.error !== undefined) return kernel;
  const paired = await runChild(c.pairedWith);
  if (paired.error !== undefined) return paired;
  return {
    ...kernel,
    paired,
    kernelRatio: paired.requestsPerCpuSec / kernel.requestsPerCpuSec,
    processMs: kernel.processMs + paired.processMs,
  };
}

/** The case's figures over its runs: medians, or the first error. */
function aggregate(c, runs) {
  const failed = runs.find((r) => r.error !== undefined);
  if (failed !== undefined) return { case: c.name, error: failed.error, runs: runs.length };
  if (c.kind === 'sweep') return aggregateSweep(c, runs);
  if (c.kind === 'cli') {
    const med = (k) => median(runs.map((r) => r[k]));
    const first = runs[0];
    const notes = [];
    if (runs.some((r) => r.requests !== first.requests || r.events !== first.events))
      notes.push('requests or events differ between runs of the same seed');
    const mb = (b) => `${(b / 1024 / 1024).toFixed(1)} MB`;
    notes.push(
      `wrote ${Object.entries(first.outputBytes)
        .map(([f, b]) => `${f} ${mb(b)}`)
        .join(', ')}; the whole command took ${(med('commandMs') / 1000).toFixed(2)} s`,
    );
    const result = {
      case: c.name,
      kind: 'cli',
      runs: runs.length,
      requests: first.requests,
      events: first.events,
      loopMs: med('loopMs'),
      loopCpuMs: med('loopCpuMs'),
      requestsPerSec: med('requestsPerSec'),
      requestsPerCpuSec: med('requestsPerCpuSec'),
      eventsPerSec: med('eventsPerSec'),
      commandMs: med('commandMs'),
      processMs: med('processMs'),
      peakRssMB: med('peakRssMB'),
      outputBytes: first.outputBytes,
      notes,
    };
    return { ...result, ...judge(c.bar, result[c.bar.metric]) };
  }
  if (c.kind === 'kernel') {
    const med = (k, of = (r) => r) => median(runs.map((r) => of(r)[k]));
    const result = {
      case: c.name,
      kind: 'kernel',
      runs: runs.length,
      requests: runs[0].requests,
      events: runs[0].events,
      meanSojournMs: runs[0].meanSojournMs,
      loopMs: med('loopMs'),
      loopCpuMs: med('loopCpuMs'),
      requestsPerSec: med('requestsPerSec'),
      eventsPerSec: med('eventsPerSec'),
      requestsPerCpuSec: med('requestsPerCpuSec'),
      processMs: med('processMs'),
      peakRssMB: med('peakRssMB'),
      pairedRequestsPerCpuSec: med('requestsPerCpuSec', (r) => r.paired),
      kernelRatio: med('kernelRatio'),
      notes: [],
    };
    return { ...result, ...judge(c.bar, result.kernelRatio) };
  }
  const med = (k) => median(runs.map((r) => r[k]));
  const first = runs[0];
  const notes = [];
  if (runs.some((r) => r.requests !== first.requests || r.events !== first.events))
    notes.push('requests or events differ between runs of the same seed');
  if (first.stopReason !== 'until')
    notes.push(`run stopped early (${first.stopReason}) at ${first.simulatedMs} ms simulated`);
  const off = Math.abs(first.requests - first.expectedRequests) / first.expectedRequests;
  if (off > 0.01)
    notes.push(
      `${fmtInt(first.requests)} requests, expected about ${fmtInt(first.expectedRequests)} (rate × duration)`,
    );
  const result = {
    case: c.name,
    runs: runs.length,
    requests: first.requests,
    expectedRequests: first.expectedRequests,
    events: first.events,
    simulatedMs: first.simulatedMs,
    stopReason: first.stopReason,
    loopMs: med('loopMs'),
    loopCpuMs: med('loopCpuMs'),
    requestsPerSec: med('requestsPerSec'),
    requestsPerCpuSec: med('requestsPerCpuSec'),
    eventsPerSec: med('eventsPerSec'),
    processMs: med('processMs'),
    peakRssMB: med('peakRssMB'),
    heapUsedMB: med('heapUsedMB'),
    notes,
  };
  if (first.cache !== undefined) {
    result.cache = aggregateCache(runs);
    result.fullRatio = result.cache.fullRatio;
    if (result.cache.fullAtS === null)
      notes.push(
        `the cache never reached its limit (${fmtInt(result.cache.entriesReached)} of ${result.cache.maxEntries === null ? '∞' : fmtInt(result.cache.maxEntries)} entries), so it has no full phase` +
          (c.bar.metric === 'fullRatio' ? '' : ' (informative only: not what the bar judges)'),
      );
  }
  return { ...result, ...judge(c.bar, result[c.bar.metric]) };
}

/** PASS/FAIL of a figure against its bar; a missing figure (null) fails. */
function judge(bar, value) {
  const pass =
    typeof value === 'number' && (bar.min !== undefined ? value >= bar.min : value < bar.max);
  const aimMet = pass && bar.aim !== undefined && value >= bar.aim;
  return { verdict: pass ? 'PASS' : 'FAIL', aimMet };
}

/** The bar as text, e.g. "requests/s ≥ 3M (aim 5M)"; `†` when set here, not by the issue. */
function barText(bar) {
  const m = METRICS[bar.metric];
  const mark = bar.source === 'bench' ? ' †' : '';
  if (bar.min !== undefined)
    return `${m.label} ≥ ${m.format(bar.min)}${bar.aim !== undefined ? ` (aim ${m.format(bar.aim)})` : ''}${mark}`;
  return `${m.label} < ${m.format(bar.max)}${mark}`;
}

/** 1234567 → "1.23M", 456789 → "457k". */
function si(v) {
  if (!Number.isFinite(v)) return String(v);
  const [d, unit] = v >= 1e9 ? [1e9, 'G'] : v >= 1e6 ? [1e6, 'M'] : v >= 1e3 ? [1e3, 'k'] : [1, ''];
  const x = v / d;
  const digits = x >= 100 ? 0 : x >= 10 ? 1 : 2;
  return `${Number(x.toFixed(digits))}${unit}`;
}

function fmtInt(v) {
  return Math.round(v).toLocaleString('en-US');
}

/** 1.0834 → "1.08"; null → "—". */
function fmtRatio(v) {
  return typeof v === 'number' ? v.toFixed(2) : '—';
}

/** Requests/s with SI suffix; null → "—". */
function fmtRate(v) {
  return typeof v === 'number' ? si(v) : '—';
}

/** Left-aligns the first column, right-aligns the figures; `rows[0]` is the header. */
function table(rows, leftCols) {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => String(r[i] ?? '').length)));
  const line = (r) =>
    r
      .map((cell, i) => {
        const s = String(cell ?? '');
        return leftCols.has(i) ? s.padEnd(widths[i]) : s.padStart(widths[i]);
      })
      .join('  ')
      .trimEnd();
  const rule = widths.map((w) => '─'.repeat(w)).join('  ');
  return [line(rows[0]), rule, ...rows.slice(1).map(line)].join('\n');
}

function printReport(cases, results, repeat) {
  const head = [
    'case',
    'requests',
    'events',
    'loop s',
    'loop CPU s',
    'requests/s',
    'req/CPU-s',
    'events/s',
    'process s',
    'peak RSS',
    'bar (project issue)',
    'result',
  ];
  const rows = [head];
  cases.forEach((c, i) => {
    const r = results[i];
    if (r.error !== undefined) {
      rows.push([c.name, '—', '—', '—', '—', '—', '—', '—', '—', '—', barText(c.bar), 'ERROR']);
      return;
    }
    const mark = (metric, text) => (c.bar.metric === metric ? `*${text}` : text);
    if (c.kind === 'sweep') {
      const dash = ['—', '—', '—', '—', '—', '—', '—'];
      rows.push([c.name, ...dash, (r.processMs / 1000).toFixed(2), '—', barText(c.bar)]);
      rows.at(-1).push(r.verdict + (r.aimMet ? ' (aim met)' : ''));
      return;
    }
    rows.push([
      c.name,
      mark('requests', fmtInt(r.requests)),
      fmtInt(r.events),
      (r.loopMs / 1000).toFixed(2),
      (r.loopCpuMs / 1000).toFixed(2),
      mark('requestsPerSec', si(r.requestsPerSec)),
      si(r.requestsPerCpuSec),
      mark('eventsPerSec', si(r.eventsPerSec)),
      (r.processMs / 1000).toFixed(2),
      mark('peakRssMB', METRICS.peakRssMB.format(r.peakRssMB)),
      barText(c.bar),
      r.verdict + (r.aimMet ? ' (aim met)' : ''),
    ]);
    if (c.kind === 'kernel')
      rows.push([
        `  ${c.pairedWith} ÷ kernel`,
        '',
        '',
        '',
        '',
        '',
        `${si(r.pairedRequestsPerCpuSec)} ÷ ${si(r.requestsPerCpuSec)}`,
        '',
        '',
        '',
        '',
        `*${METRICS.kernelRatio.format(r.kernelRatio)}`,
      ]);
  });
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  const out = [
    '',
    `msasim benchmark — node ${process.version}, ${cpu} (${cpus().length} CPUs)` +
      (repeat > 1 ? `, median of ${repeat} runs per case` : ', one run per case'),
    '',
    table(rows, new Set([0, 10, 11])),
    '',
    '* the figure judged against the bar. loop = Model.run(), the simulation loop (wall time in the child);',
    '  loop CPU = CPU time of the main thread during the loop; requests/s and events/s are per second',
    '  of loop time, req/CPU-s per second of loop CPU; process = whole child process, from the parent',
    '  (a kernel case: the kernel and its paired case); peak RSS = maxRSS of the child. MB here are MiB.',
    '  kernel = a bare callback M/M/1 of the same model (bench/kernel.js), run in turn with mm1-1M; the',
    '  ratio is taken pair by pair in requests per main-thread CPU-second, the median of the pairs.',
  ];
  if (cases.some((c) => c.bar.source === 'bench'))
    out.push('† a threshold set by this benchmark: the issue states the goal but gives no number.');
  const probed = cases
    .map((c, i) => [c, results[i]])
    .filter(([, r]) => r.error === undefined && r.cache !== undefined);
  if (probed.length > 0) {
    const cacheRows = [
      [
        'case',
        'entries reached',
        'full at',
        'requests filling',
        'req/s filling',
        'req/s full',
        'full ÷ filling',
        'full, 1st half',
        'full, 2nd half',
      ],
    ];
    for (const [c, r] of probed) {
      const k = r.cache;
      const judged = c.bar.metric === 'fullRatio' ? '*' : '';
      cacheRows.push([
        c.name,
        `${fmtInt(k.entriesReached)} / ${k.maxEntries === null ? '∞' : fmtInt(k.maxEntries)}`,
        k.fullAtS === null ? 'never' : `${k.fullAtS} s`,
        fmtInt(k.requestsWhileFilling),
        fmtRate(k.fillingPerSec),
        fmtRate(k.fullPerSec),
        judged + fmtRatio(k.fullRatio),
        fmtRate(k.fullFirstHalfPerSec),
        fmtRate(k.fullSecondHalfPerSec),
      ]);
    }
    out.push(
      '',
      'Cache growth (sampled every few simulated seconds inside Model.run()):',
      '',
      table(cacheRows, new Set([0])),
      '',
      'entries reached = most entries of one store / its limit; full at = first sample (simulated',
      '  time) at the limit. req/s = requests per second of loop time: filling = from the first',
      '  sample (the JIT warm-up before it left out) to full; full = from full to the end, also',
      '  split in halves. A lookup cost that grew with the cache would make full ÷ filling small,',
      '  one that grew with time (churn) would make the 2nd half slower than the 1st.',
    );
  }
  const sweeps = cases
    .map((c, i) => [c, results[i]])
    .filter(([c, r]) => c.kind === 'sweep' && r.error === undefined);
  if (sweeps.length > 0) {
    const sweepRows = [
      ['case', 'points', 'workers', 'wall s', 'speed-up', 'runs only s', 'speed-up', 'same bytes'],
    ];
    for (const [c, r] of sweeps)
      sweepRows.push([
        c.name,
        String(r.points),
        r.workers.join(' → '),
        r.wallMs.map((ms) => (ms / 1000).toFixed(2)).join(' → '),
        `*${METRICS.speedup.format(r.speedup)}`,
        r.runsWallMs.map((ms) => (ms / 1000).toFixed(2)).join(' → '),
        METRICS.speedup.format(r.runsSpeedup),
        r.identical ? 'yes' : 'NO',
      ]);
    out.push(
      '',
      'Sweeps (msasim sweep, whole CLI process, one worker count after the other):',
      '',
      table(sweepRows, new Set([0, 2, 3, 5])),
      '',
      'wall s = wall time of the whole `msasim sweep … --workers k` process for each worker count;',
      '  speed-up = the first ÷ the last (judged). runs only = the same without start-up and',
      '  validation (the "in X s wall" the CLI prints). same bytes = every worker count wrote',
      '  identical sweep.json and sweep.csv.',
    );
  }
  const notes = [];
  cases.forEach((c, i) => {
    const r = results[i];
    if (r.error !== undefined) notes.push(`${c.name}: ERROR ${r.error}`);
    else for (const n of r.notes) notes.push(`${c.name}: ${n}`);
  });
  if (notes.length > 0) out.push('', 'Notes:', ...notes.map((n) => `  ${n}`));
  out.push('');
  process.stdout.write(`${out.join('\n')}\n`);
  const json = {
    bench: 'msasim',
    date: new Date().toISOString(),
    node: process.version,
    cpu,
    repeat,
    cases: cases.map((c, i) => ({ ...results[i], bar: { ...c.bar, text: barText(c.bar) } })),
  };
  process.stdout.write(`${JSON.stringify(json)}\n`);
}

async function main() {
  const { cases, repeat } = parseArgs(process.argv.slice(2));
  if (!existsSync(join(root, 'dist', 'model', 'run.js')))
    usageError('dist/ is missing: run `npm run build` first (or use `npm run bench`)');
  const results = [];
  for (const c of cases) {
    const runs = [];
    for (let i = 1; i <= repeat; i++) {
      const tag = repeat > 1 ? ` run ${i}/${repeat}` : '';
      process.stderr.write(`bench: ${c.name}${tag} … `);
      const r = c.kind === 'kernel' ? await runKernelPair(c) : await runChild(c.name);
      runs.push(r);
      if (r.error !== undefined) {
        process.stderr.write(`ERROR\n${r.stderr}\n`);
        break;
      }
      process.stderr.write(`${(r.processMs / 1000).toFixed(1)} s\n`);
    }
    results.push(aggregate(c, runs));
  }
  printReport(cases, results, repeat);
  if (results.some((r) => r.error !== undefined)) process.exitCode = 1;
}

await main();
