/**
 * Counters of the users' sessions and credentials over the statistics window (issue 6): the
 * lifecycle (logins, logouts, expiries, forced logouts, role changes), what validation cost and
 * decided, sessions lost when an instance crashed or was stopped, revocation delays, session
 * replication traffic, the local token caches and the calls to the identity provider, and the
 * memory sessions take in each validating service's instances.
 */
import { counters } from './counters.ts';
import { TimeWeighted } from './time-weighted.ts';

/** Why a validation turned a request away (HTTP 401). */
export const UNAUTHORIZED_REASONS = ['lost', 'revoked', 'expired', 'unknown'] as const;
export type UnauthorizedReason = (typeof UNAUTHORIZED_REASONS)[number];

/** Session memory of one validating service. */
export class SessionMemoryStats {
  /** Bytes of sessions (or cached tokens) held per instance, averaged over instances. */
  readonly perInstance = new TimeWeighted();
  /** The most any one instance held. */
  maxInstanceBytes = 0;
  constructor(readonly service: string) {}
}

/** What the model counts of users' sessions over the statistics window (one set per run). */
const SESSION_COUNTERS = {
  logins: 'logins',
  loginFailures: 'logins that failed (the IdP or store was unavailable, a timeout)',
  reLogins:
    'logins made because the previous credential was refused (401): users logged out by force',
  refreshes: 'logins made because a value token expired (the refresh)',
  logouts: 'logouts',
  expiries: 'sessions ended by their idle timeout (the user left without logging out)',
  forcedLogouts: 'forced logouts',
  roleChanges: 'role changes',
  validations: "credential checks made by validating services (one per visit of a user's request)",
  unavailable: 'checks that could not be made: the store or IdP did not answer',
  lostOnCrash: "sessions held in an instance's memory lost when it crashed",
  lostOnScaleIn: '… or when it was stopped',
  acceptedAfterRevocation:
    'requests accepted with a credential after it was revoked (forced logout)',
  staleRoleRequests:
    'requests accepted with an outdated role (the role changed, the validator did not know)',
  replicationMessages: 'session replication (clustering): messages',
  replicationBytes: '… the bytes they carried',
  replicationCpuMs: '… and the CPU time spent applying them',
  cacheHits: 'local token caches: lookups that found a valid entry',
  cacheMisses: '… and those that did not',
  issues: 'token issues (logins, refreshes, logouts at the IdP)',
  resolves: 'token resolves (IdP or store)',
  syncs: 'token syncs (IdP or store)',
  syncFailures: 'token syncs that failed',
  storeOps: 'operations on the session store (strategy `store`)',
} as const;

/** What the model measures of sessions over the statistics window, ms. */
const SESSION_TIMES = {
  revocationDelay:
    'per forced logout: time from revocation to the last request accepted with it (0 if none)',
  authTime: 'time a validation added to its visit',
} as const;

export class SessionStats extends counters(SESSION_COUNTERS, SESSION_TIMES) {
  /** Checks that refused the credential (401), by reason (index of UNAUTHORIZED_REASONS). */
  readonly unauthorized = new Float64Array(UNAUTHORIZED_REASONS.length);
  /** Users logged in (a live credential), time-weighted. */
  readonly loggedIn = new TimeWeighted();
  readonly memory: SessionMemoryStats[] = [];

  constructor(
    readonly strategy: string,
    readonly validateAt: string[],
    readonly users: number,
    /** Who resolves and syncs reference tokens (null for the other strategies). */
    readonly resolvedBy: 'idp' | 'store' | null = null,
  ) {
    super();
  }

  addMemory(service: string): SessionMemoryStats {
    const m = new SessionMemoryStats(service);
    this.memory.push(m);
    return m;
  }

  /** Starts the statistics window at `nowMs`: counters restart, levels keep their value. */
  override reset(nowMs: number): void {
    super.reset();
    this.unauthorized.fill(0);
    this.loggedIn.reset(nowMs);
    for (const m of this.memory) {
      m.perInstance.reset(nowMs);
      m.maxInstanceBytes = m.perInstance.level;
    }
  }
}

