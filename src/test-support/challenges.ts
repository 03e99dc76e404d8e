/**
 * A tiny challenge for the tests of src/challenge/ and the command line: the one-server
 * scenario of the CLI tests at 450/s (90 % busy with 2 threads), to be served with a p90 under
 * 15 ms and a utilisation under 70 % by changing only its threads or cores, 4 threads at most.
 */
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
