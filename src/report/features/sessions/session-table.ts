/**
 * The console section of the users' sessions and credentials (printed by `msasim run` when
 * some variant has logged-in users): one row per variant, first replication, in two tables so
 * each stays within 120 columns. The figures with confidence intervals are in the replications
 * section (table.ts `formatReplications`).
 */

import { type SessionSummary, UNAUTHORIZED_REASONS } from '../../../metrics/session-stats.ts';
import type { RunResult } from '../../../metrics/summary.ts';
import type { Lang } from '../../i18n/lang.ts';
import { t } from '../../i18n/t.ts';
import { itemTable, namedItems } from '../../item-table.ts';
import type { ScenarioResults } from '../../results.ts';
import { joinWrapped, num, pct, type TextColumn } from '../../text-table.ts';
import { idpCallsPerSec } from './session-figures.ts';

/** A variant's sessions, with its statistics window. */
interface Sessions {
  s: SessionSummary;
  windowMs: number;
}

/** The 401 reasons by their initials: "l/r/e/u". */
const REASONS = UNAUTHORIZED_REASONS.map((k) => k[0]).join('/');

/** What users saw: logins, 401s, lost sessions, revocation, stale roles. */
const SEEN: TextColumn<Sessions>[] = [
  ['strategy', ({ s }) => s.strategy],
  ['logins/s', ({ s }) => num(s.loginsPerSec, 2)],
  ['401s', ({ s }) => String(s.unauthorized.total)],
  [REASONS, ({ s }) => UNAUTHORIZED_REASONS.map((k) => String(s.unauthorized[k])).join('/')],
  ['lost', ({ s }) => String(s.sessionsLost.total)],
  [
    'revoked ms',
    ({ s }) => `${num(s.revocation.delayMeanMs, 0)}/${num(s.revocation.delayMaxMs, 0)}`,
  ],
  ['accepted', ({ s }) => String(s.revocation.acceptedAfter)],
  ['stale role', ({ s }) => String(s.staleRoleRequests)],
];

/** What it cost: replication, token cache, IdP, store, auth time, memory. */
const COST: TextColumn<Sessions>[] = [
  ['repl msg/s', ({ s }) => num(s.replication.messagesPerSec)],
  ['repl KB/s', ({ s }) => num(s.replication.bytesPerSec / 1024, 1)],
  [
    'token hits',
    ({ s }) => (s.tokenCache.hits + s.tokenCache.misses === 0 ? '–' : pct(s.tokenCache.hitRatio)),
  ],
  ['IdP i/r/s', ({ s }) => `${s.idp.issues}/${s.idp.resolves}/${s.idp.syncs}`],
  ['IdP/s', ({ s, windowMs }) => num(idpCallsPerSec(s, windowMs))],
  ['store op/s', ({ s }) => num(s.storeOpsPerSec)],
  ['auth ms', ({ s }) => `${num(s.authTime.meanMs, 2)}/${num(s.authTime.p99Ms, 2)}`],
  [
    'KB/instance',
    ({ s }) =>
      s.memory.length === 0
        ? '–'
        : s.memory.map((m) => `${m.service} ${num(m.meanBytesPerInstance / 1024, 1)}`).join(', '),
  ],
];

/**
 * The users' sessions and credentials, one row per variant with logged-in users (first
 * replication), in two tables: what users saw (logins, 401s, lost sessions, revocation, stale
 * roles), then what it cost (replication, token cache, IdP, store, auth time, memory). Empty
 * without logged-in users.
 */
export function formatSessions(results: ScenarioResults, lang: Lang = 'en'): string {
  const items = namedItems(
    results,
    results.runs.flatMap((r): [RunResult, Sessions][] =>
      r.summary.sessions ? [[r, { s: r.summary.sessions, windowMs: r.summary.windowMs }]] : [],
    ),
    () => 'sessions',
  );
  if (items.rows.length === 0) return '';
  const seenTable = itemTable(items, 'sessions', () => 'sessions', SEEN, lang);
  const costTable = itemTable(items, 'sessions', () => 'sessions', COST, lang);
  const legend = [
    `${REASONS}: ${t(lang, 'sessions.reasons', { reasons: UNAUTHORIZED_REASONS.join('/') })}`,
    t(lang, 'sessions.legend.lost'),
    t(lang, 'sessions.legend.revoked'),
    t(lang, 'sessions.legend.accepted'),
    t(lang, 'sessions.legend.stale'),
    t(lang, 'sessions.legend.idp'),
    t(lang, 'sessions.legend.auth'),
    t(lang, 'sessions.legend.memory'),
  ];
  return `${t(lang, 'sessions.console')}\n${seenTable}\n\n${costTable}\n${joinWrapped(legend)}`;
}