/** Sessions and credentials of a run, ready for JSON (null in runs without users). */
export interface SessionSummary {
  strategy: string;
  /** Services that check the credential on every visit. */
  validateAt: string[];
  /** Reference tokens: who resolves and syncs them, the IdP or the token store (else null). */
  resolvedBy: 'idp' | 'store' | null;
  users: number;
  /** Users logged in, time-average over the window. */
  meanLoggedIn: number;
  logins: number;
  loginsPerSec: number;
  loginFailures: number;
  reLogins: number;
  refreshes: number;
  logouts: number;
  expiries: number;
  forcedLogouts: number;
  roleChanges: number;
  validations: number;
  /** 401s by reason, and their total. */
  unauthorized: Record<UnauthorizedReason, number> & { total: number };
  /** Checks that failed because the store or IdP was unavailable. */
  unavailable: number;
  sessionsLost: { crash: number; scaleIn: number; total: number };
  revocation: {
    /** Forced logouts whose episode ended in the window (the user was refused, or left). */
    episodes: number;
    acceptedAfter: number;
    delayMeanMs: number;
    delayP50Ms: number;
    delayP99Ms: number;
    delayMaxMs: number;
  };
  staleRoleRequests: number;
  replication: {
    messages: number;
    messagesPerSec: number;
    bytes: number;
    bytesPerSec: number;
    cpuMs: number;
  };
  tokenCache: { hits: number; misses: number; hitRatio: number };
  idp: { issues: number; resolves: number; syncs: number; syncFailures: number };
  storeOps: number;
  storeOpsPerSec: number;
  /** Time a validation added to its visit (validations that answered). */
  authTime: { meanMs: number; p50Ms: number; p99Ms: number; maxMs: number };
  /** Session (or token-cache) memory per instance of each validating service. */
  memory: { service: string; meanBytesPerInstance: number; maxBytesPerInstance: number }[];
}

/** The summary of `s` over a window of `windowMs` ending at `endMs`. */
export function summarizeSessions(
  s: SessionStats,
  windowMs: number,
  endMs: number,
): SessionSummary {
  const perSec = (n: number) => (windowMs > 0 ? (n * 1000) / windowMs : 0);
  const unauthorized = Object.fromEntries(
    UNAUTHORIZED_REASONS.map((r, i) => [r, s.unauthorized[i]]),
  ) as Record<UnauthorizedReason, number>;
  const rev = s.revocationDelay.stats();
  const auth = s.authTime.stats();
  const lookups = s.cacheHits + s.cacheMisses;
  return {
    strategy: s.strategy,
    validateAt: s.validateAt,
    resolvedBy: s.resolvedBy,
    users: s.users,
    meanLoggedIn: s.loggedIn.mean(endMs),
    logins: s.logins,
    loginsPerSec: perSec(s.logins),
    loginFailures: s.loginFailures,
    reLogins: s.reLogins,
    refreshes: s.refreshes,
    logouts: s.logouts,
    expiries: s.expiries,
    forcedLogouts: s.forcedLogouts,
    roleChanges: s.roleChanges,
    validations: s.validations,
    unauthorized: { ...unauthorized, total: s.unauthorized.reduce((a, b) => a + b, 0) },
    unavailable: s.unavailable,
    sessionsLost: {
      crash: s.lostOnCrash,
      scaleIn: s.lostOnScaleIn,
      total: s.lostOnCrash + s.lostOnScaleIn,
    },
    revocation: {
      episodes: s.revocationDelay.count,
      acceptedAfter: s.acceptedAfterRevocation,
      delayMeanMs: rev.meanMs,
      delayP50Ms: rev.p50Ms,
      delayP99Ms: rev.p99Ms,
      delayMaxMs: rev.maxMs,
    },
    staleRoleRequests: s.staleRoleRequests,
    replication: {
      messages: s.replicationMessages,
      messagesPerSec: perSec(s.replicationMessages),
      bytes: s.replicationBytes,
      bytesPerSec: perSec(s.replicationBytes),
      cpuMs: s.replicationCpuMs,
    },
    tokenCache: {
      hits: s.cacheHits,
      misses: s.cacheMisses,
      hitRatio: lookups > 0 ? s.cacheHits / lookups : 0,
    },
    idp: { issues: s.issues, resolves: s.resolves, syncs: s.syncs, syncFailures: s.syncFailures },
    storeOps: s.storeOps,
    storeOpsPerSec: perSec(s.storeOps),
    authTime: { meanMs: auth.meanMs, p50Ms: auth.p50Ms, p99Ms: auth.p99Ms, maxMs: auth.maxMs },
    memory: s.memory.map((m) => ({
      service: m.service,
      meanBytesPerInstance: m.perInstance.mean(endMs),
      maxBytesPerInstance: m.maxInstanceBytes,
    })),
  };
}
