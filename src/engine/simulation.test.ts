/** Tests of simulation.ts: the clock, the run limits (until, budget, stop, checkpoint) and ordering. */
import { describe, expect, it } from 'vitest';
import { timeline } from '../test-support/timeline.ts';
import { Priority, Simulation } from './simulation.ts';

/** A simulation plus a log of [label, time] pairs and a handler that appends to it. */
function makeSim(): { sim: Simulation; log: [string, number][]; note: (label: string) => void } {
  const sim = new Simulation();
  const log: [string, number][] = [];
  const note = (label: string): void => {
    log.push([label, sim.now]);
  };
  return { sim, log, note };
}

/**
 * Runs to its end a simulation that `script` fills (`note` logs a label at the time it runs),
 * and returns the timeline of the notes.
 */
function timelineOf(script: (sim: Simulation, note: (label: string) => void) => void): string {
  const { sim, log, note } = makeSim();
  script(sim, note);
  expect(sim.run()).toBe('empty');
  return timeline(log);
}

describe('Simulation.schedule', () => {
  it('runs handlers at now + delay with their argument', () => {
    const log = timelineOf((sim, note) => {
      sim.schedule(2, note, 'b');
      sim.schedule(1, note, 'a');
      sim.schedule(2.5, note, 'c');
    });
    expect(log).toBe('a @1, b @2, c @2.5');
  });

  it('measures delays from the time of the handler that schedules them', () => {
    const log = timelineOf((sim, note) =>
      sim.schedule(3, () => {
        note('first');
        sim.schedule(4, note, 'second');
        sim.scheduleAt(10, note, 'at ten');
      }),
    );
    expect(log).toBe('first @3, second @7, at ten @10');
  });

  it('runs equal-time events in schedule order, zero-delay follow-ups after those already due', () => {
    const log = timelineOf((sim, note) => {
      sim.schedule(1, () => {
        note('a');
        sim.schedule(0, note, 'a-child');
      });
      sim.schedule(1, note, 'b');
      sim.schedule(1, note, 'c');
    });
    expect(log).toBe('a @1, b @1, c @1, a-child @1');
  });

  it('runs urgent before normal before late events at equal times', () => {
    const log = timelineOf((sim, note) => {
      sim.schedule(5, note, 'late', Priority.late);
      sim.schedule(5, note, 'normal');
      sim.schedule(5, note, 'urgent', Priority.urgent);
      sim.schedule(4, note, 'earlier late', Priority.late);
    });
    expect(log).toBe('earlier late @4, urgent @5, normal @5, late @5');
  });

  it('throws RangeError on a negative or NaN delay', () => {
    const { sim, note } = makeSim();
    expect(() => sim.schedule(-1, note, 'x')).toThrow(RangeError);
    expect(() => sim.schedule(Number.NaN, note, 'x')).toThrow(RangeError);
    expect(sim.pending).toBe(0);
  });

  it('throws RangeError on an absolute time in the past', () => {
    const { sim, note } = makeSim();
    sim.schedule(5, note, 'a');
    sim.run();
    expect(() => sim.scheduleAt(4.999, note, 'x')).toThrow(RangeError);
    expect(() => sim.scheduleAt(Number.NaN, note, 'x')).toThrow(RangeError);
    sim.scheduleAt(5, note, 'now is fine');
    expect(sim.pending).toBe(1);
  });
});

