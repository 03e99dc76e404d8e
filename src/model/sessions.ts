/**
 * How users stay logged in (issue 6): the authority's state of every user's credential, and the
 * credential check of each validating service (an `auth` step run before the endpoint's own
 * steps, on every visit of a user's request).
 *
 * The authority is the truth: which credential of a user is live, its role, when it changed.
 * What a validating service knows depends on the strategy:
 *
 * - sticky: the balancer of the service users log in at pins each user to the instance that
 *   handled the login, and the session lives in that instance's memory. A crash or a scale-in
 *   loses the sessions held there (401 "lost": log in again); new instances get only new logins.
 * - clustering: every instance holds every session; each change (login, logout, revocation,
 *   role change, and every access with `replicateOnAccess`) is replicated to the n − 1 other
 *   instances: messages, bytes and the CPU to apply them are counted.
 * - store: every check reads the session from a key-value store (a distributed cache; with
 *   `touchOnAccess` the same round trip writes the last access); a login writes it, a logout
 *   deletes it. The store's outage fails every check.
 * - reference-token: the check looks in a local token cache (per instance, per service, or
 *   none); a miss asks the identity provider's `resolve` endpoint (or the token store). Each
 *   cache is kept in sync by a task calling `sync` every `syncEvery`: it drops tokens revoked
 *   or ended and updates roles changed before the sync was sent, and carries the tokens used
 *   since (sliding expiry). A forced logout takes effect at the next sync.
 * - value-token: the check verifies the token's signature (CPU) and its expiry; nothing is
 *   asked of anyone, and a revoked token stays valid until it expires (the client logs in
 *   again to renew it).
 *
 * Simplifications (stated in docs/README too): replication in a cluster is applied at once for
 * the decision (its messages and CPU are counted, not queued); credential checks take CPU time
 * without queuing for a core; with sticky and clustering, services other than the one users
 * log in at only check the role (CPU); a new login replaces a user's previous session; the
 * authority learns last-access times in time (sync period ≪ idle timeout); administrators'
 * operations put no load on anyone; a store keeps its sessions through an outage.
 */
import {
  type Distribution,
  type RandomStream,
  type Simulation,
  TimeoutQueue,
} from '../engine/index.ts';
import { Outcome } from '../metrics/outcome.ts';
import type { Metrics } from '../metrics/recorder.ts';
import {
  type SessionMemoryStats,
  type SessionStats,
  UNAUTHORIZED_REASONS,
} from '../metrics/session-stats.ts';
import type { SessionsDef } from '../scenario/types.ts';
import type { DistributedCache } from './cache/distributed-cache.ts';
import { KvClient } from './cache/distributed-cache.ts';
import { Frame } from './frame.ts';
import { advance, arriveAtService, callTimedOut, isCallPending } from './journey.ts';
import type { Picker } from './load-balancer.ts';
import { type Hop, travel } from './network.ts';
import { CallData, Invocation, type ReplyWaiter, type Request } from './request.ts';
import type { EndpointRuntime, Instance, ServiceRuntime } from './service.ts';
import { UserMode, UserRequest } from './users.ts';

/** Why a credential ended at the authority. */
const Ended = { live: 0, revoked: 1, expired: 2, loggedOut: 3, replaced: 4 } as const;
/** 401 reasons: index into UNAUTHORIZED_REASONS, plus one. */
const Refusal = { lost: 1, revoked: 2, expired: 3, unknown: 4 } as const;
const REFUSAL_TEXT = UNAUTHORIZED_REASONS.map((r) =>
  r === 'lost'
    ? 'session lost'
    : r === 'revoked'
      ? 'credential revoked'
      : r === 'expired'
        ? 'credential expired'
        : 'unknown credential',
);

/** Where the identity provider or token store is reached from one validating service. */
export interface AuthLinks {
  idpOut: Hop | null;
  idpBack: Hop | null;
  issue: EndpointRuntime | null;
  resolve: EndpointRuntime | null;
  sync: EndpointRuntime | null;
  store: DistributedCache | null;
  storeOut: Hop | null;
  storeBack: Hop | null;
}

