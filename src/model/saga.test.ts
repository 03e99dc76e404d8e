/**
 * Sagas on small scripted cases: a failing action compensates exactly the actions done before
 * it, a failing compensation gives exactly one alert and an inconsistent outcome, an action that
 * cannot be undone makes a roll-back inconsistent, failures happen at their probability, and a
 * choreography answers at once with one event per action; messages and their bytes are counted
 * per completed and per rolled-back saga (the cost of a compensation).
 */
import { describe, expect, it } from 'vitest';
import { runYaml } from '../test-support/scenarios.ts';
import { scenarioHead } from '../test-support/yaml.ts';

/** One saga of three actions (a, b, c) with `fails` and compensations as given. */
function yaml(o: {
  actions: string;
  mode?: string;
  rate?: string;
  duration?: string;
  payload?: string;
}): string {
  return `${scenarioHead('saga', 4, o.duration ?? '20s')}  w: { rate: ${o.rate ?? '20/s'}, target: front/go }
services:
  front:
    endpoints:
      go:
        steps:
          - cpu: 1ms
          - saga:
              name: s
              mode: ${o.mode ?? 'orchestrated'}
              broker: kafka
              steps: ${o.actions}${o.payload === undefined ? '' : `\n              payload: ${o.payload}`}
  a:
    endpoints:
      do: { steps: [{ cpu: 1ms }] }
      undo: { steps: [{ cpu: 1ms }] }
  b:
    endpoints:
      do: { steps: [{ cpu: 2ms }] }
      undo: { steps: [{ cpu: 1ms }] }
  c:
    endpoints:
      do: { steps: [{ sleep: 5ms }] }
brokers:
  kafka: { publishTime: 3ms }
`;
}

const A = '{ call: a/do, compensate: a/undo }';
const B = (fails: string, extra = '') =>
  `{ call: b/do, compensate: b/undo, fails: ${fails}${extra} }`;
const C = '{ call: c/do }';

describe('orchestrated sagas', () => {
  it('compensate exactly the actions done before the one that failed', async () => {
    const r = await runYaml(yaml({ actions: `[${A}, ${B('100%')}, ${C}]` }));
    const s = r.summary.sagas[0];
    expect(s.started).toBeGreaterThan(350);
    expect(s.completed).toBe(0);
    expect(s.inconsistent).toBe(0);
    expect(s.alerts).toBe(0);
    expect(s.actionFailures).toBe(s.compensated);
    // a/do + its reply, b/do + its reply, a/undo + its reply; c is never called
    expect(s.messagesPerSaga).toBe(6);
    const visits = (c: string, e: string) =>
      r.summary.serviceEndpoints.find((v) => v.component === c && v.name === e)?.visits ?? 0;
    expect(visits('a', 'undo')).toBe(visits('a', 'do'));
    expect(visits('b', 'undo')).toBe(0); // the failed action itself is not compensated
    expect(visits('c', 'do')).toBe(0);
    // every request fails with the saga's cause
    expect(r.summary.overall.causes[0].cause).toBe('saga s compensated: b/do failed');
  });

  it('raise exactly one alert per failed compensation', async () => {
    const actions = `[{ call: a/do, compensate: a/undo, compensationFails: 100% }, ${B('100%')}]`;
    const s = (await runYaml(yaml({ actions }))).summary.sagas[0];
    expect(s.inconsistent).toBe(s.started - 0 - s.completed - s.compensated);
    expect(s.compensated).toBe(0);
    expect(s.alerts).toBe(s.inconsistent);
    expect(s.compensationFailures).toBe(s.inconsistent);
  });

  it('cannot undo an action without compensation: why an SMS goes last', async () => {
    const first = (await runYaml(yaml({ actions: `[${C}, ${A}, ${B('100%')}]` }))).summary.sagas[0];
    expect(first.inconsistent).toBe(first.actionFailures);
    expect(first.uncompensable).toBe(first.actionFailures);
    const last = (await runYaml(yaml({ actions: `[${A}, ${B('100%')}, ${C}]` }))).summary.sagas[0];
    expect(last.inconsistent).toBe(0);
  });

  it('fail an action with its probability', async () => {
    const s = (
      await runYaml(yaml({ actions: `[${A}, ${B('20%')}, ${C}]`, rate: '200/s', duration: '30s' }))
    ).summary.sagas[0];
    const n = s.completed + s.compensated;
    const p = s.compensated / n;
    // binomial: 4 standard deviations of the share over ~6,000 sagas (≈ 0.021)
    expect(Math.abs(p - 0.2)).toBeLessThan(4 * Math.sqrt((0.2 * 0.8) / n));
    // the window: from a/do done to the end (b/do, c/do or a/undo), a few ms
    expect(s.windowMeanMs).toBeGreaterThan(1);
    expect(s.windowMaxMs).toBeLessThan(100);
  });
});

