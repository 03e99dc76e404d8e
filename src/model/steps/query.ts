/**
 * `query`: a round trip to a database that waits for a connection and runs for queryTime +
 * rows × rowTime (or the step's own time). Run inline by the interpreter (startQuery in
 * model/journey.ts).
 */
import type { StepDef } from '../../scenario/types.ts';
import type { InlineStepKind } from './step-kind.ts';

type QueryDef = Extract<StepDef, { kind: 'query' }>;

export const query: InlineStepKind<QueryDef> = {
  kind: 'query',
  inline(def, { serviceId, where }, ctx) {
    const step = ctx.queryStep(serviceId, def.db);
    step.rows = ctx.dist(def.rows, `${where}/rows`);
    step.queryTime = def.time === undefined ? null : ctx.dist(def.time, `${where}/query-time`);
    return step;
  },
};
