/** Which saves rerun a watched scenario: its own file and its lesson beside it. */
import { describe, expect, it } from 'vitest';
import { watchedNames } from './watch.ts';

describe('run --watch', () => {
  it('watches the scenario file and its lesson', () => {
    expect(watchedNames('scenarios/01-shared-db.yaml')).toEqual([
      '01-shared-db.yaml',
      '01-shared-db.md',
    ]);
    expect(watchedNames('x/a.JSON')).toEqual(['a.JSON', 'a.md']);
    expect(watchedNames('odd-name')).toEqual(['odd-name']);
  });
});
