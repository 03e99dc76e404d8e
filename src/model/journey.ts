/**
 * The journey of a request, as plain event handlers. Read top to bottom:
 *
 *   client ──hop──▶ arriveAtService ─▶ (thread granted) advance(frame)
 *   advance runs steps in order: cpu / sleep (a timed wait), call (child visit elsewhere,
 *   optional timeout), query (hop to the database, wait for a connection, run, hop back),
 *   parallel (child frames, wait for all), branch (one child frame, chosen at random);
 *   every other kind through its handler (model/steps/: go on at once, or wait)
 *   last step done ─▶ endVisit (release the thread) ─hop─▶ deliverReply to the caller's frame,
 *   or ─hop─▶ the client (finishRequest).
 *
 * The six hot kinds stay inline in `advance` (a switch on small integers); the others are one
 * `default:` case calling `step.handler.run(frame, step)`, so the interpreter names no kind
 * module and stays small (see the V8 note below). Kinds import the journey, never the reverse.
 *
 * Failures (rejection at a full queue, a timeout) skip the remaining steps of the frame and
 * travel up to the caller, which fails in turn: the root cause is kept as the request's cause.
 * Simplification: a parallel step waits for all its branches even after one failed.
 */
import { Grant } from '../engine/index.ts';
import { Outcome } from '../metrics/outcome.ts';
import type { DatabaseRuntime } from './database.ts';
import { type StruckUnit, strike } from './faults.ts';
import {
  type Entry,
  Frame,
  Invocation,
  type Request,
  type StepHandler,
  StepKind,
  type StepRuntime,
} from './frame.ts';
import { travel } from './network.ts';
import type { EndpointRuntime, Instance } from './service.ts';
import type { Tracer } from './trace/tracer.ts';

/**
 * The trace recorder of the run in progress (Model.run sets it for its synchronous run), or
 * null: tracing off. The journey's only cost of tracing is this check, once per visit (reply)
 * and per answer (finishRequest) on the common path, and on a few rare paths (queued, refused,
 * timed out).
 */
export let activeTracer: Tracer | null = null;

/** Makes `t` the trace recorder of the run about to start (null after it). */
export function setActiveTracer(t: Tracer | null): void {
  activeTracer = t;
}

/**
 * A visit reaches its service: pick an instance; unless a fault there refuses, swallows or
 * delays it, take a thread or queue or be rejected.
 */
export function arriveAtService(inv: Invocation): void {
  const service = inv.endpoint.service;
  service.stats.arrivals++;
  if (service.limiter !== null && !service.limiter.take(service.sim.now)) {
    rateLimited(inv);
    return;
  }
  const inst = service.pick(service.instances, inv);
  inv.instance = inst;
  const fs = inst.fault;
  if (fs?.active && strike(fs, service.sim, inv, INSTANCE_UNIT)) return;
  enterInstance(inv);
}

/**
 * A visit sent to one instance in particular (a message delivered to the consumer that owns
 * its partition): no balancer, no rate limiter; faults strike as at any arrival.
 */
export function arriveAtInstance(inv: Invocation, inst: Instance): void {
  const service = inv.endpoint.service;
  service.stats.arrivals++;
  inv.instance = inst;
  const fs = inst.fault;
  if (fs?.active && strike(fs, service.sim, inv, INSTANCE_UNIT)) return;
  enterInstance(inv);
}

// The rare outcomes of arriving (rate limited, queue full) are functions of their own, here
// and below: the hot functions stay small enough in bytecode for V8 to inline them into the
// event handlers (it stops inlining at ~920 bytes of bytecode per optimized function).

/** Load shedding before any instance: rejected at once (HTTP 429). */
function rateLimited(inv: Invocation): void {
  const service = inv.endpoint.service;
  service.stats.rejected++;
  inv.error = Outcome.rejected;
  inv.cause = service.limitedCause;
  inv.endpoint.visits.outcomes[Outcome.rejected]++;
  reply(inv);
}

/** How faults turn visits away at an instance (see strike). */
const INSTANCE_UNIT: StruckUnit<Invocation> = {
  refuse: refuseVisit,
  // no answer until the instance comes back: counted as turned away now
  swallow: (inv) => {
    inv.endpoint.service.stats.rejected++;
    inv.endpoint.visits.outcomes[Outcome.failed]++;
  },
  enter: enterInstance,
};

/** The visit at its instance asks for a thread: granted, queued, or rejected (queue full). */
function enterInstance(inv: Invocation): void {
  const inst = inv.instance as Instance;
  const service = inst.service;
  const now = service.sim.now;
  inv.arrivalMs = now;
  inst.outstanding++;
  const g = inst.threads.request(inv);
  if (g === Grant.granted) {
    inst.observeBusy(now);
    service.stats.recordWait(0);
    advance(inv);
  } else if (g === Grant.queued) inst.observeQueue(now);
  else queueFull(inv);
}