/** The authority's state of every user, the lifecycle events and the strategy-wide counters. */
export class SessionRuntime {
  readonly def: SessionsDef;
  /** The live credential of each user at the authority (0: none). */
  readonly cred: Int32Array;
  /** The last credential issued to each user, and why it ended (Ended). */
  readonly lastCred: Int32Array;
  readonly ended: Uint8Array;
  /** When the user's credential last changed (login, logout, revocation, expiry). */
  readonly changedAt: Float64Array;
  readonly role: Int32Array;
  readonly roleAt: Float64Array;
  /** Value tokens: when the live one was issued, and the role written in it. */
  readonly issuedAt: Float64Array;
  readonly tokenRole: Int32Array;
  readonly lastAccess: Float64Array;
  /** Open revocation episodes: the revoked credential (0: none), when, last accepted after. */
  readonly revokedCred: Int32Array;
  readonly revokedAt: Float64Array;
  readonly lastAcceptedAfter: Float64Array;
  /** Logged-in users, for picking one at random (swap-remove). */
  readonly #live: Int32Array;
  readonly #livePos: Int32Array;
  #liveCount = 0;
  #nextCred = 1;
  readonly points: AuthPoint[] = [];
  readonly #expire = (x: { user: number; cred: number }) => this.#expireIfIdle(x.user, x.cred);

  constructor(
    readonly sim: Simulation,
    readonly metrics: Metrics,
    readonly stats: SessionStats,
    def: SessionsDef,
    users: number,
  ) {
    this.def = def;
    this.cred = new Int32Array(users);
    this.lastCred = new Int32Array(users);
    this.ended = new Uint8Array(users);
    this.changedAt = new Float64Array(users);
    this.role = new Int32Array(users);
    this.roleAt = new Float64Array(users);
    this.issuedAt = new Float64Array(users);
    this.tokenRole = new Int32Array(users);
    this.lastAccess = new Float64Array(users);
    this.revokedCred = new Int32Array(users);
    this.revokedAt = new Float64Array(users);
    this.lastAcceptedAfter = new Float64Array(users);
    this.#live = new Int32Array(users);
    this.#livePos = new Int32Array(users).fill(-1);
  }

  get strategy(): SessionsDef['strategy'] {
    return this.def.strategy;
  }

  /** A fresh credential number for a login. */
  newCredential(): number {
    return this.#nextCred++;
  }

  /** Users logged in now. */
  get loggedIn(): number {
    return this.#liveCount;
  }

  /** Value tokens: whether the user's token has expired (the client renews it first). */
  mustRefresh(user: number, nowMs: number): boolean {
    // the client knows its token's expiry, whether or not it was revoked meanwhile
    return (
      this.def.strategy === 'value-token' && nowMs >= this.issuedAt[user] + this.def.tokenTtlMs
    );
  }

  /** The authority's verdict on `cred` for `user`: 0 (live) or a Refusal. */
  verdict(user: number, cred: number): number {
    if (cred !== 0 && this.cred[user] === cred) return 0;
    if (cred === 0 || this.lastCred[user] !== cred) return Refusal.unknown;
    switch (this.ended[user]) {
      case Ended.revoked:
        return Refusal.revoked;
      case Ended.expired:
        return Refusal.expired;
      default:
        return Refusal.unknown;
    }
  }

