/**
 * `crash: freeze` on scripted runs whose every event can be worked out by hand: 50 closed users
 * with a constant think time of 90 ms call one instance that sleeps 10 ms (zero network
 * latency), so the users all send at 90 ms, 190 ms, … 990 ms until the freeze. The accept queue
 * holds 20 connections.
 */
import { describe, expect, it } from 'vitest';
import { FreezeStats } from '../metrics/freeze-stats.ts';
import { runYaml, scenarioFromYaml, scenarioProblems } from '../test-support/scenarios.ts';
import { shopHead } from '../test-support/yaml.ts';
import { Freeze } from './freeze.ts';

function frozen(freeze: string, timeout: string) {
  return `
version: 1
name: frozen
seed: 3
duration: 6s
workloads:
  users: { users: 50, thinkTime: { dist: constant, value: 90ms }, target: api/get, timeout: ${timeout} }
services:
  api:
    threads: 1000
    endpoints:
      get: { steps: [{ sleep: { dist: constant, value: 10ms } }] }
faults:
  stop: { kind: crash, mode: freeze, target: api, backlog: 20, ${freeze} }
`;
}

describe('crash: freeze', () => {
  it('keeps 20 arrivals in the accept queue, drops the rest unanswered and serves the queue after the resume', async () => {
    // frozen 1005 ms → 2005 ms; the users send at 1090 ms: 20 queued, 30 dropped (they time
    // out at 11.09 s, after the run); the 20 are served from 2005 ms and answered at 2015 ms
    const r = await runYaml(frozen('at: 1005ms, for: 1s', '10s'));
    const [f] = r.summary.freezes ?? [];
    expect(f).toEqual({
      id: 'api[0]',
      backlog: 20,
      freezes: 1,
      accepted: 20,
      dropped: 30,
      served: 20,
      wasted: 0,
      held: 0,
      maxBacklog: 20,
    });
    // 10 rounds before the freeze, then the 20 served users go round from 2105 ms: 39 rounds
    // of 100 ms by 6 s (2105 + 38 × 100 = 5905 ms, answered at 5915 ms)
    expect(r.summary.overall.outcomes.ok).toBe(50 * 10 + 20 + 20 * 39);
    expect(r.summary.overall.latency.maxMs).toBeCloseTo(925, 0);
    expect(r.summary.overall.outcomes.timedOut).toBe(0);
    expect(r.summary.overall.inFlight).toBe(30);
  });

  it('lets callers that gave up time out, and counts the queue served for them as wasted work', async () => {
    // frozen 1005 ms → 4005 ms, timeout 1 s: at 1090 ms 20 queued and 30 dropped; everyone
    // times out at 2090 ms and sends again at 2180 ms and 3270 ms: 50 dropped each time (the
    // queue is full). At 4005 ms the 20 queued are served for callers gone since 2090 ms.
    const r = await runYaml(frozen('at: 1005ms, for: 3s', '1s'));
    const [f] = r.summary.freezes ?? [];
    expect(f).toMatchObject({ accepted: 20, dropped: 130, served: 20, wasted: 20, held: 0 });
    // 150 timeouts by 4270 ms (the third round times out at 4270 ms)
    expect(r.summary.overall.outcomes.timedOut).toBe(150);
    expect(r.summary.overall.causes[0].cause).toMatch(/^timeout/);
    // their answers reach no one; the users go round again from 4360 ms: 17 rounds by 6 s
    expect(r.summary.overall.outcomes.ok).toBe(500 + 17 * 50);
  });

  it('pauses visits in progress: their remaining work runs after the resume', async () => {
    // the users send at 990 ms; frozen at 995 ms for 1 s: 5 ms of each sleep are left, done
    // from 1995 ms, answered at 2000 ms: a latency of 1010 ms; their end waited (none held:
    // the sleeps end after the resume)
    const r = await runYaml(frozen('at: 995ms, for: 1s', '10s'));
    expect(r.summary.overall.latency.maxMs).toBeCloseTo(1010, 0);
    const [f] = r.summary.freezes ?? [];
    expect(f).toMatchObject({ accepted: 0, dropped: 0, served: 0, held: 0 });
    expect(r.summary.overall.outcomes.timedOut).toBe(0);
  });

  it('holds a visit whose work ends just as the freeze begins until the resume', async () => {
    // the sleeps of 990 ms end at 1000 ms, the instant the freeze begins: the 50 answers wait
    const r = await runYaml(frozen('at: 1000ms, for: 500ms', '10s'));
    const [f] = r.summary.freezes ?? [];
    expect(f).toMatchObject({ held: 50, accepted: 0 });
    expect(r.summary.overall.latency.maxMs).toBeCloseTo(510, 0);
  });
});

describe('Freeze.stretch', () => {
  const freeze = () => {
    const f = new Freeze<number>(new FreezeStats('x[0]', 5), () => false);
    f.addWindows(
      [
        { startMs: 100, endMs: 200 },
        { startMs: 300, endMs: 400 },
      ],
      5,
    );
    return f;
  };

  it('leaves work that meets no freeze unchanged, to the bit', () => {
    expect(freeze().stretch(0.1 + 0.2, 10)).toBe(0.1 + 0.2);
    expect(freeze().stretch(90, 10)).toBe(90);
  });

  it('adds every freeze the work runs into, and the rest of a freeze it starts in', () => {
    expect(freeze().stretch(100, 50)).toBe(200); // 50 before, 100 frozen, 50 after
    expect(freeze().stretch(200, 50)).toBe(400); // through both freezes
    expect(freeze().stretch(10, 150)).toBe(60); // starts frozen: resumes at 200
  });

  it('merges overlapping windows of two freezes and keeps the larger accept queue', () => {
    const f = freeze();
    f.addWindows([{ startMs: 150, endMs: 250 }], 9);
    expect(f.stretch(10, 120)).toBe(140); // frozen until 250, then 10 ms
    const items: number[] = [];
    for (let i = 0; i < 12; i++)
      f.arrive(
        i,
        () => {},
        (x) => items.push(x),
      );
    expect(items).toEqual([9, 10, 11]);
  });
});

describe('crash: freeze in the language', () => {
  const withFault = (fault: string) => `${shopHead({ duration: '10s', target: 'api/get' })}  api:
    endpoints:
      get: { steps: [{ query: db }] }
databases:
  db: {}
faults:
  stop: ${fault}
`;

  it('gives a freeze the accept queue of Node (511) unless the scenario names one', () => {
    const s = scenarioFromYaml(withFault('{ kind: crash, mode: freeze, target: api, at: 1s }'));
    expect(s.faults[0]).toMatchObject({ mode: 'freeze', backlog: 511 });
    const hang = scenarioFromYaml(withFault('{ kind: crash, mode: hang, target: api, at: 1s }'));
    expect('backlog' in hang.faults[0]).toBe(false);
  });

  it('refuses a freeze of a database and a backlog without a freeze, located', () => {
    expect(
      scenarioProblems(withFault('{ kind: crash, mode: freeze, target: db, at: 1s }')),
    ).toMatch(/^shop\.yaml:13:30 {2}faults\.stop\.mode\n.*freezes "db", which is not a service/);
    expect(
      scenarioProblems(withFault('{ kind: crash, mode: hang, target: api, at: 1s, backlog: 5 }')),
    ).toMatch(/^shop\.yaml:13:66 {2}faults\.stop\.backlog\n.*has a `backlog` but its mode is hang/);
  });
});
