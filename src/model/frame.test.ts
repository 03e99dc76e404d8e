/**
 * Frame, Invocation and Request are three flat classes (no `extends`, see frame.ts) whose
 * constructors assign every field: a field added to one constructor and forgotten in another
 * would give visits of different shapes, or fields that are undefined. What a visit does not
 * store (a root frame's parent, inParallel and inv; a request's request and caller) its class
 * answers with getters; Frame's rarer wait fields and a call's data are accessors of `aside`, and a
 * request's work counts accessors of `work`, both created on their first write.
 */
import { describe, expect, it } from 'vitest';
import { type Entry, Frame, Invocation, Request, VisitAside } from './frame.ts';
import type { EndpointRuntime } from './service.ts';

describe('frames, visits and requests', () => {
  const endpoint = { steps: [] } as unknown as EndpointRuntime;
  const entry = { endpoint, hopBack: null, warmupMs: 0 } as unknown as Entry;
  const req = new Request(entry, 0);
  const call = new Invocation(req, endpoint, req);
  const frame = new Frame(call, [], call, true);

  it('an Invocation starts with the fields of a Frame it stores, a Request with those of an Invocation', () => {
    const rootless = ['parent', 'inParallel', 'inv'];
    const frameFields = Object.keys(frame).filter((k) => !rootless.includes(k));
    expect(Object.keys(frame).slice(frameFields.length)).toEqual(rootless);
    const callFields = Object.keys(call);
    // steps, pc, error, cause at the same places; then the rarer wait fields, kept aside, and the query's
    expect(callFields.slice(0, 4)).toEqual(frameFields.slice(0, 4));
    expect(callFields.slice(4, 9)).toEqual(['aside', 'pending', 'current', 'rows', 'sinceMs']);
    expect(callFields.slice(-2)).toEqual(['request', 'caller']);
    const stored = callFields.slice(0, -2);
    expect(Object.keys(req).slice(0, stored.length)).toEqual(stored);
    expect(Object.keys(req).slice(stored.length)).toEqual(['entry', 'sentMs', 'finished', 'work']);
  });

  it("a visit's wait fields and data read as a fresh Frame's until written, then as written", () => {
    const r = new Request(entry, 0);
    const c = new Invocation(r, endpoint, r);
    const waits = ['pending', 'current', 'rows', 'job', 'sinceMs', 'workMs'] as const;
    const fresh = new Frame(c, [], c, false);
    for (const v of [r, c]) {
      for (const k of waits) expect(v[k]).toBe(fresh[k]);
      expect(v.data).toBe(null);
      expect(v.aside).toBe(null);
    }
    c.rows = 7;
    c.sinceMs = 1.5;
    // the query's fields are stored; the first rarer one written creates the aside
    expect(c.aside).toBe(null);
    c.workMs = 2;
    expect(c.aside).toBeInstanceOf(VisitAside);
    expect([c.rows, c.sinceMs, c.pending, c.current, c.workMs]).toEqual([7, 1.5, 0, null, 2]);
    r.pending = 2;
    r.pending--;
    expect(r.pending).toBe(1);
    r.data = null;
    expect(r.aside).toBeInstanceOf(VisitAside);
  });

  it("a request's work counts read 0 until its first call or query", () => {
    const r = new Request(entry, 0);
    expect([r.callCount, r.queryCount, r.rowCount, r.byteCount, r.degraded, r.work]).toEqual([
      0,
      0,
      0,
      0,
      false,
      null,
    ]);
    r.callCount++;
    r.rowCount += 30;
    expect([r.callCount, r.queryCount, r.rowCount, r.byteCount, r.degraded]).toEqual([
      1,
      0,
      30,
      0,
      false,
    ]);
    expect(r.work?.callCount).toBe(1);
  });

  it('a visit stores no field its class answers for it', () => {
    for (const k of ['parent', 'inParallel', 'inv']) {
      expect(Object.hasOwn(call, k)).toBe(false);
      expect(Object.hasOwn(req, k)).toBe(false);
    }
    expect(Object.hasOwn(req, 'request')).toBe(false);
    expect(Object.hasOwn(req, 'caller')).toBe(false);
    expect([call.parent, call.inParallel, req.parent, req.inParallel, req.caller]).toEqual([
      null,
      false,
      null,
      false,
      null,
    ]);
    expect(call.caller).toBe(req);
  });

  it('every field is assigned by the constructor (only the two wait times start undefined)', () => {
    const unset = (o: object) =>
      Object.entries(o)
        .filter(([, v]) => v === undefined)
        .map(([k]) => k);
    expect(unset(frame)).toEqual(['sinceMs', 'workMs']);
    expect(unset(new VisitAside())).toEqual(['workMs']);
    expect(unset(call)).toEqual(['sinceMs']);
    expect(unset(req)).toEqual(['sinceMs']);
  });

  it('a request is its own root frame and its own visit', () => {
    expect(req.inv).toBe(req);
    expect(req.request).toBe(req);
    expect(call.inv).toBe(call);
    expect(call.request).toBe(req);
    expect(frame.inv).toBe(call);
  });
});
