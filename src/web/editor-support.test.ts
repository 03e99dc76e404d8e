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
import { keysAt, type PathStep, type SchemaNode } from './schema-keys.ts';
import { defaultRange, numericParameters } from './whatif.ts';
import { completionPathAt, keyAt } from './yaml-paths.ts';

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

  it("words the problem in the toolbar's language: Korean when the issue has it, else English", () => {
    const text = shop.replace('call: products/list', 'call: prodcts/list');
    const issues = issuesOf(text);
    const [ko] = diagnosticsOf(text, issues, 'ko');
    expect(ko.message).not.toMatch(/unknown service/);
    expect(ko.message).toMatch(/[가-힣]/);
    expect(ko.message).toContain('prodcts');
    expect(ko.message).toContain('products');
    expect(diagnosticsOf(text, issues, 'en')[0].message).toBe(
      diagnosticsOf(text, issues)[0].message,
    );
    const english = {
      line: 1,
      col: 1,
      severity: 'error',
      message: 'm',
      hint: 'h',
    } as ScenarioIssue;
    expect(diagnosticsOf('a: 1', [english], 'ko')[0].message).toBe('m\n→ h');
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

/** The path completion reads at the first `|` of `marked` (the `|` taken out). */
function pathAtBar(marked: string): ReturnType<typeof completionPathAt> {
  const at = marked.indexOf('|');
  const text = marked.slice(0, at) + marked.slice(at + 1);
  const word = /[A-Za-z0-9_$-]*$/.exec(text.slice(0, at))?.[0] ?? '';
  return completionPathAt(text, at - word.length, at);
}

describe('completion of keys', () => {
  const block = [
    'services:',
    '  orders:',
    '    threads: 5',
    '    endpoints:',
    '      get:',
    '        steps:',
    '          - cpu: 1ms',
    '            |',
    'workloads:',
    '  w:',
    '    rate: 5/s',
  ].join('\n');
  const serviceKey: PathStep[] = [{ key: 'services' }, { key: 'orders' }];
  const stepKey: PathStep[] = [
    { key: 'services' },
    { key: 'orders' },
    { key: 'endpoints' },
    { key: 'get' },
    { key: 'steps' },
    { item: true },
  ];

  it('reads the path at the cursor from the parsed YAML, block style', () => {
    expect(pathAtBar(block)).toEqual(stepKey);
    expect(
      pathAtBar(block.replace('|', '').replace('    threads: 5', '    ins|\n    threads: 5')),
    ).toEqual(serviceKey);
    expect(
      pathAtBar(block.replace('|', '').replace('    rate: 5/s', '    rate: 5/s\n    |')),
    ).toEqual([{ key: 'workloads' }, { key: 'w' }]);
    expect(pathAtBar('steps:\n- cpu: 1\n- |')).toEqual([{ key: 'steps' }, { item: true }]);
    expect(pathAtBar('|')).toEqual([]);
    // editing a key that has its value already
    expect(pathAtBar(block.replace('|', '').replace('threads: 5', 'thr|eads: 5'))).toEqual(
      serviceKey,
    );
    // a comment is not a key's place (the editor asks only where a key may start: a line's
    // start, after `- `, `{` or `,`)
    expect(pathAtBar(block.replace('|', '# |'))).toBeUndefined();
  });

  it('reads it in flow style too, mid-edit (an unclosed brace)', () => {
    const flow = 'services: {orders: {threads: 5, |}}\nworkloads: {w: {rate: 5/s}}\n';
    expect(pathAtBar(flow)).toEqual(serviceKey);
    expect(pathAtBar('services: {orders: {threads: 5, ins|')).toEqual(serviceKey);
    expect(
      pathAtBar('services:\n  orders: {endpoints: {get: {steps: [{cpu: 1ms}, {|}]}}}\n'),
    ).toEqual(stepKey);
    expect(pathAtBar('services: {orders: {endpoints: {get: {steps: [{cpu: 1ms, |}]}}}}')).toEqual(
      stepKey,
    );
    expect(pathAtBar('{services: {orders: {threads: 5}}, |}')).toEqual([]);
  });

  it('offers the schema keys there (a service, a step, a workload, the top level)', () => {
    const keys = (path: PathStep[] | undefined) => keysAt(schema, path ?? []).map((k) => k.key);
    expect(keys(serviceKey)).toEqual(expect.arrayContaining(['threads', 'instances', 'endpoints']));
    expect(keys(stepKey)).toEqual(expect.arrayContaining(['cpu', 'call', 'query']));
    expect(keys([{ key: 'workloads' }, { key: 'w' }])).toEqual(
      expect.arrayContaining(['rate', 'target']),
    );
    expect(keys([])).toEqual(expect.arrayContaining(['services', 'workloads', 'duration']));
    expect(keys([{ key: 'nothing-here' }])).toEqual([]);
    const threads = keysAt(schema, [{ key: 'services' }, { key: 'x' }]).find(
      (k) => k.key === 'threads',
    );
    expect(threads?.detail).toBe('integer');
  });

  it('finds the key under the mouse and its map, block and flow style', () => {
    const blockText = block.replace('|', '');
    const at = blockText.indexOf('threads') + 2;
    expect(keyAt(blockText, at)).toEqual({
      key: 'threads',
      from: blockText.indexOf('threads'),
      to: blockText.indexOf('threads') + 7,
      path: serviceKey,
    });
    const flow = 'services: {orders: {steps: [{cpu: 1ms}], threads: 5}}';
    expect(keyAt(flow, flow.indexOf('threads') + 3)?.path).toEqual(serviceKey);
    expect(keyAt(flow, flow.indexOf('cpu') + 1)).toMatchObject({
      key: 'cpu',
      path: [{ key: 'services' }, { key: 'orders' }, { key: 'steps' }, { item: true }],
    });
    // a value is no key
    expect(keyAt(flow, flow.indexOf('1ms') + 1)).toBeUndefined();
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

  it('reads flow style as block style', () => {
    const flow = [
      'name: flow',
      'services: {orders: {threads: 8, instances: 2, endpoints: {get: {steps: [{cpu: 1ms}]}}}}',
      'workloads: {w: {target: orders/get, rate: 5/s}}',
      'variants: [{name: a, set: {services.orders.threads: 4}}]',
      'replications: 3',
    ].join('\n');
    expect(numericParameters(flow)).toEqual([
      { path: 'services.orders.threads', value: 8 },
      { path: 'services.orders.instances', value: 2 },
      { path: 'replications', value: 3 },
    ]);
    // the same scenario in block style gives the same list
    const block = [
      'name: flow',
      'services:',
      '  orders:',
      '    threads: 8',
      '    instances: 2 # a comment',
      '    endpoints:',
      '      get:',
      '        steps:',
      '          - cpu: 1ms',
      'replications: 3',
    ].join('\n');
    expect(numericParameters(block)).toEqual(numericParameters(flow));
  });

  it('ranges from a tenth to four times the value', () => {
    expect(defaultRange(50)).toEqual({ min: 5, max: 200, step: 1 });
    expect(defaultRange(2)).toEqual({ min: 1, max: 8, step: 1 });
    expect(defaultRange(0)).toEqual({ min: 0, max: 10, step: 1 });
    expect(defaultRange(0.5)).toEqual({ min: 0.05, max: 2, step: 0.025 });
  });
});
