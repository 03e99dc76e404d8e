/**
 * The credential check of one validating service (model/sessions.ts has the authority and the
 * strategies): the `auth` step the model puts before the steps of each of its endpoints. It
 * skips anything that is not a user's request; otherwise it does the strategy's work and
 * resumes the frame, with a 401 (`f.error`, `req.refused`) when the credential is refused: in
 * memory (sticky, clustering, a cached token, a value token; CPU time), a round trip to the
 * store (a KvClient), or a call to the identity provider (an IdpCall waits for its answer).
 * Sticky sessions route through `stickyPicker` and lose what a crashed or stopped instance held.
 */
import { type Distribution, type RandomStream, TimeoutQueue } from '../engine/index.ts';
import { Outcome } from '../metrics/outcome.ts';
import type { SessionMemoryStats } from '../metrics/session-stats.ts';
import { KvClient } from './cache/distributed-cache.ts';
import {
  CallData,
  type Frame,
  Invocation,
  type ReplyWaiter,
  type Request,
  type StepHandler,
} from './frame.ts';
import { advance, arriveAtService, callTimedOut, isCallPending } from './journey.ts';
import type { Picker } from './load-balancer.ts';
import { type Hop, travel } from './network.ts';
import type { EndpointRuntime, Instance, ServiceRuntime } from './service.ts';
import {
  type AuthLinks,
  Ended,
  Refusal,
  type SessionPoint,
  type SessionRuntime,
  UserMode,
  UserRequest,
} from './sessions.ts';
import { type TokenCache, TokenCaches } from './token-cache.ts';

/** A remote part of a check (an IdP call) waiting for its answer. */
class IdpCall implements ReplyWaiter {
  constructor(
    readonly point: AuthPoint,
    readonly f: Frame,
    readonly purpose: number,
  ) {}
  onReply(inv: Invocation): void {
    this.point.idpAnswered(this, inv.error);
  }
  onTimeout(): void {
    this.point.idpAnswered(this, Outcome.timedOut);
  }
}

const Purpose = { validate: 0, login: 1, logout: 2 } as const;

/** The credential check of one validating service (its `auth` step). */
export class AuthPoint implements SessionPoint, StepHandler {
  /** Whether users log in here (with sticky and clustering, where the sessions live). */
  home = false;
  /** Sticky: the instance holding each user's session (-1: none), and sessions per instance. */
  readonly pinned: Int32Array;
  readonly #held: number[] = [];
  /** Reference tokens: the local token caches (null with other strategies). */
  readonly #tokens: TokenCaches | null;
  readonly #timeouts: TimeoutQueue<Invocation>;
  readonly #kvCheck: KvClient | null;
  readonly #kvWrite: KvClient | null;
  readonly memory: SessionMemoryStats;
  readonly #unavailableCause: string;

