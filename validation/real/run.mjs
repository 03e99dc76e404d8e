// Runs the real loopback system (service.mjs) and msasim with the same parameters, at three
// loads, and prints a side-by-side table: latency p50/p90/p99/mean, throughput and the slot
// utilisation of each service. Then, when `redis-server` is installed, the same for a service
// doing one Redis GET per request against a real Redis started here on a loopback port.
//
//   node validation/real/run.mjs [--measure 20] [--warmup 3] [--loads 60,120,170]
//
// Everything stays on 127.0.0.1. Every loop is bounded (requests per phase, wall time per phase
// and for the whole script), and every process it starts is stopped when it ends, fails or is
// interrupted. It needs the built CLI (`npm run build`). It takes a few minutes; it is not part
// of `npm test`.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const opt = (name, dflt) => {
  const i = process.argv.indexOf(`--${name}`);
  return i < 0 ? dflt : process.argv[i + 1];
};
const MEASURE_S = Number(opt('measure', 20));
const WARMUP_S = Number(opt('warmup', 3));
const LOADS = String(opt('loads', '60,120,170')).split(',').map(Number);
const SCRIPT_LIMIT_MS = 15 * 60_000;
const REQUEST_TIMEOUT_MS = 10_000;

// ---- processes we start, stopped on every way out -------------------------------------------
const children = new Set();
function stopAll() {
  for (const c of children)
    if (c.exitCode === null) {
      c.kill('SIGCONT'); // a frozen service must run to take its SIGTERM
      c.kill('SIGTERM');
    }
}
process.on('exit', stopAll);
for (const sig of ['SIGINT', 'SIGTERM'])
  process.on(sig, () => {
    stopAll();
    process.exit(130);
  });
const limit = setTimeout(() => {
  console.error(`stopped: the script ran longer than ${SCRIPT_LIMIT_MS / 60000} minutes`);
  stopAll();
  process.exit(1);
}, SCRIPT_LIMIT_MS);
limit.unref();

/** Starts a process and waits for its `listening <port>` line (at most 10 s). */
function start(cmd, args, ready = /listening (\d+)/) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: ['pipe', 'pipe', 'inherit'] });
    children.add(child);
    child.on('exit', () => children.delete(child));
    let out = '';
    const timer = setTimeout(() => reject(new Error(`${cmd} did not start within 10 s`)), 10_000);
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (d) => {
      out += d;
      const m = ready.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ child, port: Number(m[1]) });
      }
    });
    child.on('error', reject);
  });
}
function stop(child) {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    const kill = setTimeout(() => child.kill('SIGKILL'), 3000);
    child.once('exit', () => {
      clearTimeout(kill);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 1024 });
function get(port, path) {
  return new Promise((resolve, reject) => {
    const req = http.get(
      { host: '127.0.0.1', port, path, agent, timeout: REQUEST_TIMEOUT_MS },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (d) => (body += d));
        res.on('end', () => resolve({ status: res.statusCode, body }));
      },
    );
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', reject);
  });
}

// ---- the open-loop Poisson load generator -----------------------------------------------------
let seed = 12345;
function random() {
  seed = (seed + 0x6d2b79f5) >>> 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}

