/**
 * The step and hop spans of traced runs, on scripted cases with exact times (constant network
 * latency, fixed step times, one closed user sending at t = 10 s): cpu and sleep steps, every
 * network hop (the request and its answer, a call and its answer, a query and its rows), an
 * abandoned attempt's hop (timed out), a two-phase commit's prepare round, prepares, locks,
 * decision round and decisions, an entity kept pending until its
 * confirmation, an event store's replay; the spans of a visit tile its time.
 */
import { describe, expect, it } from 'vitest';
import type { RequestTrace } from '../../metrics/traces.ts';
import { frontGo, scenarioFromYaml } from '../../test-support/scenarios.ts';
import { runScenario } from '../run.ts';

const ALL = { slowest: 10, failed: 10, every: 1, sampled: 100 };

async function traced(yaml: string): Promise<RequestTrace[]> {
  return (await runScenario(scenarioFromYaml(yaml), { trace: ALL })).traces ?? [];
}

/** The spans of the first request (answered first) as `kind name start-end`, times from its start. */
function rows(traces: RequestTrace[], entry?: string): string[] {
  const t = traces
    .filter((x) => entry === undefined || x.entry === entry)
    .sort((a, b) => a.seq - b.seq)[0];
  return t.spans.map(
    (s) =>
      `${s.kind} ${s.name} ${+(s.startMs - t.startMs).toFixed(3)}-${+(s.endMs - t.startMs).toFixed(3)}${s.outcome === 'ok' ? '' : ` ${s.outcome}`}`,
  );
}

const HEAD = `
version: 1
name: spans
seed: 1
duration: 15s
network:
  latency: { dist: constant, value: 1ms }
`;

/** The service the cases call: back/get answers after sleeping `time`. */
const back = (time: string) => `  back:
    endpoints:
      get: { steps: [{ sleep: ${time} }] }`;