/** The instance's queue is full: the visit is rejected at once. */
function queueFull(inv: Invocation): void {
  const inst = inv.instance as Instance;
  const service = inst.service;
  inst.outstanding--;
  service.stats.rejected++;
  inv.error = Outcome.rejected;
  inv.cause = service.rejectedCause;
  inv.endpoint.visits.outcomes[Outcome.rejected]++;
  reply(inv);
}

/**
 * A queued visit is given a thread. Only the queue length changed: the thread was handed over
 * by a release, whose caller records the busy count (a capacity change must record it too).
 */
export function onThreadGranted(inv: Invocation): void {
  const inst = inv.instance as Instance;
  const now = inst.service.sim.now;
  inst.observeQueue(now);
  inst.service.stats.recordWait(now - inv.arrivalMs);
  if (activeTracer !== null) activeTracer.threadGranted(inv, now);
  advance(inv);
}

/** A fault turns the visit away at once: it fails with `cause`, without doing any work. */
function refuseVisit(inv: Invocation, cause: string): void {
  inv.endpoint.service.stats.rejected++;
  inv.error = Outcome.failed;
  inv.cause = cause;
  inv.endpoint.visits.outcomes[Outcome.failed]++;
  reply(inv);
}

/** A visit a hanging instance swallowed fails when the instance comes back (already counted). */
export function resetVisit(inv: Invocation, cause: string): void {
  inv.error = Outcome.failed;
  inv.cause = cause;
  reply(inv);
}

/** A query a hanging database swallowed fails when the database comes back (already counted). */
export function resetQuery(f: Frame, db: DatabaseRuntime<Frame>, cause: string): void {
  f.error = Outcome.failed;
  f.cause = cause;
  if (activeTracer !== null) activeTracer.queryEnded(f, db.id, db.sim.now, Outcome.failed, cause);
  travel(db.sim, (f.current as StepRuntime).hopBack!, advance, f);
}

/** A struck link refuses a request or call: the sender gets an error (the callee never saw it). */
export function refuseCallOnLink(inv: Invocation, cause: string): void {
  inv.error = Outcome.failed;
  inv.cause = cause;
  reply(inv);
}

/** A struck link refuses a query: the querying frame fails. */
export function refuseQueryOnLink(f: Frame, cause: string): void {
  f.error = Outcome.failed;
  f.cause = cause;
  const step = f.current as StepRuntime;
  if (activeTracer !== null)
    activeTracer.queryEnded(f, step.db!.id, step.db!.sim.now, Outcome.failed, cause);
  travel(step.db!.sim, step.hopBack!, advance, f);
}

/** Runs the frame's steps until one has to wait or the frame ends. */
export function advance(f: Frame): void {
  const steps = f.steps;
  while (f.error === 0 && f.pc < steps.length) {
    const step = steps[f.pc++];
    switch (step.kind) {
      case StepKind.cpu:
        startCpu(f, step);
        return;
      case StepKind.sleep: {
        const fs = (f.inv.instance as Instance).fault;
        const ms = step.duration!.sample();
        const sim = f.inv.endpoint.service.sim;
        sim.schedule(fs === null ? ms : fs.stretch(ms * fs.pace, sim.now), advance, f);
        return;
      }
      case StepKind.call:
        startCall(f, step);
        return;
      case StepKind.query:
        startQuery(f, step);
        return;
      case StepKind.parallel:
        startParallel(f, step);
        return;
      case StepKind.branch: {
        const chosen = chooseOption(step);
        if (chosen === null || chosen.length === 0) continue;
        advance(new Frame(f.inv, chosen, f, false));
        return;
      }
      default:
        // every other kind runs through its handler (model/steps/): go on, or wait
        if ((step.handler as StepHandler).run(f, step)) continue;
        return;
    }
  }
  endFrame(f);
}

function endFrame(f: Frame): void {
  const parent = f.parent;
  if (parent === null) {
    endVisit(f.inv);
    return;
  }
  if (f.error !== 0) {
    // a frame that failed lets go of what it holds (a transaction its row lock)
    f.aborted();
    if (parent.error === 0) {
      parent.error = f.error;
      parent.cause = f.cause;
    }
  }
  if (f.inParallel && --parent.pending > 0) return;
  advance(parent);
}

