/**
 * Faults in the scenario language: the kinds and their parameters, the checks (one target that
 * suits the kind, instances that exist, recurrences that do not overlap) and the windows that
 * recurrences expand to.
 */
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../model/language.ts';
import { referenceIssues, scenarioProblems, shopDocument } from '../test-support/scenarios.ts';
import { GATEWAY_HOME, shopHead } from '../test-support/yaml.ts';
import { faultWindows, withDuration } from './fault-windows.ts';
import { toDotPath } from './issues.ts';

function check(faults: Record<string, unknown>): string[] {
  return referenceIssues({ ...shopDocument('100s', [2, 3]), faults }).map(
    (i) =>
      `${i.severity === 'warning' ? '⚠' : '✖'} ${toDotPath(i.path)}${i.onKey ? ' (key)' : ''}: ${i.message}`,
  );
}

describe('fault checks', () => {
  it('accepts every kind on a fitting target', () => {
    expect(
      check({
        a: { kind: 'crash', target: 'orders', instances: 2, at: '10s', for: '5s', mode: 'hang' },
        b: { kind: 'latency', link: { from: 'gateway', to: 'orders' }, at: '1s', add: '50ms' },
        c: { kind: 'error-rate', target: 'orders-db', at: '1s', rate: '20%' },
        d: { kind: 'capacity-loss', target: 'gateway', at: '1s', remaining: 0.5 },
        e: {
          kind: 'partition',
          link: { from: 'client', to: 'gateway' },
          at: '1s',
          mode: 'blackhole',
        },
        f: {
          kind: 'gc-pause',
          target: 'orders',
          instances: [0, 2],
          at: '1s',
          for: '10s',
          every: '30s',
        },
        g: { kind: 'cpu-hog', target: 'orders', at: '1s', factor: 3 },
      }),
    ).toEqual([]);
  });

  it('warns of a fault that strikes only during the warm-up (nothing of it is measured)', () => {
    const issues = referenceIssues({
      ...shopDocument('100s', [2, 3]),
      warmup: '20s',
      faults: {
        early: { kind: 'crash', target: 'orders', at: '5s', for: '10s' },
        straddling: { kind: 'crash', target: 'orders', at: '15s', for: '10s' },
        recurring: { kind: 'crash', target: 'orders', at: '1s', for: '2s', every: '30s' },
      },
    });
    expect(issues.map((i) => `${i.code} ${toDotPath(i.path)}`)).toEqual([
      'fault-only-in-warmup faults.early.at',
    ]);
  });

  it('reports every misfit at once', () => {
    expect(
      check({
        both: { kind: 'crash', target: 'orders', link: { from: 'a', to: 'b' }, at: '1s' },
        none: { kind: 'partition', at: '1s' },
        typo: { kind: 'crash', target: 'ordres', at: '1s' },
        many: { kind: 'crash', target: 'orders', instances: [3], at: '1s' },
        cut: { kind: 'partition', target: 'orders', at: '1s' },
        hog: { kind: 'cpu-hog', link: { from: 'gateway', to: 'orders' }, at: '1s' },
        slow: { kind: 'latency', target: 'orders', at: '1s' },
        late: { kind: 'crash', target: 'orders', at: '200s' },
        overlap: { kind: 'crash', target: 'orders', at: '1s', for: '30s', every: '20s' },
        endless: { kind: 'crash', target: 'orders', at: '1s', every: '20s' },
        count: { kind: 'crash', target: 'orders', at: '1s', times: 2 },
      }),
    ).toMatchInlineSnapshot(`
      [
        "✖ faults.both.link (key): fault "both" names both a target and a link; a fault strikes one of them",
        "✖ faults.none (key): fault "none" names no target",
        "✖ faults.typo.target: unknown component "ordres"; known: gateway, orders, orders-db",
        "✖ faults.many.instances: "orders" has 3 instances; the fault names more",
        "✖ faults.cut.target (key): fault "cut" is a partition, which cuts a link, not a component",
        "✖ faults.hog.link (key): fault "hog" (cpu-hog) strikes a component, not a link",
        "✖ faults.slow (key): latency fault "slow" neither adds nor multiplies anything",
        "⚠ faults.late.at: the fault starts at 200s, not before the run ends (100s): it never strikes",
        "✖ faults.overlap.for: each occurrence lasts 30s but they start every 20s: they would overlap",
        "✖ faults.endless.every (key): a recurring fault needs \`for\` (how long each occurrence lasts)",
        "✖ faults.count.times (key): \`times\` counts recurrences, but the fault has no \`every\`",
      ]
    `);
  });

  it('rejects a parameter of another kind with a located message', () => {
    const text = `${GATEWAY_HOME}faults:
  oops: { kind: crash, target: gateway, at: 10s, rate: 20% }
`;
    const out = scenarioProblems(text);
    expect(out).toMatch(/^shop\.yaml:11:\d+ +faults\.oops/);
    expect(out).toContain('rate');
  });
});

