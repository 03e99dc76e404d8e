/**
 * The topology diagram: nodes in columns by call depth, one layout for every variant, links
 * labelled with their load and routed around the columns they cross, unused links dashed,
 * shards and self-loops, escaped names, and the same SVG for the same input.
 */
import { describe, expect, it } from 'vitest';
import type { RunSummary } from '../../metrics/summary.ts';
import { formatRate, topologySvg, utilisationColour } from './topology.ts';
import { layoutTopology, routeKey, topologyLinks } from './topology-layout.ts';

type C = [id: string, kind: string, utilisation: number, arrivalsPerSec: number];
type L = [from: string, to: string, kind: string, perSec: number];

/** A summary with just the fields the diagram reads. */
function summary(components: C[], links: L[]): RunSummary {
  return {
    components: components.map(([id, kind, utilisation, arrivalsPerSec]) => ({
      id,
      kind,
      instances: 2,
      utilisation,
      arrivals: arrivalsPerSec * 10,
      arrivalsPerSec,
      queueMean: 0.5,
      waitMeanMs: 1.25,
    })),
    links: links.map(([from, to, kind, perSec]) => ({
      from,
      to,
      kind,
      perSec,
      messages: perSec * 10,
    })),
  } as unknown as RunSummary;
}

const shop = summary(
  [
    ['gateway', 'service', 0.2, 1000],
    ['orders', 'service', 0.5, 250],
    ['products', 'service', 0.95, 1000],
    ['orders-db', 'database', 0.3, 250],
    ['page-cache', 'cache', 0.1, 500],
  ],
  [
    ['client', 'gateway', 'request', 1000],
    ['gateway', 'orders', 'call', 250],
    ['gateway', 'products', 'call', 750],
    ['orders', 'products', 'call', 250],
    ['orders', 'orders-db', 'query', 250],
    ['gateway', 'page-cache', 'cache', 500],
    ['orders', 'orders', 'sync', 40],
    ['products', 'orders-db', 'query', 0],
  ],
);

const node = (layout: ReturnType<typeof layoutTopology>, id: string) =>
  layout.nodes.find((n) => n.id === id);

describe('layoutTopology', () => {
  it('puts the client first and each node one column after its deepest caller', () => {
    const layout = layoutTopology([shop]);
    const layers = Object.fromEntries(layout.nodes.map((n) => [n.id, n.layer]));
    expect(layers).toEqual({
      client: 0,
      gateway: 1,
      orders: 2,
      products: 3,
      'orders-db': 4,
      'page-cache': 2,
    });
    expect(layout.linkKinds).toEqual(['request', 'call', 'query', 'cache', 'sync']);
    expect(layout.maxPerSec).toBe(1000);
  });

  it('routes a link that skips columns through a free slot of each, not through a node', () => {
    const layout = layoutTopology([shop]);
    const route = layout.routes[routeKey('gateway', 'products')];
    expect(route).toHaveLength(1);
    const [x, y] = route[0];
    expect(x).toBe(node(layout, 'orders')?.x);
    for (const n of layout.nodes) expect(n.x === x && n.y === y, n.id).toBe(false);
    expect(layout.routes[routeKey('gateway', 'orders')]).toBeUndefined();
  });

  it('places every variant’s nodes in the same places', () => {
    const other = summary([['gateway', 'service', 0, 10]], [['client', 'gateway', 'request', 10]]);
    const both = layoutTopology([shop, other]);
    expect(both).toEqual(layoutTopology([shop, other]));
    expect(node(both, 'orders')).toEqual(node(layoutTopology([shop]), 'orders'));
  });
});

describe('topologyLinks', () => {
  it('draws a link to a sharded database to each shard, with the shard’s own load', () => {
    const sharded = summary(
      [
        ['customers', 'service', 0.1, 100],
        ['db[0]', 'database', 1, 70],
        ['db[1]', 'database', 0.3, 30],
      ],
      [['customers', 'db', 'query', 100]],
    );
    expect(topologyLinks(sharded).map((l) => [l.to, l.perSec])).toEqual([
      ['db[0]', 70],
      ['db[1]', 30],
    ]);
  });
});