// ── cpu ──────────────────────────────────────────────────────────────────────────────────
function startCpu(f: Frame, step: StepRuntime): void {
  const inst = f.inv.instance as Instance;
  const fs = inst.fault;
  const workMs = fs === null ? step.duration!.sample() : step.duration!.sample() * fs.slow;
  const cores = inst.cores;
  if (cores === null) {
    const sim = f.inv.endpoint.service.sim;
    sim.schedule(fs === null ? workMs : fs.stretch(workMs, sim.now), advance, f);
    return;
  }
  f.workMs = workMs;
  if (cores.request(f) === Grant.granted) onCoreGranted(f);
}

/**
 * A frame gets a CPU core (at once or after queueing) and computes for its work time (longer
 * when it runs into a freeze of its instance).
 */
export function onCoreGranted(f: Frame): void {
  const fs = (f.inv.instance as Instance).fault;
  const sim = f.inv.endpoint.service.sim;
  sim.schedule(fs === null ? f.workMs : fs.stretch(f.workMs, sim.now), endCpu, f);
}

function endCpu(f: Frame): void {
  (f.inv.instance as Instance).cores!.release();
  advance(f);
}

// ── call ─────────────────────────────────────────────────────────────────────────────────
function startCall(f: Frame, step: StepRuntime): void {
  if (step.policy !== null) {
    step.policy.start(f);
    return;
  }
  const req = f.inv.request;
  req.callCount++;
  const child = new Invocation(req, step.target as EndpointRuntime, f);
  child.replyHop = step.hopBack;
  const sim = f.inv.endpoint.service.sim;
  if (step.timeouts !== null) step.timeouts.add(child);
  travel(sim, step.hopOut!, arriveAtService, child);
}

/** Whether a call is still waited for (its timeout may fire). */
export function isCallPending(child: Invocation): boolean {
  return child.callerWaiting;
}

/** The caller stops waiting for `child`: its frame fails with the call's timeout cause. */
export function callTimedOut(child: Invocation): void {
  child.callerWaiting = false;
  const data = child.data;
  if (data !== null) {
    data.waiter.onTimeout?.(child); // a call with policies: its controller decides
    return;
  }
  const f = child.caller as Frame;
  f.error = Outcome.timedOut;
  f.cause = (f.steps[f.pc - 1] as StepRuntime).timeoutCause;
  if (activeTracer !== null) activeTracer.timedOut(child);
  advance(f);
}

// ── end of a visit, replies ──────────────────────────────────────────────────────────────
/** The visit's steps are done: its root frame's error is its outcome. */
function endVisit(inv: Invocation): void {
  const error = inv.error;
  const inst = inv.instance as Instance;
  // a frozen process ends nothing and answers no one until it resumes (model/freeze.ts)
  const fs = inst.fault;
  if (fs !== null && fs.frozen > 0) {
    fs.freeze!.hold(endVisit, inv);
    return;
  }
  const service = inst.service;
  const now = service.sim.now;
  inst.outstanding--;
  const visits = inv.endpoint.visits;
  visits.outcomes[error]++;
  if (error === 0) {
    service.stats.completed++;
    visits.okLatency.record(now - inv.arrivalMs);
  } else {
    service.stats.failed++;
  }
  inst.threads.release();
  inst.observeBusy(now);
  reply(inv);
}

function reply(inv: Invocation): void {
  const sim = inv.endpoint.service.sim;
  if (activeTracer !== null) activeTracer.visitEnded(inv, sim.now);
  if (inv.caller === null) travel(sim, inv.replyHop!, deliverToClient, inv);
  else travel(sim, inv.replyHop!, deliverReply, inv);
}

function deliverReply(inv: Invocation): void {
  if (!inv.callerWaiting) return;
  inv.callerWaiting = false;
  if (inv.data !== null) {
    inv.data.waiter.onReply(inv);
    return;
  }
  const f = inv.caller as Frame;
  if (inv.error !== Outcome.ok) {
    f.error = inv.error;
    f.cause = inv.cause;
  }
  advance(f);
}

function deliverToClient(inv: Invocation): void {
  finishRequest(inv.request, inv.error, inv.cause);
}

/** The client has its answer (or gave up): record it once. */
export function finishRequest(req: Request, outcome: Outcome, cause: string): void {
  if (req.finished) return;
  req.finished = true;
  const entry: Entry = req.entry;
  const now = entry.sim.now;
  entry.metrics.finishedRequest(entry.stats, entry.series, req, outcome, cause, now);
  if (activeTracer !== null) activeTracer.requestFinished(req, outcome, cause, now);
  if (entry.onFinish !== null) entry.onFinish(req, outcome);
}

// ── query ────────────────────────────────────────────────────────────────────────────────
function startQuery(f: Frame, step: StepRuntime): void {
  // a draw is cut at MAX_QUERY_ROWS: a heavy-tailed count could be Infinity, and Infinity × a
  // row time of 0 would make the query's duration NaN
  sendQuery(f, step, Math.min(MAX_QUERY_ROWS, Math.round(step.rows!.sample())));
}

