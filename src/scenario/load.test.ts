/**
 * The whole front half of the pipeline (text → YAML → variants → schema → references →
 * normalize) on a catalogue of bad inputs, printed as the user sees them (inline snapshots),
 * plus fuzzing: no input, however broken, escapes as anything but a ScenarioError.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseScenario } from '../model/language.ts';
import { scenarioProblems } from '../test-support/scenarios.ts';
import { ordersHead } from '../test-support/yaml.ts';
import { formatIssues } from './format.ts';
import { ScenarioError } from './issues.ts';

/** The formatted problems of `text`, or 'valid'. */
const problems = (text: string, file = 'bad.yaml') => scenarioProblems(text, file, 'valid');

const base = `${ordersHead()}    database: db
    endpoints:
      get: { steps: [ { cpu: 1ms }, { query: { rows: 2 } } ] }
databases:
  db: { connections: 4 }
`;

describe('scenario errors, as printed', () => {
  it('accepts the base document', () => {
    expect(problems(base)).toBe('valid');
  });

  it('reports a YAML syntax error at its position', () => {
    expect(problems('version: 1\nname: [shop\nduration: 1s\n')).toMatchInlineSnapshot(`
      "bad.yaml:3:1  (document)
        ✖ cannot parse the file: Flow sequence in block collection must be sufficiently indented and end with a ]

      1 error"
    `);
  });

  it('reports a tab used as indentation once, without the errors it causes on the lines after', () => {
    const text = base.replace('    database: db\n', '\tdatabase: db\n');
    expect(problems(text)).toMatchInlineSnapshot(`
      "bad.yaml:8:1  (document)
        ✖ cannot parse the file: Tabs are not allowed as indentation

      1 error"
    `);
  });

  it('reports a wrong type with what was expected and received', () => {
    expect(problems(base.replace('connections: 4', 'connections: four'))).toMatchInlineSnapshot(`
      "bad.yaml:12:22  databases.db.connections
        ✖ expected a number, received string "four"

      1 error"
    `);
  });

  it('reports an unknown key with the valid keys and a did-you-mean', () => {
    expect(problems(base.replace('    database: db', '    databse: db'))).toMatchInlineSnapshot(`
      "bad.yaml:8:5  services.orders.databse
        ✖ unknown key "databse"
        → valid keys here: autoscale, cores, database, description, endpoints, gc, healthCheck, instances, loadBalancer, queueCapacity, rateLimit, runtime, …; did you mean "database"?

      1 error"
    `);
  });

  it('reports an unknown reference with a suggestion', () => {
    expect(
      problems(base.replace('target: orders/get', 'target: order/get')),
    ).toMatchInlineSnapshot(`
      "bad.yaml:5:29  workloads.w.target
        ✖ unknown service "order"; known: orders
        → did you mean "orders"?

      1 error"
    `);
  });

  it('reports a negative rate', () => {
    expect(problems(base.replace('rate: 100/s', 'rate: -100'))).toMatchInlineSnapshot(`
      "bad.yaml:5:14  workloads.w.rate
        ✖ must be >= 0, received -100

      1 error"
    `);
  });

  it('reports a call cycle that never ends', () => {
    expect(problems(base.replace('{ cpu: 1ms }', '{ call: orders/get }'))).toMatchInlineSnapshot(`
      "bad.yaml:10:31  services.orders.endpoints.get.steps[0].call
        ✖ endpoints call each other in a loop that never ends: orders/get → orders/get
        → remove one of the calls, or put it inside a branch with probability below 1

      1 error"
    `);
  });

  it('reports every problem at once, in file order', () => {
    const text = base
      .replace('duration: 10s', 'duration: 10 seconds')
      .replace('{ cpu: 1ms }', '{ cpus: 1ms }')
      .replace('connections: 4', 'connections: 0');
    expect(problems(text)).toMatchInlineSnapshot(`
      "bad.yaml:3:11  duration
        ✖ expected a duration such as "2ms", "1.5s", "250us" or a number of ms, received "10 seconds"
        → duration units: us, µs, ms, s, m or min, h

      bad.yaml:10:23  services.orders.endpoints.get.steps[0]
        ✖ a step needs exactly one of: cpu, sleep, call, query, parallel, branch, list, lookup, publish, kv, saga, transaction, twoPhaseCommit, pending, readPending, eventStore, updateCopy, readCopy; it has cpus
        → did you mean "cpu" instead of "cpus"?

      bad.yaml:12:22  databases.db.connections
        ✖ must be >= 1, received 0

      3 errors"
    `);
  });

  it('places problems of a variant at its override', () => {
    const text = `${base}variants:\n  big:\n    set:\n      services.orders.instances: 0\n      services.orders.databse: db\n`;
    expect(problems(text)).toMatchInlineSnapshot(`
      "bad.yaml:16:34  services.orders.instances
        ✖ in variant "big": must be >= 1, received 0

      bad.yaml:17:32  services.orders.databse
        ✖ in variant "big": unknown key "databse"
        → valid keys here: autoscale, cores, database, description, endpoints, gc, healthCheck, instances, loadBalancer, queueCapacity, rateLimit, runtime, …; did you mean "database"?

      2 errors"
    `);
  });

  it('says a warning of the base document once, not again in every variant', () => {
    // the timeout of 0.2 (ms) is the base's; variant "c" makes one of its own
    const text = `${base.replace('target: orders/get', 'target: orders/get, timeout: 0.2')}variants:\n  a: {}\n  b: { description: two }\n  c:\n    set: { databases.db.queryTime: 0.3 }\n`;
    const loaded = parseScenario(text, 'ok.yaml');
    expect(formatIssues(loaded.warnings)).toMatchInlineSnapshot(`
      "ok.yaml:5:50  workloads.w.timeout
        ⚠ \`timeout: 0.2\` has no unit, so it is 0.2 ms (a number is milliseconds)
        → write "0.2ms" if you mean it, or "0.2s" for seconds

      ok.yaml:17:36  databases.db.queryTime
        ⚠ in variant "c": \`queryTime: 0.3\` has no unit, so it is 0.3 ms (a number is milliseconds)
        → write "0.3ms" if you mean it, or "0.3s" for seconds

      2 warnings"
    `);
  });

  it('keeps exact positions in tab-indented JSON', () => {
    const json = JSON.stringify(parse(base), null, '\t').replace(
      '"connections": 4',
      '"connections": -4',
    );
    expect(problems(json, 'bad.json')).toMatchInlineSnapshot(`
      "bad.json:32:19  databases.db.connections
        ✖ must be >= 1, received -4

      1 error"
    `);
  });
});