/** Sends Poisson arrivals at `rate`/s to `port` for `seconds`; resolves with the latencies (ms) of the successes and the error count. */
function load(port, rate, seconds) {
  return new Promise((resolve) => {
    const t0 = performance.now();
    const end = t0 + seconds * 1000;
    const maxRequests = Math.ceil(rate * seconds * 1.5) + 100;
    const lat = [];
    /** Per second of sending: [sent, failed]. */
    const perSecond = [];
    /** Failures per second of their answer (as msasim's series count them). */
    const failedAt = [];
    let errors = 0;
    let sent = 0;
    let open = 0;
    let next = t0;
    let finished = false;
    const done = () => {
      if (!finished && performance.now() >= end && open === 0) {
        finished = true;
        const seconds = (performance.now() - t0) / 1000;
        resolve({ lat, errors, sent, perSecond, failedAt, seconds });
      }
    };
    const fire = () => {
      const now = performance.now();
      while (next <= now && next < end && sent < maxRequests) {
        sent++;
        open++;
        const s = performance.now();
        const sec = Math.floor((s - t0) / 1000);
        perSecond[sec] ??= [0, 0];
        perSecond[sec][0]++;
        const failed = () => {
          errors++;
          perSecond[sec][1]++;
          const at = Math.floor((performance.now() - t0) / 1000);
          failedAt[at] = (failedAt[at] ?? 0) + 1;
        };
        get(port, '/')
          .then((r) => {
            if (r.status === 200) lat.push(performance.now() - s);
            else failed();
          }, failed)
          .finally(() => {
            open--;
            done();
          });
        next += -Math.log(1 - random()) * (1000 / rate);
      }
      if (next < end && sent < maxRequests) setTimeout(fire, Math.max(0, next - performance.now()));
      else setTimeout(done, Math.max(0, end - performance.now()) + 1);
    };
    fire();
  });
}

const quantile = (sorted, q) =>
  sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
function latencyFigures(lat) {
  const s = Float64Array.from(lat).sort();
  const mean = s.reduce((a, x) => a + x, 0) / s.length;
  return { p50: quantile(s, 0.5), p90: quantile(s, 0.9), p99: quantile(s, 0.99), mean };
}

async function utilisation(port) {
  const st = JSON.parse((await get(port, '/stats')).body);
  return st.busyMs / (st.windowMs * st.slots);
}

// ---- msasim with the same parameters ------------------------------------------------------------
const work = mkdtempSync(join(tmpdir(), 'msasim-real-'));
process.on('exit', () => rmSync(work, { recursive: true, force: true }));
function msasim(name, yaml) {
  const file = join(work, `${name}.yaml`);
  writeFileSync(file, yaml);
  const r = spawnSync(
    process.execPath,
    [
      join(root, 'bin', 'msasim'),
      'run',
      file,
      '--out',
      join(work, name),
      '--format',
      'json',
      '--quiet',
    ],
    { encoding: 'utf8', timeout: 120_000 },
  );
  if (r.status !== 0) throw new Error(`msasim failed: ${r.stderr}`);
  return JSON.parse(readFileSync(join(work, name, 'summary.json'), 'utf8')).runs[0];
}

/** Failed requests per second of a msasim run of `yaml` (from its results.json). */
function modelErrorsPerSecond(name, yaml) {
  msasim(name, yaml);
  const data = JSON.parse(readFileSync(join(work, name, 'results.json'), 'utf8'));
  return data.variants[0].series.requests.overall.map((p) => p.failed + p.timedOut + p.rejected);
}
function modelFigures(run, endpoint, ids) {
  const e = run.endpoints.find((x) => x.endpoint === endpoint);
  const util = Object.fromEntries(
    ids.map((id) => [id, run.components.find((c) => c.id === id).utilisation]),
  );
  return {
    p50: e.latency.p50Ms,
    p90: e.latency.p90Ms,
    p99: e.latency.p99Ms,
    mean: e.latency.meanMs,
    throughput: e.throughputPerSec,
    errors: e.errorRate,
    util,
  };
}

// the per-hop cost of Node's HTTP on loopback, as a network latency in the model
const HOP = '{ dist: lognormal, median: 0.3ms, sigma: 0.5 }';
// The services sleep with setTimeout, which runs on whole milliseconds (a fractional delay
// is cut to its whole part): b's Exp(20 ms) sleeps last ~0.4 ms less than drawn, which the
// slot-busy time shows (b's utilisation 82–83 % at 170/s where 20 ms would give 85 %). Near
// saturation that is enough to move the tail by a tenth, so every service of the model has
// msasim's runtime timers (src/model/runtime-effects.ts), late by nothing: a quiet host.
const TIMERS = '    runtime: { timers: { tick: 1ms } }';
const twoServices = (rate) => `version: 1
name: real-two-services
seed: 1
duration: 300s
warmup: 10s
network: { latency: ${HOP} }
workloads:
  clients: { rate: ${rate}/s, target: a/get }
services:
  a:
    threads: 12
${TIMERS}
    endpoints:
      get: { steps: [{ sleep: 5ms }, { call: b/work }] }
  b:
    threads: 4
${TIMERS}
    endpoints:
      work: { steps: [{ sleep: { dist: exponential, mean: 20ms } }] }
`;
const withRedis = (rate) => `version: 1
name: real-redis
seed: 1
duration: 300s
warmup: 10s
network: { latency: ${HOP} }
workloads:
  clients: { rate: ${rate}/s, target: c/get }
services:
  c:
    threads: 8
${TIMERS}
    endpoints:
      get: { steps: [{ kv: redis }, { sleep: { dist: exponential, mean: 10ms } }] }
caches:
  redis: { type: distributed, threads: 1, opTime: 0.02ms }
`;

