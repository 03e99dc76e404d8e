/**
 * The trace recorder of a run (`--trace`, a scenario's `trace:`): the journey calls it at a few
 * points (a visit's reply, a request's answer, a queued visit's thread, a query's end, a call's
 * timeout; the call policies for retries and fallbacks) only while it is active — the journey
 * checks one module variable (`activeTracer`, model/journey.ts), null when tracing is off, so an
 * untraced run does the same work and draws the same random numbers as before.
 *
 * Every request in flight gets its spans recorded as its visits end (cheap: one small object
 * each); when it is answered, it is kept if it is among the K slowest of its entry endpoint so
 * far (a bounded min-heap per endpoint: a faster one is dropped at once, a slower one evicts the
 * fastest kept), if it failed (the first F), or if it is the every-th request answered (the first
 * S such); otherwise its spans are dropped. So memory is bounded by the requests in flight plus
 * K × endpoints + F + S traces. No random draw: sampling is by count, deterministic.
 *
 * CPU and sleep steps, the network hops and the steps of the kinds that hold things over time
 * get spans through marker steps around them (model/trace/step-spans.ts, put into the compiled
 * steps only when the run is traced, so the journey itself gains no check): a marker before the
 * step opens a record on its frame, one after it closes it; the journey's own calls (a visit's
 * reply, a query's end) fill in where a call or query arrived and when its answer left. A hop
 * span runs from the send to the arrival (out) and from the answer to the resumed frame (back).
 *
 * Simplifications: a step that failed (its frame stops before the closing marker) ends its span
 * when its visit ends; a retried call's hop out starts when the attempt is sent, its hop back is
 * drawn for the attempt answered last; a call or query whose caller gave up (timeout) has no hop
 * back; an attempt the caller gave up on (its timeout) has its hop drawn as timed out up to the
 * callee's arrival (or up to the timeout, when the answer was on its way back or it had not
 * arrived); a two-phase commit's prepares and decisions are hops from the coordinator's visit to
 * each participant (model/two-phase.ts), its votes and acknowledgements are not drawn;
 * hops that take no time get no span; a request's span ends when the client has its
 * answer (or gives up); spans of work that goes on after the client gave up are kept when they
 * end while the trace is kept; background work (refreshes, consumers, token syncs, a pending
 * entity's confirmation call) is not traced.
 */
import { OUTCOME_NAMES } from '../../metrics/outcome.ts';
import {
  MAX_SPANS_PER_TRACE,
  type RequestTrace,
  type SpanEvent,
  type SpanKind,
  type TraceOptions,
  type TraceSpan,
} from '../../metrics/traces.ts';
import type { Frame, Invocation, Request } from '../frame.ts';
import { SlowestHeap } from './slowest-heap.ts';
import { spanOf } from './span-of.ts';

/** A step between its markers (model/trace/step-spans.ts): what it is, and its hops so far. */
export interface StepMark {
  /** Its own span's kind (null: only its hops are drawn: a call, a query). */
  readonly span: 'cpu' | 'sleep' | 'step' | null;
  /** Which hops it makes: to a callee and back, to a database and back. */
  readonly hops: 'call' | 'query' | null;
  /** Its span's name, when it ends (`f`: its frame). */
  name(f: Frame): string;
}

/** A step of a frame in progress. */
interface OpenStep {
  readonly mark: StepMark;
  readonly frame: Frame;
  readonly startMs: number;
  /** When its call (or the attempt in flight) or query was sent. */
  sentMs: number;
  /** When the answer left the callee or the database (−1: not yet), and the hop's name. */
  answeredMs: number;
  back: string;
}

/** A span opened now and ended later (a lock held, an entity pending), or null: not traced. */
export type OpenSpan = { readonly b: Building; readonly span: TraceSpan } | null;

