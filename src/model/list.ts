/**
 * The list screen: an endpoint shows M rows of its own table, and each row references keys in
 * other services' key spaces (customer name, code, manager, department…). Four strategies
 * resolve the references, selectable per step, per scenario or per variant:
 *   join        one query in one (monolith) database joining every referenced table;
 *   n+1         one call per row per reference, one after the other, each a 1-key lookup;
 *   batch       one call per reference carrying the distinct keys (an IN query), in parallel;
 *   batch+cache look every key up in the instance's cache first; one call per reference for
 *               the distinct misses only; fill the cache with the answers.
 * A list step waits several times (query, then calls); it keeps its state in a ListJob on the
 * frame and runs again on each resume. Rows read: join M·(1+R); the others M for the own table
 * plus one row per key fetched. Simplifications: calls made by a list step have no timeout;
 * cache lookups take no time; keys are fetched with the version current when the reply arrives;
 * a screen shows at most MAX_LIST_ROWS rows (a draw above is cut there; validation refuses a
 * larger mean).
 */
import type { KeySampler } from '../engine/index.ts';
import { Outcome } from '../metrics/outcome.ts';
import type { CacheRuntime } from './cache/cache-runtime.ts';
import type { CacheOp, CacheWaiter } from './cache/distributed-cache.ts';
import { CallData, type Frame, Invocation, type ReplyWaiter, type StepRuntime } from './frame.ts';
import { advance, arriveAtService, sendQuery } from './journey.ts';
import type { KeySpaceRuntime } from './key-space.ts';
import { type Hop, travel } from './network.ts';
import type { RefreshRuntime } from './refresh.ts';
import type { EndpointRuntime, Instance } from './service.ts';

/** Most rows one list step shows (its keys are drawn into one array per request). */
export const MAX_LIST_ROWS = 100_000;

/** Strategies as small integers. */
export const ListStrategyCode = { join: 0, nPlusOne: 1, batch: 2, batchCache: 3 } as const;

/** One reference of a list row: a key space, how keys are drawn, who serves them. */
export interface ListRefRuntime {
  keySpace: KeySpaceRuntime;
  sampler: KeySampler;
  target: EndpointRuntime;
  hopOut: Hop;
  hopBack: Hop;
  /** An in-memory table refreshed periodically (the reference needs no call), or null. */
  refresh: RefreshRuntime | null;
  /** Calls carry their keys (the scenario has sharded databases that route by key). */
  carryKeys: boolean;
}

/** A compiled list step. */
export interface ListRuntime {
  strategy: number;
  rows: { sample(): number };
  refs: ListRefRuntime[];
  /** Query of the caller's own table (null for join, or when the list has no own table). */
  ownQuery: StepRuntime | null;
  /** The JOIN query (strategy join). */
  joinQuery: StepRuntime | null;
  cache: CacheRuntime | null;
  /** Hops to and from a distributed cache (null otherwise). */
  cacheHopOut: Hop | null;
  cacheHopBack: Hop | null;
}

const Phase = { start: 0, refs: 1, nPlusOne: 2, waitAll: 3, done: 4 } as const;

/** The state of one execution of a list step between its waits. */
export class ListJob implements ReplyWaiter, CacheWaiter {
  phase: number = Phase.start;
  rows = 0;
  cursor = 0;
  pending = 0;
  error: Outcome = 0;
  cause = '';
  /** Per reference: the distinct keys that missed the cache, to fill when they arrive. */
  readonly misses: (Int32Array | null)[];
  constructor(readonly list: ListRuntime) {
    this.misses = list.refs.map(() => null);
  }
  onReply(inv: Invocation): void {
    listReply(this, inv);
  }
  cacheAnswered(op: CacheOp): void {
    remoteAnswer(this, op);
  }
}

/**
 * Runs the list step of frame `f` as far as it can. Returns true when the step is complete
 * (the frame moves on), false when it started something to wait for (it runs again after).
 */