describe('Simulation.run', () => {
  it('returns empty when no event is pending and leaves the clock alone', () => {
    const { sim } = makeSim();
    expect(sim.run()).toBe('empty');
    // the clock starts at DOUBLE_ZERO (-0, so the field is a double from birth): compare by value
    expect(sim.now === 0).toBe(true);
  });

  it('stops at until, sets now to it and leaves later events pending', () => {
    const { sim, log, note } = makeSim();
    sim.schedule(5, note, 'a');
    sim.schedule(10, note, 'b');
    sim.schedule(15, note, 'c');
    expect(sim.run({ untilMs: 12 })).toBe('until');
    expect(sim.now).toBe(12);
    expect(sim.pending).toBe(1);
    expect(timeline(log)).toBe('a @5, b @10');
    expect(sim.run()).toBe('empty');
    expect(log.at(-1)).toEqual(['c', 15]);
  });

  it('runs events at exactly the until time', () => {
    const { sim, log, note } = makeSim();
    sim.schedule(10, note, 'at until');
    sim.schedule(10.001, note, 'after');
    expect(sim.run({ untilMs: 10 })).toBe('until');
    expect(log).toEqual([['at until', 10]]);
    expect(sim.now).toBe(10);
  });

  it('advances the clock to until when the list empties first', () => {
    const { sim, log, note } = makeSim();
    sim.schedule(3, note, 'a');
    expect(sim.run({ untilMs: 100 })).toBe('empty');
    expect(log).toEqual([['a', 3]]);
    expect(sim.now).toBe(100);
  });

  it('throws RangeError when until is before now or NaN', () => {
    const { sim, note } = makeSim();
    sim.schedule(5, note, 'a');
    sim.run();
    expect(() => sim.run({ untilMs: 4 })).toThrow(RangeError);
    expect(() => sim.run({ untilMs: Number.NaN })).toThrow(RangeError);
    expect(sim.now).toBe(5);
  });

  it('returns budget after exactly maxEvents events and resumes where it stopped', () => {
    const { sim, log, note } = makeSim();
    for (let i = 1; i <= 5; i++) sim.schedule(i, note, `e${i}`);
    expect(sim.run({ maxEvents: 3 })).toBe('budget');
    expect(log.map(([label]) => label)).toEqual(['e1', 'e2', 'e3']);
    expect(sim.now).toBe(3);
    expect(sim.eventsProcessed).toBe(3);
    expect(sim.pending).toBe(2);
    expect(sim.run({ maxEvents: 1 })).toBe('budget');
    expect(sim.eventsProcessed).toBe(4);
    expect(sim.run()).toBe('empty');
    expect(sim.eventsProcessed).toBe(5);
  });

  it('returns stopped when a handler calls stop(), after that handler only', () => {
    const { sim, log, note } = makeSim();
    sim.schedule(1, note, 'a');
    sim.schedule(2, () => {
      note('stopper');
      sim.stop();
    });
    sim.schedule(2, note, 'same time, not run');
    sim.schedule(3, note, 'c');
    expect(sim.run()).toBe('stopped');
    expect(timeline(log)).toBe('a @1, stopper @2');
    expect(sim.now).toBe(2);
    expect(sim.pending).toBe(2);
    expect(sim.run()).toBe('empty');
    expect(log.map(([label]) => label)).toEqual(['a', 'stopper', 'same time, not run', 'c']);
  });

  it('calls onCheckpoint every checkEvery events and stops when it returns false', () => {
    const { sim, note } = makeSim();
    for (let i = 1; i <= 10; i++) sim.schedule(i, note, `e${i}`);
    const seen: [number, number][] = [];
    const reason = sim.run({
      checkEvery: 3,
      onCheckpoint: (s) => {
        seen.push([s.eventsProcessed, s.now]);
        return s.eventsProcessed < 6;
      },
    });
    expect(reason).toBe('stopped');
    expect(seen).toEqual([
      [3, 3],
      [6, 6],
    ]);
    expect(sim.pending).toBe(4);
  });

  it('keeps running while onCheckpoint returns true', () => {
    const { sim, note } = makeSim();
    for (let i = 1; i <= 7; i++) sim.schedule(i, note, `e${i}`);
    let calls = 0;
    const reason = sim.run({
      checkEvery: 2,
      onCheckpoint: () => {
        calls++;
        return true;
      },
    });
    expect(reason).toBe('empty');
    expect(calls).toBe(3);
  });

  it('runs a checkpoint asked for by checkpointSoon after that event, and keeps the count of the others', () => {
    const { sim, note } = makeSim();
    for (let i = 1; i <= 10; i++) sim.schedule(i, i === 2 || i === 4 ? asks : note, `e${i}`);
    function asks(): void {
      sim.checkpointSoon();
    }
    const seen: number[] = [];
    expect(sim.run({ checkEvery: 5, onCheckpoint: (s) => seen.push(s.eventsProcessed) > 0 })).toBe(
      'empty',
    );
    // asked after events 2 and 4; every 5 events as before
    expect(seen).toEqual([2, 4, 5, 10]);
  });

  it('stops at a checkpoint asked for when onCheckpoint says so; stop() still wins over a checkpoint', () => {
    const { sim, note } = makeSim();
    for (let i = 1; i <= 10; i++) sim.schedule(i, i === 3 ? () => sim.checkpointSoon() : note);
    expect(sim.run({ onCheckpoint: () => false })).toBe('stopped');
    expect(sim.eventsProcessed).toBe(3);
    sim.schedule(0.5, () => {
      sim.checkpointSoon();
      sim.stop();
    });
    let called = false;
    const reason = sim.run({
      onCheckpoint: () => {
        called = true;
        return true;
      },
    });
    expect([reason, called, sim.eventsProcessed]).toEqual(['stopped', false, 4]);
    // the checkpoint asked for in the stopped run comes after the next run's first event
    sim.run({
      untilMs: 5,
      onCheckpoint: () => {
        called = true;
        return true;
      },
    });
    expect(called).toBe(true);
  });

  it('step() runs one event at a time and returns false when none is pending', () => {
    const { sim, log, note } = makeSim();
    sim.schedule(2, note, 'a');
    sim.schedule(4, note, 'b');
    expect(sim.peek()).toBe(2);
    expect(sim.step()).toBe(true);
    expect(log).toEqual([['a', 2]]);
    expect(sim.peek()).toBe(4);
    expect(sim.step()).toBe(true);
    expect(sim.step()).toBe(false);
    expect(sim.peek()).toBe(Number.POSITIVE_INFINITY);
    expect(sim.now).toBe(4);
  });
});
