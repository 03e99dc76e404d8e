/**
 * `kv`: a GET or SET of opaque values on a distributed cache used as a key-value store (one
 * round trip; a refused or unanswered operation fails the step): model/cache/distributed-cache.ts
 * KvClient.
 */
import type { StepDef } from '../../scenario/types.ts';
import { KvClient } from '../cache/distributed-cache.ts';
import { advance } from '../journey.ts';
import type { HandledStepKind } from './step-kind.ts';

type KvDef = Extract<StepDef, { kind: 'kv' }>;

export const kv: HandledStepKind<KvDef, KvClient> = {
  kind: 'kv',
  compile(def, { serviceId }, ctx) {
    const remote = ctx.caches.get(def.store)?.remote ?? null;
    if (remote === null) throw new Error(`unresolved store ${def.store}`);
    const link = ctx.network.link(serviceId, def.store, 'cache');
    return new KvClient(remote, ctx.sim, def.keys, link.out, link.back, def.timeoutMs, advance);
  },
  run(f, step) {
    (step.payload as KvClient).op(f);
    return false;
  },
};
