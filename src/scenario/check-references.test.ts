/**
 * Tests of check-references.ts: the semantic checks that run on a schema-valid scenario.
 * Messages are inline snapshots so that every change of wording is reviewed.
 */
import { describe, expect, it } from 'vitest';
import { BUILTIN_STEP_KINDS } from '../model/steps/registry.ts';
import { checkReferences } from './check-references.ts';
import { toDotPath } from './issues.ts';
import { stepLanguage } from './step-syntax.ts';

const LANGUAGE = stepLanguage(BUILTIN_STEP_KINDS);
const ScenarioDocument = LANGUAGE.document;

type Doc = Record<string, unknown>;

/** A valid scenario: a gateway calling orders, which queries its database. */
function scenario(overrides: Doc = {}): Doc {
  return {
    version: 1,
    name: 'shop',
    duration: '60s',
    workloads: { browse: { rate: '10/s', target: 'gateway/home' } },
    services: {
      gateway: { endpoints: { home: { steps: [{ cpu: '1ms' }, { call: 'orders/get' }] } } },
      orders: {
        database: 'orders-db',
        endpoints: { get: { steps: [{ query: 'orders-db' }] }, list: { steps: [{ query: {} }] } },
      },
    },
    databases: { 'orders-db': {} },
    ...overrides,
  };
}

/** `scenario()` with the steps of gateway/home replaced. */
function withSteps(steps: unknown[], more: Doc = {}): Doc {
  const base = scenario();
  const services = base.services as Record<string, Doc>;
  return {
    ...base,
    services: { ...services, gateway: { endpoints: { home: { steps } } } },
    ...more,
  };
}

/** Each issue as `✖ path: message → hint` (⚠ for warnings, `(key)` when placed on a key). */
function check(input: Doc): string[] {
  const parsed = ScenarioDocument.safeParse(input);
  if (!parsed.success) throw new Error(`test scenario is invalid: ${parsed.error.message}`);
  return checkReferences(parsed.data, LANGUAGE).map((issue) => {
    const mark = issue.severity === 'warning' ? '⚠' : '✖';
    const where = `${toDotPath(issue.path)}${issue.onKey ? ' (key)' : ''}`;
    return `${mark} ${where}: ${issue.message}${issue.hint ? ` → ${issue.hint}` : ''}`;
  });
}

