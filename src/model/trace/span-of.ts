/**
 * The span object the trace recorder (tracer.ts) pushes, made in one place: a span of `kind`
 * from `startMs` to `endMs` under span `parent`, at an instance (−1: none), with its outcome.
 */
import type { SpanKind, TraceSpan } from '../../metrics/traces.ts';

export function spanOf(
  id: number,
  parent: number,
  kind: SpanKind,
  name: string,
  [startMs, endMs]: readonly [number, number],
  instance = -1,
  outcome = 'ok',
  cause = '',
): TraceSpan {
  return { id, parent, kind, name, startMs, endMs, instance, outcome, cause, events: [] };
}
