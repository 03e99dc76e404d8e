/**
 * The yardstick of `mm1-1M`: a bare callback M/M/1 kernel, written for this one model and
 * nothing else, run by `node bench/kernel.js`. Same model as the `mm1-1M` case (Poisson
 * arrivals at 0.8 per ms, one server, exponential service of mean 1 ms, 1250 s simulated), same
 * generator (msasim's xor4096 RandomStream, seeded the same way, one stream for arrivals and one
 * for service times) and the same distributions by inversion (−mean·ln(1 − u)). What it leaves
 * out is everything that makes msasim a tool: no request objects (a customer is its arrival
 * time in a ring buffer), no services, balancers or faults, no metrics but a count and a sum of
 * sojourn times (to check the run: the mean sojourn of M/M/1 at ρ = 0.8 is 5 ms). Events are
 * callbacks with one argument on a binary heap in typed arrays ordered by (time, sequence).
 *
 * Prints one JSON line like bench/case.js: customers, events, loop wall ms and the loop's
 * main-thread CPU ms (bench/cpu-time.js), peak RSS.
 */
import { performance } from 'node:perf_hooks';
import { RandomSource } from '../dist/engine/random.js';
import { threadCpuMs } from './cpu-time.js';

const LAMBDA_PER_MS = 0.8;
const SERVICE_MEAN_MS = 1;
const UNTIL_MS = 1_250_000;

// the event heap: times, sequence numbers (FIFO among equal times), handlers, arguments
let cap = 64;
let time = new Float64Array(cap);
let seq = new Float64Array(cap);
const handlers = new Array(cap);
const args = new Array(cap);
let size = 0;
let nextSeq = 0;
let now = 0;

function schedule(delay, handler, arg) {
  if (size === cap) {
    cap *= 2;
    const t = new Float64Array(cap);
    t.set(time);
    time = t;
    const s = new Float64Array(cap);
    s.set(seq);
    seq = s;
    handlers.length = cap;
    args.length = cap;
  }
  const at = now + delay;
  const k = nextSeq++;
  let i = size++;
  while (i > 0) {
    const p = (i - 1) >> 1;
    if (time[p] < at || (time[p] === at && seq[p] < k)) break;
    time[i] = time[p];
    seq[i] = seq[p];
    handlers[i] = handlers[p];
    args[i] = args[p];
    i = p;
  }
  time[i] = at;
  seq[i] = k;
  handlers[i] = handler;
  args[i] = arg;
}

/** Pops the earliest event, runs it; the caller checks size and time. */
function step() {
  const h = handlers[0];
  const a = args[0];
  now = time[0];
  const n = --size;
  const lt = time[n];
  const ls = seq[n];
  const lh = handlers[n];
  const la = args[n];
  let i = 0;
  for (;;) {
    let c = 2 * i + 1;
    if (c >= n) break;
    if (c + 1 < n && (time[c + 1] < time[c] || (time[c + 1] === time[c] && seq[c + 1] < seq[c])))
      c++;
    if (lt < time[c] || (lt === time[c] && ls < seq[c])) break;
    time[i] = time[c];
    seq[i] = seq[c];
    handlers[i] = handlers[c];
    args[i] = args[c];
    i = c;
  }
  time[i] = lt;
  seq[i] = ls;
  handlers[i] = lh;
  args[i] = la;
  h(a);
}

const source = new RandomSource(1);
const arrivalRng = source.stream('arrivals');
const serviceRng = source.stream('service');

// the waiting line: arrival times in a growing ring buffer
let ring = new Float64Array(1024);
let head = 0;
let count = 0;
let busy = false;
let customers = 0;
let served = 0;
let sojournSum = 0;

function push(t) {
  if (count === ring.length) {
    const r = new Float64Array(ring.length * 2);
    for (let k = 0; k < count; k++) r[k] = ring[(head + k) % ring.length];
    ring = r;
    head = 0;
  }
  ring[(head + count++) % ring.length] = t;
}

function arrive() {
  customers++;
  if (busy) push(now);
  else {
    busy = true;
    schedule(-SERVICE_MEAN_MS * Math.log(1 - serviceRng.next()), depart, now);
  }
  schedule(-Math.log(1 - arrivalRng.next()) / LAMBDA_PER_MS, arrive, undefined);
}

function depart(arrivedAt) {
  served++;
  sojournSum += now - arrivedAt;
  if (count === 0) {
    busy = false;
    return;
  }
  const next = ring[head];
  head = (head + 1) % ring.length;
  count--;
  schedule(-SERVICE_MEAN_MS * Math.log(1 - serviceRng.next()), depart, next);
}

schedule(-Math.log(1 - arrivalRng.next()) / LAMBDA_PER_MS, arrive, undefined);
const cpu0 = threadCpuMs();
const t0 = performance.now();
let events = 0;
while (size > 0 && time[0] <= UNTIL_MS) {
  step();
  events++;
}
const t1 = performance.now();
const cpu1 = threadCpuMs();
process.stdout.write(
  `${JSON.stringify({
    case: 'kernel',
    requests: customers,
    events,
    meanSojournMs: sojournSum / served,
    loopMs: t1 - t0,
    loopCpuMs: cpu1 - cpu0,
    peakRssMB: process.resourceUsage().maxRSS / 1024,
  })}\n`,
);
