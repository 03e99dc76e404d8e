/**
 * Replicated data's sync messages on struck links (model/replicated-sync.ts `transmit`), on scripted
 * cases with exact times: two copies (a = 0, b = 1) whose hops carry LinkFaultStates driven by
 * the model's own fault timeline (faults.ts `scheduleFault`); sync a constant 10 ms. A
 * partition holds the states crossing it and sends them again, in order, when it heals; an
 * error-rate fault makes them retry after a draw of `sync`; a latency fault slows them; the
 * hops count every sending. Then the whole model: the sync links of a scenario, and a partition
 * that multiplies last-write-wins' losses and costs the CRDT none.
 */
import { describe, expect, it } from 'vitest';
import {
  arrivesAt,
  fault,
  pair,
  reachedAt,
  cutScenario as scenario,
  sendOne,
} from '../test-support/model-replicated.ts';
import { runYaml } from '../test-support/scenarios.ts';

describe('replicated data on struck links (two copies, sync 10 ms)', () => {
  it('a partition holds a state until it heals, then sends it again with a new draw', () => {
    const p = pair('lww', [fault('partition', [[5, 50]])]);
    // a → b crosses the partition: held; healed at 50, sent again: arrives at 50 + 10
    const s = arrivesAt(p, 60, [55, 59.999, 60.001]);
    expect(s).toMatchObject({ held: 1, syncs: 1, lost: 0 });
    // every sending counts on the link: the first try and the one after the heal
    expect(p.ab.messages).toBe(2);
  });

  it('lww: the side cut off loses its update to a later write made without it', () => {
    // a's update at 10 is held until 50; b's at 20 reaches a at 30 (later: replaces a's)
    const { data, at, run } = pair('lww', [fault('partition', [[5, 50]])]);
    at(10, () => data.update(0, 0, 1));
    at(20, () => data.update(1, 0, 1));
    const s = run();
    expect(s.lost).toBe(1);
    expect(s.held).toBe(1);
    // the copies converge, on b's write: 1, while the truth is 2
    expect([data.value(0, 0), data.value(1, 0), data.truth(0)]).toEqual([1, 1, 2]);
  });

  it('crdt: the same partition loses nothing; the copies reach the truth after the heal', () => {
    const { data, at, look, seen, run } = pair('crdt', [fault('partition', [[5, 50]])]);
    at(10, () => data.update(0, 0, 1));
    at(20, () => data.update(1, 0, 1));
    look(40);
    const s = run();
    expect(seen).toEqual([[40, 2, 1]]); // a has both, b only its own until 60
    expect(s.lost).toBe(0);
    expect([data.value(0, 0), data.value(1, 0), data.truth(0)]).toEqual([2, 2, 2]);
  });

  it('the held states are sent again in the order they were held', () => {
    // three keys updated at 10, 20, 30 behind a partition until 100; a sync that draws 30, 20,
    // 10 for the resends lands them in the reverse order, each after its own draw
    const { data, at, run } = pair('lww', [fault('partition', [[5, 100]])], {
      keys: 3,
      sync: [30, 20, 10],
    });
    for (const k of [0, 1, 2]) at(10 * (k + 1), () => data.update(0, k, 1));
    const arrived: number[][] = [];
    for (const t of [109.999, 110.001, 119.999, 120.001, 129.999, 130.001])
      at(t, () => arrived.push([t, data.value(1, 0), data.value(1, 1), data.value(1, 2)]));
    const s = run();
    // key 0 held first, drew 30 (arrives 130); key 1 drew 20 (120); key 2 drew 10 (110)
    expect(arrived).toEqual([
      [109.999, 0, 0, 0],
      [110.001, 0, 0, 1],
      [119.999, 0, 0, 1],
      [120.001, 0, 1, 1],
      [129.999, 0, 1, 1],
      [130.001, 1, 1, 1],
    ]);
    expect(s.held).toBe(3);
  });

  it('a state on its way when the partition begins arrives', () => {
    // sent at 10, due at 20: inside the partition
    const s = arrivesAt(pair('lww', [fault('partition', [[15, 50]])]), 20, [20.001]);
    expect(s.held).toBe(0);
  });

  it('two overlapping partitions hold the states until the last one ends', () => {
    const p = pair('lww', [
      fault('partition', [[5, 40]]),
      { ...fault('partition', [[30, 80]]), id: 'second' },
    ]);
    arrivesAt(p, 90, [89.999, 90.001]); // the second ends at 80: + 10
  });

  it('a partition that another continues at the same instant keeps holding (either order)', () => {
    // two faults back to back on a → b: 5–50 and 50–100; the heal at 50 is no heal at all, so
    // the state held at 10 leaves at 100 (arrives 110), whichever fault the scenario lists first
    for (const order of [0, 1]) {
      const first = fault('partition', [[5, 50]]);
      const second = { ...fault('partition', [[50, 100]]), id: 'second' };
      const p = pair('lww', order === 0 ? [first, second] : [second, first]);
      expect(arrivesAt(p, 110, [60.001, 109.999, 110.001]).held).toBe(1);
      expect(p.ab.messages).toBe(2);
    }
  });

  it('an error-rate fault makes every state retry after a draw of sync until it passes', () => {
    // every sending in [5, 35) fails: tries at 10, 20, 30, then 40 passes → arrives at 50
    const p = pair('lww', [fault('error-rate', [[5, 35]], { rate: 1 })]);
    const s = arrivesAt(p, 50, [49.999, 50.001]);
    // retried counts failed sendings, not states: one state, three of them
    expect(s).toMatchObject({ retried: 3, syncs: 1, held: 0 });
    expect(p.ab.messages).toBe(4);
  });

  it('a retry waits at least 1 ms: a sync of 0 under a 100 % error rate does not stop the clock', () => {
    // tries at 10, 11, …, 34 fail (25 retries); the one at 35 finds the fault ended: arrives at 35
    const p = pair('lww', [fault('error-rate', [[5, 35]], { rate: 1 })], { sync: 0 });
    const looks = [34.999, 35.001];
    sendOne(p, looks);
    // (before: retries at 10 forever; the budget stops that, and the count tells)
    p.sim.run({ maxEvents: 10_000 });
    expect(p.sim.eventsProcessed).toBeLessThan(100);
    expect(p.run().retried).toBe(25);
    expect(p.seen).toEqual(reachedAt(35, looks));
  });

  it('a latency fault slows a state: sync × factor + the added delay', () => {
    const p = pair('lww', [
      fault('latency', [[0, 100]], { factor: 3, add: { kind: 'constant', value: 5 } }),
    ]);
    arrivesAt(p, 45, [44.999, 45.001]); // 10 + 10 × 3 + 5 = 45
  });

  it('a link no fault strikes, or one between its windows, costs exactly a draw of sync', () => {
    const { data, at, look, seen, run, ab, ba } = pair('lww', [fault('partition', [[100, 200]])]);
    at(10, () => data.update(0, 0, 1));
    at(30, () => data.update(1, 0, 1));
    look(20.001);
    look(40.001);
    run();
    expect(seen).toEqual([
      [20.001, 1, 1],
      [40.001, 2, 2],
    ]);
    expect([ab.messages, ba.messages]).toEqual([1, 1]);
  });
});