describe('overrides from outside the file (sweep parameters)', () => {
  const o = (path: string, value: unknown) => ({ path, value, label: `--param ${path}=${value}` });
  const withOverrides = (text: string, overrides: ReturnType<typeof o>[]): string =>
    scenarioProblems(text, 'bad.yaml', 'valid', { overrides });

  it('sets a value before the variants, which keep their own settings', () => {
    const text = `${base}variants:\n  one:\n    set: { services.orders.threads: 3 }\n  two:\n    set: { services.orders.instances: 5 }\n`;
    const loaded = parseScenario(text, 'ok.yaml', {
      overrides: [o('services.orders.instances', 4)],
    });
    expect(loaded.variants.map((v) => v.services[0].instances)).toEqual([4, 5]);
    expect(loaded.variants.map((v) => v.services[0].threads)).toEqual([3, 200]);
    expect(formatIssues(loaded.warnings)).toMatchInlineSnapshot(`
      "ok.yaml:17:12  variants.two.set["services.orders.instances"]
        ⚠ variant "two" sets services.orders.instances itself, so changing services.orders.instances from outside the file has no effect on it
        → remove the key from the variant, or sweep a path it does not set

      1 warning"
    `);
  });

  it('names a misspelt key on the way with a did-you-mean, at the map that lacks it', () => {
    expect(withOverrides(base, [o('services.ordrs.instances', 4)])).toMatchInlineSnapshot(`
      "bad.yaml:7:3  services.ordrs
        ✖ in --param services.ordrs.instances=4: there is no "ordrs" here
        → known: orders; did you mean "orders"?

      1 error"
    `);
  });

  it('puts schema problems under the override that caused them, at the value it replaced', () => {
    const text = withOverrides(base, [
      o('services.orders.instances', 0),
      o('services.orders.instnces', 2),
      o('services.extra.threads', 2),
    ]);
    expect(text).toMatchInlineSnapshot(`
      "bad.yaml:7:3  services.extra.endpoints
        ✖ in --param services.extra.threads=2: missing required key "endpoints"

      bad.yaml:8:5  services.orders.instances
        ✖ in --param services.orders.instances=0: must be >= 1, received 0

      bad.yaml:8:5  services.orders.instnces
        ✖ in --param services.orders.instnces=2: unknown key "instnces"
        → valid keys here: autoscale, cores, database, description, endpoints, gc, healthCheck, instances, loadBalancer, queueCapacity, rateLimit, runtime, …; did you mean "instances"?

      3 errors"
    `);
  });

  it('refuses an index past the end of a list', () => {
    expect(
      withOverrides(base, [o('services.orders.endpoints.get.steps[5].cpu', '2ms')]),
    ).toMatchInlineSnapshot(`
      "bad.yaml:10:21  services.orders.endpoints.get.steps
        ✖ in --param services.orders.endpoints.get.steps[5].cpu=2ms: services.orders.endpoints.get.steps has 2 items, so [5] is past its end
        → its items are [0] to [1]; [2] adds one at the end

      1 error"
    `);
  });
});

