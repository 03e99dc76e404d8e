/** Which saves rerun a watched scenario: its own file and its lesson beside it. */
import { describe, expect, it } from 'vitest';
import { watchedNames, watchLine } from './watch.ts';

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

  it('says after a failed run that the report was not rewritten, and lists the files as a sentence', () => {
    const files = ['s/a.yaml', 's/a.md', 's/a.en.md', 's/a.ko.md'];
    expect(watchLine(1, '10:00:00', 0, files)).toBe(
      'watch: run 1 at 10:00:00 done; reload the page to see the report. Watching s/a.yaml, s/a.md, s/a.en.md and s/a.ko.md (Ctrl-C to stop)',
    );
    // a missed SLO (--check, exit 3) wrote its report
    expect(watchLine(2, '10:00:01', 3, files)).toContain('done; reload the page');
    expect(watchLine(3, '10:00:02', 1, ['a.json'])).toBe(
      'watch: run 3 at 10:00:02 failed: the report was not rewritten; fix the file and save it again. Watching a.json (Ctrl-C to stop)',
    );
  });
});