describe('replicated data in a scenario: sync links and a partition', () => {
  const cut = `  there: { kind: partition, link: { from: shop, to: store }, at: 5s, for: 10s }
  back: { kind: partition, link: { from: store, to: shop }, at: 5s, for: 10s }`;

  it('the copies are linked both ways by sync links that count their messages', async () => {
    const r = await runYaml(scenario('lww', '  {}'));
    const links = r.summary.links.filter((l) => l.kind === 'sync');
    expect(links.map((l) => `${l.from}->${l.to}`).sort()).toEqual(['shop->store', 'store->shop']);
    const stock = r.summary.replicated?.[0];
    expect(stock?.held).toBe(0);
    // every update sends its state to the other copy, over one link
    expect(links.reduce((a, l) => a + l.messages, 0)).toBe(stock?.syncs);
  });

  it('a sync link is its own: the replies of a call the other way are neither counted nor cut', async () => {
    // shop calls store, and both hold a copy; only the shop changes it. The link shop → store is
    // the call's (its load: the calls alone); store → shop is a sync link that carries nothing.
    // A partition of store → shop holds nothing and leaves the calls' replies alone
    const yaml = (faults: string) => `version: 1
name: shared
seed: 5
duration: 20s
workloads:
  shop: { rate: 100/s, target: shop/sell }
services:
  shop:
    endpoints:
      sell: { steps: [{ cpu: 1ms }, { call: store/check, timeout: 1s }, { updateCopy: { data: stock, delta: -1 } }] }
  store:
    endpoints:
      check: { steps: [{ cpu: 1ms }, { readCopy: { data: stock } }] }
replicated:
  stock: { copies: [shop, store], keys: 200, merge: lww, sync: 50ms }
faults:
${faults}
`;
    for (const faults of [
      '  {}',
      '  back: { kind: partition, link: { from: store, to: shop }, at: 5s, for: 10s }',
    ]) {
      const { summary } = await runYaml(yaml(faults));
      const link = (from: string, to: string) =>
        summary.links.find((l) => l.from === from && l.to === to);
      const sell = summary.endpoints.find((e) => e.endpoint === 'shop/sell');
      expect(link('shop', 'store')?.kind, faults).toBe('call');
      expect(link('shop', 'store')?.messages, faults).toBe(sell?.arrivals);
      expect(link('store', 'shop')?.kind, faults).toBe('sync');
      expect(link('store', 'shop')?.messages, faults).toBe(0);
      expect(sell?.errorRate, faults).toBe(0);
      expect(summary.replicated?.[0].held, faults).toBe(0);
    }
  });

  it('a partition multiplies last-write-wins’ losses and costs the CRDT none', async () => {
    const connected = (await runYaml(scenario('lww', '  {}'))).summary.replicated?.[0];
    const lww = (await runYaml(scenario('lww', cut))).summary.replicated?.[0];
    const crdt = (await runYaml(scenario('crdt', cut))).summary.replicated?.[0];
    // the same draws of keys and times: 10 s of both sides' sales, ~200 keys each side touched
    // ~10 and ~5 times over the partition; lww keeps one side's per key
    expect(lww?.updates).toBe(connected?.updates);
    expect(lww?.held).toBeGreaterThan(2000);
    expect(lww?.lost).toBeGreaterThan(5 * (connected?.lost ?? 0));
    expect(lww?.lost).toBeGreaterThan(200);
    expect(crdt?.lost).toBe(0);
    expect(crdt?.held).toBe(lww?.held);
  });
});