describe('fault windows', () => {
  it('expands recurrences and clips them to the run', () => {
    expect(faultWindows(10, 5, undefined, undefined, 100)).toEqual([{ startMs: 10, endMs: 15 }]);
    expect(faultWindows(10, undefined, undefined, undefined, 100)).toEqual([
      { startMs: 10, endMs: 100 },
    ]);
    expect(faultWindows(0, 10, 40, undefined, 100)).toEqual([
      { startMs: 0, endMs: 10 },
      { startMs: 40, endMs: 50 },
      { startMs: 80, endMs: 90 },
    ]);
    expect(faultWindows(0, 10, 40, 2, 100)).toHaveLength(2);
    expect(faultWindows(95, 10, undefined, undefined, 100)).toEqual([{ startMs: 95, endMs: 100 }]);
    expect(faultWindows(120, 10, undefined, undefined, 100)).toEqual([]);
  });

  it("makes the windows again for a run of another duration (--duration), from the fault's timing", () => {
    const text = `${shopHead({ duration: '2m' })}  gateway:
    endpoints:
      home: { steps: [{ cpu: 1ms }] }
faults:
  long: { kind: crash, target: gateway, at: 40s, for: 2m }
  open-ended: { kind: crash, target: gateway, at: 100s }
  every: { kind: latency, target: gateway, add: 5ms, at: 0s, for: 10s, every: 50s }
  twice: { kind: latency, target: gateway, add: 5ms, at: 0s, for: 10s, every: 50s, times: 2 }
`;
    const [scenario] = parseScenario(text, 'f.yaml').variants;
    const windows = (s: typeof scenario) =>
      s.faults.map((f) => f.windows.map((w) => [w.startMs / 1000, w.endMs / 1000]));
    // the first n windows of `every` and `twice`: [0, 10], [50, 60], [100, 110] …
    const every50 = (n: number) => Array.from({ length: n }, (_, k) => [50 * k, 50 * k + 10]);
    expect(windows(scenario)).toEqual([[[40, 120]], [[100, 120]], every50(3), every50(2)]);
    const longer = withDuration(scenario, 240_000);
    expect(longer.durationMs).toBe(240_000);
    expect(windows(longer)).toEqual([[[40, 160]], [[100, 240]], every50(5), every50(2)]);
    expect(windows(withDuration(scenario, 60_000))).toEqual([
      [[40, 60]],
      [],
      every50(2),
      every50(2),
    ]);
    // twice over: the timing goes with the faults it made
    expect(windows(withDuration(withDuration(scenario, 60_000), 240_000))).toEqual(windows(longer));
    expect(withDuration(scenario, scenario.durationMs)).toBe(scenario);
  });

  it('normalizes the kinds with their defaults', () => {
    const text = `${shopHead()}  gateway:
    instances: 4
    endpoints:
      home: { steps: [{ cpu: 1ms }] }
faults:
  down: { kind: crash, target: gateway, instances: 2, at: 10s, for: 5s }
  slow: { kind: latency, link: { from: client, to: gateway }, at: 1s, add: 20ms, factor: 2 }
  flaky: { kind: error-rate, target: gateway, at: 1s, rate: 5% }
  gc: { kind: gc-pause, target: gateway, instances: [3, 1, 3], at: 1s }
`;
    const [down, slow, flaky, gc] = parseScenario(text, 'shop.yaml').variants[0].faults;
    expect(down).toMatchObject({
      kind: 'crash',
      component: 'gateway',
      instances: [0, 1],
      mode: 'refuse',
      windows: [{ startMs: 10_000, endMs: 15_000 }],
    });
    expect(slow).toMatchObject({
      component: null,
      link: { from: 'client', to: 'gateway' },
      add: { value: 20 },
      factor: 2,
      windows: [{ startMs: 1000, endMs: 60_000 }],
    });
    expect(flaky.rate).toBeCloseTo(0.05, 12);
    expect(gc).toMatchObject({
      instances: [1, 3],
      pause: { value: 200 },
      interval: { value: 1000 },
    });
  });
});
