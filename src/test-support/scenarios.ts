/**
 * Test helpers: build scenarios from YAML text through the real loader, and run them.
 */

import type { RunResult } from '../metrics/summary.ts';
import { parseScenario } from '../model/language.ts';
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

/** The formatted problems of a scenario text, as `msasim validate` prints them ('' when valid). */
export function scenarioProblems(text: string, file = 'shop.yaml'): string {
  try {
    parseScenario(text, file);
    return '';
  } catch (e) {
    if (e instanceof ScenarioError) return formatIssues(e.issues);
    throw e;
  }
}