const KILL_RATE = 200;
const KILL_AT_S = 5;
const KILL_FOR_S = 5;
const KILL_RUN_S = 16;
const BACKOFF_MS = 1500;
const redisKill = (client) => `version: 1
name: real-redis-kill
seed: 1
duration: ${KILL_RUN_S}s
warmup: 0s
network: { latency: ${HOP} }
workloads:
  clients: { rate: ${KILL_RATE}/s, target: c/get }
services:
  c:
    threads: 8
${TIMERS}
    endpoints:
      get: { steps: [{ kv: redis }, { sleep: { dist: exponential, mean: 10ms } }] }
caches:
  redis: { type: distributed, threads: 1, opTime: 0.02ms${client} }
faults:
  kill: { kind: crash, target: redis, at: ${KILL_AT_S}s, for: ${KILL_FOR_S}s }
`;
const sleepMs = (ms) => new Promise((r) => setTimeout(r, Math.max(0, ms)));

/** Failed requests per second of the real system while Redis is killed at 5 s and restarted at 10 s. */
async function realKill(redisServer, backoffMs) {
  const port = 20000 + Math.floor(random() * 20000);
  const redisArgs = [
    '--port',
    String(port),
    '--bind',
    '127.0.0.1',
    '--save',
    '',
    '--appendonly',
    'no',
  ];
  let redis = await start(redisServer, redisArgs, /(Ready to accept connections)/);
  const extra = backoffMs === null ? [] : ['--reconnect-backoff', String(backoffMs)];
  const svc = join(here, 'service.mjs');
  const c = await start(process.execPath, [
    svc,
    '--slots',
    '8',
    '--sleep-exp',
    '10',
    '--redis',
    `127.0.0.1:${port}`,
    '--seed',
    '5',
    ...extra,
  ]);
  await load(c.port, KILL_RATE, 2);
  const running = load(c.port, KILL_RATE, KILL_RUN_S);
  const t0 = performance.now();
  await sleepMs(KILL_AT_S * 1000);
  redis.child.kill('SIGKILL');
  await sleepMs(t0 + (KILL_AT_S + KILL_FOR_S) * 1000 - performance.now());
  const restartedAt = (performance.now() - t0) / 1000;
  redis = await start(redisServer, redisArgs, /(Ready to accept connections)/);
  const readyAt = (performance.now() - t0) / 1000;
  const r = await running;
  await stop(c.child);
  await stop(redis.child);
  return { perSecond: r.perSecond.map((x) => (x === undefined ? 0 : x[1])), restartedAt, readyAt };
}

// ---- the freeze timeline: b paused (SIGSTOP) for 10 s, as resilience/freeze-vs-hang.yaml ---------
const FREEZE_RATE = 120;
const FREEZE_AT_S = 5;
const FREEZE_FOR_S = 10;
const FREEZE_RUN_S = 25;
const CALL_TIMEOUT_MS = 1000;
const freezeModel = (mode) => `version: 1
name: real-freeze
seed: 1
duration: ${FREEZE_RUN_S}s
warmup: 0s
network: { latency: ${HOP} }
workloads:
  clients: { rate: ${FREEZE_RATE}/s, target: a/get }
services:
  a:
    threads: 200
${TIMERS}
    endpoints:
      get: { steps: [{ sleep: 5ms }, { call: b/work, timeout: ${CALL_TIMEOUT_MS}ms }] }
  b:
    threads: 4
${TIMERS}
    endpoints:
      work: { steps: [{ sleep: { dist: exponential, mean: 20ms } }] }
faults:
  stop: { kind: crash, mode: ${mode}, target: b, at: ${FREEZE_AT_S}s, for: ${FREEZE_FOR_S}s }
`;

