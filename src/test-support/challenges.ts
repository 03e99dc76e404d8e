/**
 * A tiny challenge for the tests of src/challenge/ and the command line: the one-server
 * scenario of the CLI tests at 450/s (90 % busy with 2 threads), to be served with a p90 under
 * 15 ms and a utilisation under 70 % by changing only its threads or cores, 4 threads at most;
 * the same challenge spoiled one way each, and the problems of a challenge file; a judge of
 * attempts at it.
 */
import { judgeAttempt } from '../challenge/check.ts';
import { bindChallenge, parseAttempt, parseChallenge } from '../challenge/load.ts';
import { runAttempt } from '../challenge/run.ts';
import { ScenarioError, type ScenarioIssue } from '../scenario/issues.ts';
import { TINY_YAML } from './yaml.ts';

/** The tiny scenario of the CLI tests at 450/s: 90 % busy with 2 threads. */
export const TINY_BASE = TINY_YAML.replace('rate: 200/s', 'rate: 450/s');

/** The challenge over TINY_BASE (its file is expected at tiny.yaml beside it). */
export const TINY_CHALLENGE = `version: 1
name: tiny-challenge
title: Serve fast with few threads
experiment: 4
scenario: tiny.yaml
goal:
  fast: { endpoint: server/serve, p90: 15ms }
  not-too-busy: { metric: server utilisation, max: 70% }
constraints:
  change: [services.server.threads, services.server.cores]
  budget: { threads: 4 }
hints: [More threads help, up to a point.]
questions:
  - ask: How busy will the server be?
    reveal: [server utilisation]
`;

/**
 * The tiny challenge spoiled one way each, for the tests of a challenge file's problems (in
 * English, challenge/load.test.ts, and in Korean, load-ko.test.ts).
 */
export const BROKEN_CHALLENGES = {
  /** A goal on an unknown endpoint, server/serv. */
  unknownEndpoint: TINY_CHALLENGE.replace('endpoint: server/serve', 'endpoint: server/serv'),
  /** A question revealing a key metric the base does not have. */
  unknownReveal: TINY_CHALLENGE.replace('reveal: [server utilisation]', 'reveal: [db utilisation]'),
  /** A glob that is none, and a glob through an unknown top-level key. */
  badGlobs: TINY_CHALLENGE.replace(
    'change: [services.server.threads, services.server.cores]',
    'change: ["services..threads", service.server.cores]',
  ),
  /** A glob through a name the base scenario misspells. */
  misspeltGlob: TINY_CHALLENGE.replace('services.server.threads', 'services.sever.threads'),
  /** A key-metric goal without a bound. */
  noBound: TINY_CHALLENGE.replace(', max: 70%', ''),
};

/** The problems of challenge `text` (file c.challenge.yaml) bound to `base`: none, []. */
export function challengeIssues(text: string, base = TINY_YAML): ScenarioIssue[] {
  try {
    bindChallenge(parseChallenge(text, 'c.challenge.yaml'), base, 'tiny.yaml');
  } catch (e) {
    if (e instanceof ScenarioError) return e.issues;
    throw e;
  }
  return [];
}

/** TINY_CHALLENGE parsed, bound to TINY_BASE. */
export const tinyChallenge = parseChallenge(TINY_CHALLENGE, 'tiny.challenge.yaml');
const tinyBase = bindChallenge(tinyChallenge, TINY_BASE, 'tiny.yaml');

/**
 * The verdict of an attempt at the tiny challenge (or at `challengeText`, a variant of it):
 * run only when it keeps the constraints.
 */
export async function judgeTiny(text: string, challengeText?: string) {
  const c =
    challengeText === undefined ? tinyChallenge : parseChallenge(challengeText, 'c.challenge.yaml');
  const base = challengeText === undefined ? tinyBase : bindChallenge(c, TINY_BASE, 'tiny.yaml');
  const attempt = parseAttempt(c, text, 'attempt.yaml');
  const first = judgeAttempt(c, base.raw, attempt, null);
  if (first.violations.length > 0) return first;
  const run = await runAttempt(c, attempt, 'attempt.yaml');
  return judgeAttempt(c, base.raw, attempt, run);
}

/**
 * The tiny challenge with a description, a goal description and its Korean translation (for
 * the tests of challenge/translation.ts and the Korean brief and verdict).
 */
export const TINY_CHALLENGE_KO = `${TINY_CHALLENGE.replace(
  'not-too-busy: { metric: server utilisation, max: 70% }',
  'not-too-busy: { metric: server utilisation, max: 70%, description: keep some headroom }',
).replace(
  'experiment: 4\n',
  'experiment: 4\ndescription: One server is too busy to be fast.\n',
)}translations:
  ko:
    title: 적은 스레드로 빠르게 응답하기
    description: 서버 하나가 너무 바빠서 빠르지 않습니다.
    hints: [스레드를 늘리면 도움이 됩니다, 어느 정도까지는.]
    questions: [서버는 얼마나 바쁠까요?]
    goals:
      not-too-busy: 여유를 남겨 두세요
`;
