/**
 * How users stay logged in (issue 6): the authority's state of every user's credential (this
 * file), and the credential check of each validating service (an `auth` step run before the
 * endpoint's own steps, on every visit of a user's request: model/auth-point.ts, its token
 * caches in model/token-cache.ts).
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
import type { RandomStream, Simulation } from '../engine/index.ts';
import { Outcome } from '../metrics/outcome.ts';
import type { Metrics } from '../metrics/recorder.ts';
import { type SessionStats, UNAUTHORIZED_REASONS } from '../metrics/session-stats.ts';
import type { SessionsDef } from '../scenario/types.ts';
import type { DistributedCache } from './cache/distributed-cache.ts';
import { type Entry, type Frame, Request } from './frame.ts';
import type { Hop } from './network.ts';
import type { EndpointRuntime, Instance } from './service.ts';

/** What a user's request is for. */
export const UserMode = { request: 0, login: 1, logout: 2 } as const;

/** A request of a logged-in user: who sent it, with which credential, for what. */
export class UserRequest extends Request {
  /** Why a validation refused its credential (index of UNAUTHORIZED_REASONS + 1; 0: it did not). */
  refused = 0;
  constructor(
    entry: Entry,
    sentMs: number,
    /** The user's index in the run's session state. */
    readonly user: number,
    /** The credential it carries (the login that issued it; a login carries the one it asks for). */
    readonly cred: number,
    readonly mode: number,
  ) {
    super(entry, sentMs);
  }
}

/** Why a credential ended at the authority. */
export const Ended = { live: 0, revoked: 1, expired: 2, loggedOut: 3, replaced: 4 } as const;
/** 401 reasons: index into UNAUTHORIZED_REASONS, plus one. */
export const Refusal = { lost: 1, revoked: 2, expired: 3, unknown: 4 } as const;
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

/**
 * A validating service's credential check as the authority sees it (an AuthPoint,
 * model/auth-point.ts): told of every change, so it can update what it holds.
 */
export interface SessionPoint {
  /** A user logged in at `at`/`inst`. */
  sessionStarted(user: number, at: SessionPoint, inst: Instance): void;
  /** A user's credential ended (`why`: Ended), at `at`/`inst` when a request ended it. */
  sessionEnded(user: number, why: number, at: SessionPoint | null, inst: Instance | null): void;
  /** A role changed at the authority. */
  sessionChanged(): void;
  /** The run starts. */
  start(): void;
  /** Samples the session memory of the serving instances (once a second). */
  sampleMemory(nowMs: number): void;
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
  readonly points: SessionPoint[] = [];
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
  activate(user: number, cred: number, at: SessionPoint, inst: Instance): void {
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
  end(user: number, why: number, at: SessionPoint | null, inst: Instance | null): void {
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
