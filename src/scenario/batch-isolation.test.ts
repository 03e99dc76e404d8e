/**
 * Documents checked in one batch (`msasim validate a.yaml b.yaml …`) must not see each other:
 * no module-level cache, mutated default or polluted prototype may carry anything from one to
 * the next. The same documents — shipped scenarios, the attack's reproducers, fuzzed ones — are
 * checked forwards, backwards, and each after a hostile one, and must give the same messages.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../model/language.ts';
import { fuzzCases, shippedScenarioFiles } from '../test-support/fuzz-scenarios.ts';
import { ordersHead } from '../test-support/yaml.ts';
import { formatIssues } from './format.ts';
import { ScenarioError } from './issues.ts';

const ROOT = join(import.meta.dirname, '..', '..', 'scenarios');

const base = `${ordersHead()}    endpoints:
      get: { steps: [ { cpu: 1ms } ] }
`;

/** The attack's documents: each once polluted Object.prototype or crashed. */
const HOSTILE: Record<string, string> = {
  'proto-own.yaml': `${base}variants:\n  v:\n    set:\n      "__proto__.hasOwnProperty": 1\n`,
  'proto-instances.yaml': `${base}variants:\n  v:\n    set:\n      "__proto__.instances": 0\n`,
  'proto-key.yaml': base.replace('  orders:\n', '  orders:\n    __proto__: { instances: 0 }\n'),
  'constructor.yaml': base.replaceAll('orders', 'constructor'),
  'to-string.yaml': base.replaceAll('orders', 'toString'),
  'empty-variants.yaml': `${base}variants: {}\n`,
  'alias.yaml': base.replace('target: orders/get', 'target: *nope'),
};

/** What `msasim validate` would say about one document. */
function verdict(text: string, file: string): string {
  try {
    const loaded = parseScenario(text, file);
    return `valid ${loaded.variants.length} ${formatIssues(loaded.warnings)}`;
  } catch (e) {
    if (e instanceof ScenarioError) return formatIssues(e.issues);
    return `internal error: ${String(e)}`;
  }
}

describe('one validate call, many documents', () => {
  const docs: [string, string][] = [
    ...shippedScenarioFiles(ROOT).map((f): [string, string] => [
      f,
      readFileSync(join(ROOT, f), 'utf8'),
    ]),
    ...Object.entries(HOSTILE),
    ...[...fuzzCases(ROOT, 'batch', 40)].map((c, i): [string, string] => [
      `fuzz-${i}.yaml`,
      c.text,
    ]),
  ];

  it('gives each document the same messages in any order and after any other', () => {
    const prototypeKeys = Object.getOwnPropertyNames(Object.prototype).sort();
    const forward = new Map(docs.map(([file, text]) => [file, verdict(text, file)]));
    const backward = new Map(
      [...docs].reverse().map(([file, text]) => [file, verdict(text, file)]),
    );
    expect(Object.fromEntries(backward)).toEqual(Object.fromEntries(forward));
    for (const [file, text] of docs) {
      for (const [hostile, bad] of Object.entries(HOSTILE)) verdict(bad, hostile);
      expect(verdict(text, file), file).toBe(forward.get(file));
    }
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeKeys);
    expect(forward.get('proto-instances.yaml')).toMatch(/reserved by JavaScript/);
    expect(forward.get('constructor.yaml')).toMatch(/JavaScript reserves it/);
    expect(forward.get('to-string.yaml')).toMatch(/^valid 1/);
  });
});
