/**
 * The console section of the users' sessions and credentials (printed by `msasim run` when
 * some variant has logged-in users): one row per variant, first replication, in two tables so
 * each stays within 120 columns. The figures with confidence intervals are in the replications
 * section (table.ts `formatReplications`).
 */
import { UNAUTHORIZED_REASONS } from '../../../metrics/session-stats.ts';
import { type ScenarioResults, variantNames } from '../../results.ts';
import { formatTable, joinWrapped, num, pct } from '../../text-table.ts';
import { idpCallsPerSec } from './session-figures.ts';

/**
 * The users' sessions and credentials, one row per variant with logged-in users (first
 * replication), in two tables: what users saw (logins, 401s, lost sessions, revocation, stale
 * roles), then what it cost (replication, token cache, IdP, store, auth time, memory). Empty
 * without logged-in users.
 */
export function formatSessions(results: ScenarioResults): string {
  const names = variantNames(results);
  const rows = results.runs.flatMap((r, v) =>
    r.summary.sessions
      ? [{ name: names[v], s: r.summary.sessions, windowMs: r.summary.windowMs }]
      : [],
  );
  if (rows.length === 0) return '';
  const seen = rows.map(({ name, s }) => [
    name,
    s.strategy,
    num(s.loginsPerSec, 2),
    String(s.unauthorized.total),
    UNAUTHORIZED_REASONS.map((k) => String(s.unauthorized[k])).join('/'),
    String(s.sessionsLost.total),
    `${num(s.revocation.delayMeanMs, 0)}/${num(s.revocation.delayMaxMs, 0)}`,
    String(s.revocation.acceptedAfter),
    String(s.staleRoleRequests),
  ]);
  const cost = rows.map(({ name, s, windowMs }) => [
    name,
    num(s.replication.messagesPerSec),
    num(s.replication.bytesPerSec / 1024, 1),
    s.tokenCache.hits + s.tokenCache.misses === 0 ? '–' : pct(s.tokenCache.hitRatio),
    `${s.idp.issues}/${s.idp.resolves}/${s.idp.syncs}`,
    num(idpCallsPerSec(s, windowMs)),
    num(s.storeOpsPerSec),
    `${num(s.authTime.meanMs, 2)}/${num(s.authTime.p99Ms, 2)}`,
    s.memory.length === 0
      ? '–'
      : s.memory.map((m) => `${m.service} ${num(m.meanBytesPerInstance / 1024, 1)}`).join(', '),
  ]);
  const reasons = UNAUTHORIZED_REASONS.map((k) => k[0]).join('/');
  const seenTable = formatTable(
    [
      'variant',
      'strategy',
      'logins/s',
      '401s',
      reasons,
      'lost',
      'revoked ms',
      'accepted',
      'stale role',
    ],
    seen,
  );
  const costTable = formatTable(
    [
      'variant',
      'repl msg/s',
      'repl KB/s',
      'token hits',
      'IdP i/r/s',
      'IdP/s',
      'store op/s',
      'auth ms',
      'KB/instance',
    ],
    cost,
  );
  const legend = [
    `${reasons}: 401s ${UNAUTHORIZED_REASONS.join('/')}`,
    'lost: sessions lost with an instance',
    'revoked ms: delay mean/max from revocation to the last request accepted',
    'accepted: requests accepted after revocation',
    'stale role: requests accepted with an outdated role',
    'IdP i/r/s: token issues/resolves/syncs (resolves and syncs go to the store with resolveVia: store)',
    'auth ms: time a validation added, mean/p99',
    'KB/instance: session memory per instance of each validating service',
  ];
  return `■ sessions and credentials (after the warm-up)\n${seenTable}\n\n${costTable}\n${joinWrapped(legend)}`;
}
