/**
 * A server's busy and queue levels follow its threads: on admission, and when a GC pause or a
 * capacity fault changes how many threads it has (its slots), so the time-weighted levels of a
 * service's instances, cache nodes and brokers (all servers) show a pause's queue and the burst
 * of grants after it.
 */
import { describe, expect, it } from 'vitest';
import { Grant } from '../engine/index.ts';
import { TimeWeighted } from '../metrics/time-weighted.ts';
import { Server } from './server.ts';

/** A server of `threads` threads, an unbounded queue, and the operations granted from its queue. */
function server(threads: number) {
  const granted: number[] = [];
  const busy = new TimeWeighted();
  const queue = new TimeWeighted();
  const s = new Server<{ sinceMs: number; id: number }>(
    threads,
    Number.POSITIVE_INFINITY,
    (op) => granted.push(op.id),
    busy,
    queue,
  );
  return { s, busy, queue, granted };
}

describe('Server levels', () => {
  it('records busy threads and the queue when operations are admitted', () => {
    const { s, busy, queue, granted } = server(2);
    // granted at once (the caller goes on: no onGrant), then queued
    const grants = [1, 2, 3].map((id) => s.admit({ sinceMs: 0, id }, 0));
    expect(grants).toEqual([Grant.granted, Grant.granted, Grant.queued]);
    expect(granted).toEqual([]);
    expect([busy.level, queue.level]).toEqual([2, 1]);
  });

  it('records the queue a pause builds and the grants when it ends, through its slots', () => {
    const { s, busy, queue, granted } = server(2);
    s.slots.paused = 1;
    s.slots.apply(0); // no thread while the pause lasts
    for (let id = 1; id <= 3; id++) s.admit({ sinceMs: 0, id }, 0);
    expect(granted).toEqual([]);
    expect([busy.level, queue.level]).toEqual([0, 3]);
    s.slots.paused = 0;
    s.slots.apply(10); // the pause ends at 10 ms: two grants at once, one left waiting
    expect(granted).toEqual([1, 2]);
    expect([busy.level, queue.level, busy.max]).toEqual([2, 1, 2]);
    // over [0, 20]: 3 queued for 10 ms then 1 for 10 ms; 0 busy then 2
    expect(queue.mean(20)).toBe(2);
    expect(busy.mean(20)).toBe(1);
  });

  it('records a capacity loss that leaves fewer threads', () => {
    const { s, busy, queue } = server(4);
    s.slots.remaining = 0.5;
    s.slots.apply(0); // half the threads
    for (let id = 1; id <= 4; id++) s.admit({ sinceMs: 0, id }, 0);
    expect([busy.level, queue.level]).toEqual([2, 2]);
    s.slots.remaining = 1;
    s.slots.apply(5);
    expect([busy.level, queue.level]).toEqual([4, 0]);
  });
});
