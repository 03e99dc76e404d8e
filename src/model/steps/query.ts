/**
 * `query`: a round trip to a database (`- query: orders-db`, or with `rows`, a fixed `time`, a
 * `label`) that waits for a connection and runs for queryTime + rows × rowTime (or the step's own
 * time). Without `db`, the service's `database:`. Run inline by the interpreter (startQuery in
 * model/journey.ts).
 */
import * as z from 'zod';
import type { DistributionSpec } from '../../engine/index.ts';
import { meanOf } from '../../scenario/check-limits.ts';
import { countDist, durationDist } from '../../scenario/dist-spec.ts';
import type { UnlocatedIssue } from '../../scenario/issues.ts';
import { LIMITS } from '../../scenario/limits.ts';
import * as msg from '../../scenario/messages.ts';
import { checkDatabaseRef, errorAt } from '../../scenario/names.ts';
import { CountDist, DurationDist, id } from '../../scenario/schema.ts';
import { declareSyntax, longForm, nameAt } from './declare-syntax.ts';

const QueryStep = z.strictObject({
  query: z.union([
    id,
    z.strictObject({
      db: id.optional(),
      rows: CountDist.optional(),
      time: DurationDist.optional(),
      label: z.string().optional(),
    }),
  ]),
});

/** A query step, normalized. */
export interface QueryDef {
  kind: 'query';
  db: string;
  rows: DistributionSpec;
  time?: DistributionSpec;
  label: string;
}

/** A query step as parsed. */
export type QueryRaw = z.output<typeof QueryStep>;

export const querySyntax = declareSyntax<QueryRaw, QueryDef>('query', QueryStep, {
  normalize(raw, { serviceDb }) {
    const q = longForm(raw.query, 'db');
    const db = (q.db ?? serviceDb) as string;
    return {
      db,
      rows: q.rows === undefined ? { kind: 'constant', value: 1 } : countDist(q.rows),
      time: q.time === undefined ? undefined : durationDist(q.time),
      label: q.label ?? `query ${db}`,
    };
  },
  check(raw, at, { doc, names, serviceId }) {
    const q = longForm(raw.query, 'db');
    const issues: UnlocatedIssue[] = [];
    if (q.rows !== undefined) {
      const written = q.rows;
      const rows = meanOf(() => countDist(written));
      if (rows > LIMITS.queryRows)
        issues.push(
          errorAt(msg.overLimit('rows', LIMITS.queryRows, rows), [...at, 'query', 'rows']),
        );
    }
    if (q.db !== undefined)
      return [...issues, ...checkDatabaseRef(q.db, nameAt(raw.query, at, 'query', 'db'), names)];
    if (doc.services[serviceId].database === undefined)
      issues.push(errorAt(msg.queryWithoutDatabase(serviceId, names.databases), [...at, 'query']));
    return issues;
  },
});
