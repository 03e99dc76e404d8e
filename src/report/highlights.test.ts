/**
 * The highlights of a run: the language's catalogue of names agrees with the key metrics the
 * report features declare (both ways), declared highlights resolve to keys (an endpoint of a run
 * with one entry endpoint is the overall figure; a scope's only item), and the default rule
 * (largest difference relative to its spread; the overall p99, throughput and errors without
 * variants).
 */
import { describe, expect, it } from 'vitest';
import { HIGHLIGHT_CATALOGUE } from '../scenario/highlight-catalogue.ts';
import type { HighlightDef } from '../scenario/types.ts';
import { keyEstimate } from '../test-support/key-estimates.ts';
import { compareEstimates } from './estimates.ts';
import { KEY_METRIC_SOURCES } from './features/registry.ts';
import { defaultHighlights, highlightsOf } from './highlights.ts';

describe('the catalogue of highlight names', () => {
  const declared = new Map<string, string>();
  for (const source of KEY_METRIC_SOURCES)
    for (const m of source.metrics) declared.set(`${source.scope}|${m.metric}`, m.label);
  const listed = new Map<string, string>();
  for (const scope of HIGHLIGHT_CATALOGUE)
    for (const m of scope.metrics) listed.set(`${scope.scope}|${m.metric}`, m.label);

  it('names every key metric a report feature declares, with its label', () => {
    expect([...listed].sort()).toEqual([...declared].sort());
  });

  it('lists the scopes in the registry order of the features', () => {
    const order = [...new Set(KEY_METRIC_SOURCES.map((s) => s.scope))];
    expect(HIGHLIGHT_CATALOGUE.map((s) => s.scope)).toEqual(order);
  });
});

/** A key metric estimate of `values`. */
const est = keyEstimate;

describe('the default highlights', () => {
  it('picks the metrics whose differences are largest relative to their spread', () => {
    const names = ['a', 'b'];
    const base = [
      est('overall||p50Ms', [10, 11, 12]),
      est('overall||p99Ms', [100, 110, 120]),
      est('overall||errorRate', [0, 0, 0], 'ratio'),
      est('component|db|utilisation', [0.5, 0.5, 0.5], 'ratio'),
      est('component|db|waitMeanMs', [1, 2, 3]),
      est('component|db|arrivalsPerSec', [5, 6, 7]),
      est('overall||throughputPerSec', [50, 50, 50]),
    ];
    const other = [
      est('overall||p50Ms', [11, 12, 13]), // +1 in every replication: no spread, ranked after
      est('overall||p99Ms', [101, 120, 122]), // differences 1, 10, 2: small against their spread
      est('overall||errorRate', [0, 0, 0], 'ratio'), // 0 everywhere: never shown
      est('component|db|utilisation', [0.9, 0.7, 0.8], 'ratio'), // +0.4, +0.2, +0.3: t ≈ 3.5
      est('component|db|waitMeanMs', [5, 9, 10]), // +4, +7, +7: t ≈ 3.5
      est('component|db|arrivalsPerSec', [10, 12, 13]), // +5, +6, +6: t ≈ 9.8 (but 2 per item)
      est('overall||throughputPerSec', [50, 50, 50]), // no difference: never shown
    ];
    const estimates = [base, other];
    const picked = defaultHighlights(estimates, compareEstimates(names, estimates));
    expect(picked.map((h) => h.key)).toEqual([
      'component|db|arrivalsPerSec',
      'component|db|waitMeanMs',
      'overall||p99Ms',
      'overall||p50Ms',
    ]);
    expect(picked.map((h) => h.name)).toEqual([
      'db arrivalsPerSec',
      'db waitMeanMs',
      'p99Ms',
      'p50Ms',
    ]);
  });

  it('leaves out the figures of a component a variant does not use (a database of its own)', () => {
    const names = ['shared', 'split'];
    /** A variant's estimates: the same p99, then each database's utilisation and arrivals/s. */
    type Db = { utilisation: number[]; perSec: number[] };
    const variant = (dbs: Record<'pg' | 'cartdb', Db>) => [
      est('overall||p99Ms', [30, 31, 32]),
      ...Object.entries(dbs).flatMap(([db, { utilisation, perSec }]) => [
        est(`component|${db}|utilisation`, utilisation, 'ratio'),
        est(`component|${db}|arrivalsPerSec`, perSec, 'per-sec'),
      ]),
    ];
    const shared = variant({
      pg: { utilisation: [0.1, 0.11, 0.1], perSec: [780, 790, 785] },
      cartdb: { utilisation: [0, 0, 0], perSec: [0, 0, 0] },
    });
    const split = variant({
      pg: { utilisation: [0.02, 0.021, 0.02], perSec: [186, 188, 187] },
      cartdb: { utilisation: [0.045, 0.046, 0.045], perSec: [298, 300, 299] },
    });
    const estimates = [shared, split];
    const picked = defaultHighlights(estimates, compareEstimates(names, estimates));
    expect(picked.map((h) => h.key).sort()).toEqual([
      'component|pg|arrivalsPerSec',
      'component|pg|utilisation',
    ]);
  });

  it('without variants: the overall p99, throughput and error rate', () => {
    const one = [
      est('overall||p50Ms', [1]),
      est('overall||p99Ms', [2]),
      est('overall||throughputPerSec', [3], 'per-sec'),
      est('overall||errorRate', [0], 'ratio'),
    ];
    expect(defaultHighlights([one], []).map((h) => h.key)).toEqual([
      'overall||p99Ms',
      'overall||throughputPerSec',
      'overall||errorRate',
    ]);
    // no request answered: no p99 estimate, but the highlight stays (its views say "not measured")
    const unanswered = [est('overall||throughputPerSec', [0], 'per-sec'), one[3]];
    expect(defaultHighlights([unanswered], [])).toEqual([
      { key: 'overall||p99Ms', name: 'p99' },
      { key: 'overall||throughputPerSec', name: expect.any(String) },
      { key: 'overall||errorRate', name: expect.any(String) },
    ]);
  });
});

describe('declared highlights', () => {
  const def = (scope: string, id: string | null, metric: string): HighlightDef => ({
    text: `${id ?? ''} ${metric}`,
    scope,
    id,
    metric,
    label: metric,
  });
  const estimates = [
    [est('overall||p99Ms', [1]), est('consumers|billing|lost', [3], 'count')],
    [est('overall||p99Ms', [2]), est('consumers|billing|lost', [0], 'count')],
  ];

  it('resolves a single entry endpoint to the overall figure and an only item to its id', () => {
    const h = highlightsOf(
      [def('endpoint', 'orders/place', 'p99Ms'), def('consumers', null, 'lost')],
      [],
      ['a', 'b'],
      estimates,
      [],
    );
    expect(h.source).toBe('scenario');
    expect(h.items).toEqual([
      { key: 'overall||p99Ms', name: 'p99Ms' },
      { key: 'consumers|billing|lost', name: 'billing lost' },
    ]);
  });

  it('with none declared, says the default rule chose them', () => {
    expect(
      highlightsOf([], [], ['a', 'b'], estimates, compareEstimates(['a', 'b'], estimates)).source,
    ).toBe('default');
  });
});
