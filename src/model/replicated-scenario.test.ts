/**
 * Replicated data through the language: `replicated:` and the `updateCopy`/`readCopy` steps
 * parsed, checked (located errors with did-you-mean, in English and Korean) and run end to end.
 */
import { describe, expect, it } from 'vitest';
import type { ReplicatedSummary } from '../metrics/replicated-stats.ts';
import { formatIssues } from '../scenario/format.ts';
import { ScenarioError } from '../scenario/issues.ts';
import { expectParts } from '../test-support/expect-parts.ts';
import { runYaml, scenarioProblems } from '../test-support/scenarios.ts';
import { parseScenario } from './language.ts';

/** Two services, each updating and reading its own copy of `stock` (rates per second). */
function stockYaml(o: {
  merge?: string;
  copies?: string;
  data?: string;
  readIn?: string;
  sync?: string;
  keys?: number;
  access?: string;
  /** More lines of the data (`delivery: lossy`), indented under it. */
  more?: string;
}): string {
  return `
version: 1
name: stock
seed: 3
duration: 20s
warmup: 2s
workloads:
  buyers: { rate: 50/s, target: orders/order }
  returns: { rate: 50/s, target: returns/return }
  checks: { rate: 20/s, target: ${o.readIn ?? 'orders'}/check }
services:
  orders:
    endpoints:
      order: { steps: [{ updateCopy: { data: ${o.data ?? 'stock'}, delta: -1, access: ${o.access ?? 'uniform'} } }] }
      check: { steps: [{ readCopy: { data: stock } }] }
  returns:
    endpoints:
      return: { steps: [{ updateCopy: { data: stock, access: ${o.access ?? 'uniform'} } }] }
      check: { steps: [{ readCopy: { data: stock } }] }
  billing:
    endpoints:
      check: { steps: [{ cpu: 1ms }] }
replicated:
  stock:
    copies: ${o.copies ?? '[orders, returns]'}
    keys: ${o.keys ?? 5}
    merge: ${o.merge ?? 'lww'}
    sync: ${o.sync ?? '{ dist: exponential, mean: 50ms }'}
${o.more === undefined ? '' : `    ${o.more}\n`}`;
}

async function stock(o: Parameters<typeof stockYaml>[0]): Promise<ReplicatedSummary> {
  const r = await runYaml(stockYaml(o));
  const s = r.summary.replicated;
  expect(s).toHaveLength(1);
  return (s as ReplicatedSummary[])[0];
}

/** The Korean text of a scenario's problems. */
function koProblems(text: string): string {
  try {
    parseScenario(text, 's.yaml');
    return '';
  } catch (e) {
    if (e instanceof ScenarioError) return formatIssues(e.issues, 'ko');
    throw e;
  }
}

describe('replicated data, end to end', () => {
  it('lww loses concurrent updates; the PN-counter loses none, on the same draws', async () => {
    const lww = await stock({});
    const crdt = await stock({ merge: 'crdt' });
    // 100 updates/s on 5 keys, synced in 50 ms: many concurrent writes
    expect(lww.updates).toBe(crdt.updates);
    expect(lww.updates).toBeGreaterThan(1500);
    expect(lww.lost).toBeGreaterThan(0);
    expect(lww.lostShare).toBeCloseTo(lww.lost / lww.updates, 12);
    expect(crdt.lost).toBe(0);
    expect(lww.syncs).toBe(lww.updates); // one other copy each
    expect(crdt.divergentShare).toBeLessThan(lww.divergentShare);
    expect([lww.merge, lww.copies, lww.keys]).toEqual(['lww', 2, 5]);
  });

  it('keys drawn by access: hot products (Zipf) collide more often, and lww loses more', async () => {
    const uniform = await stock({ keys: 1000 });
    const zipf = await stock({ keys: 1000, access: '{ dist: zipf, s: 1.2 }' });
    expect(zipf.updates).toBe(uniform.updates);
    // uniform over 1,000 keys: few concurrent writes of one key; Zipf puts a large share on a few
    expect(zipf.lost).toBeGreaterThan(5 * Math.max(1, uniform.lost));
  });
});

