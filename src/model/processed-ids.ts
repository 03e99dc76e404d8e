/**
 * Where a consumer group keeps the ids of the messages it processed, to skip a duplicate
 * (model/messaging.ts): `memory` (per instance: lost in a crash, unknown to the instance that
 * takes over a partition), a shared store (a distributed cache or a database table: one set
 * for the group), or none (a store that knows nothing). Simplification: ids are kept 10
 * minutes of simulated time.
 */
import type { ConsumerDef } from '../scenario/types.ts';
import type { Instance } from './service.ts';

/** How long an idempotency store keeps a processed message id, ms. */
const ID_TTL_MS = 600_000;

/** Processed message ids with their expiry (an idempotency store's content). */
class IdSet {
  readonly #ids = new Map<number, number>();
  has(id: number, nowMs: number): boolean {
    const until = this.#ids.get(id);
    return until !== undefined && until > nowMs;
  }
  add(id: number, nowMs: number): void {
    this.#ids.set(id, nowMs + ID_TTL_MS);
    // Map iteration is in insertion order: drop the expired ones from the front
    if (this.#ids.size % 1024 === 0)
      for (const [k, until] of this.#ids) {
        if (until > nowMs) break;
        this.#ids.delete(k);
      }
  }
  clear(): void {
    this.#ids.clear();
  }
}

/** The store of a group without idempotency: knows nothing, keeps nothing. */
const NO_IDS = new (class extends IdSet {
  override has(): boolean {
    return false;
  }
  override add(): void {}
})();

/** The idempotency store of one consumer group. */
export class ProcessedIds {
  /** Shared store (a distributed cache or a database table). */
  readonly #shared = new IdSet();
  /** In-memory stores, per instance. */
  readonly #memory = new Map<Instance, IdSet>();

  constructor(private readonly kind: ConsumerDef['idempotency']['kind']) {}

  /** The ids a delivery to `owner` checks and marks (a throwaway set without idempotency). */
  of(owner: Instance): IdSet {
    switch (this.kind) {
      case 'none':
        return NO_IDS;
      case 'memory': {
        let ids = this.#memory.get(owner);
        if (ids === undefined) {
          ids = new IdSet();
          this.#memory.set(owner, ids);
        }
        return ids;
      }
      default:
        return this.#shared;
    }
  }

  /** `inst` crashed: the ids it held in memory are gone. */
  lose(inst: Instance): void {
    this.#memory.get(inst)?.clear();
  }
}
