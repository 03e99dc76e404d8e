/**
 * Highlights in the scenario language: references that resolve (overall, endpoint, component,
 * whole-run and single-item scopes, a `kind:` prefix, an item only a variant has), and the
 * located, worded errors (unknown metric or item with did-you-mean, a missing item, a figure
 * the scenario never measures, a repeat), through the real parser.
 */
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { parseScenario } from '../model/language.ts';
import { ScenarioError } from './issues.ts';

const BASE = {
  version: 1,
  name: 'shop',
  duration: '60s',
  workloads: {
    browse: { rate: '10/s', target: 'gateway/home' },
    buy: { rate: '5/s', target: 'gateway/buy' },
  },
  services: {
    gateway: {
      endpoints: {
        home: { steps: [{ call: 'orders/get' }] },
        buy: { steps: [{ call: 'orders/get' }] },
      },
    },
    orders: { endpoints: { get: { steps: [{ query: 'orders-db' }] } } },
  },
  databases: { 'orders-db': {} },
  caches: { products: { type: 'local', maxEntries: 100, ttl: '10s' } },
};

/** The resolved highlights of BASE with `highlights` (and more top-level keys). */
function resolve(highlights: string[], more: Record<string, unknown> = {}) {
  const text = stringify({ ...BASE, ...more, highlights });
  return parseScenario(text, 'shop.yaml').highlights.map((h) => `${h.scope}|${h.id}|${h.metric}`);
}

/** The problems with `highlights`, as "line:col message → hint". */
function problems(highlights: string[], more: Record<string, unknown> = {}): string[] {
  const text = stringify({ ...BASE, ...more, highlights });
  try {
    parseScenario(text, 'shop.yaml');
  } catch (e) {
    if (!(e instanceof ScenarioError)) throw e;
    return e.issues.map(
      (i) => `${i.file}:${i.line}:${i.col} [${i.code}] ${i.message}${i.hint ? ` → ${i.hint}` : ''}`,
    );
  }
  return [];
}

describe('highlights: valid references', () => {
  it('resolves overall, endpoint, component and cache metrics by label or file name', () => {
    expect(
      resolve([
        'p99',
        'gateway/home p99',
        'gateway/buy availability',
        'orders-db utilisation',
        'orders load',
        'products hit ratio',
        'throughputPerSec',
        'DB rows per request',
      ]),
    ).toEqual([
      'overall||p99Ms',
      'endpoint|gateway/home|p99Ms',
      'endpoint|gateway/buy|availability',
      'component|orders-db|utilisation',
      'component|orders|arrivalsPerSec',
      'cache|products|hitRatio',
      'overall||throughputPerSec',
      'overall||dbRowsPerRequest',
    ]);
  });

  it('ignores case and extra spaces, and takes a kind: prefix', () => {
    expect(
      resolve(['  P99 ', 'component:orders   mean wait', 'cache: products hit ratio']),
    ).toEqual(['overall||p99Ms', 'component|orders|waitMeanMs', 'cache|products|hitRatio']);
  });

  it("leaves out the item of a scope's only item (null: resolved by the report)", () => {
    expect(resolve(['products hit ratio', 'hit ratio', 'cache hit ratio'])).toEqual([
      'cache|products|hitRatio',
      'cache|null|hitRatio',
      'overall||cacheHitRatio',
    ]);
  });

  it('accepts a component that only a variant has', () => {
    const variants = {
      big: { set: { 'databases.big-db': {} } },
    };
    expect(resolve(['big-db utilisation'], { variants })).toEqual(['component|big-db|utilisation']);
  });

  it('none declared: no highlights (the report picks them)', () => {
    expect(parseScenario(stringify(BASE), 'shop.yaml').highlights).toEqual([]);
  });
});

describe('highlights: located errors', () => {
  it('an unknown metric: did-you-mean, the metrics measured here, file:line:col', () => {
    const [p] = problems(['p99', 'orders utilsation']);
    expect(p).toMatch(
      /^shop\.yaml:\d+:5 \[unknown-highlight\] "orders utilsation" names no key metric → did you mean "orders utilisation"\?/,
    );
    const [q] = problems(['sesions lost']);
    expect(q).toContain('[unknown-highlight] "sesions lost" names no key metric');
    expect(q).toContain('did you mean "sessions lost"?');
    expect(q).toContain('key metrics here: p50, p90, p99');
    expect(q).not.toContain('revocation delay');
  });

  it('points at the item of the list that is wrong', () => {
    const text = stringify({ ...BASE, highlights: ['p99', 'ordrs-db utilisation'] });
    const line = text.split('\n').findIndex((l) => l.includes('ordrs-db')) + 1;
    expect(problems(['p99', 'ordrs-db utilisation'])).toEqual([
      `shop.yaml:${line}:5 [unknown-reference] unknown component "ordrs-db" in a highlight of "utilisation" → did you mean "orders-db"? components: gateway, orders, orders-db`,
    ]);
  });

  it('an unknown endpoint suggests the entry endpoint', () => {
    expect(problems(['gateway/hom p99'])[0]).toContain(
      'unknown entry endpoint "gateway/hom" in a highlight of "p99" → did you mean "gateway/home"?',
    );
  });

  it('a metric of several items without the item, a figure never measured, a repeat', () => {
    const all = problems(['load', 'sessions lost', 'messages lost', 'p99', 'overall:p99']);
    expect(all).toEqual([
      expect.stringContaining('[highlight-needs-item] "load" is measured per component; say which'),
      expect.stringContaining(
        '[highlight-not-measured] "sessions lost" is not measured in this scenario: it has no sessions',
      ),
      expect.stringContaining(
        '[highlight-not-measured] "messages lost" is not measured in this scenario: it has no consumer groups',
      ),
      expect.stringContaining(
        '[duplicate-highlight] "overall:p99" is the same key metric as "p99"',
      ),
    ]);
  });

  it('an unknown kind prefix, and a whole-run figure given an item', () => {
    expect(problems(['compnent:orders load', 'orders p50'])).toEqual([
      expect.stringContaining('[unknown-highlight] "compnent:" is not a kind of item'),
      expect.stringContaining('unknown entry endpoint "orders" in a highlight of "p50"'),
    ]);
    expect(problems(['compnent:orders load'])[0]).toContain('did you mean "component"?');
  });

  it('refuses a list that is not strings, as the schema does', () => {
    const text = stringify({ ...BASE, highlights: [{ metric: 'p99' }] });
    expect(() => parseScenario(text, 'shop.yaml')).toThrow(ScenarioError);
  });
});