  /** A login succeeded: `cred` is the user's live credential from now. */
  activate(user: number, cred: number, at: AuthPoint, inst: Instance): void {
    const now = this.sim.now;
    if (this.cred[user] !== 0) this.end(user, Ended.replaced, at, inst);
    this.#closeEpisode(user);
    this.cred[user] = cred;
    this.lastCred[user] = cred;
    this.ended[user] = Ended.live;
    this.changedAt[user] = now;
    this.lastAccess[user] = now;
    this.issuedAt[user] = now;
    this.tokenRole[user] = this.role[user];
    this.#livePos[user] = this.#liveCount;
    this.#live[this.#liveCount++] = user;
    this.stats.loggedIn.set(now, this.#liveCount);
    this.stats.logins++;
    for (const p of this.points) p.sessionStarted(user, at, inst);
  }

  /** The user's live credential ends (`why`: Ended); `at`/`inst` where it happened, if anywhere. */
  end(user: number, why: number, at: AuthPoint | null, inst: Instance | null): void {
    if (this.cred[user] === 0) return;
    const now = this.sim.now;
    this.cred[user] = 0;
    this.ended[user] = why;
    this.changedAt[user] = now;
    const pos = this.#livePos[user];
    const last = this.#live[--this.#liveCount];
    this.#live[pos] = last;
    this.#livePos[last] = pos;
    this.#livePos[user] = -1;
    this.stats.loggedIn.set(now, this.#liveCount);
    for (const p of this.points) p.sessionEnded(user, why, at, inst);
  }

  /** The user left without logging out: the session expires after the idle timeout. */
  leave(user: number, cred: number): void {
    if (this.cred[user] !== cred || cred === 0) return;
    this.#closeEpisode(user);
    const at = this.lastAccess[user] + this.def.idleTimeoutMs;
    this.sim.scheduleAt(Math.max(at, this.sim.now), this.#expire, { user, cred });
  }

  #expireIfIdle(user: number, cred: number): void {
    if (this.cred[user] !== cred) return; // logged in again (or ended) since
    if (this.sim.now < this.lastAccess[user] + this.def.idleTimeoutMs) {
      this.leave(user, cred); // used since: wait for the new idle deadline
      return;
    }
    this.stats.expiries++;
    this.end(user, Ended.expired, null, null);
  }

  /** An administrator revokes a random logged-in user's credential (a forced logout). */
  readonly forceLogout = (rng: RandomStream): void => {
    if (this.#liveCount === 0) return;
    const user = this.#live[rng.nextInt(this.#liveCount)];
    this.#closeEpisode(user);
    this.revokedCred[user] = this.cred[user];
    this.revokedAt[user] = this.sim.now;
    this.lastAcceptedAfter[user] = -1;
    this.stats.forcedLogouts++;
    this.end(user, Ended.revoked, null, null);
  };

  /** An administrator changes a random logged-in user's role. */
  readonly changeRole = (rng: RandomStream): void => {
    if (this.#liveCount === 0) return;
    const user = this.#live[rng.nextInt(this.#liveCount)];
    this.role[user]++;
    this.roleAt[user] = this.sim.now;
    this.stats.roleChanges++;
    for (const p of this.points) p.sessionChanged();
  };

  /** A request with `cred` was accepted by a validator that saw role `role`. */
  accepted(req: UserRequest, role: number): void {
    const user = req.user;
    const now = this.sim.now;
    this.lastAccess[user] = now;
    if (this.revokedCred[user] === req.cred && req.cred !== 0) {
      this.stats.acceptedAfterRevocation++;
      this.lastAcceptedAfter[user] = now;
    }
    if (role < this.role[user]) this.stats.staleRoleRequests++;
  }

  /** A validator refused the request's credential: the visit fails with 401. */
  refuse(f: Frame, req: UserRequest, reason: number, service: string): void {
    f.error = Outcome.failed;
    f.cause = `unauthorized: ${REFUSAL_TEXT[reason - 1]} (${service})`;
    req.refused = reason;
    this.stats.unauthorized[reason - 1]++;
    if (this.revokedCred[req.user] === req.cred) this.#closeEpisode(req.user);
  }

  /**
   * Ends the user's revocation episode: the delay is from the revocation to the last request
   * accepted with the revoked credential (0 when none was).
   */
  #closeEpisode(user: number): void {
    if (this.revokedCred[user] === 0) return;
    const last = this.lastAcceptedAfter[user];
    const delay = last < 0 ? 0 : last - this.revokedAt[user];
    if (this.metrics.windowOpen) this.stats.revocationDelay.record(delay);
    this.revokedCred[user] = 0;
  }

  /** Closes every open revocation episode (at the end of the run). */
  finish(): void {
    for (let u = 0; u < this.revokedCred.length; u++) this.#closeEpisode(u);
  }

  /** Starts the once-a-second sampling of session memory. */
  start(): void {
    for (const p of this.points) p.start();
    const sample = () => {
      for (const p of this.points) p.sampleMemory(this.sim.now);
      this.sim.schedule(1000, sample);
    };
    sample();
  }
}

/** A local token cache entry: the credential and the role the cache knows. */
interface TokenEntry {
  cred: number;
  role: number;
}

/** A local token cache (of one instance, or of a whole service) and its sync task. */
class TokenCache extends Frame implements ReplyWaiter {
  readonly entries = new Map<number, TokenEntry>();
  /** Tokens used since the last sync was sent (their last-use times go with it). */
  used = 0;
  sentMs = 0;
  constructor(
    readonly point: AuthPoint,
    background: Request,
  ) {
    super(background, [], null, false);
  }
  onReply(inv: Invocation): void {
    this.point.synced(this, inv.error === Outcome.ok);
  }
  onTimeout(): void {
    this.point.synced(this, false);
  }
}

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
export class AuthPoint {
  /** Whether users log in here (with sticky and clustering, where the sessions live). */
  home = false;
  /** Sticky: the instance holding each user's session (-1: none), and sessions per instance. */
  readonly pinned: Int32Array;
  readonly #held: number[] = [];
  /** Token caches: one per instance (by index), or one for the service. */
  readonly #caches: (TokenCache | null)[] = [];
  #serviceCache: TokenCache | null = null;
  readonly #timeouts: TimeoutQueue<Invocation>;
  readonly #kvCheck: KvClient | null;
  readonly #kvWrite: KvClient | null;
  readonly #kvSync: KvClient | null;
  readonly memory: SessionMemoryStats;
  readonly #unavailableCause: string;

  constructor(
    readonly rt: SessionRuntime,
    readonly service: ServiceRuntime,
    private readonly checkCpu: Distribution,
    private readonly verifyCpu: Distribution,
    private readonly links: AuthLinks,
    /** Background calls (syncs) are counted on this request, never reported. */
    private readonly background: Request,
    /** Random phase of each cache's first sync. */
    private readonly phase: RandomStream,
  ) {
    const def = rt.def;
    this.pinned = new Int32Array(rt.cred.length).fill(-1);
    this.memory = rt.stats.addMemory(service.id);
    this.#timeouts = new TimeoutQueue(rt.sim, def.timeoutMs, isCallPending, callTimedOut);
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
          );
    this.#kvCheck = kv(def.strategy === 'store' && def.touchOnAccess ? 2 : 1, this.#storeChecked);
    this.#kvWrite = kv(1, this.#storeWritten);
    this.#kvSync = kv(1, (f) => this.synced(f as TokenCache, f.error === 0));
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
  check(f: Frame): boolean {
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
        const cache = this.#cacheOf(inst);
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
    const cache = this.#cacheOf(f.inv.instance as Instance);
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
  sessionStarted(user: number, at: AuthPoint, inst: Instance): void {
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
        const cache = this.#cacheOf(inst);
        cache?.entries.set(user, { cred: this.rt.cred[user], role: this.rt.role[user] });
        return;
      }
      default:
        return;
    }
  }

  /** A user's credential ended (`why`: Ended), at `at`/`inst` when a request ended it. */
  sessionEnded(user: number, why: number, at: AuthPoint | null, inst: Instance | null): void {
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
        if (at === this && inst !== null) this.#cacheOf(inst)?.entries.delete(user);
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

  // ── token caches and their sync ────────────────────────────────────────────────────────
  #cacheOf(inst: Instance): TokenCache | null {
    const def = this.rt.def;
    if (def.strategy !== 'reference-token' || def.tokenCache === 'none') return null;
    if (def.tokenCache === 'per-service') {
      this.#serviceCache ??= this.#newCache();
      return this.#serviceCache;
    }
    let cache = this.#caches[inst.index];
    if (cache === undefined || cache === null) {
      cache = this.#newCache();
      this.#caches[inst.index] = cache;
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
    if (this.rt.strategy !== 'reference-token') return;
    for (const inst of this.service.instances) this.#cacheOf(inst);
  }

  readonly #sendSync = (cache: TokenCache): void => {
    const rt = this.rt;
    cache.sentMs = rt.sim.now;
    cache.error = 0;
    rt.stats.syncs++;
    if (rt.def.resolveVia === 'store') {
      rt.stats.storeOps++;
      (this.#kvSync as KvClient).op(cache);
      return;
    }
    const call = new Invocation(this.background, this.links.sync as EndpointRuntime, cache);
    call.replyHop = this.links.idpBack;
    // the sync carries the tokens used since the last one (their last-use times)
    call.data = new CallData(cache, Math.max(1, cache.used), null, 0);
    this.#timeouts.add(call);
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
        if (def.tokenCache === 'per-instance')
          return (this.#caches[inst.index]?.entries.size ?? 0) * def.tokenBytes;
        if (def.tokenCache === 'per-service')
          return (
            ((this.#serviceCache?.entries.size ?? 0) * def.tokenBytes) /
            Math.max(1, this.service.instances.length)
          );
        return 0;
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