describe('replicated data, references', () => {
  /** A mistake, in English and in Korean: what the problems must say (the located parts). */
  it.each<{
    mistake: string;
    en: Parameters<typeof stockYaml>[0];
    enParts: (string | RegExp)[];
    ko: Parameters<typeof stockYaml>[0];
    koParts: string[];
  }>([
    {
      mistake: 'an unknown data is located, with did-you-mean',
      en: { data: 'stok' },
      enParts: [
        /^s\.yaml:\d+:\d+/,
        'services.orders.endpoints.order.steps[0].updateCopy.data',
        'unknown replicated data "stok"; known: stock',
        'did you mean "stock"?',
      ],
      ko: { data: 'stok' },
      koParts: ['알 수 없는 복제 데이터 "stok"', '"stock"'],
    },
    {
      mistake: 'a copy step in a service that holds no copy is located',
      en: { readIn: 'billing', copies: '[orders]' },
      enParts: [
        'services.returns.endpoints.return.steps[0].updateCopy.data',
        'service "returns" holds no copy of replicated data "stock"',
        'services.returns.endpoints.check.steps[0].readCopy.data',
      ],
      ko: { copies: '[orders]' },
      koParts: [
        '서비스 "returns"에는 복제 데이터 "stock"의 사본이 없습니다',
        // a name takes both forms of a particle (its last sound is unknown: messages-ko.ts)
        'copies에 "returns"을(를) 추가하거나',
      ],
    },
    {
      mistake: 'copies: an unknown service (did-you-mean) and a repeated one are located',
      en: { copies: '[orders, retruns, orders]' },
      enParts: [
        'replicated.stock.copies[1]',
        'unknown service "retruns"',
        'did you mean "returns"?',
        'replicated.stock.copies[2]',
        'service "orders" is named twice among the copies of "stock"',
      ],
      ko: { copies: '[orders, returns, orders]' },
      koParts: ['서비스 "orders"이(가) "stock"의 사본 목록에 두 번 나옵니다'],
    },
    {
      mistake: 'a reconciliation more often than every 100 ms is located',
      en: { more: 'reconcile: 50ms' },
      enParts: [
        'replicated.stock.reconcile',
        'replicated.stock.reconcile must be at least 100ms (got 50ms)',
        'for example reconcile: 10s',
      ],
      ko: { more: 'reconcile: 0' },
      koParts: ['replicated.stock.reconcile 값은 100ms 이상이어야 합니다 (받은 값 0)'],
    },
    {
      mistake: 'a misspelt reconcile is located, with did-you-mean',
      en: { more: 'reconcle: 10s' },
      enParts: ['replicated.stock', 'reconcle', 'did you mean "reconcile"?'],
      ko: { more: 'reconcle: 10s' },
      koParts: ['reconcle', '"reconcile"'],
    },
  ])('$mistake (en, ko)', ({ en, enParts, ko, koParts }) => {
    expectParts(scenarioProblems(stockYaml(en), 's.yaml'), enParts);
    expectParts(koProblems(stockYaml(ko)), koParts);
  });

  it('the state of all replicated data together has a limit (one data at both limits, no more)', () => {
    const big = (id: string) =>
      `  ${id}:\n    copies: [orders, returns]\n    keys: 100000\n    merge: lww\n    sync: 10ms\n`;
    // 2 copies × 100,000 keys × 5 numbers = 1,000,000 each: twelve fit beside stock, a thirteenth not
    const many = (n: number) =>
      stockYaml({}) + Array.from({ length: n }, (_, i) => big(`d${i}`)).join('');
    expect(scenarioProblems(many(12), 's.yaml')).toBe('');
    const text = scenarioProblems(many(13), 's.yaml');
    expect(text).toContain('replicated.d12');
    // and the first data's 2 copies × 5 keys × 5
    expect(text).toContain('replicated: at most 12,800,000 (got 13,000,050)');
    expect(text).toContain('kept in memory');
    expect(text.match(/at most 12,800,000/g)).toHaveLength(1);
    expect(koProblems(many(13))).toContain('메모리에 놓입니다');
  });

  it('the reconciliations of all replicated data together have a limit', () => {
    // 3 copies × 100,000 keys × 2 others × 200 periods of 100 ms in 20 s: 120,000,000 each
    const big = (id: string) =>
      `  ${id}:\n    copies: [orders, returns, billing]\n    keys: 100000\n    merge: lww\n    sync: 10ms\n    reconcile: 100ms\n`;
    expect(scenarioProblems(stockYaml({}) + big('d0'), 's.yaml')).toBe('');
    const text = scenarioProblems(stockYaml({}) + big('d0') + big('d1'), 's.yaml');
    expect(text).toContain('replicated.d1.reconcile');
    expect(text).toContain('reconcile: at most 200,000,000 (got 240,000,000)');
    expect(text).toContain('reconcile less often');
    expect(koProblems(stockYaml({}) + big('d0') + big('d1'))).toContain('조정 주기를 늘리세요');
  });

  it('merge, sync and delivery are checked by the schema', () => {
    expect(scenarioProblems(stockYaml({ more: 'delivery: losy' }), 's.yaml')).toContain(
      'replicated.stock.delivery',
    );
    expect(scenarioProblems(stockYaml({ merge: 'newest' }), 's.yaml')).toContain(
      'replicated.stock.merge',
    );
    expect(scenarioProblems(stockYaml({ sync: 'soon' }), 's.yaml')).toContain(
      'replicated.stock.sync',
    );
  });
});
