/**
 * Reproducers of issue 12's attack on the loader: prototype pollution through `set:` paths and
 * keys, YAML alias tricks, nesting, call chains of thousands of services, and sizes or periods
 * that cannot run. Each must end in a located, worded ScenarioError (or a warning), never an
 * exception of another kind, and leave nothing behind for the next document.
 */
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../model/language.ts';
import { runScenario } from '../model/run.ts';
import { bigScenarioYaml } from '../test-support/big-scenario.ts';
import { billionLaughs } from '../test-support/fuzz-scenarios.ts';
import { ordersHead, shopHead } from '../test-support/yaml.ts';
import { formatIssues } from './format.ts';
import { ScenarioError } from './issues.ts';
import { fileProblem } from './load.ts';

/** The formatted problems of `text` ('valid' when none; warnings are printed too). */
function problems(text: string): string {
  try {
    const loaded = parseScenario(text, 'bad.yaml');
    return loaded.warnings.length === 0 ? 'valid' : formatIssues(loaded.warnings);
  } catch (e) {
    if (e instanceof ScenarioError) return formatIssues(e.issues);
    throw e;
  }
}

const base = `${ordersHead()}    instances: 2
    endpoints:
      get: { steps: [ { cpu: 1ms } ] }
`;

/** `base` with a variant that sets `key` to `value`. */
function withSet(key: string, value: string): string {
  return `${base}variants:\n  v:\n    set:\n      "${key}": ${value}\n`;
}

describe('prototype pollution', () => {
  it.each([
    '__proto__.hasOwnProperty',
    '__proto__.instances',
    'services.__proto__.polluted',
    'services.orders.constructor.prototype.polluted',
    'prototype',
  ])('refuses the set: path %s with a located error and changes nothing', (key) => {
    const text = problems(withSet(key, '0'));
    expect(text).toMatch(/^bad\.yaml:14:7 {2}variants\.v\.set/);
    expect(text).toMatch(/which is not a key of the scenario \(it is reserved by JavaScript\)/);
    expect(Object.getOwnPropertyNames(Object.prototype)).not.toContain('instances');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(problems(base)).toBe('valid');
  });

  it('refuses the same paths as overrides (a sweep --param)', () => {
    expect(() =>
      parseScenario(base, 'bad.yaml', {
        overrides: [
          { path: '__proto__.instances', value: 0, label: '--param __proto__.instances=0' },
        ],
      }),
    ).toThrow(ScenarioError);
    expect(({} as Record<string, unknown>).instances).toBeUndefined();
  });

  it('refuses a __proto__ key in the document where it is written', () => {
    expect(
      problems(base.replace('    instances: 2\n', '    __proto__: { instances: 0 }\n')),
    ).toMatchInlineSnapshot(`
      "bad.yaml:8:5  services.orders.__proto__
        ✖ the key "__proto__" is not allowed: it is reserved by JavaScript
        → rename or remove it

      1 error"
    `);
  });

  it('treats names such as toString and valueOf as plain names', () => {
    const text = `${base}brokers:\n  kafka: { topics: { t: {} } }\nconsumers:\n  c: { broker: toString, topic: t, handler: orders/get }\n  d: { broker: kafka, topic: hasOwnProperty, handler: orders/get }\nfaults:\n  f: { kind: crash, target: valueOf, at: 1s }\n`;
    const out = problems(text);
    expect(out).toMatch(/unknown broker "toString"; known: kafka/);
    expect(out).toMatch(/unknown topic "hasOwnProperty" of broker "kafka"; known: t/);
    expect(out).toMatch(/unknown component "valueOf"/);
  });

  it('gives services named toString or valueOf their own endpoints', () => {
    expect(problems(base.replaceAll('orders', 'toString'))).toBe('valid');
    expect(problems(base.replaceAll('orders', 'valueOf'))).toBe('valid');
  });

  it('refuses constructor and prototype as names (a set: path could not reach them)', () => {
    expect(problems(base.replaceAll('orders', 'constructor'))).toMatchInlineSnapshot(`
      "bad.yaml:7:3  services.constructor
        ✖ "constructor" cannot name anything here: JavaScript reserves it
        → rename it (e.g. constructor-service); a variant's set: path could not reach it

      1 error"
    `);
  });
});

