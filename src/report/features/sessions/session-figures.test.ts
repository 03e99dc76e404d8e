import { describe, expect, it } from 'vitest';
import { fakeSessionSummary } from '../../../test-support/sessions.ts';
import { idpCalls, idpCallsPerSec } from './session-figures.ts';

describe('IdP calls', () => {
  const idp = { issues: 10, resolves: 200, syncs: 5, syncFailures: 0 };
  it('count issues, resolves and syncs when the IdP resolves tokens', () => {
    expect(idpCalls(fakeSessionSummary({ idp, resolvedBy: 'idp' }))).toBe(215);
    expect(idpCallsPerSec(fakeSessionSummary({ idp, resolvedBy: 'idp' }), 5000)).toBe(43);
  });
  it('count only issues when a token store resolves them (those are store operations)', () => {
    expect(idpCalls(fakeSessionSummary({ idp, resolvedBy: 'store' }))).toBe(10);
  });
});
