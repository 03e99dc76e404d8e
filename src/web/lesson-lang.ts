/**
 * The playground's choice of a lesson's language: the browser's language (`navigator.language`,
 * Korean when it starts with "ko", else English) picks the translation the gallery shows and the
 * report's page is built in (report/features/lesson/lesson-for.ts); a lesson without a
 * translation into it is shown as written. Pure, so the choice is tested without a browser.
 */
import type { LessonLang } from '../scenario/lesson-types.ts';
import type { ShippedScenario } from './assets.ts';

/** The lesson language of a BCP 47 tag ("ko-KR" → ko, anything else → en). */
export function langOfLocale(tag: string | undefined): LessonLang {
  return tag !== undefined && /^ko(-|$)/i.test(tag) ? 'ko' : 'en';
}

/** The lesson of `s` for a reader of `lang`: its translation into it, else the lesson itself. */
export function lessonInLang(s: ShippedScenario, lang: LessonLang): string | null {
  if (s.lesson === null) return null;
  return s.translations?.[lang] ?? s.lesson;
}