  constructor(
    readonly rt: SessionRuntime,
    readonly service: ServiceRuntime,
    private readonly checkCpu: Distribution,
    private readonly verifyCpu: Distribution,
    private readonly links: AuthLinks,
    /** Background calls (syncs) are counted on this request, never reported. */
    background: Request,
    /** Random phase of each cache's first sync. */
    phase: RandomStream,
  ) {
    const def = rt.def;
    this.pinned = new Int32Array(rt.cred.length).fill(-1);
    this.memory = rt.stats.addMemory(service.id);
    this.#timeouts = new TimeoutQueue(rt.sim, def.timeoutMs, isCallPending, callTimedOut, true);
    const store = links.store;
    const kv = (keys: number, resume: (f: Frame) => void) =>
      store === null
        ? null
        : new KvClient(
            store,
            rt.sim,
            keys,
            links.storeOut as Hop,
            links.storeBack as Hop,
            def.timeoutMs,
            resume,
            service.id,
          );
    this.#kvCheck = kv(def.strategy === 'store' && def.touchOnAccess ? 2 : 1, this.#storeChecked);
    this.#kvWrite = kv(1, this.#storeWritten);
    this.#tokens =
      def.strategy === 'reference-token'
        ? new TokenCaches(rt, service, links, this.#timeouts, background, phase)
        : null;
    const kvSync = kv(1, (f) => this.#tokens?.synced(f as TokenCache, f.error === 0));
    if (this.#tokens !== null) this.#tokens.kvSync = kvSync;
    this.#unavailableCause = `unavailable: ${
      def.strategy === 'store' || def.resolveVia === 'store'
        ? (def.store as string)
        : (def.idp?.service ?? '')
    } could not check the credential (${service.id})`;
    service.sessionBytes = (inst) => this.bytesOf(inst);
  }

  /**
   * The check of the visit of frame `f`. Returns true when there is nothing to do (not a
   * user's request, or a visit downstream of a login); otherwise it resumes `f` later (advance),
   * with `f.error` set when the credential is refused or could not be checked.
   */
  run(f: Frame): boolean {
    const req = f.inv.request;
    if (!(req instanceof UserRequest)) return true;
    if (req.mode !== UserMode.request) {
      if (f.inv !== req) return true;
      if (req.mode === UserMode.login) this.#login(f, req);
      else this.#logout(f, req);
      return false;
    }
    const rt = this.rt;
    rt.stats.validations++;
    const inst = f.inv.instance as Instance;
    switch (rt.strategy) {
      case 'sticky': {
        if (!this.home) {
          this.#local(f, req, 0, rt.role[req.user], this.checkCpu);
          return false;
        }
        let v = rt.verdict(req.user, req.cred);
        if (v === 0 && this.pinned[req.user] !== inst.index) v = Refusal.lost;
        this.#local(f, req, v, rt.role[req.user], this.checkCpu);
        return false;
      }
      case 'clustering': {
        const v = this.home ? rt.verdict(req.user, req.cred) : 0;
        if (v === 0 && this.home && rt.def.replicateOnAccess) this.#replicate();
        this.#local(f, req, v, rt.role[req.user], this.checkCpu);
        return false;
      }
      case 'value-token': {
        // the signature and expiry are all a validator can check: revocation is invisible
        const v =
          rt.lastCred[req.user] !== req.cred ||
          rt.sim.now >= rt.issuedAt[req.user] + rt.def.tokenTtlMs
            ? Refusal.expired
            : 0;
        this.#local(f, req, v, rt.tokenRole[req.user], this.verifyCpu);
        return false;
      }
      case 'store':
        f.sinceMs = rt.sim.now;
        rt.stats.storeOps++;
        (this.#kvCheck as KvClient).op(f);
        return false;
      case 'reference-token': {
        const cache = this.#tokens?.of(inst) ?? null;
        if (cache !== null) {
          const entry = cache.entries.get(req.user);
          if (entry !== undefined && entry.cred === req.cred) {
            rt.stats.cacheHits++;
            cache.used++;
            this.#local(f, req, 0, entry.role, this.checkCpu);
            return false;
          }
          rt.stats.cacheMisses++;
        }
        this.#resolve(f);
        return false;
      }
    }
  }

  /** A check made in memory: `verdict` (0 or a Refusal) after `cpu`. */
  #local(f: Frame, req: UserRequest, verdict: number, role: number, cpu: Distribution): void {
    const ms = cpu.sample();
    this.rt.stats.authTime.record(ms);
    if (verdict === 0) this.rt.accepted(req, role);
    else this.rt.refuse(f, req, verdict, this.service.id);
    this.rt.sim.schedule(ms, advance, f);
  }

  /** Asks the IdP's resolve endpoint, or the token store, about a token the cache lacks. */
  #resolve(f: Frame): void {
    const rt = this.rt;
    f.sinceMs = rt.sim.now;
    rt.stats.resolves++;
    if (rt.def.resolveVia === 'store') {
      rt.stats.storeOps++;
      (this.#kvCheck as KvClient).op(f);
    } else this.#callIdp(f, this.links.resolve as EndpointRuntime, Purpose.validate);
  }

  #callIdp(f: Frame, target: EndpointRuntime, purpose: number): void {
    const req = f.inv.request;
    req.callCount++;
    const call = new Invocation(req, target, f);
    call.replyHop = this.links.idpBack;
    call.data = new CallData(new IdpCall(this, f, purpose), 1, null, 0);
    this.#timeouts.add(call);
    travel(this.rt.sim, this.links.idpOut as Hop, arriveAtService, call);
  }

  /** An IdP call was answered (`error` 0) or failed. */
  idpAnswered(call: IdpCall, error: number): void {
    const f = call.f;
    const rt = this.rt;
    const req = f.inv.request as UserRequest;
    switch (call.purpose) {
      case Purpose.validate:
        rt.stats.authTime.record(rt.sim.now - f.sinceMs);
        if (error !== 0) this.#unavailable(f);
        else this.#decideResolved(f, req);
        break;
      case Purpose.login:
        if (error !== 0) {
          f.error = Outcome.failed;
          f.cause = `login failed: ${rt.def.idp?.service} did not issue a token`;
        } else rt.activate(req.user, req.cred, this, f.inv.instance as Instance);
        break;
      default:
        break; // a logout: the credential already ended
    }
    advance(f);
  }

  /** A resolve answered: the authority's verdict; a live token goes into the local cache. */
  #decideResolved(f: Frame, req: UserRequest): void {
    const rt = this.rt;
    const v = rt.verdict(req.user, req.cred);
    if (v !== 0) {
      rt.refuse(f, req, v, this.service.id);
      return;
    }
    const role = rt.role[req.user];
    const cache = this.#tokens?.of(f.inv.instance as Instance) ?? null;
    if (cache !== null) {
      cache.entries.set(req.user, { cred: req.cred, role });
      cache.used++;
    }
    rt.accepted(req, role);
  }

  #unavailable(f: Frame): void {
    this.rt.stats.unavailable++;
    f.error = Outcome.failed;
    f.cause = this.#unavailableCause;
  }

  /** The store answered a check (or failed: `f.error` set by the client). */
  readonly #storeChecked = (f: Frame): void => {
    const rt = this.rt;
    rt.stats.authTime.record(rt.sim.now - f.sinceMs);
    const req = f.inv.request as UserRequest;
    if (f.error !== 0) this.#unavailable(f);
    else if (rt.strategy === 'store') {
      const v = rt.verdict(req.user, req.cred);
      if (v === 0) rt.accepted(req, rt.role[req.user]);
      else rt.refuse(f, req, v, this.service.id);
    } else this.#decideResolved(f, req);
    advance(f);
  };

  /** The store answered a write (a login's session, a logout's delete). */
  readonly #storeWritten = (f: Frame): void => {
    const req = f.inv.request as UserRequest;
    if (req.mode === UserMode.login) {
      if (f.error !== 0) f.cause = `login failed: ${this.rt.def.store} unavailable`;
      else this.rt.activate(req.user, req.cred, this, f.inv.instance as Instance);
    }
    advance(f);
  };

  #login(f: Frame, req: UserRequest): void {
    const rt = this.rt;
    const inst = f.inv.instance as Instance;
    switch (rt.strategy) {
      case 'sticky':
      case 'clustering':
        rt.activate(req.user, req.cred, this, inst);
        rt.sim.schedule(this.checkCpu.sample(), advance, f);
        return;
      case 'store':
        rt.stats.storeOps++;
        (this.#kvWrite as KvClient).op(f);
        return;
      default:
        rt.stats.issues++;
        this.#callIdp(f, this.links.issue as EndpointRuntime, Purpose.login);
    }
  }

  #logout(f: Frame, req: UserRequest): void {
    const rt = this.rt;
    const inst = f.inv.instance as Instance;
    if (rt.cred[req.user] === req.cred && req.cred !== 0) {
      rt.stats.logouts++;
      rt.end(req.user, Ended.loggedOut, this, inst);
    }
    switch (rt.strategy) {
      case 'store':
        rt.stats.storeOps++;
        (this.#kvWrite as KvClient).op(f);
        return;
      case 'reference-token':
        rt.stats.issues++;
        this.#callIdp(f, this.links.issue as EndpointRuntime, Purpose.logout);
        return;
      default:
        rt.sim.schedule(this.checkCpu.sample(), advance, f);
    }
  }

  // ── what a session change does here ────────────────────────────────────────────────────
  /** A user logged in at `at`/`inst`. */
  sessionStarted(user: number, at: SessionPoint, inst: Instance): void {
    if (at !== this) return;
    switch (this.rt.strategy) {
      case 'sticky':
        this.pinned[user] = inst.index;
        this.#held[inst.index] = (this.#held[inst.index] ?? 0) + 1;
        return;
      case 'clustering':
        this.#replicate();
        return;
      case 'reference-token': {
        const cache = this.#tokens?.of(inst);
        cache?.entries.set(user, { cred: this.rt.cred[user], role: this.rt.role[user] });
        return;
      }
      default:
        return;
    }
  }

  /** A user's credential ended (`why`: Ended), at `at`/`inst` when a request ended it. */
  sessionEnded(user: number, why: number, at: SessionPoint | null, inst: Instance | null): void {
    switch (this.rt.strategy) {
      case 'sticky': {
        const i = this.pinned[user];
        if (i >= 0) {
          this.#held[i]--;
          this.pinned[user] = -1;
        }
        return;
      }
      case 'clustering':
        // an expiry happens in every instance by itself; other changes are replicated
        if (this.home && why !== Ended.expired && (at === this || at === null)) this.#replicate();
        return;
      case 'reference-token':
        // the instance that handled a logout forgets the token at once; others at their sync
        if (at === this && inst !== null) this.#tokens?.of(inst)?.entries.delete(user);
        return;
      default:
        return;
    }
  }

  /** A role changed at the authority: a clustered session is updated everywhere. */
  sessionChanged(): void {
    if (this.rt.strategy === 'clustering' && this.home) this.#replicate();
  }

  /** One session change replicated from one instance to every other serving one. */
  #replicate(): void {
    const n = this.service.instances.length - 1;
    if (n <= 0) return;
    const s = this.rt.stats;
    s.replicationMessages += n;
    s.replicationBytes += n * this.rt.def.sessionBytes;
    s.replicationCpuMs += n * this.rt.def.replicationCpuMs;
  }

  /** Sticky: the sessions held by `inst` are gone (it crashed, or it was stopped). */
  lose(inst: Instance, why: 'crash' | 'scaleIn'): void {
    const rt = this.rt;
    let lost = 0;
    for (let u = 0; u < this.pinned.length; u++) {
      if (this.pinned[u] !== inst.index) continue;
      this.pinned[u] = -1;
      if (rt.cred[u] !== 0) lost++;
    }
    this.#held[inst.index] = 0;
    if (why === 'crash') rt.stats.lostOnCrash += lost;
    else rt.stats.lostOnScaleIn += lost;
  }

  /**
   * Sticky routing: a user's request goes to the instance holding the session while it serves
   * (and a health check has not seen it down); otherwise the service's own rule picks.
   */
  stickyPicker(base: Picker<Instance>, healthy: (inst: Instance) => boolean): Picker<Instance> {
    return (xs, visit) => {
      const req = (visit as Invocation).request;
      if (req instanceof UserRequest && req.mode !== UserMode.login) {
        const i = this.pinned[req.user];
        const inst = i >= 0 ? xs[i] : undefined;
        if (inst !== undefined && inst.index === i && healthy(inst)) return inst;
      }
      return base(xs, visit);
    };
  }

  /** Creates the token caches of the instances serving at the start (so they all sync). */
  start(): void {
    this.#tokens?.start();
  }

  // ── memory ─────────────────────────────────────────────────────────────────────────────
  /** Bytes of sessions or cached tokens `inst` holds. */
  bytesOf(inst: Instance): number {
    const def = this.rt.def;
    switch (def.strategy) {
      case 'sticky':
        return this.home ? (this.#held[inst.index] ?? 0) * def.sessionBytes : 0;
      case 'clustering':
        return this.home ? this.rt.loggedIn * def.sessionBytes : 0;
      case 'reference-token':
        return this.#tokens?.bytesOf(inst) ?? 0;
      default:
        return 0;
    }
  }

  /** Samples the session memory of the serving instances (once a second). */
  sampleMemory(nowMs: number): void {
    const xs = this.service.instances;
    let sum = 0;
    let max = 0;
    for (const inst of xs) {
      const b = this.bytesOf(inst);
      sum += b;
      if (b > max) max = b;
    }
    this.memory.perInstance.set(nowMs, xs.length > 0 ? sum / xs.length : 0);
    if (max > this.memory.maxInstanceBytes) this.memory.maxInstanceBytes = max;
  }
}