/** The real freeze: b gets SIGSTOP at 5 s and SIGCONT at 15 s; failures per second, b's answers. */
async function realFreeze() {
  const node = process.execPath;
  const svc = join(here, 'service.mjs');
  const b = await start(node, [svc, '--slots', '4', '--sleep-exp', '20', '--seed', '2']);
  const a = await start(node, [
    svc,
    '--slots',
    '200',
    '--sleep',
    '5',
    '--call',
    `http://127.0.0.1:${b.port}/`,
    '--call-timeout',
    String(CALL_TIMEOUT_MS),
    '--seed',
    '3',
  ]);
  try {
    await load(a.port, FREEZE_RATE, 2);
    await get(b.port, '/reset');
    const running = load(a.port, FREEZE_RATE, FREEZE_RUN_S);
    const t0 = performance.now();
    await sleepMs(FREEZE_AT_S * 1000);
    b.child.kill('SIGSTOP');
    const stoppedAt = (performance.now() - t0) / 1000;
    await sleepMs(t0 + (FREEZE_AT_S + FREEZE_FOR_S) * 1000 - performance.now());
    b.child.kill('SIGCONT');
    const resumedAt = (performance.now() - t0) / 1000;
    const r = await running;
    const bServed = JSON.parse((await get(b.port, '/stats')).body).served;
    return {
      // by the second of the answer, as msasim's series count them
      perSecond: Array.from(r.failedAt, (x) => x ?? 0),
      ok: r.lat.length,
      bServed,
      stoppedAt,
      resumedAt,
    };
  } finally {
    b.child.kill('SIGCONT');
    await stop(a.child);
    await stop(b.child);
  }
}

/** The per-second timeline of a freeze of b, real and modelled (freeze, and hang beside it). */
async function freezeTimeline() {
  const load1 = loadAverage();
  process.stderr.write(
    `freeze: ${FREEZE_RATE} req/s, b stopped (SIGSTOP) at ${FREEZE_AT_S} s for ${FREEZE_FOR_S} s …\n`,
  );
  const real = await realFreeze();
  const load2 = loadAverage();
  const modelled = (mode) => {
    const run = msasim(`freeze-${mode}`, freezeModel(mode));
    const data = JSON.parse(readFileSync(join(work, `freeze-${mode}`, 'results.json'), 'utf8'));
    const perSecond = data.variants[0].series.requests.overall.map(
      (p) => p.failed + p.timedOut + p.rejected,
    );
    const b = run.components.find((c) => c.id === 'b');
    return { perSecond, ok: run.overall.outcomes.ok, bServed: b.completed, freezes: run.freezes };
  };
  const freeze = modelled('freeze');
  const hang = modelled('hang');
  console.log(
    `\nb frozen (SIGSTOP) at ${real.stoppedAt.toFixed(2)} s, resumed (SIGCONT) at ` +
      `${real.resumedAt.toFixed(2)} s; load average ${load1} before, ${load2} after. Failed requests per second (of their answer):`,
  );
  const head = ['second', 'real freeze', 'msasim freeze', 'msasim hang'];
  console.log(head.join('  '));
  for (let sec = 0; sec < FREEZE_RUN_S; sec++) {
    const cells = [
      sec,
      real.perSecond[sec] ?? 0,
      freeze.perSecond[sec] ?? 0,
      hang.perSecond[sec] ?? 0,
    ];
    console.log(cells.map((c, i) => String(c).padStart(head[i].length)).join('  '));
  }
  const last = (xs) => xs.reduce((a, x, i) => (x > 0 ? i : a), -1);
  const sum = (xs) => xs.reduce((a, x) => a + (x ?? 0), 0);
  console.log(
    `last second with errors: real ${last(real.perSecond)} / msasim freeze ${last(freeze.perSecond)} / msasim hang ${last(hang.perSecond)}`,
  );
  console.log(
    `failed requests: real ${sum(real.perSecond)} / msasim freeze ${sum(freeze.perSecond)} / msasim hang ${sum(hang.perSecond)}`,
  );
  console.log(
    `b's answers nobody used (b served − requests answered ok): real ${real.bServed - real.ok} / ` +
      `msasim freeze ${freeze.bServed - freeze.ok} (its accept queue: ${JSON.stringify(freeze.freezes?.[0] ?? {})})`,
  );
}