/** Spans of a request in flight (or kept), with its visits' span ids. */
interface Building {
  readonly req: Request;
  trace: RequestTrace;
  /** Span ids of its visits below the entry visit, given at first need. */
  ids: Map<Invocation, number>;
  nextId: number;
  /** Events seen on visits not yet ended (added when the visit's span is made). */
  pending: Map<Invocation, SpanEvent[]>;
  /** Steps between their markers, by frame. */
  steps: Map<Frame, OpenStep>;
  /** When the entry visit answered (−1: not yet). */
  entryEndMs: number;
}

/** The span ids of the request and of its visit to the entry service. */
const REQUEST_SPAN = 1;
const ENTRY_VISIT_SPAN = 2;

/** Words of the outcomes in spans. */
const OUTCOME_WORDS: Record<(typeof OUTCOME_NAMES)[number], string> = {
  ok: 'ok',
  rejected: 'rejected',
  timedOut: 'timed out',
  failed: 'failed',
};

const outcomeWord = (o: number) => OUTCOME_WORDS[OUTCOME_NAMES[o]];

/** Records the spans of requests in flight and keeps the selected ones (see the header). */
export class Tracer {
  /** Requests in flight that are traced, and the kept ones (their late spans are still added). */
  readonly #live = new Map<Request, Building>();
  readonly #slowest = new Map<string, SlowestHeap<Building>>();
  readonly #failed: Building[] = [];
  readonly #sampled: Building[] = [];
  /** Thread grants of queued visits; connection grants of queued queries (a visit is its root frame: two maps). */
  readonly #threads = new Map<Invocation, number>();
  readonly #connections = new Map<Frame, number>();
  readonly #keys = new Map<Request, string>();
  #answered = 0;

  constructor(readonly options: TraceOptions) {}

