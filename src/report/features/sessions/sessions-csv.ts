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
import { asIs, type Column, csvOf, roundedFields } from '../../csv.ts';
import type { ScenarioResults } from '../../results.ts';
import { round } from '../../round.ts';
import { idpCalls, sessionMemoryPerInstanceBytes, sessionRuns } from './session-figures.ts';

type S = SessionSummary;

const capitalized = (word: string) => word[0].toUpperCase() + word.slice(1);

/** Columns `<prefix><Key>` of the numbers `keys` of a part of the summary, `f` applied. */
const partOf = <P>(
  prefix: string,
  part: (s: S) => P,
  keys: readonly (keyof P & string)[],
  f: (x: number) => unknown = (x) => x,
): Column<S>[] =>
  keys.map((k): Column<S> => [`${prefix}${capitalized(k)}`, (s) => f(part(s)[k] as number)]);

/** The columns of sessions.csv after `variant`, in order. */
export const SESSION_COLUMNS: Column<S>[] = [
  ...asIs<S>('strategy'),
  ['validateAt', (s) => s.validateAt.join(' ')],
  ...asIs<S>('users'),
  ...roundedFields<S>('meanLoggedIn'),
  ...asIs<S>('logins'),
  ...roundedFields<S>('loginsPerSec'),
  ...asIs<S>('loginFailures', 'reLogins', 'refreshes', 'logouts', 'expiries'),
  ...asIs<S>('forcedLogouts', 'roleChanges', 'validations'),
  ...partOf('unauthorized', (s) => s.unauthorized, [...UNAUTHORIZED_REASONS, 'total']),
  ...asIs<S>('unavailable'),
  ...partOf('sessionsLost', (s) => s.sessionsLost, ['crash', 'scaleIn', 'total']),
  ['revocationEpisodes', (s) => s.revocation.episodes],
  ['acceptedAfterRevocation', (s) => s.revocation.acceptedAfter],
  ...partOf(
    'revocation',
    (s) => s.revocation,
    ['delayMeanMs', 'delayP50Ms', 'delayP99Ms', 'delayMaxMs'],
    round,
  ),
  ...asIs<S>('staleRoleRequests'),
  ...partOf('replication', (s) => s.replication, ['messages']),
  ...partOf('replication', (s) => s.replication, ['messagesPerSec'], round),
  ...partOf('replication', (s) => s.replication, ['bytes']),
  ...partOf('replication', (s) => s.replication, ['bytesPerSec', 'cpuMs'], round),
  ...partOf('tokenCache', (s) => s.tokenCache, ['hits', 'misses']),
  ...partOf('tokenCache', (s) => s.tokenCache, ['hitRatio'], round),
  ...partOf('idp', (s) => s.idp, ['issues', 'resolves', 'syncs', 'syncFailures']),
  ['idpCalls', (s) => idpCalls(s)],
  ...asIs<S>('storeOps'),
  ...roundedFields<S>('storeOpsPerSec'),
  ...partOf('authTime', (s) => s.authTime, ['meanMs', 'p50Ms', 'p99Ms', 'maxMs'], round),
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
