/** Tests of resource.ts: grant results, FIFO hand-over, bounded queues, trampolining, setCapacity. */
import { describe, expect, it } from 'vitest';
import { timeline } from '../test-support/timeline.ts';
import { Grant, Resource } from './resource.ts';
import { Simulation } from './simulation.ts';

/**
 * One slot and a queue of `queueCapacity`, whose onGrant logs each grant and, when `b` gets
 * the slot, releases it at once and sends `newcomer`, logging what became of it.
 */
function releasingOnGrant(queueCapacity: number, newcomer: string) {
  const log: string[] = [];
  const names = ['granted', 'queued', 'rejected'];
  const res = new Resource<string>(1, queueCapacity, (item) => {
    log.push(`grant ${item}`);
    if (item !== 'b') return;
    res.release();
    log.push(`newcomer ${newcomer} ${names[res.request(newcomer)]}`);
  });
  return { res, log };
}

describe('Resource.request', () => {
  it('grants while slots are free, then queues, then rejects when the queue is full', () => {
    const granted: string[] = [];
    const res = new Resource<string>(1, 1, (item) => granted.push(item));
    expect(res.request('a')).toBe(Grant.granted);
    expect(res.request('b')).toBe(Grant.queued);
    expect(res.request('c')).toBe(Grant.rejected);
    expect(res.inUse).toBe(1);
    expect(res.queueLength).toBe(1);
    expect(granted).toEqual([]);
  });

  it('with queueCapacity 0 rejects whenever every slot is held', () => {
    const res = new Resource<string>(2, 0, () => {});
    expect(res.request('a')).toBe(Grant.granted);
    expect(res.request('b')).toBe(Grant.granted);
    expect(res.request('c')).toBe(Grant.rejected);
    res.release();
    expect(res.request('d')).toBe(Grant.granted);
    expect(res.request('e')).toBe(Grant.rejected);
    expect(res.queueLength).toBe(0);
  });

  it('rejects a capacity below 1 or a negative queue capacity', () => {
    expect(() => new Resource(0, 1, () => {})).toThrow(RangeError);
    expect(() => new Resource(1, -1, () => {})).toThrow(RangeError);
    expect(() => new Resource(Number.NaN, 1, () => {})).toThrow(RangeError);
  });
});

