/**
 * Reference tokens (model/sessions.ts): the local token caches of one validating service, one
 * per instance or one for the whole service, and the task that keeps each in sync. Every
 * `syncEvery` (on its own random phase) a cache asks the identity provider's `sync` endpoint,
 * or the token store, what changed: tokens whose credential ended and roles changed before the
 * sync was sent are applied; the sync carries the tokens used since the last one (their
 * last-use times, for the authority's sliding expiry). A forced logout takes effect at the next
 * sync.
 */
import type { RandomStream, TimeoutQueue } from '../engine/index.ts';
import { Outcome } from '../metrics/outcome.ts';
import type { KvClient } from './cache/distributed-cache.ts';
import { CallData, Frame, Invocation, type ReplyWaiter, type Request } from './frame.ts';
import { arriveAtService } from './journey.ts';
import { type Hop, travel } from './network.ts';
import type { EndpointRuntime, Instance, ServiceRuntime } from './service.ts';
import type { AuthLinks, SessionRuntime } from './sessions.ts';

/** A local token cache entry: the credential and the role the cache knows. */
interface TokenEntry {
  cred: number;
  role: number;
}

/** A local token cache (of one instance, or of a whole service) and its sync task. */
export class TokenCache extends Frame implements ReplyWaiter {
  readonly entries = new Map<number, TokenEntry>();
  /** Tokens used since the last sync was sent (their last-use times go with it). */
  used = 0;
  sentMs = 0;
  constructor(
    readonly caches: TokenCaches,
    background: Request,
  ) {
    super(background, [], null, false);
  }
  onReply(inv: Invocation): void {
    this.caches.synced(this, inv.error === Outcome.ok);
  }
  onTimeout(): void {
    this.caches.synced(this, false);
  }
}

/** The token caches of one validating service, and their syncs. */
export class TokenCaches {
  readonly #perInstance: (TokenCache | null)[] = [];
  #perService: TokenCache | null = null;
  /** Syncs through the token store (resolveVia: store), else null. */
  kvSync: KvClient | null = null;

  constructor(
    readonly rt: SessionRuntime,
    readonly service: ServiceRuntime,
    private readonly links: AuthLinks,
    /** Timeouts of the calls to the IdP. */
    private readonly timeouts: TimeoutQueue<Invocation>,
    /** Syncs are background calls, counted on this request (never reported). */
    private readonly background: Request,
    /** Random phase of each cache's first sync. */
    private readonly phase: RandomStream,
  ) {}

  /** The cache `inst` reads (created on first use), or null without caches. */
  of(inst: Instance): TokenCache | null {
    const def = this.rt.def;
    if (def.tokenCache === 'none') return null;
    if (def.tokenCache === 'per-service') {
      this.#perService ??= this.#newCache();
      return this.#perService;
    }
    let cache = this.#perInstance[inst.index];
    if (cache === undefined || cache === null) {
      cache = this.#newCache();
      this.#perInstance[inst.index] = cache;
    }
    return cache;
  }

  #newCache(): TokenCache {
    const cache = new TokenCache(this, this.background);
    // each cache syncs on its own phase within the period
    this.rt.sim.schedule(this.rt.def.syncEveryMs * this.phase.next(), this.#sendSync, cache);
    return cache;
  }

  /** Creates the caches of the instances serving at the start (so they all sync). */
  start(): void {
    for (const inst of this.service.instances) this.of(inst);
  }

  readonly #sendSync = (cache: TokenCache): void => {
    const rt = this.rt;
    cache.sentMs = rt.sim.now;
    cache.error = 0;
    rt.stats.syncs++;
    if (rt.def.resolveVia === 'store') {
      rt.stats.storeOps++;
      (this.kvSync as KvClient).op(cache);
      return;
    }
    const call = new Invocation(this.background, this.links.sync as EndpointRuntime, cache);
    call.replyHop = this.links.idpBack;
    // the sync carries the tokens used since the last one (their last-use times)
    call.data = new CallData(cache, Math.max(1, cache.used), null, 0);
    this.timeouts.add(call);
    travel(rt.sim, this.links.idpOut as Hop, arriveAtService, call);
  };

  /**
   * A sync answered: tokens whose credential ended, and roles changed, before it was sent are
   * applied; the next sync is planned either way.
   */
  synced(cache: TokenCache, ok: boolean): void {
    const rt = this.rt;
    if (ok) {
      const sent = cache.sentMs;
      for (const [user, e] of cache.entries) {
        if (rt.cred[user] !== e.cred && rt.changedAt[user] <= sent) cache.entries.delete(user);
        else if (rt.roleAt[user] <= sent) e.role = rt.role[user];
      }
      cache.used = 0;
    } else rt.stats.syncFailures++;
    rt.sim.schedule(rt.def.syncEveryMs, this.#sendSync, cache);
  }

  /** Bytes of cached tokens `inst` holds (a per-service cache is shared by the instances). */
  bytesOf(inst: Instance): number {
    const def = this.rt.def;
    if (def.tokenCache === 'per-instance')
      return (this.#perInstance[inst.index]?.entries.size ?? 0) * def.tokenBytes;
    if (def.tokenCache === 'per-service')
      return (
        ((this.#perService?.entries.size ?? 0) * def.tokenBytes) /
        Math.max(1, this.service.instances.length)
      );
    return 0;
  }
}