describe('checkReferences', () => {
  it('finds nothing wrong in a consistent scenario', () => {
    expect(check(scenario())).toEqual([]);
  });

  describe('ids', () => {
    it('rejects a service and a database with the same id', () => {
      const services = { ...(scenario().services as Doc), cache: { endpoints: {} } };
      expect(
        check(scenario({ services, databases: { 'orders-db': {}, cache: {} } })),
      ).toMatchInlineSnapshot(`
          [
            "✖ databases.cache (key): "cache" names both a service and a database → services and databases share one set of ids; rename one of them",
          ]
        `);
    });

    it('reserves client for the sender of workload requests', () => {
      expect(
        check(scenario({ databases: { 'orders-db': {}, client: {} } })),
      ).toMatchInlineSnapshot(`
        [
          "✖ databases.client (key): "client" is reserved: it names the sender of workload requests in network links → rename this component",
        ]
      `);
    });
  });

  describe('calls', () => {
    it('suggests a service for an unknown one', () => {
      expect(check(withSteps([{ call: 'order/get' }]))).toMatchInlineSnapshot(`
        [
          "✖ services.gateway.endpoints.home.steps[0].call: unknown service "order"; known: gateway, orders → did you mean "orders"?",
        ]
      `);
    });

    it('suggests an endpoint of the called service for an unknown one', () => {
      expect(check(withSteps([{ call: 'orders/lst' }]))).toMatchInlineSnapshot(`
        [
          "✖ services.gateway.endpoints.home.steps[0].call: unknown endpoint "lst" of service "orders"; known: get, list → did you mean "list"?",
        ]
      `);
    });

    it('explains that a database is queried, not called', () => {
      expect(check(withSteps([{ call: 'orders-db/get' }]))).toMatchInlineSnapshot(`
        [
          "✖ services.gateway.endpoints.home.steps[0].call: "orders-db" is a database; only service endpoints can be called → query it from an endpoint with a step such as: query: orders-db",
        ]
      `);
    });

    it('checks calls nested in parallel lanes and branches', () => {
      const steps = [
        { parallel: [{ call: 'orders/x' }, [{ call: 'nope/get' }]] },
        { branch: [{ probability: 0.5, steps: [{ call: 'orders/y' }] }] },
      ];
      expect(check(withSteps(steps))).toMatchInlineSnapshot(`
        [
          "✖ services.gateway.endpoints.home.steps[0].parallel[0].call: unknown endpoint "x" of service "orders"; known: get, list",
          "✖ services.gateway.endpoints.home.steps[0].parallel[1][0].call: unknown service "nope"; known: gateway, orders",
          "✖ services.gateway.endpoints.home.steps[1].branch[0].steps[0].call: unknown endpoint "y" of service "orders"; known: get, list",
        ]
      `);
    });
  });

  describe('queries', () => {
    it('suggests a database for an unknown one, in both query forms', () => {
      expect(
        check(withSteps([{ query: 'order-db' }, { query: { db: 'ordersdb', rows: 3 } }])),
      ).toMatchInlineSnapshot(`
          [
            "✖ services.gateway.endpoints.home.steps[0].query: unknown database "order-db"; known: orders-db → did you mean "orders-db"?",
            "✖ services.gateway.endpoints.home.steps[1].query.db: unknown database "ordersdb"; known: orders-db → did you mean "orders-db"?",
          ]
        `);
    });

    it('explains that a service is called, not queried', () => {
      expect(check(withSteps([{ query: 'orders' }]))).toMatchInlineSnapshot(`
        [
          "✖ services.gateway.endpoints.home.steps[0].query: "orders" is a service, and queries only reach databases → call one of its endpoints with a step such as: call: orders/<endpoint>",
        ]
      `);
    });

    it('needs a database for a query without db', () => {
      expect(check(withSteps([{ query: { rows: 2 } }]))).toMatchInlineSnapshot(`
        [
          "✖ services.gateway.endpoints.home.steps[0].query: this query names no database and service "gateway" has no database: key → add db: <id> to the query, or database: <id> to the service; databases: orders-db",
        ]
      `);
    });

    it('checks the database of a service', () => {
      const services = { orders: { database: 'ordrs-db', endpoints: {} } };
      const workloads = { browse: { rate: 1, target: 'orders/get' } };
      expect(check(scenario({ services, workloads }))).toContain(
        '✖ services.orders.database: unknown database "ordrs-db"; known: orders-db → did you mean "orders-db"?',
      );
    });
  });

  describe('workloads', () => {
    function workload(w: Doc): string[] {
      return check(scenario({ workloads: { browse: w } }));
    }

    it('needs exactly one of rate and users', () => {
      expect([
        ...workload({ target: 'gateway/home' }),
        ...workload({ rate: 1, users: 5, target: 'gateway/home' }),
      ]).toMatchInlineSnapshot(`
          [
            "✖ workloads.browse: a workload needs rate: (an open workload), users: (a closed workload), replay: (the arrivals of a log) or rateProfile: (a rate from a file) → open: requests arrive at a rate whatever the response times; closed: a fixed number of users wait for each response, then think; replay: and rateProfile: read a CSV file beside the scenario",
            "✖ workloads.browse.users: a workload has either rate: (open) or users: (closed), not both → open: requests arrive at a rate whatever the response times; closed: a fixed number of users wait for each response, then think",
          ]
        `);
    });

    it('keeps schedule with rate and thinkTime with users', () => {
      const closed = { users: 5, schedule: [{ at: 0, rate: 1 }], target: 'gateway/home' };
      const open = { rate: 5, thinkTime: '1s', target: 'gateway/home' };
      expect([...workload(closed), ...workload(open)]).toMatchInlineSnapshot(`
        [
          "✖ workloads.browse.schedule: schedule: only applies together with rate: a schedule changes the arrival rate of an open workload → remove schedule: or add rate:",
          "✖ workloads.browse.thinkTime: thinkTime: only applies together with users: it is the pause of a closed workload's users between a response and their next request → remove thinkTime: or add users:",
        ]
      `);
    });

    it('needs exactly one of target and mix', () => {
      const both = { rate: 1, target: 'gateway/home', mix: { 'gateway/home': 1 } };
      expect([...workload({ rate: 1 }), ...workload(both)]).toMatchInlineSnapshot(`
        [
          "✖ workloads.browse: a workload needs target: (one endpoint) or mix: (endpoints with weights) → for example target: orders/get, or mix: { orders/get: 9, orders/create: 1 }",
          "✖ workloads.browse.mix: a workload has either target: or mix:, not both → for example target: orders/get, or mix: { orders/get: 9, orders/create: 1 }",
        ]
      `);
    });

    it('checks the endpoints and weights of a mix', () => {
      const mix = { 'gateway/hom': 0, 'orders/get': 0 };
      expect(workload({ rate: 1, mix })).toMatchInlineSnapshot(`
        [
          "✖ workloads.browse.mix["gateway/hom"] (key): unknown endpoint "hom" of service "gateway"; known: home → did you mean "home"?",
          "✖ workloads.browse.mix: the weights of a mix must add up to more than 0 → give at least one endpoint a positive weight",
        ]
      `);
    });

    it('warns of an open workload whose rate is 0 unless a schedule or a variant raises it', () => {
      const home = { target: 'gateway/home' };
      expect(workload({ rate: '0/s', ...home })).toEqual([
        '⚠ workloads.browse.rate: workload browse sends no requests: its rate is 0/s and neither a schedule nor a variant raises it → give it a rate above 0 (rate: 100/s), a schedule that raises it, or remove the workload',
      ]);
      expect(workload({ rate: 0, schedule: [{ at: '1s', rate: 0 }], ...home })).toHaveLength(1);
      expect(workload({ rate: 0, schedule: [{ at: '1s', spike: 5, for: '1s' }], ...home })).toEqual(
        [],
      );
      const raisedBy = (key: string) =>
        check(
          scenario({
            workloads: { browse: { rate: 0, ...home } },
            variants: { busy: { set: { [key]: key.endsWith('rate') ? '5/s' : {} } } },
          }),
        );
      expect(raisedBy('workloads.browse.rate')).toEqual([]);
      expect(raisedBy('workloads.other.rate')).toHaveLength(1);
    });

    it('checks the target endpoint', () => {
      expect(workload({ rate: 1, target: 'gatway/home' })).toMatchInlineSnapshot(`
        [
          "✖ workloads.browse.target: unknown service "gatway"; known: gateway, orders → did you mean "gateway"?",
        ]
      `);
    });
  });

  describe('schedules', () => {
    function schedule(items: Doc[]): string[] {
      return check(
        scenario({ workloads: { browse: { rate: 1, schedule: items, target: 'gateway/home' } } }),
      );
    }

    it('needs exactly one of rate, rampTo and spike per item', () => {
      expect(
        schedule([{ at: 0 }, { at: '10s', rate: 5, spike: 50, for: '1s' }]),
      ).toMatchInlineSnapshot(`
        [
          "✖ workloads.browse.schedule[0]: a schedule item needs exactly one of: rate, rampTo, spike; it has none → rate: sets a new rate, rampTo: with over: changes it linearly, spike: with for: adds a burst",
          "✖ workloads.browse.schedule[1]: a schedule item needs exactly one of: rate, rampTo, spike; it has rate and spike → rate: sets a new rate, rampTo: with over: changes it linearly, spike: with for: adds a burst",
        ]
      `);
    });

    it('needs over with rampTo and for with spike, and not elsewhere', () => {
      const items = [
        { at: '1s', rampTo: '20/s' },
        { at: '2s', spike: 100 },
        { at: '3s', rate: 5, over: '1s', for: '2s' },
      ];
      expect(schedule(items)).toMatchInlineSnapshot(`
        [
          "✖ workloads.browse.schedule[0].over: missing required key "over" → rampTo: needs over: (how long the ramp takes)",
          "✖ workloads.browse.schedule[1].for: missing required key "for" → spike: needs for: (how long the spike lasts)",
          "✖ workloads.browse.schedule[2].over: over: only applies together with rampTo: it is how long a ramp takes → remove over: or add rampTo:",
          "✖ workloads.browse.schedule[2].for: for: only applies together with spike: it is how long a spike lasts → remove for: or add spike:",
        ]
      `);
    });

    it('needs at to increase strictly, comparing times in any unit', () => {
      const items = [
        { at: '1m', rate: 5 },
        { at: '30s', rate: 6 },
        { at: 30000, rate: 7 },
        { at: '2m', rate: 8 },
      ];
      expect(schedule(items)).toMatchInlineSnapshot(`
        [
          "✖ workloads.browse.schedule[1].at: schedule times must increase: at: 30s comes after at: 1m → sort the schedule items by at:",
          "✖ workloads.browse.schedule[2].at: schedule times must increase: at: 30000ms comes after at: 30s → sort the schedule items by at:",
        ]
      `);
    });
  });

  describe('run length', () => {
    it('needs a duration above 0 and a warmup shorter than the duration', () => {
      expect([
        ...check(scenario({ duration: 0 })),
        ...check(scenario({ warmup: '1m' })),
      ]).toMatchInlineSnapshot(`
          [
            "✖ duration: duration must be longer than 0 → for example duration: 60s",
            "✖ warmup: warmup (1m) must be shorter than duration (60s) → statistics are collected after the warm-up, so nothing would be measured",
          ]
        `);
    });
  });

  describe('branches', () => {
    it('allows probabilities that add up to 1 in decimals', () => {
      const options = [0.1, 0.2, 0.7].map((probability) => ({ probability, steps: [] }));
      expect(check(withSteps([{ branch: options }]))).toEqual([]);
    });

    it('rejects probabilities that add up to more than 1', () => {
      const options = [0.6, 0.5].map((probability) => ({ probability, steps: [] }));
      expect(check(withSteps([{ branch: options }]))).toMatchInlineSnapshot(`
        [
          "✖ services.gateway.endpoints.home.steps[0].branch: branch probabilities must add up to at most 1, received 1.1 → what is left to 1 is the chance that no branch runs",
        ]
      `);
    });
  });

  describe('distributions', () => {
    function cpu(dist: Doc): string[] {
      return check(withSteps([{ cpu: dist }]));
    }

    it('accepts both forms of a lognormal', () => {
      expect(cpu({ dist: 'lognormal', mean: '20ms', p99: '200ms' })).toEqual([]);
      expect(cpu({ dist: 'lognormal', median: '20ms', sigma: 0.5 })).toEqual([]);
    });

    it('needs exactly one form of a lognormal', () => {
      expect([
        ...cpu({ dist: 'lognormal', mean: '20ms' }),
        ...cpu({ dist: 'lognormal', mean: '20ms', p99: '40ms', sigma: 1 }),
      ]).toMatchInlineSnapshot(`
        [
          "✖ services.gateway.endpoints.home.steps[0].cpu: a lognormal needs either mean and p99, or median and sigma; it has mean",
          "✖ services.gateway.endpoints.home.steps[0].cpu: a lognormal needs either mean and p99, or median and sigma; it has mean, p99, sigma",
        ]
      `);
    });

    it('needs a lognormal p99 above the mean and at most 14.9 times it', () => {
      expect([
        ...cpu({ dist: 'lognormal', mean: '20ms', p99: '10ms' }),
        ...cpu({ dist: 'lognormal', mean: 10, p99: '1s' }),
      ]).toMatchInlineSnapshot(`
        [
          "✖ services.gateway.endpoints.home.steps[0].cpu.p99: a lognormal needs mean < p99 ≤ 14.9 × mean, received mean 20ms and p99 10ms → for a heavier tail use median and sigma, or a pareto",
          "✖ services.gateway.endpoints.home.steps[0].cpu.p99: a lognormal needs mean < p99 ≤ 14.9 × mean, received mean 10 and p99 1s → for a heavier tail use median and sigma, or a pareto",
        ]
      `);
    });

    it('needs one weight per value in an empirical distribution', () => {
      expect(cpu({ dist: 'empirical', values: [1, 2, 3], weights: [1, 1] })).toMatchInlineSnapshot(`
        [
          "✖ services.gateway.endpoints.home.steps[0].cpu.weights: an empirical distribution needs one weight per value, received 3 values and 2 weights",
        ]
      `);
    });

    it('needs min ≤ max in a uniform, comparing durations in any unit', () => {
      expect(cpu({ dist: 'uniform', min: '1ms', max: '1s' })).toEqual([]);
      expect(cpu({ dist: 'uniform', min: '2s', max: 1000 })).toMatchInlineSnapshot(`
        [
          "✖ services.gateway.endpoints.home.steps[0].cpu.min: a uniform needs min ≤ max, received min 2s and max 1000",
        ]
      `);
    });

    it('checks distributions outside steps too', () => {
      const databases = { 'orders-db': { queryTime: { dist: 'uniform', min: 5, max: 1 } } };
      expect(check(scenario({ databases }))).toMatchInlineSnapshot(`
        [
          "✖ databases.orders-db.queryTime.min: a uniform needs min ≤ max, received min 5 and max 1",
        ]
      `);
    });
  });

  describe('network links', () => {
    it('accepts components and client at both ends, and suggests for unknown ones', () => {
      const links = [
        { from: 'client', to: 'gateway', latency: '5ms' },
        { from: 'gateway', to: 'ordrs', latency: '1ms' },
      ];
      expect(check(scenario({ network: { links } }))).toMatchInlineSnapshot(`
        [
          "✖ network.links[1].to: unknown component "ordrs"; known: client, gateway, orders, orders-db → did you mean "orders"?",
        ]
      `);
    });
  });

  describe('call loops', () => {
    it('rejects endpoints that always call each other, at the first call of the loop', () => {
      const services = {
        gateway: { endpoints: { home: { steps: [{ call: 'orders/get' }] } } },
        orders: { endpoints: { get: { steps: [{ cpu: 1 }, { call: 'stock/get' }] } } },
        stock: { endpoints: { get: { steps: [{ parallel: [{ call: 'orders/get' }] }] } } },
      };
      expect(check(scenario({ services, databases: {} }))).toMatchInlineSnapshot(`
        [
          "✖ services.orders.endpoints.get.steps[1].call: endpoints call each other in a loop that never ends: orders/get → stock/get → orders/get → remove one of the calls, or put it inside a branch with probability below 1",
        ]
      `);
    });

    it('rejects an endpoint that always calls itself', () => {
      const services = { gateway: { endpoints: { home: { steps: [{ call: 'gateway/home' }] } } } };
      expect(check(scenario({ services, databases: {} }))).toMatchInlineSnapshot(`
        [
          "✖ services.gateway.endpoints.home.steps[0].call: endpoints call each other in a loop that never ends: gateway/home → gateway/home → remove one of the calls, or put it inside a branch with probability below 1",
        ]
      `);
    });

    it('warns about a loop that a branch can end', () => {
      const retry = { branch: [{ probability: 0.1, steps: [{ call: 'gateway/home' }] }] };
      const services = { gateway: { endpoints: { home: { steps: [{ cpu: 1 }, retry] } } } };
      expect(check(scenario({ services, databases: {} }))).toMatchInlineSnapshot(`
        [
          "⚠ services.gateway.endpoints.home.steps[1].branch[0].steps[0].call: endpoints may call each other in a loop: gateway/home → gateway/home → a branch on the way can end the loop; check its probability keeps requests short",
        ]
      `);
    });

    it('treats a branch option with probability 1 as a call that always happens', () => {
      const always = { branch: [{ probability: 1, steps: [{ call: 'gateway/home' }] }] };
      const services = { gateway: { endpoints: { home: { steps: [always] } } } };
      const issues = check(scenario({ services, databases: {} }));
      expect(issues).toHaveLength(1);
      expect(issues[0]).toMatch(/^✖ .*loop that never ends/);
    });

    it('reports a group of endpoints once, even with several loops in it', () => {
      const services = {
        gateway: {
          endpoints: { home: { steps: [{ call: 'orders/get' }, { call: 'orders/list' }] } },
        },
        orders: {
          endpoints: {
            get: { steps: [{ call: 'gateway/home' }] },
            list: {
              steps: [{ branch: [{ probability: 0.5, steps: [{ call: 'gateway/home' }] }] }],
            },
          },
        },
      };
      expect(check(scenario({ services, databases: {} }))).toMatchInlineSnapshot(`
        [
          "✖ services.gateway.endpoints.home.steps[0].call: endpoints call each other in a loop that never ends: gateway/home → orders/get → gateway/home → remove one of the calls, or put it inside a branch with probability below 1",
        ]
      `);
    });
  });

  describe('variants', () => {
    it('accepts dotted paths with list indices and rejects other set keys', () => {
      const variants = {
        big: {
          set: {
            'services.orders.instances': 4,
            'services.gateway.endpoints.home.steps[0].cpu': 2,
          },
        },
        bad: { set: { 'services..orders': 1, 'services.orders[x]': 2 } },
      };
      expect(check(scenario({ variants }))).toMatchInlineSnapshot(`
        [
          "✖ variants.bad.set["services..orders"] (key): "services..orders" is not a path into the scenario; write keys joined by dots and [n] for list items, such as services.orders.endpoints.get.steps[0].cpu",
          "✖ variants.bad.set["services.orders[x]"] (key): "services.orders[x]" is not a path into the scenario; write keys joined by dots and [n] for list items, such as services.orders.endpoints.get.steps[0].cpu",
        ]
      `);
    });
  });
});