describe('YAML aliases and nesting', () => {
  it('reports an alias to no anchor where it is', () => {
    expect(problems(base.replace('target: orders/get', 'target: *nope'))).toMatchInlineSnapshot(`
      "bad.yaml:5:29  workloads.w.target
        ✖ alias *nope refers to no anchor &nope defined before it
        → define the anchor (&name) on a value above the alias, or write the value out

      1 error"
    `);
  });

  it('reports an alias inside the value it refers to', () => {
    const text = base.replace(
      'get: { steps: [ { cpu: 1ms } ] }',
      'get: &ep { steps: [ { parallel: [ *ep ] } ] }',
    );
    expect(problems(text)).toMatch(
      /bad\.yaml:10:41 {2}services\.orders\.endpoints\.get\.steps\[0\]\.parallel\[0\]\n {2}✖ alias \*ep is inside the value it refers to/,
    );
  });

  it('reports aliases that expand the document enormously (a billion laughs)', () => {
    const out = problems(`${billionLaughs('a', 'a')}\n${base}`);
    expect(out).toMatch(/aliases here repeat more than 1,000,000 values of the document/);
    expect(out).toMatch(/^bad\.yaml:\d+:\d+ {2}a\d/);
  });

  it('expands legitimate aliases, and a variant changes only the place it names', () => {
    const text = `${shopHead({ duration: '10s', rate: '100/s', target: 'a/get' })}  a: &svc
    instances: 2
    endpoints:
      get: { steps: [ { cpu: 1ms } ] }
  b: *svc
variants:
  big:
    set:
      services.a.instances: 5
`;
    const [v] = parseScenario(text, 'ok.yaml').variants;
    expect(v.services.map((s) => [s.id, s.instances])).toEqual([
      ['a', 5],
      ['b', 2],
    ]);
  });

  it.each([64, 1000, 5000])('reports maps and lists nested %i deep', (depth) => {
    const text = base.replace(
      'w: { rate',
      `deep: ${'['.repeat(depth)}${']'.repeat(depth)}\n  w: { rate`,
    );
    const out = problems(text);
    expect(out).toMatch(/nested more than 64 levels deep/);
    expect(out).toMatch(/^bad\.yaml:5:/);
  });

  it('reports each key given twice in a map', () => {
    expect(
      problems(base.replace('    instances: 2\n', '    instances: 2\n    instances: 3\n')),
    ).toMatchInlineSnapshot(`
      "bad.yaml:9:5  services.orders.instances
        ✖ the key "instances" is given twice in this map
        → keep one of them (the parser would otherwise silently use the last)

      1 error"
    `);
  });

  it('explains merge keys and keys that are lists', () => {
    expect(problems(base.replace('    instances: 2\n', '    <<: { instances: 2 }\n'))).toMatch(
      /merge keys \(<<\) are not supported/,
    );
    expect(problems(base.replace('    instances: 2\n', '    ? [a, b]\n    : 1\n'))).toMatch(
      /a key must be a name, not a list, a map or an alias/,
    );
  });

  it('refuses a key that is an alias, where it is: it could repeat a key unseen', () => {
    // `*n` stands for "instances": the map would hold that key twice, the last silently kept
    const text = base.replace('    instances: 2\n', '    &n instances: 2\n    *n : 3\n');
    expect(problems(text)).toMatchInlineSnapshot(`
      "bad.yaml:9:5  services.orders["*n"]
        ✖ a key must be a name, not a list, a map or an alias (*name)
        → write the key as plain text

      1 error"
    `);
  });
});

describe('variants: {}', () => {
  it('runs once without variants, with a warning at variants:', () => {
    const loaded = parseScenario(`${base}variants: {}\n`, 'bad.yaml');
    expect(loaded.variants).toHaveLength(1);
    expect(loaded.variants[0].variant).toBeUndefined();
    expect(formatIssues(loaded.warnings)).toMatch(
      /^bad\.yaml:11:1 {2}variants\n {2}⚠ variants: lists no variant, so the scenario runs once without variants/,
    );
  });
});

describe('call chains of thousands of services', () => {
  /** `n` services, each calling the next; the last does the work. */
  function chain(n: number, latency = '0'): string {
    const lines = [
      'version: 1',
      'name: chain',
      'duration: 1s',
      `network: { latency: ${latency} }`,
      'workloads:',
      '  w: { rate: 10/s, target: s0/get }',
      'services:',
    ];
    for (let i = 0; i < n; i++)
      lines.push(
        `  s${i}:`,
        `    endpoints: { get: { steps: [ ${i + 1 < n ? `{ call: s${i + 1}/get }` : '{ cpu: 1ms }'} ] } }`,
      );
    return `${lines.join('\n')}\n`;
  }

  it('validates a chain of 5,000 services and finds a loop closing it', () => {
    expect(problems(chain(5000))).toBe('valid');
    const loop = chain(5000).replace('{ cpu: 1ms }', '{ call: s0/get }');
    expect(problems(loop)).toMatch(
      /endpoints call each other in a loop that never ends: s0\/get → s1\/get → s2\/get/,
    );
  });

  it('runs a chain of 3,000 services whose hops take no time', async () => {
    const [scenario] = parseScenario(chain(3000), 'chain.yaml').variants;
    const result = await runScenario(scenario);
    expect(result.summary.run.stopReason).toBe('until');
    expect(result.summary.overall.outcomes.ok).toBeGreaterThan(0);
  });
});

