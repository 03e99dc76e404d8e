/**
 * Frame, Invocation and Request are three flat classes (no `extends`, see frame.ts) whose
 * constructors assign every field: a field added to one constructor and forgotten in another
 * would give visits of different shapes, or fields that are undefined. What a visit does not
 * store (a root frame's parent, inParallel and inv; a request's request and caller) its class
 * answers with getters.
 */
import { describe, expect, it } from 'vitest';
import { type Entry, Frame, Invocation, Request } from './frame.ts';
import type { EndpointRuntime } from './service.ts';

describe('frames, visits and requests', () => {
  const endpoint = { steps: [] } as unknown as EndpointRuntime;
  const entry = { endpoint, hopBack: null, warmupMs: 0 } as unknown as Entry;
  const req = new Request(entry, 0);
  const call = new Invocation(req, endpoint, req);
  const frame = new Frame(call, [], call, true);

  it('an Invocation starts with the fields of a Frame, a Request with those of an Invocation', () => {
    const rootless = ['parent', 'inParallel', 'inv'];
    const frameFields = Object.keys(frame).filter((k) => !rootless.includes(k));
    expect(Object.keys(frame).slice(frameFields.length)).toEqual(rootless);
    const callFields = Object.keys(call);
    expect(callFields.slice(0, frameFields.length)).toEqual(frameFields);
    expect(callFields.slice(-2)).toEqual(['request', 'caller']);
    const stored = callFields.slice(0, -2);
    expect(Object.keys(req).slice(0, stored.length)).toEqual(stored);
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
    for (const o of [frame, call, req]) {
      const unset = Object.entries(o)
        .filter(([, v]) => v === undefined)
        .map(([k]) => k);
      expect(unset).toEqual(['sinceMs', 'workMs']);
    }
  });

  it('a request is its own root frame and its own visit', () => {
    expect(req.inv).toBe(req);
    expect(req.request).toBe(req);
    expect(call.inv).toBe(call);
    expect(call.request).toBe(req);
    expect(frame.inv).toBe(call);
  });
});
