/**
 * The playground's choice of a lesson's language: the page's language (page-lang.ts: the
 * browser's `navigator.language`, Korean when it starts with "ko", else English, then the
 * toolbar's language select) picks the translation the gallery shows and the language the
 * report's page is built in (report/features/lesson/lesson-for.ts); a lesson without a
 * translation into it is shown as written. Pure, so the choice is tested without a browser.
 */
import type { LessonLang } from '../scenario/lesson-types.ts';
import type { ShippedScenario } from './assets.ts';
import type { RunRequest } from './protocol.ts';

/** The language of a BCP 47 tag ("ko-KR" → ko, anything else → en): the report's rule. */
export { langOfLocale } from '../report/i18n/lang.ts';

/** The lesson of `s` for a reader of `lang`: its translation into it, else the lesson itself. */
export function lessonInLang(s: ShippedScenario | undefined, lang: LessonLang): string | null {
  if (s === undefined || s.lesson === null) return null;
  return s.translations?.[lang] ?? s.lesson;
}

/** The text of the lesson and its translations, for the gallery's search. */
export function lessonSearchText(s: ShippedScenario): string {
  return [s.lesson ?? '', ...Object.values(s.translations ?? {})].join('\n');
}

/** What a run request of `s` carries for its lesson's languages (the report's page in `lang`). */
export function lessonLanguages(
  s: ShippedScenario | undefined,
  lang: LessonLang,
): Pick<RunRequest, 'lessonTranslations' | 'lang'> {
  const translations = s?.translations;
  return { ...(translations === undefined ? {} : { lessonTranslations: translations }), lang };
}