/** Most rows one query reads (validation refuses a larger mean). */
export const MAX_QUERY_ROWS = 1_000_000_000;

/**
 * Sends a query of `rows` rows to the step's database (its joins and bytes per row come from
 * the step); the frame resumes (advance) when the answer is back.
 */
export function sendQuery(f: Frame, step: StepRuntime, rows: number): void {
  const req = f.inv.request;
  req.queryCount++;
  req.rowCount += rows;
  req.byteCount += rows * step.bytesPerRow;
  f.rows = rows;
  f.current = step;
  travel(f.inv.endpoint.service.sim, step.hopOut!, arriveAtDatabase, f);
}

function arriveAtDatabase(f: Frame): void {
  const step = f.current as StepRuntime;
  const db = step.db as DatabaseRuntime<Frame>;
  db.stats.arrivals++;
  const fs = db.fault;
  if (fs?.active && strike(fs, db.sim, f, DATABASE_UNIT)) return;
  enterDatabase(f);
}

/** The database a query frame is at. */
const dbOf = (f: Frame) => (f.current as StepRuntime).db as DatabaseRuntime<Frame>;

/** How faults turn queries away at a database (see strike). */
const DATABASE_UNIT: StruckUnit<Frame> = {
  // refused at once: the frame fails with the cause
  refuse: (f, cause) => {
    dbOf(f).stats.rejected++;
    resetQuery(f, dbOf(f), cause);
  },
  // no answer until the database comes back: counted as turned away now
  swallow: (f) => {
    dbOf(f).stats.rejected++;
  },
  enter: enterDatabase,
};

/** The query at its database asks for a connection: granted, queued, or rejected. */
function enterDatabase(f: Frame): void {
  const step = f.current as StepRuntime;
  const db = step.db as DatabaseRuntime<Frame>;
  const now = db.sim.now;
  f.sinceMs = now;
  const g = db.connections.request(f);
  if (g === Grant.granted) {
    db.observeBusy(now);
    db.stats.recordWait(0);
    runQuery(f, db, step);
  } else if (g === Grant.queued) {
    db.observeQueue(now);
  } else {
    db.stats.rejected++;
    f.error = Outcome.rejected;
    f.cause = db.rejectedCause;
    if (activeTracer !== null) activeTracer.queryEnded(f, db.id, now, Outcome.rejected, f.cause);
    travel(db.sim, step.hopBack!, advance, f);
  }
}

/** A queued query gets a connection (handed over by a release, as for threads). */
export function onConnectionGranted(f: Frame): void {
  const step = f.current as StepRuntime;
  const db = step.db as DatabaseRuntime<Frame>;
  const now = db.sim.now;
  db.observeQueue(now);
  db.stats.recordWait(now - f.sinceMs);
  if (activeTracer !== null) activeTracer.connectionGranted(f, now);
  runQuery(f, db, step);
}

function runQuery(f: Frame, db: DatabaseRuntime<Frame>, step: StepRuntime): void {
  const fs = db.fault;
  const t =
    (fs === null ? 1 : fs.slow) *
    (step.queryTime !== null
      ? step.queryTime.sample()
      : db.queryTime.sample() +
        f.rows * db.rowTime.sample() +
        (step.joins > 0 ? step.joins * db.joinTime.sample() : 0));
  db.sim.schedule(t, endQuery, f);
}

function endQuery(f: Frame): void {
  const step = f.current as StepRuntime;
  const db = step.db as DatabaseRuntime<Frame>;
  db.stats.completed++;
  db.stats.rowsRead += f.rows;
  const bytes = f.rows * step.bytesPerRow;
  db.stats.bytesRead += bytes;
  const back = step.hopBack!;
  back.bytes += bytes; // the rows' bytes travel back on the link (model/network.ts)
  db.connections.release();
  db.observeBusy(db.sim.now);
  if (activeTracer !== null) activeTracer.queryEnded(f, db.id, db.sim.now, Outcome.ok, '');
  travel(db.sim, back, advance, f);
}

// ── parallel and branch ──────────────────────────────────────────────────────────────────
function startParallel(f: Frame, step: StepRuntime): void {
  const branches = step.branches;
  f.pending = branches.length;
  for (let i = 0; i < branches.length; i++) advance(new Frame(f.inv, branches[i], f, true));
}

function chooseOption(step: StepRuntime): StepRuntime[] | null {
  const u = (step.pick as () => number)();
  const cum = step.cumulative as Float64Array;
  for (let i = 0; i < cum.length; i++) if (u < cum[i]) return step.branches[i];
  return null;
}
