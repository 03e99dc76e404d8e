/**
 * Checks of `sessions:` and of workloads' `session:` that zod cannot express: the two come
 * together, only closed workloads have logged-in users, names refer to things that exist, each
 * strategy has what it needs (a store, an identity provider), and the identity provider does
 * not validate its own calls.
 */
import type { DocPath, UnlocatedIssue } from './issues.ts';
import * as msg from './messages.ts';
import { checkEndpointRef, type Names } from './names.ts';
import type { ScenarioParsed } from './schema.ts';

function error(text: msg.IssueText, path: DocPath, onKey = false): UnlocatedIssue {
  return { ...text, severity: 'error', path, ...(onKey ? { onKey } : {}) };
}

/** Every problem of the scenario's sessions and users, in document order. */
export function checkSessions(doc: ScenarioParsed, names: Names): UnlocatedIssue[] {
  const issues: UnlocatedIssue[] = [];
  const users = Object.entries(doc.workloads).filter(([, w]) => w.session !== undefined);
  for (const [id, w] of users) {
    const at: DocPath = ['workloads', id, 'session'];
    if (w.users === undefined) {
      const because = {
        en: 'logged-in users are a closed population that logs in, works and leaves',
        ko: '로그인한 사용자는 로그인하고, 일하고, 떠나는 닫힌 집단입니다',
      };
      issues.push(error(msg.misplacedKey('session', 'users', because), at, true));
    }
    const session = w.session as NonNullable<typeof w.session>;
    issues.push(...checkEndpointRef(session.login, [...at, 'login'], names));
    if (session.logout !== undefined)
      issues.push(...checkEndpointRef(session.logout, [...at, 'logout'], names));
    if (doc.sessions === undefined)
      issues.push(error(msg.sessionsWithoutUsers('no-sessions'), at, true));
  }
  const s = doc.sessions;
  if (s === undefined) return issues;
  if (users.length === 0)
    issues.push(error(msg.sessionsWithoutUsers('no-users'), ['sessions'], true));
  const validateAt = s.validateAt ?? users.map(([, w]) => (w.session?.login ?? '').split('/')[0]);
  for (const [i, service] of (s.validateAt ?? []).entries())
    if (!names.has.services.has(service))
      issues.push(
        error(msg.unknownReference('service', service, names.services), [
          'sessions',
          'validateAt',
          i,
        ]),
      );
  if (s.validateAt !== undefined)
    for (const [id, w] of users) {
      const login = (w.session?.login ?? '').split('/')[0];
      if (names.has.services.has(login) && !validateAt.includes(login))
        issues.push(
          error(msg.loginNotValidated(login, validateAt), ['workloads', id, 'session', 'login']),
        );
    }
  const needsStore =
    s.strategy === 'store' || (s.strategy === 'reference-token' && s.resolveVia === 'store');
  if (s.store !== undefined) {
    const cache = doc.caches[s.store];
    if (cache === undefined)
      issues.push(
        error(msg.unknownReference('cache', s.store, names.caches), ['sessions', 'store']),
      );
    else if (cache.type !== 'distributed')
      issues.push(error(msg.storeInProcess(s.store, cache.type), ['sessions', 'store']));
  } else if (needsStore) {
    const why =
      s.strategy === 'store'
        ? { en: 'the distributed cache holding the sessions', ko: '세션을 담는 분산 캐시' }
        : {
            en: 'the token store that resolves tokens, with resolveVia: store',
            ko: 'resolveVia: store일 때 토큰을 해석하는 토큰 저장소',
          };
    issues.push(error(msg.sessionNeeds(s.strategy, 'store', why), ['sessions'], true));
  }
  const needsIdp = s.strategy === 'reference-token' || s.strategy === 'value-token';
  if (s.idp !== undefined) {
    const at: DocPath = ['sessions', 'idp'];
    if (!names.has.services.has(s.idp.service))
      issues.push(
        error(msg.unknownReference('service', s.idp.service, names.services), [...at, 'service']),
      );
    else {
      // only the endpoints the strategy calls must exist
      const used: ('issue' | 'resolve' | 'sync')[] =
        s.strategy === 'value-token'
          ? ['issue']
          : s.strategy === 'reference-token'
            ? s.resolveVia === 'idp'
              ? ['issue', 'resolve', 'sync']
              : ['issue']
            : [];
      // a defaulted endpoint name has no position of its own: it is reported at idp:
      for (const key of used)
        issues.push(...checkEndpointRef(`${s.idp.service}/${s.idp[key]}`, [...at, key], names));
      if (validateAt.includes(s.idp.service))
        issues.push(error(msg.idpValidates(s.idp.service), ['sessions', 'validateAt']));
    }
  } else if (needsIdp) {
    issues.push(
      error(
        msg.sessionNeeds(s.strategy, 'idp', {
          en: 'the identity provider that issues the tokens',
          ko: '토큰을 발급하는 ID 공급자',
        }),
        ['sessions'],
        true,
      ),
    );
  }
  return issues;
}
