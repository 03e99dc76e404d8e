/**
 * The event list alone, on the shop's own pattern (bench/README, seventh round): `node
 * bench/queue-pattern.js <dir> [seconds]` runs the shop for `seconds` (default 30) with build
 * <dir>'s model, recording every push (time, priority) and pop its event list sees, then
 * replays that sequence 15 times on the same build's EventQueue alone and prints the median
 * nanoseconds per event (one push and one pop), and the same loop with no queue at all (what
 * the harness itself costs: subtract it). One build per process: two queue classes in one
 * process share the JIT's feedback for the harness and distort each other. Compare builds by
 * running it once per build, alternately.
 */
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseDocument } from 'yaml';

const [dir, secondsText] = process.argv.slice(2);
if (dir === undefined) {
  process.stderr.write('usage: node bench/queue-pattern.js <dir> [seconds]\n');
  process.exit(2);
}
const at = (f) => join(resolve(dir), f);
const { EventQueue } = await import(at('dist/engine/event-queue.js'));
const { parseScenario } = await import(at('dist/model/language.js'));
const { Model } = await import(at('dist/model/model.js'));
const { prepareHistograms } = await import(at('dist/metrics/histogram.js'));
await prepareHistograms();

// record: a push as (time, priority), a pop as (-1, -1)
const doc = parseDocument(await readFile(at('scenarios/shop.yaml'), 'utf8'));
doc.set('duration', `${secondsText ?? 30}s`);
const scenario = parseScenario(doc.toString(), 'scenarios/shop.yaml').variants[0];
const recorded = [];
const { push, pop } = EventQueue.prototype;
EventQueue.prototype.push = function (t, p, h, a) {
  recorded.push(t, p);
  return push.call(this, t, p, h, a);
};
EventQueue.prototype.pop = function () {
  recorded.push(-1, -1);
  return pop.call(this);
};
new Model(scenario, { seed: scenario.seed }).run();
EventQueue.prototype.push = push;
EventQueue.prototype.pop = pop;
const ops = Float64Array.from(recorded);
let pops = 0;
for (let i = 0; i < ops.length; i += 2) if (ops[i] < 0) pops++;

function noop() {}
/** The harness without a queue: the same loop, allocations and calls. */
class NoQueue {
  poppedTime = 0;
  poppedHandler = noop;
  push(t) {
    this.poppedTime = t;
  }
  pop() {
    return undefined;
  }
}

/** Nanoseconds per event of one replay on a fresh EventQueue. */
function replayQueue() {
  const q = new EventQueue();
  let sink = 0;
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < ops.length; i += 2) {
    if (ops[i] < 0) {
      q.pop();
      sink += q.poppedTime;
    } else q.push(ops[i], ops[i + 1], noop, { i }); // a young argument, as in a run
  }
  const ns = Number(process.hrtime.bigint() - t0);
  return sink === -1 ? 0 : ns / pops;
}

/**
 * The same replay on no queue, written out again: one function shared by both classes would
 * see two at its calls and be slower for both.
 */
function replayNone() {
  const q = new NoQueue();
  let sink = 0;
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < ops.length; i += 2) {
    if (ops[i] < 0) {
      q.pop();
      sink += q.poppedTime;
    } else q.push(ops[i], ops[i + 1], noop, { i });
  }
  const ns = Number(process.hrtime.bigint() - t0);
  return sink === -1 ? 0 : ns / pops;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const queue = [];
const none = [];
for (let r = 0; r < 15; r++) {
  queue.push(replayQueue());
  none.push(replayNone());
}
process.stdout.write(
  `${JSON.stringify({
    dir,
    events: pops,
    nsPerEvent: median(queue).toFixed(1),
    harnessNsPerEvent: median(none).toFixed(1),
  })}\n`,
);
