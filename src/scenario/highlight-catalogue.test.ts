/** The catalogue's step-kind scopes: the named steps are the items, every step counts. */
import { describe, expect, it } from 'vitest';
import { HIGHLIGHT_CATALOGUE, type HighlightContext } from './highlight-catalogue.ts';

/** A context of `steps` alone (the step scopes read nothing of the document). */
const withSteps = (...steps: object[]): HighlightContext => ({
  doc: {} as HighlightContext['doc'],
  steps: steps.map((step) => ({ step })),
});

describe('step-kind scopes', () => {
  it.each([
    ['sagas', 'saga'],
    ['transactions', 'transaction'],
    ['twoPhaseCommits', 'twoPhaseCommit'],
    ['pendingStates', 'pending'],
  ])('%s: items are the %s steps named once each; count includes the unnamed', (scope, kind) => {
    const s = HIGHLIGHT_CATALOGUE.find((x) => x.scope === scope);
    const c = withSteps(
      { [kind]: { name: 'a' } },
      { [kind]: { name: 'a' } },
      { [kind]: {} },
      { cpu: '1ms' },
      { [kind]: 'shorthand' },
    );
    expect(s?.items(c)).toEqual(['a']);
    expect(s?.count?.(c)).toBe(3);
    expect(s?.count?.(withSteps({ cpu: '1ms' }))).toBe(0);
  });
});
