/**
 * Sessions in the scenario language: the checks of `sessions:` and of workloads' `session:`
 * (they come together, names exist, each strategy has what it needs), located and worded, and
 * what normalization fills in.
 */
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../model/language.ts';
import { scenarioProblems } from '../test-support/scenarios.ts';

/** A valid scenario with logged-in users; `edit` rewrites its text. */
function text(edit: (t: string) => string = (t) => t): string {
  return edit(`version: 1
name: shop
duration: 60s
workloads:
  people:
    users: 100
    thinkTime: 1s
    target: web/page
    session:
      login: web/login
      logout: web/logout
      forcedLogouts: 1/s
services:
  web:
    endpoints:
      login: { steps: [{ cpu: 1ms }] }
      logout: { steps: [{ cpu: 1ms }] }
      page: { steps: [{ cpu: 1ms }] }
  idp:
    endpoints:
      issue: { steps: [{ cpu: 1ms }] }
      resolve: { steps: [{ cpu: 1ms }] }
      sync: { steps: [{ cpu: 1ms }] }
caches:
  redis: { type: distributed }
  near: { type: local }
sessions:
  strategy: reference-token
  idp: { service: idp }
  store: redis
`);
}

/** What `msasim validate` prints for the valid scenario with each `[from, to]` replaced in turn. */
function problemsWith(...edits: [string | RegExp, string][]): string {
  return scenarioProblems(text((t) => edits.reduce((out, [from, to]) => out.replace(from, to), t)));
}

describe('sessions in the scenario language', () => {
  it('make the login and logout endpoints entry endpoints a highlight or lesson may name', () => {
    const t = text((x) => `${x}highlights: [web/login availability, web/logout p99]\n`);
    const loaded = parseScenario(t, 'shop.yaml');
    expect(loaded.highlights.map((h) => `${h.scope}|${h.id}|${h.metric}`)).toEqual([
      'endpoint|web/login|availability',
      'endpoint|web/logout|p99Ms',
    ]);
  });

  it('accepts the valid scenario and fills in the defaults', () => {
    expect(scenarioProblems(text())).toBe('');
    const s = parseScenario(text(), 'shop.yaml').variants[0];
    expect(s.sessions).toMatchObject({
      strategy: 'reference-token',
      validateAt: ['web'],
      sessionBytes: 2048,
      idleTimeoutMs: 1_800_000,
      syncEveryMs: 30_000,
      tokenTtlMs: 900_000,
      tokenCache: 'per-instance',
      resolveVia: 'idp',
      idp: { service: 'idp', issue: 'issue', resolve: 'resolve', sync: 'sync' },
    });
    const w = s.workloads[0];
    expect(w.kind === 'closed' && w.session).toMatchObject({
      login: { service: 'web', endpoint: 'login' },
      logout: { service: 'web', endpoint: 'logout' },
      requests: 20,
      logoutShare: 0.7,
      forcedLogoutsPerMs: 0.001,
      roleChangesPerMs: 0,
    });
  });

  it('reports users without a strategy, a strategy without users, and a session on an open workload', () => {
    expect(problemsWith([/sessions:[\s\S]*$/, ''])).toMatchInlineSnapshot(`
        "shop.yaml:9:5  workloads.people.session
          ✖ a workload with session: needs a top-level sessions: section (the strategy)
          → add sessions: { strategy: sticky } (or clustering, store, reference-token, value-token)

        1 error"
      `);
    expect(
      problemsWith(
        ['users: 100\n    thinkTime: 1s', 'rate: 10/s'],
        [/ {4}session:\n( {6}.*\n)+/, ''],
      ),
    ).toMatchInlineSnapshot(`
      "shop.yaml:22:1  sessions
        ✖ sessions: applies to logged-in users, and no workload has session:
        → add session: { login: web/login } to a workload with users:, or remove sessions:

      1 error"
    `);
    expect(problemsWith(['users: 100\n    thinkTime: 1s', 'rate: 10/s'])).toMatchInlineSnapshot(`
        "shop.yaml:8:5  workloads.people.session
          ✖ session: only applies together with users: logged-in users are a closed population that logs in, works and leaves
          → remove session: or add users:

        1 error"
      `);
  });

  it('reports unknown names with suggestions, and what each strategy lacks', () => {
    expect(
      problemsWith(
        ['login: web/login', 'login: web/logn'],
        ['idp: { service: idp }', 'idp: { service: idp, resolve: resolv }'],
        ['strategy: reference-token', 'strategy: reference-token\n  validateAt: [webb]'],
      ),
    ).toMatchInlineSnapshot(`
      "shop.yaml:10:14  workloads.people.session.login
        ✖ unknown endpoint "logn" of service "web"; known: login, logout, page
        → did you mean "login"?

      shop.yaml:10:14  workloads.people.session.login
        ✖ users log in at "web", which is not in validateAt (webb)
        → add "web" to validateAt, or log in at one of them

      shop.yaml:29:16  sessions.validateAt[0]
        ✖ unknown service "webb"; known: idp, web
        → did you mean "web"?

      shop.yaml:30:33  sessions.idp.resolve
        ✖ unknown endpoint "resolv" of service "idp"; known: issue, resolve, sync
        → did you mean "resolve"?

      4 errors"
    `);
    expect(
      problemsWith(['strategy: reference-token', 'strategy: store'], ['  store: redis\n', '']),
    ).toMatchInlineSnapshot(`
      "shop.yaml:27:1  sessions
        ✖ strategy store needs store: (the distributed cache holding the sessions)
        → add store: to sessions:

      1 error"
    `);
    expect(problemsWith(['store: redis', 'store: near'])).toMatchInlineSnapshot(`
        "shop.yaml:30:10  sessions.store
          ✖ cache "near" is local; sessions and tokens need a store of their own
          → make it \`type: distributed\` (a Redis-like component with servers)

        1 error"
      `);
    expect(problemsWith(['  idp: { service: idp }\n', ''])).toMatchInlineSnapshot(`
        "shop.yaml:27:1  sessions
          ✖ strategy reference-token needs idp: (the identity provider that issues the tokens)
          → for example idp: { service: idp }

        1 error"
      `);
  });

  it('reports an IdP that would validate its own calls, and a login where nothing validates', () => {
    expect(
      problemsWith(['strategy: reference-token', 'strategy: reference-token\n  validateAt: [idp]']),
    ).toMatchInlineSnapshot(`
      "shop.yaml:10:14  workloads.people.session.login
        ✖ users log in at "web", which is not in validateAt (idp)
        → add "web" to validateAt, or log in at one of them

      shop.yaml:29:15  sessions.validateAt
        ✖ the identity provider "idp" cannot be in validateAt: its resolve calls would be validated by calling it again
        → remove "idp" from validateAt

      2 errors"
    `);
    expect(problemsWith(['strategy: reference-token', 'strategy: sesion'])).toMatchInlineSnapshot(`
        "shop.yaml:28:13  sessions.strategy
          ✖ expected one of: clustering, reference-token, sticky, store, value-token, received "sesion"

        1 error"
      `);
  });
});
