/**
 * `list`: a screen of M rows of the caller's table, each referencing keys in other services'
 * key spaces, resolved by one of four strategies (join, n+1, batch, batch+cache). The step
 * waits several times: it keeps its state in a ListJob on the frame and runs again on each
 * resume (model/list.ts).
 */
import * as z from 'zod';
import type { DistributionSpec, KeyDistributionSpec } from '../../engine/index.ts';
import { meanOf } from '../../scenario/check-limits.ts';
import { countDist, keyAccess } from '../../scenario/dist-spec.ts';
import type { DocPath, UnlocatedIssue } from '../../scenario/issues.ts';
import { LIMITS } from '../../scenario/limits.ts';
import * as msg from '../../scenario/messages.ts';
import { checkDatabaseRef, checkEndpointRef, errorAt, type Names } from '../../scenario/names.ts';
import { splitRef } from '../../scenario/normalize.ts';
import {
  CountDist,
  Duration,
  EndpointRef,
  id,
  KeyAccess,
  ListStrategy,
} from '../../scenario/schema.ts';
import { parseDurationMs } from '../../scenario/units.ts';
import { declareSyntax } from './declare-syntax.ts';

const ListStep = z.strictObject({
  list: z.strictObject({
    rows: CountDist.default(20),
    db: id.optional(),
    refs: z
      .array(
        z.strictObject({
          keys: id,
          access: KeyAccess.default('uniform'),
          via: EndpointRef,
          /** Keep the whole table in memory, refreshed every period (for small reference tables). */
          refresh: Duration.optional(),
          /** Ask only for rows changed since the last refresh (answered 304 when none). */
          conditional: z.boolean().default(true),
        }),
      )
      .min(1),
    strategy: ListStrategy.optional(),
    joinDb: id.optional(),
    cache: id.optional(),
    label: z.string().optional(),
  }),
});

export type ListRaw = z.output<typeof ListStep>;

/** One key space a list screen's rows reference, and the endpoint that serves it. */
export interface ListRefDef {
  keys: string;
  access: KeyDistributionSpec;
  service: string;
  endpoint: string;
  /** Period of the in-memory table's refresh, ms (undefined: no refresh, fetch per request). */
  refreshMs?: number;
  /** Refresh asks only for rows changed since the last one (304 when none). */
  conditional: boolean;
}

/** A list screen, normalized: M rows from the caller's table, each referencing other keys. */
export interface ListStepDef {
  kind: 'list';
  rows: DistributionSpec;
  /** The caller's own table (not used by the join strategy). */
  db?: string;
  refs: ListRefDef[];
  strategy: z.output<typeof ListStrategy>;
  /** Where the JOIN runs (strategy join). */
  joinDb?: string;
  /** The cache consulted first (strategy batch+cache). */
  cache?: string;
  label: string;
}

export const listSyntax = declareSyntax<ListRaw, ListStepDef>('list', ListStep, {
  normalize({ list: l }, ctx) {
    const strategy = l.strategy ?? ctx.strategy;
    return {
      rows: countDist(l.rows),
      db: l.db ?? ctx.serviceDb,
      refs: l.refs.map((r) => ({
        keys: r.keys,
        access: keyAccess(r.access),
        ...splitRef(r.via),
        refreshMs: r.refresh === undefined ? undefined : parseDurationMs(r.refresh),
        conditional: r.conditional,
      })),
      strategy,
      joinDb: l.joinDb,
      cache: l.cache,
      label: l.label ?? `list (${strategy})`,
    };
  },
  check({ list: l }, at, { doc, names }) {
    const issues: UnlocatedIssue[] = [];
    const rows = meanOf(() => countDist(l.rows));
    if (rows > LIMITS.rows)
      issues.push(errorAt(msg.overLimit('rows', LIMITS.rows, rows), [...at, 'list', 'rows']));
    issues.push(...checkList(l, [...at, 'list'], names));
    // the options its strategy needs: the JOIN's database, the cache of batch+cache
    const strategy = l.strategy ?? doc.strategy;
    if (strategy === 'join' && l.joinDb === undefined)
      issues.push(errorAt(msg.listNeeds(strategy, 'joinDb', names.databases), [...at, 'list']));
    if (strategy === 'batch+cache' && l.cache === undefined)
      issues.push(errorAt(msg.listNeeds(strategy, 'cache', names.caches), [...at, 'list']));
    return issues;
  },
  // it calls the endpoints serving its references (when it has rows)
  calls: ({ list: l }, at) =>
    l.refs.map((ref, i) => ({
      to: ref.via,
      path: [...at, 'list', 'refs', i, 'via'],
      conditional: false,
    })),
});

/** A list step's key spaces, the endpoints serving them, and its databases and cache. */
function checkList(l: ListRaw['list'], path: DocPath, names: Names): UnlocatedIssue[] {
  const issues: UnlocatedIssue[] = [];
  l.refs.forEach((ref, i) => {
    if (!names.has.keys.has(ref.keys)) {
      issues.push(
        errorAt(msg.unknownReference('key space', ref.keys, names.keys), [
          ...path,
          'refs',
          i,
          'keys',
        ]),
      );
    }
    issues.push(...checkEndpointRef(ref.via, [...path, 'refs', i, 'via'], names));
  });
  if (l.db !== undefined) issues.push(...checkDatabaseRef(l.db, [...path, 'db'], names));
  if (l.joinDb !== undefined)
    issues.push(...checkDatabaseRef(l.joinDb, [...path, 'joinDb'], names));
  if (l.cache !== undefined && !names.has.caches.has(l.cache)) {
    issues.push(errorAt(msg.unknownReference('cache', l.cache, names.caches), [...path, 'cache']));
  }
  return issues;
}