  /**
   * The trace of `req`, made at its first sight; null when it is not traced: sent in the
   * warm-up (like the statistics), by the model itself, or answered and not kept.
   */
  #of(req: Request, answering = false): Building | null {
    const b = this.#live.get(req);
    if (b !== undefined) return b;
    if ((req.finished && !answering) || !req.counted) return null;
    const made: Building = {
      req,
      trace: {
        seq: 0,
        entry: `${req.endpoint.service.id}/${req.endpoint.name}`,
        key: null,
        startMs: req.sentMs,
        endMs: req.sentMs,
        outcome: 'ok',
        cause: '',
        reasons: [],
        spans: [],
        droppedSpans: 0,
      },
      ids: new Map(),
      nextId: ENTRY_VISIT_SPAN + 1,
      pending: new Map(),
      steps: new Map(),
      entryEndMs: -1,
    };
    if ((this.options.replication ?? 1) > 1) made.trace.replication = this.options.replication;
    this.#live.set(req, made);
    return made;
  }

  /** The span id of visit `inv` (the entry visit's is fixed; others' given at first need). */
  #idOf(b: Building, inv: Invocation): number {
    if (inv.caller === null) return ENTRY_VISIT_SPAN;
    let id = b.ids.get(inv);
    if (id === undefined) {
      id = b.nextId++;
      b.ids.set(inv, id);
    }
    return id;
  }

  /** The wait span under span `parent`: from the arrival (no later than the grant) to the grant. */
  #pushWait(
    b: Building,
    parent: number,
    kind: 'thread-wait' | 'connection-wait',
    name: string,
    instance: number,
    arrived: number,
    granted: number,
  ): void {
    this.#push(
      b,
      spanOf(b.nextId++, parent, kind, name, [Math.min(arrived, granted), granted], instance),
    );
  }

  #push(b: Building, span: TraceSpan): void {
    if (b.trace.spans.length >= MAX_SPANS_PER_TRACE) b.trace.droppedSpans++;
    else b.trace.spans.push(span);
  }

  /** The request a replayed log sent carries `key`. */
  keyOf(req: Request, key: string): void {
    if (req.counted) this.#keys.set(req, key);
  }

  /** A queued visit got its thread at `nowMs`. */
  threadGranted(inv: Invocation, nowMs: number): void {
    if (this.#of(inv.request) !== null) this.#threads.set(inv, nowMs);
  }

  /** A queued query of frame `f` got its connection at `nowMs`. */
  connectionGranted(f: Frame, nowMs: number): void {
    if (this.#of(f.inv.request) !== null) this.#connections.set(f, nowMs);
  }

  /** Visit `inv` replies at `nowMs` (done, failed or turned away). */
  visitEnded(inv: Invocation, nowMs: number): void {
    const granted = this.#threads.get(inv);
    if (granted !== undefined) this.#threads.delete(inv);
    const b = this.#of(inv.request);
    if (b === null) return;
    const id = this.#idOf(b, inv);
    b.ids.delete(inv);
    // a visit turned away before it took its place at an instance (a struck link, the rate
    // limiter, a fault at arrival) has no arrival time (0): its span starts as it ends
    const arrived =
      inv.arrivalMs > 0 || (inv.instance !== null && inv.request.sentMs === 0)
        ? Math.min(inv.arrivalMs, nowMs)
        : nowMs;
    const instance = inv.instance?.index ?? -1;
    const service = inv.endpoint.service.id;
    const events = b.pending.get(inv) ?? [];
    b.pending.delete(inv);
    const caller = inv.caller;
    if (caller === null) {
      this.#hop(b, REQUEST_SPAN, `client → ${service}`, inv.request.sentMs, arrived);
      b.entryEndMs = nowMs;
    } else {
      const o = b.steps.get(caller);
      // a call's answer the caller still waits for (not an attempt it gave up on)
      if (o !== undefined && o.mark.hops === 'call' && inv.callerWaiting) {
        const from = caller.inv.endpoint.service.id;
        this.#hop(b, this.#idOf(b, caller.inv), `${from} → ${service}`, o.sentMs, arrived);
        o.answeredMs = nowMs;
        o.back = `${service} → ${from}`;
      }
    }
    if (b.steps.size > 0) this.#closeStepsOf(b, inv, nowMs);
    this.#push(b, {
      id,
      parent: caller === null ? REQUEST_SPAN : this.#idOf(b, caller.inv),
      kind: 'visit',
      name: `${service}/${inv.endpoint.name}`,
      startMs: arrived,
      endMs: nowMs,
      instance,
      outcome: outcomeWord(inv.error),
      cause: inv.cause,
      events,
    });
    if (granted !== undefined)
      this.#pushWait(
        b,
        id,
        'thread-wait',
        `${service}: waiting for a thread`,
        instance,
        arrived,
        granted,
      );
  }

  /** A query of frame `f` at database `db` ended at `nowMs`, answered or not. */
  queryEnded(f: Frame, db: string, nowMs: number, outcome: number, cause: string): void {
    const granted = this.#connections.get(f);
    if (granted !== undefined) this.#connections.delete(f);
    const b = this.#of(f.inv.request);
    if (b === null) return;
    // sinceMs is the arrival at the database (undefined when refused before it arrived)
    const arrived = Number.isFinite(f.sinceMs) ? Math.min(f.sinceMs, nowMs) : nowMs;
    const o = b.steps.get(f);
    if (o !== undefined && o.mark.hops === 'query') {
      const from = f.inv.endpoint.service.id;
      this.#hop(b, this.#idOf(b, f.inv), `${from} → ${db}`, o.sentMs, arrived);
      o.answeredMs = nowMs;
      o.back = `${db} → ${from}`;
    }
    const id = b.nextId++;
    this.#push(b, {
      id,
      parent: this.#idOf(b, f.inv),
      kind: 'query',
      name: db,
      startMs: arrived,
      endMs: nowMs,
      instance: -1,
      outcome: outcomeWord(outcome),
      cause,
      events: [],
    });
    if (granted !== undefined)
      this.#pushWait(
        b,
        id,
        'connection-wait',
        `${db}: waiting for a connection`,
        -1,
        arrived,
        granted,
      );
  }

  /** The caller of `child` stopped waiting for it (the call's timeout). */
  timedOut(child: Invocation): void {
    const caller = child.caller;
    if (caller === null) return;
    const now = child.endpoint.service.sim.now;
    this.event(caller.inv, 'timeout', now, `${child.endpoint.service.id}/${child.endpoint.name}`);
    this.attemptAbandoned(child, now);
  }

  /**
   * The caller gave up on the call attempt `child` at `nowMs` (its timeout): the hop the attempt
   * was on is a span of its own, timed out — the hop out (from the send to the callee's arrival,
   * or to now when it had not arrived), or the answer's hop back when the answer was on its way.
   * The visit the attempt made ends on its own (a visit span as any other, nobody waiting).
   */
  attemptAbandoned(child: Invocation, nowMs: number): void {
    const caller = child.caller;
    if (caller === null) return;
    const b = this.#live.get(child.request);
    const o = b?.steps.get(caller);
    if (b === undefined || o === undefined || o.mark.hops !== 'call') return;
    const parent = this.#idOf(b, caller.inv);
    const from = caller.inv.endpoint.service.id;
    const to = child.endpoint.service.id;
    const cause = `abandoned: the caller's timeout (${from} → ${to}/${child.endpoint.name})`;
    if (o.answeredMs >= 0) {
      this.#hop(b, parent, o.back, o.answeredMs, nowMs, 'timed out', cause);
      o.answeredMs = -1;
      return;
    }
    const arrived = child.arrivalMs > 0 ? Math.min(child.arrivalMs, nowMs) : nowMs;
    this.#hop(b, parent, `${from} → ${to}`, o.sentMs, arrived, 'timed out', cause);
  }

  /**
   * A message of visit `inv` sent outside its marked steps' hops (a two-phase commit's prepare
   * or decision to a participant): a hop span from `startMs` to `endMs` (none when it took no
   * time), kept when the request's trace is.
   */
  message(inv: Invocation, name: string, startMs: number, endMs: number): void {
    if (!(endMs > startMs)) return;
    this.close(this.open(inv, 'hop', name, startMs), endMs);
  }

  /** Something happened to visit `inv` at `nowMs` (a timeout of its call, a retry …). */
  event(inv: Invocation, name: SpanEvent['name'], nowMs: number, detail: string): void {
    const b = this.#of(inv.request);
    if (b === null) return;
    const e = { name, atMs: nowMs, detail };
    const list = b.pending.get(inv);
    if (list === undefined) b.pending.set(inv, [e]);
    else list.push(e);
  }

  /** A hop span from `startMs` to `endMs` under span `parent` (none when it took no time). */
  #hop(
    b: Building,
    parent: number,
    name: string,
    startMs: number,
    endMs: number,
    outcome = 'ok',
    cause = '',
  ): void {
    if (endMs > startMs)
      this.#push(b, spanOf(b.nextId++, parent, 'hop', name, [startMs, endMs], -1, outcome, cause));
  }

  /** Frame `f` starts the step marked `mark` (model/trace/step-spans.ts). */
  stepBegan(f: Frame, mark: StepMark, nowMs: number): void {
    const b = this.#of(f.inv.request);
    if (b === null) return;
    b.steps.set(f, { mark, frame: f, startMs: nowMs, sentMs: nowMs, answeredMs: -1, back: '' });
  }

  /** The call of frame `f` sends an attempt at `nowMs` (a retry: its hop out starts then). */
  callSent(f: Frame, nowMs: number): void {
    const o = this.#live.get(f.inv.request)?.steps.get(f);
    if (o !== undefined) o.sentMs = nowMs;
  }

  /** Frame `f` is past the step it began (the closing marker). */
  stepEnded(f: Frame, nowMs: number): void {
    const b = this.#live.get(f.inv.request);
    const o = b?.steps.get(f);
    if (b === undefined || o === undefined) return;
    b.steps.delete(f);
    this.#endStep(b, o, nowMs, outcomeWord(f.error), f.cause);
  }

  #endStep(b: Building, o: OpenStep, nowMs: number, outcome: string, cause: string): void {
    const parent = this.#idOf(b, o.frame.inv);
    if (o.answeredMs >= 0) this.#hop(b, parent, o.back, o.answeredMs, nowMs);
    if (o.mark.span === null) return;
    const name = o.mark.name(o.frame);
    this.#push(
      b,
      spanOf(b.nextId++, parent, o.mark.span, name, [o.startMs, nowMs], -1, outcome, cause),
    );
  }

  /** Steps of visit `inv` left open (their frame failed): they end with the visit. */
  #closeStepsOf(b: Building, inv: Invocation, nowMs: number): void {
    for (const [f, o] of b.steps)
      if (f.inv === inv) {
        b.steps.delete(f);
        this.#endStep(b, o, nowMs, outcomeWord(f.error), f.cause);
      }
  }

  /** Opens a span of `kind` under visit `inv` from `startMs` (ended by `close`). */
  open(inv: Invocation, kind: SpanKind, name: string, startMs: number): OpenSpan {
    const b = this.#of(inv.request);
    if (b === null) return null;
    return { b, span: spanOf(b.nextId++, this.#idOf(b, inv), kind, name, [startMs, startMs]) };
  }

  /** Ends a span `open` gave at `nowMs` (kept when its request's trace still is). */
  close(o: OpenSpan, nowMs: number, outcome = 'ok', cause = ''): void {
    if (o === null || this.#live.get(o.b.req) !== o.b) return;
    o.span.endMs = nowMs;
    o.span.outcome = outcome;
    o.span.cause = cause;
    this.#push(o.b, o.span);
  }

  /** A span of `kind` under visit `inv`, from `startMs` to `endMs`. */
  span(inv: Invocation, kind: SpanKind, name: string, startMs: number, endMs: number): void {
    this.close(this.open(inv, kind, name, startMs), endMs);
  }

  /** The client has the answer of `req` (or gave up) at `nowMs`: keep its trace or drop it. */
  requestFinished(req: Request, outcome: number, cause: string, nowMs: number): void {
    const b = this.#of(req, true);
    if (b === null) return;
    this.#answered++;
    const t = b.trace;
    t.seq = this.#answered;
    t.endMs = nowMs;
    t.outcome = outcomeWord(outcome);
    t.cause = cause;
    t.key = this.#keys.get(req) ?? null;
    this.#keys.delete(req);
    if (b.entryEndMs >= 0)
      this.#hop(b, REQUEST_SPAN, `${req.endpoint.service.id} → client`, b.entryEndMs, nowMs);
    t.spans.unshift({
      id: REQUEST_SPAN,
      parent: 0,
      kind: 'request',
      name: t.entry,
      startMs: t.startMs,
      endMs: nowMs,
      instance: -1,
      outcome: t.outcome,
      cause,
      events: [],
    });
    const o = this.options;
    if (outcome !== 0 && this.#failed.length < o.failed) {
      t.reasons.push('failed');
      this.#failed.push(b);
    }
    if (o.every > 0 && this.#answered % o.every === 0 && this.#sampled.length < o.sampled) {
      t.reasons.push('sampled');
      this.#sampled.push(b);
    }
    let heap = this.#slowest.get(t.entry);
    if (heap === undefined) {
      heap = new SlowestHeap<Building>(o.slowest);
      this.#slowest.set(t.entry, heap);
    }
    const out = heap.offer(b);
    if (out !== b) t.reasons.push('slowest');
    if (out !== null && out !== b) {
      out.trace.reasons = out.trace.reasons.filter((r) => r !== 'slowest');
      if (out.trace.reasons.length === 0) this.#live.delete(out.req);
    }
    if (t.reasons.length === 0) this.#live.delete(req);
  }

  /** The traces kept, slowest first (by duration; ties by the order they were answered). */
  traces(): RequestTrace[] {
    const kept = new Set<Building>([...this.#failed, ...this.#sampled]);
    for (const h of this.#slowest.values()) for (const b of h.items) kept.add(b);
    return [...kept]
      .map((b) => ({
        ...b.trace,
        spans: [...b.trace.spans].sort((x, y) => x.startMs - y.startMs || x.id - y.id),
      }))
      .sort((a, b) => b.endMs - b.startMs - (a.endMs - a.startMs) || a.seq - b.seq);
  }
}
