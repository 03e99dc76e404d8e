/**
 * Whether `msasim report <dir>` may rewrite the folder's index.html (pure, on facts gathered by
 * commands/report.ts), and why not in English and in Korean (--lang ko).
 * The rules of output folders in general are out-rules.ts's; this is the one case where msasim
 * rewrites a single file inside a folder it wrote earlier.
 */
import {
  type EntryKind,
  KIND_WORDS,
  KIND_WORDS_KO,
  MARKER_FILE,
  OUTPUT_WORDS,
  OUTPUT_WORDS_KO,
  parseMarker,
} from './out-rules.ts';

/** What `msasim report <dir>` found in the folder whose index.html it would rewrite. */
export interface ReportFolderFacts {
  /** The folder itself (lstat). */
  kind: EntryKind;
  /** The marker's text when there is a regular-file marker, null when unreadable, undefined when none. */
  marker?: string | null;
  /** index.html (lstat). */
  index: EntryKind;
  /** Whether index.html carries msasim's generator tag (for a folder without a marker). */
  indexIsMsasims?: boolean;
}

/** Why a rewrite is refused and what to do, in English and in Korean. */
export interface ReportRefusal {
  ok: false;
  why: string;
  todo: string;
  whyKo: string;
  todoKo: string;
}

/**
 * Whether `msasim report` may rewrite index.html in a folder whose results.json it has read:
 * when the folder is marked as a report, or — for folders written before the marker existed —
 * when index.html is missing or is a page msasim generated. Never through a link, never over
 * anything but a regular file.
 */
export function decideReportRewrite(f: ReportFolderFacts): { ok: true } | ReportRefusal {
  const refuse = (why: string, todo: string, whyKo: string, todoKo: string): ReportRefusal => ({
    ok: false,
    why,
    todo,
    whyKo,
    todoKo,
  });
  if (f.kind === 'symlink')
    return refuse(
      'it is a symbolic link',
      'give the folder it points to',
      '심볼릭 링크입니다',
      '링크가 가리키는 폴더를 주세요',
    );
  if (f.kind !== 'dir')
    return refuse(
      `it is ${KIND_WORDS[f.kind]}, not a folder`,
      'give the folder a run wrote',
      `폴더가 아니라 ${KIND_WORDS_KO[f.kind]}입니다`,
      'run이 쓴 폴더를 주세요',
    );
  if (f.index !== 'absent' && f.index !== 'file')
    return refuse(
      `its index.html is ${KIND_WORDS[f.index]}, not the page msasim wrote`,
      'move it out of the folder',
      `index.html이 msasim이 쓴 페이지가 아니라 ${KIND_WORDS_KO[f.index]}입니다`,
      '그것을 폴더 밖으로 옮기세요',
    );
  if (f.marker !== undefined) {
    const marker = f.marker === null ? undefined : parseMarker(f.marker);
    if (marker?.kind === 'report') return { ok: true };
    return refuse(
      marker === undefined
        ? `its ${MARKER_FILE} is not one msasim can read`
        : `it holds ${OUTPUT_WORDS[marker.kind]}, not a report`,
      'give the folder msasim run or compare wrote',
      marker === undefined
        ? `${MARKER_FILE} 파일을 msasim이 읽을 수 없습니다`
        : `보고서가 아니라 다른 출력이 들어 있습니다: ${OUTPUT_WORDS_KO[marker.kind]}`,
      'msasim run이나 compare가 쓴 폴더를 주세요',
    );
  }
  if (f.index === 'absent' || f.indexIsMsasims === true) return { ok: true };
  return refuse(
    "its index.html was not written by msasim (the folder has no marker and the page lacks msasim's generator tag)",
    'move index.html out of the folder, or run the scenario again into a new folder',
    'index.html을 msasim이 쓰지 않았습니다 (폴더에 표식이 없고 페이지에 msasim의 generator 태그가 없습니다)',
    'index.html을 폴더 밖으로 옮기거나, 시나리오를 새 폴더로 다시 실행하세요',
  );
}
