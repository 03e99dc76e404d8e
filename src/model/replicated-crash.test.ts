/**
 * A copy whose service has no instance up (model/replicated-sync.ts `liveIn`, `stateOf`), on
 * scripted cases with exact times: two copies (a = 0, b = 1) synced after a constant 10 ms on
 * links no fault strikes, b living in service instances struck by crash faults on the model's
 * own fault timeline (test-support/model-replicated.ts `liveIn`). A state that reaches b while
 * every instance is crashed is held and sent again once one is up (durable) or lost (lossy); a
 * freeze holds it with either delivery; one instance up of two changes nothing; a down copy
 * sends no reconciliation; what a crash to the end holds counts as delivered for `unsynced`; n
 * instances changing at one instant look at the copy once. Every state that reaches a down copy
 * is also counted in `copyDown`. Then a scenario: the down
 * copy's service makes no change while it is down (its requests fail; a visit in progress may
 * finish), and the same summary twice (its report: report/features/replicated/copy-down.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { prepareHistograms } from '../metrics/histogram.ts';
import type { FaultDef, ReplicatedDef } from '../scenario/types.ts';
import {
  crash,
  cutScenario,
  liveIn,
  type Merge,
  pair,
  reachedAt,
  sendOne,
} from '../test-support/model-replicated.ts';
import { runYaml, scenarioFromYaml } from '../test-support/scenarios.ts';
import { Model } from './model.ts';
import { replicatedData } from './replicated-build.ts';

type Delivery = ReplicatedDef['delivery'];

/** A look before, at and after each instant a case's state can reach b. */
const LOOKS = [19.999, 20.001, 39.999, 40.001, 59.999, 60.001, 89.999, 90.001, 500];

/** b down 5–50: crashed (refusing), hanging, frozen. */
const [DOWN, HANG, FROZEN] = (['refuse', 'hang', 'freeze'] as const).map((m) =>
  crash([[5, 50]], m),
);
/** What a state met at b. */
const HELD = { held: 1, dropped: 0 };
const LOST = { held: 0, dropped: 1 };
const NONE = { held: 0, dropped: 0 };

