/**
 * The lesson beside a scenario (`x.yaml` → `x.md`): read safely, its figures and claims resolved
 * against the scenario (scenario/lesson.ts; a reference that does not resolve is a located
 * ScenarioError in the lesson's file, for `run` and `validate` alike), and after a run the
 * warnings for the claims that run contradicts (lesson-warnings.ts), so a teacher sees a
 * changed scenario disagreeing with its lesson.
 */
import { ScenarioError } from '../scenario/issues.ts';
import { parseLesson } from '../scenario/lesson.ts';
import type { LessonRefs } from '../scenario/lesson-types.ts';
import type { LoadedScenario } from '../scenario/load.ts';
import type { CliIo } from './io.ts';
import { describeKind, formatBytes, readRegularFile, UnsafeFileError } from './safe-read.ts';

/** The largest lesson msasim reads. */
export const LESSON_MAX_BYTES = 1024 * 1024;

/** The lesson beside a scenario file. */
export const lessonFileOf = (file: string) => file.replace(/\.(ya?ml|json)$/i, '.md');

/**
 * The lesson beside a scenario file (`x.yaml` → `x.md`), or null when there is none. Only a
 * regular file of at most LESSON_MAX_BYTES is read: a symbolic link (which could lead anywhere,
 * e.g. /etc/passwd, into the report), a FIFO (which would hang the run) or a device is skipped
 * with a warning, as is a larger file.
 */
export async function readLesson(file: string, io: CliIo): Promise<string | null> {
  const lesson = lessonFileOf(file);
  if (lesson === file) return null;
  try {
    return await readRegularFile(lesson, LESSON_MAX_BYTES);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return null;
    const why =
      e instanceof UnsafeFileError
        ? e.reason === 'too-large'
          ? `it is larger than ${formatBytes(LESSON_MAX_BYTES)}`
          : `it is ${describeKind(e.reason)}, not a regular file`
        : (e as Error).message;
    io.err(
      `warning: ${lesson}: not read as the scenario's lesson: ${why}; the report has no lesson.\n`,
    );
    return null;
  }
}

/** A lesson and its resolved figures and claims. */
export interface Lesson {
  text: string;
  refs: LessonRefs;
}

/**
 * The lesson beside `file` with its references resolved against `loaded`, or null when there is
 * none. @throws ScenarioError with the located problems of its figures and claims.
 */
export async function loadLesson(
  file: string,
  loaded: LoadedScenario,
  io: CliIo,
): Promise<Lesson | null> {
  const text = await readLesson(file, io);
  if (text === null || loaded.lessonScope === undefined) return null;
  const { refs, issues } = parseLesson(text, lessonFileOf(file), loaded.lessonScope());
  if (issues.length > 0) throw new ScenarioError(issues);
  return { text, refs };
}
