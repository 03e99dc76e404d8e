/**
 * Request traces as data (what `--trace` or a scenario's `trace:` records; made by
 * model/trace/tracer.ts, exported as OTLP/JSON and drawn as a waterfall by
 * report/features/traces/): a trace is one request, its spans the visits it made (with the
 * instance that served each), the waits for a thread and for a database connection, its
 * queries, the CPU and sleep steps of each visit, the network hops (of the request, its calls
 * and its queries), and the work of the kinds that hold things over time (a two-phase
 * commit's rounds and row locks, an entity kept pending, an event store's replay); timeouts,
 * retries, fallbacks and refusals are events on the visit that saw them. Times are simulated
 * ms from the start of the run.
 */

import type { TraceDef } from '../scenario/types.ts';

/** What a span stands for. */
export type SpanKind =
  | 'request'
  | 'visit'
  | 'thread-wait'
  | 'query'
  | 'connection-wait'
  /** A cpu step (with its wait for a core, if the instance has few), a sleep step. */
  | 'cpu'
  | 'sleep'
  /** A message on the network: the request or reply, a call or its reply, a query or its rows. */
  | 'hop'
  /** A step of another kind that takes time (twoPhaseCommit, eventStore …), named by its kind. */
  | 'step'
  /** A two-phase commit's decision round (from the decision to the last participant's release). */
  | 'round'
  /** A participant's row lock: waiting for it (lock-wait), holding it (lock). */
  | 'lock-wait'
  | 'lock'
  /** An entity kept pending until its confirmation (or cancellation) arrived. */
  | 'pending';

/** Something that happened at one instant of a span. */
export interface SpanEvent {
  name: 'timeout' | 'retry' | 'fallback' | 'short-circuit' | 'bulkhead-full';
  atMs: number;
  /** What it was about (the endpoint called, the cause). */
  detail: string;
}

/** One span of a trace. Ids are 1-based within the trace; the request's span is 1. */
export interface TraceSpan {
  id: number;
  /** The parent span's id (0 for the request's span). */
  parent: number;
  kind: SpanKind;
  /** `service/endpoint` (request, visit), the database (query, connection wait). */
  name: string;
  startMs: number;
  endMs: number;
  /** The instance that served a visit (0-based), or the shard of a query; −1 when none. */
  instance: number;
  /** 'ok', or the outcome of a failure ('failed', 'rejected', 'timed out'). */
  outcome: string;
  /** The root cause of a failure ('' when ok). */
  cause: string;
  events: SpanEvent[];
}

/** Why a trace was kept. */
export type TraceReason = 'slowest' | 'failed' | 'sampled';

/** One request's trace. */
export interface RequestTrace {
  /** The request's number in the order the run finished them (1-based); unique in a run. */
  seq: number;
  /** The replication it was traced in, when not the first (`--trace-replication`). */
  replication?: number;
  /** The entry endpoint (`service/endpoint`). */
  entry: string;
  /** The key the replayed log gave it, or null. */
  key: string | null;
  startMs: number;
  endMs: number;
  outcome: string;
  cause: string;
  reasons: TraceReason[];
  spans: TraceSpan[];
  /** Spans left out past the cap on spans per trace. */
  droppedSpans: number;
}

/**
 * What a run keeps of its traces (the scenario's `trace:`, or `--trace`), and the replication
 * it is (absent or 1: the first; its traces and their ids are then as before replications could
 * be traced).
 */
export type TraceOptions = Omit<TraceDef, 'replication'> & { replication?: number };

/** What `--trace` keeps when the scenario says nothing (the defaults of its `trace:` too). */
export const TRACE_DEFAULTS: TraceOptions = { slowest: 5, failed: 20, every: 1000, sampled: 20 };

/** Most spans kept per trace (a list of 100 rows calling per row makes hundreds). */
export const MAX_SPANS_PER_TRACE = 2000;