describe('sizes and periods that cannot run', () => {
  it.each([
    [
      'users: 1000000000',
      'w: { users: 1000000000, target: orders/get }',
      'users: at most 1,000,000 (got 1,000,000,000)',
    ],
    [
      'rate: 1e308',
      'w: { rate: 1e308, target: orders/get }',
      'rate: at most 10,000,000/s (got 1e+308/s)',
    ],
    [
      'rate: 20M/s',
      'w: { rate: 20000000/s, target: orders/get }',
      'rate: at most 10,000,000/s (got 20,000,000/s)',
    ],
  ])('refuses %s', (_, workload, message) => {
    expect(problems(base.replace('w: { rate: 100/s, target: orders/get }', workload))).toContain(
      message,
    );
  });

  it.each([
    ['instances', 'instances: 1000000', 'instances: at most 10,000 (got 1,000,000)'],
    ['threads', 'threads: 1e9', 'threads: at most 1,000,000 (got 1,000,000,000)'],
    ['autoscale.every', 'autoscale: { min: 1, max: 4, every: 0 }', 'every must be at least 1ms'],
    ['gc.every', 'gc: { every: 0ms }', 'every must be at least 1ms'],
  ])('refuses a service with %s', (_, line, message) => {
    expect(problems(base.replace('instances: 2', line))).toContain(message);
  });

  it.each([
    ['readers.every', 'readers:\n  r: { every: 0, consumer: c }', 'readers.r.every'],
    ['sessions.syncEvery', 'sessions: { strategy: sticky, syncEvery: 0s }', 'sessions.syncEvery'],
    ['brokers.retryEvery', 'brokers:\n  k: { retryEvery: 0 }', 'brokers.k.retryEvery'],
    [
      'a gc-pause interval',
      'faults:\n  g: { kind: gc-pause, target: orders, at: 1s, interval: { dist: constant, value: 0 } }',
      'faults.g.interval',
    ],
    [
      'a fault every 1us',
      'faults:\n  f: { kind: crash, target: orders, at: 0s, for: 0.5us, every: 1us }',
      'faults.f.every',
    ],
  ])('refuses a period of 0 in %s', (_, section, where) => {
    const out = problems(`${base}${section}\n`);
    expect(out).toContain(where);
    expect(out).toMatch(/must be at least 1ms: a period of 0 would repeat for ever at one instant/);
  });

  it('refuses a fault recurring more than 100,000 times', () => {
    const out = problems(
      `${base}faults:\n  f: { kind: crash, target: orders, at: 0s, for: 1ms, every: 2ms }\n`.replace(
        'duration: 10s',
        'duration: 1000s',
      ),
    );
    expect(out).toContain('the fault would recur 500,000 times in the run; at most 100,000');
  });

  it('refuses durations too long to compute with, and runs longer than a week', () => {
    expect(problems(base.replace('cpu: 1ms', `cpu: ${'9'.repeat(400)}h`))).toMatch(
      /is too long to compute with/,
    );
    expect(problems(base.replace('duration: 10s', 'duration: 169h'))).toContain(
      'duration: at most 604,800 s (got 608,400 s)',
    );
  });

  it('refuses a list of a billion rows and an empty seed', () => {
    const list = `${base}keys:\n  k: { size: 10, owner: orders }\n`.replace(
      '{ cpu: 1ms }',
      '{ list: { rows: 1000000000, refs: [ { keys: k, via: orders/get } ] } }',
    );
    expect(problems(list)).toContain('rows: at most 100,000 (got 1,000,000,000)');
    expect(problems(base.replace('duration: 10s', 'duration: 10s\nseed: ""'))).toContain('seed');
  });

  it('warns that a bare-number duration under 1000 is milliseconds', () => {
    expect(problems(base.replace('duration: 10s', 'duration: 5'))).toMatchInlineSnapshot(`
      "bad.yaml:3:11  duration
        ⚠ duration: 5 is 5 ms (a number without a unit is milliseconds): the run is shorter than 1 s
        → write 5s for 5 seconds

      1 warning"
    `);
  });

  it('validates a scenario of 2,000 services', () => {
    expect(problems(bigScenarioYaml(2000))).toBe('valid');
  });
});

describe('files too big to hold', () => {
  it('refuses what is not a regular file, or more than 64 MB, before reading it', () => {
    expect(fileProblem({ isFile: () => false, size: 0 })).toMatch(/^it is not a regular file/);
    expect(fileProblem({ isFile: () => true, size: 2 * 1024 ** 3 })).toBe(
      'the file holds 2 GB; msasim reads at most 64 MB',
    );
    expect(fileProblem({ isFile: () => true, size: 10_000 })).toBeUndefined();
  });

  it('refuses more than 2,000,000 lines and list items before parsing them', () => {
    const text = `${base}x: [${Array(2_000_001).fill('1').join(',')}]\n`;
    const t0 = performance.now();
    expect(problems(text)).toMatch(
      /^bad\.yaml:1:1 {2}\(document\)\n {2}✖ the file holds about 2,000,01\d lines and list items; msasim reads at most 2,000,000/,
    );
    expect(performance.now() - t0).toBeLessThan(2_000);
  });
});
