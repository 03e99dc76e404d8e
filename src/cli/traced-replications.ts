/**
 * Which replications of `msasim run`/`compare` record request traces, with which options, and
 * how the traces of several replications are kept for the report: the command line's `--trace`
 * options over the scenario's `trace:` section; `--trace-replication` (else
 * `trace.replication`, else the first) picks the replication traced, or all of them.
 */
import type { RunResult } from '../metrics/summary.ts';
import { TRACE_DEFAULTS, type TraceOptions } from '../metrics/traces.ts';
import type { Scenario, TraceDef } from '../scenario/types.ts';

/** The command line's tracing options. */
export interface TraceChoice {
  /** Record request traces (else only when the scenario has a `trace:` section). */
  trace?: boolean;
  /** With tracing: the slowest kept per entry endpoint, one in how many kept. */
  traceSlowest?: number;
  traceEvery?: number;
  /** With tracing: the replication traced (default: the scenario's trace.replication, else 1), or every one. */
  traceReplication?: number | 'all';
}

/**
 * The trace options of a run of `scenario`: its `trace:` section, or the defaults when the
 * command line asks for tracing, with the command line's counts over both; undefined: none.
 */
export function traceOptionsOf(scenario: Scenario, opts: TraceChoice): TraceOptions | undefined {
  const asked =
    opts.trace ||
    opts.traceSlowest !== undefined ||
    opts.traceEvery !== undefined ||
    opts.traceReplication !== undefined;
  const section = scenario.trace ?? (asked ? TRACE_DEFAULTS : undefined);
  if (section === undefined) return undefined;
  // which replication is traced is the run's choice (tracedReplication), not the recorder's
  const { replication: _, ...base } = section as TraceDef;
  return {
    ...base,
    ...(opts.traceSlowest === undefined ? {} : { slowest: opts.traceSlowest }),
    ...(opts.traceEvery === undefined ? {} : { every: opts.traceEvery }),
  };
}

/** The trace options of replication `r` of `scenario`: null when it is not traced. */
export function tracingOf(scenario: Scenario, opts: TraceChoice, r: number): TraceOptions | null {
  const base = traceOptionsOf(scenario, opts);
  if (base === undefined || !isTracedReplication(r, tracedReplication(scenario, opts))) return null;
  return r === 1 ? base : { ...base, replication: r };
}

/**
 * The replication traced: `--trace-replication`, else the scenario's `trace.replication`
 * (undefined: the first).
 */
export function tracedReplication(
  scenario: Scenario,
  opts: Pick<TraceChoice, 'traceReplication'>,
): number | 'all' | undefined {
  return opts.traceReplication ?? scenario.trace?.replication;
}

/** Whether replication `r` is the one traced (or one of them: `--trace-replication all`). */
export function isTracedReplication(r: number, which: number | 'all' | undefined): boolean {
  return which === 'all' || r === (which ?? 1);
}

/**
 * Adds the traces of another replication (`result`, a run of this thread or a worker's plain
 * data) to those kept for the report (on the first replication's result, which the report
 * shows): slowest first, ties by replication then by the order answered, as the tracer sorts
 * one replication's.
 */
export function keepTraces(first: RunResult, result: Pick<RunResult, 'traces'>): void {
  if (result === first || result.traces === undefined) return;
  const all = [...(first.traces ?? []), ...result.traces];
  all.sort(
    (a, b) =>
      b.endMs - b.startMs - (a.endMs - a.startMs) ||
      (a.replication ?? 1) - (b.replication ?? 1) ||
      a.seq - b.seq,
  );
  first.traces = all;
}