describe('topologySvg', () => {
  const layout = layoutTopology([shop]);
  const svg = String(topologySvg(shop, layout, 'Topology of shop'));

  it('draws every node with its shape, name, instances and utilisation', () => {
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg" class="topology"')).toBe(true);
    for (const id of ['client', 'gateway', 'orders', 'products', 'orders-db', 'page-cache'])
      expect(svg).toContain(`>${id}</text>`);
    expect(svg).toContain('×2 · 95 % busy');
    expect(svg).toMatch(/<g class="node node-database"><title>[^<]*<\/title><path d="M[^"]* A/);
    expect(svg).toMatch(/<g class="node node-cache"><title>[^<]*<\/title><polygon /);
    expect(svg).toContain(`fill="${utilisationColour(0.95)}"`);
  });

  it('labels each used link with its load and draws unused links dashed grey without a label', () => {
    for (const label of ['1,000/s', '250/s', '750/s', '500/s', '40.0/s'])
      expect(svg).toContain(`>${label}</text>`);
    const unused =
      /<g class="link link-query unused"><title>products → orders-db \(query\): 0\.0\/s<\/title><path [^>]*stroke="#9ca3af" [^>]*stroke-dasharray="6 5"/;
    expect(svg).toMatch(unused);
    expect(svg).not.toContain('>0.0/s</text>');
  });

  it('draws wider links for more load', () => {
    const width = (from: string, to: string) =>
      Number(
        new RegExp(`${from} → ${to} [^<]*</title><path [^>]*stroke-width="([\\d.]+)"`).exec(
          svg,
        )?.[1],
      );
    expect(width('client', 'gateway')).toBeGreaterThan(width('gateway', 'orders'));
    expect(width('gateway', 'orders')).toBeGreaterThan(width('products', 'orders-db'));
  });

  it('draws a self-loop (cache sync) as an arc over its node', () => {
    expect(svg).toMatch(
      /<g class="link link-sync"><title>orders → orders \(sync\)[^<]*<\/title><path d="M[\d.,]+ C/,
    );
  });

  it('marks a component the variant does not have', () => {
    const without = summary(
      [['gateway', 'service', 0, 10]],
      [['client', 'gateway', 'request', 10]],
    );
    expect(String(topologySvg(without, layout, 'x'))).toContain('not in this variant');
  });

  it('escapes names and titles', () => {
    const evil = summary(
      [['<script>alert(1)</script>', 'service', 0.5, 5]],
      [['client', '<script>alert(1)</script>', 'request', 5]],
    );
    const out = String(topologySvg(evil, layoutTopology([evil]), '"><script>'));
    expect(out).not.toContain('<script');
    expect(out).toContain('&lt;script&gt;alert(1)&lt;/s…</text>');
    expect(out).toContain('aria-label="&quot;&gt;&lt;script&gt;"');
  });

  it('is deterministic', () => {
    expect(String(topologySvg(shop, layoutTopology([shop]), 'Topology of shop'))).toBe(svg);
  });
});