export function continueList(f: Frame, list: ListRuntime): boolean {
  let job = f.job as ListJob | null;
  if (job === null) {
    job = new ListJob(list);
    f.job = job;
  }
  for (;;) {
    switch (job.phase) {
      case Phase.start:
        job.rows = Math.min(MAX_LIST_ROWS, Math.max(0, Math.round(list.rows.sample())));
        if (list.strategy === ListStrategyCode.join) {
          const r = list.refs.length;
          job.phase = Phase.done;
          sendQuery(f, list.joinQuery!, job.rows * (1 + r));
          return false;
        }
        job.phase = Phase.refs;
        if (list.ownQuery !== null) {
          sendQuery(f, list.ownQuery, job.rows);
          return false;
        }
        break;
      case Phase.refs:
        if (list.strategy === ListStrategyCode.nPlusOne) {
          job.phase = Phase.nPlusOne;
          break;
        }
        job.phase = Phase.waitAll;
        // hold one pending count while launching, so replies that arrive at once (a zero-latency
        // rejection) cannot complete the step in the middle of the launch
        job.pending++;
        if (list.strategy === ListStrategyCode.batch) startBatches(f, job);
        else startCachedBatches(f, job);
        if (--job.pending > 0) return false;
        failFrameIfJobFailed(f, job);
        break;
      case Phase.nPlusOne: {
        // one call at a time: row by row, reference by reference
        const r = list.refs.length;
        if (job.cursor < job.rows * r && job.error === 0) {
          const i = job.cursor % r;
          job.cursor++;
          const ref = list.refs[i];
          const key = ref.sampler.next();
          if (ref.refresh !== null) {
            ref.refresh.read(f.inv.instance as Instance, key);
            break;
          }
          job.pending++;
          scratch[0] = key; // callForKeys copies what it carries
          callForKeys(f, job, i, 1, scratch);
          if (--job.pending > 0) return false;
          break; // answered at once (rejected): go on with the next call
        }
        job.phase = Phase.done;
        failFrameIfJobFailed(f, job);
        break;
      }
      case Phase.waitAll:
        job.phase = Phase.done;
        break;
      default:
        f.job = null;
        return true;
    }
  }
}

/** One call per reference with the distinct keys of the list. */
function startBatches(f: Frame, job: ListJob): void {
  const refs = job.list.refs;
  for (let i = 0; i < refs.length; i++) {
    const keys = drawKeys(refs[i].sampler, job.rows);
    if (readFromMemory(f, refs[i], keys, job.rows)) continue;
    const distinct = sortUnique(keys, job.rows);
    if (distinct > 0) callForKeys(f, job, i, distinct, keys);
  }
}

/**
 * Cache first; one call per reference for the distinct misses. A local or replicated cache
 * answers at once; a distributed one answers after a round trip (remoteAnswer).
 */
function startCachedBatches(f: Frame, job: ListJob): void {
  const list = job.list;
  const cache = list.cache!;
  const inst = f.inv.instance as Instance;
  for (let i = 0; i < list.refs.length; i++) {
    const ref = list.refs[i];
    const keys = drawKeys(ref.sampler, job.rows);
    if (readFromMemory(f, ref, keys, job.rows)) continue;
    if (cache.remote !== null) {
      job.pending++;
      cache.remote.lookup(
        f,
        job,
        i,
        ref.keySpace,
        keys.slice(0, job.rows),
        list.cacheHopOut!,
        list.cacheHopBack!,
      );
      continue;
    }
    const store = cache.storeFor(inst);
    const missCount = cache.lookup(
      store,
      ref.keySpace,
      keys,
      job.rows,
      f.inv.endpoint.service.sim.now,
    );
    fetchMisses(f, job, i, keys, missCount);
  }
}

