/**
 * Tests of the editor's pure helpers: where an issue is underlined (positions.ts), the YAML path
 * and schema keys of completion (schema-keys.ts) and the what-if parameters (whatif.ts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../model/language.ts';
import { ScenarioError, type ScenarioIssue } from '../scenario/issues.ts';
import { ROOT } from '../test-support/cli.ts';
import { diagnosticsOf } from './positions.ts';
import { keysAt, type SchemaNode, yamlPathAt } from './schema-keys.ts';
import { defaultRange, numericParameters } from './whatif.ts';

const shop = readFileSync(join(ROOT, 'scenarios', 'shop.yaml'), 'utf8');
const schema = JSON.parse(
  readFileSync(join(ROOT, 'scenarios', 'msasim.schema.json'), 'utf8'),
) as SchemaNode;

function issuesOf(text: string): ScenarioIssue[] {
  try {
    parseScenario(text, 'x.yaml');
    return [];
  } catch (e) {
    if (e instanceof ScenarioError) return e.issues;
    throw e;
  }
}

describe('diagnosticsOf', () => {
  it('underlines the misspelt reference the pipeline reports, with its did-you-mean', () => {
    const text = shop.replace('call: products/list', 'call: prodcts/list');
    const [d] = diagnosticsOf(text, issuesOf(text));
    expect(text.slice(d.from, d.to)).toBe('prodcts/list');
    expect(d.severity).toBe('error');
    expect(d.message).toMatch(/unknown service "prodcts".*\n→ did you mean "products"\?/s);
  });

  it('underlines a quoted value whole, and stays inside the text for any line and column', () => {
    const text = 'a: "x y"\nb: 1';
    const issue = { line: 1, col: 4, severity: 'error', message: 'm' } as ScenarioIssue;
    const [q] = diagnosticsOf(text, [issue]);
    expect(text.slice(q.from, q.to)).toBe('"x y"');
    for (const [line, col] of [
      [0, 0],
      [99, 99],
      [2, 50],
    ]) {
      const [d] = diagnosticsOf(text, [{ ...issue, line, col }]);
      expect(d.from).toBeGreaterThanOrEqual(0);
      expect(d.to).toBeLessThanOrEqual(text.length);
      expect(d.from).toBeLessThanOrEqual(d.to);
    }
  });
});

describe('completion of keys', () => {
  const lines = [
    'services:',
    '  orders:',
    '    threads: 5',
    '    endpoints:',
    '      get:',
    '        steps:',
    '          - cpu: 1ms',
    '            ',
    'workloads:',
    '  w:',
    '    ',
  ];

  it('reads the YAML path above the cursor from indentation, through list items', () => {
    expect(yamlPathAt(lines, 2, 4)).toEqual([{ key: 'services' }, { key: 'orders' }]);
    expect(yamlPathAt(lines, 7, 12)).toEqual([
      { key: 'services' },
      { key: 'orders' },
      { key: 'endpoints' },
      { key: 'get' },
      { key: 'steps' },
      { item: true },
    ]);
    expect(yamlPathAt(lines, 10, 4)).toEqual([{ key: 'workloads' }, { key: 'w' }]);
    expect(yamlPathAt(['steps:', '- cpu: 1', '  '], 2, 2)).toEqual([
      { key: 'steps' },
      { item: true },
    ]);
  });

  it('offers the schema keys there (a service, a step, a workload, the top level)', () => {
    const keys = (path: ReturnType<typeof yamlPathAt>) => keysAt(schema, path).map((k) => k.key);
    expect(keys(yamlPathAt(lines, 2, 4))).toEqual(
      expect.arrayContaining(['threads', 'instances', 'endpoints']),
    );
    expect(keys(yamlPathAt(lines, 7, 12))).toEqual(
      expect.arrayContaining(['cpu', 'call', 'query']),
    );
    expect(keys(yamlPathAt(lines, 10, 4))).toEqual(expect.arrayContaining(['rate', 'target']));
    expect(keys([])).toEqual(expect.arrayContaining(['services', 'workloads', 'duration']));
    expect(keys([{ key: 'nothing-here' }])).toEqual([]);
    const threads = keysAt(schema, [{ key: 'services' }, { key: 'x' }]).find(
      (k) => k.key === 'threads',
    );
    expect(threads?.detail).toBe('integer');
  });
});

describe('what-if parameters', () => {
  it('lists the numeric keys outside lists as dotted paths the overrides take', () => {
    const params = numericParameters(shop);
    expect(params).toContainEqual({ path: 'services.orders.threads', value: 50 });
    expect(params).toContainEqual({ path: 'services.gateway.instances', value: 2 });
    expect(params.map((p) => p.path)).not.toContain('seed.x');
    for (const p of params) {
      // every path is one the pipeline accepts as an override
      expect(() =>
        parseScenario(shop, 'shop.yaml', {
          overrides: [{ path: p.path, value: p.value, label: p.path }],
        }),
      ).not.toThrow();
    }
  });

  it('ranges from a tenth to four times the value', () => {
    expect(defaultRange(50)).toEqual({ min: 5, max: 200, step: 1 });
    expect(defaultRange(2)).toEqual({ min: 1, max: 8, step: 1 });
    expect(defaultRange(0)).toEqual({ min: 0, max: 10, step: 1 });
    expect(defaultRange(0.5)).toEqual({ min: 0.05, max: 2, step: 0.025 });
  });
});
