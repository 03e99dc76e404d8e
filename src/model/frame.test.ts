/**
 * Frame, Invocation and Request are three flat classes (no `extends`, see frame.ts) whose
 * constructors assign every field: a field added to one constructor and forgotten in another
 * would give visits of different shapes, or fields that are undefined.
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
    const frameFields = Object.keys(frame);
    const callFields = Object.keys(call);
    expect(callFields.slice(0, frameFields.length)).toEqual(frameFields);
    expect(Object.keys(req).slice(0, callFields.length)).toEqual(callFields);
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