describe('a partition against theory (two copies, one side’s writes lost per key)', () => {
  // Two copies, K keys; during a partition of T ms each side writes each key at Poisson times
  // (mean μ writes per side and key), and the sync delay is negligible. After the heal each
  // key keeps the side whose last write is later and loses the other side's writes. Given a
  // and b writes (a, b ≥ 1), the last of a uniform points precedes the last of b with
  // probability ∫₀¹ xᵃ · b xᵇ⁻¹ dx = b / (a + b), so the loss per key is
  // E[L] = Σ_{a,b≥1} p(a) p(b) · (a·b/(a+b) + b·a/(a+b)) = Σ p(a) p(b) · 2ab/(a+b),
  // and E[L²] = Σ p(a) p(b) · (a²·b + b²·a)/(a+b) = Σ p(a) p(b) · ab (Poisson p, mean μ).
  it('loses E[L] = Σ p(a)p(b)·2ab/(a+b) per key, within 4 standard errors over 20,000 keys', () => {
    const K = 20_000;
    const mu = 3;
    const T = 1000;
    const cut = (id: string) => ({ ...fault('partition', [[0, T]]), id });
    const { data, at, rng, run } = pair('lww', [cut('a-b')], {
      ba: [cut('b-a')],
      keys: K,
      sync: 0.001,
      seed: 11,
    });
    // Poisson writes: exponential gaps of mean T/μ from 0, kept while inside (0, T)
    const draws = rng.stream('writes');
    for (let key = 0; key < K; key++)
      for (const copy of [0, 1])
        for (
          let t = -Math.log(1 - draws.next()) * (T / mu);
          t < T;
          t += -Math.log(1 - draws.next()) * (T / mu)
        )
          at(t, () => data.update(copy, key, 1));
    const s = run();
    // the theory, summed over a, b up to 60 (the Poisson tail beyond is < 1e-40)
    const p: number[] = [Math.exp(-mu)];
    for (let n = 1; n <= 60; n++) p.push((p[n - 1] * mu) / n);
    let mean = 0;
    let second = 0;
    for (let a = 1; a <= 60; a++)
      for (let b = 1; b <= 60; b++) {
        mean += (p[a] * p[b] * 2 * a * b) / (a + b);
        second += p[a] * p[b] * a * b;
      }
    const sd = Math.sqrt(second - mean * mean);
    expect(s.held).toBe(s.updates); // every write crossed the partition, held until 1,000 ms
    expect(Math.abs(s.lost - K * mean)).toBeLessThan(4 * sd * Math.sqrt(K));
    // and the copies agree afterwards: the states held were all delivered
    for (let key = 0; key < 50; key++) expect(data.value(0, key)).toBe(data.value(1, key));
  });
});
