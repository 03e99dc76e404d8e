/**
 * A tiny challenge for the tests of src/challenge/ and the command line: the one-server
 * scenario of the CLI tests at 450/s (90 % busy with 2 threads), to be served with a p90 under
 * 15 ms and a utilisation under 70 % by changing only its threads or cores, 4 threads at most;
 * and a judge of attempts at it.
 */
import { judgeAttempt } from '../challenge/check.ts';
import { bindChallenge, parseAttempt, parseChallenge } from '../challenge/load.ts';
import { runAttempt } from '../challenge/run.ts';
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

/** TINY_CHALLENGE parsed, bound to TINY_BASE. */
export const tinyChallenge = parseChallenge(TINY_CHALLENGE, 'tiny.challenge.yaml');
const tinyBase = bindChallenge(tinyChallenge, TINY_BASE, 'tiny.yaml');

/** The verdict of an attempt at the tiny challenge: run only when it keeps the constraints. */
export async function judgeTiny(text: string) {
  const attempt = parseAttempt(tinyChallenge, text, 'attempt.yaml');
  const first = judgeAttempt(tinyChallenge, tinyBase.raw, attempt, null);
  if (first.violations.length > 0) return first;
  const run = await runAttempt(tinyChallenge, attempt, 'attempt.yaml');
  return judgeAttempt(tinyChallenge, tinyBase.raw, attempt, run);
}
