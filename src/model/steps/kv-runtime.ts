/**
 * The runtime part of `kv` (kv.ts says what it does and holds its language part): compiled to
 * the step's KvClient, run through the interpreter's generic path.
 */
import { KvClient } from '../cache/distributed-cache.ts';
import { advance } from '../journey.ts';
import { type KvDef, type KvRaw, kvSyntax } from './kv.ts';
import type { HandledStepKind } from './step-kind.ts';

export const kv: HandledStepKind<KvRaw, KvDef, KvClient> = {
  ...kvSyntax,
  // one reply (or acknowledgement) a run
  answers: 1,
  compile(def, { serviceId }, ctx) {
    const remote = ctx.caches.get(def.store)?.remote ?? null;
    if (remote === null) throw new Error(`unresolved store ${def.store}`);
    const link = ctx.network.link(serviceId, def.store, 'cache');
    return new KvClient(
      remote,
      ctx.sim,
      def.keys,
      link.out,
      link.back,
      def.timeoutMs,
      advance,
      serviceId,
    );
  },
  run(f, step) {
    (step.payload as KvClient).op(f);
    return false;
  },
};