describe("a variant's set: paths", () => {
  const variant = (set: string) => `${base}variants:\n  v:\n    set:\n${set}`;

  it('suggests the key a misspelt path meant, at the set key, once', () => {
    // "ordrs" would create a service of one key: the schema refuses it, the slip is said once
    expect(problems(variant('      services.ordrs.instances: 2\n'))).toMatchInlineSnapshot(`
      "bad.yaml:16:7  variants.v.set["services.ordrs.instances"]
        ✖ in variant "v": there is no "ordrs" here
        → known: orders; did you mean "orders"?

      1 error"
    `);
    // through a missing map into a list: no path to create
    expect(
      problems(variant('      services.orders.endpoints.gt.steps[0].cpu: 2ms\n')),
    ).toMatchInlineSnapshot(`
      "bad.yaml:16:7  variants.v.set["services.orders.endpoints.gt.steps[0].cpu"]
        ✖ there is no "gt" here
        → known: get; did you mean "get"?

      1 error"
    `);
  });

  it('says how long a list is when an index is past its end', () => {
    expect(
      problems(variant('      services.orders.endpoints.get.steps[4].cpu: 2ms\n')),
    ).toMatchInlineSnapshot(`
      "bad.yaml:16:7  variants.v.set["services.orders.endpoints.get.steps[4].cpu"]
        ✖ services.orders.endpoints.get.steps has 2 items, so [4] is past its end
        → its items are [0] to [1]; [2] adds one at the end

      1 error"
    `);
  });

  it('still lets a variant add a whole component whose name is close to another', () => {
    const added = variant(
      '      databases.db2: { connections: 2 }\n      services.orders.database: db2\n',
    );
    expect(problems(added)).toBe('valid');
  });
});

describe('fuzzing the loader', () => {
  const shipped = ['shop.yaml', '01-shared-db.yaml'].map((f) =>
    parse(readFileSync(join(import.meta.dirname, '..', '..', 'scenarios', f), 'utf8')),
  );

  it('never throws anything but a ScenarioError on arbitrary JSON', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        try {
          parseScenario(JSON.stringify(value), 'fuzz.json');
        } catch (e) {
          if (!(e instanceof ScenarioError)) throw e;
        }
      }),
      { seed: 11, numRuns: 500 },
    );
  });

  it('never throws anything but a ScenarioError when a valid scenario is damaged', () => {
    // replace one value somewhere inside a shipped scenario with an arbitrary JSON value
    const paths = shipped.map((doc) => leafPaths(doc));
    fc.assert(
      fc.property(fc.nat(), fc.nat(), fc.jsonValue(), (which, at, value) => {
        const d = which % shipped.length;
        const doc = structuredClone(shipped[d]);
        const path = paths[d][at % paths[d].length];
        setAt(doc, path, value);
        try {
          const loaded = parseScenario(JSON.stringify(doc), 'fuzz.json');
          expect(loaded.variants.length).toBeGreaterThan(0);
        } catch (e) {
          if (!(e instanceof ScenarioError)) throw e;
          for (const i of e.issues) {
            expect(i.line).toBeGreaterThanOrEqual(1);
            expect(i.message.length).toBeGreaterThan(0);
          }
        }
      }),
      { seed: 12, numRuns: 1000 },
    );
  });
});

function leafPaths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (value === null || typeof value !== 'object') return [prefix];
  const entries = Array.isArray(value)
    ? value.map((v, i) => [i, v] as const)
    : Object.entries(value);
  return [prefix, ...entries.flatMap(([k, v]) => leafPaths(v, [...prefix, k]))];
}

function setAt(root: unknown, path: (string | number)[], value: unknown): void {
  if (path.length === 0) return;
  let node = root as Record<string | number, unknown>;
  for (const seg of path.slice(0, -1)) node = node[seg] as Record<string | number, unknown>;
  node[path[path.length - 1]] = value;
}