describe('a copy whose service has no instance up (two copies, sync 10 ms)', () => {
  // a's +1 at 10 is due at b at 20; b lives in one instance per list of faults
  it.each<[string, Delivery, FaultDef[][], number | null, typeof HELD]>([
    ['crashed, durable: held, sent again when it is up', 'durable', [[DOWN]], 60, HELD],
    ['hanging, durable: held the same', 'durable', [[HANG]], 60, HELD],
    ['crashed, lossy: lost', 'lossy', [[DOWN]], null, LOST],
    ['hanging, lossy: lost', 'lossy', [[HANG]], null, LOST],
    ['frozen, durable: held', 'durable', [[FROZEN]], 60, HELD],
    ['frozen, lossy: held too (the accept queue keeps it)', 'lossy', [[FROZEN]], 60, HELD],
    ['one of two instances crashed: received', 'lossy', [[DOWN], []], 20, NONE],
    ['one crashed, the other frozen: held, lossy too', 'lossy', [[DOWN], [FROZEN]], 60, HELD],
    // instances down 5–30 and 15–50: the copy is down from 15 to 30 only
    ['two instances down in turn', 'durable', [[crash([[5, 30]])], [crash([[15, 50]])]], 40, HELD],
    ['a crash from the instant it arrives catches it', 'lossy', [[crash([[20, 50]])]], null, LOST],
    ['a crash ending the instant it arrives lets it in', 'lossy', [[crash([[5, 20]])]], 20, NONE],
    // 5–50 then 50–80: at 50 the copy is up for no time, and keeps what it holds
    ['crashes back to back hold it', 'durable', [[DOWN, crash([[50, 80]])]], 90, HELD],
  ])('%s', (_, delivery, instances, arrivesMs, counts) => {
    const p = pair('lww', [], { delivery });
    liveIn(p.data, 1, instances);
    sendOne(p, LOOKS);
    const s = p.run();
    expect(p.seen).toEqual(reachedAt(arrivesMs ?? Number.POSITIVE_INFINITY, LOOKS));
    expect({ held: s.held, dropped: s.dropped ?? 0 }).toEqual(counts);
    // the copy's side, apart from the links': absent when nothing reached it down
    expect(s.copyDown).toBe(counts === NONE ? undefined : 1);
    // every sending counts on the link: the first, and the one after the copy is up
    expect(p.ab.messages).toBe(1 + counts.held);
  });

  it.each<[Delivery, number[], { held: number; dropped: number }]>([
    ['durable', [4, 2], { held: 1, dropped: 0 }],
    ['lossy', [3, 2], { held: 0, dropped: 1 }],
  ])(
    '%s: a down copy sends no reconciliation; one sent to it meets the crash',
    (delivery, messages, counts) => {
      // b down 50–150: a's update (10) and b's (30) arrive before; at 100 a's whole state reaches
      // b at 110 (held until 150, arriving at 160; or lost) and b sends none; at 200 both do
      const p = pair('lww', [], { delivery, reconcileMs: 100 });
      liveIn(p.data, 1, [[crash([[50, 150]])]]);
      p.at(10, () => p.data.update(0, 0, 1));
      p.at(30, () => p.data.update(1, 0, 1));
      const s = p.run(250);
      expect([p.ab.messages, p.ba.messages]).toEqual(messages);
      expect({ held: s.held, dropped: s.dropped }).toEqual(counts);
      expect(p.values()).toEqual([2, 2]);
    },
  );

  it.each<[Merge, Delivery, { held: number; dropped: number; unsynced: number }]>([
    ['lww', 'durable', { held: 3, dropped: 0, unsynced: 0 }],
    ['crdt', 'durable', { held: 3, dropped: 0, unsynced: 0 }],
    ['lww', 'lossy', { held: 0, dropped: 3, unsynced: 1 }],
    ['crdt', 'lossy', { held: 0, dropped: 3, unsynced: 1 }],
  ])(
    '%s, %s: a crash to the end; what it holds counts as delivered for unsynced',
    (merge, delivery, counts) => {
      // b down from 5 to past the end: a's update (10) and its whole states (100, 200) reach it
      const p = pair(merge, [], { delivery, reconcileMs: 100 });
      liveIn(p.data, 1, [[crash([[5, 1000]])]]);
      sendOne(p, []);
      const s = p.run(250);
      expect({ held: s.held, dropped: s.dropped, unsynced: s.unsynced }).toEqual(counts);
      expect(p.values()).toEqual([1, 0]);
      expect(p.data.pipeline.pending()).toHaveLength(counts.held);
      expect(p.ba.messages).toBe(0);
    },
  );

  it.each([1, 3, 50])(
    '%i instances crashing or thawing at one instant look at the copy once (not once each)',
    (n) => {
      // every instance frozen 5–100 and crashed 50–60: b holds a's state from 20 to 100, and
      // its instances change together at 50, 60 and 100. One look per instant: each looks at
      // every instance while none is up (n² for a service of n instances, 10,000 at most)
      const p = pair('lww', [], { delivery: 'durable' });
      const faults = [crash([[5, 100]], 'freeze'), crash([[50, 60]])];
      const instances = Array.from({ length: n }, () => faults);
      liveIn(p.data, 1, instances);
      sendOne(p, [99.999, 110.001]);
      p.run(200);
      expect(p.seen).toEqual(reachedAt(110, [99.999, 110.001]));
      // 4 fault window events per instance, a's update, its two arrivals, one look at b per
      // instant (50, 60, 100), the test's two looks
      expect(p.data.sim.eventsProcessed).toBe(4 * n + 1 + 2 + 3 + 2);
    },
  );
});

describe('a crash of a copy’s service in a scenario', () => {
  /** The store crashed (`mode`) from 5 s to 10 s. */
  const down = (mode: FaultDef['mode']) =>
    cutScenario('lww', `  down: { kind: crash, mode: ${mode}, target: store, at: 5s, for: 5s }`);

  it.each<FaultDef['mode']>(['refuse', 'hang', 'freeze'])(
    '%s: the down copy changes only by the visits in progress when it went down',
    async (mode) => {
      await prepareHistograms();
      const model = new Model(scenarioFromYaml(down(mode)));
      const data = replicatedData(model, 'stock');
      const update = data.update.bind(data);
      const at: number[] = [];
      data.update = (copy, key, delta) => {
        if (copy === 1) at.push(model.sim.now);
        update(copy, key, delta);
      };
      model.run();
      // its requests fail (refused, unanswered, or waiting in the accept queue)
      expect(at.filter((t) => t >= 5010 && t < 10_000)).toEqual([]);
      expect(at.filter((t) => t >= 10_000).length).toBeGreaterThan(900);
    },
  );

  it('the same seed gives the same summary', async () => {
    const [a, b] = [await runYaml(down('refuse')), await runYaml(down('refuse'))];
    expect(a.summary.replicated?.[0].copyDown).toBeGreaterThan(900);
    expect(JSON.stringify(a.summary)).toBe(JSON.stringify(b.summary));
  });
});
