/**
 * A challenge file is checked like a scenario: every problem located in it (file:line:col, the
 * document path), worded, with did-you-mean; problems of the goal and the questions found
 * against the base scenario are reported in the challenge file too.
 */
import { describe, expect, it } from 'vitest';
import { formatIssues } from '../scenario/format.ts';
import { ScenarioError } from '../scenario/issues.ts';
import { TINY_CHALLENGE } from '../test-support/challenges.ts';
import { TINY_YAML } from '../test-support/yaml.ts';
import { bindChallenge, parseAttempt, parseChallenge } from './load.ts';

function problems(text: string, base = TINY_YAML): string {
  try {
    bindChallenge(parseChallenge(text, 'c.challenge.yaml'), base, 'tiny.yaml');
  } catch (e) {
    if (e instanceof ScenarioError) return formatIssues(e.issues);
    throw e;
  }
  return '';
}

describe('a challenge file', () => {
  it('parses the tiny challenge against its base', () => {
    expect(problems(TINY_CHALLENGE)).toBe('');
  });

  it('names an unknown key with its place and a did-you-mean', () => {
    const out = problems(TINY_CHALLENGE.replace('hints:', 'hint:'));
    expect(out).toContain('c.challenge.yaml:12:1');
    expect(out).toContain('unknown key "hint"');
    expect(out).toContain('did you mean "hints"?');
  });

  it('refuses a malformed glob and a glob through an unknown top-level key', () => {
    const out = problems(
      TINY_CHALLENGE.replace(
        'change: [services.server.threads, services.server.cores]',
        'change: ["services..threads", service.server.cores]',
      ),
    );
    expect(out).toContain('c.challenge.yaml:10:12  constraints.change[0]');
    expect(out).toContain('"services..threads" is not a path glob');
    expect(out).toContain('constraints.change[1]');
    expect(out).toContain('did you mean "services"?');
  });

  it('suggests the name a glob misspells in the base scenario', () => {
    const out = problems(
      TINY_CHALLENGE.replace('services.server.threads', 'services.sever.threads'),
    );
    expect(out).toContain('constraints.change[0]');
    expect(out).toContain('the scenario has no "sever" there');
    expect(out).toContain('did you mean "server"?');
  });

  it('reports a goal on an unknown endpoint at its place in the challenge', () => {
    const out = problems(TINY_CHALLENGE.replace('endpoint: server/serve', 'endpoint: server/serv'));
    expect(out).toMatch(/c\.challenge\.yaml:7:\d+ {2}goal\.fast\.endpoint/);
    expect(out).toContain('did you mean "serve"?');
  });

  it('reports a question’s key metric the base does not measure at its place', () => {
    const out = problems(
      TINY_CHALLENGE.replace('reveal: [server utilisation]', 'reveal: [db utilisation]'),
    );
    expect(out).toMatch(/c\.challenge\.yaml:15:\d+ {2}questions\[0\]\.reveal\[0\]/);
  });

  it('needs a bound on a key-metric goal', () => {
    const out = problems(TINY_CHALLENGE.replace(', max: 70%', ''));
    expect(out).toContain('goal.not-too-busy');
    expect(out).toContain('sets no bound');
  });
});

describe('an attempt', () => {
  const c = parseChallenge(TINY_CHALLENGE, 'c.challenge.yaml');

  it('is judged on the challenge’s goal, whatever SLOs it declares itself', () => {
    const a = parseAttempt(c, `${TINY_YAML}slos:\n  easy: { p99: 10s }\n`, 'a.yaml');
    expect(a.loaded.variants[0].slos.map((s) => s.name)).toEqual(['fast']);
  });

  it('leaves out of the answers a question it does not measure', () => {
    const renamed = TINY_YAML.replaceAll('server', 'host');
    const withGoal = parseChallenge(
      TINY_CHALLENGE.replace('endpoint: server/serve, ', '').replace(
        '  not-too-busy: { metric: server utilisation, max: 70% }\n',
        '',
      ),
      'c.challenge.yaml',
    );
    const a = parseAttempt(withGoal, renamed, 'a.yaml');
    expect(a.reveals).toEqual([]);
  });

  it('with a problem of its own is refused with its place', () => {
    expect(() =>
      parseAttempt(c, TINY_YAML.replace('threads: 2', 'threads: two'), 'a.yaml'),
    ).toThrow(ScenarioError);
  });
});