describe('topologySvg: copies of replicated data and links backwards', () => {
  // three copies of replicated data synced both ways; warehouse is one column right of the
  // others because orders calls it
  const copies = summary(
    [
      ['orders', 'service', 0.1, 100],
      ['returns', 'service', 0.1, 10],
      ['warehouse', 'service', 0.1, 20],
    ],
    [
      ['client', 'orders', 'request', 100],
      ['client', 'returns', 'request', 10],
      ['orders', 'warehouse', 'call', 100],
      ['orders', 'returns', 'sync', 100],
      ['returns', 'orders', 'sync', 10],
      ['warehouse', 'orders', 'sync', 2],
      ['orders', 'warehouse', 'sync', 100],
    ],
  );
  const layout = layoutTopology([copies]);
  const svg = String(topologySvg(copies, layout, 'copies'));
  const path = (from: string, to: string, kind: string) =>
    new RegExp(
      `${from} → ${to} \\(${kind}\\)[^<]*</title><path d="([^"]+)"[^>]*stroke-width="([\\d.]+)"`,
    ).exec(svg);

  it('places nodes by their calls only: sync links move no copy to another column', () => {
    expect(node(layout, 'orders')?.layer).toBe(1);
    expect(node(layout, 'returns')?.layer).toBe(1);
    expect(node(layout, 'warehouse')?.layer).toBe(2);
    // room right of the last column for the arcs between nodes of one column
    const plain = layoutTopology([
      summary(copies.components.map((c) => [c.id, c.kind, 0, 0]) as C[], []),
    ]);
    expect(layout.width).toBeGreaterThanOrEqual(plain.width);
  });

  it('draws sync links between copies thin and without a label (the rate in the tooltip)', () => {
    const sync = path('orders', 'returns', 'sync');
    expect(sync).not.toBeNull();
    expect(Number(sync?.[2])).toBeLessThanOrEqual(3);
    expect(svg).toContain('orders → returns (sync): 100/s');
    // only the request and the call carry a 100/s label
    expect(svg.match(/>100\/s<\/text>/g)?.length).toBe(2);
  });

  it('draws an arc right of the column between two copies of one column, each way apart', () => {
    const down = path('orders', 'returns', 'sync')?.[1] ?? '';
    const up = path('returns', 'orders', 'sync')?.[1] ?? '';
    const right = (n: string) => (node(layout, n)?.x ?? 0) + (node(layout, n)?.width ?? 0) / 2;
    const xs = (d: string) => [...d.matchAll(/(-?[\d.]+),(-?[\d.]+)/g)].map((m) => Number(m[1]));
    // starts at the sender's right edge, bulges right, ends right of the receiver
    expect(xs(down)[0]).toBeCloseTo(right('orders'), 1);
    expect(Math.max(...xs(down))).toBeGreaterThan(right('orders') + 30);
    expect(Math.max(...xs(up))).toBeGreaterThan(Math.max(...xs(down)));
  });

  it('draws a link backwards from the sender’s left edge into the receiver’s right edge, beside its reverse', () => {
    const back = path('warehouse', 'orders', 'sync')?.[1] ?? '';
    const fwd = path('orders', 'warehouse', 'call')?.[1] ?? '';
    const w = node(layout, 'warehouse');
    const o = node(layout, 'orders');
    const pts = (d: string) =>
      [...d.matchAll(/(-?[\d.]+),(-?[\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])]);
    const [bx, by] = pts(back)[0];
    expect(bx).toBeCloseTo((w?.x ?? 0) - (w?.width ?? 0) / 2, 1);
    expect(by).toBeCloseTo((w?.y ?? 0) + 9, 1);
    const [fx, fy] = pts(fwd)[0];
    expect(fx).toBeCloseTo((o?.x ?? 0) + (o?.width ?? 0) / 2, 1);
    expect(fy).toBeCloseTo((o?.y ?? 0) - 9, 1);
  });
});

describe('formats', () => {
  it('formats rates with one decimal below 100/s and thousands separators above', () => {
    expect([0.6, 24.54, 245.3, 6034.5, 1_234_567].map(formatRate)).toEqual([
      '0.6/s',
      '24.5/s',
      '245/s',
      '6,035/s',
      '1,234,567/s',
    ]);
  });

  it('tints from pale (idle) to red (saturated), clamped', () => {
    expect(utilisationColour(0)).toBe('#f1f5f9');
    expect(utilisationColour(0.5)).toBe('#fde68a');
    expect(utilisationColour(1)).toBe('#ef4444');
    expect(utilisationColour(3)).toBe('#ef4444');
    expect(utilisationColour(Number.NaN)).toBe('#f1f5f9');
  });
});
