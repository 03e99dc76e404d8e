/** Tests of process.ts: generator processes waiting on delays and signals, cancel, bad yields. */
import { describe, expect, it } from 'vitest';
import { timeline } from '../test-support/timeline.ts';
import { Signal, startProcess, type Yieldable } from './process.ts';
import { Simulation } from './simulation.ts';

/** A simulation, a log of [label, time] pairs, and `start`, which runs `body` as a process. */
function makeSim() {
  const sim = new Simulation();
  const log: [string, unknown][] = [];
  const start = (body: () => Generator<Yieldable, void, unknown>) => startProcess(sim, body());
  return { sim, log, start };
}

describe('Process', () => {
  it('waits for each yielded delay and logs the right times', () => {
    const { sim, log, start } = makeSim();
    start(function* () {
      log.push(['start', sim.now]);
      yield 5;
      log.push(['after 5', sim.now]);
      yield 2.5;
      log.push(['after 2.5 more', sim.now]);
    });
    sim.run();
    expect(timeline(log)).toBe('start @0, after 5 @5, after 2.5 more @7.5');
  });

  it('starts at the time it is created and interleaves with other processes', () => {
    const { sim, log } = makeSim();
    const clock = (name: string, periodMs: number, ticks: number) =>
      (function* (): Generator<Yieldable, void, unknown> {
        for (let i = 0; i < ticks; i++) {
          log.push([name, sim.now]);
          yield periodMs;
        }
      })();
    sim.schedule(1, () => startProcess(sim, clock('slow', 3, 3)));
    sim.schedule(2, () => startProcess(sim, clock('fast', 2, 3)));
    sim.run();
    expect(timeline(log)).toBe('slow @1, fast @2, slow @4, fast @4, fast @6, slow @7');
  });

  it('is done once the generator returns', () => {
    const { sim, start } = makeSim();
    const p = start(function* () {
      yield 1;
    });
    expect(p.done).toBe(false);
    sim.run();
    expect(p.done).toBe(true);
  });

  it('waits on a signal until it is triggered and receives its value', () => {
    const { sim, log, start } = makeSim();
    const ready = new Signal<string>(sim);
    start(function* () {
      log.push(['waiting', sim.now]);
      const value = yield ready;
      log.push([`got ${String(value)}`, sim.now]);
    });
    sim.schedule(7, () => ready.trigger('go'));
    sim.run();
    expect(timeline(log)).toBe('waiting @0, got go @7');
  });

  it('wakes every current waiter on a trigger, and later waiters only on the next one', () => {
    const { sim, log } = makeSim();
    const tick = new Signal<number>(sim);
    const waiter = (name: string, startMs: number) =>
      (function* (): Generator<Yieldable, void, unknown> {
        yield startMs;
        const value = yield tick;
        log.push([`${name} ${String(value)}`, sim.now]);
      })();
    startProcess(sim, waiter('a', 0));
    startProcess(sim, waiter('b', 1));
    startProcess(sim, waiter('c', 6));
    sim.schedule(5, () => tick.trigger(1));
    sim.schedule(9, () => tick.trigger(2));
    sim.schedule(10, () => tick.trigger(3));
    sim.run();
    expect(timeline(log)).toBe('a 1 @5, b 1 @5, c 2 @9');
    expect(tick.waiting).toBe(0);
  });

  it('wakes a signal waiter before normal events at the trigger time', () => {
    const { sim, log, start } = makeSim();
    const sig = new Signal<void>(sim);
    start(function* () {
      yield sig;
      log.push(['woken', sim.now]);
    });
    sim.schedule(3, () => {
      sim.schedule(0, () => log.push(['normal follow-up', sim.now]));
      sig.trigger(undefined);
    });
    sim.run();
    expect(timeline(log)).toBe('woken @3, normal follow-up @3');
  });

  it('never resumes after cancel(), whether waiting on a delay or a signal', () => {
    const { sim, log, start } = makeSim();
    const sig = new Signal<string>(sim);
    const sleeper = start(function* () {
      for (;;) {
        log.push(['sleeper', sim.now]);
        yield 2;
      }
    });
    const listener = start(function* () {
      yield sig;
      log.push(['listener', sim.now]);
    });
    sim.schedule(3, () => {
      sleeper.cancel();
      listener.cancel();
    });
    sim.schedule(4, () => sig.trigger('x'));
    expect(sim.run()).toBe('empty');
    expect(timeline(log)).toBe('sleeper @0, sleeper @2');
    expect(sleeper.done).toBe(true);
    expect(listener.done).toBe(true);
  });

  it('throws a TypeError from run() when a process yields something else', () => {
    const { sim, start } = makeSim();
    start(function* () {
      yield 1;
      yield 'soon' as unknown as Yieldable;
    });
    expect(() => sim.run()).toThrow(TypeError);
    expect(sim.now).toBe(1);
  });

  it('throws a RangeError from run() when a process yields a negative delay', () => {
    const { sim, start } = makeSim();
    start(function* () {
      yield -1;
    });
    expect(() => sim.run()).toThrow(RangeError);
  });
});
