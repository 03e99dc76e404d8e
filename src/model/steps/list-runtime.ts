/**
 * The runtime part of `list` (list.ts says what it does and holds its language part): compiled to
 * a ListRuntime (model/list.ts), run again on each resume.
 */
import { createKeySampler } from '../../engine/index.ts';
import type { StepRuntime } from '../frame.ts';
import { continueList, type ListRuntime, ListStrategyCode } from '../list.ts';
import { buildRefresh } from '../refresh.ts';
import type { ServiceRuntime } from '../service.ts';
import { type ListRaw, type ListStepDef, listSyntax } from './list.ts';
import type { HandledStepKind } from './step-kind.ts';

export const list: HandledStepKind<ListRaw, ListStepDef, ListRuntime> = {
  ...listSyntax,
  compile(def, { serviceId, where }, ctx) {
    const refs = def.refs.map((r, i) => {
      const keySpace = ctx.keySpaces.get(r.keys);
      const target = ctx.services.get(r.service)?.endpoints.get(r.endpoint);
      if (keySpace === undefined || target === undefined)
        throw new Error(`unresolved list reference ${r.keys}`);
      const { out: hopOut, back: hopBack } = ctx.network.link(serviceId, r.service, 'call');
      const refresh =
        r.refreshMs === undefined
          ? null
          : buildRefresh(
              ctx,
              `${where}/ref${i}`,
              serviceId,
              keySpace,
              target,
              hopOut,
              hopBack,
              r.refreshMs,
              r.conditional,
            );
      const stream = ctx.rng.stream(`${where}/ref${i}/keys`);
      return {
        keySpace,
        sampler: createKeySampler(r.access, keySpace.size, stream),
        target,
        hopOut,
        hopBack,
        refresh,
        carryKeys: ctx.shards.size > 0,
      };
    });
    const cache =
      def.strategy === 'batch+cache' ? (ctx.caches.get(def.cache as string) ?? null) : null;
    if (cache !== null && cache.remote === null)
      (ctx.services.get(serviceId) as ServiceRuntime).caches.add(cache);
    let joinQuery: StepRuntime | null = null;
    if (def.strategy === 'join') {
      // one query reading rows × (1 + R) rows with R joins; it returns the referenced rows' bytes
      joinQuery = ctx.queryStep(serviceId, def.joinDb as string);
      joinQuery.joins = refs.length;
      joinQuery.bytesPerRow = refs.reduce((a, r) => a + r.keySpace.rowBytes, 0) / (1 + refs.length);
    }
    return {
      strategy: STRATEGY_CODES[def.strategy],
      rows: ctx.dist(def.rows, `${where}/rows`),
      refs,
      ownQuery:
        def.strategy !== 'join' && def.db !== undefined ? ctx.queryStep(serviceId, def.db) : null,
      joinQuery,
      cache,
      cacheHopOut: cache?.remote ? ctx.network.link(serviceId, cache.def.id, 'cache').out : null,
      cacheHopBack: cache?.remote ? ctx.network.link(serviceId, cache.def.id, 'cache').back : null,
    };
  },
  run(f, step) {
    // pc stays on the step while it waits, so each resume runs it again until it is complete
    f.pc--;
    if (!continueList(f, step.payload as ListRuntime)) return false;
    f.pc++;
    return true;
  },
};

const STRATEGY_CODES = {
  join: ListStrategyCode.join,
  'n+1': ListStrategyCode.nPlusOne,
  batch: ListStrategyCode.batch,
  'batch+cache': ListStrategyCode.batchCache,
} as const;
