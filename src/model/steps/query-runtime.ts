/**
 * The runtime part of `query` (query.ts says what it does and holds its language part): run inline
 * by the interpreter (startQuery in model/journey.ts), compiled with its database, rows and time.
 */

import { type QueryDef, type QueryRaw, querySyntax } from './query.ts';
import type { InlineStepKind } from './step-kind.ts';

export const query: InlineStepKind<QueryRaw, QueryDef> = {
  ...querySyntax,
  inline(def, { serviceId, where }, ctx) {
    const step = ctx.queryStep(serviceId, def.db);
    step.rows = ctx.dist(def.rows, `${where}/rows`);
    step.queryTime = def.time === undefined ? null : ctx.dist(def.time, `${where}/query-time`);
    return step;
  },
};
