/**
 * `kv`: a GET or SET of opaque values on a distributed cache used as a key-value store (one
 * round trip; a refused or unanswered operation fails the step): model/cache/distributed-cache.ts
 * KvClient.
 */
import * as z from 'zod';
import { LIMITS } from '../../scenario/limits.ts';
import * as msg from '../../scenario/messages.ts';
import { errorAt } from '../../scenario/names.ts';
import { Duration, id } from '../../scenario/schema.ts';
import { parseDurationMs } from '../../scenario/units.ts';
import { declareSyntax, longForm, nameAt } from './declare-syntax.ts';

/** A GET or SET on a distributed cache used as a key-value store (sessions, tokens). */
const KvStep = z.strictObject({
  kv: z.union([
    id,
    z.strictObject({
      store: id,
      op: z.enum(['get', 'set']).default('get'),
      keys: z.number().int().min(1).max(LIMITS.rows).default(1),
      timeout: Duration.default('1s'),
    }),
  ]),
});

/** A kv step, normalized. */
export interface KvDef {
  kind: 'kv';
  store: string;
  op: 'get' | 'set';
  keys: number;
  timeoutMs: number;
}

/** A kv step as parsed. */
export type KvRaw = z.output<typeof KvStep>;

export const kvSyntax = declareSyntax<KvRaw, KvDef>('kv', KvStep, {
  normalize(raw) {
    const k = longForm(raw.kv, 'store');
    return {
      store: k.store,
      op: k.op ?? 'get',
      keys: k.keys ?? 1,
      timeoutMs: parseDurationMs(k.timeout ?? '1s'),
    };
  },
  check(raw, at, { doc }) {
    const store = longForm(raw.kv, 'store').store;
    const storeAt = nameAt(raw.kv, at, 'kv', 'store');
    if (doc.caches[store]?.type === 'distributed') return [];
    const stores = Object.entries(doc.caches)
      .filter(([, c]) => c.type === 'distributed')
      .map(([cacheId]) => cacheId);
    if (doc.caches[store] !== undefined)
      return [errorAt(msg.kvOnInProcessCache(store, doc.caches[store].type), storeAt)];
    return [errorAt(msg.unknownReference('cache', store, stores), storeAt)];
  },
});