describe('step and hop spans', () => {
  it('show every cpu and sleep step and every hop, tiling the request', async () => {
    const traces = await traced(`${HEAD}${frontGo()}
          - cpu: 2ms
          - call: back/get
          - query: { db: main, rows: 1, time: 4ms }
${back('3ms')}
databases:
  main: {}
`);
    expect(rows(traces)).toEqual([
      'request front/go 0-15',
      'hop client → front 0-1',
      'visit front/go 1-14',
      'cpu front: cpu 1-3',
      'hop front → back 3-4',
      'visit back/get 4-7',
      'sleep back: sleep 4-7',
      'hop back → front 7-8',
      'hop front → main 8-9',
      'query main 9-13',
      'hop main → front 13-14',
      'hop front → client 14-15',
    ]);
  });

  it('end a failed step with its visit, and start a retried hop at its attempt', async () => {
    const traces = await traced(`${HEAD}${frontGo()}
          - call: back/get
            timeout: 20ms
            retry: { attempts: 2, backoff: 5ms }
          - cpu: 1ms
${back('50ms')}
`);
    expect(rows(traces)).toEqual([
      // the first attempt times out at 21, the retry (after its backoff) at 43.683: the visit
      // fails then; each attempt's hop out is a span of its own, timed out (the caller gave up
      // on it); the callees answer after that (no hops back drawn for them)
      'request front/go 0-44.683 timed out',
      'hop client → front 0-1',
      'visit front/go 1-43.683 timed out',
      'hop front → back 1-2 timed out',
      'visit back/get 2-52',
      'sleep back: sleep 2-52',
      'hop front → back 23.683-24.683 timed out',
      'visit back/get 24.683-74.683',
      'sleep back: sleep 24.683-74.683',
      'hop front → client 43.683-44.683',
    ]);
    const events = traces[0].spans.find((x) => x.kind === 'visit')?.events.map((e) => e.name);
    expect(events).toEqual(['timeout', 'retry', 'timeout']);
  });

  it('end an answer on its way back when the caller gives up as a timed-out hop', async () => {
    // 10 ms each way, 5 ms of work, a 20 ms timeout: the call leaves at 10, its answer at 25,
    // the caller gives up at 30, before the answer arrives (35)
    const traces = await traced(`${HEAD.replace('value: 1ms', 'value: 10ms')}${frontGo()}
          - call: back/get
            timeout: 20ms
${back('5ms')}
`);
    expect(rows(traces)).toEqual([
      'request front/go 0-40 timed out',
      'hop client → front 0-10',
      'visit front/go 10-30 timed out',
      'hop front → back 10-20',
      'visit back/get 20-25',
      'sleep back: sleep 20-25',
      'hop back → front 25-30 timed out',
      'hop front → client 30-40',
    ]);
  });

  it('show a two-phase commit: prepare round, lock waits and holds, decision round', async () => {
    const traces = await traced(`${HEAD}${frontGo(2)}
          - twoPhaseCommit:
              name: tx
              participants:
                - { prepare: a/prepare, keys: rows }
                - { prepare: b/prepare }
  a:
    endpoints:
      prepare: { steps: [{ sleep: 10ms }] }
  b:
    endpoints:
      prepare: { steps: [{ sleep: 20ms }] }
keys:
  rows: { size: 1, owner: a }
`);
    expect(rows(traces)).toEqual([
      'request front/go 0-24',
      'hop client → front 0-1',
      'visit front/go 1-23',
      // each prepare is a hop from the coordinator to its participant
      'hop front → a: 2PC tx prepare 1-2',
      'hop front → b: 2PC tx prepare 1-2',
      // from the prepares sent to the decision (b's vote, back at 23)
      'step 2PC tx: prepare round 1-23',
      // each lock from the prepare's arrival to the decision's
      'lock 2PC tx: lock held at a 2-24',
      'lock 2PC tx: lock held at b 2-24',
      'visit a/prepare 2-12',
      'sleep a: sleep 2-12',
      'visit b/prepare 2-22',
      'sleep b: sleep 2-22',
      'round 2PC tx: commit round 23-24',
      // and so is each decision
      'hop front → a: 2PC tx commit 23-24',
      'hop front → b: 2PC tx commit 23-24',
      'hop front → client 23-24',
    ]);
    const second = traces.find((t) => t.seq === 2) as RequestTrace;
    expect(rows([second])).toEqual([
      'request front/go 0-36',
      'hop client → front 0-1',
      'visit front/go 1-35',
      'hop front → a: 2PC tx prepare 1-2',
      'hop front → b: 2PC tx prepare 1-2',
      'step 2PC tx: prepare round 1-35',
      'lock 2PC tx: lock held at b 2-36',
      'visit b/prepare 2-22',
      'sleep b: sleep 2-22',
      // a's row is the first transaction's until its decision arrives at 24
      'lock-wait 2PC tx: waiting for the lock at a 2-24',
      'lock 2PC tx: lock held at a 24-36',
      'visit a/prepare 24-34',
      'sleep a: sleep 24-34',
      'round 2PC tx: commit round 35-36',
      'hop front → a: 2PC tx commit 35-36',
      'hop front → b: 2PC tx commit 35-36',
      'hop front → client 35-36',
    ]);
  });

  it('show an entity pending until its confirmation, and an event store replay', async () => {
    const traces = await traced(`${HEAD}
workloads:
  w: { users: 1, thinkTime: { dist: constant, value: 10s }, target: orders/place }
services:
  orders:
    endpoints:
      place:
        steps:
          - pending: { name: order, confirm: payments/confirm }
          - eventStore: { name: ledger, db: events, op: read, entities: 1, history: 7 }
  payments:
    endpoints:
      confirm: { steps: [{ sleep: 2s }] }
databases:
  events: { queryTime: 1ms, rowTime: 1ms }
`);
    expect(rows(traces)).toEqual([
      'request orders/place 0-12',
      'hop client → orders 0-1',
      'visit orders/place 1-11',
      // the confirmation: 1 ms there, 2 s of work, 1 ms back
      'pending order: pending 1-2003',
      'hop orders → events 1-2',
      // a read of an entity with 7 events and no snapshot replays the 7
      'step event store ledger: read, 7 events replayed 1-11',
      'query events 2-10',
      'hop events → orders 10-11',
      'hop orders → client 11-12',
    ]);
  });
});
