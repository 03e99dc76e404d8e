/**
 * Validation time grows about linearly with the file: a scenario twice as big takes about twice
 * the CPU time, not four times (issue 12 found 60k services taking > 30 s and 100k > 200 s:
 * yaml's duplicate-key check, `includes` over every name, a recursive call-graph walk). Measured
 * with CPU time, the best of two tries, and a generous ratio (< 3) to survive a busy machine.
 * The same holds for a file whose every service calls one that does not exist (one issue each,
 * each with a did-you-mean over thousands of names).
 */
import { cpuUsage } from 'node:process';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../model/language.ts';
import { bigScenarioYaml } from '../test-support/big-scenario.ts';
import { ScenarioError } from './issues.ts';

/** CPU ms of the best of two parses of `text`. */
function cpuMs(text: string): number {
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < 2; i++) {
    const before = cpuUsage();
    try {
      parseScenario(text, 'big.yaml');
    } catch (e) {
      if (!(e instanceof ScenarioError)) throw e;
    }
    const used = cpuUsage(before);
    best = Math.min(best, (used.user + used.system) / 1000);
  }
  return best;
}

/** `bigScenarioYaml(n)` with every call going to a service that does not exist. */
function misspelt(n: number): string {
  return bigScenarioYaml(n).replace(/call: s(\d+)\/get/g, 'call: zz$1/get');
}

describe('validation time', () => {
  it('grows about linearly with the number of services (n = 500 → 1000)', () => {
    cpuMs(bigScenarioYaml(200)); // warm the JIT
    const small = cpuMs(bigScenarioYaml(500));
    const large = cpuMs(bigScenarioYaml(1000));
    expect(large / small, `${small.toFixed(0)} ms → ${large.toFixed(0)} ms`).toBeLessThan(3);
  });

  it('grows about linearly with the number of problems (n = 500 → 1000)', () => {
    const errors = (() => {
      try {
        parseScenario(misspelt(500), 'big.yaml');
        return 0;
      } catch (e) {
        return (e as ScenarioError).issues.length;
      }
    })();
    expect(errors).toBeGreaterThan(450);
    cpuMs(misspelt(200));
    const small = cpuMs(misspelt(500));
    const large = cpuMs(misspelt(1000));
    expect(large / small, `${small.toFixed(0)} ms → ${large.toFixed(0)} ms`).toBeLessThan(3);
  });
});
