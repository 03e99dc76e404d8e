/** Which saves rerun a watched scenario: its own file and its lesson beside it. */
import { describe, expect, it } from 'vitest';
import { watchedNames } from './watch.ts';

describe('run --watch', () => {
  it('watches the scenario file, its lesson and the lesson’s translations', () => {
    expect(watchedNames('scenarios/01-shared-db.yaml')).toEqual([
      '01-shared-db.yaml',
      '01-shared-db.md',
      '01-shared-db.en.md',
      '01-shared-db.ko.md',
    ]);
    expect(watchedNames('x/a.JSON')).toEqual(['a.JSON', 'a.md', 'a.en.md', 'a.ko.md']);
    expect(watchedNames('odd-name')).toEqual(['odd-name']);
  });
});
