/**
 * Runtime effects (`runtime:`, model/runtime-effects.ts) on models with known answers: the event
 * loop is a queue with one server (M/D/1 when the only work is a constant per-message cost), the
 * noisy-neighbour process spends noisy/(calm + noisy) of the time noisy, timers round and delay
 * sleeps exactly as stated; and each draws from its own streams.
 */
import { describe, expect, it } from 'vitest';
import { runYaml, scenarioFromYaml, scenarioProblems } from '../test-support/scenarios.ts';

const service = (runtime: string, steps: string, rate = '600/s', duration = '200s') => `
version: 1
name: runtime
seed: 8
duration: ${duration}
warmup: 10s
workloads:
  users: { rate: ${rate}, target: api/get }
services:
  api:
    runtime: ${runtime}
    endpoints:
      get: { steps: ${steps} }
  other:
    endpoints:
      get: { steps: [{ cpu: { dist: exponential, mean: 2ms } }] }
`;

describe('runtime: eventLoop', () => {
  it('is an M/D/1 queue: mean response D + ρD / (2(1 − ρ)) within 3 %', async () => {
    // λ = 0.6/ms, D = 1 ms: ρ = 0.6, W = 1 + 0.6 / 0.8 = 1.75 ms (Pollaczek–Khinchine). Over
    // 190 s (114,000 requests) the estimate's standard error is about 0.5 %: 3 % is 6 of them.
    const r = await runYaml(service('{ eventLoop: { perMessage: 1ms } }', '[{ sleep: 0ms }]'));
    const w = r.summary.overall.latency.meanMs;
    expect(Math.abs(w - 1.75) / 1.75).toBeLessThan(0.03);
    const api = r.summary.components.find((c) => c.id === 'api');
    expect(r.summary.runtimes?.[0]).toMatchObject({ id: 'api', eventLoop: true, messageMeanMs: 1 });
    // one message per request
    expect(r.summary.runtimes?.[0].messages).toBeGreaterThan(0.99 * (api?.arrivals ?? 0));
  });

  it('charges the request and the answer of each call and query, branches included', async () => {
    const s = scenarioFromYaml(service('{ eventLoop: { perMessage: 1ms } }', '[{ sleep: 0ms }]'));
    expect(s.services.find((x) => x.id === 'api')?.cores).toBe(1);
    // a call inside a parallel branch: request, the call's answer, then the sleep
    const r = await runYaml(
      service(
        '{ eventLoop: { perMessage: { dist: constant, value: 0.5ms } } }',
        '[{ parallel: [[{ call: other/get }], [{ sleep: 1ms }]] }]',
        '100/s',
        '20s',
      ),
    );
    const rt = r.summary.runtimes?.[0];
    const api = r.summary.components.find((c) => c.id === 'api');
    // 2 messages a visit (within the requests in flight at the window's edges)
    expect(Math.abs((rt?.messages ?? 0) - 2 * (api?.arrivals ?? 0))).toBeLessThanOrEqual(4);
  });

  it("charges the reply of a kv operation and a broker acknowledgement (a kind's answers)", async () => {
    // request + kv reply + publish acknowledgement: 3 messages a visit; without the answers,
    // only the request would be charged
    const text = service(
      '{ eventLoop: { perMessage: { dist: constant, value: 0.2ms } } }',
      '[{ kv: redis }, { publish: bus }]',
      '100/s',
      '20s',
    ).concat(`caches:
  redis: { type: distributed, threads: 1, opTime: 0.02ms }
brokers:
  bus: {}
`);
    const r = await runYaml(text);
    const rt = r.summary.runtimes?.[0];
    const api = r.summary.components.find((c) => c.id === 'api');
    expect(Math.abs((rt?.messages ?? 0) - 3 * (api?.arrivals ?? 0))).toBeLessThanOrEqual(6);
  });

  it('refuses an event loop with several cores, located', () => {
    const text = service('{ eventLoop: { perMessage: 1ms } }', '[{ sleep: 0ms }]').replace(
      '    runtime:',
      '    cores: 4\n    runtime:',
    );
    expect(scenarioProblems(text, 'r.yaml')).toMatch(
      /^r\.yaml:11:12 {2}services\.api\.cores\n.*an event loop is one CPU/,
    );
  });
});