describe('choreographed sagas', () => {
  it('answer at once and pass one event per action, plus the final one', async () => {
    const r = await runYaml(yaml({ actions: `[${A}, ${B('0%')}, ${C}]`, mode: 'choreographed' }));
    const s = r.summary.sagas[0];
    expect(s.completed).toBeGreaterThan(350);
    expect(s.messagesPerSaga).toBe(4);
    // the request waits for none of it: front's 1 ms of CPU
    expect(r.summary.overall.latency.p99Ms).toBeLessThan(2);
    // each hand-off takes the broker's 3 ms: completion ≥ 4 × 3 ms + the actions' work
    expect(s.completionMeanMs).toBeGreaterThan(4 * 3 + 1 + 2 + 5);
  });

  it('flow a failure upstream: each compensation is an event too', async () => {
    const s = (
      await runYaml(yaml({ actions: `[${A}, ${B('100%')}, ${C}]`, mode: 'choreographed' }))
    ).summary.sagas[0];
    // first event, a's event, b's failure event back to a (then a/undo)
    expect(s.messagesPerSaga).toBe(3);
    expect(s.compensated).toBe(s.actionFailures);
  });
});

describe('the messages and bytes of a saga', () => {
  const PAYLOAD = '{ call: 2KB, reply: 100B, event: 5KB }';

  it('are counted per rolled-back saga apart from the completed ones (orchestrated)', async () => {
    const actions = `[${A}, ${B('50%')}, ${C}]`;
    const s = (await runYaml(yaml({ actions, payload: PAYLOAD }))).summary.sagas[0];
    expect(s.completed).toBeGreaterThan(100);
    expect(s.compensated).toBeGreaterThan(100);
    // completed: three calls and replies; rolled back: a, b and a/undo, each a call and a reply
    expect(s.messagesPerCompletedSaga).toBe(6);
    expect(s.messagesPerCompensatedSaga).toBe(6);
    expect(s.bytesPerCompensatedSaga).toBe(3 * (2048 + 100));
    expect(s.bytesPerSaga).toBe(3 * (2048 + 100));
  });

  it('count one event per hand-off, of the event size (choreographed)', async () => {
    const actions = `[${A}, ${B('50%')}, ${C}]`;
    const s = (await runYaml(yaml({ actions, payload: PAYLOAD, mode: 'choreographed' }))).summary
      .sagas[0];
    expect(s.messagesPerCompletedSaga).toBe(4);
    // the first event, a's event, b's failure event back to a
    expect(s.messagesPerCompensatedSaga).toBe(3);
    expect(s.bytesPerCompensatedSaga).toBe(3 * 5 * 1024);
    const ended = s.completed + s.compensated;
    expect(s.bytesPerSaga).toBeCloseTo(((4 * s.completed + 3 * s.compensated) * 5120) / ended, 6);
  });

  it('default to a 1 KB call, a 256 B reply and a 1 KB event', async () => {
    const s = (await runYaml(yaml({ actions: `[${A}, ${B('100%')}]` }))).summary.sagas[0];
    expect(s.bytesPerCompensatedSaga).toBe(3 * (1024 + 256));
    expect(s.messagesPerCompletedSaga).toBe(0);
  });
});
