/**
 * Test helpers: build scenarios from YAML text through the real loader, and run them.
 */

import type { RunResult } from '../metrics/summary.ts';
import { type LanguageOptions, parseScenario } from '../model/language.ts';
import { runScenario } from '../model/run.ts';
import { formatIssues } from '../scenario/format.ts';
import { ScenarioError } from '../scenario/issues.ts';
import type { Scenario } from '../scenario/types.ts';

/** The first (or only) variant of a scenario written as YAML. */
export function scenarioFromYaml(text: string, variant = 0): Scenario {
  return parseScenario(text, 'test.yaml').variants[variant];
}

/** Runs a YAML scenario with an optional seed. */
export function runYaml(text: string, seed?: number): Promise<RunResult> {
  return runScenario(scenarioFromYaml(text), { seed });
}

/** A one-service queue: `threads` servers, Poisson arrivals at `ratePerSec`, exponential work of `meanMs`. */
export function queueYaml(opts: {
  ratePerSec: number;
  meanMs: number;
  threads: number;
  duration: string;
  warmup: string;
}): string {
  return `
version: 1
name: queue
duration: ${opts.duration}
warmup: ${opts.warmup}
workloads:
  arrivals: { rate: ${opts.ratePerSec}, target: server/serve }
services:
  server:
    threads: ${opts.threads}
    endpoints:
      serve:
        steps:
          - cpu: { dist: exponential, mean: ${opts.meanMs}ms }
`;
}

/**
 * The first six lines of a small test scenario named shop, up to `services:` (a test appends
 * its services and the rest, so its line numbers are those of the whole text): one open
 * workload `browse` at 10/s to `target`.
 */
export function shopHead(opts: { duration?: string; target?: string; rate?: string } = {}): string {
  const { duration = '60s', target = 'gateway/home', rate = '10/s' } = opts;
  return `version: 1
name: shop
duration: ${duration}
workloads:
  browse: { rate: ${rate}, target: ${target} }
services:
`;
}

/** `shopHead()` and its one service: gateway/home, 1 ms of CPU (lines 1–9). */
export const GATEWAY_HOME = `${shopHead()}  gateway:
    endpoints:
      home: { steps: [{ cpu: 1ms }] }
`;

/**
 * The head of a small test scenario named shop with one open workload `w` to orders/get, up to
 * `  orders:` (lines 1–7; a test appends the service's settings and endpoints).
 */
export function ordersHead(duration = '10s', rate = '100/s'): string {
  return `version: 1
name: shop
duration: ${duration}
workloads:
  w: { rate: ${rate}, target: orders/get }
services:
  orders:
`;
}

/**
 * The formatted problems of a scenario text, as `msasim validate` prints them, or `valid` ('' by
 * default) when there are none; `options` as parseScenario's (overrides, the step kinds).
 */
export function scenarioProblems(
  text: string,
  file = 'shop.yaml',
  valid = '',
  options: LanguageOptions = {},
): string {
  try {
    parseScenario(text, file, options);
    return valid;
  } catch (e) {
    if (e instanceof ScenarioError) return formatIssues(e.issues);
    throw e;
  }
}
