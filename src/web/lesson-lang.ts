/**
 * The playground's choice of a lesson's language: the page's language (page-lang.ts: the
 * browser's `navigator.language`, Korean when it starts with "ko", else English, then the
 * toolbar's language select) picks the translation the gallery shows and the language the
 * report's page is built in (report/features/lesson/lesson-for.ts); a lesson without a
 * translation into it is shown as written. The lesson pane shows its figures as their references
 * until the scenario has run, then that run's values (`paneLesson`). Pure, so the choice is
 * tested without a browser.
 */
import { filledLesson, lessonFor } from '../report/features/lesson/lesson-for.ts';
import { lessonWithReferences } from '../report/lesson-figures.ts';
import type { ReportData } from '../report/report-data-types.ts';
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

/**
 * The title of the lesson of `s` for a reader of `lang` (its first `# ` heading, Markdown marks
 * taken out), for the gallery beside the scenario's `name:`; null without a lesson or a heading.
 */
export function lessonTitle(s: ShippedScenario | undefined, lang: LessonLang): string | null {
  const heading = /^# +(.+?)\s*$/m.exec(lessonInLang(s, lang) ?? '')?.[1];
  return heading === undefined ? null : heading.replace(/[`*_]/g, '');
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

/**
 * The lesson pane's Markdown for a reader of `lang`: before a run, the lesson of `s` with its
 * figures as their references (`{{shop: p99}}` shows `shop p99`); once the scenario has run,
 * filled in from that run's results.json as the report's lesson section is (its claims checked).
 */
export function paneLesson(
  s: ShippedScenario | undefined,
  lang: LessonLang,
  resultsJson?: string,
): string | null {
  if (resultsJson !== undefined) {
    const data = JSON.parse(resultsJson) as ReportData;
    const view = lessonFor(data, lang);
    const variants = data.variants.map((v) => ({ variant: v.variant, estimates: v.estimates }));
    if (view !== null) return filledLesson(view, variants);
  }
  const lesson = lessonInLang(s, lang);
  return lesson === null ? null : lessonWithReferences(lesson);
}
