/**
 * The words of msasim's refusals to write somewhere, in English and in Korean (--lang ko): the
 * kinds of entries and of output folders, and the one-paragraph refusal (why, what to do,
 * nothing was written). The decisions themselves are out-rules.ts's and report-rules.ts's.
 */

/** What lstat says a path is (`absent`: nothing there). */
export type EntryKind =
  | 'absent'
  | 'dir'
  | 'file'
  | 'symlink'
  | 'fifo'
  | 'socket'
  | 'device'
  | 'other';

/**
 * The kind of output a command writes: `report` (run, compare: the folder is replaced whole),
 * `spof` (replaced whole), `sweep` (sweep, merge: files are added into the folder, nothing is
 * deleted, so `--resume` keeps the finished points). A folder marked with one kind is never
 * written by a command of another kind.
 */
export type OutputKind = 'report' | 'spof' | 'sweep';

/** Each kind of entry in words ("a symbolic link"). */
export const KIND_WORDS: Record<EntryKind, string> = {
  absent: 'nothing',
  dir: 'a folder',
  file: 'a file',
  symlink: 'a symbolic link',
  fifo: 'a FIFO (named pipe)',
  socket: 'a socket',
  device: 'a device',
  other: 'a special file',
};

/** Each kind of output folder in words. */
export const OUTPUT_WORDS: Record<OutputKind, string> = {
  report: 'a report of msasim run/compare',
  spof: 'an analysis of msasim spof',
  sweep: 'a sweep of msasim sweep/merge',
};

/** Each kind of entry in Korean (KIND_WORDS). */
export const KIND_WORDS_KO: Record<EntryKind, string> = {
  absent: '없음',
  dir: '폴더',
  file: '파일',
  symlink: '심볼릭 링크',
  fifo: 'FIFO(이름 있는 파이프)',
  socket: '소켓',
  device: '장치',
  other: '특수 파일',
};

/** Each kind of output folder in Korean (OUTPUT_WORDS). */
export const OUTPUT_WORDS_KO: Record<OutputKind, string> = {
  report: 'msasim run/compare의 보고서',
  spof: 'msasim spof의 분석',
  sweep: 'msasim sweep/merge의 스윕',
};

/** The one-paragraph refusal printed for `verdict` (exit 2), in English or in Korean. */
export function refusalText(
  f: { option: string; given: string },
  why: string,
  todo: string,
  lang: 'en' | 'ko' = 'en',
): string {
  const shown = f.given === '' ? "''" : f.given;
  const nothing = lang === 'ko' ? '아무것도 쓰지 않았습니다.' : 'Nothing was written.';
  return `${f.option} ${shown}: ${why}.\n  → ${todo}. ${nothing}`;
}

/** The one-paragraph refusal in Korean (refusalText), exit 2. */
export const refusalTextKo = (f: { option: string; given: string }, why: string, todo: string) =>
  refusalText(f, why, todo, 'ko');
