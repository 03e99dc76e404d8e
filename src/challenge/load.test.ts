/**
 * A challenge file is checked like a scenario: every problem located in it (file:line:col, the
 * document path), worded, with did-you-mean; problems of the goal and the questions found
 * against the base scenario are reported in the challenge file too.
 */
import { describe, expect, it } from 'vitest';
import { formatIssues } from '../scenario/format.ts';
import { ScenarioError } from '../scenario/issues.ts';
import { BROKEN_CHALLENGES, challengeIssues, TINY_CHALLENGE } from '../test-support/challenges.ts';
import { expectParts } from '../test-support/expect-parts.ts';
import { TINY_YAML } from '../test-support/yaml.ts';
import { parseAttempt, parseChallenge } from './load.ts';

function problems(text: string, base = TINY_YAML): string {
  const issues = challengeIssues(text, base);
  return issues.length === 0 ? '' : formatIssues(issues);
}

describe('a challenge file', () => {
  it('parses the tiny challenge against its base', () => {
    expect(problems(TINY_CHALLENGE)).toBe('');
  });

  for (const { problem, text, parts } of [
    {
      problem: 'an unknown key, with its place and a did-you-mean',
      text: TINY_CHALLENGE.replace('hints:', 'hint:'),
      parts: ['c.challenge.yaml:12:1', 'unknown key "hint"', 'did you mean "hints"?'],
    },
    {
      problem: 'a malformed glob and a glob through an unknown top-level key',
      text: BROKEN_CHALLENGES.badGlobs,
      parts: [
        'c.challenge.yaml:10:12  constraints.change[0]',
        '"services..threads" is not a path glob',
        'constraints.change[1]',
        'did you mean "services"?',
      ],
    },
    {
      problem: 'the name a glob misspells in the base scenario, with a did-you-mean',
      text: BROKEN_CHALLENGES.misspeltGlob,
      parts: [
        'constraints.change[0]',
        'the scenario has no "sever" there',
        'did you mean "server"?',
      ],
    },
    {
      problem: 'a goal on an unknown endpoint, at its place in the challenge',
      text: BROKEN_CHALLENGES.unknownEndpoint,
      parts: [/c\.challenge\.yaml:7:\d+ {2}goal\.fast\.endpoint/, 'did you mean "serve"?'],
    },
    {
      problem: 'a question’s key metric the base does not measure, at its place',
      text: BROKEN_CHALLENGES.unknownReveal,
      parts: [/c\.challenge\.yaml:15:\d+ {2}questions\[0\]\.reveal\[0\]/],
    },
    {
      problem: 'a title of two lines (it would end the starting attempt’s comment line)',
      text: TINY_CHALLENGE.replace(/^title: .*$/m, 'title: "Serve fast\\nservices: {}"'),
      parts: [/c\.challenge\.yaml:\d+:\d+ {2}title/, 'expected a title of one line'],
    },
    {
      problem: 'a key-metric goal without a bound',
      text: BROKEN_CHALLENGES.noBound,
      parts: ['goal.not-too-busy', 'sets no bound'],
    },
  ])
    it(`reports ${problem}`, () => expectParts(problems(text), parts));
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

  it('that does not parse as YAML is refused at its place, in Korean too', () => {
    // a tab before a key: the error a Korean student sees as the scenario's own (Check, --lang ko)
    const text = TINY_YAML.replace(/^( +)(threads: 2)$/m, '\t$2');
    expect(text).not.toBe(TINY_YAML);
    let issues: ScenarioError['issues'] = [];
    try {
      parseAttempt(c, text, 'a.yaml');
    } catch (e) {
      if (!(e instanceof ScenarioError)) throw e;
      issues = e.issues;
    }
    expect(issues.length).toBeGreaterThan(0);
    for (const i of issues) {
      expect(i.code).toBe('yaml-syntax');
      expect(i.message).toMatch(/^cannot parse the file: /);
      expect(i.ko?.message).toMatch(/^파일을 해석할 수 없습니다: /);
    }
  });

  it('with a problem of its own is refused with its place', () => {
    expect(() =>
      parseAttempt(c, TINY_YAML.replace('threads: 2', 'threads: two'), 'a.yaml'),
    ).toThrow(ScenarioError);
  });
});