/** The 1-minute load average (Linux), for the record. */
function loadAverage() {
  try {
    return readFileSync('/proc/loadavg', 'utf8').split(' ')[0];
  } catch {
    return '?';
  }
}

/** The per-second timeline of a Redis kill, real and modelled, without and with a reconnect backoff. */
async function killTimeline(redisServer) {
  process.stderr.write(
    `redis kill: ${KILL_RATE} req/s, Redis killed at ${KILL_AT_S} s for ${KILL_FOR_S} s …\n`,
  );
  const realNow = await realKill(redisServer, null);
  const realBackoff = await realKill(redisServer, BACKOFF_MS);
  const modelNow = modelErrorsPerSecond('kill-now', redisKill(''));
  const modelBackoff = modelErrorsPerSecond(
    'kill-backoff',
    redisKill(
      `, client: { onUnavailable: fail, reconnect: { backoff: ${BACKOFF_MS}ms, growth: constant } }`,
    ),
  );
  console.log(
    `\nRedis killed (SIGKILL) at ${KILL_AT_S} s and started again at ${KILL_AT_S + KILL_FOR_S} s ` +
      `(real: started at ${realNow.restartedAt.toFixed(2)} s, ready at ${realNow.readyAt.toFixed(2)} s; ` +
      `with backoff ${realBackoff.restartedAt.toFixed(2)} / ${realBackoff.readyAt.toFixed(2)} s). Failed requests per second:`,
  );
  const head = [
    'second',
    'real, reconnect at once',
    'msasim (no client:)',
    `real, backoff ${BACKOFF_MS} ms`,
    'msasim (client: backoff)',
  ];
  console.log(head.join('  '));
  for (let sec = 0; sec < KILL_RUN_S; sec++) {
    const cells = [
      sec,
      realNow.perSecond[sec] ?? 0,
      modelNow[sec] ?? 0,
      realBackoff.perSecond[sec] ?? 0,
      modelBackoff[sec] ?? 0,
    ];
    console.log(cells.map((c, i) => String(c).padStart(head[i].length)).join('  '));
  }
  const last = (xs) => xs.reduce((a, x, i) => (x > 0 ? i : a), -1);
  console.log(
    `last second with errors: real ${last(realNow.perSecond)} / msasim ${last(modelNow)} (reconnect at once); ` +
      `real ${last(realBackoff.perSecond)} / msasim ${last(modelBackoff)} (backoff ${BACKOFF_MS} ms)`,
  );
}

// ---- the table ----------------------------------------------------------------------------------
const rows = [];
const f2 = (x) => (Number.isFinite(x) ? x.toFixed(2) : '–');
const pct = (x) => `${(x * 100).toFixed(1)}%`;
function addRows(label, real, model, ids) {
  const d = (a, b) =>
    b > 0 ? `${a >= b ? '+' : '−'}${Math.abs((a / b - 1) * 100).toFixed(0)}%` : '';
  for (const k of ['p50', 'p90', 'p99', 'mean'])
    rows.push([label, `${k} ms`, f2(real[k]), f2(model[k]), d(model[k], real[k])]);
  rows.push([
    label,
    'throughput/s',
    f2(real.throughput),
    f2(model.throughput),
    d(model.throughput, real.throughput),
  ]);
  rows.push([label, 'errors', pct(real.errors), pct(model.errors), '']);
  for (const id of ids)
    rows.push([
      label,
      `util ${id}`,
      pct(real.util[id]),
      pct(model.util[id]),
      d(model.util[id], real.util[id]),
    ]);
}
function printTable() {
  const head = ['load', 'figure', 'real', 'msasim', 'msasim vs real'];
  const w = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (r) => r.map((c, i) => (i < 2 ? c.padEnd(w[i]) : c.padStart(w[i]))).join('  ');
  console.log(line(head));
  console.log(w.map((x) => '-'.repeat(x)).join('  '));
  let last = '';
  for (const r of rows) {
    if (r[0] !== last && last !== '') console.log('');
    last = r[0];
    console.log(line(r));
  }
}

