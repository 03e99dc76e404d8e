/** Tests of fifo.ts: push, shift and peek across ring wrap-around and growth. */
import { describe, expect, it } from 'vitest';
import { Fifo } from './fifo.ts';

describe('Fifo', () => {
  it('returns undefined from shift and peek when empty', () => {
    const q = new Fifo<number>();
    expect(q.length).toBe(0);
    expect(q.shift()).toBeUndefined();
    expect(q.peek()).toBeUndefined();
  });

  it('shifts items in push order and peeks at the head without removing it', () => {
    const q = new Fifo<string>();
    q.push('a');
    q.push('b');
    expect(q.peek()).toBe('a');
    expect(q.length).toBe(2);
    expect(q.shift()).toBe('a');
    expect(q.peek()).toBe('b');
    expect(q.shift()).toBe('b');
    expect(q.length).toBe(0);
  });

  it('keeps order when the ring wraps around many times', () => {
    const q = new Fifo<number>();
    const out: number[] = [];
    let next = 0;
    // hold about 10 items in a 16-slot ring while 1,000 pass through
    for (let i = 0; i < 10; i++) q.push(next++);
    while (next < 1000) {
      q.push(next++);
      out.push(q.shift() as number);
    }
    while (q.length > 0) out.push(q.shift() as number);
    expect(out).toEqual(Array.from({ length: 1000 }, (_, i) => i));
  });

  it('keeps order when it grows while the head is in the middle of the ring', () => {
    const q = new Fifo<number>();
    for (let i = 0; i < 12; i++) q.push(i);
    for (let i = 0; i < 10; i++) q.shift();
    // head is at slot 10; pushing 100 more wraps, then grows several times
    for (let i = 12; i < 112; i++) q.push(i);
    expect(q.length).toBe(102);
    expect(q.peek()).toBe(10);
    const out: number[] = [];
    while (q.length > 0) out.push(q.shift() as number);
    expect(out).toEqual(Array.from({ length: 102 }, (_, i) => i + 10));
  });

  it('accepts any initial capacity, including 0 and non-powers of two', () => {
    for (const initialCapacity of [0, 1, 17, 100]) {
      const q = new Fifo<number>(initialCapacity);
      for (let i = 0; i < 300; i++) q.push(i);
      const out: number[] = [];
      while (q.length > 0) out.push(q.shift() as number);
      expect(out).toEqual(Array.from({ length: 300 }, (_, i) => i));
    }
  });

  it('stores falsy items faithfully', () => {
    const q = new Fifo<number | null | string>();
    q.push(0);
    q.push(null);
    q.push('');
    expect([q.shift(), q.shift(), q.shift()]).toEqual([0, null, '']);
  });
});
