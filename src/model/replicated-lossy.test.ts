/**
 * A sync pipeline that is not durable (`delivery: lossy`) and the reconciliation that repairs
 * what it loses (`reconcile`), on scripted cases with exact times (two copies a = 0, b = 1 whose
 * links carry the model's own faults, sync a constant 10 ms: test-support/model-replicated.ts
 * `pair`): a partition or an error-rate fault loses a state instead of holding or retrying it, a
 * state already on its way arrives, a reconciliation sends each copy's whole state and meets the
 * same faults, and `unsynced` counts the keys whose copies stay apart once everything on its way
 * (held included) is delivered. Then a scenario: the language, the counts, the same bytes twice.
 */
import { describe, expect, it } from 'vitest';
import {
  arrivesAt,
  cutScenario,
  fault,
  type Merge,
  pair,
  reachedAt,
  sendOne,
} from '../test-support/model-replicated.ts';
import { runYaml } from '../test-support/scenarios.ts';

const lossy = { delivery: 'lossy' as const };
const partition = (from: number, to: number) => fault('partition', [[from, to]]);

describe('lossy delivery (two copies, sync 10 ms)', () => {
  it('a state sent through a partition is lost and counted; the copy that missed it stays wrong', () => {
    const p = pair('lww', [partition(5, 50)], lossy);
    const looks = [20, 60, 500];
    sendOne(p, looks);
    const s = p.run();
    expect(p.seen).toEqual(looks.map((t) => [t, 1, 0]));
    expect(s).toMatchObject({ dropped: 1, held: 0, retried: 0, syncs: 1, lost: 0, unsynced: 1 });
    // the one sending counts on the link; nothing is sent again when it heals
    expect(p.ab.messages).toBe(1);
  });

  it('an error-rate fault loses the state instead of retrying it', () => {
    const p = pair('lww', [fault('error-rate', [[5, 35]], { rate: 1 })], lossy);
    const looks = [50, 500];
    sendOne(p, looks);
    expect(p.run()).toMatchObject({ dropped: 1, retried: 0, unsynced: 1 });
    expect(p.seen).toEqual(looks.map((t) => [t, 1, 0]));
    expect(p.ab.messages).toBe(1);
  });

  it('a state on its way when the partition begins arrives; a latency fault only slows one', () => {
    // sent at 10, due at 20: inside the partition, arrives
    const cut = arrivesAt(pair('lww', [partition(15, 50)], lossy), 20, [19.999, 20.001]);
    expect(cut).toMatchObject({ dropped: 0, unsynced: 0 });
    const slow = fault('latency', [[0, 100]], { factor: 3, add: { kind: 'constant', value: 5 } });
    expect(arrivesAt(pair('lww', [slow], lossy), 45, [44.999, 45.001]).dropped).toBe(0);
  });

  it('the next change of the key repairs the copies, on a state without the lost update', () => {
    // a's +1 at 10 is lost; b's +1 at 60 (made on 0) reaches a at 70 and replaces its 1
    const { data, at, look, seen, run } = pair('lww', [partition(5, 50)], lossy);
    at(10, () => data.update(0, 0, 1));
    at(60, () => data.update(1, 0, 1));
    look(69.999);
    look(70.001);
    const s = run();
    expect(seen).toEqual([
      [69.999, 1, 1],
      [70.001, 1, 1],
    ]);
    expect(s).toMatchObject({ dropped: 1, lost: 1, unsynced: 0 });
    expect(data.truth(0)).toBe(2);
  });

  it('unsynced: the keys apart at the end, those on their way counted as delivered', () => {
    // key 0: lost in the partition; key 1: sent before it; key 2: lost, then changed again by b
    // after the heal; key 3: sent at 195, on its way at the end (200)
    const { data, at, run } = pair('lww', [partition(20, 50)], { ...lossy, keys: 4 });
    at(10, () => data.update(0, 1, 1));
    at(30, () => data.update(0, 0, 1));
    at(40, () => data.update(0, 2, 1));
    at(100, () => data.update(1, 2, 1));
    at(195, () => data.update(0, 3, 1));
    expect(run(200)).toMatchObject({ dropped: 2, unsynced: 1 });
  });

  it('durable: a state held at the end counts as delivered (unsynced 0), and the summary keeps its fields', () => {
    const p = pair('lww', [partition(5, 1000)], { reconcileMs: 500 });
    sendOne(p, []);
    const s = p.run(200);
    expect(s).toMatchObject({ held: 1, dropped: 0, unsynced: 0 });
    // without lossy delivery or a reconciliation, the summary is as it always was
    const plain = pair('lww', [partition(5, 1000)]);
    sendOne(plain, []);
    expect(Object.keys(plain.run(200))).not.toContain('unsynced');
  });
});

