/**
 * sessions.csv and session-memory.csv (written when some variant has logged-in users): the
 * users' sessions and credentials of the first replication of each variant, one row per
 * variant with every scalar figure of its SessionSummary flattened into a column
 * (`unauthorizedRevoked`, `sessionsLostCrash`, `revocationDelayMaxMs` …), and the session memory
 * per instance of each validating service as rows of the second file. Every number is rounded
 * to 4 decimals; a figure that could not be measured is an empty cell.
 */
import type { SessionSummary } from '../../../metrics/session-stats.ts';
import { UNAUTHORIZED_REASONS } from '../../../metrics/session-stats.ts';
import { type Column, csvOf } from '../../csv.ts';
import type { ScenarioResults } from '../../results.ts';
import { round } from '../../round.ts';
import { idpCalls, sessionMemoryPerInstanceBytes, sessionRuns } from './session-figures.ts';

const capitalized = (word: string) => word[0].toUpperCase() + word.slice(1);

/** The columns of sessions.csv after `variant`, in order. */
export const SESSION_COLUMNS: Column<SessionSummary>[] = [
  ['strategy', (s) => s.strategy],
  ['validateAt', (s) => s.validateAt.join(' ')],
  ['users', (s) => s.users],
  ['meanLoggedIn', (s) => round(s.meanLoggedIn)],
  ['logins', (s) => s.logins],
  ['loginsPerSec', (s) => round(s.loginsPerSec)],
  ['loginFailures', (s) => s.loginFailures],
  ['reLogins', (s) => s.reLogins],
  ['refreshes', (s) => s.refreshes],
  ['logouts', (s) => s.logouts],
  ['expiries', (s) => s.expiries],
  ['forcedLogouts', (s) => s.forcedLogouts],
  ['roleChanges', (s) => s.roleChanges],
  ['validations', (s) => s.validations],
  ...UNAUTHORIZED_REASONS.map(
    (r): Column<SessionSummary> => [`unauthorized${capitalized(r)}`, (s) => s.unauthorized[r]],
  ),
  ['unauthorizedTotal', (s) => s.unauthorized.total],
  ['unavailable', (s) => s.unavailable],
  ['sessionsLostCrash', (s) => s.sessionsLost.crash],
  ['sessionsLostScaleIn', (s) => s.sessionsLost.scaleIn],
  ['sessionsLostTotal', (s) => s.sessionsLost.total],
  ['revocationEpisodes', (s) => s.revocation.episodes],
  ['acceptedAfterRevocation', (s) => s.revocation.acceptedAfter],
  ['revocationDelayMeanMs', (s) => round(s.revocation.delayMeanMs)],
  ['revocationDelayP50Ms', (s) => round(s.revocation.delayP50Ms)],
  ['revocationDelayP99Ms', (s) => round(s.revocation.delayP99Ms)],
  ['revocationDelayMaxMs', (s) => round(s.revocation.delayMaxMs)],
  ['staleRoleRequests', (s) => s.staleRoleRequests],
  ['replicationMessages', (s) => s.replication.messages],
  ['replicationMessagesPerSec', (s) => round(s.replication.messagesPerSec)],
  ['replicationBytes', (s) => s.replication.bytes],
  ['replicationBytesPerSec', (s) => round(s.replication.bytesPerSec)],
  ['replicationCpuMs', (s) => round(s.replication.cpuMs)],
  ['tokenCacheHits', (s) => s.tokenCache.hits],
  ['tokenCacheMisses', (s) => s.tokenCache.misses],
  ['tokenCacheHitRatio', (s) => round(s.tokenCache.hitRatio)],
  ['idpIssues', (s) => s.idp.issues],
  ['idpResolves', (s) => s.idp.resolves],
  ['idpSyncs', (s) => s.idp.syncs],
  ['idpSyncFailures', (s) => s.idp.syncFailures],
  ['idpCalls', (s) => idpCalls(s)],
  ['storeOps', (s) => s.storeOps],
  ['storeOpsPerSec', (s) => round(s.storeOpsPerSec)],
  ['authTimeMeanMs', (s) => round(s.authTime.meanMs)],
  ['authTimeP50Ms', (s) => round(s.authTime.p50Ms)],
  ['authTimeP99Ms', (s) => round(s.authTime.p99Ms)],
  ['authTimeMaxMs', (s) => round(s.authTime.maxMs)],
  ['memoryBytesPerInstance', (s) => round(sessionMemoryPerInstanceBytes(s))],
];

/**
 * sessions.csv: one row per variant with logged-in users (its first replication).
 * `validateAt` lists the validating services separated by spaces; `memoryBytesPerInstance` is
 * the largest of theirs (session-memory.csv has each).
 */
export function sessionsCsv(results: ScenarioResults): string {
  return csvOf(SESSION_COLUMNS, sessionRuns(results.runs));
}

type ServiceMemory = SessionSummary['memory'][number];

const MEMORY_COLUMNS: Column<ServiceMemory>[] = [
  ['service', (m) => m.service],
  ['meanBytesPerInstance', (m) => round(m.meanBytesPerInstance)],
  ['maxBytesPerInstance', (m) => round(m.maxBytesPerInstance)],
];

/**
 * session-memory.csv: one row per variant × service holding sessions (or cached tokens) in its
 * instances' memory: bytes per instance, time-average over instances, and the most any one held.
 */
export function sessionMemoryCsv(results: ScenarioResults): string {
  return csvOf(
    MEMORY_COLUMNS,
    sessionRuns(results.runs).flatMap(([r, s]) =>
      s.memory.map((m): [typeof r, ServiceMemory] => [r, m]),
    ),
  );
}