/** A reference kept in a refreshed in-memory table is read there; returns whether it was. */
function readFromMemory(f: Frame, ref: ListRefRuntime, keys: Int32Array, n: number): boolean {
  if (ref.refresh === null) return false;
  const inst = f.inv.instance as Instance;
  for (let j = 0; j < n; j++) ref.refresh.read(inst, keys[j]);
  return true;
}

/** Calls the owner for the distinct keys among keys[0..missCount) and remembers them to fill. */
function fetchMisses(
  f: Frame,
  job: ListJob,
  refIndex: number,
  keys: Int32Array,
  missCount: number,
): void {
  const distinct = sortUnique(keys, missCount);
  if (distinct === 0) return;
  job.misses[refIndex] = keys.slice(0, distinct);
  callForKeys(f, job, refIndex, distinct, keys);
}

/** A distributed cache answered a lookup: fetch its misses, and resume when all are in. */
function remoteAnswer(job: ListJob, op: CacheOp): void {
  const f = op.frame!;
  job.pending++; // hold the step while the misses' call is launched
  fetchMisses(f, job, op.refIndex, op.keys, op.misses);
  job.pending--;
  if (--job.pending > 0) return;
  failFrameIfJobFailed(f, job);
  advance(f);
}

function callForKeys(
  f: Frame,
  job: ListJob,
  refIndex: number,
  keyCount: number,
  keys: Int32Array | null = null,
): void {
  const ref = job.list.refs[refIndex];
  const req = f.inv.request;
  req.callCount++;
  const child = new Invocation(req, ref.target, f);
  child.replyHop = ref.hopBack;
  // a sharded owner routes by key: carry the keys themselves
  const carried = ref.carryKeys && keys !== null ? keys.slice(0, keyCount) : null;
  child.data = new CallData(job, keyCount, carried, refIndex);
  job.pending++;
  travel(f.inv.endpoint.service.sim, ref.hopOut, arriveAtService, child);
}

/** A call made by a list step is answered: fill the cache, and resume when all are in. */
function listReply(job: ListJob, inv: Invocation): void {
  const f = inv.caller as Frame;
  if (inv.error !== Outcome.ok) {
    if (job.error === 0) {
      job.error = inv.error;
      job.cause = inv.cause;
    }
  } else {
    const refIndex = (inv.data as CallData).refIndex;
    const missed = job.misses[refIndex];
    if (missed !== null) fillCache(f, job, refIndex, missed);
  }
  if (--job.pending > 0) return;
  failFrameIfJobFailed(f, job);
  advance(f);
}

/** The first failure among the step's calls becomes the frame's (the rest of it is skipped). */
function failFrameIfJobFailed(f: Frame, job: ListJob): void {
  if (job.error !== 0 && f.error === 0) {
    f.error = job.error;
    f.cause = job.cause;
  }
}

function fillCache(f: Frame, job: ListJob, refIndex: number, keys: Int32Array): void {
  const list = job.list;
  const cache = list.cache!;
  const ks = list.refs[refIndex].keySpace;
  if (cache.remote !== null)
    cache.remote.writeBack(ks, keys, list.cacheHopOut!, f.inv.endpoint.service.id);
  else cache.fill(f.inv.instance as Instance, ks, keys);
}

// Scratch space for keys: list steps run one at a time (the simulation is single-threaded and
// a list's keys are consumed before it waits), so one growing buffer serves them all.
let scratch = new Int32Array(256);

function drawKeys(sampler: KeySampler, n: number): Int32Array {
  if (scratch.length < n) scratch = new Int32Array(Math.max(n, scratch.length * 2));
  for (let i = 0; i < n; i++) scratch[i] = sampler.next();
  return scratch;
}

/** Sorts keys[0..n) in place and moves the distinct ones to the front; returns their count. */
export function sortUnique(keys: Int32Array, n: number): number {
  if (n === 0) return 0;
  keys.subarray(0, n).sort();
  let u = 1;
  for (let i = 1; i < n; i++) if (keys[i] !== keys[u - 1]) keys[u++] = keys[i];
  return u;
}