describe('Resource.release', () => {
  it('hands the slot to the head waiter synchronously', () => {
    const log: string[] = [];
    const res = new Resource<string>(1, Number.POSITIVE_INFINITY, (item) =>
      log.push(`grant ${item}`),
    );
    res.request('a');
    res.request('b');
    res.request('c');
    log.push('before release');
    res.release();
    log.push('after release');
    expect(log).toEqual(['before release', 'grant b', 'after release']);
    expect(res.inUse).toBe(1);
    expect(res.queueLength).toBe(1);
  });

  it('serves waiters in arrival order (a SimPy-style one-server model)', () => {
    const sim = new Simulation();
    const log: [string, number][] = [];
    const holdMs = 5;
    const startService = (name: string): void => {
      log.push([`start ${name}`, sim.now]);
      sim.schedule(holdMs, () => {
        log.push([`end ${name}`, sim.now]);
        res.release();
      });
    };
    const res = new Resource<string>(1, Number.POSITIVE_INFINITY, startService);
    const arrive = (name: string): void => {
      if (res.request(name) === Grant.granted) startService(name);
    };
    sim.schedule(0, arrive, 'a');
    sim.schedule(1, arrive, 'b');
    sim.schedule(2, arrive, 'c');
    sim.schedule(2, arrive, 'd');
    sim.run();
    expect(timeline(log)).toBe(
      'start a @0, end a @5, start b @5, end b @10, start c @10, end c @15, start d @15, end d @20',
    );
  });

  it('frees the slot when nobody waits', () => {
    const res = new Resource<string>(2, 5, () => {});
    res.request('a');
    res.request('b');
    res.release();
    expect(res.inUse).toBe(1);
    res.release();
    expect(res.inUse).toBe(0);
  });

  it('throws when no slot is held', () => {
    const res = new Resource<string>(1, 1, () => {});
    expect(() => res.release()).toThrow(Error);
    res.request('a');
    res.release();
    expect(() => res.release()).toThrow(Error);
    expect(res.inUse).toBe(0);
  });

  it('trampolines releases made inside onGrant: 100k zero-time holders, no stack overflow, in order', () => {
    const n = 100_000;
    const served: number[] = [];
    const res = new Resource<number>(1, Number.POSITIVE_INFINITY, (item) => {
      served.push(item);
      res.release();
    });
    expect(res.request(0)).toBe(Grant.granted);
    let queued = 0;
    for (let i = 1; i < n; i++) if (res.request(i) === Grant.queued) queued++;
    expect(queued).toBe(n - 1);
    res.release();
    expect(served.length).toBe(n - 1);
    expect(served.every((item, i) => item === i + 1)).toBe(true);
    expect(res.inUse).toBe(0);
    expect(res.queueLength).toBe(0);
  });

  it('throws on a second release of the same slot made inside onGrant', () => {
    const res = new Resource<string>(1, Number.POSITIVE_INFINITY, () => {
      res.release();
      res.release();
    });
    res.request('a');
    res.request('b');
    expect(() => res.release()).toThrow(Error);
    expect(res.inUse).toBe(0);
  });

  it('gives a slot released inside onGrant to a newcomer at once when nobody waits', () => {
    const { res, log } = releasingOnGrant(1, 'c');
    res.request('a');
    res.request('b');
    res.release();
    expect(log).toEqual(['grant b', 'newcomer c granted']);
    expect(res.inUse).toBe(1);
    expect(res.queueLength).toBe(0);
  });

  it('queues a newcomer behind earlier waiters when a slot is released inside onGrant', () => {
    const { res, log } = releasingOnGrant(5, 'd');
    for (const item of ['a', 'b', 'c']) res.request(item);
    res.release();
    expect(log).toEqual(['grant b', 'newcomer d queued', 'grant c']);
    res.release();
    expect(log.at(-1)).toBe('grant d');
  });
});

describe('Resource.setCapacity', () => {
  it('raising the capacity grants waiters at once, in arrival order', () => {
    const granted: string[] = [];
    const res = new Resource<string>(1, Number.POSITIVE_INFINITY, (item) => granted.push(item));
    for (const item of ['a', 'b', 'c', 'd']) res.request(item);
    res.setCapacity(3);
    expect(granted).toEqual(['b', 'c']);
    expect(res.inUse).toBe(3);
    expect(res.queueLength).toBe(1);
  });

  it('lowering the capacity lets holders finish and grants nobody until inUse is below it', () => {
    const granted: string[] = [];
    const res = new Resource<string>(3, Number.POSITIVE_INFINITY, (item) => granted.push(item));
    for (const item of ['a', 'b', 'c', 'd', 'e']) res.request(item);
    res.setCapacity(1);
    expect(res.inUse).toBe(3);
    res.release();
    res.release();
    expect(granted).toEqual([]);
    expect(res.inUse).toBe(1);
    res.release();
    expect(granted).toEqual(['d']);
    expect(res.inUse).toBe(1);
  });

  it('counts a release made inside an onGrant that setCapacity triggered', () => {
    const granted: string[] = [];
    const res = new Resource<string>(1, Number.POSITIVE_INFINITY, (item) => {
      granted.push(item);
      res.release();
    });
    res.setCapacity(0);
    res.request('a');
    res.request('b');
    res.setCapacity(1);
    expect(granted).toEqual(['a', 'b']);
    expect(res.inUse).toBe(0);
    expect(res.request('c')).toBe(Grant.granted);
  });

  it('capacity 0 queues every newcomer until it is raised again', () => {
    const granted: string[] = [];
    const res = new Resource<string>(1, Number.POSITIVE_INFINITY, (item) => granted.push(item));
    res.setCapacity(0);
    expect(res.request('a')).toBe(Grant.queued);
    res.setCapacity(1);
    expect(granted).toEqual(['a']);
    expect(() => res.setCapacity(-1)).toThrow(RangeError);
  });
});
