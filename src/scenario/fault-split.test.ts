/**
 * A fault on several links (a network split): `link: { from, to }` with lists on either side
 * strikes every link from one of `from` to one of `to`, and `direction: both` the way back too.
 * The language (fault-links.ts, normalize.ts, the reference checks in English and Korean)
 * and the model (model/fault-wiring.ts: every link struck, with the fault's windows).
 */
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../model/language.ts';
import { referenceIssues, runYaml, shopDocument } from '../test-support/scenarios.ts';
import { faultLinks, splitLinks } from './fault-links.ts';
import { toDotPath } from './issues.ts';

/** The shop (gateway → orders → orders-db) with `faults`, parsed: its first variant's faults. */
const faultsOf = (faults: Record<string, unknown>) =>
  parseScenario(JSON.stringify({ ...shopDocument('60s'), faults }), 'split.json').variants[0]
    .faults;

const issues = (faults: Record<string, unknown>) =>
  referenceIssues({ ...shopDocument('60s'), faults }).map(
    (i) => `${toDotPath(i.path)}: ${i.message} | ${i.hint ?? ''} | ${i.ko?.message ?? ''}`,
  );

describe('a fault on several links', () => {
  it('strikes every link from one of `from` to one of `to`, and back with direction: both', () => {
    const [f] = faultsOf({
      split: {
        kind: 'partition',
        link: { from: 'gateway', to: ['orders', 'orders-db'] },
        direction: 'both',
        at: '10s',
        for: '5s',
      },
    });
    expect(f.split).toMatchObject({ from: ['gateway'], to: ['orders', 'orders-db'], both: true });
    expect(f.link).toEqual({ from: 'gateway', to: 'orders' });
    expect(faultLinks(f).map((l) => `${l.from}->${l.to}`)).toEqual([
      'gateway->orders',
      'gateway->orders-db',
      'orders->gateway',
      'orders-db->gateway',
    ]);
  });

  it('keeps one link one way as it always was (no split: the summary keeps its bytes)', () => {
    const [f] = faultsOf({
      one: { kind: 'partition', link: { from: 'gateway', to: 'orders' }, at: '1s' },
    });
    expect(f.link).toEqual({ from: 'gateway', to: 'orders' });
    expect('split' in f).toBe(false);
    expect(faultLinks(f)).toEqual([{ from: 'gateway', to: 'orders' }]);
    // one link both ways is a split of two
    const [g] = faultsOf({
      two: {
        kind: 'latency',
        link: { from: 'gateway', to: 'orders' },
        direction: 'both',
        add: '5ms',
        at: '1s',
      },
    });
    expect(faultLinks(g).map((l) => `${l.from}->${l.to}`)).toEqual([
      'gateway->orders',
      'orders->gateway',
    ]);
  });

  it('names each component once: a repeated name in a list is one link, a list of one is a link', () => {
    const [f] = faultsOf({
      twice: {
        kind: 'partition',
        link: { from: ['gateway', 'gateway'], to: ['orders', 'orders'] },
        at: '1s',
      },
    });
    expect(f.link).toEqual({ from: 'gateway', to: 'orders' });
    expect('split' in f).toBe(false);
    const [g] = faultsOf({
      three: {
        kind: 'partition',
        link: { from: 'gateway', to: ['orders', 'orders-db', 'orders'] },
        at: '1s',
      },
    });
    expect(g.split?.to).toEqual(['orders', 'orders-db']);
  });

  it('strikes no component with itself and each link once, lists overlapping', () => {
    const links = splitLinks(['a', 'b'], ['a', 'b', 'c'], true);
    expect(links.map((l) => `${l.from}->${l.to}`)).toEqual([
      'a->b',
      'a->c',
      'b->a',
      'b->c',
      'c->a',
      'c->b',
    ]);
  });

  it('names an unknown component of a list where it stands, with a did-you-mean (en, ko)', () => {
    const found = issues({
      split: { kind: 'partition', link: { from: 'gateway', to: ['orders', 'order-db'] }, at: '1s' },
    });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/^faults\.split\.link\.to\[1\]: .*"order-db".*orders-db/);
  });

  it('refuses a direction on a fault that strikes a component (en, ko)', () => {
    const found = issues({
      down: { kind: 'crash', target: 'orders', direction: 'both', at: '1s' },
    });
    expect(found).toEqual([
      'faults.down.direction: fault "down" has a `direction`, which applies to a `link:` only | remove `direction`, or strike a link: `link: { from: a, to: b }, direction: both` | 장애 "down"에 `direction`이 있지만, 이것은 `link:`에만 쓸 수 있습니다',
    ]);
  });

  it('in the model: a split partition fails the calls of every link it cuts, in its window only', async () => {
    // gateway → orders calls, orders → orders-db queries: a split of orders from both, both
    // ways; its first link (orders-db → orders) carries nothing, so only striking every link
    // fails the calls
    const yaml = JSON.stringify({
      ...shopDocument('30s'),
      seed: 3,
      workloads: { browse: { rate: '100/s', target: 'gateway/home' } },
      faults: {
        cut: {
          kind: 'partition',
          link: { from: ['orders-db', 'gateway'], to: 'orders' },
          direction: 'both',
          at: '10s',
          for: '10s',
        },
      },
    });
    const r = await runYaml(yaml);
    const points = r.series.requests.get('gateway/home') ?? [];
    const failed = (from: number, to: number) =>
      points.filter((p) => p.second >= from && p.second < to).reduce((a, p) => a + p.failed, 0);
    const ok = (from: number, to: number) =>
      points.filter((p) => p.second >= from && p.second < to).reduce((a, p) => a + p.ok, 0);
    expect(failed(0, 10)).toBe(0);
    expect(ok(11, 20)).toBe(0); // gateway → orders dropped: every request fails at once
    expect(failed(11, 20)).toBeGreaterThan(800);
    expect(failed(21, 30)).toBe(0);
    expect(r.summary.overall.causes[0].cause).toBe(
      'partition: gateway → orders dropped the request',
    );
  });
});
