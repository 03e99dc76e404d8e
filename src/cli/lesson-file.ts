/**
 * The lesson beside a scenario (`x.yaml` → `x.md`) and its translations (`x.ko.md`, `x.en.md`:
 * scenario/lesson-translation.ts): read safely, their figures and claims resolved against the
 * scenario (scenario/lesson.ts; a reference that does not resolve is a located ScenarioError in
 * the lesson's or the translation's file, for `run` and `validate` alike, as is a claims block
 * in a translation; a translation's figures unlike the original's are warnings), and after a run
 * the warnings for the claims that run contradicts (lesson-warnings.ts), so a teacher sees a
 * changed scenario disagreeing with its lesson. The claims are the original's, checked once.
 */
import type { Lang } from '../report/i18n/lang.ts';
import { formatIssues } from '../scenario/format.ts';
import { ScenarioError, type ScenarioIssue } from '../scenario/issues.ts';
import { parseLesson } from '../scenario/lesson.ts';
import {
  lessonLangOf,
  parseTranslation,
  translationFileOf,
  translationLangs,
} from '../scenario/lesson-translation.ts';
import type { LessonLang, LessonRefs, LessonTranslation } from '../scenario/lesson-types.ts';
import type { LoadedScenario } from '../scenario/load.ts';
import { hexByte, notUtf8 } from '../scenario/utf8.ts';
import type { CliIo } from './io.ts';
import { KIND_WORDS_KO } from './out-words.ts';
import { describeKind, formatBytes, readRegularBytes, UnsafeFileError } from './safe-read.ts';

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
export async function readLesson(
  file: string,
  io: CliIo,
  lang: Lang = 'en',
): Promise<string | null> {
  const lesson = lessonFileOf(file);
  if (lesson === file) return null;
  return readLessonFile(lesson, io, false, lang);
}

/**
 * The Markdown file `lesson` (a lesson or a translation), read as readLesson reads it. A file
 * that is not UTF-8 text (a lesson saved as CP949, say) is skipped with a warning naming its
 * first bad byte, rather than shown with U+FFFD in place of its Hangul.
 */
async function readLessonFile(
  lesson: string,
  io: CliIo,
  translation: boolean,
  lang: Lang = 'en',
): Promise<string | null> {
  const ko = lang === 'ko';
  let why: string;
  try {
    const bytes = await readRegularBytes(lesson, LESSON_MAX_BYTES);
    const bad = notUtf8(bytes);
    if (bad === undefined) return bytes.toString('utf8');
    why = ko
      ? `UTF-8 텍스트가 아닙니다 (${bad.line}행 ${bad.col}열의 바이트 ${hexByte(bad.byte)}는 UTF-8 문자의 일부가 아닙니다). UTF-8로 저장하세요`
      : `it is not UTF-8 text (byte ${hexByte(bad.byte)} at line ${bad.line}, column ${bad.col} is not part of a UTF-8 character); save it as UTF-8`;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return null;
    // the operating system's own reason (another error) stays as it gives it
    why = !(e instanceof UnsafeFileError)
      ? (e as Error).message
      : e.reason === 'too-large'
        ? ko
          ? `${formatBytes(LESSON_MAX_BYTES)}보다 큽니다`
          : `it is larger than ${formatBytes(LESSON_MAX_BYTES)}`
        : ko
          ? `일반 파일이 아니라 ${KIND_WORDS_KO[e.reason]}입니다`
          : `it is ${describeKind(e.reason)}, not a regular file`;
  }
  if (ko)
    io.err(
      translation
        ? `경고: ${lesson}: 시나리오 교안의 번역으로 읽지 않았습니다: ${why}.\n`
        : `경고: ${lesson}: 시나리오의 교안으로 읽지 않았습니다: ${why}. 보고서에 교안이 없습니다.\n`,
    );
  else
    io.err(
      translation
        ? `warning: ${lesson}: not read as a translation of the scenario's lesson: ${why}.\n`
        : `warning: ${lesson}: not read as the scenario's lesson: ${why}; the report has no lesson.\n`,
    );
  return null;
}

/** A lesson and its resolved figures and claims, its language and its translations. */
export interface Lesson {
  text: string;
  refs: LessonRefs;
  lang: LessonLang;
  translations: LessonTranslation[];
}

/**
 * The lesson beside `file` with its references resolved against `loaded`, and its translations
 * with theirs, or null when there is no lesson (a translation without it gets a warning and is
 * not read). Warnings about the translations are printed.
 * @throws ScenarioError with the located problems of the figures and claims of them all.
 */
export async function loadLesson(
  file: string,
  loaded: LoadedScenario,
  io: CliIo,
  lang: Lang = 'en',
): Promise<Lesson | null> {
  const lessonFile = lessonFileOf(file);
  if (lessonFile === file || loaded.lessonScope === undefined) return null;
  const lessonLang = lessonLangOf(loaded.lang);
  const text = await readLesson(file, io, lang);
  if (text === null) {
    await warnOrphanTranslations(lessonFile, lessonLang, io, lang);
    return null;
  }
  const scope = loaded.lessonScope();
  const { refs, issues } = parseLesson(text, lessonFile, scope);
  const problems: ScenarioIssue[] = [...issues];
  const translations: LessonTranslation[] = [];
  for (const to of translationLangs(lessonLang)) {
    const tFile = translationFileOf(lessonFile, to);
    const tText = await readLessonFile(tFile, io, true, lang);
    if (tText === null) continue;
    const parsed = parseTranslation(tText, tFile, scope, refs);
    problems.push(...parsed.issues);
    translations.push({ lang: to, text: tText, refs: parsed.refs });
  }
  if (problems.some((i) => i.severity === 'error')) throw new ScenarioError(problems);
  if (problems.length > 0) io.err(`${formatIssues(problems, lang)}\n`);
  return { text, refs, lang: lessonLang, translations };
}

/** A warning for each translation beside a scenario that has no lesson to translate. */
async function warnOrphanTranslations(
  lessonFile: string,
  lessonLang: LessonLang,
  io: CliIo,
  lang: Lang,
) {
  for (const to of translationLangs(lessonLang)) {
    const tFile = translationFileOf(lessonFile, to);
    const tText = await readLessonFile(tFile, io, true, lang);
    if (tText !== null)
      io.err(
        lang === 'ko'
          ? `경고: ${tFile}: 없는 ${lessonFile}의 번역이라 읽지 않았습니다 (먼저 원래 언어로 교안을 쓰세요).\n`
          : `warning: ${tFile}: a translation of ${lessonFile}, which does not exist: not read (write the lesson in its own language first).\n`,
      );
  }
}
