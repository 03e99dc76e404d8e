/**
 * Tests of format.ts, alone and at the end of the chain YAML text → zod → fromZodIssues →
 * createLocator → formatIssues, so that the printed wording and positions are reviewed together.
 */
import { describe, expect, it } from 'vitest';
import { LineCounter, parseDocument } from 'yaml';
import { BUILTIN_STEP_KINDS } from '../model/steps/registry.ts';
import { shopHead } from '../test-support/yaml.ts';
import { checkReferences } from './check-references.ts';
import { formatIssue, formatIssues } from './format.ts';
import type { ScenarioIssue, UnlocatedIssue } from './issues.ts';
import { createLocator } from './locate.ts';
import { stepLanguage } from './step-syntax.ts';

const LANGUAGE = stepLanguage(BUILTIN_STEP_KINDS);
const ScenarioDocument = LANGUAGE.document;

import { fromZodIssues } from './zod-issues.ts';

/** Validates YAML text the way the loader does and prints the issues. */
function report(text: string, file = 'scenarios/shop.yaml'): string {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter });
  const locate = createLocator(doc, lineCounter);
  const input = doc.toJS();
  const result = ScenarioDocument.safeParse(input);
  const unlocated: UnlocatedIssue[] = result.success
    ? checkReferences(result.data, LANGUAGE)
    : fromZodIssues(result.error.issues, input, ScenarioDocument);
  const issues = unlocated.map(({ onKey, ...issue }): ScenarioIssue => {
    const { line, col } = locate(issue.path, onKey);
    return { ...issue, file, line, col };
  });
  return formatIssues(issues.sort((a, b) => a.line - b.line || a.col - b.col));
}

const issue: ScenarioIssue = {
  code: 'unknown-reference',
  severity: 'error',
  path: ['services', 'orders', 'endpoints', 'get', 'steps', 0],
  message: 'unknown service "custmer"; known: customers, orders',
  hint: 'did you mean "customers"?',
  file: 'scenarios/shop.yaml',
  line: 14,
  col: 9,
};

describe('formatIssue', () => {
  it('prints the place, the message and the hint of an error', () => {
    expect(formatIssue(issue)).toMatchInlineSnapshot(`
      "scenarios/shop.yaml:14:9  services.orders.endpoints.get.steps[0]
        ✖ unknown service "custmer"; known: customers, orders
        → did you mean "customers"?"
    `);
  });

  it('marks a warning and leaves out a missing hint', () => {
    const warning: ScenarioIssue = { ...issue, severity: 'warning', hint: undefined, path: [] };
    expect(formatIssue(warning)).toMatchInlineSnapshot(`
      "scenarios/shop.yaml:14:9  (document)
        ⚠ unknown service "custmer"; known: customers, orders"
    `);
  });
});

describe('formatIssues', () => {
  it('counts errors and warnings after the blocks', () => {
    const warning: ScenarioIssue = { ...issue, severity: 'warning', line: 20 };
    expect(formatIssues([issue, issue, warning]).split('\n').at(-1)).toBe('2 errors, 1 warning');
    expect(formatIssues([warning]).split('\n').at(-1)).toBe('1 warning');
    expect(formatIssues([])).toBe('0 errors');
  });

  it('prints schema problems of a YAML file at their line and column', () => {
    const text = `${shopHead({ duration: '10 sec', target: 'orders/get' })}  orders:
    instances: 2
    endpoints:
      get:
        steps:
          - cpus: 2ms
          - call: customers/get
            timout: 1s
`;
    expect(report(text)).toMatchInlineSnapshot(`
      "scenarios/shop.yaml:3:11  duration
        ✖ expected a duration such as "2ms", "1.5s", "250us" or a number of ms, received "10 sec"
        → duration units: us, µs, ms, s, m or min, h

      scenarios/shop.yaml:12:13  services.orders.endpoints.get.steps[0]
        ✖ a step needs exactly one of: cpu, sleep, call, query, parallel, branch, list, lookup, publish, kv, saga, transaction, twoPhaseCommit, pending, readPending, eventStore, updateCopy, readCopy; it has cpus
        → did you mean "cpu" instead of "cpus"?

      scenarios/shop.yaml:14:13  services.orders.endpoints.get.steps[1].timout
        ✖ unknown key "timout"
        → valid keys here: breaker, bulkhead, call, fallback, payload, retry, timeout; did you mean "timeout"?

      3 errors"
    `);
  });

  it('prints reference problems of a YAML file at their line and column', () => {
    const text = `${shopHead({ duration: '10s', target: 'orders/get' })}  customers:
    endpoints:
      get: { steps: [{ cpu: 1ms }] }
  orders:
    endpoints:
      get:
        steps:
          - call: custmer/get
          - branch:
              - probability: 0.2
                steps: [{ call: orders/get }]
`;
    expect(report(text)).toMatchInlineSnapshot(`
      "scenarios/shop.yaml:14:19  services.orders.endpoints.get.steps[0].call
        ✖ unknown service "custmer"; known: customers, orders
        → did you mean "customers"?

      scenarios/shop.yaml:17:33  services.orders.endpoints.get.steps[1].branch[0].steps[0].call
        ⚠ endpoints may call each other in a loop: orders/get → orders/get
        → a branch on the way can end the loop; check its probability keeps requests short

      1 error, 1 warning"
    `);
  });
});