describe('reconciliation (each copy sends its whole state every period)', () => {
  it('repairs a copy that missed a state, within a period; one message per pair', () => {
    // a's +1 at 10 is lost; the reconciliation at 100 sends a's whole state: b has it at 110
    const p = pair('lww', [partition(5, 50)], { ...lossy, reconcileMs: 100 });
    const looks = [109.999, 110.001];
    sendOne(p, looks);
    expect(p.run(150)).toMatchObject({ dropped: 1, repaired: 1, unsynced: 0, syncs: 1 });
    expect(p.seen).toEqual(reachedAt(110, looks));
    // the lost update, the reconciliation; and b → a's reconciliation, which repairs nothing
    expect([p.ab.messages, p.ba.messages]).toEqual([2, 1]);
  });

  it.each<Merge>(['lww', 'crdt'])(
    '%s: lossy, a reconciliation across the partition is lost too; the next one repairs',
    (merge) => {
      // partition 5–150 a → b; b's +2 at 10 reaches a at 20; a's +1 at 25 (on it: 3) is lost, and
      // so is a's reconciliation at 100; the one at 200 arrives at 210
      const p = pair(merge, [partition(5, 150)], { ...lossy, reconcileMs: 100 });
      p.at(10, () => p.data.update(1, 0, 2));
      p.at(25, () => p.data.update(0, 0, 1));
      p.look(209.999);
      p.look(210.001);
      expect(p.run(150)).toMatchObject({ dropped: 2, repaired: 0, unsynced: 1 });
      expect(p.run(250)).toMatchObject({ dropped: 2, repaired: 1, unsynced: 0, lost: 0 });
      expect(p.seen).toEqual([
        [209.999, 3, 2],
        [210.001, 3, 3],
      ]);
    },
  );

  it('durable: a reconciliation a partition catches is held with the states, and delivered at the heal', () => {
    // partition 5–150 a → b; the update (10) and the reconciliation (100) are held until 150,
    // then sent again in that order, both arriving at 160: the update merges, the rest is known
    const p = pair('lww', [partition(5, 150)], { reconcileMs: 100 });
    const looks = [159.999, 160.001];
    sendOne(p, looks);
    expect(p.run(190)).toMatchObject({ held: 2, dropped: 0, repaired: 0, merges: 1, unsynced: 0 });
    expect(p.seen).toEqual(reachedAt(160, looks));
  });

  it('the state a reconciliation sends is the one at the send (later changes do not leak in)', () => {
    // a reconciliation at 100 takes a's 1; a's +1 at 105 is lost (the partition from 102): b
    // gets 1 at 110, not 2
    const p = pair('lww', [partition(102, 1000)], { ...lossy, reconcileMs: 100, sync: [50] });
    p.at(10, () => p.data.update(0, 0, 1)); // its state drew 50: arrives at 60
    p.at(105, () => p.data.update(0, 0, 1));
    p.look(150);
    expect(p.run(150)).toMatchObject({ dropped: 1, unsynced: 1 });
    expect(p.seen).toEqual([[150, 2, 1]]);
  });

  it('a copy that has not changed sends the same whole state again: a partition holds one per change', () => {
    // a → b cut from 5 to the end: reconciliations at 100, 200, …, 900 held; a changes once, at
    // 350, so its 9 held messages carry 2 states (before: 9 copies of its arrays)
    const p = pair('crdt', [partition(5, 2000)], { reconcileMs: 100, keys: 1000 });
    p.at(350, () => p.data.update(0, 7, 1));
    expect(p.run(950)).toMatchObject({ held: 10, unsynced: 0 });
    const held = p.data.pipeline.pending().filter((m) => 'whole' in m.state && m.from === 0);
    expect(held).toHaveLength(9);
    expect(new Set(held.map((m) => m.state)).size).toBe(2);
  });
});

describe('lossy delivery and reconciliation in a scenario', () => {
  /** Both ways cut from 5 s, for `forS` seconds (15: to the end of the run). */
  const cut = (forS: number) =>
    [
      'there: { kind: partition, link: { from: shop, to: store }',
      'back: { kind: partition, link: { from: store, to: shop }',
    ]
      .map((f) => `  ${f}, at: 5s, for: ${forS}s }`)
      .join('\n');
  const stock = async (merge: Merge, forS: number, more = '') =>
    (await runYaml(cutScenario(merge, cut(forS), more))).summary.replicated?.[0];

  it.each<Merge>(['lww', 'crdt'])(
    '%s: a partition to the end drops what durable delivery held, and leaves copies apart',
    async (merge) => {
      const durable = await stock(merge, 15, 'reconcile: 1s');
      const lost = await stock(merge, 15, 'delivery: lossy');
      expect(lost?.updates).toBe(durable?.updates);
      expect(lost?.dropped).toBeGreaterThan(2000);
      expect(lost?.held).toBe(0);
      // durable: everything held counts as delivered; lossy: most keys changed on one side only
      expect(durable?.unsynced).toBe(0);
      expect(lost?.unsynced).toBeGreaterThan(150);
    },
  );

  it('after a 10 s partition, a reconciliation leaves no copy apart', async () => {
    const lost = await stock('lww', 10, 'delivery: lossy');
    const repaired = await stock('lww', 10, 'delivery: lossy, reconcile: 2s');
    expect(lost?.lost).toBeGreaterThan(repaired?.lost ?? 0);
    expect(repaired?.unsynced).toBe(0);
    expect(repaired?.repaired).toBeGreaterThan(20);
  });

  it('the same seed gives the same bytes', async () => {
    const yaml = cutScenario('crdt', cut(10), 'delivery: lossy, reconcile: 3s');
    const [a, b] = [await runYaml(yaml), await runYaml(yaml)];
    expect(JSON.stringify(a.summary)).toBe(JSON.stringify(b.summary));
  });
});
