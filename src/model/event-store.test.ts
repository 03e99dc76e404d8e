/**
 * Event sourcing on scripted cases: one entity, one command a second (at 0.75 s, 1.75 s …) and
 * one read a second (at 1 s, 2 s …: the k-th read sees k events), a database taking 1 ms per query plus 1 ms per row. Without snapshots a
 * rebuild replays the whole history, so reads and writes get slower with every event; with a
 * snapshot every 3 events the replay never exceeds 3 rows.
 */
import { describe, expect, it } from 'vitest';
import type { EventStoreSummary } from '../metrics/event-store-stats.ts';
import type { RunResult } from '../metrics/summary.ts';
import { runYaml, scenarioProblems, scriptedUsers } from '../test-support/scenarios.ts';

/** A command (ledger/deposit) 750 ms after the last one's answer, a read (ledger/balance) 500 ms after. */
const TOP = scriptedUsers('events', '10500ms', {
  commands: ['750ms', 'ledger/deposit'],
  reads: ['500ms', 'ledger/balance'],
});

function yaml(o: { snapshotEvery?: number; history?: number; readEntities?: number } = {}) {
  const store = (op: string, entities = 1) =>
    `{ eventStore: { name: ledger, db: event-db, op: ${op}, entities: ${entities}, history: ${o.history ?? 0}, snapshotEvery: ${o.snapshotEvery ?? 0} } }`;
  return `
${TOP}
      deposit: { steps: [${store('append')}, { sleep: 250ms }] }
      balance: { steps: [{ sleep: 500ms }, ${store('read', o.readEntities)}] }
databases:
  event-db: { queryTime: 1ms, rowTime: 1ms }
`;
}

async function run(o: Parameters<typeof yaml>[0] = {}): Promise<[EventStoreSummary, RunResult]> {
  const r = await runYaml(yaml(o));
  const s = r.summary.eventStores;
  expect(s).toHaveLength(1);
  return [(s as EventStoreSummary[])[0], r];
}

const readMaxMs = (r: RunResult) =>
  (
    r.summary.endpoints.find((e) => e.endpoint === 'ledger/balance') as {
      latency: { maxMs: number };
    }
  ).latency.maxMs;

describe('event sourcing', () => {
  for (const c of [
    {
      name: 'without snapshots a rebuild replays the whole history: replay time grows with it',
      options: {},
      summary: {
        appends: 10,
        reads: 10,
        snapshots: 0,
        // the k-th command replays the k − 1 events before it, the k-th read the k events
        replayMax: 10,
        replayedRows: 45 + 55,
        eventsStored: 10,
        recoveryRows: 10,
      },
      // the last read: 500 ms asleep, then 1 ms + 10 rows × 1 ms
      readMaxMs: 511,
    },
    {
      name: 'a snapshot every 3 events bounds the replay at 3 rows',
      options: { snapshotEvery: 3 },
      summary: {
        snapshots: 3,
        replayMax: 3,
        // commands replay 0,1,2,1,2,3,1,2,3,1 rows; reads 1,2,1,2,3,1,2,3,1,2
        replayedRows: 16 + 18,
        eventsStored: 10,
        // a snapshot and the one event after it
        recoveryRows: 2,
      },
      readMaxMs: 504,
    },
  ])
    it(c.name, async () => {
      const [s, r] = await run(c.options);
      expect(s).toMatchObject(c.summary);
      expect(readMaxMs(r)).toBeCloseTo(c.readMaxMs, 0);
    });

  it('a long history makes every rebuild expensive; a snapshot cuts it after the first', async () => {
    const [plain] = await run({ history: 100 });
    // (replaying 100 rows takes 100 ms: fewer commands fit in the run)
    expect(plain.appends).toBeGreaterThan(5);
    expect(plain.recoveryRows).toBe(100 + plain.appends);
    expect(plain.replayMax).toBeGreaterThanOrEqual(100 + plain.appends - 1);
    const [snap] = await run({ history: 100, snapshotEvery: 3 });
    // the first command replays the 100 events and writes a snapshot; then at most 3
    expect(snap.replayMax).toBe(100);
    expect(snap.snapshots).toBe(1 + Math.floor((snap.appends - 1) / 3));
    expect(snap.recoveryRows).toBe(1 + ((snap.appends - 1) % 3));
  });

  it('steps naming the same store must give the same settings (a located error)', () => {
    const text = scenarioProblems(yaml({ readEntities: 5 }), 'e.yaml');
    expect(text).toContain('services.ledger.endpoints.balance.steps[1].eventStore.entities');
    expect(text).toContain('expected 1, received 5');
    expect(text).toMatch(/^e\.yaml:\d+:\d+/);
  });
});
