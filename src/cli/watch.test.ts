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

  it('says the same in Korean with --lang ko', () => {
    const files = ['s/a.yaml', 's/a.md'];
    expect(watchLine(1, '10:00:00', 0, files, 'ko')).toBe(
      'watch: 10:00:00 실행 1 완료. 페이지를 새로 고치면 보고서가 보입니다. 지켜보는 파일: s/a.yaml, s/a.md (멈추려면 Ctrl-C)',
    );
    expect(watchLine(2, '10:00:01', 3, files, 'ko')).toContain('완료. 페이지를 새로 고치면');
    expect(watchLine(3, '10:00:02', 1, ['a.json'], 'ko')).toBe(
      'watch: 10:00:02 실행 3 실패: 보고서를 다시 쓰지 않았습니다. 파일을 고쳐 다시 저장하세요. 지켜보는 파일: a.json (멈추려면 Ctrl-C)',
    );
  });
});