describe('runtime: noisyNeighbour', () => {
  const noisy = '{ noisyNeighbour: { slowdown: 3, calm: 4s, noisy: 1s } }';

  it('is noisy noisy / (calm + noisy) of the time, and slows the CPU work by the factor then', async () => {
    const r = await runYaml(service(noisy, '[{ cpu: 1ms }]', '100/s', '2000s'));
    const rt = r.summary.runtimes?.[0];
    // 1990 s of 5 s cycles: ~398 episodes; the share's standard error is about 2.5 %
    expect(rt?.noisyShare).toBeGreaterThan(0.2 * 0.9);
    expect(rt?.noisyShare).toBeLessThan(0.2 * 1.1);
    expect(rt?.episodes).toBeGreaterThan(398 * 0.85);
    expect(rt?.episodes).toBeLessThan(398 * 1.15);
    // arrivals see time averages (PASTA): mean = 1 ms + 2 ms × the noisy share
    const mean = r.summary.overall.latency.meanMs;
    expect(Math.abs(mean - (1 + 2 * (rt?.noisyShare ?? 0)))).toBeLessThan(0.03);
  });

  it('strikes the instances scaling adds from their creation, the share over their time', async () => {
    // 1 instance from the start, 3 from 100 s: 1,990 s + 2 × 1,900 s of instance-time in the
    // window, 5 s cycles: ~398 + 760 = 1,158 episodes (398 if the new instances stayed calm)
    const text = service(noisy, '[{ cpu: 1ms }]', '100/s', '2000s').replace(
      '    runtime:',
      '    scale: [{ at: 100s, instances: 3 }]\n    runtime:',
    );
    const r = await runYaml(text);
    const rt = r.summary.runtimes?.[0];
    expect(rt?.episodes).toBeGreaterThan(1158 * 0.85);
    expect(rt?.episodes).toBeLessThan(1158 * 1.15);
    expect(rt?.noisyShare).toBeGreaterThan(0.2 * 0.9);
    expect(rt?.noisyShare).toBeLessThan(0.2 * 1.1);
    const again = await runYaml(text);
    expect(again.summary.runtimes).toEqual(r.summary.runtimes);
  });

  it('draws from its own streams: the arrivals and the other services are unchanged', async () => {
    const call = '[{ cpu: 1ms }, { call: other/get }]';
    const quiet = await runYaml(service('{}', call, '100/s', '30s'));
    const loud = await runYaml(service(noisy, call, '100/s', '30s'));
    expect(loud.summary.overall.arrivals).toBe(quiet.summary.overall.arrivals);
    const other = (x: typeof quiet) => x.summary.components.find((c) => c.id === 'other');
    expect(other(loud)?.utilisation).toBe(other(quiet)?.utilisation);
    expect(loud.summary.overall.latency.meanMs).toBeGreaterThan(
      quiet.summary.overall.latency.meanMs,
    );
  });
});

describe('runtime: timers', () => {
  it('rounds a sleep down to the tick (at least one) and adds the lateness', async () => {
    const timers = '{ timers: { tick: 1ms, late: 0.5ms } }';
    const r = await runYaml(service(timers, '[{ sleep: 2.7ms }]', '50/s', '20s'));
    expect(r.summary.overall.latency.maxMs).toBeCloseTo(2.5, 2);
    expect(r.summary.overall.latency.p50Ms).toBeCloseTo(2.5, 2);
    expect(r.summary.runtimes?.[0].timerShiftMeanMs).toBeCloseTo(-0.2, 9);
    const tiny = await runYaml(service(timers, '[{ sleep: 0.4ms }]', '50/s', '20s'));
    expect(tiny.summary.overall.latency.maxMs).toBeCloseTo(1.5, 2);
  });

  it('rounds a call timeout down to the tick too', async () => {
    // other/get takes exactly 2.2 ms; a timeout of 2.5 ms becomes 2 ms: every call times out
    const steps = '[{ call: other/get, timeout: 2.5ms }]';
    const constOther = (text: string) =>
      text.replace('{ cpu: { dist: exponential, mean: 2ms } }', '{ sleep: 2.2ms }');
    const plain = await runYaml(constOther(service('{}', steps, '50/s', '20s')));
    expect(plain.summary.overall.outcomes.timedOut).toBe(0);
    const ticked = await runYaml(
      constOther(service('{ timers: { tick: 1ms } }', steps, '50/s', '20s')),
    );
    expect(ticked.summary.overall.outcomes.ok).toBe(0);
    expect(ticked.summary.overall.outcomes.timedOut).toBe(ticked.summary.overall.finished);
  });

  it('refuses a tick of 0', () => {
    expect(
      scenarioProblems(service('{ timers: { tick: 0ms } }', '[{ sleep: 1ms }]'), 'r.yaml'),
    ).toMatch(/services\.api\.runtime\.timers\.tick\n.*`tick` must be longer than 0/);
  });
});