async function measure(entryPort, rate, ports) {
  await load(entryPort, rate, WARMUP_S);
  for (const p of Object.values(ports)) await get(p, '/reset');
  const r = await load(entryPort, rate, MEASURE_S);
  const util = {};
  for (const [id, p] of Object.entries(ports)) util[id] = await utilisation(p);
  return {
    ...latencyFigures(r.lat),
    throughput: r.lat.length / MEASURE_S,
    errors: r.errors / Math.max(1, r.sent),
    util,
  };
}

async function main() {
  const node = process.execPath;
  const svc = join(here, 'service.mjs');
  if (process.argv.includes('--only-freeze')) {
    await freezeTimeline();
    return;
  }
  const onlyKill = process.argv.includes('--only-kill');
  for (const rate of onlyKill ? [] : LOADS) {
    const b = await start(node, [svc, '--slots', '4', '--sleep-exp', '20', '--seed', '2']);
    const a = await start(node, [
      svc,
      '--slots',
      '12',
      '--sleep',
      '5',
      '--call',
      `http://127.0.0.1:${b.port}/`,
      '--seed',
      '3',
    ]);
    process.stderr.write(
      `two services at ${rate} req/s (ρ of b ≈ ${((rate * 0.02) / 4).toFixed(2)}) …\n`,
    );
    const real = await measure(a.port, rate, { a: a.port, b: b.port });
    await stop(a.child);
    await stop(b.child);
    addRows(
      `${rate}/s`,
      real,
      modelFigures(msasim('two', twoServices(rate)), 'a/get', ['a', 'b']),
      ['a', 'b'],
    );
  }
  const redisServer = spawnSync('sh', ['-c', 'command -v redis-server'], {
    encoding: 'utf8',
  }).stdout.trim();
  if (onlyKill) {
    // the kill timeline only
  } else if (redisServer === '') {
    console.log(
      '\n(redis part skipped: redis-server is not installed; `apt-get install -y redis-server` adds it)\n',
    );
  } else {
    const port = 20000 + Math.floor(random() * 20000);
    const redis = await start(
      redisServer,
      [
        '--port',
        String(port),
        '--bind',
        '127.0.0.1',
        '--save',
        '',
        '--appendonly',
        'no',
        '--protected-mode',
        'yes',
      ],
      /(Ready to accept connections)/,
    );
    const rate = 300;
    const c = await start(node, [
      svc,
      '--slots',
      '8',
      '--sleep-exp',
      '10',
      '--redis',
      `127.0.0.1:${port}`,
      '--seed',
      '4',
    ]);
    process.stderr.write(`redis: one GET then Exp(10 ms) at ${rate} req/s …\n`);
    const real = await measure(c.port, rate, { c: c.port });
    await stop(c.child);
    await stop(redis.child);
    addRows(
      `redis ${rate}/s`,
      real,
      modelFigures(msasim('redis', withRedis(rate)), 'c/get', ['c']),
      ['c'],
    );
  }
  if (!onlyKill) printTable();
  if (redisServer !== '' && !process.argv.includes('--no-kill')) await killTimeline(redisServer);
  if (!onlyKill && !process.argv.includes('--no-freeze')) await freezeTimeline();
}

main()
  .catch((e) => {
    console.error(`failed: ${e.message}`);
    process.exitCode = 1;
  })
  .finally(() => {
    agent.destroy();
    stopAll();
  });
