/** Tests of event-queue.ts: pop order by (time, priority, insertion order) and growth. */
import { describe, expect, it } from 'vitest';
import { timeline } from '../test-support/timeline.ts';
import { EventQueue } from './event-queue.ts';

/** Pops every pending event and returns [label, time] pairs in pop order. */
function drain(q: EventQueue): [string, number][] {
  const log: [string, number][] = [];
  while (q.size > 0) {
    const arg = q.pop();
    q.poppedHandler(arg);
    log.push([arg as string, q.poppedTime]);
  }
  return log;
}

const noop = (): void => {};

describe('EventQueue', () => {
  it.each([
    {
      what: 'pops events in time order whatever the push order',
      pushes: [
        [3, 1, 'c'],
        [1, 1, 'a'],
        [2, 1, 'b'],
      ],
      order: 'a @1, b @2, c @3',
    },
    {
      what: 'runs lower priorities first among events at the same time',
      pushes: [
        [5, 2, 'late'],
        [5, 1, 'normal'],
        [5, 0, 'urgent'],
        [4, 2, 'earlier'],
      ],
      order: 'earlier @4, urgent @5, normal @5, late @5',
    },
  ] as { what: string; pushes: [number, number, string][]; order: string }[])(
    '$what',
    ({ pushes, order }) => {
      const q = new EventQueue();
      for (const [time, priority, label] of pushes) q.push(time, priority, noop, label);
      expect(timeline(drain(q))).toBe(order);
    },
  );

  it('runs equal-time equal-priority events in schedule order', () => {
    const q = new EventQueue();
    const labels = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'];
    for (const label of labels) q.push(7, 1, noop, label);
    expect(drain(q).map(([label]) => label)).toEqual(labels);
  });

  it('keeps schedule order for ties pushed after earlier pops', () => {
    const q = new EventQueue();
    q.push(1, 1, noop, 'a');
    q.push(2, 1, noop, 'b');
    q.pop();
    q.push(2, 1, noop, 'c');
    q.push(2, 1, noop, 'd');
    expect(timeline(drain(q))).toBe('b @2, c @2, d @2');
  });

  it('keeps (time, priority, insertion) order when growing past the initial capacity', () => {
    const q = new EventQueue(2);
    const expected: [string, number][] = [];
    // 100 events over 10 times, pushed in reverse time order, so each time slot has 10 ties
    for (let t = 9; t >= 0; t--) {
      for (let k = 0; k < 10; k++) q.push(t, 1, noop, `t${t}-${k}`);
    }
    for (let t = 0; t <= 9; t++) {
      for (let k = 0; k < 10; k++) expected.push([`t${t}-${k}`, t]);
    }
    expect(q.size).toBe(100);
    expect(drain(q)).toEqual(expected);
  });

  it('grows from an initial capacity of 0 without losing events', () => {
    const q = new EventQueue(0);
    q.push(2, 1, noop, 'b');
    q.push(1, 1, noop, 'a');
    expect(timeline(drain(q))).toBe('a @1, b @2');
  });

  it('pops the earliest event whether it waits in front of the heap or in it', () => {
    const q = new EventQueue();
    q.push(5, 1, noop, 'five'); // the front
    q.push(3, 1, noop, 'three'); // takes the front; five goes into the heap
    q.push(4, 1, noop, 'four'); // after the front: into the heap
    q.push(3, 0, noop, 'urgent three'); // before the front by priority
    q.push(3, 1, noop, 'three again'); // ties with an event in the heap: after it
    expect(q.size).toBe(5);
    expect(q.peekTime()).toBe(3);
    expect(timeline(drain(q))).toBe('urgent three @3, three @3, three again @3, four @4, five @5');
  });

  it('throws on pop from an empty queue and stays usable', () => {
    const q = new EventQueue();
    expect(() => q.pop()).toThrow(RangeError);
    q.push(1, 1, noop, 'a');
    expect(drain(q)).toEqual([['a', 1]]);
  });

  it('returns the argument and leaves the handler that was pushed with the event', () => {
    const q = new EventQueue();
    const log: string[] = [];
    q.push(2, 1, (x: string) => log.push(`second ${x}`), 'y');
    q.push(1, 1, (x: string) => log.push(`first ${x}`), 'x');
    while (q.size > 0) {
      const arg = q.pop();
      q.poppedHandler(arg);
    }
    expect(log).toEqual(['first x', 'second y']);
  });

  it('reports Infinity as the next time when empty and the earliest time otherwise', () => {
    const q = new EventQueue();
    expect(q.peekTime()).toBe(Number.POSITIVE_INFINITY);
    q.push(4, 1, noop, 'b');
    q.push(3, 2, noop, 'a');
    expect(q.peekTime()).toBe(3);
    q.pop();
    expect(q.peekTime()).toBe(4);
    q.pop();
    expect(q.peekTime()).toBe(Number.POSITIVE_INFINITY);
    expect(q.size).toBe(0);
  });
});
