// A small real service for checking msasim against: an HTTP server on 127.0.0.1 with a slot
// limit (at most `slots` requests served at once, the others wait in a FIFO queue), whose work
// per request is, in order: an optional Redis GET (one round trip on a kept-alive connection),
// a sleep (exponential or fixed, setTimeout), an optional busy CPU loop, and an optional call to
// a downstream service (a kept-alive HTTP GET) made while the slot is held — as msasim's
// thread-blocking model assumes. GET /stats answers its counters (requests served, slot-busy
// time, the time since the last reset); POST /reset zeroes them.
//
// Usage: node service.mjs --port 0 --slots 4 [--sleep-exp 20 | --sleep 5] [--cpu 1]
//          [--call http://127.0.0.1:PORT/ [--call-timeout MS]]
//          [--redis 127.0.0.1:PORT [--reconnect-backoff MS]]
//          [--seed 1]
// It prints `listening <port>` on stdout once ready, and exits on SIGTERM or when its parent
// closes stdin (so a crashed runner leaves nothing behind).
import http from 'node:http';
import net from 'node:net';

const args = Object.fromEntries(
  process.argv.slice(2).reduce((pairs, a, i, all) => {
    if (a.startsWith('--')) pairs.push([a.slice(2), all[i + 1]]);
    return pairs;
  }, []),
);
const slots = Number(args.slots ?? 1);
const sleepExp = args['sleep-exp'] === undefined ? null : Number(args['sleep-exp']);
const sleepFixed = args.sleep === undefined ? 0 : Number(args.sleep);
const cpuMs = args.cpu === undefined ? 0 : Number(args.cpu);
const callUrl = args.call ?? null;
// the downstream call's timeout (no answer, no bytes, for this long: the call fails)
const callTimeoutMs = args['call-timeout'] === undefined ? 10_000 : Number(args['call-timeout']);

// a seeded generator (mulberry32), so the service's draws repeat from run to run
let state = Number(args.seed ?? 1) >>> 0;
function random() {
  state = (state + 0x6d2b79f5) >>> 0;
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}

// slot limit: a counting semaphore with a FIFO queue
let inUse = 0;
const waiting = [];
let busySince = 0; // time-weighted integral of slots in use
let busyIntegral = 0;
let served = 0;
let failed = 0;
let statsFrom = performance.now();
function account() {
  const now = performance.now();
  busyIntegral += inUse * (now - busySince);
  busySince = now;
}
function acquire() {
  return new Promise((resolve) => {
    if (inUse < slots) {
      account();
      inUse++;
      resolve();
    } else waiting.push(resolve);
  });
}
function release() {
  const next = waiting.shift();
  if (next !== undefined) next();
  else {
    account();
    inUse--;
  }
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
function callDownstream() {
  return new Promise((resolve, reject) => {
    const req = http.get(callUrl, { agent, timeout: callTimeoutMs }, (res) => {
      res.resume();
      res.on('end', () =>
        res.statusCode === 200 ? resolve() : reject(new Error(`HTTP ${res.statusCode}`)),
      );
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', reject);
  });
}

// a minimal RESP client: one connection, commands pipelined, replies in order. Without
// --reconnect-backoff a command finding no connection opens one at once (a refused connection
// fails the commands sent on it); with it, after losing the connection the client fails every
// command at once and tries to reconnect every `backoff` ms (a fail-fast client with a constant
// reconnect backoff: msasim's `client: { onUnavailable: fail, reconnect: { growth: constant } }`).
const backoff = args['reconnect-backoff'] === undefined ? null : Number(args['reconnect-backoff']);
let redis = null;
let down = false;
let pending = [];
let buffer = '';
function openRedis() {
  const [host, port] = args.redis.split(':');
  const sock = net.connect({ host, port: Number(port) });
  redis = sock;
  buffer = '';
  sock.setNoDelay(true);
  sock.setEncoding('utf8');
  sock.on('data', (chunk) => {
    buffer += chunk;
    for (;;) {
      const line = buffer.indexOf('\r\n');
      if (line < 0) return;
      const type = buffer[0];
      let end = line + 2;
      if (type === '$') {
        const len = Number(buffer.slice(1, line));
        if (len >= 0) {
          if (buffer.length < line + 2 + len + 2) return;
          end = line + 2 + len + 2;
        }
      }
      buffer = buffer.slice(end);
      const p = pending.shift();
      if (p) type === '-' ? p.reject(new Error('redis error')) : p.resolve();
    }
  });
  sock.once('connect', () => {
    down = false;
  });
  const lost = () => {
    if (redis !== sock) return;
    redis = null;
    const failed = pending;
    pending = [];
    for (const p of failed) p.reject(new Error('redis connection lost'));
    if (backoff !== null) {
      down = true;
      setTimeout(openRedis, backoff);
    }
  };
  sock.on('error', lost);
  sock.on('close', lost);
}
function redisGet(key) {
  return new Promise((resolve, reject) => {
    if (down) return reject(new Error('redis unavailable'));
    if (redis === null) openRedis();
    pending.push({ resolve, reject });
    redis.write(`*2\r\n$3\r\nGET\r\n$${key.length}\r\n${key}\r\n`);
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
function spin(ms) {
  const end = performance.now() + ms;
  while (performance.now() < end) {}
}

async function work() {
  if (args.redis !== undefined) await redisGet(`k${Math.floor(random() * 1000)}`);
  const s = sleepExp === null ? sleepFixed : -Math.log(1 - random()) * sleepExp;
  if (s > 0) await sleep(s);
  if (cpuMs > 0) spin(cpuMs);
  if (callUrl !== null) await callDownstream();
}

const server = http.createServer((req, res) => {
  if (req.url === '/stats') {
    account();
    res.end(
      JSON.stringify({
        served,
        failed,
        busyMs: busyIntegral,
        windowMs: performance.now() - statsFrom,
        slots,
      }),
    );
    return;
  }
  if (req.url === '/reset') {
    account();
    busyIntegral = 0;
    served = 0;
    failed = 0;
    statsFrom = performance.now();
    res.end('{}');
    return;
  }
  req.resume();
  acquire()
    .then(work)
    .then(
      () => {
        served++;
        release();
        res.end('ok');
      },
      (e) => {
        failed++;
        release();
        res.statusCode = 503;
        res.end(String(e.message));
      },
    );
});
server.keepAliveTimeout = 60_000;
server.listen(Number(args.port ?? 0), '127.0.0.1', () => {
  process.stdout.write(`listening ${server.address().port}\n`);
});
const stop = () => {
  server.close();
  agent.destroy();
  redis?.destroy();
  process.exit(0);
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
process.stdin.on('end', stop);
process.stdin.resume();
