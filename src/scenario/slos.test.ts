/**
 * SLOs in the scenario language: the checks (one target, at least one bound, bounds that fit
 * the target, entry endpoints only, did-you-mean for names), the units (percentages, rates,
 * durations) and the normalized bounds.
 */
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../model/language.ts';
import { referenceIssues, scenarioProblems, shopDocument } from '../test-support/scenarios.ts';
import { GATEWAY_HOME } from '../test-support/yaml.ts';
import { toDotPath } from './issues.ts';

function check(slos: Record<string, unknown>): string[] {
  return referenceIssues({ ...shopDocument('60s'), slos }).map(
    (i) =>
      `${toDotPath(i.path)}${i.onKey ? ' (key)' : ''}: ${i.message}${i.hint ? ` → ${i.hint}` : ''}`,
  );
}

describe('SLO checks', () => {
  it('accepts endpoint, overall and component SLOs', () => {
    expect(
      check({
        fast: { endpoint: 'gateway/home', p99: '300ms', availability: '99.9%' },
        all: { errorRate: 0.01, throughput: '5/s' },
        cool: { component: 'orders-db', utilisation: '80%' },
      }),
    ).toEqual([]);
  });

  it('reports every problem at once, with did-you-mean', () => {
    expect(
      check({
        empty: { endpoint: 'gateway/home' },
        both: { endpoint: 'gateway/home', component: 'orders', p99: '1s' },
        typo: { component: 'orders-bd', utilisation: 0.8 },
        wrong: { component: 'orders', p99: '1s' },
        noComponent: { utilisation: '70%' },
        inner: { endpoint: 'orders/get', p99: '1s' },
        unknown: { endpoint: 'gateway/hme', p99: '1s' },
      }),
    ).toMatchInlineSnapshot(`
      [
        "slos.empty (key): SLO "empty" sets no bound → give at least one of: p50, p90, p99, p999, mean, availability, errorRate, throughput, utilisation (e.g. p99: 300ms or availability: 99.9%)",
        "slos.both.component (key): SLO "both" names both an endpoint and a component; an SLO has one target → split it into two SLOs: latency, availability, errors and throughput for the endpoint, utilisation for the component",
        "slos.typo.component: unknown component "orders-bd"; known: gateway, orders, orders-db → did you mean "orders-db"?",
        "slos.wrong.p99 (key): "p99" bounds requests, but this SLO targets the component "orders" → a component SLO can bound only its utilisation; bound requests with \`endpoint:\` (or no target for all endpoints)",
        "slos.noComponent.utilisation (key): "utilisation" bounds a component, but this SLO names none → add \`component:\` (one of: gateway, orders, orders-db)",
        "slos.inner.endpoint: "orders/get" is not an entry endpoint; SLOs bound what clients see → entry endpoints (workload targets): gateway/home",
        "slos.unknown.endpoint: unknown endpoint "hme" of service "gateway"; known: home → did you mean "home"?",
      ]
    `);
  });

  it('reports a misspelt workload target once, not again at the SLO on the endpoint it meant', () => {
    // "orders/nope" was offered as the did-you-mean of the SLO's own, right, endpoint
    const issues = referenceIssues({
      ...shopDocument('60s'),
      workloads: { browse: { rate: '10/s', target: 'gateway/hme' } },
      slos: { fast: { endpoint: 'gateway/home', p99: '300ms' } },
    }).map((i) => `${toDotPath(i.path)}: ${i.message}`);
    expect(issues).toEqual([
      'workloads.browse.target: unknown endpoint "hme" of service "gateway"; known: home',
    ]);
  });

  it('rejects a malformed percentage with a located message', () => {
    const text = `${GATEWAY_HOME}slos:
  up: { availability: 99.9 }
`;
    const text2 = scenarioProblems(text);
    expect(text2).toMatch(/shop\.yaml:11:\d+/);
    expect(text2).toContain('must be <= 1, received 99.9');
  });

  it('normalizes each bound to one SloDef in the metric unit', () => {
    const text = `${GATEWAY_HOME}slos:
  fast: { endpoint: gateway/home, p99: 0.3s, availability: 99.5%, throughput: 600/min }
  cool: { component: gateway, utilisation: 0.7 }
`;
    const { slos } = parseScenario(text, 'shop.yaml').variants[0];
    expect(
      slos.map((s) => [s.name, s.scope, s.id, s.metric, s.bound, s.threshold, s.text]),
    ).toEqual([
      ['fast', 'endpoint', 'gateway/home', 'p99Ms', 'max', 300, 'p99 ≤ 0.3s'],
      ['fast', 'endpoint', 'gateway/home', 'availability', 'min', 0.995, 'availability ≥ 99.5%'],
      ['fast', 'endpoint', 'gateway/home', 'throughputPerSec', 'min', 10, 'throughput ≥ 600/min'],
      ['cool', 'component', 'gateway', 'utilisation', 'max', 0.7, 'utilisation ≤ 70%'],
    ]);
  });

  it('writes a bound given as a bare number with its unit, so it reads beside the measured value', () => {
    const text = `${GATEWAY_HOME}slos:
  fast: { endpoint: gateway/home, p99: 80, availability: 0.995, errorRate: 0.001, throughput: 50 }
  cool: { component: gateway, utilisation: 0.7 }
`;
    const { slos } = parseScenario(text, 'shop.yaml').variants[0];
    expect(slos.map((s) => [s.threshold, s.text])).toEqual([
      [80, 'p99 ≤ 80ms'],
      [0.995, 'availability ≥ 99.5%'],
      [0.001, 'errorRate ≤ 0.1%'],
      [50, 'throughput ≥ 50/s'],
      [0.7, 'utilisation ≤ 70%'],
    ]);
  });
});
